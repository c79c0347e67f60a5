/* anju-enterprises-page.c: operating enterprises (F-PRH-011).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-display-time.h"
#include "anju-enterprise-dialog.h"
#include "anju-enterprise-labels.h"
#include "anju-enterprises-page.h"
#include "anju-list-loader.h"
#include "anju-page-feedback.h"
#include "anju-page-request.h"
#include "anju-paged-model.h"
#include "anju-record-column.h"

#define ENTERPRISES_PATH "/api/v1/pubrent/enterprises"

/* Positions in the state filter of the template. */
static const char * const state_filter_values[] = { NULL, "active", "purged" };

struct _AnjuEnterprisesPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *state_filter;
  GtkColumnView      *column_view;
  AdwStatusPage      *error_page;
  GtkLabel           *count_label;
  GtkSpinner         *spinner;
  GtkBox             *detail_box;

  /* Owned */
  AnjuApiClient      *client;          /* (owned) */
  AnjuPagedModel     *enterprises;     /* (owned) */
  GtkSingleSelection *selection;       /* (owned) over enterprises */
  GCancellable       *cancellable;     /* (owned) the loads and actions of this page */
  GCancellable       *detail_load;     /* (owned) (nullable) the detail being fetched */
  AnjuListLoader      loader;
  guint               loaded : 1;
};

G_DEFINE_FINAL_TYPE (AnjuEnterprisesPage, anju_enterprises_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AnjuRecord *
get_selected (AnjuEnterprisesPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

static void
actions_update (AnjuEnterprisesPage *self)
{
  AnjuRecord *selected = get_selected (self);
  gboolean active = selected != NULL
                    && g_strcmp0 (anju_record_get_string (selected, "state"), "active") == 0;
  gboolean has_account = selected != NULL
                         && anju_record_get_member_object (selected, "account") != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "enterprises.edit", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "enterprises.create-account",
                                 active && !has_account);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "enterprises.purge", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "enterprises.load-more",
                                 anju_paged_model_get_has_more (self->enterprises)
                                 && !anju_paged_model_get_loading (self->enterprises));
}

static char *
count_text (guint shown,
            guint total)
{
  /* Translators: %1$u enterprises of %2$u matching ones are in the list */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u enterprise",
                                       "%1$u of %2$u enterprises", total),
                          shown, total);
}

/* ---- the detail pane ---- */

static void
clear_detail (AnjuEnterprisesPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_box))) != NULL)
    gtk_box_remove (self->detail_box, child);
}

static GtkWidget *
add_group (AnjuEnterprisesPage *self,
           const char          *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->detail_box, group);
  return group;
}

/* A row "title: value"; nothing for an empty value. */
static void
add_row (GtkWidget  *group,
         const char *title,
         const char *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
add_time_row (GtkWidget  *group,
              const char *title,
              const char *iso_time)
{
  g_autofree char *text = anju_display_time (iso_time);

  add_row (group, title, text);
}

static void
show_profile (AnjuEnterprisesPage *self,
              AnjuRecord          *record)
{
  GtkWidget *group = add_group (self, anju_record_get_string (record, "name"));
  const char *state = anju_record_get_string (record, "state");

  add_row (group, _("Unified social credit code"), anju_record_get_string (record, "uscc"));
  add_row (group, _("State"), anju_enterprise_state_label (state));
  add_row (group, _("Legal representative"),
           anju_record_get_string (record, "legal_representative"));
  add_row (group, _("Contact person"), anju_record_get_string (record, "contact_name"));
  add_row (group, _("Contact mobile number"), anju_record_get_string (record, "contact_phone"));
  add_row (group, _("Registered address"), anju_record_get_string (record, "address"));
  add_row (group, _("Industry"), anju_record_get_string (record, "industry"));
  add_row (group, _("Business scope"), anju_record_get_string (record, "business_scope"));
  add_time_row (group, _("Created"), anju_record_get_string (record, "created_at"));
  if (g_strcmp0 (state, "purged") == 0)
    {
      add_time_row (group, _("Purged"), anju_record_get_string (record, "purged_at"));
      add_row (group, _("Reason for purging"), anju_record_get_string (record, "purge_reason"));
      add_row (group, _("Purged by"), anju_record_get_path_string (record, "purged_by.name"));
    }
}

static void
show_account (AnjuEnterprisesPage *self,
              AnjuRecord          *record)
{
  JsonObject *account = anju_record_get_member_object (record, "account");
  GtkWidget *group = add_group (self, _("Account"));

  if (account == NULL)
    {
      add_row (group, _("Account"), _("No account yet"));
      return;
    }
  add_row (group, _("Username"), anju_json_get_string (account, "username"));
  add_row (group, _("Status"), anju_json_get_boolean (account, "disabled", FALSE)
                               ? C_("account status", "Disabled")
                               : C_("account status", "Active"));
  add_time_row (group, _("Opened"), anju_json_get_string (account, "created_at"));
}

static void
show_projects (AnjuEnterprisesPage *self,
               JsonArray           *projects)
{
  GtkWidget *group = add_group (self, _("Projects"));
  guint n = projects != NULL ? json_array_get_length (projects) : 0;

  if (n == 0)
    {
      add_row (group, _("Projects"), _("This enterprise operates no project"));
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      JsonObject *project = json_array_get_object_element (projects, i);
      g_autofree char *value = NULL;

      /* Translators: %1$s is a project number, %2$d how many units it has */
      value = g_strdup_printf (_("%1$s · %2$d units"),
                               anju_json_get_string (project, "project_no"),
                               (int) anju_json_get_int (project, "unit_count", 0));
      add_row (group, anju_json_get_string (project, "name"), value);
    }
}

static void
detail_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AnjuEnterprisesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(AnjuRecord) record = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->detail_load);
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      anju_page_toast_error (GTK_WIDGET (self), self->client,
                             _("Could not load the enterprise's projects"), error);
      return;
    }
  record = anju_record_new (json_node_get_object (answer));
  clear_detail (self);
  show_profile (self, record);
  show_account (self, record);
  show_projects (self, anju_record_get_member_array (record, "projects"));
}

