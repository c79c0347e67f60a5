#include "config.h"

#include <glib/gi18n.h>

#include "anju-audit-api.h"
#include "anju-caller.h"
#include "anju-db-worker.h"
#include "anju-db.h"
#include "anju-json-columns.h"
#include "anju-permissions.h"
#include "anju-stmt.h"
#include "anju-time.h"
#include "anju-validation.h"

#define AUDIT_COLUMNS \
  "a.id, a.at, a.actor_id, a.actor, a.org_id, a.client_address, a.action, a.entity," \
  " a.entity_id, a.before_json, a.after_json, a.org_path"

enum
{
  COL_ID,
  COL_AT,
  COL_ACTOR_ID,
  COL_ACTOR,
  COL_ORG_ID,
  COL_CLIENT_ADDRESS,
  COL_ACTION,
  COL_ENTITY,
  COL_ENTITY_ID,
  COL_BEFORE,
  COL_AFTER,
  COL_ORG_PATH,
};

static gboolean
caller_sees_unattributed (const AnjuCaller *caller)
{
  return g_strcmp0 (caller->org_kind, "center") == 0;
}

static gboolean
caller_sees_row (const AnjuCaller *caller,
                 sqlite3_stmt     *stmt)
{
  if (sqlite3_column_type (stmt, COL_ORG_PATH) == SQLITE_NULL)
    return caller_sees_unattributed (caller);
  return anju_caller_can_see_org_path (caller,
                                       (const char *) sqlite3_column_text (stmt, COL_ORG_PATH));
}

