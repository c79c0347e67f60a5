/* anju-workflow-instances-api.c: /workflow/instances (docs/api.md,
 * "Workflow instances"): the monitor, starting by hand, the actions and
 * the administrators' pause, resume and cancel. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-org-store.h"
#include "anju-permissions.h"
#include "anju-sql-pattern.h"
#include "anju-transaction.h"
#include "anju-user-store.h"
#include "anju-validation.h"
#include "anju-workflow-access.h"
#include "anju-workflow-api.h"
#include "anju-workflow-engine.h"
#include "anju-workflow-history.h"
#include "anju-workflow-private.h"
#include "anju-workflow-rules.h"
#include "anju-workflow-template-store.h"

#define MAX_LABEL_LENGTH   200
#define MAX_COMMENT_LENGTH 1000
#define MAX_ATTACHMENTS    20

static const char * const states[] = {
  "running", "returned", "paused", "completed", "rejected", "withdrawn", "cancelled", NULL,
};

static gint64
request_now (AnjuRequest *request)
{
  return anju_clock_now_secs (anju_request_get_clock (request));
}

/* One operation on an instance (NULL when it starts one) as the caller,
 * inside a transaction with everything it writes. */
typedef gboolean (*InstanceOp) (const AnjuWfRun  *run,
                                AnjuWfInstance   *instance,
                                gpointer          data,
                                GError          **error);

static gboolean
run_in_transaction (AnjuRequest     *request,
                    AnjuWfInstance  *instance,
                    InstanceOp       op,
                    gpointer         data,
                    GError         **error)
{
  AnjuDb *db = anju_request_get_db (request);
  g_auto(AnjuWfRun) run = { 0, };
  AnjuAuditActor actor;
  gboolean ok;

  if (!anju_db_begin (db, error))
    return FALSE;
  anju_wf_api_run_init (&run, request, &actor);
  ok = op (&run, instance, data, error);
  return anju_transaction_end (db, ok, error);
}

/* … and answers 200 with the instance as it is now. */
static void
run_instance_op (AnjuRequest    *request,
                 AnjuWfInstance *instance,
                 InstanceOp      op,
                 gpointer        data)
{
  g_autoptr(GError) error = NULL;

  if (!run_in_transaction (request, instance, op, data, &error))
    anju_request_reply_error (request, error);
  else
    anju_wf_api_reply_instance (request, SOUP_STATUS_OK, instance);
}

/* ---- reading ------------------------------------------------------------- */

static void
handle_get (AnjuRequest *request)
{
  g_autoptr(AnjuWfInstance) instance = NULL;
  g_autoptr(GError) error = NULL;
  gboolean may = FALSE;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id)
      || (instance = anju_wf_api_load_instance (request, id)) == NULL)
    return;
  if (!anju_wf_may_read_instance (anju_request_get_db (request), anju_request_get_caller (request),
                                  instance, &may, &error))
    anju_request_reply_error (request, error);
  else if (!may)
    anju_reply_error_code (request, ANJU_ERROR_NOT_FOUND, _("No such process instance"));
  else
    anju_wf_api_reply_instance (request, SOUP_STATUS_OK, instance);
}

static JsonNode *
instance_item (sqlite3_stmt  *stmt,
               gpointer       user_data,
               GError       **error)
{
  AnjuRequest *request = user_data;
  g_autoptr(AnjuWfInstance) instance = NULL;

  instance = anju_wf_instance_load (anju_request_get_db (request), sqlite3_column_int64 (stmt, 0),
                                    error);
  return instance != NULL ? anju_wf_api_instance_json (request, instance, FALSE, error) : NULL;
}

typedef struct
{
  const char *scope_path;
  const char *template;
  const char *state;
  const char *domain;
  const char *label_pattern;
  gboolean    overdue;
  gint64      now;
} InstanceFilters;

static void
bind_instance_filters (sqlite3_stmt  *stmt,
                       gconstpointer  bind_data)
{
  const InstanceFilters *filters = bind_data;

  anju_db_bind_text (stmt, 1, filters->scope_path);
  anju_db_bind_text (stmt, 2, filters->template);
  anju_db_bind_text (stmt, 3, filters->state);
  anju_db_bind_text (stmt, 4, filters->domain);
  anju_db_bind_text (stmt, 5, filters->label_pattern);
  sqlite3_bind_int (stmt, 6, filters->overdue);
  sqlite3_bind_int64 (stmt, 7, filters->now);
}

