/* anju-message-settings-api.c: message templates and push strategies
 * (F-SUPPORT-004), for holders of support.message.manage.  Every write is
 * audited: message_template.update, message_template.reset,
 * push_strategy.update. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-audit.h"
#include "anju-clock.h"
#include "anju-message-events.h"
#include "anju-message-settings-api.h"
#include "anju-message-settings.h"
#include "anju-message-template.h"
#include "anju-permissions.h"
#include "anju-sms-schedule.h"
#include "anju-transaction.h"
#include "anju-validation.h"

typedef JsonNode *(*EventToJsonFunc) (AnjuDb                  *db,
                                      const AnjuMessageEvent  *event,
                                      GError                 **error);

static gint64
request_now (AnjuRequest *request)
{
  return anju_clock_now_secs (anju_request_get_clock (request));
}

/* The {event} of the path; replies 404 and returns NULL when unknown. */
static const AnjuMessageEvent *
path_event (AnjuRequest *request)
{
  const AnjuMessageEvent *event =
    anju_message_event_lookup (anju_request_get_path_param (request, "event"));

  if (event == NULL)
    anju_reply_error_code (request, ANJU_ERROR_NOT_FOUND, _("No such event type"));
  return event;
}

static void
reply_items (AnjuRequest     *request,
             EventToJsonFunc  to_json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GError) error = NULL;
  const AnjuMessageEvent *events;
  guint n_events = 0;

  events = anju_message_event_get_all (&n_events);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_events; i++)
    {
      JsonNode *item = to_json (anju_request_get_db (request), &events[i], &error);

      if (item == NULL)
        {
          anju_request_reply_error (request, error);
          return;
        }
      json_builder_add_value (builder, item);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  anju_request_reply_json (request, SOUP_STATUS_OK, json_builder_get_root (builder));
}

/* Runs write and its audit row in one transaction; the row holds the
 * setting before and after, which is also the answer. */
typedef gboolean (*SettingWriteFunc) (AnjuRequest  *request,
                                      gpointer      data,
                                      GError      **error);

static void
run_setting_write (AnjuRequest            *request,
                   const AnjuMessageEvent *event,
                   const char             *action,
                   const char             *entity,
                   gint64                  entity_id,
                   EventToJsonFunc         to_json,
                   SettingWriteFunc        write,
                   gpointer                data)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  gboolean ok;

  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = (before = to_json (db, event, &error)) != NULL
       && write (request, data, &error)
       && (after = to_json (db, event, &error)) != NULL
       && anju_audit_record (request, NULL, action, entity, entity_id, before, after, &error);
  if (!anju_transaction_end (db, ok, &error))
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&after));
}

/* ---- templates -------------------------------------------------------- */

static void
handle_list_templates (AnjuRequest *request)
{
  reply_items (request, anju_message_template_to_json);
}

static const AnjuFieldSpec template_body[] = {
  { "title", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, 100, "Inbox title, with {variables}" },
  { "body", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, 2000, "Inbox text, with {variables}" },
  { "sms", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, 500, "SMS text, with {variables}" },
  { NULL }
};

/* The new text of member, or the current one; a blank one or one naming a
 * variable the event lacks is a field error. */
static char *
patched_text (AnjuRequest            *request,
              JsonObject             *body,
              const char             *member,
              const char             *current,
              const AnjuMessageEvent *event)
{
  g_autofree char *value = NULL;
  g_autofree char *unknown = NULL;

  if (!json_object_has_member (body, member))
    return g_strdup (current);
  value = anju_body_dup_trimmed (body, member);
  if (!anju_check_not_blank (request, member, value))
    return NULL;

  unknown = anju_message_template_find_unknown (value, event->variables);
  if (unknown != NULL)
    {
      g_autofree char *allowed = g_strjoinv ("}, {", (char **) event->variables);
      g_autofree char *message =
        /* Translators: %1$s is the unknown variable's name, %2$s the list of allowed ones */
        g_strdup_printf (_("Unknown variable {%1$s}; this event has {%2$s}"), unknown, allowed);

      anju_request_add_field_error (request, member, message);
      return NULL;
    }
  return g_steal_pointer (&value);
}

typedef struct
{
  const AnjuMessageEvent *event;
  AnjuMessageTexts        texts;
} TemplateUpdate;

static gboolean
write_template (AnjuRequest  *request,
                gpointer      data,
                GError      **error)
{
  TemplateUpdate *update = data;

  return anju_message_texts_save (anju_request_get_db (request), update->event->type,
                                  &update->texts, request_now (request), error);
}

