/* anju-pubrent-statistics-page.c: the statistics charts.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-chart.h"
#include "anju-page-feedback.h"
#include "anju-pubrent-statistics-page.h"

typedef struct
{
  const char *code;
  const char *label;   /* N_() */
} CodeLabel;

static const CodeLabel business_types[] = {
  { "directed_physical", N_("Directed, physical") },
  { "directed_subsidy", N_("Directed, subsidy") },
  { "open_physical", N_("Open, physical") },
  { "open_subsidy", N_("Open, subsidy") },
  { NULL, NULL }
};

static const CodeLabel statuses[] = {
  { "draft", N_("Draft") },
  { "prereview_failed", N_("Pre-review failed") },
  { "street_review", N_("Street review") },
  { "street_publicity", N_("Street publicity") },
  { "center_review", N_("Center review") },
  { "returned", N_("Returned") },
  { "rejected", N_("Rejected") },
  { "announcement", N_("Announcement") },
  { "confirmed", N_("Confirmed") },
  { "withdrawn", N_("Withdrawn") },
  { "closed", N_("Closed") },
  { NULL, NULL }
};

static const CodeLabel unit_states[] = {
  { "vacant", N_("Vacant") },
  { "allocated", N_("Allocated") },
  { "leased", N_("Leased") },
  { NULL, NULL }
};

struct _AnjuPubrentStatisticsPage
{
  AdwBin         parent_instance;

  /* Template widgets */
  GtkGrid       *grid;
  GtkStack      *stack;
  AdwStatusPage *error_page;
  GtkSpinner    *spinner;
  GtkWidget     *refresh_button;

  /* Borrowed: children of grid */
  AnjuChart     *by_business_type;
  AnjuChart     *by_status;
  AnjuChart     *by_month;
  AnjuChart     *units_by_state;
  AnjuChart     *units_by_project;

  /* Owned */
  AnjuApiClient *client;
  GCancellable  *cancellable;
  gboolean       loaded;
};

G_DEFINE_FINAL_TYPE (AnjuPubrentStatisticsPage, anju_pubrent_statistics_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
label_for (const CodeLabel *labels,
           const char      *code)
{
  for (guint i = 0; labels[i].code != NULL; i++)
    if (g_strcmp0 (labels[i].code, code) == 0)
      return _(labels[i].label);
  return code;
}

/* A framed chart with its heading, at (column, row) of the grid. */
static AnjuChart *
add_chart (AnjuPubrentStatisticsPage *self,
           AnjuChartMode              mode,
           const char                *title,
           int                        column,
           int                        row,
           int                        width)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *chart = anju_chart_new (mode, title);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_top (chart, 6);
  gtk_widget_set_margin_bottom (chart, 12);
  gtk_widget_set_margin_start (chart, 12);
  gtk_widget_set_margin_end (chart, 12);
  gtk_widget_set_margin_top (heading, 12);
  gtk_widget_set_margin_start (heading, 12);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), chart);
  gtk_grid_attach (self->grid, box, column, row, width, 1);
  return ANJU_CHART (chart);
}

/* Bars of an array of {key_member, "count"} objects. */
static void
show_counts (AnjuChart       *chart,
             JsonArray       *items,
             const char      *key_member,
             const CodeLabel *labels)
{
  guint n = items != NULL ? json_array_get_length (items) : 0;
  g_autofree const char **categories = g_new0 (const char *, n + 1);
  g_autofree double *values = g_new0 (double, n);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      categories[i] = label_for (labels, json_object_get_string_member_with_default (item, key_member, ""));
      values[i] = (double) json_object_get_int_member_with_default (item, "count", 0);
    }
  anju_chart_set_data (chart, categories, n, NULL, 1, values);
}

static void
show_months (AnjuChart *chart,
             JsonArray *items)
{
  static const char * const members[] = { "submitted", "confirmed", "rejected" };
  const char *series[] = { _("Submitted"), _("Confirmed"), _("Rejected") };
  guint n = items != NULL ? json_array_get_length (items) : 0;
  g_autofree const char **categories = g_new0 (const char *, n + 1);
  g_autofree double *values = g_new0 (double, n * G_N_ELEMENTS (members));

  for (guint i = 0; i < n; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      categories[i] = json_object_get_string_member_with_default (item, "month", "");
      for (guint s = 0; s < G_N_ELEMENTS (members); s++)
        values[s * n + i] = (double) json_object_get_int_member_with_default (item, members[s], 0);
    }
  anju_chart_set_data (chart, categories, n, series, G_N_ELEMENTS (members), values);
}

