/* anju-terminal-labels.c: the words of the terminal back office. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-code-label.h"

#include "anju-error.h"
#include "anju-record.h"
#include "anju-terminal-labels.h"

static const AnjuCodeLabel states[] = {
  { "enabled", "terminal state", NC_("terminal state", "Enabled") },
  { "disabled", "terminal state", NC_("terminal state", "Disabled") },
  { "deleted", "terminal state", NC_("terminal state", "Deleted") },
};

static const char * const peripheral_kinds[] = { "camera", "fingerprint", "id_reader", "printer", NULL };

static const AnjuCodeLabel peripherals[] = {
  { "camera", "peripheral", NC_("peripheral", "Camera") },
  { "fingerprint", "peripheral", NC_("peripheral", "Fingerprint reader") },
  { "id_reader", "peripheral", NC_("peripheral", "ID card reader") },
  { "printer", "peripheral", NC_("peripheral", "Printer") },
};

static const AnjuCodeLabel peripheral_states[] = {
  { "ok", "peripheral state", NC_("peripheral state", "Normal") },
  { "missing", "peripheral state", NC_("peripheral state", "Not connected") },
  { "error", "peripheral state", NC_("peripheral state", "Fault") },
  { "disabled", "peripheral state", NC_("peripheral state", "Switched off") },
};

static const char * const module_keys[] = {
  "publicity", "policy", "guides", "apply", "progress", "print", "honor_roll", NULL
};

static const AnjuCodeLabel modules[] = {
  { "publicity", "kiosk module", NC_("kiosk module", "Public notices") },
  { "policy", "kiosk module", NC_("kiosk module", "Policy publicity") },
  { "guides", "kiosk module", NC_("kiosk module", "Business guides") },
  { "apply", "kiosk module", NC_("kiosk module", "Public rental application") },
  { "progress", "kiosk module", NC_("kiosk module", "Progress query") },
  { "print", "kiosk module", NC_("kiosk module", "Document printing") },
  { "honor_roll", "kiosk module", NC_("kiosk module", "Honor roll") },
};

static const char * const theme_codes[] = { "standard", "high_contrast", NULL };

static const AnjuCodeLabel themes[] = {
  { "standard", "kiosk theme", NC_("kiosk theme", "Standard") },
  { "high_contrast", "kiosk theme", NC_("kiosk theme", "High contrast") },
};

static const AnjuCodeLabel alert_kinds[] = {
  { "terminal_offline", "terminal alert", NC_("terminal alert", "Terminal offline") },
  { "peripheral_fault", "terminal alert", NC_("terminal alert", "Peripheral fault") },
};

static const AnjuCodeLabel alert_states[] = {
  { "open", "alert state", NC_("alert state", "Open") },
  { "handled", "alert state", NC_("alert state", "Handled") },
  { "recovered", "alert state", NC_("alert state", "Recovered") },
};

static const AnjuCodeLabel actions[] = {
  { "create", "terminal change", NC_("terminal change", "Registered") },
  { "update", "terminal change", NC_("terminal change", "Edited") },
  { "enable", "terminal change", NC_("terminal change", "Enabled") },
  { "disable", "terminal change", NC_("terminal change", "Disabled") },
  { "delete", "terminal change", NC_("terminal change", "Deleted") },
  { "credential.issue", "terminal change", NC_("terminal change", "Credential issued") },
  { "credential.revoke", "terminal change", NC_("terminal change", "Credential revoked") },
  { "layout.update", "terminal change", NC_("terminal change", "Home layout changed") },
  { "alert.handle", "terminal change", NC_("terminal change", "Alert handled") },
};

/* In the order a change row lists them. */
static const AnjuCodeLabel fields[] = {
  { "sn", "terminal field", NC_("terminal field", "Serial number") },
  { "terminal_no", "terminal field", NC_("terminal field", "Terminal number") },
  { "name", "terminal field", NC_("terminal field", "Name") },
  { "person_in_charge", "terminal field", NC_("terminal field", "Person in charge") },
  { "person_phone", "terminal field", NC_("terminal field", "Phone of the person in charge") },
  { "org", "terminal field", NC_("terminal field", "Street") },
  { "org_id", "terminal field", NC_("terminal field", "Street") },
  { "location", "terminal field", NC_("terminal field", "Location") },
  { "network", "terminal field", NC_("terminal field", "Network") },
  { "model", "terminal field", NC_("terminal field", "Model") },
  { "peripherals", "terminal field", NC_("terminal field", "Peripherals") },
  { "state", "terminal field", NC_("terminal field", "State") },
  { "credential", "terminal field", NC_("terminal field", "Credential") },
  { "title", "terminal field", NC_("terminal field", "Home screen title") },
  { "modules", "terminal field", NC_("terminal field", "Modules") },
  { "banner_file_id", "terminal field", NC_("terminal field", "Banner image") },
  { "theme", "terminal field", NC_("terminal field", "Theme") },
  { "note", "terminal field", NC_("terminal field", "Handling note") },
  { "handled_by", "terminal field", NC_("terminal field", "Handled by") },
};

