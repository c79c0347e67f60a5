/* anju-pubrent-settings-page.c: pre-review rules, periods and external
 * records.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-external-import-dialog.h"
#include "anju-field-error.h"
#include "anju-list-loader.h"
#include "anju-page-feedback.h"
#include "anju-paged-model.h"
#include "anju-pubrent-settings-page.h"
#include "anju-record-column.h"

#define SETTINGS_PATH "/api/v1/pubrent/settings"
#define RECORDS_PATH "/api/v1/pubrent/external-records"

/* One rule as the page shows it. */
typedef struct
{
  char          *code;
  char          *unit;       /* "years", "yuan", "square_metres" or NULL */
  GtkWidget     *row;        /* (unowned) AdwActionRow */
  GtkSwitch     *enabled;    /* (unowned) */
  GtkSpinButton *threshold;  /* (unowned) (nullable) */
  GtkWidget     *error;      /* (unowned) GtkLabel */
} RuleRow;

struct _AnjuPubrentSettingsPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *rules_group;
  GtkSpinButton       *street_days;
  GtkSpinButton       *announcement_days;
  GtkWidget           *street_days_row;
  GtkWidget           *announcement_days_row;
  GtkWidget           *street_days_error;
  GtkWidget           *announcement_days_error;
  GtkWidget           *save_button;
  GtkSpinner          *spinner;
  GtkLabel            *general_error;
  GtkSearchEntry      *search_entry;
  GtkStack            *records_stack;
  AdwStatusPage       *records_error_page;
  GtkColumnView       *records_view;

  /* Owned */
  AnjuApiClient       *client;
  GCancellable        *cancellable;
  GArray              *rules;        /* of RuleRow, in the server's order */
  AnjuPagedModel      *records;
  GtkNoSelection      *records_selection;
  AnjuListLoader       loader;
  char                *import_format;
  GBytes              *import_bytes;
  gboolean             loaded;
};

G_DEFINE_FINAL_TYPE (AnjuPubrentSettingsPage, anju_pubrent_settings_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rule_row_clear (RuleRow *rule)
{
  g_clear_pointer (&rule->code, g_free);
  g_clear_pointer (&rule->unit, g_free);
}

static const char *
unit_label (const char *unit)
{
  if (g_strcmp0 (unit, "years") == 0)
    return _("years");
  if (g_strcmp0 (unit, "yuan") == 0)
    return _("yuan per person and year");
  if (g_strcmp0 (unit, "square_metres") == 0)
    return _("m² per person");
  return NULL;
}

/* Thresholds come as a number of years or a decimal string. */
static double
threshold_value (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_strtod (json_node_get_string (node), NULL);
  return (double) json_node_get_int (node);
}

static void
remove_rule_rows (AnjuPubrentSettingsPage *self)
{
  for (guint i = 0; i < self->rules->len; i++)
    adw_preferences_group_remove (self->rules_group, g_array_index (self->rules, RuleRow, i).row);
  g_array_set_size (self->rules, 0);
}

static GtkSpinButton *
threshold_button (JsonObject *rule,
                  const char *unit,
                  const char *name)
{
  gboolean whole = g_strcmp0 (unit, "years") == 0;
  double min = threshold_value (json_object_get_member (rule, "min"));
  double max = threshold_value (json_object_get_member (rule, "max"));
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, whole ? 1 : 0.01);
  /* Translators: %1$s is the name of a pre-review rule */
  g_autofree char *label = g_strdup_printf (_("Threshold of %1$s"), name);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), whole ? 0 : 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin),
                             threshold_value (json_object_get_member (rule, "threshold")));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return GTK_SPIN_BUTTON (spin);
}

static void
add_rule_row (AnjuPubrentSettingsPage *self,
              JsonObject              *rule)
{
  const char *name = json_object_get_string_member_with_default (rule, "name", "");
  RuleRow row = {
    .code = g_strdup (json_object_get_string_member_with_default (rule, "code", "")),
    .unit = g_strdup (json_object_get_string_member_with_default (rule, "unit", NULL)),
  };
  /* Translators: %1$s is the name of a pre-review rule */
  g_autofree char *switch_label = g_strdup_printf (_("Check %1$s"), name);
  GtkWidget *toggle = gtk_switch_new ();

  row.row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row.row), name);
  if (unit_label (row.unit) != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row.row), unit_label (row.unit));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row.row), _("No threshold"));

  row.error = gtk_label_new (NULL);
  gtk_widget_add_css_class (row.error, "error");
  gtk_widget_set_visible (row.error, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row.row), row.error);
  if (row.unit != NULL)
    {
      row.threshold = threshold_button (rule, row.unit, name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row.row), GTK_WIDGET (row.threshold));
    }

  gtk_switch_set_active (GTK_SWITCH (toggle),
                         json_object_get_boolean_member_with_default (rule, "enabled", TRUE));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  switch_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row.row), toggle);
  row.enabled = GTK_SWITCH (toggle);

  adw_preferences_group_add (self->rules_group, row.row);
  g_array_append_val (self->rules, row);
}

