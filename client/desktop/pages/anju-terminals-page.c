/* anju-terminals-page.c: the service terminal registry. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-display-time.h"
#include "anju-error.h"
#include "anju-list-loader.h"
#include "anju-load-all.h"
#include "anju-page-confirm.h"
#include "anju-page-feedback.h"
#include "anju-page-request.h"
#include "anju-paged-model.h"
#include "anju-record-column.h"
#include "anju-terminal-changes-dialog.h"
#include "anju-terminal-credential-dialog.h"
#include "anju-terminal-dialog.h"
#include "anju-terminal-labels.h"
#include "anju-terminal-layout-dialog.h"
#include "anju-terminals-page.h"

#define MANAGE_PERMISSION "terminal.device.manage"

/* Positions in the state and online filters of the template. */
static const char * const state_filter_values[] = { NULL, "enabled", "disabled" };
static const char * const online_filter_values[] = { NULL, "true", "false" };

struct _AnjuTerminalsPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *street_filter;
  GtkDropDown        *state_filter;
  GtkDropDown        *online_filter;
  GtkColumnView      *column_view;
  AdwStatusPage      *error_page;
  GtkLabel           *count_label;
  GtkSpinner         *spinner;

  /* Owned */
  AnjuApiClient      *client;          /* (owned) */
  AnjuPagedModel     *terminals;       /* (owned) */
  GtkSingleSelection *selection;       /* (owned) over terminals */
  AnjuPagedModel     *organisations;   /* (owned) every one, for the filter and the dialog */
  GArray             *filter_org_ids;  /* (owned) gint64, parallel to street_filter; [0] = 0 (all) */
  GCancellable       *cancellable;     /* (owned) the loads and actions of this page */
  AnjuListLoader      loader;
  guint               organisations_pending : 1;
  guint               loaded : 1;
  guint               filling_filters : 1;
};

G_DEFINE_FINAL_TYPE (AnjuTerminalsPage, anju_terminals_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AnjuRecord *
get_selected (AnjuTerminalsPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

static gboolean
credential_is_active (AnjuRecord *terminal)
{
  return anju_json_get_boolean (anju_record_get_member_object (terminal, "credential"), "active", FALSE);
}

static void
actions_update (AnjuTerminalsPage *self)
{
  AnjuRecord *selected = get_selected (self);
  gboolean can_manage = anju_api_client_has_permission (self->client, MANAGE_PERMISSION);
  gboolean can_act = can_manage && selected != NULL;
  gboolean enabled = selected != NULL && g_strcmp0 (anju_record_get_string (selected, "state"), "enabled") == 0;
  gboolean active = selected != NULL && credential_is_active (selected);
  gboolean orgs_ready = !self->organisations_pending;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "terminals.create", can_manage && orgs_ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "terminals.edit", can_act && orgs_ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "terminals.layout", can_act);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "terminals.history", can_act);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "terminals.enable", can_act && !enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "terminals.disable", can_act && enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "terminals.issue-credential", can_act);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "terminals.revoke-credential", can_act && active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "terminals.delete", can_act);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "terminals.load-more",
                                 anju_paged_model_get_has_more (self->terminals)
                                 && !anju_paged_model_get_loading (self->terminals));
}

static char *
count_text (guint shown,
            guint total)
{
  /* Translators: %1$u terminals of %2$u matching ones are in the list */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u terminal", "%1$u of %2$u terminals", total),
                          shown, total);
}

static void
search_changed_cb (AnjuTerminalsPage *self)
{
  g_autofree char *q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (anju_list_loader_apply_filter (&self->loader, "q", q))
    anju_list_loader_load_more (&self->loader);
}

static const char *
filter_value (GtkDropDown        *drop_down,
              const char * const *values,
              guint               n_values)
{
  guint position = gtk_drop_down_get_selected (drop_down);

  return position < n_values ? values[position] : NULL;
}

static void
filter_changed_cb (AnjuTerminalsPage *self)
{
  guint org_position = gtk_drop_down_get_selected (self->street_filter);
  g_autofree char *org_text = NULL;
  gboolean changed;

  /* Refilling the drop-down moves its selection; that is no choice of
   * the user's. */
  if (self->filling_filters)
    return;

  if (org_position > 0 && org_position < self->filter_org_ids->len)
    org_text = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (self->filter_org_ids, gint64, org_position));

  changed = anju_list_loader_apply_filter (&self->loader, "org_id", org_text);
  changed |= anju_list_loader_apply_filter (&self->loader, "state",
                                            filter_value (self->state_filter, state_filter_values,
                                                          G_N_ELEMENTS (state_filter_values)));
  changed |= anju_list_loader_apply_filter (&self->loader, "online",
                                            filter_value (self->online_filter, online_filter_values,
                                                          G_N_ELEMENTS (online_filter_values)));
  if (changed)
    anju_list_loader_load_more (&self->loader);
}

