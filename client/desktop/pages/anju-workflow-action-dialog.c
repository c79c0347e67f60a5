/* anju-workflow-action-dialog.c: the question before a workflow action. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-error-message.h"
#include "anju-load-all.h"
#include "anju-paged-model.h"
#include "anju-workflow-action-dialog.h"

typedef struct
{
  const char            *action;
  const char            *body;            /* N_() */
  const char            *response_label;  /* N_() */
  AdwResponseAppearance  appearance;
  gboolean               needs_comment;
} ActionText;

static const ActionText action_texts[] = {
  { "approve",  N_("The task is done and the process moves on to its next step."),
    N_("_Approve"), ADW_RESPONSE_SUGGESTED, FALSE },
  { "reject",   N_("The process ends here. The submitter reads the reason you give."),
    N_("_Reject"), ADW_RESPONSE_DESTRUCTIVE, TRUE },
  { "return",   N_("The submitter is asked to supplement the material and submit it again. Say what is missing."),
    N_("_Return"), ADW_RESPONSE_DESTRUCTIVE, TRUE },
  { "transfer", N_("The task goes to the colleague you choose, who then acts on it instead of you."),
    N_("_Transfer"), ADW_RESPONSE_SUGGESTED, FALSE },
  { "withdraw", N_("The process ends and no one can act on it any more."),
    N_("_Withdraw"), ADW_RESPONSE_DESTRUCTIVE, FALSE },
  { "resubmit", N_("The process goes back to the step that returned it."),
    N_("Re_submit"), ADW_RESPONSE_SUGGESTED, FALSE },
};

struct _AnjuWorkflowActionDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  GtkWidget        *transfer_box;
  GtkDropDown      *user_drop_down;
  GtkLabel         *users_label;
  GtkLabel         *comment_label;
  GtkTextView      *comment_view;
  GtkLabel         *hint_label;

  /* Owned */
  AnjuApiClient    *client;         /* (owned) */
  AnjuRecord       *instance;       /* (owned) */
  char             *action;         /* (owned) */
  AnjuPagedModel   *users;          /* (owned) (nullable) transfer only */
  GArray           *candidate_ids;  /* (owned) gint64, parallel to user_drop_down */
  GCancellable     *cancellable;    /* (owned) */
};

G_DEFINE_FINAL_TYPE (AnjuWorkflowActionDialog, anju_workflow_action_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_INSTANCE,
  PROP_ACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const ActionText *
lookup_action (const char *action)
{
  for (guint i = 0; action != NULL && i < G_N_ELEMENTS (action_texts); i++)
    {
      if (g_str_equal (action_texts[i].action, action))
        return &action_texts[i];
    }

  return NULL;
}

/* Each heading names the record; separate literals keep the formats
 * checkable. */
static char *
heading_for (const char *action,
             const char *label)
{
  if (g_strcmp0 (action, "approve") == 0)
    /* Translators: %1$s names the business record */
    return g_strdup_printf (_("Approve “%1$s”?"), label);
  if (g_strcmp0 (action, "reject") == 0)
    /* Translators: %1$s names the business record */
    return g_strdup_printf (_("Reject “%1$s”?"), label);
  if (g_strcmp0 (action, "return") == 0)
    /* Translators: %1$s names the business record */
    return g_strdup_printf (_("Return “%1$s” for Supplement?"), label);
  if (g_strcmp0 (action, "transfer") == 0)
    /* Translators: %1$s names the business record */
    return g_strdup_printf (_("Transfer “%1$s”?"), label);
  if (g_strcmp0 (action, "withdraw") == 0)
    /* Translators: %1$s names the business record */
    return g_strdup_printf (_("Withdraw “%1$s”?"), label);
  /* Translators: %1$s names the business record */
  return g_strdup_printf (_("Resubmit “%1$s”?"), label);
}

static char *
comment_text (AnjuWorkflowActionDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->comment_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static gint64
chosen_user (AnjuWorkflowActionDialog *self)
{
  guint position = gtk_drop_down_get_selected (self->user_drop_down);

  if (position >= self->candidate_ids->len)
    return 0;

  return g_array_index (self->candidate_ids, gint64, position);
}

static gboolean
input_is_complete (AnjuWorkflowActionDialog *self)
{
  g_autofree char *comment = comment_text (self);

  if (anju_workflow_action_needs_comment (self->action) && *comment == '\0')
    return FALSE;
  if (g_strcmp0 (self->action, "transfer") == 0 && chosen_user (self) == 0)
    return FALSE;

  return TRUE;
}

static void
input_changed_cb (AnjuWorkflowActionDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), ANJU_WORKFLOW_ACTION_RESPONSE,
                                           input_is_complete (self));
}

