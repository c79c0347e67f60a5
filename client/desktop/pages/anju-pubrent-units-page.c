/* anju-pubrent-units-page.c: the public rental housing units. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-bench-timing.h"
#include "anju-housing-export.h"
#include "anju-housing-labels.h"
#include "anju-housing-prompt.h"
#include "anju-list-loader.h"
#include "anju-load-all.h"
#include "anju-page-feedback.h"
#include "anju-page-request.h"
#include "anju-paged-model.h"
#include "anju-pubrent-units-page-private.h"
#include "anju-record-column.h"
#include "anju-unit-changes-dialog.h"
#include "anju-unit-dialog.h"
#include "anju-unit-import-dialog.h"

#define UNITS_PATH    "/api/v1/pubrent/units"
#define PROJECTS_PATH "/api/v1/pubrent/projects"

/* The list's filters, which an export copies. */
static const char * const unit_filters[] = { "project_id", "building_id", "state", "abnormal", "layout", "q", NULL };

struct _AnjuPubrentUnitsPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *project_filter;
  GtkDropDown        *building_filter;
  GtkDropDown        *state_filter;
  GtkDropDown        *layout_filter;
  GtkCheckButton     *abnormal_filter;
  GtkColumnView      *column_view;
  AdwStatusPage      *error_page;
  GtkLabel           *count_label;

  /* Owned */
  AnjuApiClient      *client;            /* (owned) */
  AnjuPagedModel     *units;             /* (owned) */
  GtkSingleSelection *selection;         /* (owned) over units */
  AnjuPagedModel     *projects;          /* (owned) every one, for the filter and the dialog */
  GArray             *project_ids;       /* (owned) gint64, parallel to project_filter; [0] = 0 (all) */
  GArray             *building_ids;      /* (owned) gint64, parallel to building_filter; [0] = 0 (all) */
  GCancellable       *cancellable;       /* (owned) the loads and actions of this page */
  GCancellable       *buildings_load;    /* (owned) (nullable) the buildings of the chosen project */
  AnjuListLoader      loader;
  gint64              wanted_project_id; /* show_project() before the projects arrived */
  guint               projects_pending : 1;
  guint               projects_after_units : 1; /* load them once the units answered */
  guint               loaded : 1;
  guint               filling_filters : 1;
};

G_DEFINE_FINAL_TYPE (AnjuPubrentUnitsPage, anju_pubrent_units_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AnjuRecord *
get_selected (AnjuPubrentUnitsPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

static gboolean
is_abnormal (AnjuRecord *unit)
{
  return anju_record_get_member_object (unit, "abnormal") != NULL;
}

static void
actions_update (AnjuPubrentUnitsPage *self)
{
  AnjuRecord *selected = get_selected (self);
  gboolean can_write = anju_api_client_has_permission (self->client, ANJU_PUBRENT_HOUSING_WRITE);
  gboolean can_act = can_write && selected != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.create", can_write && !self->projects_pending);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.edit", can_act);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.mark-abnormal", can_act && !is_abnormal (selected));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.clear-abnormal", can_act && is_abnormal (selected));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.changes", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.import", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.load-more",
                                 anju_paged_model_get_has_more (self->units)
                                 && !anju_paged_model_get_loading (self->units));
}

static char *
count_text (guint shown,
            guint total)
{
  /* Translators: %1$u units of %2$u matching ones are in the list */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u unit", "%1$u of %2$u units", total),
                          shown, total);
}

/* Columns */

static char *
project_text (AnjuRecord *unit)
{
  return g_strdup (anju_record_get_path_string (unit, "project.name"));
}

static char *
room_text (AnjuRecord *unit)
{
  const char *entrance = anju_record_get_string (unit, "entrance");
  const char *room = anju_record_get_string (unit, "room_no");

  if (entrance == NULL || *entrance == '\0')
    return g_strdup (room);

  /* Translators: a unit's place in its building: %1$s the entrance
   * (单元), %2$s the room number */
  return g_strdup_printf (_("%1$s-%2$s"), entrance, room != NULL ? room : "");
}