static gboolean
serves_citizens (AnjuRecord *organisation)
{
  const char *kind = anju_record_get_string (organisation, "kind");

  return g_strcmp0 (kind, "street") == 0 || g_strcmp0 (kind, "community") == 0;
}

/* Terminals stand in streets and communities only: the filter offers
 * those. */
static void
fill_street_filter (AnjuTerminalsPage *self)
{
  GListModel *organisations = G_LIST_MODEL (self->organisations);
  guint n_items = g_list_model_get_n_items (organisations);
  guint position = gtk_drop_down_get_selected (self->street_filter);
  gint64 selected_id = position < self->filter_org_ids->len
                       ? g_array_index (self->filter_org_ids, gint64, position) : 0;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 all = 0;
  guint new_position = 0;

  g_array_set_size (self->filter_org_ids, 0);
  g_array_append_val (self->filter_org_ids, all);
  gtk_string_list_append (names, _("All streets"));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnjuRecord) organisation = g_list_model_get_item (organisations, i);
      const char *name = anju_record_get_string (organisation, "name");
      gint64 id = anju_record_get_id (organisation);

      if (!serves_citizens (organisation))
        continue;
      if (id == selected_id)
        new_position = self->filter_org_ids->len;
      g_array_append_val (self->filter_org_ids, id);
      gtk_string_list_append (names, name != NULL ? name : "");
    }

  self->filling_filters = TRUE;
  gtk_drop_down_set_model (self->street_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->street_filter, new_position);
  self->filling_filters = FALSE;
}

