/* anju-application-materials.c: an application's files, with their categories. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-application-materials.h"
#include "anju-file-preview.h"
#include "anju-file-row.h"
#include "anju-file-save.h"
#include "anju-file-upload.h"
#include "anju-page-confirm.h"
#include "anju-page-feedback.h"
#include "anju-page-request.h"
#include "anju-pubrent-names.h"
#include "anju-record.h"

struct _AnjuApplicationMaterials
{
  AdwPreferencesGroup  parent_instance;

  /* Borrowed: children */
  GtkDropDown         *category_choice;  /* the category of the next upload */
  GtkWidget           *add_button;
  GPtrArray           *rows;             /* (owned) the file rows shown */

  /* Owned */
  AnjuApiClient       *client;           /* (owned) */
  GCancellable        *cancellable;      /* (owned) */
  gint64               application_id;
  gboolean             editable;
};

G_DEFINE_FINAL_TYPE (AnjuApplicationMaterials, anju_application_materials, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkStringList *
category_names (void)
{
  const char * const *categories = anju_pubrent_file_categories ();
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; categories[i] != NULL; i++)
    gtk_string_list_append (names, anju_pubrent_file_category_label (categories[i]));
  return names;
}

static guint
category_position (const char *category)
{
  const char * const *categories = anju_pubrent_file_categories ();

  for (guint i = 0; categories[i] != NULL; i++)
    if (g_strcmp0 (categories[i], category) == 0)
      return i;
  return g_strv_length ((char **) categories) - 1;   /* other */
}

static void
request_done_cb (GtkWidget *widget,
                 JsonNode  *answer)
{
  g_signal_emit (widget, signals[CHANGED], 0);
}

static void
file_request (AnjuApplicationMaterials *self,
              const char               *method,
              gint64                    file_id,
              JsonNode                 *body,
              const char               *failure)
{
  g_autofree char *path = NULL;

  if (file_id > 0)
    path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT "/files/%" G_GINT64_FORMAT,
                            self->application_id, file_id);
  else
    path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT "/files", self->application_id);
  anju_page_request (GTK_WIDGET (self), self->client, method, path, body, self->cancellable,
                     NULL, failure, request_done_cb);
}

static JsonNode *
category_body (gint64      file_id,
               const char *category)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  if (file_id > 0)
    json_object_set_int_member (object, "file_id", file_id);
  json_object_set_string_member (object, "category", category);
  json_node_take_object (node, object);
  return node;
}

static void
category_changed_cb (GtkDropDown              *choice,
                     GParamSpec               *pspec,
                     AnjuApplicationMaterials *self)
{
  JsonObject *file = g_object_get_data (G_OBJECT (choice), "anju-file");
  const char * const *categories = anju_pubrent_file_categories ();
  guint position = gtk_drop_down_get_selected (choice);
  g_autoptr(JsonNode) body = NULL;

  if (file == NULL || position >= g_strv_length ((char **) categories)
      || g_strcmp0 (categories[position], anju_json_get_string (file, "category")) == 0)
    return;

  body = category_body (0, categories[position]);
  file_request (self, "PATCH", anju_json_get_int (file, "id", 0), body, _("Could not change the category"));
}

static void
preview_clicked_cb (GtkButton                *button,
                    AnjuApplicationMaterials *self)
{
  anju_file_preview_present (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->client,
                             g_object_get_data (G_OBJECT (button), "anju-file"));
}

static void
save_clicked_cb (GtkButton                *button,
                 AnjuApplicationMaterials *self)
{
  anju_file_save (GTK_WIDGET (self), self->client, g_object_get_data (G_OBJECT (button), "anju-file"));
}

static void
remove_confirmed_cb (GtkWidget  *page,
                     AnjuRecord *record)
{
  AnjuApplicationMaterials *self = ANJU_APPLICATION_MATERIALS (page);

  file_request (self, "DELETE", anju_record_get_id (record), NULL, _("Could not remove the file"));
}

static void
remove_clicked_cb (GtkButton                *button,
                   AnjuApplicationMaterials *self)
{
  JsonObject *file = g_object_get_data (G_OBJECT (button), "anju-file");
  g_autoptr(AnjuRecord) record = anju_record_new (file);
  g_autofree char *heading = NULL;

  /* Translators: %1$s is a file name */
  heading = g_strdup_printf (_("Remove “%1$s”?"), anju_json_get_string (file, "name"));
  anju_page_confirm (GTK_WIDGET (self), record, heading, _("The file is no longer part of the application."),
                     "remove", _("_Remove"), remove_confirmed_cb);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *label,
             JsonObject *file)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "anju-file", json_object_ref (file), (GDestroyNotify) json_object_unref);
  return button;
}

