#include "config.h"

#include <glib/gi18n.h>

#include "anju-article-dialog-private.h"
#include "anju-content-labels.h"
#include "anju-date-picker.h"
#include "anju-error-message.h"
#include "anju-field-error.h"
#include "anju-file-row.h"
#include "anju-file-upload.h"
#include "anju-load-all.h"
#include "anju-paged-model.h"
#include "anju-string-list-editor.h"

/* The types docs/api.md ("Files") accepts, offered by the chooser. */
static const char * const accepted_types[] = {
  "application/pdf",
  "image/jpeg",
  "image/png",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/* Indentation of a target organisation per level below the root. */
#define TARGET_INDENT (18)

enum {
  SLOT_TITLE,
  SLOT_SUMMARY,
  SLOT_CATEGORY,
  SLOT_BODY,
  SLOT_TARGETS,
  SLOT_ATTACHMENTS,
  SLOT_GUIDE,
  SLOT_MATERIALS,
  SLOT_TIME_LIMIT,
  SLOT_STEPS,
  SLOT_DISPLAY_FROM,
  SLOT_DISPLAY_UNTIL,
  N_SLOTS
};

struct _AnjuArticleDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkButton            *save_button;
  GtkSpinner           *spinner;
  GtkLabel             *error_label;
  AdwEntryRow          *title_row;
  GtkLabel             *title_error;
  AdwEntryRow          *summary_row;
  GtkLabel             *summary_error;
  AdwEntryRow          *category_row;
  GtkLabel             *category_error;
  GtkWidget            *body_frame;
  GtkTextView          *body_view;
  GtkLabel             *body_error;
  AdwPreferencesGroup  *guide_group;
  GtkLabel             *guide_error;
  AdwActionRow         *time_limit_row;
  GtkSpinButton        *time_limit_spin;
  GtkLabel             *time_limit_error;
  AnjuStringListEditor *materials_editor;
  GtkLabel             *materials_error;
  AnjuStringListEditor *steps_editor;
  GtkLabel             *steps_error;
  AdwPreferencesGroup  *attachments_group;
  GtkLabel             *attachments_error;
  AdwPreferencesGroup  *targets_group;
  AdwExpanderRow       *targets_row;
  GtkLabel             *targets_error;
  AdwPreferencesGroup  *streets_group;
  GtkLabel             *streets_error;
  AdwPreferencesGroup  *display_group;
  AdwEntryRow          *display_from_row;
  GtkLabel             *display_from_error;
  AdwEntryRow          *display_until_row;
  GtkLabel             *display_until_error;

  /* Borrowed: rows the dialog added */
  GPtrArray            *attachment_rows;  /* (owned) of AdwActionRow with a File */
  GPtrArray            *target_checks;    /* (owned) of GtkCheckButton, parallel to target_ids */

  /* Owned */
  AnjuApiClient        *client;
  char                 *kind;
  AnjuRecord           *article;          /* (nullable) NULL when writing a new one */
  AnjuPagedModel       *organisations;
  GArray               *target_ids;       /* gint64 */
  GCancellable         *cancellable;      /* the uploads and the organisations */
  GCancellable         *save_cancellable; /* (nullable) the save in flight */
  guint                 n_pending;        /* uploads on their way */
  guint                 targets_loaded : 1;

  AnjuFieldSlot         slots[N_SLOTS];
};