static char *
floor_text (AnjuRecord *unit)
{
  JsonObject *object = anju_record_get_object (unit);

  if (!json_object_has_member (object, "floor") || json_object_get_null_member (object, "floor"))
    return NULL;

  return g_strdup_printf ("%" G_GINT64_FORMAT, anju_record_get_int (unit, "floor", 0));
}

static char *
layout_text (AnjuRecord *unit)
{
  return g_strdup (anju_unit_layout_label (anju_record_get_string (unit, "layout")));
}

static char *
area_text (AnjuRecord *unit)
{
  return anju_housing_format_area (anju_record_get_string (unit, "floor_area"));
}

static char *
rent_text (AnjuRecord *unit)
{
  return anju_housing_format_rent (anju_record_get_string (unit, "monthly_rent"));
}

static char *
state_text (AnjuRecord *unit)
{
  return g_strdup (anju_unit_state_label (anju_record_get_string (unit, "state")));
}

/* The abnormal badge: a label that is only there for abnormal units,
 * styled as a warning, naming the kind (the reason in its tooltip). */
static void
badge_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "warning");
  gtk_widget_add_css_class (label, "heading");
  gtk_list_item_set_child (list_item, label);
}

static void
badge_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  AnjuRecord *unit = anju_record_column_item_record (gtk_list_item_get_item (list_item));
  JsonObject *abnormal = unit != NULL ? anju_record_get_member_object (unit, "abnormal") : NULL;
  const char *reason = abnormal != NULL ? anju_json_get_string (abnormal, "reason") : NULL;
  g_autofree char *text = NULL;

  if (abnormal != NULL)
    {
      /* Translators: the badge of an abnormal unit; %1$s is its kind */
      text = g_strdup_printf (_("⚠ %1$s"), anju_abnormal_kind_label (anju_json_get_string (abnormal, "kind")));
    }

  gtk_label_set_text (label, text != NULL ? text : "");
  /* Setting a tooltip makes GTK ask the display where the pointer is (an
   * X round trip): only when it changes, which most rows (no mark) don't. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (label)), reason) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), reason);
}

static GtkColumnViewColumn *
badge_column_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (badge_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (badge_bind_cb), NULL);
  return gtk_column_view_column_new (_("Abnormal"), factory);
}

static void
append_column (AnjuPubrentUnitsPage *self,
               GtkColumnViewColumn  *column)
{
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
setup_columns (AnjuPubrentUnitsPage *self)
{
  append_column (self, anju_record_column_new (_("Unit No."), "unit_no", ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Project"), project_text, ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new (_("Building"), "building.name", ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Room"), room_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Floor"), floor_text, ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new_with_func (_("Layout"), layout_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Floor Area"), area_text, ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new_with_func (_("Monthly Rent"), rent_text, ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new_with_func (_("State"), state_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, badge_column_new ());
}

/* Filters */

static void
fill_code_filter (GtkDropDown        *drop_down,
                  const char         *all,
                  const char * const *codes,
                  const char *      (*label) (const char *code))
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, all);
  for (const char * const *code = codes; *code != NULL; code++)
    gtk_string_list_append (names, label (*code));
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (names));
}

static const char *
selected_code (GtkDropDown        *drop_down,
               const char * const *codes)
{
  guint position = gtk_drop_down_get_selected (drop_down);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > g_strv_length ((char **) codes))
    return NULL;
  return codes[position - 1];
}

static char *
selected_id_text (GtkDropDown *drop_down,
                  GArray      *ids)
{
  guint position = gtk_drop_down_get_selected (drop_down);

  if (position == 0 || position >= ids->len)
    return NULL;
  return g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (ids, gint64, position));
}

static void
search_changed_cb (AnjuPubrentUnitsPage *self)
{
  g_autofree char *q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (anju_list_loader_apply_filter (&self->loader, "q", q))
    anju_list_loader_load_more (&self->loader);
}