static gboolean
user_holds_role (AnjuRecord *user,
                 const char *role_code)
{
  JsonArray *roles = anju_record_get_member_array (user, "roles");
  guint n_roles = roles != NULL ? json_array_get_length (roles) : 0;

  for (guint i = 0; i < n_roles; i++)
    {
      JsonNode *node = json_array_get_element (roles, i);

      if (JSON_NODE_HOLDS_OBJECT (node)
          && g_strcmp0 (anju_json_get_string (json_node_get_object (node), "code"), role_code) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Only who the server would accept (docs/api.md: the step's role in the
 * step's organisation), and not the caller, who holds the task now. */
static void
fill_candidates (AnjuWorkflowActionDialog *self)
{
  JsonObject *step = anju_record_get_member_object (self->instance, "current_step");
  const char *role_code = anju_json_get_string (step, "role");
  gint64 me = anju_json_get_int (anju_api_client_get_user (self->client), "id", 0);
  GListModel *users = G_LIST_MODEL (self->users);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_array_set_size (self->candidate_ids, 0);
  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(AnjuRecord) user = g_list_model_get_item (users, i);
      gint64 id = anju_record_get_id (user);
      g_autofree char *name = NULL;

      if (id == me || !user_holds_role (user, role_code))
        continue;

      /* Translators: %1$s is a person's name, %2$s their username */
      name = g_strdup_printf (_("%1$s (%2$s)"),
                              anju_record_get_string (user, "name"),
                              anju_record_get_string (user, "username"));
      g_array_append_val (self->candidate_ids, id);
      gtk_string_list_append (names, name);
    }

  gtk_drop_down_set_model (self->user_drop_down, G_LIST_MODEL (names));
  gtk_widget_set_sensitive (GTK_WIDGET (self->user_drop_down), self->candidate_ids->len > 0);
  if (self->candidate_ids->len == 0)
    gtk_label_set_text (self->users_label, _("No one else in this organisation holds the role this step needs."));
  else
    gtk_widget_set_visible (GTK_WIDGET (self->users_label), FALSE);
  input_changed_cb (self);
}

static void
users_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AnjuWorkflowActionDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!anju_load_all_finish (ANJU_PAGED_MODEL (object), result, &error))
    {
      g_autofree char *reason = anju_error_message_for (error, anju_api_client_get_base_uri (self->client));
      g_autofree char *message = NULL;

      if (reason == NULL)
        return;

      /* Translators: %1$s says why the list could not be loaded */
      message = g_strdup_printf (_("Could not load your colleagues: %1$s"), reason);
      gtk_label_set_text (self->users_label, message);
      return;
    }

  fill_candidates (self);
}

static void
load_candidates (AnjuWorkflowActionDialog *self)
{
  JsonObject *step = anju_record_get_member_object (self->instance, "current_step");
  gint64 org_id = anju_json_get_int (anju_json_get_object (step, "organisation"), "id", 0);
  g_autofree char *org_text = g_strdup_printf ("%" G_GINT64_FORMAT, org_id);

  gtk_widget_set_visible (self->transfer_box, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->user_drop_down), FALSE);
  gtk_label_set_text (self->users_label, _("Loading your colleagues…"));

  self->users = anju_paged_model_new (self->client, "/api/v1/users", ANJU_LOAD_ALL_PAGE_SIZE);
  anju_paged_model_set_filter (self->users, "organisation_id", org_text);
  anju_paged_model_set_filter (self->users, "status", "active");
  anju_load_all_async (self->users, self->cancellable, users_loaded_cb, g_object_ref (self));
}

static void
setup_texts (AnjuWorkflowActionDialog *self)
{
  const ActionText *text = lookup_action (self->action);
  const char *label = anju_record_get_string (self->instance, "record_label");
  g_autofree char *heading = heading_for (self->action, label != NULL ? label : "");
  gboolean needs_comment = anju_workflow_action_needs_comment (self->action);

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), _(text->body));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    ANJU_WORKFLOW_ACTION_RESPONSE, _(text->response_label),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), ANJU_WORKFLOW_ACTION_RESPONSE,
                                              text->appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self),
                                           needs_comment ? "cancel" : ANJU_WORKFLOW_ACTION_RESPONSE);

  gtk_label_set_text_with_mnemonic (self->comment_label, needs_comment ? _("_Reason") : _("_Comment"));
  gtk_label_set_text (self->hint_label,
                      needs_comment ? _("Required: the submitter sees it in the history.")
                                    : _("Optional: it is kept in the history."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->comment_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  needs_comment ? _("Reason") : _("Comment"),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, needs_comment,
                                  -1);
}

