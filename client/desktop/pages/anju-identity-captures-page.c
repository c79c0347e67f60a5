/* anju-identity-captures-page.c: face and fingerprint captures
 * (F-TERM-005, 006).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-display-time.h"
#include "anju-error-message.h"
#include "anju-identity-captures-page.h"
#include "anju-list-loader.h"
#include "anju-paged-model.h"
#include "anju-record-column.h"
#include "anju-terminal-content-labels.h"

#define CAPTURES_PATH "/api/v1/identity-captures"

/* Positions in the kind filter of the template. */
static const char * const kind_filter_values[] = { NULL, "face", "fingerprint" };

struct _AnjuIdentityCapturesPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkDropDown         *kind_filter;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  AdwStatusPage       *error_page;
  GtkLabel            *count_label;
  GtkSpinner          *spinner;
  GtkStack            *detail_stack;
  AdwPreferencesGroup *info_group;
  GtkWidget           *face_box;
  GtkStack            *face_stack;
  GtkSpinner          *face_spinner;
  GtkPicture          *face_picture;
  GtkLabel            *face_error_label;
  GtkLabel            *fingerprint_label;

  /* Borrowed */
  GPtrArray           *info_rows;     /* (owned) rows in info_group */

  /* Owned */
  AnjuApiClient       *client;
  AnjuPagedModel      *captures;
  GtkSingleSelection  *selection;     /* over captures */
  GCancellable        *cancellable;   /* the page's loads */
  GCancellable        *face_load;     /* (nullable) the face image being fetched */
  AnjuListLoader       loader;
  guint                loaded : 1;
};

G_DEFINE_FINAL_TYPE (AnjuIdentityCapturesPage, anju_identity_captures_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AnjuRecord *
get_selected (AnjuIdentityCapturesPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

static gboolean
is_face (AnjuRecord *capture)
{
  return capture != NULL && g_strcmp0 (anju_record_get_string (capture, "kind"), "face") == 0;
}

static void
actions_update (AnjuIdentityCapturesPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "captures.show-face",
                                 is_face (get_selected (self)) && self->face_load == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "captures.load-more",
                                 anju_paged_model_get_has_more (self->captures)
                                 && !anju_paged_model_get_loading (self->captures));
}

static char *
count_text (guint shown,
            guint total)
{
  /* Translators: %1$u captures of %2$u matching ones are in the list */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u capture",
                                       "%1$u of %2$u captures", total),
                          shown, total);
}

/* The face image */

/* Biometric data stays on screen no longer than it is looked at. */
static void
forget_face (AnjuIdentityCapturesPage *self)
{
  g_cancellable_cancel (self->face_load);
  g_clear_object (&self->face_load);
  gtk_picture_set_paintable (self->face_picture, NULL);
  gtk_spinner_set_spinning (self->face_spinner, FALSE);
  gtk_stack_set_visible_child_name (self->face_stack, "hidden");
}

static void
face_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AnjuIdentityCapturesPage) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *message = NULL;

  bytes = anju_api_client_download_finish (ANJU_API_CLIENT (object), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->face_load);
  gtk_spinner_set_spinning (self->face_spinner, FALSE);
  actions_update (self);

  if (bytes != NULL)
    texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    {
      message = anju_error_message_for (error, anju_api_client_get_base_uri (self->client));
      gtk_label_set_text (self->face_error_label, message != NULL ? message : _("The face image cannot be shown."));
      gtk_stack_set_visible_child_name (self->face_stack, "error");
      return;
    }

  gtk_picture_set_paintable (self->face_picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->face_stack, "picture");
}

static void
show_face_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AnjuIdentityCapturesPage *self = ANJU_IDENTITY_CAPTURES_PAGE (widget);
  AnjuRecord *selected = get_selected (self);
  g_autofree char *path = NULL;

  if (!is_face (selected))
    return;

  forget_face (self);
  self->face_load = g_cancellable_new ();
  gtk_spinner_set_spinning (self->face_spinner, TRUE);
  gtk_stack_set_visible_child_name (self->face_stack, "loading");
  actions_update (self);

  path = g_strdup_printf (CAPTURES_PATH "/%" G_GINT64_FORMAT "/content", anju_record_get_id (selected));
  anju_api_client_download_async (self->client, path, self->face_load, face_loaded_cb, g_object_ref (self));
}

/* The detail pane */

static void
clear_info (AnjuIdentityCapturesPage *self)
{
  for (guint i = 0; i < self->info_rows->len; i++)
    adw_preferences_group_remove (self->info_group, g_ptr_array_index (self->info_rows, i));
  g_ptr_array_set_size (self->info_rows, 0);
}

