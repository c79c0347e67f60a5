/* anju-push-strategy-dialog.c: how one event's messages go out. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-field-error.h"
#include "anju-load-all.h"
#include "anju-push-strategy-dialog.h"
#include "anju-quiet-hours.h"

/* The one event whose audience the server refuses to restrict: it carries
 * a new account's password, which must reach that account. */
#define UNRESTRICTED_EVENT "account.initial_password"

enum {
  SLOT_QUIET_START,
  SLOT_QUIET_END,
  SLOT_ROLES,
  N_SLOTS
};

struct _AnjuPushStrategyDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkSpinner     *spinner;
  GtkLabel       *error_label;
  GtkSwitch      *enabled_switch;
  GtkSwitch      *inbox_switch;
  GtkSwitch      *sms_switch;
  AdwEntryRow    *quiet_start_row;
  GtkLabel       *quiet_start_error;
  AdwEntryRow    *quiet_end_row;
  GtkLabel       *quiet_end_error;
  AdwPreferencesGroup *recipients_group;
  GtkLabel       *roles_error;
  GtkWidget      *roles_loading_row;

  /* Owned */
  AnjuApiClient  *client;       /* (owned) */
  AnjuRecord     *strategy;     /* (owned) */
  GCancellable   *cancellable;  /* (owned) (nullable) the save in flight */
  GCancellable   *roles_cancellable; /* (owned) the role list's load */
  AnjuPagedModel *roles;        /* (owned) (nullable) every role, once loading */
  GPtrArray      *role_checks;  /* (owned) GtkCheckButton (unowned), "code" data */
  gboolean        roles_loaded; /* only then does a save send "roles" */

  /* Where the field messages go */
  AnjuFieldSlot   slots[N_SLOTS];
};

G_DEFINE_FINAL_TYPE (AnjuPushStrategyDialog, anju_push_strategy_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_STRATEGY,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
quiet_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_busy (AnjuPushStrategyDialog *self,
          gboolean                busy)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "strategy.save", !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

/* Shows what is wrong with the quiet hours at their fields. */
static gboolean
check_quiet_hours (AnjuPushStrategyDialog *self)
{
  g_autofree char *start = quiet_text (self->quiet_start_row);
  g_autofree char *end = quiet_text (self->quiet_end_row);
  g_autofree char *start_error = NULL;
  g_autofree char *end_error = NULL;
  gboolean ok;

  ok = anju_quiet_hours_check (start, end, &start_error, &end_error);
  anju_field_error_set (&self->slots[SLOT_QUIET_START], start_error);
  anju_field_error_set (&self->slots[SLOT_QUIET_END], end_error);
  return ok;
}

/* Judged as typed once both look complete, so half-typed "22:" is not
 * scolded, but a clear mistake is. */
static void
quiet_changed_cb (AnjuPushStrategyDialog *self)
{
  g_autofree char *start = quiet_text (self->quiet_start_row);
  g_autofree char *end = quiet_text (self->quiet_end_row);

  if ((*start == '\0' || strlen (start) >= 5) && (*end == '\0' || strlen (end) >= 5))
    check_quiet_hours (self);
}

static void
add_quiet (JsonBuilder *builder,
           const char  *member,
           const char  *text)
{
  json_builder_set_member_name (builder, member);
  if (*text == '\0')
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, text);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *member,
             GtkSwitch   *widget)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, gtk_switch_get_active (widget));
}

/* The codes ticked, in the order the roles are listed. */
static void
add_roles (AnjuPushStrategyDialog *self,
           JsonBuilder            *builder)
{
  json_builder_set_member_name (builder, "roles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->role_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->role_checks, i);

      if (gtk_check_button_get_active (check))
        json_builder_add_string_value (builder, g_object_get_data (G_OBJECT (check), "code"));
    }
  json_builder_end_array (builder);
}

