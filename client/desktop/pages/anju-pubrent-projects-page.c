/* anju-pubrent-projects-page.c: the public rental housing projects. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-housing-labels.h"
#include "anju-housing-prompt.h"
#include "anju-list-loader.h"
#include "anju-load-all.h"
#include "anju-page-confirm.h"
#include "anju-page-feedback.h"
#include "anju-page-request.h"
#include "anju-paged-model.h"
#include "anju-project-dialog.h"
#include "anju-pubrent-projects-page-private.h"
#include "anju-pubrent-units-page.h"
#include "anju-record-column.h"

#define PROJECTS_PATH  "/api/v1/pubrent/projects"
#define BUILDINGS_PATH "/api/v1/pubrent/buildings"

struct _AnjuPubrentProjectsPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_filter;
  GtkColumnView      *column_view;
  AdwStatusPage      *error_page;
  GtkLabel           *count_label;
  GtkStack           *detail_stack;
  AdwPreferencesGroup *facts_group;
  AdwActionRow       *address_row;
  AdwActionRow       *operator_row;
  AdwActionRow       *period_row;
  AdwActionRow       *manager_row;
  AdwActionRow       *units_row;
  AdwActionRow       *description_row;
  GtkListBox         *buildings_list;

  /* Owned */
  AnjuApiClient      *client;        /* (owned) */
  AnjuPagedModel     *projects;      /* (owned) */
  GtkSingleSelection *selection;     /* (owned) over projects */
  AnjuPagedModel     *operators;     /* (owned) organisations of kind enterprise_operating */
  AnjuRecord         *detail;        /* (owned) (nullable) GET /projects/{id} of the selection */
  GCancellable       *cancellable;   /* (owned) the loads and actions of this page */
  GCancellable       *detail_load;   /* (owned) (nullable) */
  AnjuListLoader      loader;
  guint               operators_pending : 1;
  guint               loaded : 1;
};

G_DEFINE_FINAL_TYPE (AnjuPubrentProjectsPage, anju_pubrent_projects_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AnjuRecord *
get_selected (AnjuPubrentProjectsPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

static void
actions_update (AnjuPubrentProjectsPage *self)
{
  AnjuRecord *selected = get_selected (self);
  gboolean can_write = anju_api_client_has_permission (self->client, ANJU_PUBRENT_HOUSING_WRITE);
  gboolean detail_shown = self->detail != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "projects.create", can_write && !self->operators_pending);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "projects.edit",
                                 can_write && selected != NULL && !self->operators_pending);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "projects.delete", can_write && selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "projects.show-units", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "projects.add-building", can_write && detail_shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "projects.rename-building", can_write && detail_shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "projects.delete-building", can_write && detail_shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "projects.load-more",
                                 anju_paged_model_get_has_more (self->projects)
                                 && !anju_paged_model_get_loading (self->projects));
}

static char *
count_text (guint shown,
            guint total)
{
  /* Translators: %1$u projects of %2$u matching ones are in the list */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u project", "%1$u of %2$u projects", total),
                          shown, total);
}

/* Columns */

static char *
status_text (AnjuRecord *project)
{
  return g_strdup (anju_project_status_label (anju_record_get_string (project, "status")));
}

static char *
unit_count_text (AnjuRecord *project)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, anju_record_get_int (project, "unit_count", 0));
}

static char *
vacant_count_text (AnjuRecord *project)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, anju_record_get_int (project, "vacant_count", 0));
}

