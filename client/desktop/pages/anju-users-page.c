#include "config.h"

#include <glib/gi18n.h>

#include "anju-display-time.h"
#include "anju-list-loader.h"
#include "anju-load-all.h"
#include "anju-page-confirm.h"
#include "anju-page-feedback.h"
#include "anju-page-request.h"
#include "anju-paged-model.h"
#include "anju-password-reset-dialog.h"
#include "anju-permissions.h"
#include "anju-record-column.h"
#include "anju-user-dialog.h"
#include "anju-users-page.h"

/* Positions in the status filter of the template. */
static const char * const status_filter_values[] = { NULL, "active", "disabled" };

struct _AnjuUsersPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *organisation_filter;
  GtkDropDown        *status_filter;
  GtkColumnView      *column_view;
  AdwStatusPage      *error_page;
  GtkLabel           *count_label;
  GtkSpinner         *spinner;

  /* Owned */
  AnjuApiClient      *client;         /* (owned) */
  AnjuPagedModel     *users;          /* (owned) */
  GtkSingleSelection *selection;      /* (owned) over users */
  AnjuPagedModel     *organisations;  /* (owned) every one, for the filter and the dialog */
  AnjuPagedModel     *roles;          /* (owned) every one, for the dialog */
  GArray             *filter_org_ids; /* (owned) gint64, parallel to organisation_filter; [0] = 0 (all) */
  GCancellable       *cancellable;    /* (owned) the loads and actions of this page */
  AnjuListLoader      loader;
  guint               n_pick_lists_pending;
  guint               loaded : 1;
  guint               filling_filters : 1;
};

G_DEFINE_FINAL_TYPE (AnjuUsersPage, anju_users_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AnjuRecord *
get_selected (AnjuUsersPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

static void
actions_update (AnjuUsersPage *self)
{
  AnjuRecord *selected = get_selected (self);
  gboolean can_write = anju_api_client_has_permission (self->client, ANJU_PERM_USER_WRITE);
  gboolean can_act = can_write && selected != NULL;
  gboolean active = selected != NULL && g_strcmp0 (anju_record_get_string (selected, "status"), "active") == 0;
  gboolean locked = selected != NULL && anju_record_get_boolean (selected, "locked", FALSE);
  gboolean pick_lists_ready = self->n_pick_lists_pending == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.create", can_write && pick_lists_ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.edit", can_act && pick_lists_ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.disable", can_act && active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.enable", can_act && !active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.unlock", can_act && locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.reset-password", can_act);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.load-more",
                                 anju_paged_model_get_has_more (self->users)
                                 && !anju_paged_model_get_loading (self->users));
}

static char *
count_text (guint shown,
            guint total)
{
  /* Translators: %1$u users of %2$u matching ones are in the list */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u user", "%1$u of %2$u users", total),
                          shown, total);
}

static void
search_changed_cb (AnjuUsersPage *self)
{
  g_autofree char *q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (anju_list_loader_apply_filter (&self->loader, "q", q))
    anju_list_loader_load_more (&self->loader);
}

static void
filter_changed_cb (AnjuUsersPage *self)
{
  guint org_position = gtk_drop_down_get_selected (self->organisation_filter);
  guint status_position = gtk_drop_down_get_selected (self->status_filter);
  const char *status = NULL;
  g_autofree char *org_text = NULL;
  gboolean changed;

  /* Refilling the drop-down moves its selection; that is no choice of
   * the user's. */
  if (self->filling_filters)
    return;

  if (org_position > 0 && org_position < self->filter_org_ids->len)
    org_text = g_strdup_printf ("%" G_GINT64_FORMAT,
                                g_array_index (self->filter_org_ids, gint64, org_position));
  if (status_position < G_N_ELEMENTS (status_filter_values))
    status = status_filter_values[status_position];

  changed = anju_list_loader_apply_filter (&self->loader, "organisation_id", org_text);
  changed |= anju_list_loader_apply_filter (&self->loader, "status", status);
  if (changed)
    anju_list_loader_load_more (&self->loader);
}

