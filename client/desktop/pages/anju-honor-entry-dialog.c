/* anju-honor-entry-dialog.c: add or edit an honor roll entry.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-error-message.h"
#include "anju-field-error.h"
#include "anju-file-upload.h"
#include "anju-honor-entry-dialog-private.h"
#include "anju-terminal-content-labels.h"

#define HONOR_ROLL_PATH "/api/v1/honor-roll"

enum {
  SLOT_CATEGORY,
  SLOT_RANK,
  SLOT_NAME,
  SLOT_SUBTITLE,
  SLOT_COMMUNITY,
  SLOT_RATING,
  SLOT_DESCRIPTION,
  SLOT_PHOTO,
  N_SLOTS
};

struct _AnjuHonorEntryDialog
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkButton     *save_button;
  GtkSpinner    *spinner;
  GtkLabel      *error_label;
  AdwComboRow   *category_row;
  GtkLabel      *category_error;
  AdwActionRow  *rank_row;
  GtkSpinButton *rank_spin;
  GtkLabel      *rank_error;
  AdwEntryRow   *name_row;
  GtkLabel      *name_error;
  AdwEntryRow   *subtitle_row;
  GtkLabel      *subtitle_error;
  AdwEntryRow   *community_row;
  GtkLabel      *community_error;
  AdwEntryRow   *rating_row;
  GtkLabel      *rating_error;
  GtkWidget     *description_frame;
  GtkTextView   *description_view;
  GtkLabel      *description_error;
  GtkWidget     *photo_group;
  GtkLabel      *photo_file_id_error;
  GtkWidget     *remove_photo_button;
  GtkStack      *photo_stack;
  GtkLabel      *photo_status_label;
  GtkSpinner    *photo_spinner;
  GtkPicture    *photo_picture;

  /* Owned */
  AnjuApiClient *client;
  AnjuRecord    *entry;             /* (nullable) NULL when adding */
  char          *category;          /* the section a new entry starts in */
  GCancellable  *cancellable;       /* the photo's upload or download */
  GCancellable  *save_cancellable;  /* (nullable) the save in flight */
  gint64         photo_file_id;     /* 0: no photo */
  int            rank;
  guint          photo_busy : 1;

  AnjuFieldSlot  slots[N_SLOTS];
};