static void
append_column (AnjuPubrentProjectsPage *self,
               GtkColumnViewColumn     *column)
{
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
setup_columns (AnjuPubrentProjectsPage *self)
{
  append_column (self, anju_record_column_new (_("No."), "project_no", ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (C_("project", "Name"), "name", ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new (_("Operating Enterprise"), "operator.name", ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Status"), status_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Units"), unit_count_text, ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new_with_func (_("Vacant"), vacant_count_text, ANJU_RECORD_COLUMN_NUMERIC));
}

/* Filters */

static void
search_changed_cb (AnjuPubrentProjectsPage *self)
{
  g_autofree char *q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (anju_list_loader_apply_filter (&self->loader, "q", q))
    anju_list_loader_load_more (&self->loader);
}

static void
filter_changed_cb (AnjuPubrentProjectsPage *self)
{
  const char * const *statuses = anju_project_status_codes ();
  guint position = gtk_drop_down_get_selected (self->status_filter);
  const char *status = NULL;

  if (position > 0 && position <= g_strv_length ((char **) statuses))
    status = statuses[position - 1];
  if (anju_list_loader_apply_filter (&self->loader, "status", status))
    anju_list_loader_load_more (&self->loader);
}

/* The detail pane */

static void
set_fact (AdwActionRow *row,
          const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL && *text != '\0' ? text : "—");
}

static GtkWidget *
building_button (const char *icon_name,
                 const char *action_name,
                 const char *label,
                 gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}

/* "B01 · 12 units" */
static char *
building_subtitle (const char *building_no,
                   gint64      n_units)
{
  /* Translators: %1$lld units in a building */
  g_autofree char *units = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$lld unit", "%1$lld units", n_units),
                                            (long long) n_units);

  if (building_no == NULL || *building_no == '\0')
    return g_steal_pointer (&units);

  /* Translators: a building's number and how many units it has */
  return g_strdup_printf (_("%1$s · %2$s"), building_no, units);
}

static void
show_buildings (AnjuPubrentProjectsPage *self,
                JsonArray               *buildings)
{
  guint n_buildings = buildings != NULL ? json_array_get_length (buildings) : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->buildings_list))) != NULL)
    gtk_list_box_remove (self->buildings_list, child);

  for (guint i = 0; i < n_buildings; i++)
    {
      JsonNode *node = json_array_get_element (buildings, i);
      JsonObject *building = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *name = anju_json_get_string (building, "name");
      const char *building_no = anju_json_get_string (building, "building_no");
      gint64 id = anju_json_get_int (building, "id", 0);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (id <= 0)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : "");
      subtitle = building_subtitle (building_no, anju_json_get_int (building, "unit_count", 0));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 building_button ("document-edit-symbolic", "projects.rename-building",
                                                  _("Rename Building…"), id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 building_button ("user-trash-symbolic", "projects.delete-building",
                                                  _("Delete Building…"), id));
      gtk_list_box_append (self->buildings_list, row);
    }

  if (n_buildings == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No buildings yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->buildings_list, row);
    }
}

static void
show_detail (AnjuPubrentProjectsPage *self)
{
  AnjuRecord *project = self->detail;
  const char *start = anju_record_get_string (project, "start_date");
  const char *end = anju_record_get_string (project, "end_date");
  const char *district = anju_record_get_string (project, "district");
  const char *address = anju_record_get_string (project, "address");
  g_autofree char *place = NULL;
  g_autofree char *period = NULL;
  g_autofree char *units = NULL;
  g_autofree char *title = NULL;

  /* Translators: a project's heading: %1$s its number, %2$s its name */
  title = g_strdup_printf (_("%1$s %2$s"), anju_record_get_string (project, "project_no"),
                           anju_record_get_string (project, "name"));
  adw_preferences_group_set_title (self->facts_group, title);
  adw_preferences_group_set_description (self->facts_group,
                                         anju_project_status_label (anju_record_get_string (project, "status")));

  place = g_strjoin (" ", district != NULL ? district : "", address != NULL ? address : "", NULL);
  set_fact (self->address_row, g_strstrip (place));
  set_fact (self->operator_row, anju_record_get_path_string (project, "operator.name"));
  if (start != NULL || end != NULL)
    /* Translators: a project's operating period: from %1$s to %2$s */
    period = g_strdup_printf (_("%1$s to %2$s"), start != NULL ? start : "…", end != NULL ? end : "…");
  set_fact (self->period_row, period);
  set_fact (self->manager_row, anju_record_get_string (project, "manager"));
  /* Translators: %1$lld units in a project, %2$lld of them vacant */
  units = g_strdup_printf (_("%1$lld in all, %2$lld vacant"),
                           (long long) anju_record_get_int (project, "unit_count", 0),
                           (long long) anju_record_get_int (project, "vacant_count", 0));
  set_fact (self->units_row, units);
  set_fact (self->description_row, anju_record_get_string (project, "description"));
  show_buildings (self, anju_record_get_member_array (project, "buildings"));

  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

static void
detail_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AnjuPubrentProjectsPage) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->detail_load);
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not load the project"), error);
      return;
    }

  g_clear_object (&self->detail);
  self->detail = anju_record_new (json_node_get_object (answer));
  show_detail (self);
  actions_update (self);
}