static void
fill_organisation_filter (AnjuUsersPage *self)
{
  GListModel *organisations = G_LIST_MODEL (self->organisations);
  guint n_items = g_list_model_get_n_items (organisations);
  guint position = gtk_drop_down_get_selected (self->organisation_filter);
  gint64 selected_id = position < self->filter_org_ids->len
                       ? g_array_index (self->filter_org_ids, gint64, position) : 0;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 all = 0;
  guint new_position = 0;

  g_array_set_size (self->filter_org_ids, 0);
  g_array_append_val (self->filter_org_ids, all);
  gtk_string_list_append (names, _("All organisations"));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnjuRecord) organisation = g_list_model_get_item (organisations, i);
      const char *name = anju_record_get_string (organisation, "name");
      gint64 id = anju_record_get_id (organisation);

      if (id == selected_id)
        new_position = self->filter_org_ids->len;
      g_array_append_val (self->filter_org_ids, id);
      gtk_string_list_append (names, name != NULL ? name : "");
    }

  self->filling_filters = TRUE;
  gtk_drop_down_set_model (self->organisation_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->organisation_filter, new_position);
  self->filling_filters = FALSE;
}

static void
pick_list_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  AnjuPagedModel *model = ANJU_PAGED_MODEL (object);
  g_autoptr(AnjuUsersPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!anju_load_all_finish (model, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Without the list the dialog offers fewer choices, which the
       * server then judges; the page itself still works. */
      anju_page_toast_error (GTK_WIDGET (self), self->client,
                             model == self->roles ? _("Could not load the roles")
                                                  : _("Could not load the organisations"),
                             error);
    }

  if (model == self->organisations)
    fill_organisation_filter (self);

  g_assert (self->n_pick_lists_pending > 0);
  self->n_pick_lists_pending--;
  actions_update (self);
}

static void
load_pick_lists (AnjuUsersPage *self)
{
  anju_paged_model_reset (self->organisations);
  anju_paged_model_reset (self->roles);

  /* A reset cancels a load still running; its callback then returns
   * early, so count afresh. */
  self->n_pick_lists_pending = 2;
  anju_load_all_async (self->organisations, self->cancellable, pick_list_loaded_cb, g_object_ref (self));
  anju_load_all_async (self->roles, self->cancellable, pick_list_loaded_cb, g_object_ref (self));
}

static void
reload_selecting (AnjuUsersPage *self,
                  gint64         id)
{
  self->loaded = TRUE;
  anju_list_loader_reload_selecting (&self->loader, id);
}

static void
request_done_cb (GtkWidget *widget,
                 JsonNode  *answer)
{
  reload_selecting (ANJU_USERS_PAGE (widget), anju_page_answer_id (answer));
}

static void
dialog_saved_cb (AnjuUsersPage *self,
                 AnjuRecord    *record)
{
  g_autofree char *message = NULL;

  /* Translators: %1$s is a username */
  message = g_strdup_printf (_("Saved user “%1$s”"), anju_record_get_string (record, "username"));
  anju_page_toast (GTK_WIDGET (self), message);
  reload_selecting (self, anju_record_get_id (record));
}

static void
present_user_dialog (AnjuUsersPage *self,
                     AnjuRecord    *user)
{
  GtkWidget *dialog = anju_user_dialog_new (self->client, user,
                                            G_LIST_MODEL (self->organisations),
                                            G_LIST_MODEL (self->roles));

  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  present_user_dialog (ANJU_USERS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuUsersPage *self = ANJU_USERS_PAGE (widget);
  AnjuRecord *selected = get_selected (self);

  if (selected != NULL)
    present_user_dialog (self, selected);
}

static void
row_activated_cb (AnjuUsersPage *self,
                  guint          position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "users.edit", NULL);
}

/* POST /api/v1/users/{id}/<verb> with the outcome as a toast. */
static void
user_request (AnjuUsersPage *self,
              AnjuRecord    *user,
              const char    *verb,
              JsonNode      *body,
              const char    *success_message,
              const char    *failure_message)
{
  g_autofree char *path = NULL;

  path = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT "/%s", anju_record_get_id (user), verb);
  anju_page_request (GTK_WIDGET (self), self->client, "POST", path, body, self->cancellable,
                     success_message, failure_message, request_done_cb);
}

static void
disable_confirmed_cb (GtkWidget  *page,
                      AnjuRecord *user)
{
  g_autofree char *success = NULL;

  /* Translators: %1$s is a username */
  success = g_strdup_printf (_("Disabled “%1$s”"), anju_record_get_string (user, "username"));
  user_request (ANJU_USERS_PAGE (page), user, "disable", NULL, success,
                _("Could not disable the account"));
}