static void
anju_workflow_action_dialog_constructed (GObject *object)
{
  AnjuWorkflowActionDialog *self = ANJU_WORKFLOW_ACTION_DIALOG (object);

  G_OBJECT_CLASS (anju_workflow_action_dialog_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));
  g_assert (ANJU_IS_RECORD (self->instance));
  g_assert (anju_workflow_action_is_known (self->action));

  setup_texts (self);
  if (g_str_equal (self->action, "transfer"))
    load_candidates (self);

  g_signal_connect_object (gtk_text_view_get_buffer (self->comment_view), "changed",
                           G_CALLBACK (input_changed_cb), self, G_CONNECT_SWAPPED);
  input_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->comment_view));
}

static void
anju_workflow_action_dialog_dispose (GObject *object)
{
  AnjuWorkflowActionDialog *self = ANJU_WORKFLOW_ACTION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_WORKFLOW_ACTION_DIALOG);
  g_clear_object (&self->users);

  G_OBJECT_CLASS (anju_workflow_action_dialog_parent_class)->dispose (object);
}

static void
anju_workflow_action_dialog_finalize (GObject *object)
{
  AnjuWorkflowActionDialog *self = ANJU_WORKFLOW_ACTION_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->instance);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->action, g_free);
  g_clear_pointer (&self->candidate_ids, g_array_unref);

  G_OBJECT_CLASS (anju_workflow_action_dialog_parent_class)->finalize (object);
}

static void
anju_workflow_action_dialog_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  AnjuWorkflowActionDialog *self = ANJU_WORKFLOW_ACTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_INSTANCE:
      g_value_set_object (value, self->instance);
      break;

    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_workflow_action_dialog_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  AnjuWorkflowActionDialog *self = ANJU_WORKFLOW_ACTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_INSTANCE:
      self->instance = g_value_dup_object (value);
      break;

    case PROP_ACTION:
      self->action = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_workflow_action_dialog_class_init (AnjuWorkflowActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_workflow_action_dialog_constructed;
  object_class->dispose = anju_workflow_action_dialog_dispose;
  object_class->finalize = anju_workflow_action_dialog_finalize;
  object_class->get_property = anju_workflow_action_dialog_get_property;
  object_class->set_property = anju_workflow_action_dialog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_INSTANCE] =
    g_param_spec_object ("instance", NULL, NULL,
                         ANJU_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-workflow-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowActionDialog, transfer_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowActionDialog, user_drop_down);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowActionDialog, users_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowActionDialog, comment_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowActionDialog, comment_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowActionDialog, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, input_changed_cb);
}

static void
anju_workflow_action_dialog_init (AnjuWorkflowActionDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->candidate_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
anju_workflow_action_dialog_new (GtkWindow     *parent,
                                 AnjuApiClient *client,
                                 AnjuRecord    *instance,
                                 const char    *action)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (ANJU_IS_RECORD (instance), NULL);
  g_return_val_if_fail (anju_workflow_action_is_known (action), NULL);

  return g_object_new (ANJU_TYPE_WORKFLOW_ACTION_DIALOG,
                       "transient-for", parent,
                       "client", client,
                       "instance", instance,
                       "action", action,
                       NULL);
}

const char *
anju_workflow_action_dialog_get_action (AnjuWorkflowActionDialog *self)
{
  g_return_val_if_fail (ANJU_IS_WORKFLOW_ACTION_DIALOG (self), NULL);

  return self->action;
}

JsonNode *
anju_workflow_action_dialog_build_body (AnjuWorkflowActionDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *comment = NULL;

  g_return_val_if_fail (ANJU_IS_WORKFLOW_ACTION_DIALOG (self), NULL);

  comment = comment_text (self);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "action");
  json_builder_add_string_value (builder, self->action);
  if (*comment != '\0')
    {
      json_builder_set_member_name (builder, "comment");
      json_builder_add_string_value (builder, comment);
    }
  if (g_str_equal (self->action, "transfer"))
    {
      json_builder_set_member_name (builder, "transfer_to");
      json_builder_add_int_value (builder, chosen_user (self));
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

gboolean
anju_workflow_action_needs_comment (const char *action)
{
  const ActionText *text = lookup_action (action);

  return text != NULL && text->needs_comment;
}

gboolean
anju_workflow_action_is_known (const char *action)
{
  return lookup_action (action) != NULL;
}