/* Bookkeeping that changes with every write says nothing to a reader. */
static const char * const unlisted_members[] = {
  "id", "created_at", "updated_at", "online", "last_heartbeat_at", "terminal_id", "terminal",
  "handled_at", "raised_at", NULL
};

const char *
anju_terminal_state_label (const char *state)
{
  return anju_code_label_lookup (states, G_N_ELEMENTS (states), state);
}

const char *
anju_terminal_online_label (gboolean online)
{
  return online ? C_("terminal connection", "Online") : C_("terminal connection", "Offline");
}

const char * const *
anju_terminal_peripheral_kind_codes (void)
{
  return peripheral_kinds;
}

const char *
anju_terminal_peripheral_label (const char *kind)
{
  return anju_code_label_lookup (peripherals, G_N_ELEMENTS (peripherals), kind);
}

const char *
anju_terminal_peripheral_state_label (const char *state)
{
  return anju_code_label_lookup (peripheral_states, G_N_ELEMENTS (peripheral_states), state);
}

AnjuTerminalSeverity
anju_terminal_peripheral_severity (const char *state)
{
  if (g_strcmp0 (state, "ok") == 0)
    return ANJU_TERMINAL_SEVERITY_NORMAL;
  if (g_strcmp0 (state, "error") == 0)
    return ANJU_TERMINAL_SEVERITY_ERROR;

  /* Missing, switched off, or a state this desktop does not know yet:
   * worth a look, not an alarm. */
  return ANJU_TERMINAL_SEVERITY_WARNING;
}

const char *
anju_terminal_severity_style (AnjuTerminalSeverity severity)
{
  switch (severity)
    {
    case ANJU_TERMINAL_SEVERITY_NORMAL:
      return "success";
    case ANJU_TERMINAL_SEVERITY_ERROR:
      return "error";
    case ANJU_TERMINAL_SEVERITY_WARNING:
    default:
      return "warning";
    }
}

const char * const *
anju_terminal_module_keys (void)
{
  return module_keys;
}

const char *
anju_terminal_module_label (const char *key)
{
  return anju_code_label_lookup (modules, G_N_ELEMENTS (modules), key);
}

const char * const *
anju_terminal_theme_codes (void)
{
  return theme_codes;
}

const char *
anju_terminal_theme_label (const char *theme)
{
  return anju_code_label_lookup (themes, G_N_ELEMENTS (themes), theme);
}

const char *
anju_terminal_alert_kind_label (const char *kind)
{
  return anju_code_label_lookup (alert_kinds, G_N_ELEMENTS (alert_kinds), kind);
}

const char *
anju_terminal_alert_state_label (const char *state)
{
  return anju_code_label_lookup (alert_states, G_N_ELEMENTS (alert_states), state);
}