static void
disable_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AnjuRecord *selected = get_selected (ANJU_USERS_PAGE (widget));
  g_autofree char *heading = NULL;

  if (selected == NULL)
    return;

  /* Translators: %1$s is a username */
  heading = g_strdup_printf (_("Disable “%1$s”?"), anju_record_get_string (selected, "username"));
  anju_page_confirm (widget, selected, heading,
                     _("The user is signed out at once and cannot sign in "
                       "until the account is enabled again."),
                     "disable", _("_Disable"), disable_confirmed_cb);
}

static void
enable_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuUsersPage *self = ANJU_USERS_PAGE (widget);
  AnjuRecord *selected = get_selected (self);

  if (selected != NULL)
    {
      g_autofree char *success = NULL;

      /* Translators: %1$s is a username */
      success = g_strdup_printf (_("Enabled “%1$s”"), anju_record_get_string (selected, "username"));
      user_request (self, selected, "enable", NULL, success,
                    _("Could not enable the account"));
    }
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuUsersPage *self = ANJU_USERS_PAGE (widget);
  AnjuRecord *selected = get_selected (self);

  if (selected != NULL)
    {
      g_autofree char *success = NULL;

      /* Translators: %1$s is a username */
      success = g_strdup_printf (_("Unlocked “%1$s”"), anju_record_get_string (selected, "username"));
      user_request (self, selected, "unlock", NULL, success,
                    _("Could not unlock the account"));
    }
}

static void
reset_response_cb (AnjuPasswordResetDialog *dialog,
                   const char              *response,
                   gpointer                 user_data)
{
  AnjuUsersPage *self = g_object_get_data (G_OBJECT (dialog), "anju-page");
  AnjuRecord *user = g_object_get_data (G_OBJECT (dialog), "anju-record");
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *success = NULL;

  if (!g_str_equal (response, "reset"))
    return;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "new_password");
  json_builder_add_string_value (builder, anju_password_reset_dialog_get_password (dialog));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  /* Translators: %1$s is a username */
  success = g_strdup_printf (_("Reset the password of “%1$s”; it must be changed at the next sign-in"),
                             anju_record_get_string (user, "username"));
  user_request (self, user, "reset-password", body, success,
                _("Could not reset the password"));
}

static void
reset_password_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AnjuUsersPage *self = ANJU_USERS_PAGE (widget);
  AnjuRecord *selected = get_selected (self);
  const char *username;
  GtkWidget *dialog;

  if (selected == NULL)
    return;

  username = anju_record_get_string (selected, "username");
  dialog = anju_password_reset_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                           username != NULL ? username : "");
  g_object_set_data_full (G_OBJECT (dialog), "anju-page", g_object_ref (self), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "anju-record", g_object_ref (selected), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (reset_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  anju_list_loader_load_more (&ANJU_USERS_PAGE (widget)->loader);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_users_page_reload (ANJU_USERS_PAGE (widget));
}

/* Reaching the bottom of what is loaded asks for the next page. */
static void
edge_reached_cb (AnjuUsersPage   *self,
                 GtkPositionType  position)
{
  anju_list_loader_edge_reached (&self->loader, position);
}

static char *
roles_text (AnjuRecord *record)
{
  JsonArray *roles = anju_record_get_member_array (record, "roles");
  guint n_roles = roles != NULL ? json_array_get_length (roles) : 0;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < n_roles; i++)
    {
      JsonNode *node = json_array_get_element (roles, i);
      const char *name = JSON_NODE_HOLDS_OBJECT (node)
                         ? anju_json_get_string (json_node_get_object (node), "name") : NULL;

      if (name != NULL)
        g_strv_builder_add (names, name);
    }

  strv = g_strv_builder_end (names);
  /* Translators: separates the names of a user's roles */
  return g_strjoinv (_(", "), strv);
}

static char *
status_text (AnjuRecord *record)
{
  const char *status = anju_record_get_string (record, "status");

  if (g_strcmp0 (status, "active") == 0)
    return g_strdup (C_("user status", "Active"));
  if (g_strcmp0 (status, "disabled") == 0)
    return g_strdup (C_("user status", "Disabled"));

  return g_strdup (status);
}

