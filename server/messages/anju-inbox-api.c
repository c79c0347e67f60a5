/* anju-inbox-api.c: the signed-in user's inbox (F-PORTAL-006, F-PORTAL-025)
 * and sending a message by hand (F-SUPPORT-004). */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-inbox-api.h"
#include "anju-inbox-store.h"
#include "anju-message-events.h"
#include "anju-message-recipients.h"
#include "anju-org-store.h"
#include "anju-permissions.h"
#include "anju-server.h"
#include "anju-sql-pattern.h"
#include "anju-stmt.h"
#include "anju-transaction.h"
#include "anju-validation.h"

static gint64
request_now (AnjuRequest *request)
{
  return anju_clock_now_secs (anju_request_get_clock (request));
}

static gint64
caller_id (AnjuRequest *request)
{
  return anju_request_get_caller (request)->user_id;
}

static void
reply_message (AnjuRequest *request,
               gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = anju_inbox_message_to_json (anju_request_get_db (request),
                                                         caller_id (request), id, &error);

  if (node == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&node));
}

/* ---- reading ---------------------------------------------------------- */

typedef struct
{
  gint64      user_id;
  gboolean    unread_only;
  const char *event;
  const char *pattern;
} InboxListFilters;

static void
bind_list_filters (sqlite3_stmt  *stmt,
                   gconstpointer  bind_data)
{
  const InboxListFilters *filters = bind_data;

  sqlite3_bind_int64 (stmt, 1, filters->user_id);
  if (filters->unread_only)
    sqlite3_bind_int (stmt, 2, 1);
  anju_db_bind_text (stmt, 3, filters->event);
  anju_db_bind_text (stmt, 4, filters->pattern);
}

static JsonNode *
message_item (sqlite3_stmt  *stmt,
              gpointer       user_data,
              GError       **error)
{
  return anju_inbox_message_from_row (stmt);
}

/* "true" and "false" only; NULL (absent) is FALSE. */
static gboolean
parse_bool_query (AnjuRequest *request,
                  const char  *name,
                  gboolean    *out_value)
{
  const char *text = anju_request_get_query (request, name);

  *out_value = g_strcmp0 (text, "true") == 0;
  if (text == NULL || *out_value || g_str_equal (text, "false"))
    return TRUE;
  anju_reply_field_error (request, name, _("Must be true or false"));
  return FALSE;
}

static void
handle_list (AnjuRequest *request)
{
#define INBOX_WHERE \
  " WHERE m.user_id = ?1" \
  " AND (?2 IS NULL OR m.read_at IS NULL)" \
  " AND (?3 IS NULL OR m.event = ?3)" \
  " AND (?4 IS NULL OR m.title LIKE ?4 ESCAPE '\\' OR m.body LIKE ?4 ESCAPE '\\')"
  const char *event = anju_request_get_query (request, "event");
  g_autofree char *pattern = anju_sql_contains_pattern (anju_request_get_query (request, "q"));
  InboxListFilters filters = { caller_id (request), FALSE, event, pattern };
  g_autoptr(GError) error = NULL;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (!parse_bool_query (request, "unread", &filters.unread_only))
    return;
  if (event != NULL && anju_message_event_lookup (event) == NULL)
    {
      anju_reply_field_error (request, "event", _("Unknown event type"));
      return;
    }

  anju_request_reply_list (request,
                           "SELECT COUNT(*) FROM messages m" INBOX_WHERE,
                           "SELECT " ANJU_INBOX_COLUMNS " FROM messages m" INBOX_WHERE
                           " ORDER BY m.created_at DESC, m.id DESC LIMIT ?5 OFFSET ?6",
                           5, page, page_size, bind_list_filters, &filters,
                           message_item, NULL);
#undef INBOX_WHERE
}

static void
handle_unread_count (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  gint64 unread = 0;

  if (!anju_inbox_count_unread (anju_request_get_db (request), caller_id (request), &unread,
                                &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "unread");
  json_builder_add_int_value (builder, unread);
  json_builder_end_object (builder);
  anju_request_reply_json (request, SOUP_STATUS_OK, json_builder_get_root (builder));
}

/* Marking one's own messages read changes nothing anyone else sees, so
 * it is not audited. */
static void
handle_read (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return;
  if (!anju_inbox_mark_read (anju_request_get_db (request), caller_id (request), id,
                             request_now (request), &error))
    anju_request_reply_error (request, error);
  else
    reply_message (request, id);
}

static void
handle_read_all (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!anju_inbox_mark_all_read (anju_request_get_db (request), caller_id (request),
                                 request_now (request), &error))
    anju_request_reply_error (request, error);
  else
    anju_request_reply_no_content (request);
}

/* ---- sending by hand -------------------------------------------------- */