static void
organisations_loaded_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(AnjuTerminalsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!anju_load_all_finish (ANJU_PAGED_MODEL (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* The list still works; the dialog offers no street to choose. */
      anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not load the organisations"), error);
    }

  fill_street_filter (self);
  self->organisations_pending = FALSE;
  actions_update (self);
}

static void
load_organisations (AnjuTerminalsPage *self)
{
  anju_paged_model_reset (self->organisations);
  self->organisations_pending = TRUE;
  anju_load_all_async (self->organisations, self->cancellable, organisations_loaded_cb, g_object_ref (self));
}

static void
reload_selecting (AnjuTerminalsPage *self,
                  gint64             id)
{
  self->loaded = TRUE;
  anju_list_loader_reload_selecting (&self->loader, id);
}

static void
request_done_cb (GtkWidget *widget,
                 JsonNode  *answer)
{
  AnjuTerminalsPage *self = ANJU_TERMINALS_PAGE (widget);
  gint64 id = anju_page_answer_id (answer);
  AnjuRecord *selected = get_selected (self);

  /* A 204 (revoke, delete) names no record: keep the one selected. */
  reload_selecting (self, id != 0 ? id : selected != NULL ? anju_record_get_id (selected) : 0);
}

static void
dialog_saved_cb (AnjuTerminalsPage *self,
                 AnjuRecord        *record)
{
  g_autofree char *message = NULL;

  /* Translators: %1$s is a terminal's name */
  message = g_strdup_printf (_("Saved terminal “%1$s”"), anju_record_get_string (record, "name"));
  anju_page_toast (GTK_WIDGET (self), message);
  reload_selecting (self, anju_record_get_id (record));
}

static GtkWindow *
page_window (AnjuTerminalsPage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
present_terminal_dialog (AnjuTerminalsPage *self,
                         AnjuRecord        *terminal)
{
  GtkWidget *dialog = anju_terminal_dialog_new (self->client, terminal, G_LIST_MODEL (self->organisations));

  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), page_window (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  present_terminal_dialog (ANJU_TERMINALS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuTerminalsPage *self = ANJU_TERMINALS_PAGE (widget);
  AnjuRecord *selected = get_selected (self);

  if (selected != NULL)
    present_terminal_dialog (self, selected);
}

static void
row_activated_cb (AnjuTerminalsPage *self,
                  guint              position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "terminals.edit", NULL);
}

static void
layout_saved_cb (AnjuTerminalsPage *self,
                 AnjuRecord        *layout)
{
  anju_page_toast (GTK_WIDGET (self), _("Saved the home layout"));
}

static void
layout_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuTerminalsPage *self = ANJU_TERMINALS_PAGE (widget);
  AnjuRecord *selected = get_selected (self);
  GtkWidget *dialog;

  if (selected == NULL)
    return;

  dialog = anju_terminal_layout_dialog_new (self->client, selected);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (layout_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), page_window (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AnjuTerminalsPage *self = ANJU_TERMINALS_PAGE (widget);
  AnjuRecord *selected = get_selected (self);
  GtkWidget *dialog;

  if (selected == NULL)
    return;

  dialog = anju_terminal_changes_dialog_new (self->client, selected);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), page_window (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* method /api/v1/terminals/{id}<suffix> with the outcome as a toast. */
static void
terminal_request (AnjuTerminalsPage *self,
                  AnjuRecord        *terminal,
                  const char        *method,
                  const char        *suffix,
                  const char        *success_message,
                  const char        *failure_message)
{
  g_autofree char *path = NULL;

  path = g_strdup_printf ("/api/v1/terminals/%" G_GINT64_FORMAT "%s", anju_record_get_id (terminal), suffix);
  anju_page_request (GTK_WIDGET (self), self->client, method, path, NULL, self->cancellable,
                     success_message, failure_message, request_done_cb);
}

static const char *
terminal_name (AnjuRecord *terminal)
{
  const char *name = anju_record_get_string (terminal, "name");

  return name != NULL ? name : "";
}

static void
enable_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuTerminalsPage *self = ANJU_TERMINALS_PAGE (widget);
  AnjuRecord *selected = get_selected (self);
  g_autofree char *success = NULL;

  if (selected == NULL)
    return;

  /* Translators: %1$s is a terminal's name */
  success = g_strdup_printf (_("Enabled “%1$s”"), terminal_name (selected));
  terminal_request (self, selected, "POST", "/enable", success, _("Could not enable the terminal"));
}

static void
disable_confirmed_cb (GtkWidget  *page,
                      AnjuRecord *terminal)
{
  g_autofree char *success = NULL;

  /* Translators: %1$s is a terminal's name */
  success = g_strdup_printf (_("Disabled “%1$s”"), terminal_name (terminal));
  terminal_request (ANJU_TERMINALS_PAGE (page), terminal, "POST", "/disable", success,
                    _("Could not disable the terminal"));
}

static void
disable_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AnjuRecord *selected = get_selected (ANJU_TERMINALS_PAGE (widget));
  g_autofree char *heading = NULL;

  if (selected == NULL)
    return;

  /* Translators: %1$s is a terminal's name */
  heading = g_strdup_printf (_("Disable “%1$s”?"), terminal_name (selected));
  anju_page_confirm (widget, selected, heading,
                     _("The server refuses the terminal’s requests at once, so citizens cannot use it "
                       "until it is enabled again."),
                     "disable", _("_Disable"), disable_confirmed_cb);
}

static void
delete_confirmed_cb (GtkWidget  *page,
                     AnjuRecord *terminal)
{
  g_autofree char *success = NULL;

  /* Translators: %1$s is a terminal's name */
  success = g_strdup_printf (_("Deleted “%1$s”"), terminal_name (terminal));
  terminal_request (ANJU_TERMINALS_PAGE (page), terminal, "DELETE", "", success,
                    _("Could not delete the terminal"));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuRecord *selected = get_selected (ANJU_TERMINALS_PAGE (widget));
  g_autofree char *heading = NULL;

  if (selected == NULL)
    return;

  /* Translators: %1$s is a terminal's name */
  heading = g_strdup_printf (_("Delete “%1$s”?"), terminal_name (selected));
  anju_page_confirm (widget, selected, heading,
                     _("Its credential is revoked and it leaves the registry; its history is kept. "
                       "This cannot be undone."),
                     "delete", _("_Delete"), delete_confirmed_cb);
}

typedef struct
{
  AnjuTerminalsPage *self;      /* (owned) */
  AnjuRecord        *terminal;  /* (owned) */
} Issue;

static void
issue_free (Issue *issue)
{
  g_object_unref (issue->self);
  g_object_unref (issue->terminal);
  g_free (issue);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Issue, issue_free)

static void
credential_issued_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Issue) issue = user_data;
  AnjuTerminalsPage *self = issue->self;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  const char *credential = NULL;
  GtkWidget *dialog;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    credential = anju_json_get_string (json_node_get_object (answer), "credential");
  if (credential == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, ANJU_ERROR, ANJU_ERROR_MALFORMED, _("The server’s answer holds no credential"));
      anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not issue the credential"), error);
      return;
    }

  dialog = anju_terminal_credential_dialog_new (page_window (self), terminal_name (issue->terminal),
                                                anju_record_get_string (issue->terminal, "sn"), credential);
  gtk_window_present (GTK_WINDOW (dialog));
  reload_selecting (self, anju_record_get_id (issue->terminal));
}