static void
load_detail (AnjuPubrentProjectsPage *self)
{
  AnjuRecord *selected = get_selected (self);
  g_autofree char *path = NULL;

  g_cancellable_cancel (self->detail_load);
  g_clear_object (&self->detail_load);
  g_clear_object (&self->detail);
  actions_update (self);

  if (selected == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  self->detail_load = g_cancellable_new ();
  path = g_strdup_printf (PROJECTS_PATH "/%" G_GINT64_FORMAT, anju_record_get_id (selected));
  anju_api_client_request_async (self->client, "GET", path, NULL, self->detail_load,
                                 detail_loaded_cb, g_object_ref (self));
}

/* Also after a reload that selects the same project again: a building
 * or a count may have changed. */
static void
selection_changed_cb (AnjuPubrentProjectsPage *self)
{
  load_detail (self);
}

/* Operating enterprises, for the dialog */

static void
operators_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AnjuPubrentProjectsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!anju_load_all_finish (ANJU_PAGED_MODEL (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* The dialog then offers no enterprise; the page still works. */
      anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not load the operating enterprises"), error);
    }

  self->operators_pending = FALSE;
  actions_update (self);
}

static void
load_operators (AnjuPubrentProjectsPage *self)
{
  anju_paged_model_reset (self->operators);
  self->operators_pending = TRUE;
  actions_update (self);
  anju_load_all_async (self->operators, self->cancellable, operators_loaded_cb, g_object_ref (self));
}

/* Actions */

static void
reload_selecting (AnjuPubrentProjectsPage *self,
                  gint64                   id)
{
  self->loaded = TRUE;
  anju_list_loader_reload_selecting (&self->loader, id);
}

static void
request_done_cb (GtkWidget *widget,
                 JsonNode  *answer)
{
  reload_selecting (ANJU_PUBRENT_PROJECTS_PAGE (widget), anju_page_answer_id (answer));
}

static void
building_done_cb (GtkWidget *widget,
                  JsonNode  *answer)
{
  AnjuPubrentProjectsPage *self = ANJU_PUBRENT_PROJECTS_PAGE (widget);
  AnjuRecord *selected = get_selected (self);

  reload_selecting (self, selected != NULL ? anju_record_get_id (selected) : 0);
}

static void
dialog_saved_cb (AnjuPubrentProjectsPage *self,
                 AnjuRecord              *project)
{
  g_autofree char *message = NULL;

  /* Translators: %1$s is a project's name */
  message = g_strdup_printf (_("Saved project “%1$s”"), anju_record_get_string (project, "name"));
  anju_page_toast (GTK_WIDGET (self), message);
  reload_selecting (self, anju_record_get_id (project));
}

static void
present_project_dialog (AnjuPubrentProjectsPage *self,
                        AnjuRecord              *project)
{
  GtkWidget *dialog = anju_project_dialog_new (self->client, project, G_LIST_MODEL (self->operators));

  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  present_project_dialog (ANJU_PUBRENT_PROJECTS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuPubrentProjectsPage *self = ANJU_PUBRENT_PROJECTS_PAGE (widget);
  AnjuRecord *selected = get_selected (self);

  /* The detail has every member; the list row may have fewer. */
  if (self->detail != NULL && selected != NULL
      && anju_record_get_id (self->detail) == anju_record_get_id (selected))
    present_project_dialog (self, self->detail);
  else if (selected != NULL)
    present_project_dialog (self, selected);
}

static void
row_activated_cb (AnjuPubrentProjectsPage *self,
                  guint                    position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "projects.show-units", NULL);
}

static void
delete_confirmed_cb (GtkWidget  *page,
                     AnjuRecord *project)
{
  AnjuPubrentProjectsPage *self = ANJU_PUBRENT_PROJECTS_PAGE (page);
  g_autofree char *path = NULL;
  g_autofree char *success = NULL;

  path = g_strdup_printf (PROJECTS_PATH "/%" G_GINT64_FORMAT, anju_record_get_id (project));
  /* Translators: %1$s is a project's name */
  success = g_strdup_printf (_("Deleted project “%1$s”"), anju_record_get_string (project, "name"));
  anju_page_request (page, self->client, "DELETE", path, NULL, self->cancellable,
                     success, _("Could not delete the project"), request_done_cb);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuRecord *selected = get_selected (ANJU_PUBRENT_PROJECTS_PAGE (widget));
  g_autofree char *heading = NULL;

  if (selected == NULL)
    return;

  /* Translators: %1$s is a project's name */
  heading = g_strdup_printf (_("Delete Project “%1$s”?"), anju_record_get_string (selected, "name"));
  anju_page_confirm (widget, selected, heading,
                     _("Only a project whose operating term has ended or whose qualification was "
                       "revoked should be deleted. A project with occupied units cannot be deleted."),
                     "delete", _("_Delete"), delete_confirmed_cb);
}

/* The units page is a sibling in the main window's stack. */
static void
show_units_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AnjuRecord *selected = get_selected (ANJU_PUBRENT_PROJECTS_PAGE (widget));
  GtkWidget *stack = gtk_widget_get_ancestor (widget, GTK_TYPE_STACK);
  GtkWidget *units;

  if (selected == NULL)
    return;

  /* The window builds a page when it is first shown, so show it first. */
  gtk_widget_activate_action (widget, "win.show-page", "s", "pubrent-units");
  units = stack != NULL ? gtk_stack_get_child_by_name (GTK_STACK (stack), "pubrent-units") : NULL;

  if (!ANJU_IS_PUBRENT_UNITS_PAGE (units))
    {
      anju_page_toast (widget, _("You may not see the units page."));
      return;
    }

  anju_pubrent_units_page_show_project (ANJU_PUBRENT_UNITS_PAGE (units), anju_record_get_id (selected));
}

