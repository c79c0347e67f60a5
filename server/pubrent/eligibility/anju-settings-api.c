/* anju-settings-api.c: GET and PUT /api/v1/pubrent/settings (docs/api.md
 * "Eligibility pre-review"; F-PRH-008, F-PRH-026).
 *
 * PUT replaces everything: every rule the server knows appears once, with
 * enabled and (for rules that have one) a threshold inside the rule's
 * range; both periods are whole days in 1..60.  Every bad member is a
 * field error of the one 422 answer; a good body is written with its
 * audit row (pubrent.settings.update) in one transaction.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-decimal.h"
#include "anju-eligibility.h"
#include "anju-json-body.h"
#include "anju-pubrent-settings.h"
#include "anju-settings-store.h"
#include "anju-transaction.h"
#include "anju-validation.h"

typedef struct
{
  AnjuRuleSetting *rules;        /* one per known rule, in table order */
  gboolean        *seen;
  guint            n_rules;
  gint64           street_publicity_days;
  gint64           announcement_days;
} SettingsInput;

static void
settings_input_clear (SettingsInput *input)
{
  g_clear_pointer (&input->rules, g_free);
  g_clear_pointer (&input->seen, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SettingsInput, settings_input_clear)

static void
handle_get (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = anju_settings_store_to_json (anju_request_get_db (request), &error);

  if (node == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, node);
}

static gboolean
is_int (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static void
read_days (AnjuRequest *request,
           JsonObject  *body,
           const char  *member,
           gint64      *out_days)
{
  JsonNode *node = json_object_get_member (body, member);
  g_autofree char *why = NULL;

  if (node == NULL)
    {
      anju_request_add_field_error (request, member, _("This field is required"));
      return;
    }
  if (is_int (node) && json_node_get_int (node) >= ANJU_PUBRENT_DAYS_MIN &&
      json_node_get_int (node) <= ANJU_PUBRENT_DAYS_MAX)
    {
      *out_days = json_node_get_int (node);
      return;
    }
  /* Translators: %1$d and %2$d are numbers of days */
  why = g_strdup_printf (_("Must be a whole number of days from %1$d to %2$d"),
                         ANJU_PUBRENT_DAYS_MIN, ANJU_PUBRENT_DAYS_MAX);
  anju_request_add_field_error (request, member, why);
}

/* The range of a threshold, in the unit people type. */
static char *
describe_range (const AnjuPrereviewRule *rule)
{
  g_autofree char *min = anju_decimal_format_hundredths (rule->min_threshold);
  g_autofree char *max = anju_decimal_format_hundredths (rule->max_threshold);

  switch (rule->unit)
    {
    case ANJU_PREREVIEW_UNIT_YEARS:
      /* Translators: %1$d and %2$d are numbers of years */
      return g_strdup_printf (_("Must be a whole number of years from %1$d to %2$d"),
                              (int) rule->min_threshold, (int) rule->max_threshold);
    case ANJU_PREREVIEW_UNIT_YUAN:
      /* Translators: %1$s and %2$s are amounts like 60000.00 */
      return g_strdup_printf (_("Must be an amount in yuan from %1$s to %2$s, like \"60000.00\""),
                              min, max);
    case ANJU_PREREVIEW_UNIT_SQUARE_METRES:
    case ANJU_PREREVIEW_UNIT_NONE:
    default:
      /* Translators: %1$s and %2$s are areas like 15.00 */
      return g_strdup_printf (_("Must be an area in m² from %1$s to %2$s, like \"15.00\""),
                              min, max);
    }
}

/* The threshold member of rule i; FALSE when it is bad. */
static gboolean
read_threshold (const AnjuPrereviewRule *rule,
                JsonNode                *node,
                AnjuRuleSetting         *setting,
                char                   **out_why)
{
  gint64 value = 0;

  if (rule->unit == ANJU_PREREVIEW_UNIT_NONE)
    {
      if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        {
          *out_why = g_strdup (_("This rule has no threshold: leave it null"));
          return FALSE;
        }
      setting->has_threshold = FALSE;
      return TRUE;
    }

  if (rule->unit == ANJU_PREREVIEW_UNIT_YEARS ? !is_int (node) : !is_string (node))
    value = -1;
  else if (rule->unit == ANJU_PREREVIEW_UNIT_YEARS)
    value = json_node_get_int (node);
  else if (!anju_decimal_parse_hundredths (json_node_get_string (node), &value, NULL))
    value = -1;

  if (value < rule->min_threshold || value > rule->max_threshold)
    {
      *out_why = describe_range (rule);
      return FALSE;
    }
  setting->has_threshold = TRUE;
  setting->threshold = value;
  return TRUE;
}

static void
read_rule (AnjuRequest   *request,
           SettingsInput *input,
           guint          i,
           JsonNode      *node)
{
  static const char * const members[] = { "code", "enabled", "threshold", "name", "unit",
                                          "min", "max", NULL };
  g_autofree char *prefix = g_strdup_printf ("rules[%u].", i);
  g_autofree char *code_field = g_strconcat (prefix, "code", NULL);
  g_autofree char *enabled_field = g_strconcat (prefix, "enabled", NULL);
  g_autofree char *threshold_field = g_strconcat (prefix, "threshold", NULL);
  g_autofree char *why = NULL;
  const AnjuPrereviewRule *rule = NULL;
  guint n_known = 0;
  const AnjuPrereviewRule *known = anju_prereview_rules (&n_known);
  JsonObject *object;
  JsonNode *enabled;
  guint slot;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *field = g_strdup_printf ("rules[%u]", i);

      anju_request_add_field_error (request, field, _("Must be an object"));
      return;
    }
  object = json_node_get_object (node);
  anju_json_body_check_members (request, object, prefix, members);

  if (is_string (json_object_get_member (object, "code")))
    rule = anju_prereview_rule_lookup (json_object_get_string_member (object, "code"));
  if (rule == NULL)
    {
      anju_request_add_field_error (request, code_field, _("Unknown rule"));
      return;
    }
  slot = (guint) (rule - known);
  if (input->seen[slot])
    {
      anju_request_add_field_error (request, code_field, _("This rule is listed twice"));
      return;
    }
  input->seen[slot] = TRUE;
  input->rules[slot].code = rule->code;

  enabled = json_object_get_member (object, "enabled");
  if (enabled == NULL || !JSON_NODE_HOLDS_VALUE (enabled) ||
      json_node_get_value_type (enabled) != G_TYPE_BOOLEAN)
    anju_request_add_field_error (request, enabled_field, _("Must be true or false"));
  else
    input->rules[slot].enabled = json_node_get_boolean (enabled);

  if (!read_threshold (rule, json_object_get_member (object, "threshold"),
                       &input->rules[slot], &why))
    anju_request_add_field_error (request, threshold_field, why);
}

static void
read_rules (AnjuRequest   *request,
            JsonObject    *body,
            SettingsInput *input)
{
  JsonNode *node = json_object_get_member (body, "rules");
  const AnjuPrereviewRule *known = anju_prereview_rules (&input->n_rules);
  JsonArray *array;

  input->rules = g_new0 (AnjuRuleSetting, input->n_rules);
  input->seen = g_new0 (gboolean, input->n_rules);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      anju_request_add_field_error (request, "rules", _("Must be a list of rules"));
      return;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    read_rule (request, input, i, json_array_get_element (array, i));

  for (guint i = 0; i < input->n_rules; i++)
    if (!input->seen[i] && !anju_request_has_field_errors (request))
      {
        /* Translators: %1$s is a rule code such as hukou_years */
        g_autofree char *why = g_strdup_printf (_("The rule %1$s is missing"), known[i].code);

        anju_request_add_field_error (request, "rules", why);
      }
}

static void
handle_put (AnjuRequest *request)
{
  static const char * const members[] = { "rules", "street_publicity_days",
                                          "announcement_days", NULL };
  g_autoptr(JsonObject) body = anju_json_body_read (request);
  g_auto(SettingsInput) input = { 0, };
  AnjuDb *db = anju_request_get_db (request);
  AnjuCaller *caller = anju_request_get_caller (request);
  gint64 now = anju_clock_now_secs (anju_request_get_clock (request));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  gboolean ok;

  if (body == NULL)
    return;
  anju_json_body_check_members (request, body, NULL, members);
  read_rules (request, body, &input);
  read_days (request, body, "street_publicity_days", &input.street_publicity_days);
  read_days (request, body, "announcement_days", &input.announcement_days);
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return;
    }

  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = (before = anju_settings_store_to_json (db, &error)) != NULL
       && anju_settings_store_write (db, input.rules, input.n_rules,
                                     input.street_publicity_days, input.announcement_days,
                                     caller->user_id, now, &error)
       && (after = anju_settings_store_to_json (db, &error)) != NULL
       && anju_audit_record (request, NULL, "pubrent.settings.update", "pubrent_settings", 0,
                             before, after, &error);
  if (!anju_transaction_end (db, ok, &error))
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&after));
}