static void
handle_list (AnjuRequest *request)
{
#define INSTANCE_LIST_FROM \
  " FROM workflow_instances i" \
  " JOIN workflow_templates tp ON tp.id = i.template_id" \
  " JOIN organisations o ON o.id = i.org_id" \
  " WHERE substr(o.path, 1, length(?1)) = ?1" \
  " AND (?2 IS NULL OR tp.code = ?2)" \
  " AND (?3 IS NULL OR i.state = ?3)" \
  " AND (?4 IS NULL OR i.domain = ?4)" \
  " AND (?5 IS NULL OR i.record_label LIKE ?5 ESCAPE '\\')" \
  " AND (NOT ?6 OR (i.state = 'running' AND EXISTS (SELECT 1 FROM workflow_tasks t" \
  "  WHERE t.instance_id = i.id AND t.state = 'open' AND t.due_at < ?7)))"
  g_autofree char *pattern = anju_sql_contains_pattern (anju_request_get_query (request, "q"));
  const char *overdue = anju_request_get_query (request, "overdue");
  g_autoptr(GError) error = NULL;
  InstanceFilters filters = {
    .scope_path = anju_request_get_caller (request)->org_path,
    .template = anju_request_get_query (request, "template"),
    .state = anju_request_get_query (request, "state"),
    .domain = anju_request_get_query (request, "domain"),
    .label_pattern = pattern,
    .overdue = g_strcmp0 (overdue, "true") == 0,
    .now = request_now (request),
  };
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (filters.state != NULL && !g_strv_contains (states, filters.state))
    anju_request_add_field_error (request, "state", _("Unknown state"));
  if (overdue != NULL && !g_str_equal (overdue, "true") && !g_str_equal (overdue, "false"))
    anju_request_add_field_error (request, "overdue", _("Must be true or false"));
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return;
    }

  anju_request_reply_list (request,
                           "SELECT COUNT(*)" INSTANCE_LIST_FROM,
                           "SELECT i.id" INSTANCE_LIST_FROM " ORDER BY i.id DESC LIMIT ?8 OFFSET ?9",
                           8, page, page_size, bind_instance_filters, &filters,
                           instance_item, request);
#undef INSTANCE_LIST_FROM
}

/* ---- starting by hand ---------------------------------------------------- */

typedef struct
{
  AnjuWfTemplate *template;       /* (owned) (nullable) until the start takes it */
  gint64          record_id;
  const char     *record_label;
  gint64          org_id;
  JsonObject     *fields;         /* (nullable) */
  gint64          instance_id;    /* the new instance */
} Start;