G_DEFINE_FINAL_TYPE (AnjuArticleDialog, anju_article_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_KIND,
  PROP_ARTICLE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_creating (AnjuArticleDialog *self)
{
  return self->article == NULL;
}

static gboolean
is_guide (AnjuArticleDialog *self)
{
  return g_strcmp0 (self->kind, "guide") == 0;
}

/* Publicity and policy publicity: shown on the terminals for a period. */
static gboolean
is_terminal (AnjuArticleDialog *self)
{
  return anju_article_kind_is_terminal (self->kind);
}

static gboolean
is_publicity (AnjuArticleDialog *self)
{
  return g_strcmp0 (self->kind, "publicity") == 0;
}

static void
update_save_button (AnjuArticleDialog *self)
{
  gboolean saving = self->save_cancellable != NULL;

  /* An article saved while a file is still on its way would lose it. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !saving && self->n_pending == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), saving || self->n_pending > 0);
  gtk_spinner_set_spinning (self->spinner, saving || self->n_pending > 0);
}

static char *
stripped_text_of (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static char *
body_text (AnjuArticleDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Attachments */

static void
remove_attachment_clicked_cb (GtkButton         *button,
                              AnjuArticleDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);

  if (row == NULL || !g_ptr_array_remove (self->attachment_rows, row))
    return;

  adw_preferences_group_remove (self->attachments_group, row);
  gtk_widget_grab_focus (GTK_WIDGET (self->attachments_group));
}

static void
add_attachment_row (AnjuArticleDialog *self,
                    JsonObject        *file)
{
  GtkWidget *row = anju_file_row_new (file);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *name = anju_json_get_string (file, "name");
  g_autofree char *label = NULL;

  /* Translators: %1$s is a file name */
  label = g_strdup_printf (_("Remove “%1$s”"), name != NULL ? name : "");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_attachment_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  adw_preferences_group_add (self->attachments_group, row);
  g_ptr_array_add (self->attachment_rows, row);
}

static void
show_attachment_problem (AnjuArticleDialog *self,
                         const char        *message)
{
  gtk_label_set_text (self->attachments_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->attachments_error), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->attachments_group), "error");
}

static void
upload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GtkWidget) progress_row = user_data;
  g_autoptr(JsonObject) file = NULL;
  g_autoptr(GError) error = NULL;
  AnjuArticleDialog *self;
  g_autofree char *message = NULL;

  file = anju_file_upload_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The progress row holds the dialog for as long as the upload runs. */
  self = g_object_get_data (G_OBJECT (progress_row), "anju-dialog");
  g_assert (self->n_pending > 0);
  self->n_pending--;
  adw_preferences_group_remove (self->attachments_group, progress_row);
  update_save_button (self);

  if (file == NULL)
    {
      message = anju_file_upload_error_message (self->client,
                                                g_object_get_data (G_OBJECT (progress_row), "anju-name"),
                                                error);
      show_attachment_problem (self, message);
      return;
    }

  add_attachment_row (self, file);
}

static void
start_upload (AnjuArticleDialog *self,
              GFile             *file)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *escaped = g_markup_escape_text (name, -1);

  gtk_spinner_start (GTK_SPINNER (spinner));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), spinner);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Uploading…"));
  adw_preferences_group_add (self->attachments_group, row);
  g_object_set_data_full (G_OBJECT (row), "anju-dialog", g_object_ref (self), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "anju-name", g_steal_pointer (&name), g_free);

  gtk_widget_set_visible (GTK_WIDGET (self->attachments_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->attachments_group), "error");
  self->n_pending++;
  update_save_button (self);

  anju_file_upload_async (self->client, file, self->cancellable, upload_cb, g_object_ref (row));
}