static void
filter_changed_cb (AnjuPubrentUnitsPage *self)
{
  g_autofree char *project_id = NULL;
  g_autofree char *building_id = NULL;
  gboolean changed;

  /* Refilling a drop-down moves its selection; that is no choice of
   * the user's. */
  if (self->filling_filters)
    return;

  project_id = selected_id_text (self->project_filter, self->project_ids);
  building_id = selected_id_text (self->building_filter, self->building_ids);

  changed = anju_list_loader_apply_filter (&self->loader, "project_id", project_id);
  changed |= anju_list_loader_apply_filter (&self->loader, "building_id", building_id);
  changed |= anju_list_loader_apply_filter (&self->loader, "state",
                                            selected_code (self->state_filter, anju_unit_state_codes ()));
  changed |= anju_list_loader_apply_filter (&self->loader, "layout",
                                            selected_code (self->layout_filter, anju_unit_layout_codes ()));
  changed |= anju_list_loader_apply_filter (&self->loader, "abnormal",
                                            gtk_check_button_get_active (self->abnormal_filter) ? "true" : NULL);
  if (changed)
    anju_list_loader_load_more (&self->loader);
}

static void
set_building_choices (AnjuPubrentUnitsPage *self,
                      JsonArray            *buildings)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n_buildings = buildings != NULL ? json_array_get_length (buildings) : 0;
  gint64 all = 0;

  g_array_set_size (self->building_ids, 0);
  g_array_append_val (self->building_ids, all);
  gtk_string_list_append (names, _("All buildings"));

  for (guint i = 0; i < n_buildings; i++)
    {
      JsonNode *node = json_array_get_element (buildings, i);
      JsonObject *building = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *name = anju_json_get_string (building, "name");
      gint64 id = anju_json_get_int (building, "id", 0);

      if (id <= 0)
        continue;
      g_array_append_val (self->building_ids, id);
      gtk_string_list_append (names, name != NULL ? name : "");
    }

  self->filling_filters = TRUE;
  gtk_drop_down_set_model (self->building_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->building_filter, 0);
  self->filling_filters = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->building_filter), self->building_ids->len > 1);
}

/* A list answer is a page ({"items": […]}) or a bare array. */
static JsonArray *
answer_items (JsonNode *answer)
{
  if (answer == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (answer))
    return json_node_get_array (answer);
  if (JSON_NODE_HOLDS_OBJECT (answer))
    return anju_json_get_array (json_node_get_object (answer), "items");
  return NULL;
}

static void
buildings_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AnjuPubrentUnitsPage) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->buildings_load);
  if (answer == NULL)
    {
      anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not load the buildings"), error);
      return;
    }

  set_building_choices (self, answer_items (answer));
}

static void
load_buildings (AnjuPubrentUnitsPage *self,
                gint64                project_id)
{
  g_autofree char *path = NULL;

  g_cancellable_cancel (self->buildings_load);
  g_clear_object (&self->buildings_load);
  set_building_choices (self, NULL);
  if (project_id <= 0)
    return;

  self->buildings_load = g_cancellable_new ();
  path = g_strdup_printf (PROJECTS_PATH "/%" G_GINT64_FORMAT "/buildings?page_size=%d",
                          project_id, ANJU_LOAD_ALL_PAGE_SIZE);
  anju_api_client_request_async (self->client, "GET", path, NULL, self->buildings_load,
                                 buildings_loaded_cb, g_object_ref (self));
}

static gint64
selected_project_id (AnjuPubrentUnitsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->project_filter);

  return position < self->project_ids->len ? g_array_index (self->project_ids, gint64, position) : 0;
}

static void
project_filter_changed_cb (AnjuPubrentUnitsPage *self)
{
  if (self->filling_filters)
    return;

  /* Another project's buildings are no choice for this one. */
  load_buildings (self, selected_project_id (self));
  filter_changed_cb (self);
}

static void
select_project (AnjuPubrentUnitsPage *self,
                gint64                project_id)
{
  for (guint i = 1; i < self->project_ids->len; i++)
    {
      if (g_array_index (self->project_ids, gint64, i) == project_id)
        {
          gtk_drop_down_set_selected (self->project_filter, i);
          return;
        }
    }
}

