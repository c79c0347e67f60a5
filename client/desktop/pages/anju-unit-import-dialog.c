/* anju-unit-import-dialog.c: units imported from a spreadsheet. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-error-message.h"
#include "anju-housing-labels.h"
#include "anju-record-column.h"
#include "anju-unit-import-dialog-private.h"

#define IMPORT_PATH "/api/v1/pubrent/units/import"
#define XLSX_TYPE   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

struct _AnjuUnitImportDialog
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkButton     *import_button;
  GtkButton     *choose_button;
  GtkSpinner    *spinner;
  GtkLabel      *file_label;
  GtkLabel      *message_label;
  GtkLabel      *counts_label;
  GtkWidget     *report;
  GtkColumnView *preview_view;
  GtkColumnView *errors_view;

  /* Owned */
  AnjuApiClient *client;        /* (owned) */
  GListStore    *preview;       /* (owned) of AnjuRecord (Unit) */
  GListStore    *errors;        /* (owned) of AnjuRecord ({"row","column","reason"}) */
  GBytes        *contents;      /* (owned) (nullable) the checked file */
  char          *format;        /* (owned) (nullable) "csv" or "xlsx" */
  GCancellable  *cancellable;   /* (owned) (nullable) the request in flight */
  guint          n_valid;
};

G_DEFINE_FINAL_TYPE (AnjuUnitImportDialog, anju_unit_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

const char *
anju_unit_import_format_for (const char *filename)
{
  g_autofree char *lower = filename != NULL ? g_utf8_strdown (filename, -1) : NULL;

  if (lower == NULL)
    return NULL;
  if (g_str_has_suffix (lower, ".csv"))
    return "csv";
  if (g_str_has_suffix (lower, ".xlsx"))
    return "xlsx";
  return NULL;
}

static void
set_busy (AnjuUnitImportDialog *self,
          gboolean              busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), !busy && self->n_valid > 0);
}

static void
show_message (AnjuUnitImportDialog *self,
              const char           *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
clear_report (AnjuUnitImportDialog *self)
{
  self->n_valid = 0;
  g_list_store_remove_all (self->preview);
  g_list_store_remove_all (self->errors);
  gtk_widget_set_visible (self->report, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->counts_label), FALSE);
  gtk_button_set_label (self->import_button, _("_Import"));
  show_message (self, NULL);
}

static void
fill_store (GListStore *store,
            JsonArray  *items)
{
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autoptr(AnjuRecord) record = anju_record_new (json_node_get_object (node));

          g_list_store_append (store, record);
        }
    }
}

static void
show_report (AnjuUnitImportDialog *self,
             JsonObject           *report)
{
  guint n_rows = anju_json_get_int (report, "rows", 0);
  guint n_errors;
  g_autofree char *counts = NULL;
  g_autofree char *label = NULL;

  clear_report (self);
  self->n_valid = anju_json_get_int (report, "valid", 0);
  fill_store (self->preview, anju_json_get_array (report, "preview"));
  fill_store (self->errors, anju_json_get_array (report, "errors"));
  n_errors = g_list_model_get_n_items (G_LIST_MODEL (self->errors));

  /* Translators: the outcome of checking a file: %1$u rows in all, %2$u
   * of them valid, %3$u errors found */
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%1$u rows: %2$u valid, %3$u error",
                                         "%1$u rows: %2$u valid, %3$u errors", n_errors),
                            n_rows, self->n_valid, n_errors);
  gtk_label_set_text (self->counts_label, counts);
  gtk_widget_set_visible (GTK_WIDGET (self->counts_label), TRUE);
  gtk_widget_set_visible (self->report, TRUE);

  /* Translators: the button importing the valid rows of a file */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %1$u Valid Row", "_Import %1$u Valid Rows",
                                        self->n_valid),
                           self->n_valid);
  gtk_button_set_label (self->import_button, label);
}

/* A refused file: the server names the problem at "file" (an unknown or
 * missing column), otherwise the usual sentence. */
static char *
failure_message (AnjuUnitImportDialog *self,
                 const GError         *error)
{
  JsonObject *fields = anju_api_client_get_last_error_fields (self->client);
  const char *file_message = anju_json_get_string (fields, "file");

  if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_VALIDATION) && file_message != NULL)
    return g_strdup (file_message);

  return anju_error_message_for (error, anju_api_client_get_base_uri (self->client));
}

