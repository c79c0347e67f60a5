/* anju-send-message-dialog.c: write a message to organisations and people. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-field-error.h"
#include "anju-permissions.h"
#include "anju-recipient-picker.h"
#include "anju-send-message-dialog.h"

enum {
  SLOT_TITLE,
  SLOT_BODY,
  SLOT_ORG_IDS,
  SLOT_USER_IDS,
  N_SLOTS
};

struct _AnjuSendMessageDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkSpinner           *spinner;
  GtkLabel             *error_label;
  AdwEntryRow          *title_row;
  GtkLabel             *title_error;
  GtkFrame             *body_frame;
  GtkTextView          *body_view;
  GtkLabel             *body_error;
  GtkSwitch            *sms_switch;
  AdwPreferencesGroup  *recipients_group;
  GtkLabel             *recipients_error;

  /* Borrowed: children of recipients_group, NULL when the sender may not
   * list that kind of recipient */
  AnjuRecipientPicker  *organisations;
  AnjuRecipientPicker  *users;

  /* Owned */
  AnjuApiClient        *client;       /* (owned) */
  GCancellable         *cancellable;  /* (owned) (nullable) the send in flight */

  /* Where the server's field messages go */
  AnjuFieldSlot         slots[N_SLOTS];
};

G_DEFINE_FINAL_TYPE (AnjuSendMessageDialog, anju_send_message_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

enum {
  SENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
title_text (AnjuSendMessageDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
}

static char *
body_text (AnjuSendMessageDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static guint
n_chosen (AnjuRecipientPicker *picker)
{
  return picker != NULL ? anju_recipient_picker_get_n_chosen (picker) : 0;
}

static void
set_busy (AnjuSendMessageDialog *self,
          gboolean               busy)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "message.send", !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

/* What the server refuses anyway, said first and all at once. */
static gboolean
check_input (AnjuSendMessageDialog *self)
{
  g_autofree char *title = title_text (self);
  g_autofree char *body = body_text (self);
  gboolean ok = TRUE;

  if (*title == '\0')
    {
      anju_field_error_set (&self->slots[SLOT_TITLE], _("Enter a title."));
      ok = FALSE;
    }

  if (*body == '\0')
    {
      anju_field_error_set (&self->slots[SLOT_BODY], _("Enter the text of the message."));
      ok = FALSE;
    }

  if (n_chosen (self->organisations) + n_chosen (self->users) == 0)
    {
      anju_field_error_set (&self->slots[self->organisations != NULL ? SLOT_ORG_IDS : SLOT_USER_IDS],
                            _("Choose at least one organisation or person."));
      ok = FALSE;
    }

  return ok;
}

static void
add_ids (JsonBuilder         *builder,
         const char          *member,
         AnjuRecipientPicker *picker)
{
  g_autoptr(GArray) ids = picker != NULL ? anju_recipient_picker_get_chosen_ids (picker) : NULL;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (ids, gint64, i));
  json_builder_end_array (builder);
}

static JsonNode *
build_body (AnjuSendMessageDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *title = title_text (self);
  g_autofree char *body = body_text (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, body);
  add_ids (builder, "user_ids", self->users);
  add_ids (builder, "org_ids", self->organisations);
  json_builder_set_member_name (builder, "sms");
  json_builder_add_boolean_value (builder, gtk_switch_get_active (self->sms_switch));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static guint
count_member (JsonObject *answer,
              const char *member)
{
  gint64 value = anju_json_get_int (answer, member, 0);

  return (guint) CLAMP (value, 0, G_MAXUINT32);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AnjuApiClient *client = ANJU_API_CLIENT (object);
  g_autoptr(AnjuSendMessageDialog) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(AnjuRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *sent;

  answer = anju_api_client_request_finish (client, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  record = anju_field_errors_saved_record (self->slots, N_SLOTS, client, answer, error, self->error_label);
  if (record == NULL)
    return;

  sent = anju_record_get_object (record);
  g_signal_emit (self, signals[SENT], 0,
                 count_member (sent, "recipients"), count_member (sent, "sms_queued"));
  gtk_window_close (GTK_WINDOW (self));
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuSendMessageDialog *self = ANJU_SEND_MESSAGE_DIALOG (widget);
  g_autoptr(JsonNode) body = NULL;

  if (self->cancellable != NULL)
    return;

  anju_field_errors_clear (self->slots, N_SLOTS);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  if (!check_input (self))
    return;

  body = build_body (self);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  anju_api_client_request_async (self->client, "POST", "/api/v1/messages", body,
                                 self->cancellable, send_cb, g_object_ref (self));
}

/* A message about a field goes once the field is edited: it was about
 * what the field held. */
static void
title_changed_cb (AnjuSendMessageDialog *self)
{
  anju_field_error_set (&self->slots[SLOT_TITLE], NULL);
}

static void
body_changed_cb (AnjuSendMessageDialog *self)
{
  anju_field_error_set (&self->slots[SLOT_BODY], NULL);
}

static void
recipients_changed_cb (AnjuSendMessageDialog *self)
{
  if (n_chosen (self->organisations) + n_chosen (self->users) > 0)
    {
      anju_field_error_set (&self->slots[SLOT_ORG_IDS], NULL);
      anju_field_error_set (&self->slots[SLOT_USER_IDS], NULL);
    }
}

static AnjuRecipientPicker *
add_picker (AnjuSendMessageDialog *self,
            AnjuRecipientKind      kind)
{
  GtkWidget *picker = anju_recipient_picker_new (self->client, kind);

  gtk_widget_set_margin_top (picker, 12);
  g_signal_connect_object (picker, "changed", G_CALLBACK (recipients_changed_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->recipients_group, picker);
  return ANJU_RECIPIENT_PICKER (picker);
}

static void
anju_send_message_dialog_constructed (GObject *object)
{
  AnjuSendMessageDialog *self = ANJU_SEND_MESSAGE_DIALOG (object);
  GtkWidget *missing;

  G_OBJECT_CLASS (anju_send_message_dialog_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  /* Only the lists the sender may read: the server would refuse the
   * others, and a list that cannot load helps nobody. */
  if (anju_api_client_has_permission (self->client, ANJU_PERM_ORG_READ))
    self->organisations = add_picker (self, ANJU_RECIPIENT_ORGANISATIONS);
  if (anju_api_client_has_permission (self->client, ANJU_PERM_USER_READ))
    self->users = add_picker (self, ANJU_RECIPIENT_USERS);

  if (self->organisations == NULL && self->users == NULL)
    {
      missing = gtk_label_new (_("You may not list organisations or people, so there is no one to choose."));
      gtk_label_set_wrap (GTK_LABEL (missing), TRUE);
      gtk_widget_add_css_class (missing, "dim-label");
      adw_preferences_group_add (self->recipients_group, missing);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "message.send", FALSE);
    }

  self->slots[SLOT_ORG_IDS] = (AnjuFieldSlot) {
    "org_ids",
    self->organisations != NULL ? GTK_WIDGET (self->organisations) : GTK_WIDGET (self->recipients_group),
    GTK_WIDGET (self->recipients_error)
  };
  self->slots[SLOT_USER_IDS] = (AnjuFieldSlot) {
    "user_ids",
    self->users != NULL ? GTK_WIDGET (self->users) : GTK_WIDGET (self->recipients_group),
    GTK_WIDGET (self->recipients_error)
  };

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
anju_send_message_dialog_dispose (GObject *object)
{
  AnjuSendMessageDialog *self = ANJU_SEND_MESSAGE_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->organisations = NULL;
  self->users = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_SEND_MESSAGE_DIALOG);

  G_OBJECT_CLASS (anju_send_message_dialog_parent_class)->dispose (object);
}

static void
anju_send_message_dialog_finalize (GObject *object)
{
  AnjuSendMessageDialog *self = ANJU_SEND_MESSAGE_DIALOG (object);

  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_send_message_dialog_parent_class)->finalize (object);
}

static void
anju_send_message_dialog_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AnjuSendMessageDialog *self = ANJU_SEND_MESSAGE_DIALOG (object);

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
anju_send_message_dialog_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  AnjuSendMessageDialog *self = ANJU_SEND_MESSAGE_DIALOG (object);

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
anju_send_message_dialog_class_init (AnjuSendMessageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_send_message_dialog_constructed;
  object_class->dispose = anju_send_message_dialog_dispose;
  object_class->finalize = anju_send_message_dialog_finalize;
  object_class->get_property = anju_send_message_dialog_get_property;
  object_class->set_property = anju_send_message_dialog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuSendMessageDialog::sent:
   * @recipients: how many people the message went to
   * @sms_queued: how many text messages wait to go out
   */
  signals[SENT] =
    g_signal_new ("sent",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-send-message-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuSendMessageDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuSendMessageDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuSendMessageDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuSendMessageDialog, title_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuSendMessageDialog, body_frame);
  gtk_widget_class_bind_template_child (widget_class, AnjuSendMessageDialog, body_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuSendMessageDialog, body_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuSendMessageDialog, sms_switch);
  gtk_widget_class_bind_template_child (widget_class, AnjuSendMessageDialog, recipients_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuSendMessageDialog, recipients_error);

  gtk_widget_class_install_action (widget_class, "message.send", NULL, send_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "message.send", NULL);
}

static void
anju_send_message_dialog_init (AnjuSendMessageDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->slots[SLOT_TITLE] = (AnjuFieldSlot) { "title", GTK_WIDGET (self->title_row), GTK_WIDGET (self->title_error) };
  self->slots[SLOT_BODY] = (AnjuFieldSlot) { "body", GTK_WIDGET (self->body_frame), GTK_WIDGET (self->body_error) };

  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (title_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (body_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
anju_send_message_dialog_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_SEND_MESSAGE_DIALOG, "client", client, NULL);
}
