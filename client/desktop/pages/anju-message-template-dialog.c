/* anju-message-template-dialog.c: edit the texts one event sends. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-field-error.h"
#include "anju-message-template-dialog-private.h"

/* The variable a button inserts (owned by the button). */
#define VARIABLE_KEY "anju-variable"

enum {
  SLOT_TITLE,
  SLOT_BODY,
  SLOT_SMS,
  N_SLOTS
};

struct _AnjuMessageTemplateDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkSpinner     *spinner;
  GtkLabel       *error_label;
  GtkFlowBox     *variables_box;
  AdwEntryRow    *title_row;
  GtkLabel       *title_error;
  GtkFrame       *body_frame;
  GtkTextView    *body_view;
  GtkLabel       *body_error;
  GtkFrame       *sms_frame;
  GtkTextView    *sms_view;
  GtkLabel       *sms_error;

  /* Borrowed: the field a variable goes into (title_row, body_view or
   * sms_view), the last one that had the focus */
  GtkWidget      *insert_target;

  /* Owned */
  AnjuApiClient  *client;       /* (owned) */
  AnjuRecord     *template;     /* (owned) */
  GCancellable   *cancellable;  /* (owned) (nullable) the request in flight */

  /* Where the server's field messages go */
  AnjuFieldSlot   slots[N_SLOTS];
};

G_DEFINE_FINAL_TYPE (AnjuMessageTemplateDialog, anju_message_template_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_TEMPLATE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
event_of (AnjuMessageTemplateDialog *self)
{
  return anju_record_get_string (self->template, "event");
}

static char *
text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_text_view_text (GtkTextView *view,
                    const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static void
set_busy (AnjuMessageTemplateDialog *self,
          gboolean                   busy)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "template.save", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "template.reset",
                                 !busy && !anju_record_get_boolean (self->template, "is_default", FALSE));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
request_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  AnjuApiClient *client = ANJU_API_CLIENT (object);
  g_autoptr(AnjuMessageTemplateDialog) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = anju_api_client_request_finish (client, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (answer == NULL)
    {
      anju_field_errors_show_failure (self->slots, N_SLOTS, client, error, self->error_label);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
send_request (AnjuMessageTemplateDialog *self,
              const char                *method,
              const char                *verb,
              JsonNode                  *body)
{
  g_autofree char *escaped = g_uri_escape_string (event_of (self), NULL, TRUE);
  g_autofree char *path = NULL;

  path = verb != NULL ? g_strdup_printf ("/api/v1/message-templates/%s/%s", escaped, verb)
                      : g_strdup_printf ("/api/v1/message-templates/%s", escaped);

  anju_field_errors_clear (self->slots, N_SLOTS);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  anju_api_client_request_async (self->client, method, path, body, self->cancellable,
                                 request_cb, g_object_ref (self));
}

static JsonNode *
build_body (AnjuMessageTemplateDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *body = text_view_text (self->body_view);
  g_autofree char *sms = text_view_text (self->sms_view);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, body);
  json_builder_set_member_name (builder, "sms");
  json_builder_add_string_value (builder, sms);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuMessageTemplateDialog *self = ANJU_MESSAGE_TEMPLATE_DIALOG (widget);
  g_autoptr(JsonNode) body = NULL;

  if (self->cancellable != NULL)
    return;

  body = build_body (self);
  send_request (self, "PATCH", NULL, body);
}

static void
reset_response_cb (AdwMessageDialog          *dialog,
                   const char                *response,
                   AnjuMessageTemplateDialog *self)
{
  if (g_str_equal (response, "reset") && self->cancellable == NULL)
    send_request (self, "POST", "reset", NULL);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AnjuMessageTemplateDialog *self = ANJU_MESSAGE_TEMPLATE_DIALOG (widget);
  const char *name = anju_record_get_string (self->template, "name");
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %1$s names a message template ("New task") */
  heading = g_strdup_printf (_("Reset “%1$s” to the Default?"), name != NULL ? name : event_of (self));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("The title and both texts go back to the ones "
                                                         "Anju came with. Your edits are lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reset_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A message about a field goes once the field is edited: it was about
 * what the field held. */
static void
field_changed_cb (gpointer  field,
                  gpointer  user_data)
{
  AnjuMessageTemplateDialog *self = user_data;
  const char *name = g_object_get_data (G_OBJECT (field), "anju-field");

  for (guint i = 0; i < N_SLOTS; i++)
    {
      if (g_strcmp0 (self->slots[i].field, name) == 0)
        anju_field_error_set (&self->slots[i], NULL);
    }
}

static void
clear_error_on_edit (AnjuMessageTemplateDialog *self,
                     GObject                   *field,
                     const char                *name)
{
  g_object_set_data (field, "anju-field", (gpointer) name);
  g_signal_connect_object (field, "changed", G_CALLBACK (field_changed_cb), self, 0);
}

/* Variables */

static void
insert_variable_cb (GtkButton                 *button,
                    AnjuMessageTemplateDialog *self)
{
  const char *variable = g_object_get_data (G_OBJECT (button), VARIABLE_KEY);
  g_autofree char *text = g_strdup_printf ("{%s}", variable);
  GtkWidget *target = self->insert_target != NULL ? self->insert_target : GTK_WIDGET (self->body_view);

  if (GTK_IS_TEXT_VIEW (target))
    {
      gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (target)), text, -1);
    }
  else
    {
      int position = gtk_editable_get_position (GTK_EDITABLE (target));

      gtk_editable_insert_text (GTK_EDITABLE (target), text, -1, &position);
      gtk_editable_set_position (GTK_EDITABLE (target), position);
    }

  /* Back to typing where the variable went. */
  gtk_widget_grab_focus (target);
}

static void
field_focused_cb (GtkEventControllerFocus   *controller,
                  AnjuMessageTemplateDialog *self)
{
  self->insert_target = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
}

static void
track_focus (AnjuMessageTemplateDialog *self,
             GtkWidget                 *field)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect_object (controller, "enter", G_CALLBACK (field_focused_cb), self, 0);
  gtk_widget_add_controller (field, controller);
}

static void
add_variable_buttons (AnjuMessageTemplateDialog *self)
{
  JsonArray *variables = anju_record_get_member_array (self->template, "variables");
  guint n_variables = variables != NULL ? json_array_get_length (variables) : 0;

  for (guint i = 0; i < n_variables; i++)
    {
      JsonNode *node = json_array_get_element (variables, i);
      g_autofree char *label = NULL;
      g_autofree char *accessible = NULL;
      GtkWidget *button;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;

      label = g_strdup_printf ("{%s}", json_node_get_string (node));
      /* Translators: %1$s is a template variable ("{record_label}") */
      accessible = g_strdup_printf (_("Insert %1$s"), label);
      button = gtk_button_new_with_label (label);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "monospace");
      gtk_widget_set_tooltip_text (button, accessible);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), VARIABLE_KEY,
                              g_strdup (json_node_get_string (node)), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (insert_variable_cb), self, 0);
      gtk_flow_box_append (self->variables_box, button);
    }
}