static JsonObject *
find_building (AnjuPubrentProjectsPage *self,
               gint64                   id)
{
  JsonArray *buildings = self->detail != NULL ? anju_record_get_member_array (self->detail, "buildings") : NULL;

  for (guint i = 0; buildings != NULL && i < json_array_get_length (buildings); i++)
    {
      JsonNode *node = json_array_get_element (buildings, i);

      if (JSON_NODE_HOLDS_OBJECT (node) && anju_json_get_int (json_node_get_object (node), "id", 0) == id)
        return json_node_get_object (node);
    }

  return NULL;
}

static void
add_building_answered_cb (GtkWidget  *page,
                          AnjuRecord *project,
                          JsonNode   *body)
{
  AnjuPubrentProjectsPage *self = ANJU_PUBRENT_PROJECTS_PAGE (page);
  g_autofree char *path = NULL;

  path = g_strdup_printf (PROJECTS_PATH "/%" G_GINT64_FORMAT "/buildings", anju_record_get_id (project));
  anju_page_request (page, self->client, "POST", path, body, self->cancellable,
                     _("Added the building"), _("Could not add the building"), building_done_cb);
}

static void
add_building_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AnjuPubrentProjectsPage *self = ANJU_PUBRENT_PROJECTS_PAGE (widget);
  AnjuHousingPrompt *prompt;

  if (self->detail == NULL)
    return;

  prompt = anju_housing_prompt_new (widget, self->detail, _("Add Building"), NULL,
                                    "add", _("_Add"), FALSE);
  anju_housing_prompt_add_entry (prompt, "name", C_("building", "Name"), NULL, TRUE, FALSE);
  anju_housing_prompt_add_entry (prompt, "building_no", _("Building no."), NULL, FALSE, FALSE);
  anju_housing_prompt_add_entry (prompt, "floors", _("Floors"), NULL, FALSE, TRUE);
  anju_housing_prompt_present (prompt, add_building_answered_cb);
}