static void
show_settings (AnjuPubrentSettingsPage *self,
               JsonObject              *settings)
{
  JsonNode *rules = json_object_get_member (settings, "rules");

  remove_rule_rows (self);
  if (rules != NULL && JSON_NODE_HOLDS_ARRAY (rules))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (rules)); i++)
      add_rule_row (self, json_array_get_object_element (json_node_get_array (rules), i));

  gtk_spin_button_set_value (self->street_days,
                             json_object_get_int_member_with_default (settings, "street_publicity_days", 7));
  gtk_spin_button_set_value (self->announcement_days,
                             json_object_get_int_member_with_default (settings, "announcement_days", 7));
  gtk_widget_set_sensitive (self->save_button, TRUE);
}

/* The field slots of the last body sent: rules[i] are the rows in order. */
static GArray *
field_slots (AnjuPubrentSettingsPage *self)
{
  GArray *slots = g_array_new (FALSE, TRUE, sizeof (AnjuFieldSlot));
  AnjuFieldSlot street = { "street_publicity_days", self->street_days_row, self->street_days_error };
  AnjuFieldSlot announcement = { "announcement_days", self->announcement_days_row,
                                 self->announcement_days_error };

  g_array_append_val (slots, street);
  g_array_append_val (slots, announcement);
  for (guint i = 0; i < self->rules->len; i++)
    {
      RuleRow *rule = &g_array_index (self->rules, RuleRow, i);
      g_autofree char *name = g_strdup_printf ("rules[%u].threshold", i);
      AnjuFieldSlot threshold = { NULL, rule->row, rule->error };

      /* Interned: the slot only borrows its field name. */
      threshold.field = g_intern_string (name);
      g_array_append_val (slots, threshold);
    }
  return slots;
}

static JsonNode *
settings_body (AnjuPubrentSettingsPage *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rules");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->rules->len; i++)
    {
      RuleRow *rule = &g_array_index (self->rules, RuleRow, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, rule->code);
      json_builder_set_member_name (builder, "enabled");
      json_builder_add_boolean_value (builder, gtk_switch_get_active (rule->enabled));
      json_builder_set_member_name (builder, "threshold");
      if (rule->threshold == NULL)
        json_builder_add_null_value (builder);
      else if (g_strcmp0 (rule->unit, "years") == 0)
        json_builder_add_int_value (builder, gtk_spin_button_get_value_as_int (rule->threshold));
      else
        {
          char text[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (text, sizeof text, "%.2f", gtk_spin_button_get_value (rule->threshold));
          json_builder_add_string_value (builder, text);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "street_publicity_days");
  json_builder_add_int_value (builder, gtk_spin_button_get_value_as_int (self->street_days));
  json_builder_set_member_name (builder, "announcement_days");
  json_builder_add_int_value (builder, gtk_spin_button_get_value_as_int (self->announcement_days));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
clear_errors (AnjuPubrentSettingsPage *self)
{
  g_autoptr(GArray) slots = field_slots (self);

  anju_field_errors_clear ((AnjuFieldSlot *) slots->data, slots->len);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
}

static void
settings_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AnjuPubrentSettingsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->spinner);
  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    show_settings (self, json_node_get_object (answer));
  else
    anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not load the settings"),
                           error);
}

static void
settings_saved_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AnjuPubrentSettingsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GArray) slots = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_sensitive (self->save_button, TRUE);
  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    {
      show_settings (self, json_node_get_object (answer));
      anju_page_toast (GTK_WIDGET (self), _("Settings saved"));
      return;
    }
  slots = field_slots (self);
  anju_field_errors_show_failure ((AnjuFieldSlot *) slots->data, slots->len, self->client,
                                  error, self->general_error);
  anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not save the settings"), error);
}

static void
save_clicked_cb (AnjuPubrentSettingsPage *self)
{
  g_autoptr(JsonNode) body = settings_body (self);

  clear_errors (self);
  gtk_widget_set_sensitive (self->save_button, FALSE);
  gtk_spinner_start (self->spinner);
  anju_api_client_request_async (self->client, "PUT", SETTINGS_PATH, body, self->cancellable,
                                 settings_saved_cb, g_object_ref (self));
}

/* ---- external records ---------------------------------------------- */

