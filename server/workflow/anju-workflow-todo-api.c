/* anju-workflow-todo-api.c: the unified to-do and done lists
 * (统一待办/已办, F-PORTAL-005; docs/api.md, "To-do and done").
 *
 * The to-do list is every open task of a live instance that the caller
 * may act on, across all domains: review tasks of running instances
 * whose role the caller holds with the task's organisation in their
 * scope (or that were transferred to them), and supplement tasks of
 * their own returned instances.  The SQL below says the same as
 * anju_wf_user_may_act(), for a whole list at once.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-counted-page.h"
#include "anju-db-worker.h"
#include "anju-json-text-columns.h"
#include "anju-stmt.h"
#include "anju-validation.h"
#include "anju-workflow-private.h"

/* ?3 a template code or NULL, ?4 overdue only, ?5 now. */
#define TODO_FILTERS \
  " AND (?3 IS NULL OR tp.code = ?3)" \
  " AND (NOT ?4 OR t.due_at < ?5)"

/* Review tasks of running instances, supplement tasks of returned ones. */
#define TODO_LIVE \
  " AND ((t.kind = 'review' AND i.state = 'running')" \
  "  OR (t.kind = 'supplement' AND i.state = 'returned'))"

#define TODO_JOINS \
  " JOIN workflow_instances i ON i.id = t.instance_id" \
  " JOIN workflow_templates tp ON tp.id = i.template_id"

/* COLUMNS of the open tasks of live instances that ?1 (the caller's id)
 * may act on, with FILTERS: those transferred to them, then the
 * unassigned ones of a role they hold at an organisation under ?2 (their
 * organisation's path).
 *
 * Two SELECTs joined by UNION ALL rather than one OR: an OR over columns
 * of two tables serves no index, and SQLite walked every open task of the
 * city to keep a street's few hundred.  Each half is one index search:
 * the first workflow_tasks_open_assignee; the second the organisations of
 * the scope by their path's range (a path starts with ?2 exactly when it
 * sorts between ?2 and ?2 followed by the byte 0xff, which no UTF-8 text
 * holds), then workflow_tasks_open_org_role for each of them and each of
 * the caller's roles.  INDEXED BY and CROSS JOIN (which SQLite never
 * reorders) hold it to that plan: without statistics it would rather
 * walk an open-task index in the list's order, or take "assignee_id IS
 * NULL" for an equality on the assignee index, under which nearly every
 * open task is.  The roles are joined, not tested with IN (SELECT …),
 * and the joins sit inside each half rather than around a subquery of
 * ids, so that no statement builds a temporary table: SQLite opened and
 * freed one per request for each, a sixth of the to-do's CPU.  The
 * halves are disjoint (one assignee or none), and a user holds a role
 * once, so no task comes twice; SQLite sorts each half and merges them. */
#define TODO_SELECT(COLUMNS, FILTERS) \
  "SELECT " COLUMNS " FROM workflow_tasks t INDEXED BY workflow_tasks_open_assignee" TODO_JOINS \
  " JOIN organisations o ON o.id = t.org_id" \
  " WHERE t.state = 'open' AND t.assignee_id = ?1" TODO_LIVE FILTERS \
  " UNION ALL" \
  " SELECT " COLUMNS " FROM user_roles ur" \
  " CROSS JOIN roles r ON r.id = ur.role_id" \
  " CROSS JOIN organisations o" \
  " CROSS JOIN workflow_tasks t INDEXED BY workflow_tasks_open_org_role" \
  "  ON t.org_id = o.id AND t.role = r.code" TODO_JOINS \
  " WHERE ur.user_id = ?1 AND o.path >= ?2 AND o.path < ?2 || x'ff'" \
  " AND t.state = 'open' AND t.assignee_id IS NULL" TODO_LIVE FILTERS

#define ITEM_COLUMNS \
  "t.id, t.instance_id, tp.code, tp.name, i.domain, i.record_id, i.record_label, t.step_name," \
  " t.kind, t.org_id, o.name, t.created_at, t.due_at, t.action, t.comment, t.done_at"

/* The to-do's orders: due first and those without a due date last, or
 * the oldest first; the task's id makes each one total. */
#define ORDER_DUE "due_last, due_at, id"
#define ORDER_CREATED "created_at, id"

typedef struct
{
  gint64   now;
  gboolean done;     /* items of the done list */
} ItemContext;