static void
rename_answered_cb (GtkWidget  *page,
                    AnjuRecord *building,
                    JsonNode   *body)
{
  AnjuPubrentProjectsPage *self = ANJU_PUBRENT_PROJECTS_PAGE (page);
  g_autofree char *path = g_strdup_printf (BUILDINGS_PATH "/%" G_GINT64_FORMAT, anju_record_get_id (building));

  anju_page_request (page, self->client, "PATCH", path, body, self->cancellable,
                     _("Renamed the building"), _("Could not rename the building"), building_done_cb);
}

static void
rename_building_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AnjuPubrentProjectsPage *self = ANJU_PUBRENT_PROJECTS_PAGE (widget);
  JsonObject *found = find_building (self, g_variant_get_int64 (parameter));
  g_autoptr(AnjuRecord) building = NULL;
  AnjuHousingPrompt *prompt;

  if (found == NULL)
    return;

  building = anju_record_new (found);
  prompt = anju_housing_prompt_new (widget, building, _("Rename Building"), NULL,
                                    "rename", _("_Rename"), FALSE);
  anju_housing_prompt_add_entry (prompt, "name", C_("building", "Name"), anju_record_get_string (building, "name"), TRUE, FALSE);
  anju_housing_prompt_present (prompt, rename_answered_cb);
}

static void
delete_building_confirmed_cb (GtkWidget  *page,
                              AnjuRecord *building)
{
  AnjuPubrentProjectsPage *self = ANJU_PUBRENT_PROJECTS_PAGE (page);
  g_autofree char *path = g_strdup_printf (BUILDINGS_PATH "/%" G_GINT64_FORMAT, anju_record_get_id (building));

  anju_page_request (page, self->client, "DELETE", path, NULL, self->cancellable,
                     _("Deleted the building"), _("Could not delete the building"), building_done_cb);
}

static void
delete_building_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AnjuPubrentProjectsPage *self = ANJU_PUBRENT_PROJECTS_PAGE (widget);
  JsonObject *found = find_building (self, g_variant_get_int64 (parameter));
  g_autoptr(AnjuRecord) building = NULL;
  g_autofree char *heading = NULL;

  if (found == NULL)
    return;

  building = anju_record_new (found);
  /* Translators: %1$s is a building's name */
  heading = g_strdup_printf (_("Delete Building “%1$s”?"), anju_record_get_string (building, "name"));
  anju_page_confirm (widget, building, heading,
                     _("A building that still has units cannot be deleted."),
                     "delete", _("_Delete"), delete_building_confirmed_cb);
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  anju_list_loader_load_more (&ANJU_PUBRENT_PROJECTS_PAGE (widget)->loader);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_pubrent_projects_page_reload (ANJU_PUBRENT_PROJECTS_PAGE (widget));
}

static void
edge_reached_cb (AnjuPubrentProjectsPage *self,
                 GtkPositionType          position)
{
  anju_list_loader_edge_reached (&self->loader, position);
}

static void
anju_pubrent_projects_page_map (GtkWidget *widget)
{
  AnjuPubrentProjectsPage *self = ANJU_PUBRENT_PROJECTS_PAGE (widget);

  GTK_WIDGET_CLASS (anju_pubrent_projects_page_parent_class)->map (widget);

  if (!self->loaded)
    anju_pubrent_projects_page_reload (self);
}

