/* anju-terminal-layout-dialog.c: a terminal's home-screen layout. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-error.h"
#include "anju-field-error.h"
#include "anju-file-upload.h"
#include "anju-page-feedback.h"
#include "anju-terminal-labels.h"
#include "anju-terminal-layout-dialog-private.h"

enum {
  SLOT_TITLE,
  SLOT_THEME,
  SLOT_MODULES,
  SLOT_BANNER,
  N_SLOTS
};

/* One module's row and its controls, in display order. */
typedef struct
{
  char      *key;
  GtkWidget *row;     /* (unowned) in modules_list */
  GtkWidget *toggle;  /* (unowned) */
  GtkWidget *up;      /* (unowned) */
  GtkWidget *down;    /* (unowned) */
} Module;

struct _AnjuTerminalLayoutDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkButton           *save_button;
  GtkSpinner          *spinner;
  GtkLabel            *error_label;
  GtkStack            *stack;
  AdwStatusPage       *error_page;
  AdwEntryRow         *title_row;
  GtkLabel            *title_error;
  AdwComboRow         *theme_row;
  GtkLabel            *theme_error;
  AdwPreferencesGroup *modules_group;
  GtkLabel            *modules_error;
  GtkListBox          *modules_list;
  AdwPreferencesGroup *banner_group;
  GtkButton           *choose_button;
  GtkButton           *remove_button;
  GtkLabel            *banner_error;
  GtkLabel            *banner_status;
  GtkPicture          *banner_picture;

  /* Owned */
  AnjuApiClient       *client;        /* (owned) */
  AnjuRecord          *terminal;      /* (owned) */
  GPtrArray           *modules;       /* (owned) Module, in display order */
  GCancellable        *cancellable;   /* (owned) loads and uploads of the dialog */
  GCancellable        *saving;        /* (owned) (nullable) the save in flight */
  gint64               banner_file_id;
  gboolean             loaded;

  AnjuFieldSlot        slots[N_SLOTS];
};

G_DEFINE_FINAL_TYPE (AnjuTerminalLayoutDialog, anju_terminal_layout_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_TERMINAL,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
module_free (gpointer data)
{
  Module *module = data;

  g_free (module->key);
  g_free (module);
}

static guint
module_index (AnjuTerminalLayoutDialog *self,
              GtkWidget                *button)
{
  for (guint i = 0; i < self->modules->len; i++)
    {
      Module *module = g_ptr_array_index (self->modules, i);

      if (module->up == button || module->down == button)
        return i;
    }

  g_return_val_if_reached (0);
}

static void
update_move_buttons (AnjuTerminalLayoutDialog *self)
{
  for (guint i = 0; i < self->modules->len; i++)
    {
      Module *module = g_ptr_array_index (self->modules, i);

      gtk_widget_set_sensitive (module->up, i > 0);
      gtk_widget_set_sensitive (module->down, i + 1 < self->modules->len);
    }
}

/* Moves the module of button one place; the focus stays on the moved
 * module, so pressing the same key again moves it further. */
static void
move_module (AnjuTerminalLayoutDialog *self,
             GtkWidget                *button,
             int                       delta)
{
  guint from = module_index (self, button);
  int to = (int) from + delta;
  Module *module;

  if (to < 0 || to >= (int) self->modules->len)
    return;

  module = g_ptr_array_steal_index (self->modules, from);
  g_ptr_array_insert (self->modules, to, module);

  g_object_ref (module->row);
  gtk_list_box_remove (self->modules_list, module->row);
  gtk_list_box_insert (self->modules_list, module->row, to);
  g_object_unref (module->row);

  update_move_buttons (self);
  if (gtk_widget_get_sensitive (button))
    gtk_widget_grab_focus (button);
  else
    gtk_widget_grab_focus (button == module->up ? module->down : module->up);
}

static void
move_up_clicked_cb (GtkButton                *button,
                    AnjuTerminalLayoutDialog *self)
{
  move_module (self, GTK_WIDGET (button), -1);
}

static void
move_down_clicked_cb (GtkButton                *button,
                      AnjuTerminalLayoutDialog *self)
{
  move_module (self, GTK_WIDGET (button), +1);
}

static GtkWidget *
move_button (AnjuTerminalLayoutDialog *self,
             const char               *name,
             gboolean                  up)
{
  GtkWidget *button = gtk_button_new_from_icon_name (up ? "go-up-symbolic" : "go-down-symbolic");
  g_autofree char *label = NULL;

  /* Translators: %1$s is a home-screen module ("Honor roll") */
  label = g_strdup_printf (up ? _("Move “%1$s” up") : _("Move “%1$s” down"), name);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked",
                           up ? G_CALLBACK (move_up_clicked_cb) : G_CALLBACK (move_down_clicked_cb),
                           self, 0);
  return button;
}