static void
chooser_response_cb (GtkNativeDialog   *chooser,
                     int                response,
                     AnjuArticleDialog *self)
{
  /* The dialog may have been closed while the chooser was open. */
  if (response == GTK_RESPONSE_ACCEPT && !g_cancellable_is_cancelled (self->cancellable))
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      guint n_files = g_list_model_get_n_items (files);

      for (guint i = 0; i < n_files; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          start_upload (self, file);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
add_attachment_clicked_cb (AnjuArticleDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Add Attachments"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  gtk_file_filter_set_name (filter, _("Documents and images"));
  for (guint i = 0; i < G_N_ELEMENTS (accepted_types); i++)
    gtk_file_filter_add_mime_type (filter, accepted_types[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Target organisations */

static gboolean
article_targets (AnjuArticleDialog *self,
                 gint64             organisation_id)
{
  JsonArray *targets = self->article != NULL ? anju_record_get_member_array (self->article, "targets") : NULL;
  guint n_targets = targets != NULL ? json_array_get_length (targets) : 0;

  for (guint i = 0; i < n_targets; i++)
    {
      JsonNode *node = json_array_get_element (targets, i);

      if (JSON_NODE_HOLDS_OBJECT (node)
          && anju_json_get_int (json_node_get_object (node), "id", 0) == organisation_id)
        return TRUE;
    }

  return FALSE;
}

static void
update_targets_subtitle (AnjuArticleDialog *self)
{
  guint n_chosen = 0;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->target_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->target_checks, i)))
      n_chosen++;

  if (n_chosen == 0)
    subtitle = g_strdup (_("Everyone"));
  else
    /* Translators: %1$u is a number of organisations */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u organisation", "%1$u organisations", n_chosen),
                                n_chosen);
  adw_expander_row_set_subtitle (self->targets_row, subtitle);
}

/* "/1/3/12/" is three levels deep: the center is level one. */
static guint
depth_of (const char *path)
{
  guint depth = 0;

  for (const char *p = path != NULL ? path : ""; *p != '\0'; p++)
    if (*p == '/')
      depth++;

  return depth > 2 ? depth - 2 : 0;
}

static void
add_target_rows (AnjuArticleDialog *self)
{
  GListModel *organisations = G_LIST_MODEL (self->organisations);
  guint n_items = g_list_model_get_n_items (organisations);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnjuRecord) organisation = g_list_model_get_item (organisations, i);
      const char *name = anju_record_get_string (organisation, "name");
      g_autofree char *escaped = g_markup_escape_text (name != NULL ? name : "", -1);
      gint64 id = anju_record_get_id (organisation);
      guint depth = depth_of (anju_record_get_string (organisation, "path"));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      gtk_widget_set_margin_start (check, (int) (TARGET_INDENT * depth));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), article_targets (self, id));
      g_signal_connect_object (check, "toggled", G_CALLBACK (update_targets_subtitle), self, G_CONNECT_SWAPPED);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (self->targets_row, row);

      g_ptr_array_add (self->target_checks, check);
      g_array_append_val (self->target_ids, id);
    }

  self->targets_loaded = TRUE;
  update_targets_subtitle (self);
}

static void
organisations_loaded_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(AnjuArticleDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *subtitle = NULL;

  if (anju_load_all_finish (ANJU_PAGED_MODEL (object), result, &error))
    {
      add_target_rows (self);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Without the list the readers cannot be changed here; saving then
   * leaves them as they are (and a new article is for everyone). */
  reason = anju_error_message_for (error, anju_api_client_get_base_uri (self->client));
  /* Translators: %1$s says why the organisations could not be loaded */
  subtitle = g_strdup_printf (_("Unchanged: the organisations could not be loaded. %1$s"),
                              reason != NULL ? reason : "");
  adw_expander_row_set_subtitle (self->targets_row, subtitle);
  adw_expander_row_set_enable_expansion (self->targets_row, FALSE);
}

/* Form */

static void
fill_string_list (AnjuStringListEditor *editor,
                  JsonArray            *array)
{
  guint n_items = array != NULL ? json_array_get_length (array) : 0;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }

  items = g_strv_builder_end (builder);
  anju_string_list_editor_set_items (editor, (const char * const *) items);
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
set_date_row (AdwEntryRow *row,
              const char  *value)
{
  g_autofree char *date = anju_date_text_from_api (value);

  set_row_text (row, date);
}

static void
fill_from_article (AnjuArticleDialog *self)
{
  JsonArray *attachments = anju_record_get_member_array (self->article, "attachments");
  JsonObject *guide = anju_record_get_member_object (self->article, "guide");
  const char *body = anju_record_get_string (self->article, "body");
  guint n_attachments = attachments != NULL ? json_array_get_length (attachments) : 0;

  set_row_text (self->title_row, anju_record_get_string (self->article, "title"));
  set_row_text (self->summary_row, anju_record_get_string (self->article, "summary"));
  set_row_text (self->category_row, anju_record_get_string (self->article, "category"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), body != NULL ? body : "", -1);
  set_date_row (self->display_from_row, anju_record_get_string (self->article, "display_from"));
  set_date_row (self->display_until_row, anju_record_get_string (self->article, "display_until"));

  for (guint i = 0; i < n_attachments; i++)
    {
      JsonNode *node = json_array_get_element (attachments, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        add_attachment_row (self, json_node_get_object (node));
    }

  if (guide != NULL)
    {
      gtk_spin_button_set_value (self->time_limit_spin,
                                 (double) anju_json_get_int (guide, "time_limit_days", 0));
      fill_string_list (self->materials_editor, anju_json_get_array (guide, "materials"));
      fill_string_list (self->steps_editor, anju_json_get_array (guide, "steps"));
    }
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/* An optional text: left out of a new article when empty, and null to
 * clear it on an existing one. */
static void
add_optional_string (AnjuArticleDialog *self,
                     JsonBuilder       *builder,
                     const char        *member,
                     const char        *value)
{
  if (*value != '\0')
    add_string (builder, member, value);
  else if (!is_creating (self))
    {
      json_builder_set_member_name (builder, member);
      json_builder_add_null_value (builder);
    }
}

static void
add_string_array (JsonBuilder *builder,
                  const char  *member,
                  GStrv        items)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; items[i] != NULL; i++)
    json_builder_add_string_value (builder, items[i]);
  json_builder_end_array (builder);
}

static void
add_guide (AnjuArticleDialog *self,
           JsonBuilder       *builder)
{
  g_auto(GStrv) materials = anju_string_list_editor_dup_items (self->materials_editor);
  g_auto(GStrv) steps = anju_string_list_editor_dup_items (self->steps_editor);
  int days = gtk_spin_button_get_value_as_int (self->time_limit_spin);

  json_builder_set_member_name (builder, "guide");
  json_builder_begin_object (builder);
  add_string_array (builder, "materials", materials);
  json_builder_set_member_name (builder, "time_limit_days");
  if (days > 0)
    json_builder_add_int_value (builder, days);
  else
    json_builder_add_null_value (builder);
  add_string_array (builder, "steps", steps);
  json_builder_end_object (builder);
}

static void
add_ids (JsonBuilder *builder,
         const char  *member,
         GArray      *ids)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (ids, gint64, i));
  json_builder_end_array (builder);
}

