/* anju-workflow-versions-dialog.c: the versions of a process template. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-display-time.h"
#include "anju-page-feedback.h"
#include "anju-paged-model.h"
#include "anju-record-column.h"
#include "anju-workflow-versions-dialog.h"

struct _AnjuWorkflowVersionsDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  GtkColumnView  *column_view;
  AdwStatusPage  *error_page;
  GtkLabel       *count_label;
  GtkSpinner     *spinner;

  /* Owned */
  AnjuApiClient  *client;       /* (owned) */
  AnjuRecord     *template;     /* (owned) */
  AnjuPagedModel *versions;     /* (owned) */
  GCancellable   *cancellable;  /* (owned) */
};

G_DEFINE_FINAL_TYPE (AnjuWorkflowVersionsDialog, anju_workflow_versions_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_TEMPLATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
actions_update (AnjuWorkflowVersionsDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.load-more",
                                 anju_paged_model_get_has_more (self->versions)
                                 && !anju_paged_model_get_loading (self->versions));
}

static void
count_update (AnjuWorkflowVersionsDialog *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->versions));
  guint total = anju_paged_model_get_total (self->versions);
  g_autofree char *text = NULL;

  /* Translators: %1$u versions of %2$u are in the list */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u version", "%1$u of %2$u versions", total),
                          shown, total);
  gtk_label_set_text (self->count_label, text);
}

static void
load_more_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AnjuWorkflowVersionsDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (anju_paged_model_load_more_finish (ANJU_PAGED_MODEL (object), result, &error))
    {
      gtk_stack_set_visible_child_name (self->stack, "table");
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
    return;

  anju_page_show_load_error (self->stack, self->error_page, self->client, error);
}

static void
load_more (AnjuWorkflowVersionsDialog *self)
{
  if (anju_paged_model_get_loading (self->versions) || !anju_paged_model_get_has_more (self->versions))
    return;

  anju_paged_model_load_more_async (self->versions, self->cancellable, load_more_cb, g_object_ref (self));
}

static void
edge_reached_cb (AnjuWorkflowVersionsDialog *self,
                 GtkPositionType             position)
{
  if (position == GTK_POS_BOTTOM)
    load_more (self);
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  load_more (ANJU_WORKFLOW_VERSIONS_DIALOG (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuWorkflowVersionsDialog *self = ANJU_WORKFLOW_VERSIONS_DIALOG (widget);

  anju_paged_model_reset (self->versions);
  load_more (self);
}

/* Columns */

static char *
int_text (AnjuRecord *record,
          const char *member)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, anju_record_get_int (record, member, 0));
}

static char *
version_text (AnjuRecord *record)
{
  return int_text (record, "version");
}

static char *
step_count_text (AnjuRecord *record)
{
  return int_text (record, "step_count");
}

static char *
instance_count_text (AnjuRecord *record)
{
  return int_text (record, "instance_count");
}

static char *
current_text (AnjuRecord *record)
{
  return g_strdup (anju_record_get_boolean (record, "is_current", FALSE) ? C_("workflow template", "Current") : "");
}

static char *
created_text (AnjuRecord *record)
{
  return anju_display_time (anju_record_get_string (record, "created_at"));
}

static void
append_column (AnjuWorkflowVersionsDialog *self,
               GtkColumnViewColumn        *column)
{
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
setup_columns (AnjuWorkflowVersionsDialog *self)
{
  append_column (self, anju_record_column_new_with_func (C_("workflow template", "Version"), version_text,
                                                         ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new (C_("workflow template", "Name"), "name", ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new_with_func (C_("workflow template", "Steps"), step_count_text,
                                                         ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new_with_func (C_("workflow template", "Instances"), instance_count_text,
                                                         ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new_with_func (C_("workflow template", "In use for new processes"),
                                                         current_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (C_("workflow template", "Created"), created_text,
                                                         ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (C_("workflow template", "Created by"), "created_by.name",
                                               ANJU_RECORD_COLUMN_DEFAULT));
}

/* GObject */

static void
anju_workflow_versions_dialog_constructed (GObject *object)
{
  AnjuWorkflowVersionsDialog *self = ANJU_WORKFLOW_VERSIONS_DIALOG (object);
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  G_OBJECT_CLASS (anju_workflow_versions_dialog_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));
  g_assert (ANJU_IS_RECORD (self->template));

  /* Translators: %1$s is a process template's name */
  title = g_strdup_printf (_("Versions of “%1$s”"), anju_record_get_string (self->template, "name"));
  gtk_window_set_title (GTK_WINDOW (self), title);

  path = g_strdup_printf ("/api/v1/workflow/templates/%" G_GINT64_FORMAT "/versions",
                          anju_record_get_id (self->template));
  self->versions = anju_paged_model_new (self->client, path, 0);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->versions)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_bind_property (self->versions, "loading", self->spinner, "spinning", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->versions, "notify::loading", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->versions, "notify::has-more", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->versions, "notify::total", G_CALLBACK (count_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->versions, "items-changed", G_CALLBACK (count_update), self, G_CONNECT_SWAPPED);

  count_update (self);
  actions_update (self);
  load_more (self);
}

static void
anju_workflow_versions_dialog_dispose (GObject *object)
{
  AnjuWorkflowVersionsDialog *self = ANJU_WORKFLOW_VERSIONS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_WORKFLOW_VERSIONS_DIALOG);
  g_clear_object (&self->versions);

  G_OBJECT_CLASS (anju_workflow_versions_dialog_parent_class)->dispose (object);
}

static void
anju_workflow_versions_dialog_finalize (GObject *object)
{
  AnjuWorkflowVersionsDialog *self = ANJU_WORKFLOW_VERSIONS_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->template);

  G_OBJECT_CLASS (anju_workflow_versions_dialog_parent_class)->finalize (object);
}

static void
anju_workflow_versions_dialog_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  AnjuWorkflowVersionsDialog *self = ANJU_WORKFLOW_VERSIONS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_TEMPLATE:
      g_value_set_object (value, self->template);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_workflow_versions_dialog_set_property (GObject      *object,
                                            guint         prop_id,
                                            const GValue *value,
                                            GParamSpec   *pspec)
{
  AnjuWorkflowVersionsDialog *self = ANJU_WORKFLOW_VERSIONS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_TEMPLATE:
      self->template = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_workflow_versions_dialog_class_init (AnjuWorkflowVersionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_workflow_versions_dialog_constructed;
  object_class->dispose = anju_workflow_versions_dialog_dispose;
  object_class->finalize = anju_workflow_versions_dialog_finalize;
  object_class->get_property = anju_workflow_versions_dialog_get_property;
  object_class->set_property = anju_workflow_versions_dialog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL,
                         ANJU_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-workflow-versions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowVersionsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowVersionsDialog, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowVersionsDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowVersionsDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowVersionsDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);

  gtk_widget_class_install_action (widget_class, "versions.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "versions.load-more", NULL, load_more_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "versions.reload", NULL);
}

static void
anju_workflow_versions_dialog_init (AnjuWorkflowVersionsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  setup_columns (self);
}

GtkWidget *
anju_workflow_versions_dialog_new (AnjuApiClient *client,
                                   AnjuRecord    *template)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (ANJU_IS_RECORD (template), NULL);

  return g_object_new (ANJU_TYPE_WORKFLOW_VERSIONS_DIALOG,
                       "client", client,
                       "template", template,
                       NULL);
}