static void
add_module (AnjuTerminalLayoutDialog *self,
            const char               *key,
            const char               *server_name,
            gboolean                  enabled)
{
  Module *module = g_new0 (Module, 1);
  const char *label = anju_terminal_module_label (key);
  /* A module this desktop has no word for yet keeps the server's name. */
  const char *name = g_strcmp0 (label, key) == 0 && server_name != NULL ? server_name : label;

  module->key = g_strdup (key);
  module->row = adw_action_row_new ();
  module->toggle = gtk_switch_new ();
  module->up = move_button (self, name, TRUE);
  module->down = move_button (self, name, FALSE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (module->row), name);
  gtk_switch_set_active (GTK_SWITCH (module->toggle), enabled);
  gtk_widget_set_valign (module->toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (module->toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (module->row), module->toggle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (module->row), module->up);
  adw_action_row_add_suffix (ADW_ACTION_ROW (module->row), module->down);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (module->row), module->toggle);

  gtk_list_box_append (self->modules_list, module->row);
  g_ptr_array_add (self->modules, module);
}

static void
set_busy (AnjuTerminalLayoutDialog *self,
          gboolean                  busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy && self->loaded);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
show_banner_state (AnjuTerminalLayoutDialog *self)
{
  gboolean has_banner = self->banner_file_id != 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_button), has_banner);
  if (!has_banner)
    {
      gtk_picture_set_paintable (self->banner_picture, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->banner_picture), FALSE);
      gtk_label_set_text (self->banner_status, _("No banner: the home screen shows its title only."));
    }
}

static void
show_banner_texture (AnjuTerminalLayoutDialog *self,
                     GdkTexture               *texture)
{
  gtk_picture_set_paintable (self->banner_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->banner_picture), TRUE);
  gtk_label_set_text (self->banner_status, "");
}

static void
banner_downloaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AnjuTerminalLayoutDialog) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  bytes = anju_api_client_download_finish (ANJU_API_CLIENT (object), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (bytes != NULL)
    texture = gdk_texture_new_from_bytes (bytes, &error);

  if (texture == NULL)
    {
      /* The layout still saves with this banner; only the preview is missing. */
      g_autofree char *message = NULL;

      /* Translators: %1$s says why */
      message = g_strdup_printf (_("The banner is set, but its preview could not be shown: %1$s"),
                                 error->message);
      gtk_label_set_text (self->banner_status, message);
      return;
    }

  show_banner_texture (self, texture);
}

static void
load_banner_preview (AnjuTerminalLayoutDialog *self)
{
  g_autofree char *path = NULL;

  show_banner_state (self);
  if (self->banner_file_id == 0)
    return;

  gtk_label_set_text (self->banner_status, _("Loading the banner…"));
  path = g_strdup_printf ("/api/v1/files/%" G_GINT64_FORMAT "/content", self->banner_file_id);
  anju_api_client_download_async (self->client, path, self->cancellable, banner_downloaded_cb,
                                  g_object_ref (self));
}

static void
select_theme (AnjuTerminalLayoutDialog *self,
              const char               *theme)
{
  const char * const *codes = anju_terminal_theme_codes ();

  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], theme) == 0)
      adw_combo_row_set_selected (self->theme_row, i);
}

