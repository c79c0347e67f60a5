/* anju-publicity-page.c: street publicity and New Area announcements.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-display-time.h"
#include "anju-enterprise-labels.h"
#include "anju-list-loader.h"
#include "anju-objection-dialogs.h"
#include "anju-page-feedback.h"
#include "anju-page-request.h"
#include "anju-paged-model.h"
#include "anju-publicity-page.h"
#include "anju-record-column.h"

#define PUBLICITY_PATH "/api/v1/pubrent/publicity"

/* Positions in the filters of the template. */
static const char * const kind_filter_values[] = { NULL, "street", "announcement" };
static const char * const state_filter_values[] = { NULL, "open", "ended" };

struct _AnjuPublicityPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *kind_filter;
  GtkDropDown        *state_filter;
  GtkColumnView      *column_view;
  AdwStatusPage      *error_page;
  GtkLabel           *count_label;
  GtkSpinner         *spinner;
  GtkBox             *detail_box;

  /* Owned */
  AnjuApiClient      *client;          /* (owned) */
  AnjuPagedModel     *publicity;       /* (owned) */
  GtkSingleSelection *selection;       /* (owned) over publicity */
  GCancellable       *cancellable;     /* (owned) the loads and actions of this page */
  GCancellable       *detail_load;     /* (owned) (nullable) the detail being fetched */
  AnjuListLoader      loader;
  guint               loaded : 1;
};

G_DEFINE_FINAL_TYPE (AnjuPublicityPage, anju_publicity_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AnjuRecord *
get_selected (AnjuPublicityPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

/* Objections are taken while the period runs: before its end. */
static gboolean
is_open (AnjuRecord *record)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) end = NULL;
  const char *end_at = anju_record_get_string (record, "end_at");

  end = end_at != NULL ? g_date_time_new_from_iso8601 (end_at, NULL) : NULL;
  return end != NULL && g_date_time_compare (now, end) < 0;
}

static void
actions_update (AnjuPublicityPage *self)
{
  AnjuRecord *selected = get_selected (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publicity.record-objection",
                                 selected != NULL && is_open (selected));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publicity.load-more",
                                 anju_paged_model_get_has_more (self->publicity)
                                 && !anju_paged_model_get_loading (self->publicity));
}

static char *
count_text (guint shown,
            guint total)
{
  /* Translators: %1$u publicity items of %2$u matching ones are in the list */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u publicity",
                                       "%1$u of %2$u publicity", total),
                          shown, total);
}

static char *
outcome_text (AnjuRecord *record)
{
  JsonObject *object = anju_record_get_object (record);
  JsonNode *passed = json_object_get_member (object, "passed");
  gboolean decided = passed != NULL && JSON_NODE_HOLDS_VALUE (passed);

  return g_strdup (anju_publicity_outcome_label (decided,
                                                 decided && json_node_get_boolean (passed)));
}

/* "2026-12-01 09:00 – 2026-12-08 09:00" */
static char *
period_text (AnjuRecord *record)
{
  g_autofree char *start = anju_display_time (anju_record_get_string (record, "start_at"));
  g_autofree char *end = anju_display_time (anju_record_get_string (record, "end_at"));

  /* Translators: a period from %1$s to %2$s (dates and times) */
  return g_strdup_printf (_("%1$s – %2$s"), start != NULL ? start : "", end != NULL ? end : "");
}

/* ---- the detail pane ---- */

static void
clear_detail (AnjuPublicityPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_box))) != NULL)
    gtk_box_remove (self->detail_box, child);
}

static GtkWidget *
add_group (AnjuPublicityPage *self,
           const char        *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->detail_box, group);
  return group;
}