/* {"id", "name"} of the columns, or null without an id, as
 * anju_wf_json_add_ref_columns() adds it. */
static void
write_ref (AnjuJsonText *text,
           const char   *member,
           sqlite3_stmt *stmt,
           int           id_column,
           int           name_column)
{
  gint64 id = sqlite3_column_int64 (stmt, id_column);

  anju_json_text_member (text, member);
  if (id == 0)
    {
      anju_json_text_null (text);
      return;
    }
  anju_json_text_begin_object (text);
  anju_json_text_member (text, "id");
  anju_json_text_int (text, id);
  anju_json_text_text_column (text, "name", stmt, name_column);
  anju_json_text_end_object (text);
}

/* An item of the to-do or the done list, written as JSON text straight
 * from the row: a page of JsonNodes cost most of the list's CPU. */
static void
write_todo_item (sqlite3_stmt *stmt,
                 AnjuJsonText *text,
                 gpointer      user_data)
{
  const ItemContext *context = user_data;
  gboolean has_due = sqlite3_column_type (stmt, 12) != SQLITE_NULL;
  gint64 due_at = sqlite3_column_int64 (stmt, 12);
  /* An open task is overdue once its due date has passed; a done one
   * was, when it was done late. */
  gint64 measured_at = context->done ? sqlite3_column_int64 (stmt, 15) : context->now;

  anju_json_text_begin_object (text);
  anju_json_text_id_column (text, "task_id", stmt, 0);
  anju_json_text_id_column (text, "instance_id", stmt, 1);
  anju_json_text_text_column (text, "type", stmt, 2);
  anju_json_text_text_column (text, "type_name", stmt, 3);
  anju_json_text_text_column (text, "domain", stmt, 4);
  anju_json_text_id_column (text, "record_id", stmt, 5);
  anju_json_text_text_column (text, "record_label", stmt, 6);
  anju_json_text_text_column (text, "step_name", stmt, 7);
  anju_json_text_text_column (text, "kind", stmt, 8);
  write_ref (text, "organisation", stmt, 9, 10);
  anju_json_text_time_column (text, "created_at", stmt, 11);
  anju_json_text_time_column (text, "due_at", stmt, 12);
  anju_json_text_member (text, "overdue");
  anju_json_text_bool (text, has_due && due_at < measured_at);
  if (context->done)
    {
      anju_json_text_text_column (text, "action", stmt, 13);
      anju_json_text_text_column (text, "comment", stmt, 14);
      anju_json_text_time_column (text, "done_at", stmt, 15);
    }
  anju_json_text_end_object (text);
}

typedef struct
{
  const AnjuCaller *caller;
  const char       *type;
  gboolean          overdue_only;
  gint64            now;
} TodoFilters;

/* bind_data is the TodoFilters. */
static void
bind_todo (sqlite3_stmt  *stmt,
           gconstpointer  bind_data)
{
  const TodoFilters *filters = bind_data;

  sqlite3_bind_int64 (stmt, 1, filters->caller->user_id);
  anju_db_bind_text (stmt, 2, filters->caller->org_path);
  anju_db_bind_text (stmt, 3, filters->type);
  sqlite3_bind_int (stmt, 4, filters->overdue_only);
  sqlite3_bind_int64 (stmt, 5, filters->now);
}

static gint64
request_now (AnjuRequest *request)
{
  return anju_clock_now_secs (anju_request_get_clock (request));
}

/* ---- the to-do list, read by the database worker ---------------------- */

/* The page with its total in a last column (anju-counted-page.h).  The
 * caller's open tasks are all found and sorted for any page, so counting
 * them as they are sorted costs next to nothing, where a COUNT(*) of its
 * own ran the whole search a second time.  The search and the sort carry
 * only each task's id and sort keys; the page's 50 rows are then read by
 * their ids: sorting every task with all its item's columns (labels,
 * names) cost more than the search. */
#define TODO_PAGE(ORDER, OUTER_ORDER) \
  "SELECT " ITEM_COLUMNS ", p.total FROM (" \
  " SELECT *, COUNT(*) OVER () AS total FROM (" \
  TODO_SELECT ("t.id AS id, t.created_at AS created_at, t.due_at AS due_at," \
               " t.due_at IS NULL AS due_last", TODO_FILTERS) \
  " ) ORDER BY " ORDER " LIMIT ?6 OFFSET ?7) p" \
  " CROSS JOIN workflow_tasks t ON t.id = p.id" TODO_JOINS \
  " JOIN organisations o ON o.id = t.org_id" \
  " ORDER BY " OUTER_ORDER

