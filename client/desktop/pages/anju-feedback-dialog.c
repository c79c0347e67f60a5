#include "config.h"

#include <glib/gi18n.h>

#include "anju-content-labels.h"
#include "anju-feedback-dialog-private.h"
#include "anju-field-error.h"

enum {
  SLOT_TYPE,
  SLOT_TITLE,
  SLOT_CONTENT,
  N_SLOTS
};

struct _AnjuFeedbackDialog
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkButton     *save_button;
  GtkSpinner    *spinner;
  GtkLabel      *error_label;
  AdwComboRow   *type_row;
  GtkLabel      *type_error;
  AdwEntryRow   *title_row;
  GtkLabel      *title_error;
  GtkWidget     *content_frame;
  GtkTextView   *content_view;
  GtkLabel      *content_error;

  /* Owned */
  AnjuApiClient *client;
  AnjuRecord    *feedback;      /* (nullable) NULL when submitting */
  GCancellable  *cancellable;   /* (nullable) the save in flight */

  AnjuFieldSlot  slots[N_SLOTS];
};

G_DEFINE_FINAL_TYPE (AnjuFeedbackDialog, anju_feedback_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_FEEDBACK,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_creating (AnjuFeedbackDialog *self)
{
  return self->feedback == NULL;
}

static void
set_busy (AnjuFeedbackDialog *self,
          gboolean            busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static char *
content_text (AnjuFeedbackDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->content_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static const char *
selected_type (AnjuFeedbackDialog *self)
{
  const char * const *types = anju_feedback_type_codes ();
  guint position = adw_combo_row_get_selected (self->type_row);

  return position < g_strv_length ((char **) types) ? types[position] : NULL;
}

static gboolean
check_input (AnjuFeedbackDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *content = content_text (self);
  gboolean ok = TRUE;

  if (*title == '\0')
    {
      anju_field_error_set (&self->slots[SLOT_TITLE], _("Enter a title."));
      ok = FALSE;
    }
  if (*content == '\0')
    {
      anju_field_error_set (&self->slots[SLOT_CONTENT], _("Write what you would like to tell us."));
      ok = FALSE;
    }

  return ok;
}

static JsonNode *
build_body (AnjuFeedbackDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *content = content_text (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, selected_type (self));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AnjuApiClient *client = ANJU_API_CLIENT (object);
  g_autoptr(AnjuFeedbackDialog) self = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(AnjuRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  node = anju_api_client_request_finish (client, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  record = anju_field_errors_saved_record (self->slots, N_SLOTS, client, node, error, self->error_label);
  if (record == NULL)
    return;

  g_signal_emit (self, signals[SAVED], 0, record);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (AnjuFeedbackDialog *self)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  if (self->cancellable != NULL)
    return;

  anju_field_errors_clear (self->slots, N_SLOTS);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (!check_input (self))
    return;

  body = build_body (self);
  path = is_creating (self)
         ? g_strdup ("/api/v1/feedback")
         : g_strdup_printf ("/api/v1/feedback/%" G_GINT64_FORMAT, anju_record_get_id (self->feedback));

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  anju_api_client_request_async (self->client, is_creating (self) ? "POST" : "PATCH", path, body,
                                 self->cancellable, save_cb, g_object_ref (self));
}

static void
fill_types (AnjuFeedbackDialog *self)
{
  const char * const *types = anju_feedback_type_codes ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; types[i] != NULL; i++)
    gtk_string_list_append (labels, anju_feedback_type_label (types[i]));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (labels));
}

static void
fill_from_feedback (AnjuFeedbackDialog *self)
{
  const char * const *types = anju_feedback_type_codes ();
  const char *type = anju_record_get_string (self->feedback, "type");
  const char *title = anju_record_get_string (self->feedback, "title");
  const char *content = anju_record_get_string (self->feedback, "content");

  for (guint i = 0; types[i] != NULL; i++)
    if (g_strcmp0 (types[i], type) == 0)
      adw_combo_row_set_selected (self->type_row, i);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title != NULL ? title : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->content_view), content != NULL ? content : "", -1);
}

static void
anju_feedback_dialog_constructed (GObject *object)
{
  AnjuFeedbackDialog *self = ANJU_FEEDBACK_DIALOG (object);

  G_OBJECT_CLASS (anju_feedback_dialog_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  fill_types (self);
  if (is_creating (self))
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Feedback"));
      gtk_button_set_label (self->save_button, _("_Submit"));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Feedback"));
      gtk_button_set_label (self->save_button, _("_Save"));
      fill_from_feedback (self);
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
anju_feedback_dialog_dispose (GObject *object)
{
  AnjuFeedbackDialog *self = ANJU_FEEDBACK_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_FEEDBACK_DIALOG);

  G_OBJECT_CLASS (anju_feedback_dialog_parent_class)->dispose (object);
}

static void
anju_feedback_dialog_finalize (GObject *object)
{
  AnjuFeedbackDialog *self = ANJU_FEEDBACK_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->feedback);

  G_OBJECT_CLASS (anju_feedback_dialog_parent_class)->finalize (object);
}

static void
anju_feedback_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AnjuFeedbackDialog *self = ANJU_FEEDBACK_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_FEEDBACK:
      g_value_set_object (value, self->feedback);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_feedback_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AnjuFeedbackDialog *self = ANJU_FEEDBACK_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_FEEDBACK:
      self->feedback = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_feedback_dialog_class_init (AnjuFeedbackDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_feedback_dialog_constructed;
  object_class->dispose = anju_feedback_dialog_dispose;
  object_class->finalize = anju_feedback_dialog_finalize;
  object_class->get_property = anju_feedback_dialog_get_property;
  object_class->set_property = anju_feedback_dialog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FEEDBACK] =
    g_param_spec_object ("feedback", NULL, NULL,
                         ANJU_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuFeedbackDialog::saved:
   * @record: the server's Feedback
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ANJU_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-feedback-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackDialog, type_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackDialog, title_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackDialog, content_frame);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackDialog, content_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackDialog, content_error);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
anju_feedback_dialog_init (AnjuFeedbackDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->slots[SLOT_TYPE] = (AnjuFieldSlot) { "type", GTK_WIDGET (self->type_row), GTK_WIDGET (self->type_error) };
  self->slots[SLOT_TITLE] = (AnjuFieldSlot) { "title", GTK_WIDGET (self->title_row), GTK_WIDGET (self->title_error) };
  self->slots[SLOT_CONTENT] = (AnjuFieldSlot) { "content", self->content_frame, GTK_WIDGET (self->content_error) };
}