G_DEFINE_FINAL_TYPE (AnjuHonorEntryDialog, anju_honor_entry_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_ENTRY,
  PROP_CATEGORY,
  PROP_RANK,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
chosen_category (AnjuHonorEntryDialog *self)
{
  const char * const *codes = anju_honor_category_codes ();
  guint position = adw_combo_row_get_selected (self->category_row);

  return position < g_strv_length ((char **) codes) ? codes[position] : codes[0];
}

static void
update_save_button (AnjuHonorEntryDialog *self)
{
  gboolean busy = self->save_cancellable != NULL || self->photo_busy;

  /* An entry saved while its photo is on its way would lose it. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (self->remove_photo_button, !busy && self->photo_file_id > 0);
}

static char *
stripped_text_of (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static char *
description_text (AnjuHonorEntryDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* The subtitle says what it holds in this section; only staff serve an
 * estate. */
static void
category_changed_cb (AnjuHonorEntryDialog *self)
{
  const char *category = chosen_category (self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->subtitle_row),
                                 anju_honor_category_subtitle_title (category));
  gtk_widget_set_visible (GTK_WIDGET (self->community_row), anju_honor_category_has_community (category));
}

/* Photo */

static void
show_photo_status (AnjuHonorEntryDialog *self,
                   const char           *text)
{
  gtk_label_set_text (self->photo_status_label, text);
  gtk_picture_set_paintable (self->photo_picture, NULL);
  gtk_spinner_set_spinning (self->photo_spinner, FALSE);
  gtk_stack_set_visible_child_name (self->photo_stack, "none");
}

static void
show_photo (AnjuHonorEntryDialog *self,
            GdkTexture           *texture)
{
  gtk_picture_set_paintable (self->photo_picture, GDK_PAINTABLE (texture));
  gtk_spinner_set_spinning (self->photo_spinner, FALSE);
  gtk_stack_set_visible_child_name (self->photo_stack, "picture");
}

static void
set_photo_busy (AnjuHonorEntryDialog *self,
                gboolean              busy)
{
  self->photo_busy = busy;
  if (busy)
    {
      gtk_spinner_set_spinning (self->photo_spinner, TRUE);
      gtk_stack_set_visible_child_name (self->photo_stack, "loading");
    }
  update_save_button (self);
}

/* A refused upload leaves the photo shown before (or none) in place. */
static void
show_photo_problem (AnjuHonorEntryDialog *self,
                    const char           *message)
{
  anju_field_error_set (&self->slots[SLOT_PHOTO], message);
  gtk_spinner_set_spinning (self->photo_spinner, FALSE);
  gtk_stack_set_visible_child_name (self->photo_stack,
                                    gtk_picture_get_paintable (self->photo_picture) != NULL ? "picture" : "none");
}

typedef struct
{
  AnjuHonorEntryDialog *self;  /* (owned) */
  GFile                *file;  /* (owned) */
} Upload;

static void
upload_free (Upload *upload)
{
  g_clear_object (&upload->self);
  g_clear_object (&upload->file);
  g_free (upload);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Upload, upload_free)

static gboolean
is_picture_type (const char *content_type)
{
  return g_strcmp0 (content_type, "image/png") == 0 || g_strcmp0 (content_type, "image/jpeg") == 0;
}

static void
upload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Upload) upload = user_data;
  AnjuHonorEntryDialog *self = upload->self;
  g_autoptr(JsonObject) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  file = anju_file_upload_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_photo_busy (self, FALSE);
  basename = g_file_get_basename (upload->file);
  if (file == NULL)
    {
      message = anju_file_upload_error_message (self->client, basename, error);
      show_photo_problem (self, message);
      return;
    }

  /* The file store takes documents too; the terminals show pictures. */
  texture = is_picture_type (anju_json_get_string (file, "content_type"))
            ? gdk_texture_new_from_file (upload->file, NULL) : NULL;
  if (texture == NULL)
    {
      show_photo_problem (self, _("Choose a PNG or JPEG picture."));
      return;
    }

  self->photo_file_id = anju_json_get_int (file, "id", 0);
  show_photo (self, texture);
  update_save_button (self);
}

static void
start_upload (AnjuHonorEntryDialog *self,
              GFile                *file)
{
  Upload *upload = g_new0 (Upload, 1);

  upload->self = g_object_ref (self);
  upload->file = g_object_ref (file);
  anju_field_error_set (&self->slots[SLOT_PHOTO], NULL);
  set_photo_busy (self, TRUE);
  anju_file_upload_async (self->client, file, self->cancellable, upload_cb, upload);
}

static void
chooser_response_cb (GtkNativeDialog      *chooser,
                     int                   response,
                     AnjuHonorEntryDialog *self)
{
  /* The dialog may have been closed while the chooser was open. */
  if (response == GTK_RESPONSE_ACCEPT && !g_cancellable_is_cancelled (self->cancellable))
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        start_upload (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_photo_clicked_cb (AnjuHonorEntryDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose a Photo"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PNG and JPEG pictures"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
remove_photo_clicked_cb (AnjuHonorEntryDialog *self)
{
  self->photo_file_id = 0;
  anju_field_error_set (&self->slots[SLOT_PHOTO], NULL);
  show_photo_status (self, _("No photo"));
  update_save_button (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->photo_group));
}

static void
photo_downloaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AnjuHonorEntryDialog) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *text = NULL;

  bytes = anju_api_client_download_finish (ANJU_API_CLIENT (object), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_photo_busy (self, FALSE);
  if (bytes != NULL)
    texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture != NULL)
    {
      show_photo (self, texture);
      return;
    }

  /* The entry keeps its photo; only the preview is missing. */
  reason = anju_error_message_for (error, anju_api_client_get_base_uri (self->client));
  /* Translators: %1$s says why a stored photo could not be shown */
  text = g_strdup_printf (_("The photo cannot be shown: %1$s"), reason != NULL ? reason : "");
  show_photo_status (self, text);
}