static void
show_projects (AnjuChart *chart,
               JsonArray *items)
{
  static const char * const members[] = { "vacant", "allocated", "leased" };
  const char *series[] = { _("Vacant"), _("Allocated"), _("Leased") };
  guint n = items != NULL ? json_array_get_length (items) : 0;
  g_autofree const char **categories = g_new0 (const char *, n + 1);
  g_autofree double *values = g_new0 (double, n * G_N_ELEMENTS (members));

  for (guint i = 0; i < n; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonObject *project = json_object_get_object_member (item, "project");

      categories[i] = project != NULL
        ? json_object_get_string_member_with_default (project, "name", "") : "";
      for (guint s = 0; s < G_N_ELEMENTS (members); s++)
        values[s * n + i] = (double) json_object_get_int_member_with_default (item, members[s], 0);
    }
  anju_chart_set_data (chart, categories, n, series, G_N_ELEMENTS (members), values);
}

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static void
show_statistics (AnjuPubrentStatisticsPage *self,
                 JsonObject                *statistics)
{
  gboolean housing = anju_api_client_has_permission (self->client, "pubrent.housing.read");

  show_counts (self->by_business_type, get_array (statistics, "by_business_type"),
               "business_type", business_types);
  show_counts (self->by_status, get_array (statistics, "by_status"), "status", statuses);
  show_months (self->by_month, get_array (statistics, "by_month"));
  show_counts (self->units_by_state, get_array (statistics, "units_by_state"), "state",
               unit_states);
  show_projects (self->units_by_project, get_array (statistics, "units_by_project"));

  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->units_by_state)), housing);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->units_by_project)), housing);
  gtk_stack_set_visible_child_name (self->stack, "charts");
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AnjuPubrentStatisticsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->spinner);
  gtk_widget_set_sensitive (self->refresh_button, TRUE);
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      if (error == NULL)
        g_set_error_literal (&error, ANJU_ERROR, ANJU_ERROR_MALFORMED,
                             _("The server answered something unexpected"));
      anju_page_show_load_error (self->stack, self->error_page, self->client, error);
      return;
    }
  show_statistics (self, json_node_get_object (answer));
}

static void
refresh_clicked_cb (AnjuPubrentStatisticsPage *self)
{
  anju_pubrent_statistics_page_reload (self);
}

/* The first showing loads the page; later ones keep what it shows
 * until the user refreshes. */
static void
anju_pubrent_statistics_page_map (GtkWidget *widget)
{
  AnjuPubrentStatisticsPage *self = ANJU_PUBRENT_STATISTICS_PAGE (widget);

  GTK_WIDGET_CLASS (anju_pubrent_statistics_page_parent_class)->map (widget);
  if (!self->loaded)
    anju_pubrent_statistics_page_reload (self);
}

static void
anju_pubrent_statistics_page_dispose (GObject *object)
{
  AnjuPubrentStatisticsPage *self = ANJU_PUBRENT_STATISTICS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_PUBRENT_STATISTICS_PAGE);

  G_OBJECT_CLASS (anju_pubrent_statistics_page_parent_class)->dispose (object);
}

static void
anju_pubrent_statistics_page_finalize (GObject *object)
{
  AnjuPubrentStatisticsPage *self = ANJU_PUBRENT_STATISTICS_PAGE (object);

  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (anju_pubrent_statistics_page_parent_class)->finalize (object);
}

static void
anju_pubrent_statistics_page_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  AnjuPubrentStatisticsPage *self = ANJU_PUBRENT_STATISTICS_PAGE (object);

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
anju_pubrent_statistics_page_class_init (AnjuPubrentStatisticsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_pubrent_statistics_page_dispose;
  widget_class->map = anju_pubrent_statistics_page_map;
  object_class->finalize = anju_pubrent_statistics_page_finalize;
  object_class->set_property = anju_pubrent_statistics_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, ANJU_TYPE_API_CLIENT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ANJU_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-pubrent-statistics-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentStatisticsPage, grid);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentStatisticsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentStatisticsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentStatisticsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuPubrentStatisticsPage, refresh_button);
  gtk_widget_class_bind_template_callback (widget_class, refresh_clicked_cb);
}

static void
anju_pubrent_statistics_page_init (AnjuPubrentStatisticsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->by_business_type = add_chart (self, ANJU_CHART_BARS, _("Applications by business type"), 0, 0, 1);
  self->by_status = add_chart (self, ANJU_CHART_BARS, _("Applications by stage"), 1, 0, 1);
  self->by_month = add_chart (self, ANJU_CHART_LINES, _("Applications by month"), 0, 1, 2);
  self->units_by_state = add_chart (self, ANJU_CHART_BARS, _("Units by state"), 0, 2, 1);
  self->units_by_project = add_chart (self, ANJU_CHART_STACKED, _("Units by project"), 1, 2, 1);
}

GtkWidget *
anju_pubrent_statistics_page_new (AnjuApiClient *client)
{
  return g_object_new (ANJU_TYPE_PUBRENT_STATISTICS_PAGE, "client", client, NULL);
}

void
anju_pubrent_statistics_page_reload (AnjuPubrentStatisticsPage *self)
{
  g_return_if_fail (ANJU_IS_PUBRENT_STATISTICS_PAGE (self));

  self->loaded = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  gtk_spinner_start (self->spinner);
  gtk_widget_set_sensitive (self->refresh_button, FALSE);
  anju_api_client_request_async (self->client, "GET", "/api/v1/pubrent/statistics?months=12",
                                 NULL, self->cancellable, load_done_cb, g_object_ref (self));
}

GPtrArray *
anju_pubrent_statistics_page_get_charts (AnjuPubrentStatisticsPage *self)
{
  GPtrArray *charts = g_ptr_array_new ();

  g_return_val_if_fail (ANJU_IS_PUBRENT_STATISTICS_PAGE (self), charts);
  g_ptr_array_add (charts, self->by_business_type);
  g_ptr_array_add (charts, self->by_status);
  g_ptr_array_add (charts, self->by_month);
  g_ptr_array_add (charts, self->units_by_state);
  g_ptr_array_add (charts, self->units_by_project);
  return charts;
}
