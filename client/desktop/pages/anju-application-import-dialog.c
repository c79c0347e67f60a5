/* anju-application-import-dialog.c: check, then import, a spreadsheet of employees. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-application-import-dialog.h"
#include "anju-error-message.h"
#include "anju-record.h"

struct _AnjuApplicationImportDialog
{
  AdwWindow      parent_instance;

  /* Borrowed: children of the content */
  AdwActionRow  *file_row;
  GtkLabel      *summary_label;
  GtkListBox    *errors_list;
  GtkSpinner    *spinner;

  /* Owned */
  AnjuApiClient *client;       /* (owned) */
  GCancellable  *cancellable;  /* (owned) */
  GFile         *file;         /* (owned) (nullable) */
  GBytes        *bytes;        /* (owned) (nullable) its content */
  guint          valid;        /* valid rows of the last check */
  gboolean       checked;      /* the last check was of this file */
  gboolean       busy;
};

G_DEFINE_FINAL_TYPE (AnjuApplicationImportDialog, anju_application_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (AnjuApplicationImportDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.check", !self->busy && self->bytes != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import",
                                 !self->busy && self->checked && self->valid > 0);
  gtk_spinner_set_spinning (self->spinner, self->busy);
}

static const char *
file_format (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".xlsx") ? "xlsx" : "csv";
}

static void
clear_errors (AnjuApplicationImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->errors_list))) != NULL)
    gtk_list_box_remove (self->errors_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->errors_list), FALSE);
}

static void
show_message (AnjuApplicationImportDialog *self,
              const char                  *message,
              gboolean                     is_error)
{
  gtk_label_set_text (self->summary_label, message);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
}

static void
show_report (AnjuApplicationImportDialog *self,
             JsonObject                  *report)
{
  JsonArray *errors = anju_json_get_array (report, "errors");
  guint rows = anju_json_get_int (report, "rows", 0);
  g_autofree char *summary = NULL;

  self->valid = anju_json_get_int (report, "valid", 0);
  self->checked = TRUE;
  clear_errors (self);

  /* Translators: %1$u rows were read, %2$u of them are valid */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u row read, %2$u valid.",
                                          "%1$u rows read, %2$u valid.", rows), rows, self->valid);
  show_message (self, summary, errors != NULL && json_array_get_length (errors) > 0);

  for (guint i = 0; errors != NULL && i < json_array_get_length (errors); i++)
    {
      JsonNode *node = json_array_get_element (errors, i);
      JsonObject *error = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *column = anju_json_get_string (error, "column");
      const char *reason = anju_json_get_string (error, "reason");
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;

      /* Translators: %1$d is a spreadsheet row number, %2$s a column name */
      title = g_strdup_printf (_("Row %1$d, %2$s"), (int) anju_json_get_int (error, "row", 0),
                               column != NULL ? column : _("whole row"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason != NULL ? reason : "");
      gtk_list_box_append (self->errors_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->errors_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->errors_list)) != NULL);
}

static void
uploaded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AnjuApplicationImportDialog) self = user_data;
  gboolean dry_run = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "anju-dry-run"));
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = anju_api_client_upload_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy = FALSE;
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      JsonObject *fields = anju_api_client_get_last_error_fields (self->client);
      const char *file_message = anju_json_get_string (fields, "file");
      g_autofree char *reason = error != NULL ? anju_error_message_for (error, NULL)
                                              : g_strdup (_("The server’s answer is not an import report"));

      self->checked = FALSE;
      show_message (self, file_message != NULL ? file_message : reason, TRUE);
      update_actions (self);
      return;
    }

  if (!dry_run)
    {
      g_signal_emit (self, signals[IMPORTED], 0,
                     (guint) anju_json_get_int (json_node_get_object (answer), "imported", 0));
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  show_report (self, json_node_get_object (answer));
  update_actions (self);
}