static const AnjuFieldSpec send_body[] = {
  { "title", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, 100, "Title" },
  { "body", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, 2000, "Text" },
  { "user_ids", ANJU_FIELD_INT_ARRAY, ANJU_FIELD_OPTIONAL, NULL, 0, "Users to send to" },
  { "org_ids", ANJU_FIELD_INT_ARRAY, ANJU_FIELD_OPTIONAL, NULL, 0,
    "Organisations whose users to send to (in the sender's scope)" },
  { "sms", ANJU_FIELD_BOOL, ANJU_FIELD_OPTIONAL, NULL, 0,
    "Also by SMS, when the push strategy of message.manual allows it" },
  { NULL }
};

typedef enum
{
  TARGET_OK,
  TARGET_MISSING,
  TARGET_OUT_OF_SCOPE,
} TargetCheck;

static TargetCheck
check_user (AnjuRequest  *request,
            gint64        user_id,
            GError      **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (anju_request_get_db (request),
                                           "SELECT o.path FROM users u"
                                           " JOIN organisations o ON o.id = u.org_id"
                                           " WHERE u.id = ?1",
                                           error);

  if (stmt == NULL)
    return TARGET_MISSING;
  sqlite3_bind_int64 (stmt, 1, user_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TARGET_MISSING;
  if (!anju_caller_can_see_org_path (anju_request_get_caller (request),
                                     (const char *) sqlite3_column_text (stmt, 0)))
    return TARGET_OUT_OF_SCOPE;
  return TARGET_OK;
}

static TargetCheck
check_org (AnjuRequest *request,
           gint64       org_id)
{
  g_auto(AnjuOrgRef) org = { 0, };

  if (!anju_org_store_load (anju_request_get_db (request), org_id, &org, NULL))
    return TARGET_MISSING;
  if (!anju_caller_can_see_org_path (anju_request_get_caller (request), org.path))
    return TARGET_OUT_OF_SCOPE;
  return TARGET_OK;
}

/* Every id of the member must name a user (or organisation) in the
 * caller's scope: a missing one is a field error, one outside the scope a
 * 403.  Replies and returns FALSE when one is not. */
static gboolean
check_targets (AnjuRequest *request,
               JsonObject  *body,
               const char  *member,
               GArray      *out_ids)
{
  JsonArray *array = json_object_has_member (body, member)
                     ? json_object_get_array_member (body, member) : NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      gint64 id = json_array_get_int_element (array, i);
      TargetCheck check = g_str_equal (member, "user_ids") ? check_user (request, id, &error)
                                                           : check_org (request, id);

      if (error != NULL)
        {
          anju_request_reply_error (request, error);
          return FALSE;
        }
      if (check == TARGET_OUT_OF_SCOPE)
        {
          anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN,
                                 _("A recipient is outside your data scope"));
          return FALSE;
        }
      if (check == TARGET_MISSING)
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
          g_autofree char *message = NULL;

          if (g_str_equal (member, "user_ids"))
            /* Translators: %1$s is an id */
            message = g_strdup_printf (_("No such user: %1$s"), id_text);
          else
            /* Translators: %1$s is an id */
            message = g_strdup_printf (_("No such organisation: %1$s"), id_text);
          anju_reply_field_error (request, member, message);
          return FALSE;
        }
      g_array_append_val (out_ids, id);
    }
  return TRUE;
}

/* Everyone the message goes to: the users named plus the active users of
 * the organisations named, each once.  (transfer full) */
static GArray *
resolve_recipients (AnjuDb  *db,
                    GArray  *user_ids,
                    GArray  *org_ids,
                    GError **error)
{
  g_autoptr(GArray) everyone = g_array_copy (user_ids);

  for (guint i = 0; i < org_ids->len; i++)
    {
      g_autoptr(GArray) members = anju_message_recipients_resolve (db, NULL, 0,
                                                                   g_array_index (org_ids, gint64, i),
                                                                   NULL, error);

      if (members == NULL)
        return NULL;
      for (guint j = 0; j < members->len; j++)
        g_array_append_val (everyone, g_array_index (members, AnjuRecipient, j).user_id);
    }
  return anju_message_recipients_resolve (db, (const gint64 *) everyone->data, everyone->len, 0,
                                          NULL, error);
}

static JsonNode *
send_audit_json (const char *title,
                 const char *text,
                 GArray     *user_ids,
                 GArray     *org_ids,
                 gboolean    sms,
                 guint       n_recipients)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "user_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; i < user_ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (user_ids, gint64, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "org_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; i < org_ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (org_ids, gint64, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "sms");
  json_builder_add_boolean_value (builder, sms);
  json_builder_set_member_name (builder, "recipients");
  json_builder_add_int_value (builder, n_recipients);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
query_int (AnjuDb      *db,
           const char  *sql,
           gint64       param,
           gint64      *out_value,
           GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, param);
  return anju_db_step_count (db, stmt, out_value, error);
}