static void
fill_project_filter (AnjuPubrentUnitsPage *self)
{
  GListModel *projects = G_LIST_MODEL (self->projects);
  guint n_items = g_list_model_get_n_items (projects);
  gint64 selected_id = selected_project_id (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 all = 0;
  guint new_position = 0;

  g_array_set_size (self->project_ids, 0);
  g_array_append_val (self->project_ids, all);
  gtk_string_list_append (names, _("All projects"));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnjuRecord) project = g_list_model_get_item (projects, i);
      const char *name = anju_record_get_string (project, "name");
      gint64 id = anju_record_get_id (project);

      if (id == selected_id)
        new_position = self->project_ids->len;
      g_array_append_val (self->project_ids, id);
      gtk_string_list_append (names, name != NULL ? name : "");
    }

  self->filling_filters = TRUE;
  gtk_drop_down_set_model (self->project_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->project_filter, new_position);
  self->filling_filters = FALSE;

  if (self->wanted_project_id != 0)
    {
      select_project (self, self->wanted_project_id);
      self->wanted_project_id = 0;
    }
}

static void
projects_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AnjuPubrentUnitsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!anju_load_all_finish (ANJU_PAGED_MODEL (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* The list still works without the project filter. */
      anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not load the projects"), error);
    }

  self->projects_pending = FALSE;
  fill_project_filter (self);
  actions_update (self);
}

static void
load_projects (AnjuPubrentUnitsPage *self)
{
  anju_paged_model_reset (self->projects);
  self->projects_pending = TRUE;
  actions_update (self);
  anju_load_all_async (self->projects, self->cancellable, projects_loaded_cb, g_object_ref (self));
}

/* The project filter needs every project (at city size, several pages
 * of them): asked for only once the first page of units has answered,
 * so the list the user waits for is not queued behind them. */
static void
units_loading_cb (AnjuPubrentUnitsPage *self)
{
  gboolean loading = FALSE;

  g_object_get (self->units, "loading", &loading, NULL);
  if (loading || !self->projects_after_units)
    return;
  self->projects_after_units = FALSE;
  load_projects (self);
}

/* Actions */

static void
reload_selecting (AnjuPubrentUnitsPage *self,
                  gint64                id)
{
  self->loaded = TRUE;
  anju_list_loader_reload_selecting (&self->loader, id);
}

static void
request_done_cb (GtkWidget *widget,
                 JsonNode  *answer)
{
  reload_selecting (ANJU_PUBRENT_UNITS_PAGE (widget), anju_page_answer_id (answer));
}

static void
dialog_saved_cb (AnjuPubrentUnitsPage *self,
                 AnjuRecord           *unit)
{
  g_autofree char *message = NULL;

  /* Translators: %1$s is a unit number */
  message = g_strdup_printf (_("Saved unit “%1$s”"), anju_record_get_string (unit, "unit_no"));
  anju_page_toast (GTK_WIDGET (self), message);
  reload_selecting (self, anju_record_get_id (unit));
}

