/* anju-applications-page.c: public rental applications, listed. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-application-editor.h"
#include "anju-application-import-dialog.h"
#include "anju-application-view.h"
#include "anju-applications-private.h"
#include "anju-display-time.h"
#include "anju-list-loader.h"
#include "anju-page-feedback.h"
#include "anju-paged-model.h"
#include "anju-pubrent-export.h"
#include "anju-pubrent-names.h"
#include "anju-record-column.h"

struct _AnjuApplicationsPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *stage_filter;
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  GtkWidget          *create_button;
  GtkWidget          *import_button;
  GtkColumnView      *column_view;
  AdwStatusPage      *error_page;
  GtkLabel           *count_label;
  GtkSpinner         *spinner;

  /* Owned */
  AnjuApiClient      *client;         /* (owned) */
  AnjuPagedModel     *applications;   /* (owned) */
  GtkSingleSelection *selection;      /* (owned) over applications */
  GCancellable       *cancellable;    /* (owned) */
  AnjuListLoader      loader;
  gboolean            loaded;
};

G_DEFINE_FINAL_TYPE (AnjuApplicationsPage, anju_applications_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AnjuRecord *
get_selected (AnjuApplicationsPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

static const char *
user_org_kind (AnjuApplicationsPage *self)
{
  JsonObject *user = anju_api_client_get_user (self->client);

  return anju_json_get_string (anju_json_get_object (user, "organisation"), "kind");
}

/* Whether the user's organisation may enter any business type. */
static gboolean
may_enter (AnjuApplicationsPage *self)
{
  const char * const *types = anju_pubrent_business_types ();
  const char *kind = user_org_kind (self);

  if (!anju_api_client_has_permission (self->client, ANJU_PERM_PUBRENT_APPLICATION_CREATE))
    return FALSE;
  for (guint i = 0; types[i] != NULL; i++)
    if (anju_pubrent_business_type_allowed (types[i], kind))
      return TRUE;
  return FALSE;
}

static gboolean
is_employer (AnjuApplicationsPage *self)
{
  return g_strcmp0 (user_org_kind (self), "employer") == 0
         && anju_api_client_has_permission (self->client, ANJU_PERM_PUBRENT_APPLICATION_CREATE);
}

static void
actions_update (AnjuApplicationsPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "applications.create", may_enter (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "applications.import", is_employer (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "applications.open", get_selected (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "applications.load-more",
                                 anju_paged_model_get_has_more (self->applications)
                                 && !anju_paged_model_get_loading (self->applications));
  gtk_widget_set_visible (self->create_button, may_enter (self));
  gtk_widget_set_visible (self->import_button, is_employer (self));
}

static char *
count_text (guint shown,
            guint total)
{
  /* Translators: %1$u applications of %2$u matching ones are in the list */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u application",
                                       "%1$u of %2$u applications", total),
                          shown, total);
}

static void
search_changed_cb (AnjuApplicationsPage *self)
{
  g_autofree char *q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (anju_list_loader_apply_filter (&self->loader, "q", q))
    anju_list_loader_load_more (&self->loader);
}

static void
filter_changed_cb (AnjuApplicationsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->stage_filter);
  const char *statuses = position < ANJU_PUBRENT_N_FILTERS ? anju_pubrent_filter_statuses (position) : NULL;

  if (anju_list_loader_apply_filter (&self->loader, "status", statuses))
    anju_list_loader_load_more (&self->loader);
}

/* A date filter applies once it is a whole date or empty; meanwhile
 * the entry says it is not one yet. */
static gboolean
apply_date (AnjuApplicationsPage *self,
            GtkEntry             *entry,
            const char           *filter)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  GDate date;
  gboolean valid = *text == '\0';

  if (!valid && strlen (text) == 10)
    {
      g_date_clear (&date, 1);
      g_date_set_parse (&date, text);
      valid = g_date_valid (&date) && text[4] == '-' && text[7] == '-';
    }

  if (!valid)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  return anju_list_loader_apply_filter (&self->loader, filter, text);
}