/* For openapi.json only: the handler reads the body itself, since
 * "rules" is a list of objects, which AnjuFieldSpec cannot say. */
static const AnjuFieldSpec put_body[] = {
  { "rules", ANJU_FIELD_OBJECT, ANJU_FIELD_REQUIRED, NULL, 0,
    "Array of every rule: {code, enabled, threshold} (docs/api.md)" },
  { "street_publicity_days", ANJU_FIELD_INT, ANJU_FIELD_REQUIRED, NULL, 0,
    "Days of the street publicity, 1-60" },
  { "announcement_days", ANJU_FIELD_INT, ANJU_FIELD_REQUIRED, NULL, 0,
    "Days of the New Area announcement, 1-60" },
  { NULL }
};

static const AnjuRoute routes[] = {
  { "GET", "/api/v1/pubrent/settings", ANJU_PERM_PUBRENT_APPLICATION_READ, ANJU_ROUTE_DEFAULT,
    handle_get, "Pre-review rules and business periods", NULL, "pubrent" },
  { "PUT", "/api/v1/pubrent/settings", ANJU_PERM_PUBRENT_RULES_WRITE, ANJU_ROUTE_DEFAULT,
    handle_put, "Replace the pre-review rules and business periods", put_body, "pubrent" },
};

const AnjuRoute *
anju_settings_api_get_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (routes);
  return routes;
}