static void
present (AnjuPubrentUnitsPage *self,
         GtkWidget            *dialog)
{
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
present_unit_dialog (AnjuPubrentUnitsPage *self,
                     AnjuRecord           *unit)
{
  GtkWidget *dialog = anju_unit_dialog_new (self->client, unit, G_LIST_MODEL (self->projects),
                                            selected_project_id (self));

  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  present (self, dialog);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  present_unit_dialog (ANJU_PUBRENT_UNITS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuPubrentUnitsPage *self = ANJU_PUBRENT_UNITS_PAGE (widget);
  AnjuRecord *selected = get_selected (self);

  if (selected != NULL)
    present_unit_dialog (self, selected);
}

static void
row_activated_cb (AnjuPubrentUnitsPage *self,
                  guint                 position)
{
  if (anju_api_client_has_permission (self->client, ANJU_PUBRENT_HOUSING_WRITE))
    gtk_widget_activate_action (GTK_WIDGET (self), "units.edit", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "units.changes", NULL);
}

static void
abnormal_request (GtkWidget  *page,
                  AnjuRecord *unit,
                  const char *method,
                  JsonNode   *body,
                  const char *success,
                  const char *failure)
{
  AnjuPubrentUnitsPage *self = ANJU_PUBRENT_UNITS_PAGE (page);
  g_autofree char *path = NULL;

  path = g_strdup_printf (UNITS_PATH "/%" G_GINT64_FORMAT "/abnormal", anju_record_get_id (unit));
  anju_page_request (page, self->client, method, path, body, self->cancellable,
                     success, failure, request_done_cb);
}

static void
mark_answered_cb (GtkWidget  *page,
                  AnjuRecord *unit,
                  JsonNode   *body)
{
  g_autofree char *success = NULL;

  /* Translators: %1$s is a unit number */
  success = g_strdup_printf (_("Marked unit “%1$s” abnormal"), anju_record_get_string (unit, "unit_no"));
  abnormal_request (page, unit, "POST", body, success, _("Could not mark the unit abnormal"));
}

static void
mark_abnormal_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AnjuRecord *selected = get_selected (ANJU_PUBRENT_UNITS_PAGE (widget));
  AnjuHousingPrompt *prompt;
  g_autofree char *heading = NULL;

  if (selected == NULL)
    return;

  /* Translators: %1$s is a unit number */
  heading = g_strdup_printf (_("Mark Unit “%1$s” Abnormal?"), anju_record_get_string (selected, "unit_no"));
  prompt = anju_housing_prompt_new (widget, selected, heading,
                                    _("The unit is listed among the abnormal units until the mark is cleared."),
                                    "mark", _("_Mark Abnormal"), FALSE);
  anju_housing_prompt_add_choice (prompt, "kind", _("Kind"), anju_abnormal_kind_codes (), anju_abnormal_kind_label);
  anju_housing_prompt_add_entry (prompt, "reason", C_("abnormal unit", "Reason"), NULL, TRUE, FALSE);
  anju_housing_prompt_add_entry (prompt, "suggestion", _("Suggested handling"), NULL, FALSE, FALSE);
  anju_housing_prompt_present (prompt, mark_answered_cb);
}

static void
clear_answered_cb (GtkWidget  *page,
                   AnjuRecord *unit,
                   JsonNode   *body)
{
  g_autofree char *success = NULL;

  /* Translators: %1$s is a unit number */
  success = g_strdup_printf (_("Cleared the abnormal mark of unit “%1$s”"), anju_record_get_string (unit, "unit_no"));
  abnormal_request (page, unit, "DELETE", body, success, _("Could not clear the abnormal mark"));
}

static void
clear_abnormal_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AnjuRecord *selected = get_selected (ANJU_PUBRENT_UNITS_PAGE (widget));
  AnjuHousingPrompt *prompt;
  g_autofree char *heading = NULL;

  if (selected == NULL)
    return;

  /* Translators: %1$s is a unit number */
  heading = g_strdup_printf (_("Clear the Abnormal Mark of Unit “%1$s”?"), anju_record_get_string (selected, "unit_no"));
  prompt = anju_housing_prompt_new (widget, selected, heading,
                                    _("Say why the unit is no longer abnormal; the reason is kept in its change log."),
                                    "clear", _("C_lear Mark"), FALSE);
  anju_housing_prompt_add_entry (prompt, "reason", C_("abnormal unit", "Reason"), NULL, TRUE, FALSE);
  anju_housing_prompt_present (prompt, clear_answered_cb);
}

static void
changes_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AnjuPubrentUnitsPage *self = ANJU_PUBRENT_UNITS_PAGE (widget);
  AnjuRecord *selected = get_selected (self);

  if (selected != NULL)
    present (self, anju_unit_changes_dialog_new (self->client, selected));
}