/* Shows the list's record at once, then the detail (with projects). */
static void
selection_changed_cb (AnjuEnterprisesPage *self)
{
  AnjuRecord *selected = get_selected (self);
  g_autofree char *path = NULL;

  g_cancellable_cancel (self->detail_load);
  g_clear_object (&self->detail_load);
  clear_detail (self);
  actions_update (self);
  if (selected == NULL)
    return;

  show_profile (self, selected);
  show_account (self, selected);
  path = g_strdup_printf (ENTERPRISES_PATH "/%" G_GINT64_FORMAT, anju_record_get_id (selected));
  self->detail_load = g_cancellable_new ();
  anju_api_client_request_async (self->client, "GET", path, NULL, self->detail_load,
                                 detail_loaded_cb, g_object_ref (self));
}

/* ---- filters ---- */

static void
search_changed_cb (AnjuEnterprisesPage *self)
{
  g_autofree char *q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (anju_list_loader_apply_filter (&self->loader, "q", q))
    anju_list_loader_load_more (&self->loader);
}

static void
filter_changed_cb (AnjuEnterprisesPage *self)
{
  guint position = gtk_drop_down_get_selected (self->state_filter);
  const char *state = position < G_N_ELEMENTS (state_filter_values)
                      ? state_filter_values[position] : NULL;

  if (anju_list_loader_apply_filter (&self->loader, "state", state))
    anju_list_loader_load_more (&self->loader);
}

static void
reload_selecting (AnjuEnterprisesPage *self,
                  gint64               id)
{
  self->loaded = TRUE;
  anju_list_loader_reload_selecting (&self->loader, id);
}

static void
request_done_cb (GtkWidget *widget,
                 JsonNode  *answer)
{
  reload_selecting (ANJU_ENTERPRISES_PAGE (widget), anju_page_answer_id (answer));
}

/* ---- add and edit ---- */

static void
dialog_saved_cb (AnjuEnterprisesPage *self,
                 AnjuRecord          *record)
{
  g_autofree char *message = NULL;

  /* Translators: %1$s is an enterprise's name */
  message = g_strdup_printf (_("Saved “%1$s”"), anju_record_get_string (record, "name"));
  anju_page_toast (GTK_WIDGET (self), message);
  reload_selecting (self, anju_record_get_id (record));
}

static void
present_dialog (AnjuEnterprisesPage *self,
                AnjuRecord          *enterprise)
{
  GtkWidget *dialog = anju_enterprise_dialog_new (self->client, enterprise);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  present_dialog (ANJU_ENTERPRISES_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuEnterprisesPage *self = ANJU_ENTERPRISES_PAGE (widget);
  AnjuRecord *selected = get_selected (self);

  if (selected != NULL)
    present_dialog (self, selected);
}

static void
row_activated_cb (AnjuEnterprisesPage *self,
                  guint                position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "enterprises.edit", NULL);
}

/* ---- account and purge: a question with one text to type ---- */

/* An AdwMessageDialog over the page with an entry under its body; the
 * answer response_id is enabled only while the entry holds text. */
static GtkWidget *
new_entry_dialog (AnjuEnterprisesPage *self,
                  AnjuRecord          *record,
                  const char          *heading,
                  const char          *body,
                  const char          *entry_label,
                  const char          *response_id,
                  const char          *response_label,
                  AdwResponseAppearance appearance)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), entry_label);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  entry_label, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response_id, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response_id, appearance);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), response_id, FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "anju-page", g_object_ref (self), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "anju-record", g_object_ref (record), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "anju-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "anju-response", (gpointer) response_id);
  return dialog;
}