static void
start_clear (Start *start)
{
  g_clear_pointer (&start->template, anju_wf_template_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Start, start_clear)

static gboolean
op_start (const AnjuWfRun  *run,
          AnjuWfInstance   *unused,
          gpointer          data,
          GError          **error)
{
  Start *start = data;
  AnjuWfTemplate *template = g_steal_pointer (&start->template);
  g_autoptr(AnjuWfInstance) instance = NULL;

  instance = anju_wf_engine_start (run, template, template->domain, start->record_id,
                                   start->record_label, start->org_id, start->fields, error);
  if (instance == NULL)
    return FALSE;
  start->instance_id = instance->id;
  return TRUE;
}

static const AnjuFieldSpec create_body[] = {
  { "template", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, 64,
    "Code of the template whose current version runs" },
  { "record_id", ANJU_FIELD_INT, ANJU_FIELD_REQUIRED, NULL, 0, "Id of the business record" },
  { "record_label", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, MAX_LABEL_LENGTH,
    "How lists show the record" },
  { "org_id", ANJU_FIELD_INT, ANJU_FIELD_REQUIRED, NULL, 0,
    "The record's organisation, from which the steps' levels are found" },
  { "fields", ANJU_FIELD_OBJECT, ANJU_FIELD_NULLABLE, NULL, 0,
    "Values the skip and branch conditions read" },
  { NULL }
};

/* Loads the template of code into start, or adds a field error. */
static gboolean
load_start_template (AnjuRequest  *request,
                     const char   *code,
                     Start        *start,
                     GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  start->template = anju_wf_template_store_load_current (anju_request_get_db (request), code,
                                                        &local_error);
  if (start->template != NULL)
    return TRUE;
  if (!g_error_matches (local_error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  anju_request_add_field_error (request, "template", _("No process template has this code"));
  return TRUE;
}

/* Loads the organisation into org (id 0 and a field error when there is
 * none). */
static gboolean
load_start_org (AnjuRequest  *request,
                gint64        org_id,
                AnjuOrgRef   *org,
                GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (anju_org_store_load (anju_request_get_db (request), org_id, org, &local_error))
    return TRUE;
  if (!g_error_matches (local_error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  anju_request_add_field_error (request, "org_id", _("No such organisation"));
  return TRUE;
}

/* Everything that can be wrong with a start before it is tried: field
 * errors (422), an organisation outside the caller's scope (403), one
 * that cannot supply a step's level (422 on org_id) and a record already
 * in a process (409).  Replies and returns FALSE on any. */
static gboolean
check_start (AnjuRequest *request,
             const char  *code,
             Start       *start)
{
  AnjuDb *db = anju_request_get_db (request);
  AnjuWorkflow *workflow = anju_workflow_get (anju_request_get_server (request));
  g_auto(AnjuOrgRef) org = { 0, };
  g_autoptr(GError) error = NULL;
  const char *field = NULL;

  if (start->record_id < 1)
    anju_request_add_field_error (request, "record_id", _("Must be a positive whole number"));
  anju_check_not_blank (request, "record_label", start->record_label);
  if (!load_start_template (request, code, start, &error)
      || !load_start_org (request, start->org_id, &org, &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return FALSE;
    }
  if (!anju_caller_can_see_org_path (anju_request_get_caller (request), org.path))
    {
      anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN,
                             _("This organisation is outside your data scope"));
      return FALSE;
    }
  if (anju_wf_engine_check_start (_anju_workflow_get_org_cache (workflow), db, start->template,
                                  start->template->domain, start->record_id, start->org_id,
                                  start->fields, &field, &error))
    return TRUE;

  if (field != NULL && g_error_matches (error, ANJU_ERROR, ANJU_ERROR_VALIDATION))
    anju_reply_field_error (request, field, error->message);
  else
    anju_request_reply_error (request, error);
  return FALSE;
}

static void
handle_create (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuWfInstance) instance = NULL;
  g_autofree char *label = NULL;
  g_auto(Start) start = { 0, };
  JsonObject *body;
  JsonNode *fields;

  body = anju_request_parse_body (request, create_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  label = anju_body_dup_trimmed (body, "record_label");
  fields = json_object_get_member (body, "fields");
  start.record_id = json_object_get_int_member (body, "record_id");
  start.record_label = label;
  start.org_id = json_object_get_int_member (body, "org_id");
  if (fields != NULL && JSON_NODE_HOLDS_OBJECT (fields))
    start.fields = json_node_get_object (fields);

  if (!check_start (request, json_object_get_string_member (body, "template"), &start))
    return;
  if (!run_in_transaction (request, NULL, op_start, &start, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  instance = anju_wf_api_load_instance (request, start.instance_id);
  if (instance != NULL)
    anju_wf_api_reply_instance (request, SOUP_STATUS_CREATED, instance);
}

/* ---- actions ------------------------------------------------------------- */

static gboolean
op_act (const AnjuWfRun  *run,
        AnjuWfInstance   *instance,
        gpointer          data,
        GError          **error)
{
  return anju_wf_engine_act (run, instance, data, error);
}

/* Why user_id cannot take over the open task, or NULL when they can:
 * they must be active and hold the step's role with the task's
 * organisation in their scope, like every assignee. */
static gboolean
transfer_problem (AnjuRequest           *request,
                  const AnjuWfInstance  *instance,
                  gint64                 user_id,
                  const char           **out_problem,
                  GError               **error)
{
  AnjuDb *db = anju_request_get_db (request);
  g_auto(AnjuUserRef) user = { 0, };
  g_autoptr(AnjuWfTask) task = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean holds = FALSE;

  *out_problem = NULL;
  if (!anju_wf_task_load_open (db, instance->id, &task, error))
    return FALSE;
  if (!anju_user_store_load (db, user_id, &user, &local_error))
    {
      if (!g_error_matches (local_error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      *out_problem = _("No such user");
      return TRUE;
    }

  if (!g_str_equal (user.status, "active"))
    {
      *out_problem = _("This user's account is disabled");
      return TRUE;
    }
  if (user_id == anju_request_get_caller (request)->user_id)
    {
      *out_problem = _("Choose someone other than yourself");
      return TRUE;
    }
  if (task != NULL && task->role != NULL && g_str_has_prefix (task->org_path, user.org_path)
      && !anju_wf_user_holds_role (db, user_id, task->role, &holds, error))
    return FALSE;
  if (!holds)
    *out_problem = _("This user does not hold the step's role for its organisation");
  return TRUE;
}

/* The attachment ids, each once, each a file the caller uploaded; adds a
 * field error otherwise. */
static gboolean
read_attachments (AnjuRequest  *request,
                  JsonObject   *body,
                  GArray       *out_ids,
                  GError      **error)
{
  JsonArray *array = json_object_has_member (body, "attachments")
                     ? json_object_get_array_member (body, "attachments") : NULL;
  int bad = -1;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      gint64 id = json_array_get_int_element (array, i);

      for (guint j = 0; j < out_ids->len; j++)
        if (g_array_index (out_ids, gint64, j) == id)
          {
            anju_request_add_field_error (request, "attachments", _("Lists a file twice"));
            return TRUE;
          }
      g_array_append_val (out_ids, id);
    }
  if (out_ids->len > MAX_ATTACHMENTS)
    {
      g_autofree char *why = g_strdup_printf (_("At most %u files"), MAX_ATTACHMENTS);

      anju_request_add_field_error (request, "attachments", why);
      return TRUE;
    }
  if (!anju_wf_attachments_check (anju_request_get_db (request), out_ids,
                                  anju_request_get_caller (request)->user_id, &bad, error))
    return FALSE;
  if (bad >= 0)
    anju_request_add_field_error (request, "attachments",
                                  _("Attach only files you uploaded yourself"));
  return TRUE;
}

/* Field errors of an allowed action (422).  Replies and returns FALSE on
 * any. */
static gboolean
check_action_data (AnjuRequest          *request,
                   const AnjuWfInstance *instance,
                   JsonObject           *body,
                   AnjuWfActRequest     *act)
{
  g_autoptr(GError) error = NULL;
  JsonNode *transfer_to = json_object_get_member (body, "transfer_to");
  const char *problem = NULL;

  if ((act->action == ANJU_WF_REJECT || act->action == ANJU_WF_RETURN) && act->comment == NULL)
    anju_request_add_field_error (request, "comment",
                                  _("Give the reason: the submitter reads it"));
  if (act->action == ANJU_WF_TRANSFER && (transfer_to == NULL || JSON_NODE_HOLDS_NULL (transfer_to)))
    anju_request_add_field_error (request, "transfer_to", _("This field is required"));
  else if (act->action == ANJU_WF_TRANSFER)
    {
      act->transfer_to = json_node_get_int (transfer_to);
      if (!transfer_problem (request, instance, act->transfer_to, &problem, &error))
        {
          anju_request_reply_error (request, error);
          return FALSE;
        }
      if (problem != NULL)
        anju_request_add_field_error (request, "transfer_to", problem);
    }
  if (!read_attachments (request, body, act->attachments, &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return FALSE;
    }
  return TRUE;
}

/* 403 for someone whose action it is not, 409 with the reason for the
 * right person at the wrong time.  Replies and returns FALSE then. */
static gboolean
check_action_allowed (AnjuRequest          *request,
                      const AnjuWfInstance *instance,
                      AnjuWfAction          action)
{
  AnjuCaller *caller = anju_request_get_caller (request);
  g_autoptr(GError) error = NULL;
  AnjuWfRelation relation;
  const char *reason = NULL;

  if (!anju_wf_relation_load (anju_request_get_db (request), caller->user_id, caller->org_path,
                              instance, &relation, &error))
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  switch (anju_wf_judge (instance, &relation, action, &reason))
    {
    case ANJU_WF_ALLOWED:
      return TRUE;
    case ANJU_WF_FORBIDDEN:
      anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN, reason);
      return FALSE;
    case ANJU_WF_REFUSED:
    default:
      anju_reply_error_code (request, ANJU_ERROR_CONFLICT, reason);
      return FALSE;
    }
}

static const AnjuFieldSpec action_body[] = {
  { "action", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, anju_wf_action_names, 0,
    "approve, reject, return, resubmit, transfer or withdraw" },
  { "comment", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, MAX_COMMENT_LENGTH,
    "Opinion; required to reject or return" },
  { "attachments", ANJU_FIELD_INT_ARRAY, ANJU_FIELD_OPTIONAL, NULL, 0,
    "Ids of files the caller uploaded (POST /files)" },
  { "transfer_to", ANJU_FIELD_INT, ANJU_FIELD_NULLABLE, NULL, 0,
    "transfer: the user who takes the task over" },
  { NULL }
};

static void
handle_action (AnjuRequest *request)
{
  g_autoptr(AnjuWfInstance) instance = NULL;
  g_autoptr(GArray) attachments = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;
  AnjuWfActRequest act = { 0, };
  JsonObject *body;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id)
      || (instance = anju_wf_api_load_instance (request, id)) == NULL)
    return;
  body = anju_request_parse_body (request, action_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }

  comment = anju_body_dup_trimmed (body, "comment");
  if (comment != NULL && *comment == '\0')
    g_clear_pointer (&comment, g_free);
  act = (AnjuWfActRequest) {
    .action = anju_wf_action_from_name (json_object_get_string_member (body, "action")),
    .comment = comment,
    .attachments = attachments,
  };
  if (check_action_allowed (request, instance, act.action)
      && check_action_data (request, instance, body, &act))
    run_instance_op (request, instance, op_act, &act);
}

/* ---- administration ------------------------------------------------------ */

static gboolean
op_pause (const AnjuWfRun  *run,
          AnjuWfInstance   *instance,
          gpointer          data,
          GError          **error)
{
  return anju_wf_engine_pause (run, instance, data, error);
}

static gboolean
op_resume (const AnjuWfRun  *run,
           AnjuWfInstance   *instance,
           gpointer          data,
           GError          **error)
{
  return anju_wf_engine_resume (run, instance, data, error);
}

static gboolean
op_cancel (const AnjuWfRun  *run,
           AnjuWfInstance   *instance,
           gpointer          data,
           GError          **error)
{
  return anju_wf_engine_cancel (run, instance, data, error);
}

static const AnjuFieldSpec reason_body[] = {
  { "reason", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, 500,
    "Why; kept in the history and the audit log" },
  { NULL }
};

/* Outside the caller's scope 403, no reason 422, the wrong state 409. */
static void
handle_admin (AnjuRequest *request,
              const char  *operation,
              InstanceOp   op)
{
  g_autoptr(AnjuWfInstance) instance = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  const char *refusal;
  JsonObject *body;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id)
      || (instance = anju_wf_api_load_instance (request, id)) == NULL)
    return;
  if (!anju_caller_can_see_org_path (anju_request_get_caller (request), instance->org_path))
    {
      anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN,
                             _("This process belongs to an organisation outside your data scope"));
      return;
    }
  body = anju_request_parse_body (request, reason_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  reason = anju_body_dup_trimmed (body, "reason");
  if (!anju_check_not_blank (request, "reason", reason))
    {
      anju_reply_validation_failed (request);
      return;
    }
  refusal = anju_wf_admin_refusal (instance, operation);
  if (refusal != NULL)
    anju_reply_error_code (request, ANJU_ERROR_CONFLICT, refusal);
  else
    run_instance_op (request, instance, op, reason);
}

static void
handle_pause (AnjuRequest *request)
{
  handle_admin (request, "pause", op_pause);
}

static void
handle_resume (AnjuRequest *request)
{
  handle_admin (request, "resume", op_resume);
}

static void
handle_cancel (AnjuRequest *request)
{
  handle_admin (request, "cancel", op_cancel);
}

static const AnjuRoute instance_routes[] = {
  { "GET", "/api/v1/workflow/instances", ANJU_PERM_WF_INSTANCE_MANAGE, ANJU_ROUTE_DEFAULT,
    handle_list,
    "Process instances in the caller's scope, newest first; filters template, state, overdue, "
    "domain, q", NULL, "workflow" },
  { "GET", "/api/v1/workflow/instances/{id}", NULL, ANJU_ROUTE_DEFAULT, handle_get,
    "One instance with its tasks and history", NULL, "workflow" },
  { "POST", "/api/v1/workflow/instances", ANJU_PERM_WF_INSTANCE_MANAGE, ANJU_ROUTE_DEFAULT,
    handle_create, "Start the current version of a template for a record", create_body,
    "workflow" },
  { "POST", "/api/v1/workflow/instances/{id}/actions", NULL, ANJU_ROUTE_DEFAULT, handle_action,
    "Approve, reject, return, resubmit, transfer or withdraw", action_body, "workflow" },
  { "POST", "/api/v1/workflow/instances/{id}/pause", ANJU_PERM_WF_INSTANCE_MANAGE,
    ANJU_ROUTE_DEFAULT, handle_pause, "Pause a running or returned instance", reason_body,
    "workflow" },
  { "POST", "/api/v1/workflow/instances/{id}/resume", ANJU_PERM_WF_INSTANCE_MANAGE,
    ANJU_ROUTE_DEFAULT, handle_resume,
    "Resume a paused instance; open due dates move on by the paused time", reason_body,
    "workflow" },
  { "POST", "/api/v1/workflow/instances/{id}/cancel", ANJU_PERM_WF_INSTANCE_MANAGE,
    ANJU_ROUTE_DEFAULT, handle_cancel, "Cancel an instance that has not ended", reason_body,
    "workflow" },
};

const AnjuRoute *
_anju_workflow_instance_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (instance_routes);
  return instance_routes;
}
