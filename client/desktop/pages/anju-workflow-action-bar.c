/* anju-workflow-action-bar.c: the action buttons of a process instance. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-error-message.h"
#include "anju-workflow-action-bar.h"
#include "anju-workflow-action-dialog.h"

#define ACTION_PREFIX "workflow."

/* The order of the buttons in the template, and of the widget actions. */
static const char * const bar_actions[] = {
  "withdraw", "transfer", "return", "reject", "resubmit", "approve",
};

struct _AnjuWorkflowActionBar
{
  GtkBox         parent_instance;

  /* Template widgets */
  GtkLabel      *idle_label;
  GtkSpinner    *spinner;
  GtkWidget     *withdraw_button;
  GtkWidget     *transfer_button;
  GtkWidget     *return_button;
  GtkWidget     *reject_button;
  GtkWidget     *resubmit_button;
  GtkWidget     *approve_button;

  /* Owned */
  AnjuApiClient *client;          /* (owned) */
  AnjuRecord    *instance;        /* (owned) (nullable) */
  GCancellable  *cancellable;     /* (owned) (nullable) the action on its way */
  char          *pending_action;  /* (owned) (nullable) */
  char          *pending_label;   /* (owned) (nullable) the record's label */
};

G_DEFINE_FINAL_TYPE (AnjuWorkflowActionBar, anju_workflow_action_bar, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_INSTANCE,
  PROP_BUSY,
  N_PROPS
};

enum {
  ACTED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkWidget *
button_for (AnjuWorkflowActionBar *self,
            const char            *action)
{
  GtkWidget *buttons[] = {
    self->withdraw_button, self->transfer_button, self->return_button,
    self->reject_button, self->resubmit_button, self->approve_button,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (buttons) == G_N_ELEMENTS (bar_actions));

  for (guint i = 0; i < G_N_ELEMENTS (bar_actions); i++)
    {
      if (g_str_equal (bar_actions[i], action))
        return buttons[i];
    }

  return NULL;
}

static gboolean
instance_allows (AnjuRecord *instance,
                 const char *action)
{
  JsonArray *mine = instance != NULL ? anju_record_get_member_array (instance, "my_actions") : NULL;
  guint n_mine = mine != NULL ? json_array_get_length (mine) : 0;

  for (guint i = 0; i < n_mine; i++)
    {
      JsonNode *node = json_array_get_element (mine, i);

      if (JSON_NODE_HOLDS_VALUE (node)
          && json_node_get_value_type (node) == G_TYPE_STRING
          && g_strcmp0 (json_node_get_string (node), action) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
update_buttons (AnjuWorkflowActionBar *self)
{
  gboolean busy = self->cancellable != NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (bar_actions); i++)
    {
      g_autofree char *name = g_strconcat (ACTION_PREFIX, bar_actions[i], NULL);
      gboolean allowed = instance_allows (self->instance, bar_actions[i]);

      gtk_widget_set_visible (button_for (self, bar_actions[i]), allowed);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), name, allowed && !busy);
      any |= allowed;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->idle_label), !any && !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static char *
success_message (const char *action,
                 const char *label)
{
  if (g_str_equal (action, "approve"))
    /* Translators: %1$s names the business record */
    return g_strdup_printf (_("Approved “%1$s”"), label);
  if (g_str_equal (action, "reject"))
    /* Translators: %1$s names the business record */
    return g_strdup_printf (_("Rejected “%1$s”"), label);
  if (g_str_equal (action, "return"))
    /* Translators: %1$s names the business record */
    return g_strdup_printf (_("Returned “%1$s” for supplement"), label);
  if (g_str_equal (action, "transfer"))
    /* Translators: %1$s names the business record */
    return g_strdup_printf (_("Transferred “%1$s”"), label);
  if (g_str_equal (action, "withdraw"))
    /* Translators: %1$s names the business record */
    return g_strdup_printf (_("Withdrew “%1$s”"), label);
  /* Translators: %1$s names the business record */
  return g_strdup_printf (_("Resubmitted “%1$s”"), label);
}

static const char *
failure_heading (const char *action)
{
  if (g_str_equal (action, "approve"))
    return _("Could not approve");
  if (g_str_equal (action, "reject"))
    return _("Could not reject");
  if (g_str_equal (action, "return"))
    return _("Could not return for supplement");
  if (g_str_equal (action, "transfer"))
    return _("Could not transfer");
  if (g_str_equal (action, "withdraw"))
    return _("Could not withdraw");
  return _("Could not resubmit");
}

/* The main window keeps the to-do list and the workbench; a dialog
 * holding the bar is transient for it. */
static void
tell_window (AnjuWorkflowActionBar *self,
             AnjuRecord            *instance)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *parent = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root)) : NULL;
  GtkWidget *window = parent != NULL ? GTK_WIDGET (parent) : GTK_WIDGET (root);
  const char *domain = anju_record_get_string (instance, "domain");

  if (window == NULL)
    return;

  gtk_widget_activate_action (window, "win.record-changed", "(sxx)",
                              domain != NULL ? domain : "",
                              anju_record_get_int (instance, "record_id", 0),
                              anju_record_get_id (instance));
}