static void
send (AnjuApplicationImportDialog *self,
      gboolean                     dry_run)
{
  g_autofree char *path = NULL;
  const char *format;

  if (self->bytes == NULL || self->busy)
    return;

  format = file_format (self->file);
  path = g_strdup_printf ("/api/v1/pubrent/applications/import?format=%s&dry_run=%s",
                          format, dry_run ? "true" : "false");
  self->busy = TRUE;
  update_actions (self);
  g_object_set_data (G_OBJECT (self), "anju-dry-run", GINT_TO_POINTER (dry_run));
  anju_api_client_upload_async (self->client, path, self->bytes,
                                g_str_equal (format, "xlsx")
                                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                                : "text/csv",
                                self->cancellable, uploaded_cb, g_object_ref (self));
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AnjuApplicationImportDialog) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy = FALSE;
  if (bytes == NULL)
    {
      show_message (self, error->message, TRUE);
      update_actions (self);
      return;
    }

  self->bytes = g_steal_pointer (&bytes);
  update_actions (self);
  /* Checking is what the user wants next; do it at once. */
  send (self, TRUE);
}

void
anju_application_import_dialog_set_file (AnjuApplicationImportDialog *self,
                                         GFile                       *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (ANJU_IS_APPLICATION_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->checked = FALSE;
  self->valid = 0;
  clear_errors (self);
  show_message (self, "", FALSE);
  name = g_file_get_basename (file);
  adw_action_row_set_subtitle (self->file_row, name);

  self->busy = TRUE;
  update_actions (self);
  g_file_load_bytes_async (file, self->cancellable, loaded_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog             *chooser,
                     int                          response,
                     AnjuApplicationImportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    anju_application_import_dialog_set_file (self, file);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose a Spreadsheet"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV, XLSX)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_pattern (filter, "*.XLSX");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  send (ANJU_APPLICATION_IMPORT_DIALOG (widget), TRUE);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  send (ANJU_APPLICATION_IMPORT_DIALOG (widget), FALSE);
}

static void
anju_application_import_dialog_dispose (GObject *object)
{
  AnjuApplicationImportDialog *self = ANJU_APPLICATION_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (anju_application_import_dialog_parent_class)->dispose (object);
}

static void
anju_application_import_dialog_finalize (GObject *object)
{
  AnjuApplicationImportDialog *self = ANJU_APPLICATION_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (anju_application_import_dialog_parent_class)->finalize (object);
}

static void
anju_application_import_dialog_class_init (AnjuApplicationImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_application_import_dialog_dispose;
  object_class->finalize = anju_application_import_dialog_finalize;

  /**
   * AnjuApplicationImportDialog::imported:
   * @n_imported: how many applications the server made
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
build_content (AnjuApplicationImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *import = gtk_button_new_with_mnemonic (_("_Import"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *report = adw_preferences_group_new ();
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("_Choose…"));
  GtkWidget *check = gtk_button_new_with_mnemonic (_("C_heck Again"));
  GtkWidget *summary = gtk_label_new (NULL);
  GtkWidget *errors = gtk_list_box_new ();
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_actionable_set_action_name (GTK_ACTIONABLE (import), "import.import");
  gtk_widget_add_css_class (import, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), import);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), spinner);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Working"), -1);
  gtk_box_append (GTK_BOX (box), header);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Spreadsheet"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("One row per employee, header in the first row: 业务类型, 姓名, 身份证号, "
                                           "手机号, 户籍所在区县代码, 家庭人口数, and optionally 家庭人均年收入, "
                                           "家庭人均建筑面积, 婚姻状况, 户口年限."));
  self->file_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), _("File"));
  adw_action_row_set_subtitle (self->file_row, _("No file chosen"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (choose), "import.choose");
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (check), "import.check");
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->file_row, check);
  adw_action_row_add_suffix (self->file_row, choose);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->file_row));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (report), _("Check"));
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (errors), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (errors, "boxed-list");
  gtk_widget_set_visible (errors, FALSE);
  gtk_widget_set_margin_top (errors, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (errors), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Rows with errors"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (report), summary);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (report), errors);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (report));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  self->summary_label = GTK_LABEL (summary);
  self->errors_list = GTK_LIST_BOX (errors);
  self->spinner = GTK_SPINNER (spinner);
  return box;
}

static void
anju_application_import_dialog_init (AnjuApplicationImportDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Import Employees"));
  gtk_window_set_default_size (GTK_WINDOW (self), 620, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  adw_window_set_content (ADW_WINDOW (self), build_content (self));
  update_actions (self);
}

GtkWidget *
anju_application_import_dialog_new (AnjuApiClient *client)
{
  AnjuApplicationImportDialog *self;

  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  self = g_object_new (ANJU_TYPE_APPLICATION_IMPORT_DIALOG, NULL);
  self->client = g_object_ref (client);
  return GTK_WIDGET (self);
}