const char *
_anju_workflow_todo_page_sql (gboolean by_created)
{
  return by_created ? TODO_PAGE (ORDER_CREATED, "p.created_at, p.id")
                    : TODO_PAGE (ORDER_DUE, "p.due_last, p.due_at, p.id");
}

typedef struct
{
  AnjuCaller *caller;        /* (owned) anju_caller_copy () */
  char       *type;          /* (owned) (nullable) */
  gboolean    overdue_only;
  gint64      now;
  gboolean    by_created;
  guint       page;
  guint       page_size;
  char       *data;          /* (owned) the page as JSON text */
  gsize       length;
} TodoJob;

static void
todo_job_free (gpointer data)
{
  TodoJob *job = data;

  g_clear_pointer (&job->caller, anju_caller_free);
  g_clear_pointer (&job->type, g_free);
  g_clear_pointer (&job->data, g_free);
  g_free (job);
}

static gboolean           /* in a worker thread */
read_todo (AnjuDb   *reader,
           gpointer  data,
           GError  **error)
{
  TodoJob *job = data;
  TodoFilters filters = { job->caller, job->type, job->overdue_only, job->now };
  ItemContext context = { job->now, FALSE };
  g_auto(AnjuStmt) rows = anju_db_prepare (reader, _anju_workflow_todo_page_sql (job->by_created),
                                           error);
  g_auto(AnjuStmt) count = NULL;

  if (rows == NULL
      || (count = anju_db_prepare (reader, "SELECT COUNT(*) FROM ("
                                           TODO_SELECT ("1", TODO_FILTERS) ")",
                                   error)) == NULL)
    return FALSE;
  bind_todo (rows, &filters);
  bind_todo (count, &filters);
  sqlite3_bind_int64 (rows, 6, job->page_size);
  sqlite3_bind_int64 (rows, 7, (gint64) (job->page - 1) * job->page_size);
  job->data = anju_counted_page_write (reader, rows, count, write_todo_item, &context, job->page,
                                       job->page_size, &job->length, error);
  return job->data != NULL;
}

static void               /* back on the main context */
reply_todo (AnjuRequest *request,
            gpointer     data)
{
  TodoJob *job = data;

  anju_request_reply_json_data (request, SOUP_STATUS_OK, g_steal_pointer (&job->data),
                                job->length);
}

static void
handle_todo (AnjuRequest *request)
{
  static const char * const sorts[] = { "due", "created", NULL };
  const char *sort = anju_request_get_query (request, "sort");
  const char *overdue = anju_request_get_query (request, "overdue");
  g_autoptr(GError) error = NULL;
  TodoJob *job;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (sort != NULL && !g_strv_contains (sorts, sort))
    anju_request_add_field_error (request, "sort", _("Must be due or created"));
  if (overdue != NULL && !g_str_equal (overdue, "true") && !g_str_equal (overdue, "false"))
    anju_request_add_field_error (request, "overdue", _("Must be true or false"));
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return;
    }

  /* Due first, those without a due date last; or the oldest first, as
   * work is taken in the order it came.  Only committed tasks are read:
   * the worker's QUICK lane answers, beside the main loop. */
  job = g_new0 (TodoJob, 1);
  job->caller = anju_caller_copy (anju_request_get_caller (request));
  job->type = g_strdup (anju_request_get_query (request, "type"));
  job->overdue_only = g_strcmp0 (overdue, "true") == 0;
  job->now = request_now (request);
  job->by_created = g_strcmp0 (sort, "created") == 0;
  job->page = page;
  job->page_size = page_size;
  anju_db_worker_run (request, ANJU_DB_JOB_QUICK, read_todo, reply_todo, job, todo_job_free);
}

gboolean
anju_workflow_count_todo (AnjuDb            *db,
                          const AnjuCaller  *caller,
                          gint64             now,
                          gint64            *out_open,
                          gint64            *out_overdue,
                          GError           **error)
{
  TodoFilters filters = { .caller = caller, .now = now };
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT COUNT(*), TOTAL(late) FROM ("
                                           TODO_SELECT ("t.due_at < ?5 AS late", TODO_FILTERS)
                                           ")",
                                           error);

  if (stmt == NULL)
    return FALSE;
  bind_todo (stmt, &filters);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  *out_open = sqlite3_column_int64 (stmt, 0);
  *out_overdue = (gint64) sqlite3_column_double (stmt, 1);
  return TRUE;
}