static void
imported_cb (AnjuPubrentUnitsPage *self,
             guint                 n_imported)
{
  g_autofree char *message = NULL;

  /* Translators: %1$u units were imported from a spreadsheet */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %1$u unit", "Imported %1$u units", n_imported),
                             n_imported);
  anju_page_toast (GTK_WIDGET (self), message);
  reload_selecting (self, 0);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuPubrentUnitsPage *self = ANJU_PUBRENT_UNITS_PAGE (widget);
  GtkWidget *dialog = anju_unit_import_dialog_new (self->client);

  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  present (self, dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuPubrentUnitsPage *self = ANJU_PUBRENT_UNITS_PAGE (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y%m%d");
  g_autofree char *stem = NULL;

  if (!g_str_equal (format, "xlsx") && !g_str_equal (format, "csv"))
    return;

  path = anju_housing_export_path (self->units, UNITS_PATH "/export", unit_filters, format);
  /* Translators: the suggested name of an export of units; %1$s is
   * today's date (20261129) */
  stem = g_strdup_printf (_("units-%1$s"), date);
  anju_housing_export (widget, self->client, path, stem, format);
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  anju_list_loader_load_more (&ANJU_PUBRENT_UNITS_PAGE (widget)->loader);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_pubrent_units_page_reload (ANJU_PUBRENT_UNITS_PAGE (widget));
}

static void
edge_reached_cb (AnjuPubrentUnitsPage *self,
                 GtkPositionType       position)
{
  anju_list_loader_edge_reached (&self->loader, position);
}

static void
units_items_changed_cb (GListModel *units)
{
  if (g_list_model_get_n_items (units) > 0)
    anju_bench_timing_mark ("units-first-page");
}

/* The first showing loads; later ones keep what is there (F5 reloads). */
static void
anju_pubrent_units_page_map (GtkWidget *widget)
{
  AnjuPubrentUnitsPage *self = ANJU_PUBRENT_UNITS_PAGE (widget);

  GTK_WIDGET_CLASS (anju_pubrent_units_page_parent_class)->map (widget);

  if (!self->loaded)
    anju_pubrent_units_page_reload (self);
}

static void
anju_pubrent_units_page_constructed (GObject *object)
{
  AnjuPubrentUnitsPage *self = ANJU_PUBRENT_UNITS_PAGE (object);

  G_OBJECT_CLASS (anju_pubrent_units_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->units = anju_paged_model_new (self->client, UNITS_PATH, 0);
  self->projects = anju_paged_model_new (self->client, PROJECTS_PATH, ANJU_LOAD_ALL_PAGE_SIZE);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->units));
  g_signal_connect_object (self->units, "notify::loading", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->units, "notify::has-more", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->units, "notify::loading", G_CALLBACK (units_loading_cb), self, G_CONNECT_SWAPPED);
  if (anju_bench_timing_enabled ())
    g_signal_connect (self->units, "items-changed", G_CALLBACK (units_items_changed_cb), NULL);

  anju_list_loader_init (&self->loader, GTK_WIDGET (self), self->units, self->selection,
                         self->stack, self->error_page, self->cancellable,
                         _("Could not load more units"));
  anju_list_loader_show_count (&self->loader, self->count_label, count_text);

  fill_project_filter (self);
  set_building_choices (self, NULL);
  actions_update (self);
}

static void
anju_pubrent_units_page_dispose (GObject *object)
{
  AnjuPubrentUnitsPage *self = ANJU_PUBRENT_UNITS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->buildings_load);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_PUBRENT_UNITS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->units);
  g_clear_object (&self->projects);

  G_OBJECT_CLASS (anju_pubrent_units_page_parent_class)->dispose (object);
}

static void
anju_pubrent_units_page_finalize (GObject *object)
{
  AnjuPubrentUnitsPage *self = ANJU_PUBRENT_UNITS_PAGE (object);

  g_clear_pointer (&self->project_ids, g_array_unref);
  g_clear_pointer (&self->building_ids, g_array_unref);
  g_clear_object (&self->buildings_load);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_pubrent_units_page_parent_class)->finalize (object);
}