static GtkWidget *
add_row (GtkWidget  *group,
         const char *title,
         const char *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return NULL;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
show_publicity (AnjuPublicityPage *self,
                AnjuRecord        *record)
{
  GtkWidget *group = add_group (self, anju_record_get_string (record, "publicity_no"));
  g_autofree char *period = period_text (record);
  g_autofree char *outcome = outcome_text (record);

  add_row (group, _("Kind"), anju_publicity_kind_label (anju_record_get_string (record, "kind")));
  add_row (group, _("Applicant"), anju_record_get_path_string (record, "application.applicant_name"));
  add_row (group, _("Application number"),
           anju_record_get_path_string (record, "application.application_no"));
  add_row (group, _("Organisation"), anju_record_get_path_string (record, "org.name"));
  add_row (group, _("Period"), period);
  add_row (group, _("Location"), anju_record_get_string (record, "location"));
  add_row (group, _("Method"), anju_record_get_string (record, "method"));
  add_row (group, _("Outcome"), outcome);
}

static void verify_clicked_cb (GtkButton *button, AnjuPublicityPage *self);

static void
add_objection_row (AnjuPublicityPage *self,
                   GtkWidget         *group,
                   JsonObject        *objection)
{
  const char *result = anju_json_get_string (objection, "result");
  g_autofree char *received = anju_display_time (anju_json_get_string (objection, "received_at"));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: %1$s an objection number, %2$s its verification result */
  title = g_strdup_printf (_("%1$s · %2$s"), anju_json_get_string (objection, "objection_no"),
                           anju_objection_result_label (result));
  /* Translators: %1$s when an objection came in, %2$s how, %3$s what it says */
  subtitle = g_strdup_printf (_("%1$s, %2$s: %3$s"), received != NULL ? received : "",
                              anju_objection_method_label (anju_json_get_string (objection, "method")),
                              anju_json_get_string (objection, "content"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (g_strcmp0 (result, "pending") == 0)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Verify…"));
      g_autofree char *accessible = NULL;

      /* Translators: %1$s is an objection number */
      accessible = g_strdup_printf (_("Verify objection %1$s"),
                                    anju_json_get_string (objection, "objection_no"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gint64 id = anju_json_get_int (objection, "id", 0);

      g_object_set_data_full (G_OBJECT (button), "anju-objection-id",
                              g_memdup2 (&id, sizeof id), g_free);
      g_object_set_data_full (G_OBJECT (button), "anju-objection-no",
                              g_strdup (anju_json_get_string (objection, "objection_no")), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (verify_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  else
    {
      const char *opinion = anju_json_get_string (objection, "opinion");

      if (opinion != NULL)
        gtk_widget_set_tooltip_text (row, opinion);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
show_objections (AnjuPublicityPage *self,
                 JsonArray         *objections)
{
  GtkWidget *group = add_group (self, _("Objections"));
  guint n = objections != NULL ? json_array_get_length (objections) : 0;

  if (n == 0)
    add_row (group, _("Objections"), _("No objection was received"));
  for (guint i = 0; i < n; i++)
    add_objection_row (self, group, json_array_get_object_element (objections, i));
}

static void
detail_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AnjuPublicityPage) self = user_data;
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
                             _("Could not load the objections"), error);
      return;
    }
  record = anju_record_new (json_node_get_object (answer));
  clear_detail (self);
  show_publicity (self, record);
  show_objections (self, anju_record_get_member_array (record, "objections"));
}

static void
selection_changed_cb (AnjuPublicityPage *self)
{
  AnjuRecord *selected = get_selected (self);
  g_autofree char *path = NULL;

  g_cancellable_cancel (self->detail_load);
  g_clear_object (&self->detail_load);
  clear_detail (self);
  actions_update (self);
  if (selected == NULL)
    return;

  show_publicity (self, selected);
  path = g_strdup_printf (PUBLICITY_PATH "/%" G_GINT64_FORMAT, anju_record_get_id (selected));
  self->detail_load = g_cancellable_new ();
  anju_api_client_request_async (self->client, "GET", path, NULL, self->detail_load,
                                 detail_loaded_cb, g_object_ref (self));
}

/* ---- filters ---- */

static void
search_changed_cb (AnjuPublicityPage *self)
{
  g_autofree char *q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (anju_list_loader_apply_filter (&self->loader, "q", q))
    anju_list_loader_load_more (&self->loader);
}

static void
filter_changed_cb (AnjuPublicityPage *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_filter);
  guint state = gtk_drop_down_get_selected (self->state_filter);
  gboolean changed;

  changed = anju_list_loader_apply_filter (&self->loader, "kind",
                                           kind < G_N_ELEMENTS (kind_filter_values)
                                           ? kind_filter_values[kind] : NULL);
  changed |= anju_list_loader_apply_filter (&self->loader, "state",
                                            state < G_N_ELEMENTS (state_filter_values)
                                            ? state_filter_values[state] : NULL);
  if (changed)
    anju_list_loader_load_more (&self->loader);
}

static void
reload_selecting (AnjuPublicityPage *self,
                  gint64             id)
{
  self->loaded = TRUE;
  anju_list_loader_reload_selecting (&self->loader, id);
}

/* After an objection is recorded or verified: the publicity again, so
 * its counts and objections show the change. */
static void
request_done_cb (GtkWidget *widget,
                 JsonNode  *answer)
{
  AnjuPublicityPage *self = ANJU_PUBLICITY_PAGE (widget);
  AnjuRecord *selected = get_selected (self);

  reload_selecting (self, selected != NULL ? anju_record_get_id (selected) : 0);
}

/* ---- objections ---- */

static void
objection_recorded_cb (GtkWidget *page,
                       gint64     publicity_id,
                       JsonNode  *body)
{
  AnjuPublicityPage *self = ANJU_PUBLICITY_PAGE (page);
  g_autofree char *path = NULL;

  path = g_strdup_printf (PUBLICITY_PATH "/%" G_GINT64_FORMAT "/objections", publicity_id);
  anju_page_request (page, self->client, "POST", path, body, self->cancellable,
                     _("Recorded the objection; it awaits verification"),
                     _("Could not record the objection"), request_done_cb);
}

static void
record_objection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AnjuPublicityPage *self = ANJU_PUBLICITY_PAGE (widget);
  AnjuRecord *selected = get_selected (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *heading = NULL;

  if (selected == NULL)
    return;

  /* Translators: %1$s is a publicity number */
  heading = g_strdup_printf (_("Record an Objection to %1$s"),
                             anju_record_get_string (selected, "publicity_no"));
  gtk_window_present (GTK_WINDOW (anju_objection_record_dialog_new (widget,
                                                                    anju_record_get_id (selected),
                                                                    heading, today,
                                                                    objection_recorded_cb)));
}

static void
objection_verified_cb (GtkWidget *page,
                       gint64     objection_id,
                       JsonNode  *body)
{
  AnjuPublicityPage *self = ANJU_PUBLICITY_PAGE (page);
  g_autofree char *path = NULL;

  path = g_strdup_printf ("/api/v1/pubrent/objections/%" G_GINT64_FORMAT "/verify", objection_id);
  anju_page_request (page, self->client, "POST", path, body, self->cancellable,
                     _("Saved the verification"), _("Could not save the verification"),
                     request_done_cb);
}

static void
verify_clicked_cb (GtkButton         *button,
                   AnjuPublicityPage *self)
{
  const gint64 *id = g_object_get_data (G_OBJECT (button), "anju-objection-id");
  const char *number = g_object_get_data (G_OBJECT (button), "anju-objection-no");
  g_autofree char *heading = NULL;

  /* Translators: %1$s is an objection number */
  heading = g_strdup_printf (_("Verify Objection %1$s"), number != NULL ? number : "");
  gtk_window_present (GTK_WINDOW (anju_objection_verify_dialog_new (GTK_WIDGET (self), *id,
                                                                    heading,
                                                                    objection_verified_cb)));
}

static void
row_activated_cb (AnjuPublicityPage *self,
                  guint              position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "publicity.record-objection", NULL);
}

/* ---- list ---- */

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  anju_list_loader_load_more (&ANJU_PUBLICITY_PAGE (widget)->loader);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_publicity_page_reload (ANJU_PUBLICITY_PAGE (widget));
}

static void
edge_reached_cb (AnjuPublicityPage *self,
                 GtkPositionType    position)
{
  anju_list_loader_edge_reached (&self->loader, position);
}

static char *
kind_text (AnjuRecord *record)
{
  return g_strdup (anju_publicity_kind_label (anju_record_get_string (record, "kind")));
}

static char *
objections_text (AnjuRecord *record)
{
  gint64 total = anju_record_get_int (record, "objection_count", 0);
  gint64 pending = anju_record_get_int (record, "pending_objections", 0);

  if (pending == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, total);
  /* Translators: %1$d objections, %2$d of them awaiting verification */
  return g_strdup_printf (_("%1$d (%2$d pending)"), (int) total, (int) pending);
}

static void
append_column (AnjuPublicityPage   *self,
               GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
setup_columns (AnjuPublicityPage *self)
{
  append_column (self, anju_record_column_new (_("Number"), "publicity_no",
                                               ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Kind"), kind_text,
                                                         ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (_("Applicant"), "application.applicant_name",
                                               ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (_("Application"), "application.application_no",
                                               ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (_("Organisation"), "org.name",
                                               ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new_with_func (_("Period"), period_text,
                                                         ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Objections"), objections_text,
                                                         ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new_with_func (_("Outcome"), outcome_text,
                                                         ANJU_RECORD_COLUMN_DEFAULT));
}

static void
anju_publicity_page_map (GtkWidget *widget)
{
  AnjuPublicityPage *self = ANJU_PUBLICITY_PAGE (widget);

  GTK_WIDGET_CLASS (anju_publicity_page_parent_class)->map (widget);

  if (!self->loaded)
    anju_publicity_page_reload (self);
}

static void
anju_publicity_page_constructed (GObject *object)
{
  AnjuPublicityPage *self = ANJU_PUBLICITY_PAGE (object);

  G_OBJECT_CLASS (anju_publicity_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->publicity = anju_paged_model_new (self->client, PUBLICITY_PATH, 0);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->publicity));
  g_object_bind_property (self->publicity, "loading", self->spinner, "spinning",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->publicity, "notify::loading", G_CALLBACK (actions_update),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->publicity, "notify::has-more", G_CALLBACK (actions_update),
                           self, G_CONNECT_SWAPPED);
  anju_list_loader_init (&self->loader, GTK_WIDGET (self), self->publicity, self->selection,
                         self->stack, self->error_page, self->cancellable,
                         _("Could not load more publicity"));
  anju_list_loader_show_count (&self->loader, self->count_label, count_text);
  actions_update (self);
}

static void
anju_publicity_page_dispose (GObject *object)
{
  AnjuPublicityPage *self = ANJU_PUBLICITY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->detail_load);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_PUBLICITY_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->publicity);

  G_OBJECT_CLASS (anju_publicity_page_parent_class)->dispose (object);
}

static void
anju_publicity_page_finalize (GObject *object)
{
  AnjuPublicityPage *self = ANJU_PUBLICITY_PAGE (object);

  g_clear_object (&self->detail_load);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_publicity_page_parent_class)->finalize (object);
}

static void
anju_publicity_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AnjuPublicityPage *self = ANJU_PUBLICITY_PAGE (object);

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
anju_publicity_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AnjuPublicityPage *self = ANJU_PUBLICITY_PAGE (object);

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
anju_publicity_page_class_init (AnjuPublicityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_publicity_page_constructed;
  object_class->dispose = anju_publicity_page_dispose;
  object_class->finalize = anju_publicity_page_finalize;
  object_class->get_property = anju_publicity_page_get_property;
  object_class->set_property = anju_publicity_page_set_property;

  widget_class->map = anju_publicity_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-publicity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuPublicityPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuPublicityPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuPublicityPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuPublicityPage, state_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuPublicityPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuPublicityPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuPublicityPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuPublicityPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuPublicityPage, detail_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "publicity.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "publicity.load-more", NULL, load_more_action);
  gtk_widget_class_install_action (widget_class, "publicity.record-objection", NULL,
                                   record_objection_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "publicity.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "publicity.reload", NULL);
}

static void
anju_publicity_page_init (AnjuPublicityPage *self)
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
anju_publicity_page_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_PUBLICITY_PAGE, "client", client, NULL);
}

void
anju_publicity_page_reload (AnjuPublicityPage *self)
{
  AnjuRecord *selected;

  g_return_if_fail (ANJU_IS_PUBLICITY_PAGE (self));

  selected = get_selected (self);
  reload_selecting (self, selected != NULL ? anju_record_get_id (selected) : 0);
}
