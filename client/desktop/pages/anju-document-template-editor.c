#include "config.h"

#include <glib/gi18n.h>

#include "anju-document-kind.h"
#include "anju-document-template-editor.h"
#include "anju-file-upload.h"
#include "anju-page-feedback.h"
#include "anju-record.h"

#define FIELD_KEY "anju-field-name"

struct _AnjuDocumentTemplateEditor
{
  AdwBin         parent_instance;

  /* Template widgets */
  AdwComboRow   *kind_row;
  AdwEntryRow   *name_row;
  AdwEntryRow   *title_row;
  AdwEntryRow   *issuer_row;
  GtkSpinButton *font_size;
  AdwActionRow  *logo_row;
  GtkTextView   *body_view;
  GtkFlowBox    *fields_box;

  /* Owned */
  AnjuApiClient *client;        /* (nullable) until set */
  GCancellable  *cancellable;
  char          *fields_kind;   /* (nullable) whose fields are shown */
  gint64         id;
  gint64         logo_file_id;
  gboolean       filling;       /* no "changed" while the form is filled */
};

G_DEFINE_FINAL_TYPE (AnjuDocumentTemplateEditor, anju_document_template_editor, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
chosen_kind (AnjuDocumentTemplateEditor *self)
{
  const char * const *codes = anju_document_kind_codes ();
  guint position = adw_combo_row_get_selected (self->kind_row);

  return codes[MIN (position, g_strv_length ((char **) codes) - 1)];
}

static void
changed_cb (AnjuDocumentTemplateEditor *self)
{
  if (!self->filling)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
insert_field_cb (GtkButton                  *button,
                 AnjuDocumentTemplateEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  g_autofree char *text = g_strdup_printf ("{{%s}}", (const char *) g_object_get_data (G_OBJECT (button), FIELD_KEY));

  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
fields_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AnjuDocumentTemplateEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *fields;
  GtkWidget *child;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (answer == NULL)
    {
      anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not load the fields"), error);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_box))) != NULL)
    gtk_flow_box_remove (self->fields_box, child);
  fields = anju_json_get_array (json_node_get_object (answer), "fields");
  for (guint i = 0; fields != NULL && i < json_array_get_length (fields); i++)
    {
      JsonObject *field = json_array_get_object_element (fields, i);
      GtkWidget *button = gtk_button_new_with_label (anju_json_get_string (field, "label"));
      g_autofree char *tooltip = g_strdup_printf ("{{%s}} · %s", anju_json_get_string (field, "name"),
                                                  anju_json_get_string (field, "example"));

      gtk_widget_set_tooltip_text (button, tooltip);
      g_object_set_data_full (G_OBJECT (button), FIELD_KEY,
                              g_strdup (anju_json_get_string (field, "name")), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (insert_field_cb), self, 0);
      gtk_flow_box_append (self->fields_box, button);
    }
}

static void
load_fields (AnjuDocumentTemplateEditor *self)
{
  const char *kind = chosen_kind (self);
  g_autofree char *path = NULL;

  if (self->client == NULL || g_strcmp0 (kind, self->fields_kind) == 0)
    return;
  g_free (self->fields_kind);
  self->fields_kind = g_strdup (kind);
  path = g_strdup_printf ("/api/v1/pubrent/document-templates/fields?kind=%s", kind);
  anju_api_client_request_async (self->client, "GET", path, NULL, self->cancellable, fields_loaded_cb,
                                 g_object_ref (self));
}

static void
kind_changed_cb (AnjuDocumentTemplateEditor *self)
{
  load_fields (self);
  changed_cb (self);
}

static void
show_logo (AnjuDocumentTemplateEditor *self,
           const char                 *name)
{
  adw_action_row_set_subtitle (self->logo_row, self->logo_file_id > 0 ? (name != NULL ? name : _("Uploaded"))
                                                                      : _("None"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.clear-logo", self->logo_file_id > 0);
}

static void
logo_uploaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AnjuDocumentTemplateEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) file = anju_file_upload_finish (result, &error);

  if (file == NULL)
    {
      anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not upload the logo"), error);
      return;
    }
  self->logo_file_id = anju_json_get_int (file, "id", 0);
  show_logo (self, anju_json_get_string (file, "name"));
  changed_cb (self);
}

static void
logo_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  g_autoptr(AnjuDocumentTemplateEditor) self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    anju_file_upload_async (self->client, file, self->cancellable, logo_uploaded_cb, g_object_ref (self));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
upload_logo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Logo"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (logo_chosen_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
clear_logo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AnjuDocumentTemplateEditor *self = ANJU_DOCUMENT_TEMPLATE_EDITOR (widget);

  self->logo_file_id = 0;
  show_logo (self, NULL);
  changed_cb (self);
}

static void
anju_document_template_editor_dispose (GObject *object)
{
  AnjuDocumentTemplateEditor *self = ANJU_DOCUMENT_TEMPLATE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_DOCUMENT_TEMPLATE_EDITOR);

  G_OBJECT_CLASS (anju_document_template_editor_parent_class)->dispose (object);
}

static void
anju_document_template_editor_finalize (GObject *object)
{
  AnjuDocumentTemplateEditor *self = ANJU_DOCUMENT_TEMPLATE_EDITOR (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_free (self->fields_kind);

  G_OBJECT_CLASS (anju_document_template_editor_parent_class)->finalize (object);
}

static void
anju_document_template_editor_class_init (AnjuDocumentTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_document_template_editor_dispose;
  object_class->finalize = anju_document_template_editor_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-document-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentTemplateEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentTemplateEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentTemplateEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentTemplateEditor, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentTemplateEditor, font_size);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentTemplateEditor, logo_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentTemplateEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentTemplateEditor, fields_box);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.upload-logo", NULL, upload_logo_action);
  gtk_widget_class_install_action (widget_class, "editor.clear-logo", NULL, clear_logo_action);
}

