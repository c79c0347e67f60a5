#include "config.h"

#include <glib/gi18n.h>

#include "anju-content-labels.h"
#include "anju-display-time.h"
#include "anju-feedback-reply-dialog-private.h"
#include "anju-field-error.h"

enum {
  SLOT_REPLY,
  N_SLOTS
};

struct _AnjuFeedbackReplyDialog
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkButton     *save_button;
  GtkSpinner    *spinner;
  GtkLabel      *error_label;
  GtkLabel      *feedback_title_label;
  GtkLabel      *feedback_meta_label;
  GtkLabel      *feedback_content_label;
  GtkWidget     *reply_frame;
  GtkTextView   *reply_view;
  GtkLabel      *reply_error;

  /* Owned */
  AnjuApiClient *client;
  AnjuRecord    *feedback;
  GCancellable  *cancellable;   /* (nullable) the reply in flight */

  AnjuFieldSlot  slots[N_SLOTS];
};

G_DEFINE_FINAL_TYPE (AnjuFeedbackReplyDialog, anju_feedback_reply_dialog, ADW_TYPE_WINDOW)

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

static void
set_busy (AnjuFeedbackReplyDialog *self,
          gboolean                 busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static char *
reply_text (AnjuFeedbackReplyDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->reply_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AnjuApiClient *client = ANJU_API_CLIENT (object);
  g_autoptr(AnjuFeedbackReplyDialog) self = user_data;
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
send_clicked_cb (AnjuFeedbackReplyDialog *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *reply = NULL;
  g_autofree char *path = NULL;

  if (self->cancellable != NULL)
    return;

  anju_field_errors_clear (self->slots, N_SLOTS);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  reply = reply_text (self);
  if (*reply == '\0')
    {
      anju_field_error_set (&self->slots[SLOT_REPLY], _("Write the reply."));
      gtk_widget_grab_focus (GTK_WIDGET (self->reply_view));
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "reply");
  json_builder_add_string_value (builder, reply);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = g_strdup_printf ("/api/v1/feedback/%" G_GINT64_FORMAT "/reply", anju_record_get_id (self->feedback));
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  anju_api_client_request_async (self->client, "POST", path, body, self->cancellable,
                                 sent_cb, g_object_ref (self));
}

static void
show_feedback (AnjuFeedbackReplyDialog *self)
{
  const char *title = anju_record_get_string (self->feedback, "title");
  const char *content = anju_record_get_string (self->feedback, "content");
  const char *author = anju_record_get_path_string (self->feedback, "author.name");
  const char *organisation = anju_record_get_path_string (self->feedback, "organisation.name");
  g_autofree char *submitted = anju_display_time (anju_record_get_string (self->feedback, "created_at"));
  g_autofree char *meta = NULL;

  /* Translators: %1$s is a kind of feedback, %2$s a person's name, %3$s
   * an organisation, %4$s a date and time */
  meta = g_strdup_printf (_("%1$s · from %2$s, %3$s · %4$s"),
                          anju_feedback_type_label (anju_record_get_string (self->feedback, "type")),
                          author != NULL ? author : "", organisation != NULL ? organisation : "",
                          submitted != NULL ? submitted : "");
  gtk_label_set_text (self->feedback_title_label, title != NULL ? title : "");
  gtk_label_set_text (self->feedback_meta_label, meta);
  gtk_label_set_text (self->feedback_content_label, content != NULL ? content : "");
}

static void
anju_feedback_reply_dialog_constructed (GObject *object)
{
  AnjuFeedbackReplyDialog *self = ANJU_FEEDBACK_REPLY_DIALOG (object);

  G_OBJECT_CLASS (anju_feedback_reply_dialog_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));
  g_assert (ANJU_IS_RECORD (self->feedback));

  gtk_window_set_title (GTK_WINDOW (self), _("Reply to Feedback"));
  gtk_button_set_label (self->save_button, _("Send _Reply"));
  show_feedback (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->reply_view));
}

static void
anju_feedback_reply_dialog_dispose (GObject *object)
{
  AnjuFeedbackReplyDialog *self = ANJU_FEEDBACK_REPLY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_FEEDBACK_REPLY_DIALOG);

  G_OBJECT_CLASS (anju_feedback_reply_dialog_parent_class)->dispose (object);
}

static void
anju_feedback_reply_dialog_finalize (GObject *object)
{
  AnjuFeedbackReplyDialog *self = ANJU_FEEDBACK_REPLY_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->feedback);

  G_OBJECT_CLASS (anju_feedback_reply_dialog_parent_class)->finalize (object);
}

static void
anju_feedback_reply_dialog_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  AnjuFeedbackReplyDialog *self = ANJU_FEEDBACK_REPLY_DIALOG (object);

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
anju_feedback_reply_dialog_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  AnjuFeedbackReplyDialog *self = ANJU_FEEDBACK_REPLY_DIALOG (object);

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
anju_feedback_reply_dialog_class_init (AnjuFeedbackReplyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_feedback_reply_dialog_constructed;
  object_class->dispose = anju_feedback_reply_dialog_dispose;
  object_class->finalize = anju_feedback_reply_dialog_finalize;
  object_class->get_property = anju_feedback_reply_dialog_get_property;
  object_class->set_property = anju_feedback_reply_dialog_set_property;

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
   * AnjuFeedbackReplyDialog::saved:
   * @record: the server's Feedback, replied
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ANJU_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-feedback-reply-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackReplyDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackReplyDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackReplyDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackReplyDialog, feedback_title_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackReplyDialog, feedback_meta_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackReplyDialog, feedback_content_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackReplyDialog, reply_frame);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackReplyDialog, reply_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackReplyDialog, reply_error);
  gtk_widget_class_bind_template_callback (widget_class, send_clicked_cb);
}

static void
anju_feedback_reply_dialog_init (AnjuFeedbackReplyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->slots[SLOT_REPLY] = (AnjuFieldSlot) { "reply", self->reply_frame, GTK_WIDGET (self->reply_error) };
}

GtkWidget *
anju_feedback_reply_dialog_new (AnjuApiClient *client,
                                AnjuRecord    *feedback)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (ANJU_IS_RECORD (feedback), NULL);

  return g_object_new (ANJU_TYPE_FEEDBACK_REPLY_DIALOG,
                       "client", client,
                       "feedback", feedback,
                       NULL);
}

GtkTextView *
_anju_feedback_reply_dialog_get_reply_view (AnjuFeedbackReplyDialog *self)
{
  g_return_val_if_fail (ANJU_IS_FEEDBACK_REPLY_DIALOG (self), NULL);

  return self->reply_view;
}

GtkWidget *
_anju_feedback_reply_dialog_get_send_button (AnjuFeedbackReplyDialog *self)
{
  g_return_val_if_fail (ANJU_IS_FEEDBACK_REPLY_DIALOG (self), NULL);

  return GTK_WIDGET (self->save_button);
}