static GArray *
chosen_target_ids (AnjuArticleDialog *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->target_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->target_checks, i)))
      g_array_append_val (ids, g_array_index (self->target_ids, gint64, i));

  return ids;
}

static GArray *
attachment_ids (AnjuArticleDialog *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->attachment_rows->len; i++)
    {
      gint64 id = anju_json_get_int (anju_file_row_get_file (g_ptr_array_index (self->attachment_rows, i)), "id", 0);

      g_array_append_val (ids, id);
    }

  return ids;
}

static JsonNode *
build_body (AnjuArticleDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *title = stripped_text_of (self->title_row);
  g_autofree char *summary = stripped_text_of (self->summary_row);
  g_autofree char *category = stripped_text_of (self->category_row);
  g_autofree char *body = body_text (self);
  g_autoptr(GArray) files = attachment_ids (self);

  json_builder_begin_object (builder);

  if (is_creating (self))
    add_string (builder, "kind", self->kind);
  add_string (builder, "title", title);
  add_optional_string (self, builder, "summary", summary);
  add_string (builder, "body", body);
  add_optional_string (self, builder, "category", category);
  if (self->targets_loaded)
    {
      g_autoptr(GArray) targets = chosen_target_ids (self);

      add_ids (builder, "target_org_ids", targets);
    }
  add_ids (builder, "attachment_ids", files);
  if (is_guide (self))
    add_guide (self, builder);
  if (is_terminal (self))
    {
      g_autofree char *from = stripped_text_of (self->display_from_row);
      g_autofree char *until = stripped_text_of (self->display_until_row);

      add_optional_string (self, builder, "display_from", from);
      add_optional_string (self, builder, "display_until", until);
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Typed dates must name days, the last not before the first. */
static gboolean
check_period (AnjuArticleDialog *self)
{
  g_autofree char *from = stripped_text_of (self->display_from_row);
  g_autofree char *until = stripped_text_of (self->display_until_row);
  gboolean ok = TRUE;

  if (!anju_date_text_is_valid (from))
    {
      anju_field_error_set (&self->slots[SLOT_DISPLAY_FROM], _("Enter a date as YYYY-MM-DD."));
      ok = FALSE;
    }
  if (!anju_date_text_is_valid (until))
    {
      anju_field_error_set (&self->slots[SLOT_DISPLAY_UNTIL], _("Enter a date as YYYY-MM-DD."));
      ok = FALSE;
    }
  else if (ok && *from != '\0' && *until != '\0' && g_strcmp0 (until, from) < 0)
    {
      anju_field_error_set (&self->slots[SLOT_DISPLAY_UNTIL], _("The last day is before the first day."));
      ok = FALSE;
    }

  return ok;
}

/* The server judges everything; only what is plainly missing or
 * malformed is said before asking it. */
static gboolean
check_input (AnjuArticleDialog *self)
{
  g_autofree char *title = stripped_text_of (self->title_row);
  g_autofree char *body = g_strstrip (body_text (self));
  gboolean ok = TRUE;

  if (is_terminal (self) && !check_period (self))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->display_from_row));
      ok = FALSE;
    }

  if (*body == '\0')
    {
      anju_field_error_set (&self->slots[SLOT_BODY], _("Write the text."));
      gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
      ok = FALSE;
    }
  if (*title == '\0')
    {
      anju_field_error_set (&self->slots[SLOT_TITLE], _("Enter a title."));
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      ok = FALSE;
    }

  return ok;
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AnjuApiClient *client = ANJU_API_CLIENT (object);
  g_autoptr(AnjuArticleDialog) self = user_data;
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
save_clicked_cb (AnjuArticleDialog *self)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  if (self->save_cancellable != NULL || self->n_pending > 0)
    return;

  anju_field_errors_clear (self->slots, N_SLOTS);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  if (!check_input (self))
    return;

  body = build_body (self);
  path = is_creating (self)
         ? g_strdup ("/api/v1/articles")
         : g_strdup_printf ("/api/v1/articles/%" G_GINT64_FORMAT, anju_record_get_id (self->article));

  self->save_cancellable = g_cancellable_new ();
  update_save_button (self);
  anju_api_client_request_async (self->client, is_creating (self) ? "POST" : "PATCH", path, body,
                                 self->save_cancellable, save_cb, g_object_ref (self));
}