static JsonNode *
build_body (AnjuPushStrategyDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *start = quiet_text (self->quiet_start_row);
  g_autofree char *end = quiet_text (self->quiet_end_row);

  json_builder_begin_object (builder);
  add_boolean (builder, "enabled", self->enabled_switch);
  add_boolean (builder, "inbox", self->inbox_switch);
  add_boolean (builder, "sms", self->sms_switch);
  add_quiet (builder, "quiet_start", start);
  add_quiet (builder, "quiet_end", end);
  /* Without the role list the ticks are unknown: leave the audience as
   * it is rather than clear it. */
  if (self->roles_loaded)
    add_roles (self, builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AnjuApiClient *client = ANJU_API_CLIENT (object);
  g_autoptr(AnjuPushStrategyDialog) self = user_data;
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
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuPushStrategyDialog *self = ANJU_PUSH_STRATEGY_DIALOG (widget);
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) body = NULL;

  if (self->cancellable != NULL)
    return;

  anju_field_errors_clear (self->slots, N_SLOTS);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (!check_quiet_hours (self))
    return;

  escaped = g_uri_escape_string (anju_record_get_string (self->strategy, "event"), NULL, TRUE);
  path = g_strdup_printf ("/api/v1/push-strategies/%s", escaped);
  body = build_body (self);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  anju_api_client_request_async (self->client, "PATCH", path, body, self->cancellable,
                                 save_cb, g_object_ref (self));
}

static void
fill_from_strategy (AnjuPushStrategyDialog *self)
{
  const char *start = anju_record_get_string (self->strategy, "quiet_start");
  const char *end = anju_record_get_string (self->strategy, "quiet_end");

  gtk_switch_set_active (self->enabled_switch, anju_record_get_boolean (self->strategy, "enabled", TRUE));
  gtk_switch_set_active (self->inbox_switch, anju_record_get_boolean (self->strategy, "inbox", FALSE));
  gtk_switch_set_active (self->sms_switch, anju_record_get_boolean (self->strategy, "sms", FALSE));
  gtk_editable_set_text (GTK_EDITABLE (self->quiet_start_row), start != NULL ? start : "");
  gtk_editable_set_text (GTK_EDITABLE (self->quiet_end_row), end != NULL ? end : "");
}

static gboolean
strategy_has_role (AnjuPushStrategyDialog *self,
                   const char             *code)
{
  JsonArray *roles = anju_record_get_member_array (self->strategy, "roles");
  guint n_roles = roles != NULL ? json_array_get_length (roles) : 0;

  for (guint i = 0; i < n_roles; i++)
    {
      JsonNode *node = json_array_get_element (roles, i);

      if (JSON_NODE_HOLDS_VALUE (node) && g_strcmp0 (json_node_get_string (node), code) == 0)
        return TRUE;
    }
  return FALSE;
}

/* One row per role with a code (only those can be named), ticked when the
 * strategy names it. */
static void
add_role_rows (AnjuPushStrategyDialog *self)
{
  guint n_roles = g_list_model_get_n_items (G_LIST_MODEL (self->roles));

  for (guint i = 0; i < n_roles; i++)
    {
      g_autoptr(AnjuRecord) role = g_list_model_get_item (G_LIST_MODEL (self->roles), i);
      const char *code = anju_record_get_string (role, "code");
      const char *name = anju_record_get_string (role, "name");
      GtkWidget *row;
      GtkWidget *check;

      if (code == NULL || *code == '\0')
        continue;
      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : code);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), code);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), strategy_has_role (self, code));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "code", g_strdup (code), g_free);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->recipients_group, row);
      g_ptr_array_add (self->role_checks, check);
    }
}

static void
roles_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AnjuPushStrategyDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!anju_load_all_finish (ANJU_PAGED_MODEL (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s says why the roles could not be loaded */
      message = g_strdup_printf (_("Could not load the roles: %s"), error->message);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->roles_loading_row), message);
      return;
    }

  gtk_widget_set_visible (self->roles_loading_row, FALSE);
  add_role_rows (self);
  self->roles_loaded = TRUE;
}

/* The secret event always goes to the account it names; any other loads
 * the roles to choose from. */
static void
set_up_recipients (AnjuPushStrategyDialog *self,
                   const char             *event)
{
  if (g_strcmp0 (event, UNRESTRICTED_EVENT) == 0)
    {
      adw_preferences_group_set_description (self->recipients_group,
                                             _("Always goes to the new account itself."));
      gtk_widget_set_visible (self->roles_loading_row, FALSE);
      return;
    }

  self->roles = anju_paged_model_new (self->client, "/api/v1/roles", ANJU_LOAD_ALL_PAGE_SIZE);
  anju_load_all_async (self->roles, self->roles_cancellable, roles_loaded_cb, g_object_ref (self));
}

/* GObject */

