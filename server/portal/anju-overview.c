#include "config.h"

#include "anju-article-store.h"
#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-db-worker.h"
#include "anju-inbox-store.h"
#include "anju-json-columns.h"
#include "anju-overview.h"
#include "anju-permissions.h"
#include "anju-stmt.h"
#include "anju-workflow.h"

#define LATEST_ARTICLES 5
#define COMPLETED_WINDOW_SECS (30 * 24 * 3600)

/* Counts the rows of a one-parameter query bound to the caller's scope. */
static gboolean
count_in_scope (AnjuDb            *db,
                const char        *sql,
                const AnjuCaller  *caller,
                gint64            *out_count,
                GError           **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, caller->org_path);
  return anju_db_step_count (db, stmt, out_count, error);
}

/* A tile the caller may not see is null, so the desktop hides it. */
static gboolean
add_scoped_tile (JsonBuilder       *builder,
                 AnjuDb            *db,
                 const AnjuCaller  *caller,
                 const char        *member,
                 const char        *permission,
                 const char        *sql,
                 GError           **error)
{
  gint64 count = 0;

  json_builder_set_member_name (builder, member);
  if (!anju_caller_has_permission (caller, permission))
    {
      json_builder_add_null_value (builder);
      return TRUE;
    }
  if (!count_in_scope (db, sql, caller, &count, error))
    return FALSE;
  json_builder_add_int_value (builder, count);
  return TRUE;
}

/* What the notices list shows the caller as published: a writer also
 * counts notices aimed at other organisations of their scope. */
static gboolean
count_published_notices (AnjuDb            *db,
                         const AnjuCaller  *caller,
                         gint64            *out_count,
                         GError           **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT COUNT(*) FROM articles a"
                          " WHERE a.kind = 'notice' AND a.status = 'published'"
                          " AND " ANJU_ARTICLE_VISIBLE,
                          error);
  if (stmt == NULL)
    return FALSE;
  anju_article_bind_reader (stmt, caller);
  return anju_db_step_count (db, stmt, out_count, error);
}