/* {"types": [{"type","name","count","overdue"}…], "total", "overdue"}:
 * the GROUP BY gives each type's counts, the sums are added up here. */
static gboolean
write_counts (AnjuDb             *db,
              const TodoFilters  *filters,
              GString            *out,
              GError            **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT todo.code,"
                                           " COALESCE((SELECT c.name FROM workflow_templates c"
                                           "  WHERE c.code = todo.code AND c.is_current = 1),"
                                           "  MAX(todo.name)),"
                                           " COUNT(*), TOTAL(todo.late) FROM ("
                                           TODO_SELECT ("tp.code AS code, tp.name AS name,"
                                                        " t.due_at < ?5 AS late", "")
                                           ") todo GROUP BY todo.code ORDER BY todo.code",
                                           error);
  g_autoptr(AnjuJsonText) text = anju_json_text_new (out);
  gint64 total = 0;
  gint64 overdue = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_todo (stmt, filters);
  anju_json_text_begin_object (text);
  anju_json_text_member (text, "types");
  anju_json_text_begin_array (text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 count = sqlite3_column_int64 (stmt, 2);
      gint64 late = (gint64) sqlite3_column_double (stmt, 3);

      anju_json_text_begin_object (text);
      anju_json_text_text_column (text, "type", stmt, 0);
      anju_json_text_text_column (text, "name", stmt, 1);
      anju_json_text_member (text, "count");
      anju_json_text_int (text, count);
      anju_json_text_member (text, "overdue");
      anju_json_text_int (text, late);
      anju_json_text_end_object (text);
      total += count;
      overdue += late;
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  anju_json_text_end_array (text);
  anju_json_text_member (text, "total");
  anju_json_text_int (text, total);
  anju_json_text_member (text, "overdue");
  anju_json_text_int (text, overdue);
  anju_json_text_end_object (text);
  return TRUE;
}

static gboolean           /* in a worker thread */
read_counts (AnjuDb            *reader,
             const AnjuCaller  *caller,
             gint64             now,
             GString           *out,
             GError           **error)
{
  TodoFilters filters = { .caller = caller, .now = now };

  return write_counts (reader, &filters, out, error);
}

static void
handle_counts (AnjuRequest *request)
{
  anju_db_worker_reply_text (request, read_counts, request_now (request), 512);
}

/* bind_data is the AnjuCaller whose finished tasks are listed. */
static void
bind_done_by (sqlite3_stmt  *stmt,
              gconstpointer  bind_data)
{
  const AnjuCaller *caller = bind_data;

  sqlite3_bind_int64 (stmt, 1, caller->user_id);
}

static void
handle_done (AnjuRequest *request)
{
#define DONE_FROM \
  " FROM workflow_tasks t" \
  " JOIN workflow_instances i ON i.id = t.instance_id" \
  " JOIN workflow_templates tp ON tp.id = i.template_id" \
  " JOIN organisations o ON o.id = t.org_id" \
  " WHERE t.state = 'done' AND t.done_by = ?1"
  g_autoptr(GError) error = NULL;
  ItemContext context = { request_now (request), TRUE };
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  anju_request_reply_list_rows (request,
                                "SELECT COUNT(*)" DONE_FROM,
                                "SELECT " ITEM_COLUMNS DONE_FROM
                                " ORDER BY t.done_at DESC, t.id DESC LIMIT ?2 OFFSET ?3",
                                2, page, page_size, bind_done_by,
                                anju_request_get_caller (request), write_todo_item, &context);
#undef DONE_FROM
}

static const AnjuRoute todo_routes[] = {
  { "GET", "/api/v1/todo", NULL, ANJU_ROUTE_DEFAULT, handle_todo,
    "The open tasks the caller may act on, across every domain; filters type, overdue; "
    "sort due (default) or created", NULL, "todo" },
  { "GET", "/api/v1/todo/counts", NULL, ANJU_ROUTE_DEFAULT, handle_counts,
    "How many to-do items per type, and how many are overdue", NULL, "todo" },
  { "GET", "/api/v1/done", NULL, ANJU_ROUTE_DEFAULT, handle_done,
    "The tasks the caller acted on, newest first", NULL, "todo" },
};

const AnjuRoute *
_anju_workflow_todo_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (todo_routes);
  return todo_routes;
}