/* GObject */

static void
anju_message_template_dialog_constructed (GObject *object)
{
  AnjuMessageTemplateDialog *self = ANJU_MESSAGE_TEMPLATE_DIALOG (object);
  const char *name;
  g_autofree char *title = NULL;

  G_OBJECT_CLASS (anju_message_template_dialog_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));
  g_assert (ANJU_IS_RECORD (self->template));

  name = anju_record_get_string (self->template, "name");
  /* Translators: %1$s names a message template ("New task") */
  title = g_strdup_printf (_("Template: %1$s"), name != NULL ? name : event_of (self));
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, event_of (self) != NULL ? event_of (self) : "");

  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         anju_record_get_string (self->template, "title") != NULL
                         ? anju_record_get_string (self->template, "title") : "");
  set_text_view_text (self->body_view, anju_record_get_string (self->template, "body"));
  set_text_view_text (self->sms_view, anju_record_get_string (self->template, "sms"));
  add_variable_buttons (self);
  set_busy (self, FALSE);

  /* After filling in, so the server's own texts clear nothing. */
  clear_error_on_edit (self, G_OBJECT (self->title_row), "title");
  clear_error_on_edit (self, G_OBJECT (gtk_text_view_get_buffer (self->body_view)), "body");
  clear_error_on_edit (self, G_OBJECT (gtk_text_view_get_buffer (self->sms_view)), "sms");

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
anju_message_template_dialog_dispose (GObject *object)
{
  AnjuMessageTemplateDialog *self = ANJU_MESSAGE_TEMPLATE_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->insert_target = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_MESSAGE_TEMPLATE_DIALOG);

  G_OBJECT_CLASS (anju_message_template_dialog_parent_class)->dispose (object);
}