static void
add_int_member (JsonBuilder *builder,
                const char  *member,
                gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static gboolean
add_tiles (JsonBuilder       *builder,
           AnjuDb            *db,
           const AnjuCaller  *caller,
           gint64             now,
           GError           **error)
{
  gint64 open_tasks = 0, overdue_tasks = 0, unread = 0, notices = 0;

  json_builder_set_member_name (builder, "tiles");
  json_builder_begin_object (builder);
  if (!add_scoped_tile (builder, db, caller, "users", ANJU_PERM_USER_READ,
                        "SELECT COUNT(*) FROM users u JOIN organisations o ON o.id = u.org_id"
                        " WHERE substr (o.path, 1, length (?1)) = ?1 AND u.is_service = 0",
                        error)
      || !add_scoped_tile (builder, db, caller, "organisations", ANJU_PERM_ORG_READ,
                           "SELECT COUNT(*) FROM organisations o"
                           " WHERE substr (o.path, 1, length (?1)) = ?1",
                           error)
      || !anju_workflow_count_todo (db, caller, now, &open_tasks, &overdue_tasks, error)
      || !anju_inbox_count_unread (db, caller->user_id, &unread, error)
      || !count_published_notices (db, caller, &notices, error))
    return FALSE;
  add_int_member (builder, "open_tasks", open_tasks);
  add_int_member (builder, "overdue_tasks", overdue_tasks);
  add_int_member (builder, "unread_messages", unread);
  add_int_member (builder, "published_notices", notices);
  json_builder_end_object (builder);
  return TRUE;
}

/* 业务办理: per process, the instances of the caller's scope that are
 * live, finished well in the last 30 days, and late. */
static gboolean
add_business (JsonBuilder       *builder,
              AnjuDb            *db,
              const AnjuCaller  *caller,
              gint64             now,
              GError           **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  stmt = anju_db_prepare (db,
                          "SELECT tp.code,"
                          " (SELECT c.name FROM workflow_templates c"
                          "  WHERE c.code = tp.code AND c.is_current = 1),"
                          " TOTAL(i.state IN ('running', 'returned', 'paused')),"
                          " TOTAL(i.state = 'completed' AND i.finished_at >= ?2),"
                          " TOTAL(i.state = 'running' AND EXISTS (SELECT 1 FROM workflow_tasks t"
                          "   WHERE t.instance_id = i.id AND t.state = 'open' AND t.due_at < ?3))"
                          " FROM workflow_instances i"
                          " JOIN workflow_templates tp ON tp.id = i.template_id"
                          " JOIN organisations o ON o.id = i.org_id"
                          " WHERE substr (o.path, 1, length (?1)) = ?1"
                          " GROUP BY tp.code ORDER BY tp.code",
                          error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, caller->org_path);
  sqlite3_bind_int64 (stmt, 2, now - COMPLETED_WINDOW_SECS);
  sqlite3_bind_int64 (stmt, 3, now);

  json_builder_set_member_name (builder, "business");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      anju_json_add_text_column (builder, "type", stmt, 0);
      anju_json_add_text_column (builder, "name", stmt, 1);
      add_int_member (builder, "running", (gint64) sqlite3_column_double (stmt, 2));
      add_int_member (builder, "completed_30d", (gint64) sqlite3_column_double (stmt, 3));
      add_int_member (builder, "overdue", (gint64) sqlite3_column_double (stmt, 4));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_latest (JsonBuilder       *builder,
            AnjuDb            *db,
            const AnjuCaller  *caller,
            GError           **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  stmt = anju_db_prepare (db,
                          "SELECT a.id, a.kind, a.title, a.summary, a.category, a.published_at"
                          " FROM articles a"
                          " WHERE a.kind IN ('news', 'notice') AND a.status = 'published'"
                          " AND " ANJU_ARTICLE_VISIBLE
                          " ORDER BY a.published_at DESC, a.id DESC LIMIT ?3",
                          error);
  if (stmt == NULL)
    return FALSE;
  anju_article_bind_reader (stmt, caller);
  sqlite3_bind_int (stmt, 3, LATEST_ARTICLES);

  json_builder_set_member_name (builder, "latest");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      anju_json_add_id_column (builder, "id", stmt, 0);
      anju_json_add_text_column (builder, "kind", stmt, 1);
      anju_json_add_text_column (builder, "title", stmt, 2);
      anju_json_add_text_column (builder, "summary", stmt, 3);
      anju_json_add_text_column (builder, "category", stmt, 4);
      anju_json_add_time_column (builder, "published_at", stmt, 5);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* What the worker thread needs, and what it makes. */
typedef struct
{
  AnjuCaller *caller;   /* (owned) */
  gint64      now;
  JsonNode   *answer;   /* (owned) (nullable) until built */
} OverviewJob;

static void
overview_job_free (gpointer data)
{
  OverviewJob *job = data;

  g_clear_pointer (&job->caller, anju_caller_free);
  g_clear_pointer (&job->answer, json_node_unref);
  g_free (job);
}

/* In a worker thread: the counts scan the caller's whole subtree, which
 * for the center is every task and instance of the city. */
static gboolean
overview_job (AnjuDb   *reader,
              gpointer  data,
              GError  **error)
{
  OverviewJob *job = data;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  if (!add_tiles (builder, reader, job->caller, job->now, error)
      || !add_business (builder, reader, job->caller, job->now, error)
      || !add_latest (builder, reader, job->caller, error))
    return FALSE;
  json_builder_end_object (builder);
  job->answer = json_builder_get_root (builder);
  return TRUE;
}

static void
overview_reply (AnjuRequest *request,
                gpointer     data)
{
  OverviewJob *job = data;

  anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&job->answer));
}

static void
handle_overview (AnjuRequest *request)
{
  OverviewJob *job = g_new0 (OverviewJob, 1);

  job->caller = anju_caller_copy (anju_request_get_caller (request));
  job->now = anju_clock_now_secs (anju_request_get_clock (request));
  anju_db_worker_run (request, ANJU_DB_JOB_QUICK, overview_job, overview_reply, job,
                      overview_job_free);
}

static const AnjuRoute overview_routes[] = {
  { "GET", "/api/v1/portal/overview", NULL, ANJU_ROUTE_DEFAULT, handle_overview,
    "Home page: data overview tiles, business handling, latest news and notices", NULL,
    "portal" },
};

const AnjuRoute *
anju_overview_get_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (overview_routes);
  return overview_routes;
}