static void
entry_changed_cb (GtkEditable *entry,
                  GtkWidget   *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const char *response_id = g_object_get_data (G_OBJECT (dialog), "anju-response");

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), response_id, *text != '\0');
  /* With text, Enter answers; without, it cancels. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           *text != '\0' ? response_id : "cancel");
}

static void
present_entry_dialog (GtkWidget *dialog,
                      GCallback  response_cb)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "anju-entry");

  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), dialog);
  g_signal_connect (dialog, "response", response_cb, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* POST …/{id}/<verb> with {member: text}. */
static void
post_with_text (AnjuEnterprisesPage *self,
                AnjuRecord          *record,
                const char          *verb,
                const char          *member,
                const char          *text,
                const char          *success,
                const char          *failure)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  path = g_strdup_printf (ENTERPRISES_PATH "/%" G_GINT64_FORMAT "/%s",
                          anju_record_get_id (record), verb);
  anju_page_request (GTK_WIDGET (self), self->client, "POST", path, body, self->cancellable,
                     success, failure, request_done_cb);
}

static void
account_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  AnjuEnterprisesPage *self = g_object_get_data (G_OBJECT (dialog), "anju-page");
  AnjuRecord *record = g_object_get_data (G_OBJECT (dialog), "anju-record");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "anju-entry");
  g_autofree char *username = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autofree char *success = NULL;

  if (!g_str_equal (response, "create") || *username == '\0')
    return;

  /* Translators: %1$s is a username, %2$s a (masked) mobile number */
  success = g_strdup_printf (_("Account “%1$s” created; its first password was sent by SMS to %2$s"),
                             username, anju_record_get_string (record, "contact_phone"));
  post_with_text (self, record, "account", "username", username, success,
                  _("Could not create the account"));
}

static void
create_account_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AnjuEnterprisesPage *self = ANJU_ENTERPRISES_PAGE (widget);
  AnjuRecord *selected = get_selected (self);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (selected == NULL)
    return;

  /* Translators: %1$s is an enterprise's name */
  heading = g_strdup_printf (_("Create an Account for “%1$s”?"),
                             anju_record_get_string (selected, "name"));
  /* Translators: %1$s is a person's name, %2$s a (masked) mobile number */
  body = g_strdup_printf (_("The account must change its random first password at the first "
                            "sign-in. The password is sent by SMS to the contact, %1$s (%2$s)."),
                          anju_record_get_string (selected, "contact_name"),
                          anju_record_get_string (selected, "contact_phone"));
  present_entry_dialog (new_entry_dialog (self, selected, heading, body, _("Username"),
                                          "create", _("C_reate Account"),
                                          ADW_RESPONSE_SUGGESTED),
                        G_CALLBACK (account_response_cb));
}

static void
purge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  AnjuEnterprisesPage *self = g_object_get_data (G_OBJECT (dialog), "anju-page");
  AnjuRecord *record = g_object_get_data (G_OBJECT (dialog), "anju-record");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "anju-entry");
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autofree char *success = NULL;

  if (!g_str_equal (response, "purge") || *reason == '\0')
    return;

  /* Translators: %1$s is an enterprise's name */
  success = g_strdup_printf (_("Purged “%1$s”; its users can no longer sign in"),
                             anju_record_get_string (record, "name"));
  post_with_text (self, record, "purge", "reason", reason, success,
                  _("Could not purge the enterprise"));
}

static void
purge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AnjuEnterprisesPage *self = ANJU_ENTERPRISES_PAGE (widget);
  AnjuRecord *selected = get_selected (self);
  g_autofree char *heading = NULL;

  if (selected == NULL)
    return;

  /* Translators: %1$s is an enterprise's name */
  heading = g_strdup_printf (_("Purge “%1$s”?"), anju_record_get_string (selected, "name"));
  present_entry_dialog (new_entry_dialog (self, selected, heading,
                                          _("Every user of the enterprise is disabled and loses "
                                            "its roles, and its projects lose their operator. "
                                            "Its records are kept. This cannot be undone."),
                                          _("Reason for purging"), "purge", _("_Purge"),
                                          ADW_RESPONSE_DESTRUCTIVE),
                        G_CALLBACK (purge_response_cb));
}

/* ---- list ---- */

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  anju_list_loader_load_more (&ANJU_ENTERPRISES_PAGE (widget)->loader);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_enterprises_page_reload (ANJU_ENTERPRISES_PAGE (widget));
}

static void
edge_reached_cb (AnjuEnterprisesPage *self,
                 GtkPositionType      position)
{
  anju_list_loader_edge_reached (&self->loader, position);
}