static void
load_photo (AnjuHonorEntryDialog *self)
{
  g_autofree char *path = NULL;

  path = g_strdup_printf ("/api/v1/files/%" G_GINT64_FORMAT "/content", self->photo_file_id);
  set_photo_busy (self, TRUE);
  anju_api_client_download_async (self->client, path, self->cancellable,
                                  photo_downloaded_cb, g_object_ref (self));
}

/* Saving */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/* An optional text: left out of a new entry when empty, and null to
 * clear it on an existing one. */
static void
add_optional_string (AnjuHonorEntryDialog *self,
                     JsonBuilder          *builder,
                     const char           *member,
                     const char           *value)
{
  if (value != NULL && *value != '\0')
    add_string (builder, member, value);
  else if (self->entry != NULL)
    {
      json_builder_set_member_name (builder, member);
      json_builder_add_null_value (builder);
    }
}

static JsonNode *
build_body (AnjuHonorEntryDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *category = chosen_category (self);
  g_autofree char *name = stripped_text_of (self->name_row);
  g_autofree char *subtitle = stripped_text_of (self->subtitle_row);
  g_autofree char *community = stripped_text_of (self->community_row);
  g_autofree char *rating = stripped_text_of (self->rating_row);
  g_autofree char *description = description_text (self);

  json_builder_begin_object (builder);
  add_string (builder, "category", category);
  json_builder_set_member_name (builder, "rank");
  json_builder_add_int_value (builder, gtk_spin_button_get_value_as_int (self->rank_spin));
  add_string (builder, "name", name);
  add_optional_string (self, builder, "subtitle", subtitle);
  add_optional_string (self, builder, "community",
                       anju_honor_category_has_community (category) ? community : NULL);
  add_optional_string (self, builder, "rating", rating);
  add_optional_string (self, builder, "description", description);
  if (self->photo_file_id > 0)
    {
      json_builder_set_member_name (builder, "photo_file_id");
      json_builder_add_int_value (builder, self->photo_file_id);
    }
  else if (self->entry != NULL)
    {
      json_builder_set_member_name (builder, "photo_file_id");
      json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AnjuApiClient *client = ANJU_API_CLIENT (object);
  g_autoptr(AnjuHonorEntryDialog) self = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(AnjuRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  node = anju_api_client_request_finish (client, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->save_cancellable);
  update_save_button (self);

  record = anju_field_errors_saved_record (self->slots, N_SLOTS, client, node, error, self->error_label);
  if (record == NULL)
    return;

  g_signal_emit (self, signals[SAVED], 0, record);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (AnjuHonorEntryDialog *self)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (self->save_cancellable != NULL || self->photo_busy)
    return;

  anju_field_errors_clear (self->slots, N_SLOTS);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  /* The server judges everything; only what is plainly missing is said
   * before asking it. */
  name = stripped_text_of (self->name_row);
  if (*name == '\0')
    {
      anju_field_error_set (&self->slots[SLOT_NAME], _("Enter a name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  body = build_body (self);
  if (self->entry != NULL)
    path = g_strdup_printf (HONOR_ROLL_PATH "/%" G_GINT64_FORMAT, anju_record_get_id (self->entry));

  self->save_cancellable = g_cancellable_new ();
  update_save_button (self);
  anju_api_client_request_async (self->client, self->entry != NULL ? "PATCH" : "POST",
                                 path != NULL ? path : HONOR_ROLL_PATH, body,
                                 self->save_cancellable, save_cb, g_object_ref (self));
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
select_category (AnjuHonorEntryDialog *self,
                 const char           *category)
{
  const char * const *codes = anju_honor_category_codes ();

  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], category) == 0)
      adw_combo_row_set_selected (self->category_row, i);
}

static void
fill_from_entry (AnjuHonorEntryDialog *self)
{
  const char *description = anju_record_get_string (self->entry, "description");

  select_category (self, anju_record_get_string (self->entry, "category"));
  gtk_spin_button_set_value (self->rank_spin, (double) anju_record_get_int (self->entry, "rank", 1));
  set_row_text (self->name_row, anju_record_get_string (self->entry, "name"));
  set_row_text (self->subtitle_row, anju_record_get_string (self->entry, "subtitle"));
  set_row_text (self->community_row, anju_record_get_string (self->entry, "community"));
  set_row_text (self->rating_row, anju_record_get_string (self->entry, "rating"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            description != NULL ? description : "", -1);
  self->photo_file_id = anju_record_get_int (self->entry, "photo_file_id", 0);
}

static void
fill_categories (AnjuHonorEntryDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *codes = anju_honor_category_codes ();

  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (labels, anju_honor_category_label (codes[i]));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (labels));
}

static void
anju_honor_entry_dialog_constructed (GObject *object)
{
  AnjuHonorEntryDialog *self = ANJU_HONOR_ENTRY_DIALOG (object);

  G_OBJECT_CLASS (anju_honor_entry_dialog_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  fill_categories (self);
  if (self->entry != NULL)
    {
      fill_from_entry (self);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Honor Roll Entry"));
      gtk_button_set_label (self->save_button, _("_Save"));
    }
  else
    {
      select_category (self, self->category);
      gtk_spin_button_set_value (self->rank_spin, (double) MAX (self->rank, 1));
      gtk_window_set_title (GTK_WINDOW (self), _("New Honor Roll Entry"));
      gtk_button_set_label (self->save_button, _("_Add"));
    }
  category_changed_cb (self);

  if (self->photo_file_id > 0)
    load_photo (self);
  update_save_button (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
anju_honor_entry_dialog_dispose (GObject *object)
{
  AnjuHonorEntryDialog *self = ANJU_HONOR_ENTRY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_HONOR_ENTRY_DIALOG);

  G_OBJECT_CLASS (anju_honor_entry_dialog_parent_class)->dispose (object);
}

static void
anju_honor_entry_dialog_finalize (GObject *object)
{
  AnjuHonorEntryDialog *self = ANJU_HONOR_ENTRY_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->entry);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->category, g_free);

  G_OBJECT_CLASS (anju_honor_entry_dialog_parent_class)->finalize (object);
}

static void
anju_honor_entry_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AnjuHonorEntryDialog *self = ANJU_HONOR_ENTRY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_RANK:
      g_value_set_int (value, self->rank);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_honor_entry_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AnjuHonorEntryDialog *self = ANJU_HONOR_ENTRY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_ENTRY:
      self->entry = g_value_dup_object (value);
      break;

    case PROP_CATEGORY:
      self->category = g_value_dup_string (value);
      break;

    case PROP_RANK:
      self->rank = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_honor_entry_dialog_class_init (AnjuHonorEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_honor_entry_dialog_constructed;
  object_class->dispose = anju_honor_entry_dialog_dispose;
  object_class->finalize = anju_honor_entry_dialog_finalize;
  object_class->get_property = anju_honor_entry_dialog_get_property;
  object_class->set_property = anju_honor_entry_dialog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL,
                         ANJU_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL,
                         "enterprise",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RANK] =
    g_param_spec_int ("rank", NULL, NULL,
                      1, G_MAXINT, 1,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuHonorEntryDialog::saved:
   * @record: the server's HonorEntry
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ANJU_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-honor-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, category_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, rank_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, rank_spin);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, rank_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, subtitle_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, subtitle_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, community_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, community_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, rating_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, rating_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, description_frame);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, description_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, photo_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, photo_file_id_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, remove_photo_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, photo_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, photo_status_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, photo_spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorEntryDialog, photo_picture);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, category_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_photo_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_photo_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
anju_honor_entry_dialog_init (AnjuHonorEntryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  self->slots[SLOT_CATEGORY] = (AnjuFieldSlot) { "category", GTK_WIDGET (self->category_row), GTK_WIDGET (self->category_error) };
  self->slots[SLOT_RANK] = (AnjuFieldSlot) { "rank", GTK_WIDGET (self->rank_row), GTK_WIDGET (self->rank_error) };
  self->slots[SLOT_NAME] = (AnjuFieldSlot) { "name", GTK_WIDGET (self->name_row), GTK_WIDGET (self->name_error) };
  self->slots[SLOT_SUBTITLE] = (AnjuFieldSlot) { "subtitle", GTK_WIDGET (self->subtitle_row), GTK_WIDGET (self->subtitle_error) };
  self->slots[SLOT_COMMUNITY] = (AnjuFieldSlot) { "community", GTK_WIDGET (self->community_row), GTK_WIDGET (self->community_error) };
  self->slots[SLOT_RATING] = (AnjuFieldSlot) { "rating", GTK_WIDGET (self->rating_row), GTK_WIDGET (self->rating_error) };
  self->slots[SLOT_DESCRIPTION] = (AnjuFieldSlot) { "description", self->description_frame, GTK_WIDGET (self->description_error) };
  self->slots[SLOT_PHOTO] = (AnjuFieldSlot) { "photo_file_id", self->photo_group, GTK_WIDGET (self->photo_file_id_error) };
}

GtkWidget *
anju_honor_entry_dialog_new (AnjuApiClient *client,
                             AnjuRecord    *entry,
                             const char    *category,
                             int            rank)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (entry == NULL || ANJU_IS_RECORD (entry), NULL);

  return g_object_new (ANJU_TYPE_HONOR_ENTRY_DIALOG,
                       "client", client,
                       "entry", entry,
                       "category", category != NULL ? category : "enterprise",
                       "rank", MAX (rank, 1),
                       NULL);
}