static void
anju_pubrent_projects_page_constructed (GObject *object)
{
  AnjuPubrentProjectsPage *self = ANJU_PUBRENT_PROJECTS_PAGE (object);

  G_OBJECT_CLASS (anju_pubrent_projects_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->projects = anju_paged_model_new (self->client, PROJECTS_PATH, 0);
  self->operators = anju_paged_model_new (self->client, "/api/v1/organisations", ANJU_LOAD_ALL_PAGE_SIZE);
  anju_paged_model_set_filter (self->operators, "kind", "enterprise_operating");
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->projects));
  g_signal_connect_object (self->projects, "notify::loading", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->projects, "notify::has-more", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);

  anju_list_loader_init (&self->loader, GTK_WIDGET (self), self->projects, self->selection,
                         self->stack, self->error_page, self->cancellable,
                         _("Could not load more projects"));
  anju_list_loader_show_count (&self->loader, self->count_label, count_text);
  actions_update (self);
}

static void
anju_pubrent_projects_page_dispose (GObject *object)
{
  AnjuPubrentProjectsPage *self = ANJU_PUBRENT_PROJECTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->detail_load);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_PUBRENT_PROJECTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->projects);
  g_clear_object (&self->operators);
  g_clear_object (&self->detail);

  G_OBJECT_CLASS (anju_pubrent_projects_page_parent_class)->dispose (object);
}

static void
anju_pubrent_projects_page_finalize (GObject *object)
{
  AnjuPubrentProjectsPage *self = ANJU_PUBRENT_PROJECTS_PAGE (object);

  g_clear_object (&self->detail_load);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_pubrent_projects_page_parent_class)->finalize (object);
}

static void
anju_pubrent_projects_page_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  AnjuPubrentProjectsPage *self = ANJU_PUBRENT_PROJECTS_PAGE (object);

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
anju_pubrent_projects_page_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  AnjuPubrentProjectsPage *self = ANJU_PUBRENT_PROJECTS_PAGE (object);

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
anju_pubrent_projects_page_class_init (AnjuPubrentProjectsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_pubrent_projects_page_constructed;
  object_class->dispose = anju_pubrent_projects_page_dispose;
  object_class->finalize = anju_pubrent_projects_page_finalize;
  object_class->get_property = anju_pubrent_projects_page_get_property;
  object_class->set_property = anju_pubrent_projects_page_set_property;

  widget_class->map = anju_pubrent_projects_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-pubrent-projects-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentProjectsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentProjectsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentProjectsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentProjectsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentProjectsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentProjectsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentProjectsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentProjectsPage, facts_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentProjectsPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentProjectsPage, operator_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentProjectsPage, period_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentProjectsPage, manager_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentProjectsPage, units_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentProjectsPage, description_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentProjectsPage, buildings_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "projects.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "projects.load-more", NULL, load_more_action);
  gtk_widget_class_install_action (widget_class, "projects.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "projects.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "projects.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "projects.show-units", NULL, show_units_action);
  gtk_widget_class_install_action (widget_class, "projects.add-building", NULL, add_building_action);
  gtk_widget_class_install_action (widget_class, "projects.rename-building", "x", rename_building_action);
  gtk_widget_class_install_action (widget_class, "projects.delete-building", "x", delete_building_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "projects.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "projects.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "projects.create", NULL);
}

static void
anju_pubrent_projects_page_init (AnjuPubrentProjectsPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  gtk_string_list_append (statuses, _("All statuses"));
  for (const char * const *code = anju_project_status_codes (); *code != NULL; code++)
    gtk_string_list_append (statuses, anju_project_status_label (*code));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));

  setup_columns (self);
}

GtkWidget *
anju_pubrent_projects_page_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_PUBRENT_PROJECTS_PAGE, "client", client, NULL);
}

void
anju_pubrent_projects_page_reload (AnjuPubrentProjectsPage *self)
{
  AnjuRecord *selected;

  g_return_if_fail (ANJU_IS_PUBRENT_PROJECTS_PAGE (self));

  selected = get_selected (self);
  load_operators (self);
  reload_selecting (self, selected != NULL ? anju_record_get_id (selected) : 0);
}

AnjuRecord *
_anju_pubrent_projects_page_get_detail (AnjuPubrentProjectsPage *self)
{
  g_return_val_if_fail (ANJU_IS_PUBRENT_PROJECTS_PAGE (self), NULL);

  return self->detail;
}