static void
uploaded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AnjuUnitImportDialog) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  gboolean dry_run = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self->cancellable), "dry-run"));
  JsonObject *report;

  answer = anju_api_client_upload_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      g_autofree char *message = error != NULL ? failure_message (self, error) : g_strdup (_("The server’s answer was not understood."));

      clear_report (self);
      show_message (self, message);
      set_busy (self, FALSE);
      return;
    }

  report = json_node_get_object (answer);
  if (!dry_run && anju_json_get_int (report, "imported", 0) > 0)
    {
      g_signal_emit (self, signals[IMPORTED], 0, (guint) anju_json_get_int (report, "imported", 0));
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  show_report (self, report);
  set_busy (self, FALSE);
}

static void
send (AnjuUnitImportDialog *self,
      gboolean              dry_run)
{
  g_autofree char *path = NULL;

  g_return_if_fail (self->contents != NULL && self->format != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_object_set_data (G_OBJECT (self->cancellable), "dry-run", GINT_TO_POINTER (dry_run));

  path = g_strdup_printf (IMPORT_PATH "?format=%s&dry_run=%s", self->format, dry_run ? "true" : "false");
  set_busy (self, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  anju_api_client_upload_async (self->client, path, self->contents,
                                g_str_equal (self->format, "csv") ? "text/csv" : XLSX_TYPE,
                                self->cancellable, uploaded_cb, g_object_ref (self));
}

static void
import_clicked_cb (AnjuUnitImportDialog *self)
{
  if (self->contents == NULL || self->n_valid == 0 || self->cancellable != NULL)
    return;

  send (self, FALSE);
}

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AnjuUnitImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &data, &length, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->cancellable);
      show_message (self, error->message);
      set_busy (self, FALSE);
      return;
    }

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->contents, g_bytes_unref);
  self->contents = g_bytes_new_take (data, length);
  send (self, TRUE);
}

void
_anju_unit_import_dialog_use_file (AnjuUnitImportDialog *self,
                                   GFile                *file)
{
  g_autofree char *name = NULL;
  const char *format;

  g_return_if_fail (ANJU_IS_UNIT_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->contents, g_bytes_unref);
  clear_report (self);

  name = g_file_get_basename (file);
  gtk_label_set_text (self->file_label, name);
  format = anju_unit_import_format_for (name);
  if (format == NULL)
    {
      show_message (self, _("Choose a CSV file (.csv) or an Excel workbook (.xlsx)."));
      set_busy (self, FALSE);
      return;
    }

  g_free (self->format);
  self->format = g_strdup (format);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  g_file_load_contents_async (file, self->cancellable, file_loaded_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(AnjuUnitImportDialog) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        _anju_unit_import_dialog_use_file (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_clicked_cb (AnjuUnitImportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose a Spreadsheet"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files and Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Columns */

static char *
preview_place (AnjuRecord *unit)
{
  const char *building = anju_record_get_path_string (unit, "building.name");
  const char *room = anju_record_get_string (unit, "room_no");

  /* Translators: where a unit is: %1$s its building, %2$s its room */
  return g_strdup_printf (_("%1$s %2$s"), building != NULL ? building : "", room != NULL ? room : "");
}

static char *
preview_layout (AnjuRecord *unit)
{
  return g_strdup (anju_unit_layout_label (anju_record_get_string (unit, "layout")));
}

static char *
preview_area (AnjuRecord *unit)
{
  return anju_housing_format_area (anju_record_get_string (unit, "floor_area"));
}

static char *
preview_rent (AnjuRecord *unit)
{
  return anju_housing_format_rent (anju_record_get_string (unit, "monthly_rent"));
}

static char *
preview_state (AnjuRecord *unit)
{
  return g_strdup (anju_unit_state_label (anju_record_get_string (unit, "state")));
}

static char *
error_row (AnjuRecord *error)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, anju_record_get_int (error, "row", 0));
}

static void
append_column (GtkColumnView       *view,
               GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}

static void
setup_columns (AnjuUnitImportDialog *self)
{
  append_column (self->preview_view, anju_record_column_new (_("Unit No."), "unit_no", ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self->preview_view, anju_record_column_new (_("Project"), "project.name", ANJU_RECORD_COLUMN_EXPAND));
  append_column (self->preview_view, anju_record_column_new_with_func (_("Room"), preview_place, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self->preview_view, anju_record_column_new_with_func (_("Layout"), preview_layout, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self->preview_view, anju_record_column_new_with_func (_("Floor Area"), preview_area, ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self->preview_view, anju_record_column_new_with_func (_("Monthly Rent"), preview_rent, ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self->preview_view, anju_record_column_new_with_func (_("State"), preview_state, ANJU_RECORD_COLUMN_DEFAULT));

  append_column (self->errors_view, anju_record_column_new_with_func (_("Row"), error_row, ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self->errors_view, anju_record_column_new (_("Column"), "column", ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self->errors_view, anju_record_column_new (C_("import error", "Reason"), "reason", ANJU_RECORD_COLUMN_EXPAND));
}

static void
anju_unit_import_dialog_dispose (GObject *object)
{
  AnjuUnitImportDialog *self = ANJU_UNIT_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_UNIT_IMPORT_DIALOG);

  G_OBJECT_CLASS (anju_unit_import_dialog_parent_class)->dispose (object);
}

static void
anju_unit_import_dialog_finalize (GObject *object)
{
  AnjuUnitImportDialog *self = ANJU_UNIT_IMPORT_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->preview);
  g_clear_object (&self->errors);
  g_clear_pointer (&self->contents, g_bytes_unref);
  g_clear_pointer (&self->format, g_free);

  G_OBJECT_CLASS (anju_unit_import_dialog_parent_class)->finalize (object);
}

static void
anju_unit_import_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AnjuUnitImportDialog *self = ANJU_UNIT_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_unit_import_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AnjuUnitImportDialog *self = ANJU_UNIT_IMPORT_DIALOG (object);

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
anju_unit_import_dialog_class_init (AnjuUnitImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_unit_import_dialog_dispose;
  object_class->finalize = anju_unit_import_dialog_finalize;
  object_class->get_property = anju_unit_import_dialog_get_property;
  object_class->set_property = anju_unit_import_dialog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuUnitImportDialog::imported:
   * @n_imported: how many units the import added
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-unit-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuUnitImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuUnitImportDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuUnitImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuUnitImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuUnitImportDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuUnitImportDialog, counts_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuUnitImportDialog, report);
  gtk_widget_class_bind_template_child (widget_class, AnjuUnitImportDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuUnitImportDialog, errors_view);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
anju_unit_import_dialog_init (AnjuUnitImportDialog *self)
{
  g_autoptr(GtkNoSelection) preview_selection = NULL;
  g_autoptr(GtkNoSelection) errors_selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->preview = g_list_store_new (ANJU_TYPE_RECORD);
  self->errors = g_list_store_new (ANJU_TYPE_RECORD);
  preview_selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->preview)));
  errors_selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->errors)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (preview_selection));
  gtk_column_view_set_model (self->errors_view, GTK_SELECTION_MODEL (errors_selection));
  setup_columns (self);
  gtk_label_set_text (self->file_label, _("No file chosen"));
}

GtkWidget *
anju_unit_import_dialog_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_UNIT_IMPORT_DIALOG, "client", client, NULL);
}

