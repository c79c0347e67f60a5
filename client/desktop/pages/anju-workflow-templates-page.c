/* anju-workflow-templates-page.c: the process templates and their versions. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-display-time.h"
#include "anju-list-loader.h"
#include "anju-page-confirm.h"
#include "anju-page-feedback.h"
#include "anju-page-request.h"
#include "anju-paged-model.h"
#include "anju-record-column.h"
#include "anju-workflow-template-editor.h"
#include "anju-workflow-templates-page.h"
#include "anju-workflow-versions-dialog.h"

struct _AnjuWorkflowTemplatesPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkColumnView      *column_view;
  AdwStatusPage      *error_page;
  GtkLabel           *count_label;
  GtkSpinner         *spinner;

  /* Owned */
  AnjuApiClient      *client;       /* (owned) */
  AnjuPagedModel     *templates;    /* (owned) current versions */
  GtkSingleSelection *selection;    /* (owned) over templates */
  GCancellable       *cancellable;  /* (owned) the loads and actions of this page */
  AnjuListLoader      loader;
  guint               loaded : 1;
};

G_DEFINE_FINAL_TYPE (AnjuWorkflowTemplatesPage, anju_workflow_templates_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AnjuRecord *
get_selected (AnjuWorkflowTemplatesPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

static void
actions_update (AnjuWorkflowTemplatesPage *self)
{
  gboolean selected = get_selected (self) != NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "templates.edit", selected);
  gtk_widget_action_set_enabled (widget, "templates.versions", selected);
  gtk_widget_action_set_enabled (widget, "templates.delete", selected);
  gtk_widget_action_set_enabled (widget, "templates.load-more",
                                 anju_paged_model_get_has_more (self->templates)
                                 && !anju_paged_model_get_loading (self->templates));
}

static char *
count_text (guint shown,
            guint total)
{
  /* Translators: %1$u templates of %2$u matching ones are in the list */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u template", "%1$u of %2$u templates", total),
                          shown, total);
}

static void
reload_selecting (AnjuWorkflowTemplatesPage *self,
                  gint64                     id)
{
  self->loaded = TRUE;
  anju_list_loader_reload_selecting (&self->loader, id);
}

static void
search_changed_cb (AnjuWorkflowTemplatesPage *self)
{
  g_autofree char *q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (g_strcmp0 (anju_paged_model_get_filter (self->templates, "q"), *q != '\0' ? q : NULL) == 0)
    return;

  anju_paged_model_set_filter (self->templates, "q", q);
  anju_list_loader_load_more (&self->loader);
}

/* Reaching the bottom of what is loaded asks for the next page. */
static void
edge_reached_cb (AnjuWorkflowTemplatesPage *self,
                 GtkPositionType            position)
{
  anju_list_loader_edge_reached (&self->loader, position);
}

static void
editor_saved_cb (AnjuWorkflowTemplatesPage *self,
                 AnjuRecord                *record)
{
  g_autofree char *message = NULL;

  /* Translators: %1$s is a process template's name, %2$d its new version */
  message = g_strdup_printf (_("Saved “%1$s” as version %2$d"),
                             anju_record_get_string (record, "name"),
                             (int) anju_record_get_int (record, "version", 1));
  anju_page_toast (GTK_WIDGET (self), message);
  reload_selecting (self, anju_record_get_id (record));
}

static void
present_editor (AnjuWorkflowTemplatesPage *self,
                gint64                     template_id)
{
  GtkWidget *editor = anju_workflow_template_editor_new (self->client, template_id);

  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  present_editor (ANJU_WORKFLOW_TEMPLATES_PAGE (widget), 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuWorkflowTemplatesPage *self = ANJU_WORKFLOW_TEMPLATES_PAGE (widget);
  AnjuRecord *selected = get_selected (self);

  /* The list holds current versions: the editor starts from this one. */
  if (selected != NULL)
    present_editor (self, anju_record_get_id (selected));
}

static void
versions_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AnjuWorkflowTemplatesPage *self = ANJU_WORKFLOW_TEMPLATES_PAGE (widget);
  AnjuRecord *selected = get_selected (self);
  GtkWidget *dialog;

  if (selected == NULL)
    return;

  dialog = anju_workflow_versions_dialog_new (self->client, selected);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_activated_cb (AnjuWorkflowTemplatesPage *self,
                  guint                      position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "templates.edit", NULL);
}

static void
deleted_cb (GtkWidget *page,
            JsonNode  *answer)
{
  reload_selecting (ANJU_WORKFLOW_TEMPLATES_PAGE (page), 0);
}

static void
delete_confirmed_cb (GtkWidget  *page,
                     AnjuRecord *template)
{
  AnjuWorkflowTemplatesPage *self = ANJU_WORKFLOW_TEMPLATES_PAGE (page);
  g_autofree char *path = NULL;
  g_autofree char *success = NULL;

  path = g_strdup_printf ("/api/v1/workflow/templates/%" G_GINT64_FORMAT, anju_record_get_id (template));
  /* Translators: %1$s is a process template's name */
  success = g_strdup_printf (_("Deleted “%1$s”"), anju_record_get_string (template, "name"));
  anju_page_request (page, self->client, "DELETE", path, NULL, self->cancellable,
                     success, _("Could not delete the process template"), deleted_cb);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuRecord *selected = get_selected (ANJU_WORKFLOW_TEMPLATES_PAGE (widget));
  g_autofree char *heading = NULL;

  if (selected == NULL)
    return;

  /* Translators: %1$s is a process template's name */
  heading = g_strdup_printf (_("Delete “%1$s”?"), anju_record_get_string (selected, "name"));
  anju_page_confirm (widget, selected, heading,
                     _("Every version of the template is deleted. A template that process "
                       "instances use cannot be deleted."),
                     "delete", _("_Delete"), delete_confirmed_cb);
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  anju_list_loader_load_more (&ANJU_WORKFLOW_TEMPLATES_PAGE (widget)->loader);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_workflow_templates_page_reload (ANJU_WORKFLOW_TEMPLATES_PAGE (widget));
}