/* before/after are stored as JSON text and go out as JSON again. */
static void
add_json_column (JsonBuilder  *builder,
                 const char   *member,
                 sqlite3_stmt *stmt,
                 int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  g_autoptr(JsonNode) node = text != NULL ? json_from_string (text, NULL) : NULL;

  json_builder_set_member_name (builder, member);
  if (node == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_value (builder, g_steal_pointer (&node));
}

static JsonNode *
audit_json_from_row (sqlite3_stmt  *stmt,
                     gpointer       user_data,
                     GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, COL_ID);
  anju_json_add_time_column (builder, "at", stmt, COL_AT);
  anju_json_add_id_column (builder, "actor_id", stmt, COL_ACTOR_ID);
  anju_json_add_text_column (builder, "actor", stmt, COL_ACTOR);
  anju_json_add_id_column (builder, "organisation_id", stmt, COL_ORG_ID);
  anju_json_add_text_column (builder, "client_address", stmt, COL_CLIENT_ADDRESS);
  anju_json_add_text_column (builder, "action", stmt, COL_ACTION);
  anju_json_add_text_column (builder, "entity", stmt, COL_ENTITY);
  anju_json_add_id_column (builder, "entity_id", stmt, COL_ENTITY_ID);
  add_json_column (builder, "before", stmt, COL_BEFORE);
  add_json_column (builder, "after", stmt, COL_AFTER);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Read in a worker thread: owns copies of what it took from the request. */
typedef struct
{
  AnjuCaller *caller;     /* (owned) */
  gboolean    has_from;
  gint64      from;
  gboolean    has_to;
  gint64      to;
  char       *actor;      /* (owned) (nullable) */
  char       *entity;     /* (owned) (nullable) */
  char       *action;     /* (owned) (nullable) */
} AuditFilter;

static void
audit_filter_free (gpointer data)
{
  AuditFilter *filter = data;

  g_clear_pointer (&filter->caller, anju_caller_free);
  g_free (filter->actor);
  g_free (filter->entity);
  g_free (filter->action);
  g_free (filter);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AuditFilter, audit_filter_free)

/* from and to: a field error each when present but not ISO 8601. */
static void
read_time_bound (AnjuRequest *request,
                 const char  *name,
                 gboolean    *out_present,
                 gint64      *out_secs)
{
  const char *text = anju_request_get_query (request, name);
  g_autoptr(GError) error = NULL;

  *out_present = text != NULL;
  if (text != NULL && !anju_time_parse_iso8601 (text, out_secs, &error))
    anju_request_add_field_error (request, name, error->message);
}

static void
bind_filter (sqlite3_stmt  *stmt,
             gconstpointer  bind_data)
{
  const AuditFilter *filter = bind_data;
  const AnjuCaller *caller = filter->caller;

  anju_db_bind_text (stmt, 1, caller->org_path);
  sqlite3_bind_int (stmt, 2, caller_sees_unattributed (caller) ? 1 : 0);
  if (filter->has_from)
    sqlite3_bind_int64 (stmt, 3, filter->from);
  if (filter->has_to)
    sqlite3_bind_int64 (stmt, 4, filter->to);
  anju_db_bind_text (stmt, 5, filter->actor);
  anju_db_bind_text (stmt, 6, filter->entity);
  anju_db_bind_text (stmt, 7, filter->action);
}

static void
handle_list (AnjuRequest *request)
{
#define AUDIT_LIST_WHERE \
  " WHERE (a.org_path LIKE ?1 || '%' OR (a.org_path IS NULL AND ?2))" \
  " AND (?3 IS NULL OR a.at >= ?3) AND (?4 IS NULL OR a.at <= ?4)" \
  " AND (?5 IS NULL OR a.actor = ?5)" \
  " AND (?6 IS NULL OR a.entity = ?6)" \
  " AND (?7 IS NULL OR a.action = ?7)"
  g_autoptr(GError) error = NULL;
  g_autoptr(AuditFilter) filter = g_new0 (AuditFilter, 1);
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  read_time_bound (request, "from", &filter->has_from, &filter->from);
  read_time_bound (request, "to", &filter->has_to, &filter->to);
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return;
    }
  filter->caller = anju_caller_copy (anju_request_get_caller (request));
  filter->actor = g_strdup (anju_request_get_query (request, "actor"));
  filter->entity = g_strdup (anju_request_get_query (request, "entity"));
  filter->action = g_strdup (anju_request_get_query (request, "action"));

  /* Counting the scope's part of the log reads all of it: in the worker. */
  anju_db_worker_reply_list (request,
                             "SELECT COUNT(*) FROM audit_log a" AUDIT_LIST_WHERE,
                             "SELECT " AUDIT_COLUMNS " FROM audit_log a" AUDIT_LIST_WHERE
                             " ORDER BY a.id DESC LIMIT ?8 OFFSET ?9",
                             8, page, page_size, bind_filter, g_steal_pointer (&filter),
                             audit_filter_free, audit_json_from_row);
#undef AUDIT_LIST_WHERE
}

static void
handle_get (AnjuRequest *request)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_auto(AnjuStmt) stmt = NULL;
  gint64 id;
  int rc;

  if (!anju_request_get_path_id (request, "id", &id))
    return;
  stmt = anju_db_prepare (db, "SELECT " AUDIT_COLUMNS " FROM audit_log a WHERE a.id = ?1",
                          &error);
  if (stmt == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && caller_sees_row (anju_request_get_caller (request), stmt))
    anju_request_reply_json (request, SOUP_STATUS_OK, audit_json_from_row (stmt, NULL, NULL));
  else if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    anju_reply_error_code (request, ANJU_ERROR_NOT_FOUND, _("No such audit record"));
  else
    {
      anju_db_set_error (db, &error);
      anju_request_reply_error (request, error);
    }
}

static const AnjuRoute audit_routes[] = {
  { "GET", "/api/v1/audit", ANJU_PERM_AUDIT_READ, ANJU_ROUTE_DEFAULT, handle_list,
    "Audit records of actors in the caller's scope, newest first; filters from, to, actor,"
    " entity, action", NULL, "audit" },
  { "GET", "/api/v1/audit/{id}", ANJU_PERM_AUDIT_READ, ANJU_ROUTE_DEFAULT, handle_get,
    "One audit record", NULL, "audit" },
};

const AnjuRoute *
anju_audit_api_get_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (audit_routes);
  return audit_routes;
}