gboolean
_anju_unit_import_dialog_is_busy (AnjuUnitImportDialog *self)
{
  g_return_val_if_fail (ANJU_IS_UNIT_IMPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

GtkWidget *
_anju_unit_import_dialog_get_import_button (AnjuUnitImportDialog *self)
{
  g_return_val_if_fail (ANJU_IS_UNIT_IMPORT_DIALOG (self), NULL);

  return GTK_WIDGET (self->import_button);
}

const char *
_anju_unit_import_dialog_get_counts (AnjuUnitImportDialog *self)
{
  g_return_val_if_fail (ANJU_IS_UNIT_IMPORT_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->counts_label)) ? gtk_label_get_text (self->counts_label) : NULL;
}

const char *
_anju_unit_import_dialog_get_message (AnjuUnitImportDialog *self)
{
  g_return_val_if_fail (ANJU_IS_UNIT_IMPORT_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_text (self->message_label) : NULL;
}

guint
_anju_unit_import_dialog_get_n_preview (AnjuUnitImportDialog *self)
{
  g_return_val_if_fail (ANJU_IS_UNIT_IMPORT_DIALOG (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->preview));
}

GStrv
_anju_unit_import_dialog_get_errors (AnjuUnitImportDialog *self)
{
  g_autoptr(GStrvBuilder) errors = g_strv_builder_new ();
  guint n_items;

  g_return_val_if_fail (ANJU_IS_UNIT_IMPORT_DIALOG (self), NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->errors));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnjuRecord) error = g_list_model_get_item (G_LIST_MODEL (self->errors), i);
      g_autofree char *text = NULL;

      text = g_strdup_printf ("%" G_GINT64_FORMAT "\t%s\t%s", anju_record_get_int (error, "row", 0),
                              anju_record_get_string (error, "column"), anju_record_get_string (error, "reason"));
      g_strv_builder_add (errors, text);
    }

  return g_strv_builder_end (errors);
}