static void
issue_credential (GtkWidget  *page,
                  AnjuRecord *terminal)
{
  AnjuTerminalsPage *self = ANJU_TERMINALS_PAGE (page);
  g_autofree char *path = NULL;
  Issue *issue = g_new0 (Issue, 1);

  issue->self = g_object_ref (self);
  issue->terminal = g_object_ref (terminal);
  path = g_strdup_printf ("/api/v1/terminals/%" G_GINT64_FORMAT "/credential", anju_record_get_id (terminal));
  anju_api_client_request_async (self->client, "POST", path, NULL, self->cancellable, credential_issued_cb, issue);
}

static void
issue_credential_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AnjuRecord *selected = get_selected (ANJU_TERMINALS_PAGE (widget));
  g_autofree char *heading = NULL;

  if (selected == NULL)
    return;

  /* A new credential replaces the one in use: ask first, as the terminal
   * stops working until the new one is entered. */
  if (!credential_is_active (selected))
    {
      issue_credential (widget, selected);
      return;
    }

  /* Translators: %1$s is a terminal's name */
  heading = g_strdup_printf (_("Replace the credential of “%1$s”?"), terminal_name (selected));
  anju_page_confirm (widget, selected, heading,
                     _("The credential the terminal uses now stops working at once; it works again "
                       "only once the new one is entered in its configuration."),
                     "issue", _("_Issue New Credential"), issue_credential);
}

static void
revoke_confirmed_cb (GtkWidget  *page,
                     AnjuRecord *terminal)
{
  g_autofree char *success = NULL;

  /* Translators: %1$s is a terminal's name */
  success = g_strdup_printf (_("Revoked the credential of “%1$s”"), terminal_name (terminal));
  terminal_request (ANJU_TERMINALS_PAGE (page), terminal, "DELETE", "/credential", success,
                    _("Could not revoke the credential"));
}

static void
revoke_credential_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AnjuRecord *selected = get_selected (ANJU_TERMINALS_PAGE (widget));
  g_autofree char *heading = NULL;

  if (selected == NULL)
    return;

  /* Translators: %1$s is a terminal's name */
  heading = g_strdup_printf (_("Revoke the credential of “%1$s”?"), terminal_name (selected));
  anju_page_confirm (widget, selected, heading,
                     _("The server refuses the terminal from its very next request, until a new "
                       "credential is issued and entered."),
                     "revoke", _("_Revoke"), revoke_confirmed_cb);
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  anju_list_loader_load_more (&ANJU_TERMINALS_PAGE (widget)->loader);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_terminals_page_reload (ANJU_TERMINALS_PAGE (widget));
}

/* Reaching the bottom of what is loaded asks for the next page. */
static void
edge_reached_cb (AnjuTerminalsPage *self,
                 GtkPositionType    position)
{
  anju_list_loader_edge_reached (&self->loader, position);
}

static char *
state_text (AnjuRecord *record)
{
  return g_strdup (anju_terminal_state_label (anju_record_get_string (record, "state")));
}

static char *
heartbeat_text (AnjuRecord *record)
{
  char *at = anju_display_time (anju_record_get_string (record, "last_heartbeat_at"));

  return at != NULL ? at : g_strdup (C_("heartbeat", "Never"));
}

static void
online_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_list_item_set_child (item, label);
}

/* "● Online" in green, "● Offline" in red: the state a glance looks for. */
static void
online_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  AnjuRecord *record = anju_record_column_item_record (gtk_list_item_get_item (item));
  GtkWidget *label = gtk_list_item_get_child (item);
  gboolean online = record != NULL && anju_record_get_boolean (record, "online", FALSE);
  g_autofree char *text = NULL;

  /* Translators: a coloured dot, then "Online" or "Offline" */
  text = g_strdup_printf (_("● %1$s"), anju_terminal_online_label (online));
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_remove_css_class (label, online ? "error" : "success");
  gtk_widget_add_css_class (label, online ? "success" : "error");
}