const char *
anju_terminal_change_action_label (const char *action)
{
  if (action != NULL && g_str_has_prefix (action, "terminal."))
    action += strlen ("terminal.");

  return anju_code_label_lookup (actions, G_N_ELEMENTS (actions), action);
}

const char *
anju_terminal_field_label (const char *member)
{
  return anju_code_label_lookup (fields, G_N_ELEMENTS (fields), member);
}

static JsonNode *
member_of (JsonObject *object,
           const char *member)
{
  return object != NULL && json_object_has_member (object, member)
         ? json_object_get_member (object, member) : NULL;
}

static gboolean
is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

/* "Camera: on (HK-200); Printer: off" */
static char *
peripherals_text (JsonObject *object)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (const char * const *kind = peripheral_kinds; *kind != NULL; kind++)
    {
      JsonNode *node = member_of (object, *kind);
      JsonObject *peripheral;
      const char *model;
      gboolean enabled;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        continue;

      peripheral = json_node_get_object (node);
      enabled = anju_json_get_boolean (peripheral, "enabled", FALSE);
      model = anju_json_get_string (peripheral, "model");
      if (text->len > 0)
        /* Translators: separates the peripherals in a change log line */
        g_string_append (text, _("; "));
      if (model != NULL && *model != '\0')
        /* Translators: %1$s a peripheral ("Camera"), %2$s on or off,
         * %3$s its model */
        g_string_append_printf (text, _("%1$s: %2$s (%3$s)"), anju_terminal_peripheral_label (*kind),
                                enabled ? C_("peripheral switch", "on") : C_("peripheral switch", "off"),
                                model);
      else
        /* Translators: %1$s a peripheral ("Camera"), %2$s on or off */
        g_string_append_printf (text, _("%1$s: %2$s"), anju_terminal_peripheral_label (*kind),
                                enabled ? C_("peripheral switch", "on") : C_("peripheral switch", "off"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "Public notices, Policy publicity (off), …" */
static char *
modules_text (JsonArray *array)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *module;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      module = json_node_get_object (node);
      name = anju_terminal_module_label (anju_json_get_string (module, "key"));
      if (text->len > 0)
        /* Translators: separates the modules in a change log line */
        g_string_append (text, _(", "));
      if (anju_json_get_boolean (module, "enabled", TRUE))
        g_string_append (text, name != NULL ? name : "");
      else
        /* Translators: a home-screen module that is switched off */
        g_string_append_printf (text, _("%1$s (off)"), name != NULL ? name : "");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
credential_text (JsonObject *object)
{
  if (anju_json_get_boolean (object, "active", FALSE))
    return g_strdup (C_("terminal credential", "Active"));
  if (anju_json_get_string (object, "revoked_at") != NULL)
    return g_strdup (C_("terminal credential", "Revoked"));

  return g_strdup (C_("terminal credential", "None"));
}

static char *
code_text (const char *member,
           const char *code)
{
  /* A terminal's state and an alert's (in "alert.handle" rows) share
   * the member name; their codes do not overlap. */
  if (g_strcmp0 (member, "state") == 0)
    {
      const char *label = anju_terminal_state_label (code);

      return g_strdup (label != code ? label : anju_terminal_alert_state_label (code));
    }
  if (g_strcmp0 (member, "theme") == 0)
    return g_strdup (anju_terminal_theme_label (code));

  return g_strdup (code);
}

char *
anju_terminal_value_text (const char *member,
                          JsonNode   *value)
{
  if (is_null (value))
    return g_strdup ("—");

  if (JSON_NODE_HOLDS_OBJECT (value))
    {
      JsonObject *object = json_node_get_object (value);

      if (g_strcmp0 (member, "peripherals") == 0)
        return peripherals_text (object);
      if (g_strcmp0 (member, "credential") == 0)
        return credential_text (object);
      if (anju_json_get_string (object, "name") != NULL)
        return g_strdup (anju_json_get_string (object, "name"));
    }
  else if (JSON_NODE_HOLDS_ARRAY (value))
    {
      if (g_strcmp0 (member, "modules") == 0)
        return modules_text (json_node_get_array (value));
    }
  else if (JSON_NODE_HOLDS_VALUE (value))
    {
      GType type = json_node_get_value_type (value);

      if (type == G_TYPE_STRING)
        {
          const char *text = json_node_get_string (value);

          return *text == '\0' ? g_strdup ("—") : code_text (member, text);
        }
      if (type == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (value) ? C_("terminal value", "Yes")
                                                       : C_("terminal value", "No"));
      if (type == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
      if (type == G_TYPE_DOUBLE)
        return g_strdup_printf ("%g", json_node_get_double (value));
    }

  return json_to_string (value, FALSE);
}

static gboolean
values_equal (JsonNode *a,
              JsonNode *b)
{
  if (is_null (a) || is_null (b))
    return is_null (a) == is_null (b);

  return json_node_equal (a, b);
}

static void
describe_member (GString    *lines,
                 const char *member,
                 JsonObject *before,
                 JsonObject *after)
{
  JsonNode *old_value = member_of (before, member);
  JsonNode *new_value = member_of (after, member);
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  if (values_equal (old_value, new_value))
    return;

  old_text = anju_terminal_value_text (member, old_value);
  new_text = anju_terminal_value_text (member, new_value);
  if (lines->len > 0)
    g_string_append_c (lines, '\n');
  /* Translators: one line of a terminal's change log: %1$s is a field
   * ("Location"), %2$s its old value, %3$s its new one */
  g_string_append_printf (lines, _("%1$s: %2$s → %3$s"), anju_terminal_field_label (member),
                          old_text, new_text);
}

static void
add_unknown_members (GPtrArray  *members,
                     JsonObject *object)
{
  g_autoptr(GList) names = object != NULL ? json_object_get_members (object) : NULL;

  for (GList *l = names; l != NULL; l = l->next)
    {
      if (anju_code_label_find (fields, G_N_ELEMENTS (fields), l->data) == NULL
          && !g_strv_contains (unlisted_members, l->data)
          && !g_ptr_array_find_with_equal_func (members, l->data, g_str_equal, NULL))
        g_ptr_array_add (members, l->data);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static JsonObject *
object_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = member_of (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

char *
anju_terminal_change_describe (JsonObject *change)
{
  JsonObject *before;
  JsonObject *after;
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  GString *lines;

  g_return_val_if_fail (change != NULL, NULL);

  before = object_member (change, "before");
  after = object_member (change, "after");
  lines = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      /* "org" and "org_id" say the same; name the street once. */
      if (g_str_equal (fields[i].code, "org_id")
          && (member_of (before, "org") != NULL || member_of (after, "org") != NULL))
        continue;
      describe_member (lines, fields[i].code, before, after);
    }

  /* Members this desktop has no name for still show, after the known
   * ones and in a stable order. */
  add_unknown_members (others, before);
  add_unknown_members (others, after);
  g_ptr_array_sort (others, compare_names);
  for (guint i = 0; i < others->len; i++)
    describe_member (lines, g_ptr_array_index (others, i), before, after);

  return g_string_free (lines, FALSE);
}

GListStore *
anju_terminal_records_from_answer (JsonNode  *answer,
                                   GError   **error)
{
  g_autoptr(GListStore) store = NULL;
  JsonArray *items = NULL;
  guint n_items;

  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    items = anju_json_get_array (json_node_get_object (answer), "items");

  if (items == NULL)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_MALFORMED,
                           _("The server’s answer holds no list"));
      return NULL;
    }

  store = g_list_store_new (ANJU_TYPE_RECORD);
  n_items = json_array_get_length (items);
  for (guint i = 0; i < n_items; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      g_autoptr(AnjuRecord) record = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      record = anju_record_new (json_node_get_object (node));
      g_list_store_append (store, record);
    }

  return g_steal_pointer (&store);
}