/* Columns */

static char *
version_text (AnjuRecord *record)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, anju_record_get_int (record, "version", 0));
}

static char *
step_count_text (AnjuRecord *record)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, anju_record_get_int (record, "step_count", 0));
}

static char *
instance_count_text (AnjuRecord *record)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, anju_record_get_int (record, "instance_count", 0));
}

static char *
created_text (AnjuRecord *record)
{
  return anju_display_time (anju_record_get_string (record, "created_at"));
}

static void
append_column (AnjuWorkflowTemplatesPage *self,
               GtkColumnViewColumn       *column)
{
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
setup_columns (AnjuWorkflowTemplatesPage *self)
{
  append_column (self, anju_record_column_new (C_("workflow template", "Name"), "name", ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new (C_("workflow template", "Code"), "code", ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new (C_("workflow template", "Domain"), "domain", ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (C_("workflow template", "Version"), version_text,
                                                         ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new_with_func (C_("workflow template", "Steps"), step_count_text,
                                                         ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new_with_func (C_("workflow template", "Instances"), instance_count_text,
                                                         ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new_with_func (C_("workflow template", "Created"), created_text,
                                                         ANJU_RECORD_COLUMN_DEFAULT));
}

/* GObject */

static void
anju_workflow_templates_page_map (GtkWidget *widget)
{
  AnjuWorkflowTemplatesPage *self = ANJU_WORKFLOW_TEMPLATES_PAGE (widget);

  GTK_WIDGET_CLASS (anju_workflow_templates_page_parent_class)->map (widget);

  if (!self->loaded)
    anju_workflow_templates_page_reload (self);
}

static void
anju_workflow_templates_page_constructed (GObject *object)
{
  AnjuWorkflowTemplatesPage *self = ANJU_WORKFLOW_TEMPLATES_PAGE (object);

  G_OBJECT_CLASS (anju_workflow_templates_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->templates = anju_paged_model_new (self->client, "/api/v1/workflow/templates", 0);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->templates));
  g_object_bind_property (self->templates, "loading", self->spinner, "spinning", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->templates, "notify::loading", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->templates, "notify::has-more", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  anju_list_loader_init (&self->loader, GTK_WIDGET (self), self->templates, self->selection,
                         self->stack, self->error_page, self->cancellable,
                         _("Could not load more process templates"));
  anju_list_loader_show_count (&self->loader, self->count_label, count_text);

  actions_update (self);
}

static void
anju_workflow_templates_page_dispose (GObject *object)
{
  AnjuWorkflowTemplatesPage *self = ANJU_WORKFLOW_TEMPLATES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_WORKFLOW_TEMPLATES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->templates);

  G_OBJECT_CLASS (anju_workflow_templates_page_parent_class)->dispose (object);
}

static void
anju_workflow_templates_page_finalize (GObject *object)
{
  AnjuWorkflowTemplatesPage *self = ANJU_WORKFLOW_TEMPLATES_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_workflow_templates_page_parent_class)->finalize (object);
}

static void
anju_workflow_templates_page_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  AnjuWorkflowTemplatesPage *self = ANJU_WORKFLOW_TEMPLATES_PAGE (object);

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
anju_workflow_templates_page_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  AnjuWorkflowTemplatesPage *self = ANJU_WORKFLOW_TEMPLATES_PAGE (object);

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
anju_workflow_templates_page_class_init (AnjuWorkflowTemplatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_workflow_templates_page_constructed;
  object_class->dispose = anju_workflow_templates_page_dispose;
  object_class->finalize = anju_workflow_templates_page_finalize;
  object_class->get_property = anju_workflow_templates_page_get_property;
  object_class->set_property = anju_workflow_templates_page_set_property;

  widget_class->map = anju_workflow_templates_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-workflow-templates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplatesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplatesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplatesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplatesPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplatesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplatesPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "templates.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "templates.load-more", NULL, load_more_action);
  gtk_widget_class_install_action (widget_class, "templates.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "templates.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "templates.versions", NULL, versions_action);
  gtk_widget_class_install_action (widget_class, "templates.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "templates.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "templates.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "templates.create", NULL);
}

static void
anju_workflow_templates_page_init (AnjuWorkflowTemplatesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  setup_columns (self);
}

GtkWidget *
anju_workflow_templates_page_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_WORKFLOW_TEMPLATES_PAGE, "client", client, NULL);
}

void
anju_workflow_templates_page_reload (AnjuWorkflowTemplatesPage *self)
{
  AnjuRecord *selected;

  g_return_if_fail (ANJU_IS_WORKFLOW_TEMPLATES_PAGE (self));

  selected = get_selected (self);
  reload_selecting (self, selected != NULL ? anju_record_get_id (selected) : 0);
}