static void
anju_message_template_dialog_finalize (GObject *object)
{
  AnjuMessageTemplateDialog *self = ANJU_MESSAGE_TEMPLATE_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->template);

  G_OBJECT_CLASS (anju_message_template_dialog_parent_class)->finalize (object);
}

static void
anju_message_template_dialog_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  AnjuMessageTemplateDialog *self = ANJU_MESSAGE_TEMPLATE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_TEMPLATE:
      g_value_set_object (value, self->template);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_message_template_dialog_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  AnjuMessageTemplateDialog *self = ANJU_MESSAGE_TEMPLATE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_TEMPLATE:
      self->template = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_message_template_dialog_class_init (AnjuMessageTemplateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_message_template_dialog_constructed;
  object_class->dispose = anju_message_template_dialog_dispose;
  object_class->finalize = anju_message_template_dialog_finalize;
  object_class->get_property = anju_message_template_dialog_get_property;
  object_class->set_property = anju_message_template_dialog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL,
                         ANJU_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuMessageTemplateDialog::saved:
   *
   * The template was saved or reset to its default.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-message-template-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuMessageTemplateDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessageTemplateDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessageTemplateDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessageTemplateDialog, variables_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessageTemplateDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessageTemplateDialog, title_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessageTemplateDialog, body_frame);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessageTemplateDialog, body_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessageTemplateDialog, body_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessageTemplateDialog, sms_frame);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessageTemplateDialog, sms_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessageTemplateDialog, sms_error);

  gtk_widget_class_install_action (widget_class, "template.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "template.reset", NULL, reset_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "template.save", NULL);
}

static void
anju_message_template_dialog_init (AnjuMessageTemplateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->slots[SLOT_TITLE] = (AnjuFieldSlot) { "title", GTK_WIDGET (self->title_row), GTK_WIDGET (self->title_error) };
  self->slots[SLOT_BODY] = (AnjuFieldSlot) { "body", GTK_WIDGET (self->body_frame), GTK_WIDGET (self->body_error) };
  self->slots[SLOT_SMS] = (AnjuFieldSlot) { "sms", GTK_WIDGET (self->sms_frame), GTK_WIDGET (self->sms_error) };

  track_focus (self, GTK_WIDGET (self->title_row));
  track_focus (self, GTK_WIDGET (self->body_view));
  track_focus (self, GTK_WIDGET (self->sms_view));
}

GtkWidget *
anju_message_template_dialog_new (AnjuApiClient *client,
                                  AnjuRecord    *template)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (ANJU_IS_RECORD (template), NULL);

  return g_object_new (ANJU_TYPE_MESSAGE_TEMPLATE_DIALOG,
                       "client", client,
                       "template", template,
                       NULL);
}

/* Private API for tests */

static const AnjuFieldSlot *
find_slot (AnjuMessageTemplateDialog *self,
           const char                *field)
{
  for (guint i = 0; i < N_SLOTS; i++)
    {
      if (g_strcmp0 (self->slots[i].field, field) == 0)
        return &self->slots[i];
    }
  return NULL;
}

GtkWidget *
_anju_message_template_dialog_get_field (AnjuMessageTemplateDialog *self,
                                         const char                *field)
{
  if (g_strcmp0 (field, "title") == 0)
    return GTK_WIDGET (self->title_row);
  if (g_strcmp0 (field, "body") == 0)
    return GTK_WIDGET (self->body_view);
  if (g_strcmp0 (field, "sms") == 0)
    return GTK_WIDGET (self->sms_view);
  return NULL;
}

const char *
_anju_message_template_dialog_get_field_error (AnjuMessageTemplateDialog *self,
                                               const char                *field)
{
  const AnjuFieldSlot *slot = find_slot (self, field);

  if (slot == NULL || !gtk_widget_get_visible (slot->label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (slot->label));
}

GtkWidget *
_anju_message_template_dialog_get_variable (AnjuMessageTemplateDialog *self,
                                            const char                *variable)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->variables_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), VARIABLE_KEY), variable) == 0)
        return button;
    }
  return NULL;
}