static gboolean
write_template_reset (AnjuRequest  *request,
                      gpointer      data,
                      GError      **error)
{
  const AnjuMessageEvent *event = data;

  return anju_message_texts_reset (anju_request_get_db (request), event->type, error);
}

static void
handle_update_template (AnjuRequest *request)
{
  const AnjuMessageEvent *event = path_event (request);
  g_auto(AnjuMessageTexts) current = { 0, };
  g_autoptr(GError) error = NULL;
  TemplateUpdate update;
  JsonObject *body;

  if (event == NULL)
    return;
  body = anju_request_parse_body (request, template_body, &error);
  if (body == NULL
      || !anju_message_texts_load (anju_request_get_db (request), event->type, &current, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }

  update = (TemplateUpdate) { event, { current.id, NULL, NULL, NULL } };
  update.texts.title = patched_text (request, body, "title", current.title, event);
  update.texts.body = patched_text (request, body, "body", current.body, event);
  update.texts.sms = patched_text (request, body, "sms", current.sms, event);
  if (anju_request_has_field_errors (request))
    anju_reply_validation_failed (request);
  else
    run_setting_write (request, event, "message_template.update", "message_template", current.id,
                       anju_message_template_to_json, write_template, &update);
  anju_message_texts_clear (&update.texts);
}

static void
handle_reset_template (AnjuRequest *request)
{
  const AnjuMessageEvent *event = path_event (request);
  g_auto(AnjuMessageTexts) current = { 0, };
  g_autoptr(GError) error = NULL;

  if (event == NULL)
    return;
  if (!anju_message_texts_load (anju_request_get_db (request), event->type, &current, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  run_setting_write (request, event, "message_template.reset", "message_template", current.id,
                     anju_message_template_to_json, write_template_reset, (gpointer) event);
}

/* ---- push strategies -------------------------------------------------- */

static void
handle_list_strategies (AnjuRequest *request)
{
  reply_items (request, anju_push_strategy_to_json);
}

static const AnjuFieldSpec strategy_body[] = {
  { "inbox", ANJU_FIELD_BOOL, ANJU_FIELD_OPTIONAL, NULL, 0, "Write to the recipients' inboxes" },
  { "sms", ANJU_FIELD_BOOL, ANJU_FIELD_OPTIONAL, NULL, 0, "Send a text to recipients with a phone" },
  { "enabled", ANJU_FIELD_BOOL, ANJU_FIELD_OPTIONAL, NULL, 0, "Deliver this event at all" },
  { "quiet_start", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 5,
    "Start of the quiet hours, \"HH:MM\" Asia/Shanghai; null: none" },
  { "quiet_end", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 5,
    "End of the quiet hours, \"HH:MM\"; null: none" },
  { "roles", ANJU_FIELD_STRING_ARRAY, ANJU_FIELD_OPTIONAL, NULL, 64,
    "Role codes: only recipients holding one of them get the event; []: everyone it names" },
  { NULL }
};

static void
patch_bool (JsonObject *body,
            const char *member,
            gboolean   *inout_value)
{
  if (json_object_has_member (body, member))
    *inout_value = json_object_get_boolean_member (body, member);
}

/* Replaces *inout_value when the body has the member; a value that is not
 * a clock time is a field error. */
static void
patch_clock_time (AnjuRequest  *request,
                  JsonObject   *body,
                  const char   *member,
                  char        **inout_value)
{
  g_autofree char *value = NULL;
  int minutes;

  if (!json_object_has_member (body, member))
    return;
  value = anju_body_dup_trimmed (body, member);
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  if (value != NULL && !anju_sms_parse_clock_time (value, &minutes))
    {
      anju_request_add_field_error (request, member, _("Write the time as HH:MM, e.g. 22:00"));
      return;
    }
  g_free (*inout_value);
  *inout_value = g_steal_pointer (&value);
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Replaces strategy->roles when the body has "roles": sorted, each once;
 * a code naming no role is a field error. */
static gboolean
patch_roles (AnjuRequest       *request,
             JsonObject        *body,
             AnjuPushStrategy  *strategy,
             GError           **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autofree char *unknown = NULL;
  JsonArray *array;

  if (!json_object_has_member (body, "roles"))
    return TRUE;
  array = json_object_get_array_member (body, "roles");
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (codes, (gpointer) json_array_get_string_element (array, i));
  g_ptr_array_sort (codes, compare_codes);
  for (guint i = 0; i < codes->len; i++)
    if (i == 0 || !g_str_equal (codes->pdata[i], codes->pdata[i - 1]))
      g_strv_builder_add (builder, codes->pdata[i]);
  g_strfreev (strategy->roles);
  strategy->roles = g_strv_builder_end (builder);

  if (!anju_push_strategy_find_unknown_role (anju_request_get_db (request),
                                             (const char * const *) strategy->roles,
                                             &unknown, error))
    return FALSE;
  if (unknown != NULL)
    {
      /* Translators: %s is what the client sent as a role code */
      g_autofree char *message = g_strdup_printf (_("There is no role with the code “%s”"),
                                                  unknown);

      anju_request_add_field_error (request, "roles", message);
    }
  return TRUE;
}

static void
check_strategy (AnjuRequest            *request,
                const AnjuMessageEvent *event,
                const AnjuPushStrategy *strategy)
{
  if (event->secret && strategy->inbox)
    anju_request_add_field_error (request, "inbox",
                                  _("This event carries a password and goes by SMS only"));
  /* The new account's password must reach it whatever roles it holds. */
  if (event->secret && strategy->roles[0] != NULL)
    anju_request_add_field_error (request, "roles",
                                  _("This event goes to the new account and cannot be restricted"));
  if ((strategy->quiet_start == NULL) != (strategy->quiet_end == NULL))
    anju_request_add_field_error (request, strategy->quiet_start == NULL ? "quiet_start" : "quiet_end",
                                  _("Give both ends of the quiet hours, or neither"));
  else if (strategy->quiet_start != NULL && g_str_equal (strategy->quiet_start, strategy->quiet_end))
    anju_request_add_field_error (request, "quiet_end",
                                  _("The quiet hours must end at another time than they start"));
}

typedef struct
{
  const AnjuMessageEvent *event;
  AnjuPushStrategy       *strategy;
} StrategyUpdate;

static gboolean
write_strategy (AnjuRequest  *request,
                gpointer      data,
                GError      **error)
{
  StrategyUpdate *update = data;

  return anju_push_strategy_save (anju_request_get_db (request), update->event->type,
                                  update->strategy, request_now (request), error);
}

static void
handle_update_strategy (AnjuRequest *request)
{
  const AnjuMessageEvent *event = path_event (request);
  g_auto(AnjuPushStrategy) strategy = { 0, };
  g_autoptr(GError) error = NULL;
  StrategyUpdate update;
  JsonObject *body;

  if (event == NULL)
    return;
  body = anju_request_parse_body (request, strategy_body, &error);
  if (body == NULL
      || !anju_push_strategy_load (anju_request_get_db (request), event->type, &strategy, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }

  patch_bool (body, "inbox", &strategy.inbox);
  patch_bool (body, "sms", &strategy.sms);
  patch_bool (body, "enabled", &strategy.enabled);
  patch_clock_time (request, body, "quiet_start", &strategy.quiet_start);
  patch_clock_time (request, body, "quiet_end", &strategy.quiet_end);
  if (!patch_roles (request, body, &strategy, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (!anju_request_has_field_errors (request))
    check_strategy (request, event, &strategy);
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return;
    }

  update = (StrategyUpdate) { event, &strategy };
  run_setting_write (request, event, "push_strategy.update", "push_strategy", strategy.id,
                     anju_push_strategy_to_json, write_strategy, &update);
}

static const AnjuRoute settings_routes[] = {
  { "GET", "/api/v1/message-templates", ANJU_PERM_MESSAGE_MANAGE, ANJU_ROUTE_DEFAULT,
    handle_list_templates, "The message template of every event type", NULL, "messages" },
  { "PATCH", "/api/v1/message-templates/{event}", ANJU_PERM_MESSAGE_MANAGE, ANJU_ROUTE_DEFAULT,
    handle_update_template, "Edit an event's templates; only its variables may be used",
    template_body, "messages" },
  { "POST", "/api/v1/message-templates/{event}/reset", ANJU_PERM_MESSAGE_MANAGE,
    ANJU_ROUTE_DEFAULT, handle_reset_template, "Back to the shipped zh_CN templates", NULL,
    "messages" },
  { "GET", "/api/v1/push-strategies", ANJU_PERM_MESSAGE_MANAGE, ANJU_ROUTE_DEFAULT,
    handle_list_strategies, "The push strategy of every event type", NULL, "messages" },
  { "PATCH", "/api/v1/push-strategies/{event}", ANJU_PERM_MESSAGE_MANAGE, ANJU_ROUTE_DEFAULT,
    handle_update_strategy, "Channels, on/off, quiet hours and audience of an event type", strategy_body,
    "messages" },
};

const AnjuRoute *
anju_message_settings_api_get_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (settings_routes);
  return settings_routes;
}