void
_anju_honor_entry_dialog_choose_photo (AnjuHonorEntryDialog *self,
                                       GFile                *file)
{
  g_return_if_fail (ANJU_IS_HONOR_ENTRY_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  start_upload (self, file);
}

gboolean
_anju_honor_entry_dialog_is_busy (AnjuHonorEntryDialog *self)
{
  g_return_val_if_fail (ANJU_IS_HONOR_ENTRY_DIALOG (self), FALSE);

  return self->photo_busy;
}

GdkPaintable *
_anju_honor_entry_dialog_get_photo (AnjuHonorEntryDialog *self)
{
  g_return_val_if_fail (ANJU_IS_HONOR_ENTRY_DIALOG (self), NULL);

  return gtk_picture_get_paintable (self->photo_picture);
}

GtkWidget *
_anju_honor_entry_dialog_get_field (AnjuHonorEntryDialog *self,
                                    const char           *field)
{
  g_return_val_if_fail (ANJU_IS_HONOR_ENTRY_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "rank"))
    return GTK_WIDGET (self->rank_spin);
  if (g_str_equal (field, "description"))
    return GTK_WIDGET (self->description_view);

  for (guint i = 0; i < N_SLOTS; i++)
    if (g_str_equal (self->slots[i].field, field))
      return self->slots[i].row;

  return NULL;
}

GtkWidget *
_anju_honor_entry_dialog_get_save_button (AnjuHonorEntryDialog *self)
{
  g_return_val_if_fail (ANJU_IS_HONOR_ENTRY_DIALOG (self), NULL);

  return GTK_WIDGET (self->save_button);
}

const char *
_anju_honor_entry_dialog_get_field_error (AnjuHonorEntryDialog *self,
                                          const char           *field)
{
  g_return_val_if_fail (ANJU_IS_HONOR_ENTRY_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < N_SLOTS; i++)
    if (g_str_equal (self->slots[i].field, field) && gtk_widget_get_visible (self->slots[i].label))
      return gtk_label_get_text (GTK_LABEL (self->slots[i].label));

  return NULL;
}

const char *
_anju_honor_entry_dialog_get_message (AnjuHonorEntryDialog *self)
{
  g_return_val_if_fail (ANJU_IS_HONOR_ENTRY_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (self->error_label));
}