static void
set_busy (AnjuWorkflowActionBar *self,
          GCancellable          *cancellable)
{
  g_set_object (&self->cancellable, cancellable);
  update_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
report_failure (AnjuWorkflowActionBar *self,
                const GError          *error)
{
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;

  /* An ended session brings back the sign-in window, which says it. */
  if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_UNAUTHORIZED))
    return;

  reason = anju_error_message_for (error, anju_api_client_get_base_uri (self->client));
  /* Translators: %1$s says what failed ("Could not approve"), %2$s why */
  message = g_strdup_printf (_("%1$s: %2$s"), failure_heading (self->pending_action), reason);
  g_signal_emit (self, signals[FAILED], 0, message);
}

static void
act_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(AnjuWorkflowActionBar) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(AnjuRecord) instance = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, NULL);
  if (answer == NULL)
    {
      report_failure (self, error);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (answer))
    {
      g_autoptr(GError) malformed = g_error_new_literal (ANJU_ERROR, ANJU_ERROR_MALFORMED,
                                                         _("The server’s answer is not a process instance"));

      report_failure (self, malformed);
      return;
    }

  instance = anju_record_new (json_node_get_object (answer));
  message = success_message (self->pending_action, self->pending_label);
  anju_workflow_action_bar_set_instance (self, instance);
  tell_window (self, instance);
  g_signal_emit (self, signals[ACTED], 0, instance, message);
}

static void
send_action (AnjuWorkflowActionBar    *self,
             AnjuWorkflowActionDialog *dialog)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AnjuRecord) instance = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  const char *label;

  /* The instance the question was about, even if the bar moved on. */
  g_object_get (dialog, "instance", &instance, NULL);
  label = anju_record_get_string (instance, "record_label");
  g_free (self->pending_action);
  self->pending_action = g_strdup (anju_workflow_action_dialog_get_action (dialog));
  g_free (self->pending_label);
  self->pending_label = g_strdup (label != NULL ? label : "");

  body = anju_workflow_action_dialog_build_body (dialog);
  path = g_strdup_printf ("/api/v1/workflow/instances/%" G_GINT64_FORMAT "/actions",
                          anju_record_get_id (instance));
  set_busy (self, cancellable);
  anju_api_client_request_async (self->client, "POST", path, body, cancellable,
                                 act_cb, g_object_ref (self));
}

static void
dialog_response_cb (AnjuWorkflowActionDialog *dialog,
                    const char               *response,
                    AnjuWorkflowActionBar    *self)
{
  if (g_str_equal (response, ANJU_WORKFLOW_ACTION_RESPONSE) && self->cancellable == NULL)
    send_action (self, dialog);
}