typedef struct
{
  const char *title;
  const char *body;
  gboolean    sms;
  GArray     *user_ids;      /* as asked, for the audit row */
  GArray     *org_ids;
  GArray     *recipients;    /* of AnjuRecipient */
} ManualSend;

/* message.manual goes through the event bus like every other event, so a
 * manual message follows the same templates, strategy and SMS path. */
static gboolean
emit_manual (AnjuRequest  *request,
             ManualSend   *send,
             gint64       *out_queued,
             GError      **error)
{
  AnjuServer *server = anju_request_get_server (request);
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JsonObject) variables = json_object_new ();
  g_autoptr(JsonNode) after = NULL;
  gint64 last_queued = 0;
  AnjuEvent event = {
    .type = ANJU_EVENT_MANUAL,
    .db = db,
    .at = request_now (request),
    .variables = variables,
  };

  for (guint i = 0; i < send->recipients->len; i++)
    g_array_append_val (ids, g_array_index (send->recipients, AnjuRecipient, i).user_id);
  event.user_ids = (const gint64 *) ids->data;
  event.n_user_ids = ids->len;
  json_object_set_string_member (variables, "title", send->title);
  json_object_set_string_member (variables, "body", send->body);
  json_object_set_string_member (variables, "sms", send->sms ? "true" : "false");

  after = send_audit_json (send->title, send->body, send->user_ids, send->org_ids, send->sms,
                           send->recipients->len);
  return query_int (db, "SELECT coalesce (max (id), 0) FROM sms_outbox", 0, &last_queued, error)
         && anju_event_bus_emit (anju_server_get_event_bus (server), &event, error)
         && query_int (db, "SELECT COUNT(*) FROM sms_outbox WHERE id > ?1 AND status = 'pending'",
                       last_queued, out_queued, error)
         && anju_audit_record (request, NULL, "message.send", "message", 0, NULL, after, error);
}

static void
reply_sent (AnjuRequest *request,
            guint        n_recipients,
            gint64       n_queued)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "recipients");
  json_builder_add_int_value (builder, n_recipients);
  json_builder_set_member_name (builder, "sms_queued");
  json_builder_add_int_value (builder, n_queued);
  json_builder_end_object (builder);
  anju_request_reply_json (request, SOUP_STATUS_CREATED, json_builder_get_root (builder));
}

static void
handle_send (AnjuRequest *request)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) user_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) org_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) recipients = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  ManualSend send;
  gint64 queued = 0;
  JsonObject *body;
  gboolean ok;

  body = anju_request_parse_body (request, send_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  title = anju_body_dup_trimmed (body, "title");
  text = anju_body_dup_trimmed (body, "body");
  anju_check_not_blank (request, "title", title);
  anju_check_not_blank (request, "body", text);
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return;
    }
  if (!check_targets (request, body, "user_ids", user_ids)
      || !check_targets (request, body, "org_ids", org_ids))
    return;
  if (user_ids->len == 0 && org_ids->len == 0)
    {
      anju_reply_field_error (request, "user_ids",
                              _("Choose at least one user or organisation to send to"));
      return;
    }

  recipients = resolve_recipients (db, user_ids, org_ids, &error);
  if (recipients == NULL || !anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  send = (ManualSend) {
    .title = title,
    .body = text,
    .sms = json_object_get_boolean_member_with_default (body, "sms", FALSE),
    .user_ids = user_ids,
    .org_ids = org_ids,
    .recipients = recipients,
  };
  ok = emit_manual (request, &send, &queued, &error);
  if (!anju_transaction_end (db, ok, &error))
    anju_request_reply_error (request, error);
  else
    reply_sent (request, recipients->len, queued);
}

static const AnjuRoute inbox_routes[] = {
  { "GET", "/api/v1/messages", NULL, ANJU_ROUTE_DEFAULT, handle_list,
    "The caller's messages, newest first; filters unread, event, q", NULL, "messages" },
  { "GET", "/api/v1/messages/unread-count", NULL, ANJU_ROUTE_DEFAULT, handle_unread_count,
    "How many of the caller's messages are unread", NULL, "messages" },
  { "POST", "/api/v1/messages/{id}/read", NULL, ANJU_ROUTE_DEFAULT, handle_read,
    "Mark one of the caller's messages read", NULL, "messages" },
  { "POST", "/api/v1/messages/read-all", NULL, ANJU_ROUTE_DEFAULT, handle_read_all,
    "Mark every message of the caller read", NULL, "messages" },
  { "POST", "/api/v1/messages", ANJU_PERM_MESSAGE_SEND, ANJU_ROUTE_DEFAULT, handle_send,
    "Send a message to users and to the users of organisations in scope", send_body,
    "messages" },
};

const AnjuRoute *
anju_inbox_api_get_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (inbox_routes);
  return inbox_routes;
}