static void
fill_layout (AnjuTerminalLayoutDialog *self,
             JsonObject               *layout)
{
  JsonArray *modules = anju_json_get_array (layout, "modules");
  guint n_modules = modules != NULL ? json_array_get_length (modules) : 0;
  const char *title = anju_json_get_string (layout, "title");

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title != NULL ? title : "");
  select_theme (self, anju_json_get_string (layout, "theme"));

  for (guint i = 0; i < n_modules; i++)
    {
      JsonNode *node = json_array_get_element (modules, i);
      JsonObject *module = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *key = anju_json_get_string (module, "key");

      if (key != NULL)
        add_module (self, key, anju_json_get_string (module, "name"),
                    anju_json_get_boolean (module, "enabled", TRUE));
    }
  update_move_buttons (self);

  self->banner_file_id = anju_json_get_int (layout, "banner_file_id", 0);
  load_banner_preview (self);
}

static void
layout_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AnjuTerminalLayoutDialog) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loaded = TRUE;
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      if (error == NULL)
        g_set_error_literal (&error, ANJU_ERROR, ANJU_ERROR_MALFORMED, _("The server’s answer holds no layout"));
      anju_page_show_load_error (self->stack, self->error_page, self->client, error);
      return;
    }

  fill_layout (self, json_node_get_object (answer));
  gtk_stack_set_visible_child_name (self->stack, "form");
  set_busy (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static JsonNode *
build_body (AnjuTerminalLayoutDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  const char * const *themes = anju_terminal_theme_codes ();
  guint theme = adw_combo_row_get_selected (self->theme_row);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);

  json_builder_set_member_name (builder, "modules");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->modules->len; i++)
    {
      Module *module = g_ptr_array_index (self->modules, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, module->key);
      json_builder_set_member_name (builder, "enabled");
      json_builder_add_boolean_value (builder, gtk_switch_get_active (GTK_SWITCH (module->toggle)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "banner_file_id");
  if (self->banner_file_id != 0)
    json_builder_add_int_value (builder, self->banner_file_id);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "theme");
  json_builder_add_string_value (builder, theme < g_strv_length ((char **) themes) ? themes[theme] : "standard");
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  AnjuApiClient *client = ANJU_API_CLIENT (object);
  g_autoptr(AnjuTerminalLayoutDialog) self = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(AnjuRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  node = anju_api_client_request_finish (client, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->saving);
  set_busy (self, FALSE);

  record = anju_field_errors_saved_record (self->slots, N_SLOTS, client, node, error, self->error_label);
  if (record == NULL)
    return;

  g_signal_emit (self, signals[SAVED], 0, record);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (AnjuTerminalLayoutDialog *self)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  if (self->saving != NULL || !self->loaded)
    return;

  anju_field_errors_clear (self->slots, N_SLOTS);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  body = build_body (self);
  path = g_strdup_printf ("/api/v1/terminals/%" G_GINT64_FORMAT "/layout", anju_record_get_id (self->terminal));
  self->saving = g_cancellable_new ();
  set_busy (self, TRUE);
  anju_api_client_request_async (self->client, "PUT", path, body, self->saving, saved_cb, g_object_ref (self));
}

typedef struct
{
  AnjuTerminalLayoutDialog *self;  /* (owned) */
  GFile                    *file;  /* (owned) */
} Upload;

static void
upload_free (Upload *upload)
{
  g_object_unref (upload->self);
  g_object_unref (upload->file);
  g_free (upload);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Upload, upload_free)

static void
uploaded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Upload) upload = user_data;
  AnjuTerminalLayoutDialog *self = upload->self;
  g_autoptr(JsonObject) file = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  file = anju_file_upload_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), TRUE);
  if (file == NULL)
    {
      g_autofree char *name = g_file_get_basename (upload->file);
      g_autofree char *message = anju_file_upload_error_message (self->client, name, error);

      anju_field_error_set (&self->slots[SLOT_BANNER], message);
      show_banner_state (self);
      return;
    }

  self->banner_file_id = anju_json_get_int (file, "id", 0);
  show_banner_state (self);
  texture = gdk_texture_new_from_file (upload->file, &error);
  if (texture != NULL)
    show_banner_texture (self, texture);
  else
    gtk_label_set_text (self->banner_status, error->message);
}