static void
act_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AnjuWorkflowActionBar *self = ANJU_WORKFLOW_ACTION_BAR (widget);
  const char *action = action_name + strlen (ACTION_PREFIX);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->instance == NULL || self->cancellable != NULL)
    return;

  dialog = anju_workflow_action_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                            self->client, self->instance, action);
  g_signal_connect_object (dialog, "response", G_CALLBACK (dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
anju_workflow_action_bar_dispose (GObject *object)
{
  AnjuWorkflowActionBar *self = ANJU_WORKFLOW_ACTION_BAR (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_WORKFLOW_ACTION_BAR);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->instance);

  G_OBJECT_CLASS (anju_workflow_action_bar_parent_class)->dispose (object);
}

static void
anju_workflow_action_bar_finalize (GObject *object)
{
  AnjuWorkflowActionBar *self = ANJU_WORKFLOW_ACTION_BAR (object);

  g_clear_object (&self->client);
  g_clear_pointer (&self->pending_action, g_free);
  g_clear_pointer (&self->pending_label, g_free);

  G_OBJECT_CLASS (anju_workflow_action_bar_parent_class)->finalize (object);
}

static void
anju_workflow_action_bar_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AnjuWorkflowActionBar *self = ANJU_WORKFLOW_ACTION_BAR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_INSTANCE:
      g_value_set_object (value, self->instance);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_workflow_action_bar_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  AnjuWorkflowActionBar *self = ANJU_WORKFLOW_ACTION_BAR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_INSTANCE:
      anju_workflow_action_bar_set_instance (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_workflow_action_bar_class_init (AnjuWorkflowActionBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_workflow_action_bar_dispose;
  object_class->finalize = anju_workflow_action_bar_finalize;
  object_class->get_property = anju_workflow_action_bar_get_property;
  object_class->set_property = anju_workflow_action_bar_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_INSTANCE] =
    g_param_spec_object ("instance", NULL, NULL,
                         ANJU_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuWorkflowActionBar::acted:
   * @instance: the instance as the server has it after the action
   * @message: what happened, for a toast
   */
  signals[ACTED] =
    g_signal_new ("acted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, ANJU_TYPE_RECORD, G_TYPE_STRING);

  /**
   * AnjuWorkflowActionBar::failed:
   * @message: what failed and why, for a toast
   */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-workflow-action-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowActionBar, idle_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowActionBar, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowActionBar, withdraw_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowActionBar, transfer_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowActionBar, return_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowActionBar, reject_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowActionBar, resubmit_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowActionBar, approve_button);

  for (guint i = 0; i < G_N_ELEMENTS (bar_actions); i++)
    {
      g_autofree char *name = g_strconcat (ACTION_PREFIX, bar_actions[i], NULL);

      gtk_widget_class_install_action (widget_class, name, NULL, act_action);
    }
}

static void
anju_workflow_action_bar_init (AnjuWorkflowActionBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_buttons (self);
}

GtkWidget *
anju_workflow_action_bar_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_WORKFLOW_ACTION_BAR, "client", client, NULL);
}

void
anju_workflow_action_bar_set_instance (AnjuWorkflowActionBar *self,
                                       AnjuRecord            *instance)
{
  g_return_if_fail (ANJU_IS_WORKFLOW_ACTION_BAR (self));
  g_return_if_fail (instance == NULL || ANJU_IS_RECORD (instance));

  if (g_set_object (&self->instance, instance))
    {
      update_buttons (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSTANCE]);
    }
}

AnjuRecord *
anju_workflow_action_bar_get_instance (AnjuWorkflowActionBar *self)
{
  g_return_val_if_fail (ANJU_IS_WORKFLOW_ACTION_BAR (self), NULL);

  return self->instance;
}

gboolean
anju_workflow_action_bar_get_busy (AnjuWorkflowActionBar *self)
{
  g_return_val_if_fail (ANJU_IS_WORKFLOW_ACTION_BAR (self), FALSE);

  return self->cancellable != NULL;
}