static char *
kind_text (AnjuRecord *record)
{
  static const struct { const char *code; const char *label; } kinds[] = {
    { "hukou", N_("Hukou") }, { "property", N_("Property") },
    { "benefit", N_("Housing benefit") }, { "dibao", N_("Dibao") },
    { "lease", N_("Lease") }, { "marriage", N_("Marriage") },
  };
  const char *kind = anju_record_get_string (record, "kind");

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].code) == 0)
      return g_strdup (_(kinds[i].label));
  return g_strdup (kind);
}

static void
search_changed_cb (AnjuPubrentSettingsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (anju_list_loader_apply_filter (&self->loader, "q", text))
    anju_list_loader_load_more (&self->loader);
}

static void
records_edge_reached_cb (AnjuPubrentSettingsPage *self,
                         GtkPositionType          position)
{
  anju_list_loader_edge_reached (&self->loader, position);
}

static void import_send (AnjuPubrentSettingsPage *self,
                         gboolean                 dry_run);

static void
import_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  AnjuPubrentSettingsPage *self = user_data;

  if (g_strcmp0 (response, ANJU_EXTERNAL_IMPORT_RESPONSE) == 0)
    import_send (self, FALSE);
}

static void
show_import_preview (AnjuPubrentSettingsPage *self,
                     JsonObject              *report)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = anju_external_import_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       report);

  g_signal_connect_object (dialog, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  AnjuPubrentSettingsPage *self;
  gboolean                 dry_run;
} ImportCall;

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autofree ImportCall *call = user_data;
  g_autoptr(AnjuPubrentSettingsPage) self = call->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *message = NULL;

  answer = anju_api_client_upload_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), TRUE);
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      anju_page_toast_error (GTK_WIDGET (self), self->client,
                             _("Could not import the external records"), error);
      return;
    }
  if (call->dry_run)
    {
      show_import_preview (self, json_node_get_object (answer));
      return;
    }
  /* Translators: %1$d is a number of records */
  message = g_strdup_printf (_("%1$d external records imported"),
                             (int) json_object_get_int_member_with_default (json_node_get_object (answer),
                                                                            "imported", 0));
  anju_page_toast (GTK_WIDGET (self), message);
  anju_list_loader_reload_selecting (&self->loader, 0);
}

static void
import_send (AnjuPubrentSettingsPage *self,
             gboolean                 dry_run)
{
  g_autofree char *path = NULL;
  ImportCall *call;

  g_return_if_fail (self->import_bytes != NULL);

  path = g_strdup_printf (RECORDS_PATH "/import?format=%s&dry_run=%s", self->import_format,
                          dry_run ? "true" : "false");
  call = g_new0 (ImportCall, 1);
  call->self = g_object_ref (self);
  call->dry_run = dry_run;
  gtk_spinner_start (self->spinner);
  anju_api_client_upload_async (self->client, path, self->import_bytes,
                                g_str_equal (self->import_format, "csv")
                                ? "text/csv"
                                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                self->cancellable, import_done_cb, call);
}

static void
file_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AnjuPubrentSettingsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  g_autofree char *lower = g_ascii_strdown (name, -1);
  gsize length = 0;
  g_autoptr(GBytes) bytes = NULL;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not read the file"),
                               error);
      return;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  anju_pubrent_settings_page_import_bytes (self, bytes,
                                           g_str_has_suffix (lower, ".xlsx")
                                           ? "xlsx" : "csv");
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  AnjuPubrentSettingsPage *self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    g_file_load_contents_async (file, self->cancellable, file_loaded_cb, g_object_ref (self));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
import_clicked_cb (AnjuPubrentSettingsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV, XLSX)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "xlsx");
  chooser = gtk_file_chooser_native_new (_("Import External Records"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
append_column (AnjuPubrentSettingsPage *self,
               GtkColumnViewColumn     *column)
{
  gtk_column_view_append_column (self->records_view, column);
  g_object_unref (column);
}

static void
set_up_records (AnjuPubrentSettingsPage *self)
{
  self->records = anju_paged_model_new (self->client, RECORDS_PATH, 0);
  self->records_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->records)));
  gtk_column_view_set_model (self->records_view, GTK_SELECTION_MODEL (self->records_selection));
  append_column (self, anju_record_column_new (_("Name"), "name", ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (_("ID Number"), "id_no", ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Kind"), kind_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (_("Data"), "data", ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new (_("Source"), "source", ANJU_RECORD_COLUMN_DEFAULT));
  anju_list_loader_init (&self->loader, GTK_WIDGET (self), self->records, NULL,
                         self->records_stack, self->records_error_page, self->cancellable,
                         _("Could not load more external records"));
}

/* ---- GObject --------------------------------------------------------- */

/* The first showing loads the page; later ones keep what it shows
 * until the user refreshes. */
static void
anju_pubrent_settings_page_map (GtkWidget *widget)
{
  AnjuPubrentSettingsPage *self = ANJU_PUBRENT_SETTINGS_PAGE (widget);

  GTK_WIDGET_CLASS (anju_pubrent_settings_page_parent_class)->map (widget);
  if (!self->loaded)
    anju_pubrent_settings_page_reload (self);
}

static void
anju_pubrent_settings_page_dispose (GObject *object)
{
  AnjuPubrentSettingsPage *self = ANJU_PUBRENT_SETTINGS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_PUBRENT_SETTINGS_PAGE);
  g_clear_object (&self->records_selection);
  g_clear_object (&self->records);

  G_OBJECT_CLASS (anju_pubrent_settings_page_parent_class)->dispose (object);
}

static void
anju_pubrent_settings_page_finalize (GObject *object)
{
  AnjuPubrentSettingsPage *self = ANJU_PUBRENT_SETTINGS_PAGE (object);

  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rules, g_array_unref);
  g_clear_pointer (&self->import_format, g_free);
  g_clear_pointer (&self->import_bytes, g_bytes_unref);

  G_OBJECT_CLASS (anju_pubrent_settings_page_parent_class)->finalize (object);
}