static void
anju_push_strategy_dialog_constructed (GObject *object)
{
  AnjuPushStrategyDialog *self = ANJU_PUSH_STRATEGY_DIALOG (object);
  const char *event;
  const char *name;
  g_autofree char *title = NULL;

  G_OBJECT_CLASS (anju_push_strategy_dialog_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));
  g_assert (ANJU_IS_RECORD (self->strategy));

  event = anju_record_get_string (self->strategy, "event");
  name = anju_record_get_string (self->strategy, "name");
  /* Translators: %1$s names an event ("New task") */
  title = g_strdup_printf (_("Push Strategy: %1$s"), name != NULL ? name : event);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, event != NULL ? event : "");

  fill_from_strategy (self);
  set_up_recipients (self, event);
  set_busy (self, FALSE);
}

static void
anju_push_strategy_dialog_dispose (GObject *object)
{
  AnjuPushStrategyDialog *self = ANJU_PUSH_STRATEGY_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->roles_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_PUSH_STRATEGY_DIALOG);

  G_OBJECT_CLASS (anju_push_strategy_dialog_parent_class)->dispose (object);
}

static void
anju_push_strategy_dialog_finalize (GObject *object)
{
  AnjuPushStrategyDialog *self = ANJU_PUSH_STRATEGY_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->strategy);
  g_clear_object (&self->roles_cancellable);
  g_clear_object (&self->roles);
  g_clear_pointer (&self->role_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (anju_push_strategy_dialog_parent_class)->finalize (object);
}

static void
anju_push_strategy_dialog_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  AnjuPushStrategyDialog *self = ANJU_PUSH_STRATEGY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_STRATEGY:
      g_value_set_object (value, self->strategy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_push_strategy_dialog_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  AnjuPushStrategyDialog *self = ANJU_PUSH_STRATEGY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_STRATEGY:
      self->strategy = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_push_strategy_dialog_class_init (AnjuPushStrategyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_push_strategy_dialog_constructed;
  object_class->dispose = anju_push_strategy_dialog_dispose;
  object_class->finalize = anju_push_strategy_dialog_finalize;
  object_class->get_property = anju_push_strategy_dialog_get_property;
  object_class->set_property = anju_push_strategy_dialog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STRATEGY] =
    g_param_spec_object ("strategy", NULL, NULL,
                         ANJU_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuPushStrategyDialog::saved:
   *
   * The server accepted the strategy.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-push-strategy-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuPushStrategyDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AnjuPushStrategyDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuPushStrategyDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuPushStrategyDialog, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, AnjuPushStrategyDialog, inbox_switch);
  gtk_widget_class_bind_template_child (widget_class, AnjuPushStrategyDialog, sms_switch);
  gtk_widget_class_bind_template_child (widget_class, AnjuPushStrategyDialog, quiet_start_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuPushStrategyDialog, quiet_start_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuPushStrategyDialog, quiet_end_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuPushStrategyDialog, quiet_end_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuPushStrategyDialog, recipients_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuPushStrategyDialog, roles_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuPushStrategyDialog, roles_loading_row);
  gtk_widget_class_bind_template_callback (widget_class, quiet_changed_cb);

  gtk_widget_class_install_action (widget_class, "strategy.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "strategy.save", NULL);
}

static void
anju_push_strategy_dialog_init (AnjuPushStrategyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->roles_cancellable = g_cancellable_new ();
  self->role_checks = g_ptr_array_new ();

  self->slots[SLOT_QUIET_START] = (AnjuFieldSlot) {
    "quiet_start", GTK_WIDGET (self->quiet_start_row), GTK_WIDGET (self->quiet_start_error)
  };
  self->slots[SLOT_QUIET_END] = (AnjuFieldSlot) {
    "quiet_end", GTK_WIDGET (self->quiet_end_row), GTK_WIDGET (self->quiet_end_error)
  };
  self->slots[SLOT_ROLES] = (AnjuFieldSlot) {
    "roles", GTK_WIDGET (self->recipients_group), GTK_WIDGET (self->roles_error)
  };
}

GtkWidget *
anju_push_strategy_dialog_new (AnjuApiClient *client,
                               AnjuRecord    *strategy)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (ANJU_IS_RECORD (strategy), NULL);

  return g_object_new (ANJU_TYPE_PUSH_STRATEGY_DIALOG,
                       "client", client,
                       "strategy", strategy,
                       NULL);
}