static const char *
window_title (AnjuArticleDialog *self)
{
  gboolean creating = is_creating (self);

  if (g_strcmp0 (self->kind, "notice") == 0)
    return creating ? _("New Notice") : _("Edit Notice");
  if (is_publicity (self))
    return creating ? _("New Publicity") : _("Edit Publicity");
  if (g_strcmp0 (self->kind, "policy") == 0)
    return creating ? _("New Policy Publicity") : _("Edit Policy Publicity");
  if (is_guide (self))
    return creating ? _("New Business Guide") : _("Edit Business Guide");

  return creating ? _("New News Item") : _("Edit News Item");
}

/* Publicity is posted for streets (分配街道公示): choosing them comes
 * right after the title, open, instead of last. */
static void
move_targets_to_streets (AnjuArticleDialog *self)
{
  g_object_ref (self->targets_row);
  adw_preferences_group_remove (self->targets_group, GTK_WIDGET (self->targets_row));
  adw_preferences_group_add (self->streets_group, GTK_WIDGET (self->targets_row));
  g_object_unref (self->targets_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->targets_row), _("Streets and communities"));
  adw_expander_row_set_expanded (self->targets_row, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->targets_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->streets_group), TRUE);
  self->slots[SLOT_TARGETS].label = GTK_WIDGET (self->streets_error);
}