/* A row "title: value"; nothing for an empty value. */
static void
add_info (AnjuIdentityCapturesPage *self,
          const char               *title,
          const char               *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (self->info_group, row);
  g_ptr_array_add (self->info_rows, row);
}

static char *
terminal_text (AnjuRecord *capture)
{
  const char *number = anju_record_get_path_string (capture, "terminal.terminal_no");
  const char *name = anju_record_get_path_string (capture, "terminal.name");

  if (number == NULL || name == NULL)
    return g_strdup (number != NULL ? number : name);

  /* Translators: a terminal: %1$s its number, %2$s its name */
  return g_strdup_printf (_("%1$s %2$s"), number, name);
}

static char *
size_text (AnjuRecord *capture)
{
  return anju_capture_size_text (anju_record_get_int (capture, "size", 0));
}

static void
show_detail (AnjuIdentityCapturesPage *self,
             AnjuRecord               *capture)
{
  g_autofree char *captured = anju_display_time (anju_record_get_string (capture, "captured_at"));
  g_autofree char *terminal = terminal_text (capture);
  g_autofree char *size = size_text (capture);
  g_autofree char *note = NULL;
  gboolean face = is_face (capture);

  clear_info (self);
  adw_preferences_group_set_title (self->info_group, anju_record_get_string (capture, "person_name"));
  adw_preferences_group_set_description (self->info_group,
                                         anju_capture_kind_label (anju_record_get_string (capture, "kind")));
  add_info (self, _("ID number"), anju_record_get_string (capture, "id_no"));
  add_info (self, _("Application number"), anju_record_get_path_string (capture, "application.application_no"));
  add_info (self, _("Terminal"), terminal);
  add_info (self, _("Location"), anju_record_get_path_string (capture, "terminal.location"));
  add_info (self, _("Captured"), captured);
  add_info (self, _("Stored size"), size);

  gtk_widget_set_visible (self->face_box, face);
  gtk_widget_set_visible (GTK_WIDGET (self->fingerprint_label), !face);
  if (!face)
    {
      /* Translators: %1$s is a size ("812 bytes") */
      note = g_strdup_printf (_("A fingerprint template of %1$s. Templates are the reader's own encoding of a "
                                "finger, stored encrypted; they are not images and cannot be shown."),
                              size);
      gtk_label_set_text (self->fingerprint_label, note);
    }

  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

static void
selection_changed_cb (AnjuIdentityCapturesPage *self)
{
  AnjuRecord *selected = get_selected (self);

  forget_face (self);
  if (selected != NULL)
    show_detail (self, selected);
  else
    gtk_stack_set_visible_child_name (self->detail_stack, "none");
  actions_update (self);
}

/* Filters and loading */

static void
search_changed_cb (AnjuIdentityCapturesPage *self)
{
  g_autofree char *q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (anju_list_loader_apply_filter (&self->loader, "q", q))
    anju_list_loader_load_more (&self->loader);
}

static void
filter_changed_cb (AnjuIdentityCapturesPage *self)
{
  guint position = gtk_drop_down_get_selected (self->kind_filter);
  const char *kind = position < G_N_ELEMENTS (kind_filter_values) ? kind_filter_values[position] : NULL;

  if (anju_list_loader_apply_filter (&self->loader, "kind", kind))
    anju_list_loader_load_more (&self->loader);
}

static void
edge_reached_cb (AnjuIdentityCapturesPage *self,
                 GtkPositionType           position)
{
  anju_list_loader_edge_reached (&self->loader, position);
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  anju_list_loader_load_more (&ANJU_IDENTITY_CAPTURES_PAGE (widget)->loader);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_identity_captures_page_reload (ANJU_IDENTITY_CAPTURES_PAGE (widget));
}

/* Columns */

static char *
kind_text (AnjuRecord *capture)
{
  return g_strdup (anju_capture_kind_label (anju_record_get_string (capture, "kind")));
}

static char *
captured_text (AnjuRecord *capture)
{
  return anju_display_time (anju_record_get_string (capture, "captured_at"));
}

static void
append_column (AnjuIdentityCapturesPage *self,
               GtkColumnViewColumn      *column)
{
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
setup_columns (AnjuIdentityCapturesPage *self)
{
  append_column (self, anju_record_column_new_with_func (_("Kind"), kind_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (_("Name"), "person_name", ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new (_("ID number"), "id_no", ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new (_("Application number"), "application.application_no",
                                               ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new_with_func (_("Terminal"), terminal_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Captured"), captured_text, ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new_with_func (_("Size"), size_text, ANJU_RECORD_COLUMN_NUMERIC));
}

static void
anju_identity_captures_page_map (GtkWidget *widget)
{
  AnjuIdentityCapturesPage *self = ANJU_IDENTITY_CAPTURES_PAGE (widget);

  GTK_WIDGET_CLASS (anju_identity_captures_page_parent_class)->map (widget);

  if (!self->loaded)
    anju_identity_captures_page_reload (self);
}

static void
anju_identity_captures_page_unmap (GtkWidget *widget)
{
  forget_face (ANJU_IDENTITY_CAPTURES_PAGE (widget));
  actions_update (ANJU_IDENTITY_CAPTURES_PAGE (widget));

  GTK_WIDGET_CLASS (anju_identity_captures_page_parent_class)->unmap (widget);
}

static void
anju_identity_captures_page_constructed (GObject *object)
{
  AnjuIdentityCapturesPage *self = ANJU_IDENTITY_CAPTURES_PAGE (object);

  G_OBJECT_CLASS (anju_identity_captures_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->captures = anju_paged_model_new (self->client, CAPTURES_PATH, 0);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->captures));
  g_object_bind_property (self->captures, "loading", self->spinner, "spinning", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->captures, "notify::loading", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->captures, "notify::has-more", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  anju_list_loader_init (&self->loader, GTK_WIDGET (self), self->captures, self->selection,
                         self->stack, self->error_page, self->cancellable,
                         _("Could not load more captures"));
  anju_list_loader_show_count (&self->loader, self->count_label, count_text);
  actions_update (self);
}

static void
anju_identity_captures_page_dispose (GObject *object)
{
  AnjuIdentityCapturesPage *self = ANJU_IDENTITY_CAPTURES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->face_load);
  g_clear_object (&self->face_load);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_IDENTITY_CAPTURES_PAGE);
  if (self->info_rows != NULL)
    g_ptr_array_set_size (self->info_rows, 0);
  g_clear_object (&self->selection);
  g_clear_object (&self->captures);

  G_OBJECT_CLASS (anju_identity_captures_page_parent_class)->dispose (object);
}

static void
anju_identity_captures_page_finalize (GObject *object)
{
  AnjuIdentityCapturesPage *self = ANJU_IDENTITY_CAPTURES_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->info_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (anju_identity_captures_page_parent_class)->finalize (object);
}

static void
anju_identity_captures_page_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  AnjuIdentityCapturesPage *self = ANJU_IDENTITY_CAPTURES_PAGE (object);

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
anju_identity_captures_page_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  AnjuIdentityCapturesPage *self = ANJU_IDENTITY_CAPTURES_PAGE (object);

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
anju_identity_captures_page_class_init (AnjuIdentityCapturesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_identity_captures_page_constructed;
  object_class->dispose = anju_identity_captures_page_dispose;
  object_class->finalize = anju_identity_captures_page_finalize;
  object_class->get_property = anju_identity_captures_page_get_property;
  object_class->set_property = anju_identity_captures_page_set_property;

  widget_class->map = anju_identity_captures_page_map;
  widget_class->unmap = anju_identity_captures_page_unmap;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-identity-captures-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuIdentityCapturesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuIdentityCapturesPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuIdentityCapturesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuIdentityCapturesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuIdentityCapturesPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuIdentityCapturesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuIdentityCapturesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuIdentityCapturesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuIdentityCapturesPage, info_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuIdentityCapturesPage, face_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuIdentityCapturesPage, face_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuIdentityCapturesPage, face_spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuIdentityCapturesPage, face_picture);
  gtk_widget_class_bind_template_child (widget_class, AnjuIdentityCapturesPage, face_error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuIdentityCapturesPage, fingerprint_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);

  gtk_widget_class_install_action (widget_class, "captures.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "captures.load-more", NULL, load_more_action);
  gtk_widget_class_install_action (widget_class, "captures.show-face", NULL, show_face_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "captures.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "captures.reload", NULL);
}

static void
anju_identity_captures_page_init (AnjuIdentityCapturesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->info_rows = g_ptr_array_new ();
  self->selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  setup_columns (self);
}

GtkWidget *
anju_identity_captures_page_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_IDENTITY_CAPTURES_PAGE, "client", client, NULL);
}

void
anju_identity_captures_page_reload (AnjuIdentityCapturesPage *self)
{
  AnjuRecord *selected;

  g_return_if_fail (ANJU_IS_IDENTITY_CAPTURES_PAGE (self));

  selected = get_selected (self);
  self->loaded = TRUE;
  anju_list_loader_reload_selecting (&self->loader, selected != NULL ? anju_record_get_id (selected) : 0);
}

GdkPaintable *
anju_identity_captures_page_get_face (AnjuIdentityCapturesPage *self)
{
  g_return_val_if_fail (ANJU_IS_IDENTITY_CAPTURES_PAGE (self), NULL);

  return gtk_picture_get_paintable (self->face_picture);
}