static GtkWidget *
file_row (AnjuApplicationMaterials *self,
          JsonObject               *file)
{
  GtkWidget *row = anju_file_row_new (file);
  gboolean archived = anju_json_get_boolean (file, "archived", FALSE);
  const char *category = anju_json_get_string (file, "category");
  GtkWidget *button;

  if (self->editable && !archived)
    {
      g_autoptr(GtkStringList) names = category_names ();
      GtkWidget *choice = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);

      gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), category_position (category));
      gtk_widget_set_valign (choice, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Category"), -1);
      g_object_set_data_full (G_OBJECT (choice), "anju-file", json_object_ref (file),
                              (GDestroyNotify) json_object_unref);
      g_signal_connect_object (choice, "notify::selected", G_CALLBACK (category_changed_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), choice);
    }
  else
    {
      GtkWidget *label = gtk_label_new (anju_pubrent_file_category_label (category));

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      if (archived)
        {
          GtkWidget *lock = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

          gtk_widget_set_tooltip_text (lock, _("Archived: kept as it was, cannot change"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (lock), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Archived"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), lock);
        }
    }

  if (anju_file_preview_supports (anju_json_get_string (file, "content_type")))
    {
      button = icon_button ("view-reveal-symbolic", _("Preview"), file);
      g_signal_connect_object (button, "clicked", G_CALLBACK (preview_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  button = icon_button ("document-save-symbolic", _("Save to disk"), file);
  g_signal_connect_object (button, "clicked", G_CALLBACK (save_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  if (self->editable && !archived)
    {
      button = icon_button ("user-trash-symbolic", _("Remove the file"), file);
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static void
uploaded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AnjuApplicationMaterials) self = user_data;
  g_autoptr(JsonObject) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;
  const char *category = g_object_get_data (G_OBJECT (self), "anju-upload-category");

  file = anju_file_upload_finish (result, &error);
  gtk_widget_set_sensitive (self->add_button, TRUE);
  if (file == NULL)
    {
      g_autofree char *message = anju_file_upload_error_message (self->client, NULL, error);

      if (message != NULL)
        anju_page_toast (GTK_WIDGET (self), message);
      return;
    }

  body = category_body (anju_json_get_int (file, "id", 0), category != NULL ? category : "other");
  file_request (self, "POST", 0, body, _("Could not attach the file"));
}

void
anju_application_materials_add_file (AnjuApplicationMaterials *self,
                                     GFile                    *file,
                                     const char               *category)
{
  g_return_if_fail (ANJU_IS_APPLICATION_MATERIALS (self));
  g_return_if_fail (G_IS_FILE (file));

  g_object_set_data_full (G_OBJECT (self), "anju-upload-category", g_strdup (category), g_free);
  gtk_widget_set_sensitive (self->add_button, FALSE);
  anju_file_upload_async (self->client, file, self->cancellable, uploaded_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog          *chooser,
                     int                       response,
                     AnjuApplicationMaterials *self)
{
  g_autoptr(GFile) file = NULL;
  const char * const *categories = anju_pubrent_file_categories ();
  guint position = gtk_drop_down_get_selected (self->category_choice);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    anju_application_materials_add_file (self, file, position < g_strv_length ((char **) categories)
                                                     ? categories[position] : "other");

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
add_clicked_cb (AnjuApplicationMaterials *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Add Material"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF, images and Word documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "application/msword");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
anju_application_materials_dispose (GObject *object)
{
  AnjuApplicationMaterials *self = ANJU_APPLICATION_MATERIALS (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (anju_application_materials_parent_class)->dispose (object);
}

static void
anju_application_materials_finalize (GObject *object)
{
  AnjuApplicationMaterials *self = ANJU_APPLICATION_MATERIALS (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (anju_application_materials_parent_class)->finalize (object);
}

static void
anju_application_materials_class_init (AnjuApplicationMaterialsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anju_application_materials_dispose;
  object_class->finalize = anju_application_materials_finalize;

  /**
   * AnjuApplicationMaterials::changed:
   *
   * The files changed on the server (or a change was refused): the
   * holder reloads the application.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
anju_application_materials_init (AnjuApplicationMaterials *self)
{
  g_autoptr(GtkStringList) names = category_names ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *choice = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add…"));

  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Materials"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), 0);
  gtk_widget_set_tooltip_text (choice, _("Category of the next file"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Category of the next file"), -1);
  gtk_widget_set_tooltip_text (add, _("Add a PDF, JPEG, PNG or Word file"));
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), choice);
  gtk_box_append (GTK_BOX (box), add);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), box);

  self->category_choice = GTK_DROP_DOWN (choice);
  self->add_button = add;
}

GtkWidget *
anju_application_materials_new (AnjuApiClient *client)
{
  AnjuApplicationMaterials *self;

  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  self = g_object_new (ANJU_TYPE_APPLICATION_MATERIALS, NULL);
  self->client = g_object_ref (client);
  return GTK_WIDGET (self);
}

void
anju_application_materials_set_files (AnjuApplicationMaterials *self,
                                      gint64                    application_id,
                                      JsonArray                *files,
                                      gboolean                  editable)
{
  guint n_files = files != NULL ? json_array_get_length (files) : 0;

  g_return_if_fail (ANJU_IS_APPLICATION_MATERIALS (self));

  self->application_id = application_id;
  self->editable = editable;
  gtk_widget_set_visible (gtk_widget_get_parent (self->add_button), editable);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         n_files == 0 ? _("No materials yet.")
                                         : editable ? NULL
                                         : _("The application is decided: its materials are archived."));

  for (guint i = 0; i < n_files; i++)
    {
      JsonNode *node = json_array_get_element (files, i);
      GtkWidget *row;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      row = file_row (self, json_node_get_object (node));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}