static void
anju_article_dialog_constructed (GObject *object)
{
  AnjuArticleDialog *self = ANJU_ARTICLE_DIALOG (object);

  G_OBJECT_CLASS (anju_article_dialog_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));
  g_assert (self->kind != NULL);

  gtk_window_set_title (GTK_WINDOW (self), window_title (self));
  gtk_button_set_label (self->save_button, is_creating (self) ? _("Save as _Draft") : _("_Save"));
  gtk_widget_set_visible (GTK_WIDGET (self->guide_group), is_guide (self));
  gtk_widget_set_visible (GTK_WIDGET (self->materials_editor), is_guide (self));
  gtk_widget_set_visible (GTK_WIDGET (self->steps_editor), is_guide (self));
  gtk_widget_set_visible (GTK_WIDGET (self->display_group), is_terminal (self));
  if (g_strcmp0 (self->kind, "policy") == 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->category_row), _("Policy area"));
  if (is_publicity (self))
    move_targets_to_streets (self);

  if (!is_creating (self))
    fill_from_article (self);

  adw_expander_row_set_subtitle (self->targets_row, _("Loading…"));
  self->organisations = anju_paged_model_new (self->client, "/api/v1/organisations", ANJU_LOAD_ALL_PAGE_SIZE);
  anju_load_all_async (self->organisations, self->cancellable, organisations_loaded_cb, g_object_ref (self));

  update_save_button (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
anju_article_dialog_dispose (GObject *object)
{
  AnjuArticleDialog *self = ANJU_ARTICLE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_ARTICLE_DIALOG);
  if (self->attachment_rows != NULL)
    g_ptr_array_set_size (self->attachment_rows, 0);
  if (self->target_checks != NULL)
    g_ptr_array_set_size (self->target_checks, 0);
  g_clear_object (&self->organisations);

  G_OBJECT_CLASS (anju_article_dialog_parent_class)->dispose (object);
}

static void
anju_article_dialog_finalize (GObject *object)
{
  AnjuArticleDialog *self = ANJU_ARTICLE_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->article);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->target_ids, g_array_unref);
  g_clear_pointer (&self->attachment_rows, g_ptr_array_unref);
  g_clear_pointer (&self->target_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (anju_article_dialog_parent_class)->finalize (object);
}

static void
anju_article_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnjuArticleDialog *self = ANJU_ARTICLE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_article_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AnjuArticleDialog *self = ANJU_ARTICLE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;

    case PROP_ARTICLE:
      self->article = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_article_dialog_class_init (AnjuArticleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_article_dialog_constructed;
  object_class->dispose = anju_article_dialog_dispose;
  object_class->finalize = anju_article_dialog_finalize;
  object_class->get_property = anju_article_dialog_get_property;
  object_class->set_property = anju_article_dialog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         ANJU_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuArticleDialog::saved:
   * @record: the server's Article
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ANJU_TYPE_RECORD);

  g_type_ensure (ANJU_TYPE_STRING_LIST_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-article-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, title_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, summary_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, category_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, body_frame);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, body_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, body_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, guide_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, guide_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, time_limit_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, time_limit_spin);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, time_limit_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, materials_editor);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, materials_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, steps_editor);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, steps_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, attachments_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, attachments_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, targets_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, targets_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, targets_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, streets_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, streets_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, display_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, display_from_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, display_from_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, display_until_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleDialog, display_until_error);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_attachment_clicked_cb);
}

static void
anju_article_dialog_init (AnjuArticleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->attachment_rows = g_ptr_array_new ();
  self->target_checks = g_ptr_array_new ();
  self->target_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->slots[SLOT_TITLE] = (AnjuFieldSlot) { "title", GTK_WIDGET (self->title_row), GTK_WIDGET (self->title_error) };
  self->slots[SLOT_SUMMARY] = (AnjuFieldSlot) { "summary", GTK_WIDGET (self->summary_row), GTK_WIDGET (self->summary_error) };
  self->slots[SLOT_CATEGORY] = (AnjuFieldSlot) { "category", GTK_WIDGET (self->category_row), GTK_WIDGET (self->category_error) };
  self->slots[SLOT_BODY] = (AnjuFieldSlot) { "body", self->body_frame, GTK_WIDGET (self->body_error) };
  self->slots[SLOT_TARGETS] = (AnjuFieldSlot) { "target_org_ids", GTK_WIDGET (self->targets_row), GTK_WIDGET (self->targets_error) };
  self->slots[SLOT_ATTACHMENTS] = (AnjuFieldSlot) { "attachment_ids", GTK_WIDGET (self->attachments_group), GTK_WIDGET (self->attachments_error) };
  self->slots[SLOT_GUIDE] = (AnjuFieldSlot) { "guide", GTK_WIDGET (self->guide_group), GTK_WIDGET (self->guide_error) };
  self->slots[SLOT_MATERIALS] = (AnjuFieldSlot) { "guide.materials", GTK_WIDGET (self->materials_editor), GTK_WIDGET (self->materials_error) };
  self->slots[SLOT_TIME_LIMIT] = (AnjuFieldSlot) { "guide.time_limit_days", GTK_WIDGET (self->time_limit_row), GTK_WIDGET (self->time_limit_error) };
  self->slots[SLOT_STEPS] = (AnjuFieldSlot) { "guide.steps", GTK_WIDGET (self->steps_editor), GTK_WIDGET (self->steps_error) };
  self->slots[SLOT_DISPLAY_FROM] = (AnjuFieldSlot) { "display_from", GTK_WIDGET (self->display_from_row), GTK_WIDGET (self->display_from_error) };
  self->slots[SLOT_DISPLAY_UNTIL] = (AnjuFieldSlot) { "display_until", GTK_WIDGET (self->display_until_row), GTK_WIDGET (self->display_until_error) };

  anju_date_picker_attach (self->display_from_row, _("Choose the first day"));
  anju_date_picker_attach (self->display_until_row, _("Choose the last day"));
}