static void
anju_document_template_editor_init (AnjuDocumentTemplateEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  const char * const *codes = anju_document_kind_codes ();

  self->cancellable = g_cancellable_new ();
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (kinds, anju_document_kind_label (codes[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed", G_CALLBACK (changed_cb),
                           self, G_CONNECT_SWAPPED);
  show_logo (self, NULL);
  self->filling = FALSE;
}

void
anju_document_template_editor_set_client (AnjuDocumentTemplateEditor *self,
                                          AnjuApiClient              *client)
{
  g_return_if_fail (ANJU_IS_DOCUMENT_TEMPLATE_EDITOR (self));

  g_set_object (&self->client, client);
  load_fields (self);
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

void
anju_document_template_editor_set_template (AnjuDocumentTemplateEditor *self,
                                            JsonObject                 *template,
                                            const char                 *kind)
{
  const char * const *codes = anju_document_kind_codes ();

  g_return_if_fail (ANJU_IS_DOCUMENT_TEMPLATE_EDITOR (self));

  if (template != NULL)
    kind = anju_json_get_string (template, "kind");
  self->filling = TRUE;
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], kind) == 0)
      adw_combo_row_set_selected (self->kind_row, i);
  /* A template keeps its kind: its fields depend on it. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), template == NULL);

  self->id = template != NULL ? anju_json_get_int (template, "id", 0) : 0;
  set_text (self->name_row, template != NULL ? anju_json_get_string (template, "name") : NULL);
  set_text (self->title_row, template != NULL ? anju_json_get_string (template, "title") : NULL);
  set_text (self->issuer_row, template != NULL ? anju_json_get_string (template, "issuer")
                                               : "湘江新区住房保障服务中心");
  gtk_spin_button_set_value (self->font_size, template != NULL ? anju_json_get_int (template, "font_size", 12) : 12);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                            template != NULL && anju_json_get_string (template, "body") != NULL
                            ? anju_json_get_string (template, "body") : "", -1);
  self->logo_file_id = template != NULL ? anju_json_get_int (template, "logo_file_id", 0) : 0;
  show_logo (self, NULL);
  self->filling = FALSE;
  load_fields (self);
}

gint64
anju_document_template_editor_get_id (AnjuDocumentTemplateEditor *self)
{
  g_return_val_if_fail (ANJU_IS_DOCUMENT_TEMPLATE_EDITOR (self), 0);

  return self->id;
}

static void
add_text (JsonBuilder *builder,
          const char  *member,
          const char  *text)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

JsonNode *
anju_document_template_editor_build_body (AnjuDocumentTemplateEditor *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *body = NULL;

  g_return_val_if_fail (ANJU_IS_DOCUMENT_TEMPLATE_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (self->body_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  json_builder_begin_object (builder);
  add_text (builder, "kind", chosen_kind (self));
  add_text (builder, "name", gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  add_text (builder, "title", gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  add_text (builder, "issuer", gtk_editable_get_text (GTK_EDITABLE (self->issuer_row)));
  add_text (builder, "body", body);
  json_builder_set_member_name (builder, "font_size");
  json_builder_add_int_value (builder, gtk_spin_button_get_value_as_int (self->font_size));
  json_builder_set_member_name (builder, "logo_file_id");
  if (self->logo_file_id > 0)
    json_builder_add_int_value (builder, self->logo_file_id);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
