/* anju-sms-api.c: the SMS send log, the state of SMS sending, and resend
 * (F-SUPPORT-004), for holders of support.message.manage.  Phones are
 * masked unless the caller also holds portal.user.pii; the text of a
 * secret row (a password) is never shown. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-messages.h"
#include "anju-permissions.h"
#include "anju-sms-api.h"
#include "anju-sms-outbox.h"
#include "anju-sms-schedule.h"
#include "anju-sql-pattern.h"
#include "anju-transaction.h"
#include "anju-validation.h"

static const char * const sms_statuses[] = {
  "pending", "sending", "sent", "failed", "disabled", "deferred", NULL
};

static gint64
request_now (AnjuRequest *request)
{
  return anju_clock_now_secs (anju_request_get_clock (request));
}

static gboolean
caller_sees_phones (AnjuRequest *request)
{
  return anju_caller_has_permission (anju_request_get_caller (request), ANJU_PERM_USER_PII);
}

static AnjuSmsDispatcher *
get_dispatcher (AnjuRequest *request)
{
  return anju_messages_get_dispatcher (anju_messages_get (anju_request_get_server (request)));
}

typedef struct
{
  const char *status;
  const char *pattern;
  gboolean    sees_phones;
} SmsListFilters;

/* Without portal.user.pii the phone filter only sees what the caller sees,
 * the masked number, so searching cannot uncover the hidden digits. */
static void
bind_list_filters (sqlite3_stmt  *stmt,
                   gconstpointer  bind_data)
{
  const SmsListFilters *filters = bind_data;

  anju_db_bind_text (stmt, 1, filters->status);
  anju_db_bind_text (stmt, 2, filters->pattern);
  sqlite3_bind_int (stmt, 3, filters->sees_phones);
}

static JsonNode *
sms_item (sqlite3_stmt  *stmt,
          gpointer       user_data,
          GError       **error)
{
  return anju_sms_record_from_row (stmt, GPOINTER_TO_INT (user_data));
}

static void
handle_list (AnjuRequest *request)
{
#define SMS_WHERE \
  " WHERE (?1 IS NULL OR s.status = ?1)" \
  " AND (?2 IS NULL OR (CASE WHEN ?3 THEN s.phone" \
  "                     ELSE substr (s.phone, 1, 3) || '****' || substr (s.phone, -4) END)" \
  "     LIKE ?2 ESCAPE '\\')"
  const char *status = anju_request_get_query (request, "status");
  g_autofree char *pattern = anju_sql_contains_pattern (anju_request_get_query (request, "q"));
  const SmsListFilters filters = { status, pattern, caller_sees_phones (request) };
  g_autoptr(GError) error = NULL;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (status != NULL && !g_strv_contains (sms_statuses, status))
    {
      anju_reply_field_error (request, "status", _("Unknown status of a text message"));
      return;
    }

  anju_request_reply_list (request,
                           "SELECT COUNT(*) FROM sms_outbox s" SMS_WHERE,
                           "SELECT " ANJU_SMS_COLUMNS " FROM sms_outbox s" SMS_WHERE
                           " ORDER BY s.id DESC LIMIT ?4 OFFSET ?5",
                           4, page, page_size, bind_list_filters, &filters,
                           sms_item, GINT_TO_POINTER (filters.sees_phones));
#undef SMS_WHERE
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
handle_status (AnjuRequest *request)
{
  const AnjuConfig *config = anju_request_get_config (request);
  AnjuSmsDispatcher *dispatcher = get_dispatcher (request);
  const char *reason = anju_sms_dispatcher_get_disabled_reason (dispatcher);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GError) error = NULL;
  AnjuSmsCounts counts = { 0, };

  if (!anju_sms_outbox_count (anju_request_get_db (request),
                              anju_sms_day_start (request_now (request)), &counts, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, anju_sms_dispatcher_is_enabled (dispatcher));
  json_builder_set_member_name (builder, "reason");
  if (reason != NULL)
    json_builder_add_string_value (builder, reason);
  else
    json_builder_add_null_value (builder);
  add_int (builder, "sent_today", counts.sent_today);
  add_int (builder, "daily_cap", config->sms_daily_cap);
  add_int (builder, "rate_per_second", config->sms_rate_per_second);
  add_int (builder, "pending", counts.pending);
  add_int (builder, "failed", counts.failed);
  json_builder_end_object (builder);
  anju_request_reply_json (request, SOUP_STATUS_OK, json_builder_get_root (builder));
}

/* The audit rows never show a phone unmasked nor a text: both may be
 * personal, and a secret text is a password. */
static JsonNode *
resend_audit_json (AnjuDb  *db,
                   gint64   id,
                   GError **error)
{
  g_autoptr(JsonNode) record = anju_sms_record_to_json (db, id, FALSE, error);
  JsonObject *object;

  if (record == NULL)
    return NULL;
  object = json_node_get_object (record);
  json_object_remove_member (object, "text");
  return g_steal_pointer (&record);
}

static void
handle_resend (AnjuRequest *request)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) reply = NULL;
  gboolean ok;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return;
  if (!anju_sms_dispatcher_is_enabled (get_dispatcher (request)))
    {
      /* It would only wait for a gateway: say so rather than pretend. */
      if ((before = anju_sms_record_to_json (db, id, FALSE, &error)) == NULL)
        anju_request_reply_error (request, error);
      else
        anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                               anju_sms_dispatcher_get_disabled_reason (get_dispatcher (request)));
      return;
    }

  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = (before = resend_audit_json (db, id, &error)) != NULL
       && anju_sms_outbox_resend (db, id, request_now (request), &error)
       && (after = resend_audit_json (db, id, &error)) != NULL
       && anju_audit_record (request, NULL, "sms.resend", "sms", id, before, after, &error)
       && (reply = anju_sms_record_to_json (db, id, caller_sees_phones (request), &error)) != NULL;
  if (!anju_transaction_end (db, ok, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  anju_sms_dispatcher_kick (get_dispatcher (request));
  anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&reply));
}

static const AnjuRoute sms_routes[] = {
  { "GET", "/api/v1/sms", ANJU_PERM_MESSAGE_MANAGE, ANJU_ROUTE_DEFAULT, handle_list,
    "The SMS send log, newest first; filters status, q (phone)", NULL, "messages" },
  { "GET", "/api/v1/sms/status", ANJU_PERM_MESSAGE_MANAGE, ANJU_ROUTE_DEFAULT, handle_status,
    "Whether SMS is configured, and today's numbers", NULL, "messages" },
  { "POST", "/api/v1/sms/{id}/resend", ANJU_PERM_MESSAGE_MANAGE, ANJU_ROUTE_DEFAULT,
    handle_resend, "Send a failed, deferred or disabled text again", NULL, "messages" },
};

const AnjuRoute *
anju_sms_api_get_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (sms_routes);
  return sms_routes;
}