GtkWidget *
anju_article_dialog_new (AnjuApiClient *client,
                         const char    *kind,
                         AnjuRecord    *article)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (article == NULL || ANJU_IS_RECORD (article), NULL);

  return g_object_new (ANJU_TYPE_ARTICLE_DIALOG,
                       "client", client,
                       "kind", kind,
                       "article", article,
                       NULL);
}

void
_anju_article_dialog_add_file (AnjuArticleDialog *self,
                               GFile             *file)
{
  g_return_if_fail (ANJU_IS_ARTICLE_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  start_upload (self, file);
}

guint
_anju_article_dialog_get_n_pending (AnjuArticleDialog *self)
{
  g_return_val_if_fail (ANJU_IS_ARTICLE_DIALOG (self), 0);

  return self->n_pending;
}

guint
_anju_article_dialog_get_n_attachments (AnjuArticleDialog *self)
{
  g_return_val_if_fail (ANJU_IS_ARTICLE_DIALOG (self), 0);

  return self->attachment_rows->len;
}

GtkWidget *
_anju_article_dialog_get_field (AnjuArticleDialog *self,
                                const char        *field)
{
  g_return_val_if_fail (ANJU_IS_ARTICLE_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "body"))
    return GTK_WIDGET (self->body_view);

  for (guint i = 0; i < N_SLOTS; i++)
    if (g_str_equal (self->slots[i].field, field))
      return self->slots[i].row;

  return NULL;
}

GtkWidget *
_anju_article_dialog_get_target_check (AnjuArticleDialog *self,
                                       const char        *organisation_name)
{
  guint n_items;

  g_return_val_if_fail (ANJU_IS_ARTICLE_DIALOG (self), NULL);
  g_return_val_if_fail (organisation_name != NULL, NULL);

  if (!self->targets_loaded)
    return NULL;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->organisations));
  for (guint i = 0; i < n_items && i < self->target_checks->len; i++)
    {
      g_autoptr(AnjuRecord) organisation = g_list_model_get_item (G_LIST_MODEL (self->organisations), i);

      if (g_strcmp0 (anju_record_get_string (organisation, "name"), organisation_name) == 0)
        return g_ptr_array_index (self->target_checks, i);
    }

  return NULL;
}

GtkWidget *
_anju_article_dialog_get_save_button (AnjuArticleDialog *self)
{
  g_return_val_if_fail (ANJU_IS_ARTICLE_DIALOG (self), NULL);

  return GTK_WIDGET (self->save_button);
}

const char *
_anju_article_dialog_get_message (AnjuArticleDialog *self)
{
  g_return_val_if_fail (ANJU_IS_ARTICLE_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;

  return gtk_label_get_text (self->error_label);
}

const char *
_anju_article_dialog_get_field_error (AnjuArticleDialog *self,
                                      const char        *field)
{
  g_return_val_if_fail (ANJU_IS_ARTICLE_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < N_SLOTS; i++)
    {
      if (g_str_equal (self->slots[i].field, field)
          && gtk_widget_get_visible (self->slots[i].label))
        return gtk_label_get_text (GTK_LABEL (self->slots[i].label));
    }

  return NULL;
}