GtkWidget *
anju_feedback_dialog_new (AnjuApiClient *client,
                          AnjuRecord    *feedback)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (feedback == NULL || ANJU_IS_RECORD (feedback), NULL);

  return g_object_new (ANJU_TYPE_FEEDBACK_DIALOG,
                       "client", client,
                       "feedback", feedback,
                       NULL);
}

GtkWidget *
_anju_feedback_dialog_get_field (AnjuFeedbackDialog *self,
                                 const char         *field)
{
  g_return_val_if_fail (ANJU_IS_FEEDBACK_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "content"))
    return GTK_WIDGET (self->content_view);

  for (guint i = 0; i < N_SLOTS; i++)
    if (g_str_equal (self->slots[i].field, field))
      return self->slots[i].row;

  return NULL;
}

GtkWidget *
_anju_feedback_dialog_get_save_button (AnjuFeedbackDialog *self)
{
  g_return_val_if_fail (ANJU_IS_FEEDBACK_DIALOG (self), NULL);

  return GTK_WIDGET (self->save_button);
}

const char *
_anju_feedback_dialog_get_field_error (AnjuFeedbackDialog *self,
                                       const char         *field)
{
  g_return_val_if_fail (ANJU_IS_FEEDBACK_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < N_SLOTS; i++)
    {
      if (g_str_equal (self->slots[i].field, field)
          && gtk_widget_get_visible (self->slots[i].label))
        return gtk_label_get_text (GTK_LABEL (self->slots[i].label));
    }

  return NULL;
}

const char *
_anju_feedback_dialog_get_message (AnjuFeedbackDialog *self)
{
  g_return_val_if_fail (ANJU_IS_FEEDBACK_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
         ? gtk_label_get_text (self->error_label) : NULL;
}