static void
chooser_response_cb (GtkNativeDialog          *chooser,
                     int                       response,
                     AnjuTerminalLayoutDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    anju_terminal_layout_dialog_set_banner_file (self, file);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_clicked_cb (AnjuTerminalLayoutDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose a Banner"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PNG and JPEG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
remove_clicked_cb (AnjuTerminalLayoutDialog *self)
{
  self->banner_file_id = 0;
  anju_field_error_set (&self->slots[SLOT_BANNER], NULL);
  show_banner_state (self);
}

static void
anju_terminal_layout_dialog_constructed (GObject *object)
{
  AnjuTerminalLayoutDialog *self = ANJU_TERMINAL_LAYOUT_DIALOG (object);
  g_autoptr(GtkStringList) themes = gtk_string_list_new (NULL);
  const char * const *codes = anju_terminal_theme_codes ();
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;

  G_OBJECT_CLASS (anju_terminal_layout_dialog_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));
  g_assert (ANJU_IS_RECORD (self->terminal));

  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (themes, anju_terminal_theme_label (codes[i]));
  adw_combo_row_set_model (self->theme_row, G_LIST_MODEL (themes));

  /* Translators: %1$s is a terminal's name */
  title = g_strdup_printf (_("Home Layout of “%1$s”"), anju_record_get_string (self->terminal, "name"));
  gtk_window_set_title (GTK_WINDOW (self), title);

  path = g_strdup_printf ("/api/v1/terminals/%" G_GINT64_FORMAT "/layout", anju_record_get_id (self->terminal));
  anju_api_client_request_async (self->client, "GET", path, NULL, self->cancellable, layout_loaded_cb,
                                 g_object_ref (self));
}

static void
anju_terminal_layout_dialog_dispose (GObject *object)
{
  AnjuTerminalLayoutDialog *self = ANJU_TERMINAL_LAYOUT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->saving);
  g_clear_object (&self->saving);
  if (self->modules != NULL)
    g_ptr_array_set_size (self->modules, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_TERMINAL_LAYOUT_DIALOG);

  G_OBJECT_CLASS (anju_terminal_layout_dialog_parent_class)->dispose (object);
}

static void
anju_terminal_layout_dialog_finalize (GObject *object)
{
  AnjuTerminalLayoutDialog *self = ANJU_TERMINAL_LAYOUT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->terminal);
  g_clear_pointer (&self->modules, g_ptr_array_unref);

  G_OBJECT_CLASS (anju_terminal_layout_dialog_parent_class)->finalize (object);
}

static void
anju_terminal_layout_dialog_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  AnjuTerminalLayoutDialog *self = ANJU_TERMINAL_LAYOUT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_TERMINAL:
      g_value_set_object (value, self->terminal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_terminal_layout_dialog_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  AnjuTerminalLayoutDialog *self = ANJU_TERMINAL_LAYOUT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_TERMINAL:
      self->terminal = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_terminal_layout_dialog_class_init (AnjuTerminalLayoutDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_terminal_layout_dialog_constructed;
  object_class->dispose = anju_terminal_layout_dialog_dispose;
  object_class->finalize = anju_terminal_layout_dialog_finalize;
  object_class->get_property = anju_terminal_layout_dialog_get_property;
  object_class->set_property = anju_terminal_layout_dialog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TERMINAL] =
    g_param_spec_object ("terminal", NULL, NULL, ANJU_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuTerminalLayoutDialog::saved:
   * @record: the layout as the server now has it
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ANJU_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-terminal-layout-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalLayoutDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalLayoutDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalLayoutDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalLayoutDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalLayoutDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalLayoutDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalLayoutDialog, title_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalLayoutDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalLayoutDialog, theme_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalLayoutDialog, modules_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalLayoutDialog, modules_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalLayoutDialog, modules_list);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalLayoutDialog, banner_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalLayoutDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalLayoutDialog, remove_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalLayoutDialog, banner_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalLayoutDialog, banner_status);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalLayoutDialog, banner_picture);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
anju_terminal_layout_dialog_init (AnjuTerminalLayoutDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->modules = g_ptr_array_new_with_free_func (module_free);

  self->slots[SLOT_TITLE] = (AnjuFieldSlot) { "title", GTK_WIDGET (self->title_row), GTK_WIDGET (self->title_error) };
  self->slots[SLOT_THEME] = (AnjuFieldSlot) { "theme", GTK_WIDGET (self->theme_row), GTK_WIDGET (self->theme_error) };
  self->slots[SLOT_MODULES] = (AnjuFieldSlot) { "modules", GTK_WIDGET (self->modules_group), GTK_WIDGET (self->modules_error) };
  self->slots[SLOT_BANNER] = (AnjuFieldSlot) { "banner_file_id", GTK_WIDGET (self->banner_group), GTK_WIDGET (self->banner_error) };
}