static void
anju_pubrent_units_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AnjuPubrentUnitsPage *self = ANJU_PUBRENT_UNITS_PAGE (object);

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
anju_pubrent_units_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AnjuPubrentUnitsPage *self = ANJU_PUBRENT_UNITS_PAGE (object);

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
anju_pubrent_units_page_class_init (AnjuPubrentUnitsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_pubrent_units_page_constructed;
  object_class->dispose = anju_pubrent_units_page_dispose;
  object_class->finalize = anju_pubrent_units_page_finalize;
  object_class->get_property = anju_pubrent_units_page_get_property;
  object_class->set_property = anju_pubrent_units_page_set_property;

  widget_class->map = anju_pubrent_units_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-pubrent-units-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentUnitsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentUnitsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentUnitsPage, project_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentUnitsPage, building_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentUnitsPage, state_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentUnitsPage, layout_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentUnitsPage, abnormal_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentUnitsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentUnitsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentUnitsPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, project_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "units.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "units.load-more", NULL, load_more_action);
  gtk_widget_class_install_action (widget_class, "units.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "units.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "units.mark-abnormal", NULL, mark_abnormal_action);
  gtk_widget_class_install_action (widget_class, "units.clear-abnormal", NULL, clear_abnormal_action);
  gtk_widget_class_install_action (widget_class, "units.changes", NULL, changes_action);
  gtk_widget_class_install_action (widget_class, "units.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "units.export", "s", export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "units.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "units.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "units.create", NULL);
}

static void
anju_pubrent_units_page_init (AnjuPubrentUnitsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->project_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->building_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  self->filling_filters = TRUE;
  fill_code_filter (self->state_filter, _("All states"), anju_unit_state_codes (), anju_unit_state_label);
  fill_code_filter (self->layout_filter, _("All layouts"), anju_unit_layout_codes (), anju_unit_layout_label);
  self->filling_filters = FALSE;

  setup_columns (self);
}

GtkWidget *
anju_pubrent_units_page_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_PUBRENT_UNITS_PAGE, "client", client, NULL);
}

void
anju_pubrent_units_page_reload (AnjuPubrentUnitsPage *self)
{
  AnjuRecord *selected;

  g_return_if_fail (ANJU_IS_PUBRENT_UNITS_PAGE (self));

  selected = get_selected (self);
  /* Until they are there, nothing may be created without a project. */
  self->projects_pending = TRUE;
  self->projects_after_units = TRUE;
  actions_update (self);
  reload_selecting (self, selected != NULL ? anju_record_get_id (selected) : 0);
}

void
anju_pubrent_units_page_show_project (AnjuPubrentUnitsPage *self,
                                      gint64                project_id)
{
  g_return_if_fail (ANJU_IS_PUBRENT_UNITS_PAGE (self));

  self->filling_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->state_filter, 0);
  gtk_drop_down_set_selected (self->layout_filter, 0);
  gtk_check_button_set_active (self->abnormal_filter, FALSE);
  self->filling_filters = FALSE;
  anju_list_loader_apply_filter (&self->loader, "q", NULL);

  /* The projects may still be on their way (the page was never shown):
   * the choice is made once they are there. */
  if (self->projects_pending || self->project_ids->len <= 1)
    {
      self->wanted_project_id = project_id;
      if (!self->loaded)
        return;
    }

  select_project (self, project_id);
  filter_changed_cb (self);
}

GtkWidget *
_anju_pubrent_units_page_get_filter (AnjuPubrentUnitsPage *self,
                                     const char           *name)
{
  g_return_val_if_fail (ANJU_IS_PUBRENT_UNITS_PAGE (self), NULL);

  if (g_strcmp0 (name, "q") == 0)
    return GTK_WIDGET (self->search_entry);
  if (g_strcmp0 (name, "project_id") == 0)
    return GTK_WIDGET (self->project_filter);
  if (g_strcmp0 (name, "building_id") == 0)
    return GTK_WIDGET (self->building_filter);
  if (g_strcmp0 (name, "state") == 0)
    return GTK_WIDGET (self->state_filter);
  if (g_strcmp0 (name, "layout") == 0)
    return GTK_WIDGET (self->layout_filter);
  if (g_strcmp0 (name, "abnormal") == 0)
    return GTK_WIDGET (self->abnormal_filter);
  return NULL;
}

AnjuPagedModel *
_anju_pubrent_units_page_get_model (AnjuPubrentUnitsPage *self)
{
  g_return_val_if_fail (ANJU_IS_PUBRENT_UNITS_PAGE (self), NULL);

  return self->units;
}

guint
_anju_pubrent_units_page_filter_position (const char *name,
                                          const char *code)
{
  const char * const *codes = g_strcmp0 (name, "state") == 0 ? anju_unit_state_codes () : anju_unit_layout_codes ();

  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      return i + 1;
  return 0;
}