static void
date_changed_cb (AnjuApplicationsPage *self)
{
  gboolean changed = apply_date (self, self->from_entry, "submitted_from");

  changed |= apply_date (self, self->to_entry, "submitted_to");
  if (changed)
    anju_list_loader_load_more (&self->loader);
}

static void
editor_saved_cb (AnjuApplicationsPage *self,
                 AnjuRecord           *application)
{
  const char *number = anju_record_get_string (application, "application_no");
  const char *status = anju_record_get_string (application, "status");
  g_autofree char *message = NULL;

  /* Translators: %1$s is an application number, %2$s its stage */
  message = g_strdup_printf (_("Saved application %1$s: %2$s"), number != NULL ? number : "",
                             anju_pubrent_stage_label (status));
  anju_page_toast (GTK_WIDGET (self), message);
  self->loaded = TRUE;
  anju_list_loader_reload_selecting (&self->loader, anju_record_get_id (application));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuApplicationsPage *self = ANJU_APPLICATIONS_PAGE (widget);
  GtkWidget *editor = anju_application_editor_new (self->client, 0);

  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
imported_cb (AnjuApplicationsPage *self,
             guint                 n_imported)
{
  g_autofree char *message = NULL;

  /* Translators: %1$u is a number of applications */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %1$u application",
                                          "Imported %1$u applications", n_imported), n_imported);
  anju_page_toast (GTK_WIDGET (self), message);
  anju_applications_page_reload (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuApplicationsPage *self = ANJU_APPLICATIONS_PAGE (widget);
  GtkWidget *dialog = anju_application_import_dialog_new (self->client);

  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_selected (AnjuApplicationsPage *self)
{
  AnjuRecord *selected = get_selected (self);

  if (selected != NULL)
    anju_application_view_present (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->client,
                                   anju_record_get_id (selected), 0);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  open_selected (ANJU_APPLICATIONS_PAGE (widget));
}

static void
row_activated_cb (AnjuApplicationsPage *self,
                  guint                 position)
{
  gtk_single_selection_set_selected (self->selection, position);
  open_selected (self);
}

static void
append_query (GString    *query,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_printf (query, "&%s=%s", name, escaped);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuApplicationsPage *self = ANJU_APPLICATIONS_PAGE (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  const char * const filters[] = { "q", "status", "submitted_from", "submitted_to" };
  g_autoptr(GString) path = g_string_new ("/api/v1/pubrent/applications/export?format=");
  g_autofree char *name = NULL;

  if (!g_str_equal (format, "xlsx") && !g_str_equal (format, "csv"))
    return;

  g_string_append (path, format);
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    append_query (path, filters[i], anju_paged_model_get_filter (self->applications, filters[i]));

  /* Translators: the file name offered for an export; %1$s is "xlsx" or "csv" */
  name = g_strdup_printf (_("applications.%1$s"), format);
  anju_pubrent_export (widget, self->client, path->str, name);
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  anju_list_loader_load_more (&ANJU_APPLICATIONS_PAGE (widget)->loader);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_applications_page_reload (ANJU_APPLICATIONS_PAGE (widget));
}

static void
edge_reached_cb (AnjuApplicationsPage *self,
                 GtkPositionType       position)
{
  anju_list_loader_edge_reached (&self->loader, position);
}

static char *
business_type_text (AnjuRecord *record)
{
  return g_strdup (anju_pubrent_business_type_label (anju_record_get_string (record, "business_type")));
}

static char *
stage_text (AnjuRecord *record)
{
  const char *status = anju_record_get_string (record, "status");

  return g_strdup (anju_pubrent_stage_label (status));
}

static char *
submitted_text (AnjuRecord *record)
{
  return anju_display_time (anju_record_get_string (record, "submitted_at"));
}

static void
append_column (AnjuApplicationsPage *self,
               GtkColumnViewColumn  *column)
{
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
setup_columns (AnjuApplicationsPage *self)
{
  append_column (self, anju_record_column_new (_("Application no."), "application_no", ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new (_("Applicant"), "applicant_name", ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Business type"), business_type_text,
                                                         ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Stage"), stage_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (_("Organisation"), "org.name", ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new_with_func (_("Submitted"), submitted_text, ANJU_RECORD_COLUMN_NUMERIC));
}

static void
fill_stage_filter (AnjuApplicationsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < ANJU_PUBRENT_N_FILTERS; i++)
    gtk_string_list_append (names, anju_pubrent_filter_label (i));
  gtk_drop_down_set_model (self->stage_filter, G_LIST_MODEL (names));
}

static void
anju_applications_page_map (GtkWidget *widget)
{
  AnjuApplicationsPage *self = ANJU_APPLICATIONS_PAGE (widget);

  GTK_WIDGET_CLASS (anju_applications_page_parent_class)->map (widget);

  if (!self->loaded)
    anju_applications_page_reload (self);
}

static void
anju_applications_page_constructed (GObject *object)
{
  AnjuApplicationsPage *self = ANJU_APPLICATIONS_PAGE (object);

  G_OBJECT_CLASS (anju_applications_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->applications = anju_paged_model_new (self->client, "/api/v1/pubrent/applications", 0);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->applications));
  g_object_bind_property (self->applications, "loading", self->spinner, "spinning", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->applications, "notify::loading", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->applications, "notify::has-more", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  anju_list_loader_init (&self->loader, GTK_WIDGET (self), self->applications, self->selection,
                         self->stack, self->error_page, self->cancellable,
                         _("Could not load more applications"));
  anju_list_loader_show_count (&self->loader, self->count_label, count_text);

  actions_update (self);
}

static void
anju_applications_page_dispose (GObject *object)
{
  AnjuApplicationsPage *self = ANJU_APPLICATIONS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_APPLICATIONS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->applications);

  G_OBJECT_CLASS (anju_applications_page_parent_class)->dispose (object);
}

static void
anju_applications_page_finalize (GObject *object)
{
  AnjuApplicationsPage *self = ANJU_APPLICATIONS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_applications_page_parent_class)->finalize (object);
}

static void
anju_applications_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AnjuApplicationsPage *self = ANJU_APPLICATIONS_PAGE (object);

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
anju_applications_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AnjuApplicationsPage *self = ANJU_APPLICATIONS_PAGE (object);

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
anju_applications_page_class_init (AnjuApplicationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_applications_page_constructed;
  object_class->dispose = anju_applications_page_dispose;
  object_class->finalize = anju_applications_page_finalize;
  object_class->get_property = anju_applications_page_get_property;
  object_class->set_property = anju_applications_page_set_property;

  widget_class->map = anju_applications_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-applications-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationsPage, stage_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationsPage, create_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationsPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationsPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "applications.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "applications.load-more", NULL, load_more_action);
  gtk_widget_class_install_action (widget_class, "applications.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "applications.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "applications.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "applications.export", "s", export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "applications.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "applications.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "applications.create", NULL);
}

static void
anju_applications_page_init (AnjuApplicationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  /* Filling the model selects position 0 ("All stages"): no change. */
  fill_stage_filter (self);
  setup_columns (self);
}

GtkWidget *
anju_applications_page_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_APPLICATIONS_PAGE, "client", client, NULL);
}

void
anju_applications_page_reload (AnjuApplicationsPage *self)
{
  AnjuRecord *selected;

  g_return_if_fail (ANJU_IS_APPLICATIONS_PAGE (self));

  selected = get_selected (self);
  self->loaded = TRUE;
  actions_update (self);
  anju_list_loader_reload_selecting (&self->loader, selected != NULL ? anju_record_get_id (selected) : 0);
}

/* Private API for tests (anju-applications-private.h) */

AnjuPagedModel *
_anju_applications_page_get_model (AnjuApplicationsPage *self)
{
  return self->applications;
}

GtkColumnView *
_anju_applications_page_get_columns (AnjuApplicationsPage *self)
{
  return self->column_view;
}

GtkDropDown *
_anju_applications_page_get_stage_filter (AnjuApplicationsPage *self)
{
  return self->stage_filter;
}