GtkWidget *
anju_terminal_layout_dialog_new (AnjuApiClient *client,
                                 AnjuRecord    *terminal)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (ANJU_IS_RECORD (terminal), NULL);

  return g_object_new (ANJU_TYPE_TERMINAL_LAYOUT_DIALOG, "client", client, "terminal", terminal, NULL);
}

void
anju_terminal_layout_dialog_set_banner_file (AnjuTerminalLayoutDialog *self,
                                             GFile                    *file)
{
  Upload *upload;

  g_return_if_fail (ANJU_IS_TERMINAL_LAYOUT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  upload = g_new0 (Upload, 1);
  upload->self = g_object_ref (self);
  upload->file = g_object_ref (file);
  anju_field_error_set (&self->slots[SLOT_BANNER], NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), FALSE);
  gtk_label_set_text (self->banner_status, _("Uploading the banner…"));
  anju_file_upload_async (self->client, file, self->cancellable, uploaded_cb, upload);
}

gboolean
_anju_terminal_layout_dialog_is_loaded (AnjuTerminalLayoutDialog *self)
{
  g_return_val_if_fail (ANJU_IS_TERMINAL_LAYOUT_DIALOG (self), FALSE);

  return self->loaded;
}

GStrv
_anju_terminal_layout_dialog_get_order (AnjuTerminalLayoutDialog *self)
{
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();

  g_return_val_if_fail (ANJU_IS_TERMINAL_LAYOUT_DIALOG (self), NULL);

  for (guint i = 0; i < self->modules->len; i++)
    g_strv_builder_add (keys, ((Module *) g_ptr_array_index (self->modules, i))->key);

  return g_strv_builder_end (keys);
}

static Module *
find_module (AnjuTerminalLayoutDialog *self,
             const char               *key)
{
  for (guint i = 0; i < self->modules->len; i++)
    {
      Module *module = g_ptr_array_index (self->modules, i);

      if (g_strcmp0 (module->key, key) == 0)
        return module;
    }

  return NULL;
}

GtkWidget *
_anju_terminal_layout_dialog_get_switch (AnjuTerminalLayoutDialog *self,
                                         const char               *key)
{
  Module *module;

  g_return_val_if_fail (ANJU_IS_TERMINAL_LAYOUT_DIALOG (self), NULL);

  module = find_module (self, key);
  return module != NULL ? module->toggle : NULL;
}

GtkWidget *
_anju_terminal_layout_dialog_get_move_button (AnjuTerminalLayoutDialog *self,
                                              const char               *key,
                                              gboolean                  up)
{
  Module *module;

  g_return_val_if_fail (ANJU_IS_TERMINAL_LAYOUT_DIALOG (self), NULL);

  module = find_module (self, key);
  if (module == NULL)
    return NULL;
  return up ? module->up : module->down;
}

gint64
_anju_terminal_layout_dialog_get_banner_id (AnjuTerminalLayoutDialog *self)
{
  g_return_val_if_fail (ANJU_IS_TERMINAL_LAYOUT_DIALOG (self), 0);

  return self->banner_file_id;
}

gboolean
_anju_terminal_layout_dialog_shows_banner (AnjuTerminalLayoutDialog *self)
{
  g_return_val_if_fail (ANJU_IS_TERMINAL_LAYOUT_DIALOG (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->banner_picture))
         && gtk_picture_get_paintable (self->banner_picture) != NULL;
}

GtkWidget *
_anju_terminal_layout_dialog_get_save_button (AnjuTerminalLayoutDialog *self)
{
  g_return_val_if_fail (ANJU_IS_TERMINAL_LAYOUT_DIALOG (self), NULL);

  return GTK_WIDGET (self->save_button);
}