static char *
contact_text (AnjuRecord *record)
{
  const char *name = anju_record_get_string (record, "contact_name");
  const char *phone = anju_record_get_string (record, "contact_phone");

  if (name == NULL)
    return g_strdup (phone);
  if (phone == NULL)
    return g_strdup (name);
  /* Translators: a contact: %1$s a name, %2$s a mobile number */
  return g_strdup_printf (_("%1$s (%2$s)"), name, phone);
}

static char *
account_text (AnjuRecord *record)
{
  const char *username = anju_record_get_path_string (record, "account.username");

  return g_strdup (username != NULL ? username : _("None"));
}

static char *
state_text (AnjuRecord *record)
{
  return g_strdup (anju_enterprise_state_label (anju_record_get_string (record, "state")));
}

static char *
created_text (AnjuRecord *record)
{
  return anju_display_time (anju_record_get_string (record, "created_at"));
}

static void
append_column (AnjuEnterprisesPage *self,
               GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
setup_columns (AnjuEnterprisesPage *self)
{
  append_column (self, anju_record_column_new (_("Name"), "name", ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new (_("USCC"), "uscc", ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Contact"), contact_text,
                                                         ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Account"), account_text,
                                                         ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("State"), state_text,
                                                         ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Created"), created_text,
                                                         ANJU_RECORD_COLUMN_NUMERIC));
}

static void
anju_enterprises_page_map (GtkWidget *widget)
{
  AnjuEnterprisesPage *self = ANJU_ENTERPRISES_PAGE (widget);

  GTK_WIDGET_CLASS (anju_enterprises_page_parent_class)->map (widget);

  if (!self->loaded)
    anju_enterprises_page_reload (self);
}

static void
anju_enterprises_page_constructed (GObject *object)
{
  AnjuEnterprisesPage *self = ANJU_ENTERPRISES_PAGE (object);

  G_OBJECT_CLASS (anju_enterprises_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->enterprises = anju_paged_model_new (self->client, ENTERPRISES_PATH, 0);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->enterprises));
  g_object_bind_property (self->enterprises, "loading", self->spinner, "spinning",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->enterprises, "notify::loading", G_CALLBACK (actions_update),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->enterprises, "notify::has-more", G_CALLBACK (actions_update),
                           self, G_CONNECT_SWAPPED);
  anju_list_loader_init (&self->loader, GTK_WIDGET (self), self->enterprises, self->selection,
                         self->stack, self->error_page, self->cancellable,
                         _("Could not load more enterprises"));
  anju_list_loader_show_count (&self->loader, self->count_label, count_text);
  actions_update (self);
}

static void
anju_enterprises_page_dispose (GObject *object)
{
  AnjuEnterprisesPage *self = ANJU_ENTERPRISES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->detail_load);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_ENTERPRISES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->enterprises);

  G_OBJECT_CLASS (anju_enterprises_page_parent_class)->dispose (object);
}

static void
anju_enterprises_page_finalize (GObject *object)
{
  AnjuEnterprisesPage *self = ANJU_ENTERPRISES_PAGE (object);

  g_clear_object (&self->detail_load);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_enterprises_page_parent_class)->finalize (object);
}

static void
anju_enterprises_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AnjuEnterprisesPage *self = ANJU_ENTERPRISES_PAGE (object);

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
anju_enterprises_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AnjuEnterprisesPage *self = ANJU_ENTERPRISES_PAGE (object);

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
anju_enterprises_page_class_init (AnjuEnterprisesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_enterprises_page_constructed;
  object_class->dispose = anju_enterprises_page_dispose;
  object_class->finalize = anju_enterprises_page_finalize;
  object_class->get_property = anju_enterprises_page_get_property;
  object_class->set_property = anju_enterprises_page_set_property;

  widget_class->map = anju_enterprises_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-enterprises-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuEnterprisesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuEnterprisesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuEnterprisesPage, state_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuEnterprisesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuEnterprisesPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuEnterprisesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuEnterprisesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuEnterprisesPage, detail_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "enterprises.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "enterprises.load-more", NULL, load_more_action);
  gtk_widget_class_install_action (widget_class, "enterprises.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "enterprises.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "enterprises.create-account", NULL,
                                   create_account_action);
  gtk_widget_class_install_action (widget_class, "enterprises.purge", NULL, purge_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "enterprises.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "enterprises.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "enterprises.create", NULL);
}

static void
anju_enterprises_page_init (AnjuEnterprisesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  setup_columns (self);
}

GtkWidget *
anju_enterprises_page_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_ENTERPRISES_PAGE, "client", client, NULL);
}

void
anju_enterprises_page_reload (AnjuEnterprisesPage *self)
{
  AnjuRecord *selected;

  g_return_if_fail (ANJU_IS_ENTERPRISES_PAGE (self));

  selected = get_selected (self);
  reload_selecting (self, selected != NULL ? anju_record_get_id (selected) : 0);
}