static GtkColumnViewColumn *
online_column_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (online_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (online_bind_cb), NULL);
  return gtk_column_view_column_new (_("Connection"), factory);
}

static void
append_column (AnjuTerminalsPage   *self,
               GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
setup_columns (AnjuTerminalsPage *self)
{
  append_column (self, anju_record_column_new (_("SN"), "sn", ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (_("Terminal number"), "terminal_no", ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (_("Name"), "name", ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new (_("Location"), "location", ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new (_("Street"), "org.name", ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (_("Person in charge"), "person_in_charge", ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("State"), state_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, online_column_new ());
  append_column (self, anju_record_column_new_with_func (_("Last heartbeat"), heartbeat_text,
                                                         ANJU_RECORD_COLUMN_NUMERIC));
}

static void
anju_terminals_page_map (GtkWidget *widget)
{
  AnjuTerminalsPage *self = ANJU_TERMINALS_PAGE (widget);

  GTK_WIDGET_CLASS (anju_terminals_page_parent_class)->map (widget);

  if (!self->loaded)
    anju_terminals_page_reload (self);
}

static void
anju_terminals_page_constructed (GObject *object)
{
  AnjuTerminalsPage *self = ANJU_TERMINALS_PAGE (object);

  G_OBJECT_CLASS (anju_terminals_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->terminals = anju_paged_model_new (self->client, "/api/v1/terminals", 0);
  self->organisations = anju_paged_model_new (self->client, "/api/v1/organisations", ANJU_LOAD_ALL_PAGE_SIZE);

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->terminals));
  g_object_bind_property (self->terminals, "loading", self->spinner, "spinning", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->terminals, "notify::loading", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->terminals, "notify::has-more", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  anju_list_loader_init (&self->loader, GTK_WIDGET (self), self->terminals, self->selection,
                         self->stack, self->error_page, self->cancellable,
                         _("Could not load more terminals"));
  anju_list_loader_show_count (&self->loader, self->count_label, count_text);

  fill_street_filter (self);
  actions_update (self);
}

static void
anju_terminals_page_dispose (GObject *object)
{
  AnjuTerminalsPage *self = ANJU_TERMINALS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_TERMINALS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->terminals);
  g_clear_object (&self->organisations);

  G_OBJECT_CLASS (anju_terminals_page_parent_class)->dispose (object);
}

static void
anju_terminals_page_finalize (GObject *object)
{
  AnjuTerminalsPage *self = ANJU_TERMINALS_PAGE (object);

  g_clear_pointer (&self->filter_org_ids, g_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_terminals_page_parent_class)->finalize (object);
}

static void
anju_terminals_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnjuTerminalsPage *self = ANJU_TERMINALS_PAGE (object);

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
anju_terminals_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AnjuTerminalsPage *self = ANJU_TERMINALS_PAGE (object);

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
anju_terminals_page_class_init (AnjuTerminalsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_terminals_page_constructed;
  object_class->dispose = anju_terminals_page_dispose;
  object_class->finalize = anju_terminals_page_finalize;
  object_class->get_property = anju_terminals_page_get_property;
  object_class->set_property = anju_terminals_page_set_property;

  widget_class->map = anju_terminals_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-terminals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalsPage, street_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalsPage, state_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalsPage, online_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalsPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "terminals.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "terminals.load-more", NULL, load_more_action);
  gtk_widget_class_install_action (widget_class, "terminals.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "terminals.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "terminals.layout", NULL, layout_action);
  gtk_widget_class_install_action (widget_class, "terminals.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "terminals.enable", NULL, enable_action);
  gtk_widget_class_install_action (widget_class, "terminals.disable", NULL, disable_action);
  gtk_widget_class_install_action (widget_class, "terminals.issue-credential", NULL, issue_credential_action);
  gtk_widget_class_install_action (widget_class, "terminals.revoke-credential", NULL, revoke_credential_action);
  gtk_widget_class_install_action (widget_class, "terminals.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "terminals.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "terminals.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "terminals.create", NULL);
}

static void
anju_terminals_page_init (AnjuTerminalsPage *self)
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
anju_terminals_page_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_TERMINALS_PAGE, "client", client, NULL);
}

void
anju_terminals_page_reload (AnjuTerminalsPage *self)
{
  AnjuRecord *selected;

  g_return_if_fail (ANJU_IS_TERMINALS_PAGE (self));

  selected = get_selected (self);
  load_organisations (self);
  reload_selecting (self, selected != NULL ? anju_record_get_id (selected) : 0);
}