static char *
locked_text (AnjuRecord *record)
{
  g_autofree char *until = NULL;

  if (!anju_record_get_boolean (record, "locked", FALSE))
    return NULL;

  until = anju_display_time (anju_record_get_string (record, "locked_until"));
  if (until == NULL)
    return g_strdup (_("Locked"));

  /* Translators: %1$s is a date and time */
  return g_strdup_printf (_("Locked until %1$s"), until);
}

static void
append_column (AnjuUsersPage       *self,
               GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
setup_columns (AnjuUsersPage *self)
{
  append_column (self, anju_record_column_new (_("Username"), "username", ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (_("Name"), "name", ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (_("Mobile phone"), "phone", ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new (_("Organisation"), "organisation.name", ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new_with_func (_("Roles"), roles_text, ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new_with_func (_("Status"), status_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Locked"), locked_text, ANJU_RECORD_COLUMN_DEFAULT));
}

static void
anju_users_page_map (GtkWidget *widget)
{
  AnjuUsersPage *self = ANJU_USERS_PAGE (widget);

  GTK_WIDGET_CLASS (anju_users_page_parent_class)->map (widget);

  if (!self->loaded)
    anju_users_page_reload (self);
}

static void
anju_users_page_constructed (GObject *object)
{
  AnjuUsersPage *self = ANJU_USERS_PAGE (object);

  G_OBJECT_CLASS (anju_users_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->users = anju_paged_model_new (self->client, "/api/v1/users", 0);
  self->organisations = anju_paged_model_new (self->client, "/api/v1/organisations", ANJU_LOAD_ALL_PAGE_SIZE);
  self->roles = anju_paged_model_new (self->client, "/api/v1/roles", ANJU_LOAD_ALL_PAGE_SIZE);

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->users));
  g_object_bind_property (self->users, "loading", self->spinner, "spinning", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->users, "notify::loading", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->users, "notify::has-more", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  anju_list_loader_init (&self->loader, GTK_WIDGET (self), self->users, self->selection,
                         self->stack, self->error_page, self->cancellable,
                         _("Could not load more users"));
  anju_list_loader_show_count (&self->loader, self->count_label, count_text);

  fill_organisation_filter (self);
  actions_update (self);
}

static void
anju_users_page_dispose (GObject *object)
{
  AnjuUsersPage *self = ANJU_USERS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_USERS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->users);
  g_clear_object (&self->organisations);
  g_clear_object (&self->roles);

  G_OBJECT_CLASS (anju_users_page_parent_class)->dispose (object);
}

static void
anju_users_page_finalize (GObject *object)
{
  AnjuUsersPage *self = ANJU_USERS_PAGE (object);

  g_clear_pointer (&self->filter_org_ids, g_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_users_page_parent_class)->finalize (object);
}

static void
anju_users_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AnjuUsersPage *self = ANJU_USERS_PAGE (object);

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
anju_users_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AnjuUsersPage *self = ANJU_USERS_PAGE (object);

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
anju_users_page_class_init (AnjuUsersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_users_page_constructed;
  object_class->dispose = anju_users_page_dispose;
  object_class->finalize = anju_users_page_finalize;
  object_class->get_property = anju_users_page_get_property;
  object_class->set_property = anju_users_page_set_property;

  widget_class->map = anju_users_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-users-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuUsersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuUsersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuUsersPage, organisation_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuUsersPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuUsersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuUsersPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuUsersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuUsersPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "users.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "users.load-more", NULL, load_more_action);
  gtk_widget_class_install_action (widget_class, "users.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "users.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "users.disable", NULL, disable_action);
  gtk_widget_class_install_action (widget_class, "users.enable", NULL, enable_action);
  gtk_widget_class_install_action (widget_class, "users.unlock", NULL, unlock_action);
  gtk_widget_class_install_action (widget_class, "users.reset-password", NULL, reset_password_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "users.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "users.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "users.create", NULL);
}

static void
anju_users_page_init (AnjuUsersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->filter_org_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  setup_columns (self);
}

GtkWidget *
anju_users_page_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_USERS_PAGE, "client", client, NULL);
}

void
anju_users_page_reload (AnjuUsersPage *self)
{
  AnjuRecord *selected;

  g_return_if_fail (ANJU_IS_USERS_PAGE (self));

  selected = get_selected (self);
  load_pick_lists (self);
  reload_selecting (self, selected != NULL ? anju_record_get_id (selected) : 0);
}