static void
anju_pubrent_settings_page_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  AnjuPubrentSettingsPage *self = ANJU_PUBRENT_SETTINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_pubrent_settings_page_constructed (GObject *object)
{
  AnjuPubrentSettingsPage *self = ANJU_PUBRENT_SETTINGS_PAGE (object);

  G_OBJECT_CLASS (anju_pubrent_settings_page_parent_class)->constructed (object);
  set_up_records (self);
}

static void
anju_pubrent_settings_page_class_init (AnjuPubrentSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_pubrent_settings_page_dispose;
  widget_class->map = anju_pubrent_settings_page_map;
  object_class->finalize = anju_pubrent_settings_page_finalize;
  object_class->set_property = anju_pubrent_settings_page_set_property;
  object_class->constructed = anju_pubrent_settings_page_constructed;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, ANJU_TYPE_API_CLIENT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-pubrent-settings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentSettingsPage, rules_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentSettingsPage, street_days);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentSettingsPage, announcement_days);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentSettingsPage, street_days_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentSettingsPage, announcement_days_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentSettingsPage, street_days_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentSettingsPage, announcement_days_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentSettingsPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentSettingsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentSettingsPage, general_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentSettingsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentSettingsPage, records_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentSettingsPage, records_error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentSettingsPage, records_view);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, records_edge_reached_cb);
}

static void
anju_pubrent_settings_page_init (AnjuPubrentSettingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rules = g_array_new (FALSE, TRUE, sizeof (RuleRow));
  g_array_set_clear_func (self->rules, (GDestroyNotify) rule_row_clear);
}

GtkWidget *
anju_pubrent_settings_page_new (AnjuApiClient *client)
{
  return g_object_new (ANJU_TYPE_PUBRENT_SETTINGS_PAGE, "client", client, NULL);
}

void
anju_pubrent_settings_page_reload (AnjuPubrentSettingsPage *self)
{
  g_return_if_fail (ANJU_IS_PUBRENT_SETTINGS_PAGE (self));

  self->loaded = TRUE;
  gtk_spinner_start (self->spinner);
  anju_api_client_request_async (self->client, "GET", SETTINGS_PATH, NULL, self->cancellable,
                                 settings_loaded_cb, g_object_ref (self));
  anju_list_loader_reload_selecting (&self->loader, 0);
}

GtkSpinButton *
anju_pubrent_settings_page_get_threshold (AnjuPubrentSettingsPage *self,
                                          const char              *code)
{
  g_return_val_if_fail (ANJU_IS_PUBRENT_SETTINGS_PAGE (self), NULL);

  for (guint i = 0; i < self->rules->len; i++)
    if (g_strcmp0 (g_array_index (self->rules, RuleRow, i).code, code) == 0)
      return g_array_index (self->rules, RuleRow, i).threshold;
  return NULL;
}

void
anju_pubrent_settings_page_import_bytes (AnjuPubrentSettingsPage *self,
                                         GBytes                  *bytes,
                                         const char              *format)
{
  g_return_if_fail (ANJU_IS_PUBRENT_SETTINGS_PAGE (self));

  g_clear_pointer (&self->import_bytes, g_bytes_unref);
  g_free (self->import_format);
  self->import_bytes = g_bytes_ref (bytes);
  self->import_format = g_strdup (format);
  import_send (self, TRUE);
}
