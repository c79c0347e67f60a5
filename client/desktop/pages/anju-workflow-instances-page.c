/* anju-workflow-instances-page.c: the process monitor. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-display-time.h"
#include "anju-list-loader.h"
#include "anju-load-all.h"
#include "anju-page-feedback.h"
#include "anju-page-request.h"
#include "anju-paged-model.h"
#include "anju-record-column.h"
#include "anju-workflow-instances-page.h"
#include "anju-workflow-names.h"
#include "anju-workflow-reason-dialog.h"

struct _AnjuWorkflowInstancesPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *template_filter;
  GtkDropDown        *state_filter;
  GtkCheckButton     *overdue_check;
  GtkColumnView      *column_view;
  AdwStatusPage      *error_page;
  GtkLabel           *count_label;
  GtkSpinner         *spinner;

  /* Owned */
  AnjuApiClient      *client;         /* (owned) */
  AnjuPagedModel     *instances;      /* (owned) */
  GtkSingleSelection *selection;      /* (owned) over instances */
  AnjuPagedModel     *templates;      /* (owned) every current template, for the filter */
  GPtrArray          *filter_codes;   /* (owned) char *, parallel to template_filter; [0] NULL (all) */
  GCancellable       *cancellable;    /* (owned) the loads and actions of this page */
  AnjuListLoader      loader;
  guint               loaded : 1;
  guint               filling_filters : 1;
};

G_DEFINE_FINAL_TYPE (AnjuWorkflowInstancesPage, anju_workflow_instances_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AnjuRecord *
get_selected (AnjuWorkflowInstancesPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

/* Whether the window offers "win.open-record", which the record pages
 * of the desktop provide; as a class action or in its action map. */
static gboolean
window_can_open_record (AnjuWorkflowInstancesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const GVariantType *parameter_type;
  const char *property_name;
  GType owner;
  const char *name;

  if (root == NULL)
    return FALSE;

  if (G_IS_ACTION_GROUP (root) && g_action_group_has_action (G_ACTION_GROUP (root), "open-record"))
    return TRUE;

  /* GTK 4.8 fills in every out argument: none may be NULL. */
  for (guint i = 0;
       gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (root), i, &owner, &name, &parameter_type, &property_name);
       i++)
    {
      if (g_str_equal (name, "win.open-record"))
        return TRUE;
    }

  return FALSE;
}

static void
actions_update (AnjuWorkflowInstancesPage *self)
{
  AnjuRecord *selected = get_selected (self);
  const char *state = selected != NULL ? anju_record_get_string (selected, "state") : NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "instances.open", selected != NULL && window_can_open_record (self));
  gtk_widget_action_set_enabled (widget, "instances.pause", anju_workflow_state_can_pause (state));
  gtk_widget_action_set_enabled (widget, "instances.resume", anju_workflow_state_can_resume (state));
  gtk_widget_action_set_enabled (widget, "instances.cancel", anju_workflow_state_can_cancel (state));
  gtk_widget_action_set_enabled (widget, "instances.load-more",
                                 anju_paged_model_get_has_more (self->instances)
                                 && !anju_paged_model_get_loading (self->instances));
}

static char *
count_text (guint shown,
            guint total)
{
  /* Translators: %1$u process instances of %2$u matching ones are in the list */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u process instance",
                                       "%1$u of %2$u process instances", total),
                          shown, total);
}

static void
reload_selecting (AnjuWorkflowInstancesPage *self,
                  gint64                     id)
{
  self->loaded = TRUE;
  anju_list_loader_reload_selecting (&self->loader, id);
}

/* Filters */

static void
search_changed_cb (AnjuWorkflowInstancesPage *self)
{
  g_autofree char *q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (anju_list_loader_apply_filter (&self->loader, "q", q))
    anju_list_loader_load_more (&self->loader);
}

static void
filter_changed_cb (AnjuWorkflowInstancesPage *self)
{
  guint template_position = gtk_drop_down_get_selected (self->template_filter);
  guint state_position = gtk_drop_down_get_selected (self->state_filter);
  const char * const *states = anju_workflow_states ();
  const char *code = NULL;
  const char *state = NULL;
  gboolean changed;

  /* Refilling the drop-down moves its selection; that is no choice of
   * the user's. */
  if (self->filling_filters)
    return;

  if (template_position < self->filter_codes->len)
    code = g_ptr_array_index (self->filter_codes, template_position);
  /* Position 0 is "All states". */
  if (state_position > 0 && state_position <= g_strv_length ((char **) states))
    state = states[state_position - 1];

  changed = anju_list_loader_apply_filter (&self->loader, "template", code);
  changed |= anju_list_loader_apply_filter (&self->loader, "state", state);
  changed |= anju_list_loader_apply_filter (&self->loader, "overdue",
                                            gtk_check_button_get_active (self->overdue_check) ? "true" : NULL);
  if (changed)
    anju_list_loader_load_more (&self->loader);
}

static void
fill_state_filter (AnjuWorkflowInstancesPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *states = anju_workflow_states ();

  gtk_string_list_append (labels, _("All states"));
  for (guint i = 0; states[i] != NULL; i++)
    gtk_string_list_append (labels, anju_workflow_state_label (states[i]));

  self->filling_filters = TRUE;
  gtk_drop_down_set_model (self->state_filter, G_LIST_MODEL (labels));
  self->filling_filters = FALSE;
}

static void
fill_template_filter (AnjuWorkflowInstancesPage *self)
{
  GListModel *templates = G_LIST_MODEL (self->templates);
  guint n_items = g_list_model_get_n_items (templates);
  guint position = gtk_drop_down_get_selected (self->template_filter);
  g_autofree char *selected_code = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint new_position = 0;

  if (position < self->filter_codes->len)
    selected_code = g_strdup (g_ptr_array_index (self->filter_codes, position));

  g_ptr_array_set_size (self->filter_codes, 0);
  g_ptr_array_add (self->filter_codes, NULL);
  gtk_string_list_append (labels, _("All processes"));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnjuRecord) template = g_list_model_get_item (templates, i);
      const char *code = anju_record_get_string (template, "code");
      const char *name = anju_record_get_string (template, "name");
      g_autofree char *label = NULL;

      if (code == NULL)
        continue;

      if (g_strcmp0 (code, selected_code) == 0)
        new_position = self->filter_codes->len;
      /* Translators: a process in the filter: %1$s its name, %2$s its code */
      label = g_strdup_printf (_("%1$s (%2$s)"), name != NULL ? name : code, code);
      g_ptr_array_add (self->filter_codes, g_strdup (code));
      gtk_string_list_append (labels, label);
    }

  self->filling_filters = TRUE;
  gtk_drop_down_set_model (self->template_filter, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->template_filter, new_position);
  self->filling_filters = FALSE;
}

static void
templates_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AnjuWorkflowInstancesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!anju_load_all_finish (ANJU_PAGED_MODEL (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* The monitor still works, without the template filter's choices. */
      anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not load the process templates"), error);
    }

  fill_template_filter (self);
}

/* Actions */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuWorkflowInstancesPage *self = ANJU_WORKFLOW_INSTANCES_PAGE (widget);
  AnjuRecord *selected = get_selected (self);
  const char *domain;

  if (selected == NULL)
    return;

  domain = anju_record_get_string (selected, "domain");
  if (!gtk_widget_activate_action (widget, "win.open-record", "(sxx)",
                                   domain != NULL ? domain : "",
                                   anju_record_get_int (selected, "record_id", 0),
                                   anju_record_get_id (selected)))
    anju_page_toast (widget, _("This desktop cannot open process records."));
}

static void
row_activated_cb (AnjuWorkflowInstancesPage *self,
                  guint                      position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "instances.open", NULL);
}

static void
request_done_cb (GtkWidget *widget,
                 JsonNode  *answer)
{
  reload_selecting (ANJU_WORKFLOW_INSTANCES_PAGE (widget), anju_page_answer_id (answer));
}

static const char *
record_label (AnjuRecord *instance)
{
  const char *label = anju_record_get_string (instance, "record_label");

  return label != NULL ? label : "";
}

/* POST /api/v1/workflow/instances/{id}/<verb> {"reason"} with the
 * outcome as a toast. */
static void
instance_request (GtkWidget  *page,
                  AnjuRecord *instance,
                  const char *verb,
                  const char *reason,
                  const char *success_message,
                  const char *failure_message)
{
  AnjuWorkflowInstancesPage *self = ANJU_WORKFLOW_INSTANCES_PAGE (page);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *path = NULL;

  json_object_set_string_member (object, "reason", reason);
  json_node_set_object (body, object);
  path = g_strdup_printf ("/api/v1/workflow/instances/%" G_GINT64_FORMAT "/%s", anju_record_get_id (instance), verb);
  anju_page_request (page, self->client, "POST", path, body, self->cancellable,
                     success_message, failure_message, request_done_cb);
}

static void
pause_given_cb (GtkWidget  *page,
                AnjuRecord *instance,
                const char *reason)
{
  g_autofree char *success = NULL;

  /* Translators: %1$s is the record a process instance is about */
  success = g_strdup_printf (_("Paused the process of “%1$s”"), record_label (instance));
  instance_request (page, instance, "pause", reason, success, _("Could not pause the process"));
}

static void
resume_given_cb (GtkWidget  *page,
                 AnjuRecord *instance,
                 const char *reason)
{
  g_autofree char *success = NULL;

  /* Translators: %1$s is the record a process instance is about */
  success = g_strdup_printf (_("Resumed the process of “%1$s”"), record_label (instance));
  instance_request (page, instance, "resume", reason, success, _("Could not resume the process"));
}

static void
cancel_given_cb (GtkWidget  *page,
                 AnjuRecord *instance,
                 const char *reason)
{
  g_autofree char *success = NULL;

  /* Translators: %1$s is the record a process instance is about */
  success = g_strdup_printf (_("Cancelled the process of “%1$s”"), record_label (instance));
  instance_request (page, instance, "cancel", reason, success, _("Could not cancel the process"));
}


static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AnjuRecord *selected = get_selected (ANJU_WORKFLOW_INSTANCES_PAGE (widget));
  g_autofree char *heading = NULL;

  if (selected == NULL)
    return;

  /* Translators: %1$s is the record a process instance is about */
  heading = g_strdup_printf (_("Pause the process of “%1$s”?"), record_label (selected));
  anju_workflow_reason_ask (widget, selected, heading,
                            _("Nobody can act on a paused process. Its time limits stop and move "
                              "on by the paused time when it resumes. The reason goes into its history."),
                            _("_Pause"), FALSE, pause_given_cb);
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuRecord *selected = get_selected (ANJU_WORKFLOW_INSTANCES_PAGE (widget));
  g_autofree char *heading = NULL;

  if (selected == NULL)
    return;

  /* Translators: %1$s is the record a process instance is about */
  heading = g_strdup_printf (_("Resume the process of “%1$s”?"), record_label (selected));
  anju_workflow_reason_ask (widget, selected, heading,
                            _("The process goes on where it was paused. The reason goes into its history."),
                            _("_Resume"), FALSE, resume_given_cb);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuRecord *selected = get_selected (ANJU_WORKFLOW_INSTANCES_PAGE (widget));
  g_autofree char *heading = NULL;

  if (selected == NULL)
    return;

  /* Translators: %1$s is the record a process instance is about */
  heading = g_strdup_printf (_("Cancel the process of “%1$s”?"), record_label (selected));
  anju_workflow_reason_ask (widget, selected, heading,
                            _("A cancelled process ends for good; its open tasks close and the "
                              "submitter is told. The reason goes into its history."),
                            _("C_ancel Process"), TRUE, cancel_given_cb);
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  anju_list_loader_load_more (&ANJU_WORKFLOW_INSTANCES_PAGE (widget)->loader);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_workflow_instances_page_reload (ANJU_WORKFLOW_INSTANCES_PAGE (widget));
}

/* Reaching the bottom of what is loaded asks for the next page. */
static void
edge_reached_cb (AnjuWorkflowInstancesPage *self,
                 GtkPositionType            position)
{
  anju_list_loader_edge_reached (&self->loader, position);
}

/* Columns */

static char *
template_text (AnjuRecord *record)
{
  JsonObject *template = anju_record_get_member_object (record, "template");
  const char *name = anju_json_get_string (template, "name");

  /* Translators: a process and its version: %1$s the name, %2$d the version */
  return g_strdup_printf (_("%1$s v%2$d"), name != NULL ? name : "",
                          (int) anju_json_get_int (template, "version", 0));
}

static char *
state_text (AnjuRecord *record)
{
  return g_strdup (anju_workflow_state_label (anju_record_get_string (record, "state")));
}

static void
due_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (list_item, label);
}

/* The current step's due time; an overdue one says so in words and
 * stands out, so that colour is not the only sign. */
static void
due_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  AnjuRecord *record = anju_record_column_item_record (gtk_list_item_get_item (list_item));
  JsonObject *step = record != NULL ? anju_record_get_member_object (record, "current_step") : NULL;
  g_autofree char *due = anju_display_time (anju_json_get_string (step, "due_at"));
  gboolean overdue = anju_json_get_boolean (step, "overdue", FALSE);
  g_autofree char *text = NULL;

  if (overdue)
    /* Translators: %1$s is the date and time a task was due */
    text = g_strdup_printf (_("Overdue since %1$s"), due != NULL ? due : "");
  else
    text = g_strdup (due != NULL ? due : "");

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, *text != '\0' ? text : NULL);
  if (overdue)
    gtk_widget_add_css_class (label, "anju-overdue");
  else
    gtk_widget_remove_css_class (label, "anju-overdue");
}

static GtkColumnViewColumn *
due_column_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (due_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (due_bind_cb), NULL);
  column = gtk_column_view_column_new (C_("workflow instance", "Due"), factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  return column;
}

static void
append_column (AnjuWorkflowInstancesPage *self,
               GtkColumnViewColumn       *column)
{
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
setup_columns (AnjuWorkflowInstancesPage *self)
{
  append_column (self, anju_record_column_new (C_("workflow instance", "Record"), "record_label", ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new_with_func (C_("workflow instance", "Process"), template_text, ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new (C_("workflow instance", "Current step"), "current_step.name", ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (C_("workflow instance", "Organisation"), "organisation.name",
                                               ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (C_("workflow instance", "State"), state_text,
                                                         ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, due_column_new ());
}

/* GObject */

static void
anju_workflow_instances_page_map (GtkWidget *widget)
{
  AnjuWorkflowInstancesPage *self = ANJU_WORKFLOW_INSTANCES_PAGE (widget);

  GTK_WIDGET_CLASS (anju_workflow_instances_page_parent_class)->map (widget);

  /* Now in a window, which may offer to open records. */
  actions_update (self);
  if (!self->loaded)
    anju_workflow_instances_page_reload (self);
}

static void
anju_workflow_instances_page_constructed (GObject *object)
{
  AnjuWorkflowInstancesPage *self = ANJU_WORKFLOW_INSTANCES_PAGE (object);

  G_OBJECT_CLASS (anju_workflow_instances_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->instances = anju_paged_model_new (self->client, "/api/v1/workflow/instances", 0);
  self->templates = anju_paged_model_new (self->client, "/api/v1/workflow/templates", ANJU_LOAD_ALL_PAGE_SIZE);

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->instances));
  g_object_bind_property (self->instances, "loading", self->spinner, "spinning", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->instances, "notify::loading", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->instances, "notify::has-more", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  anju_list_loader_init (&self->loader, GTK_WIDGET (self), self->instances, self->selection,
                         self->stack, self->error_page, self->cancellable,
                         _("Could not load more process instances"));
  anju_list_loader_show_count (&self->loader, self->count_label, count_text);

  fill_state_filter (self);
  fill_template_filter (self);
  actions_update (self);
}

static void
anju_workflow_instances_page_dispose (GObject *object)
{
  AnjuWorkflowInstancesPage *self = ANJU_WORKFLOW_INSTANCES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_WORKFLOW_INSTANCES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->instances);
  g_clear_object (&self->templates);

  G_OBJECT_CLASS (anju_workflow_instances_page_parent_class)->dispose (object);
}

static void
anju_workflow_instances_page_finalize (GObject *object)
{
  AnjuWorkflowInstancesPage *self = ANJU_WORKFLOW_INSTANCES_PAGE (object);

  g_clear_pointer (&self->filter_codes, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_workflow_instances_page_parent_class)->finalize (object);
}

static void
anju_workflow_instances_page_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  AnjuWorkflowInstancesPage *self = ANJU_WORKFLOW_INSTANCES_PAGE (object);

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
anju_workflow_instances_page_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  AnjuWorkflowInstancesPage *self = ANJU_WORKFLOW_INSTANCES_PAGE (object);

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
anju_workflow_instances_page_class_init (AnjuWorkflowInstancesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_workflow_instances_page_constructed;
  object_class->dispose = anju_workflow_instances_page_dispose;
  object_class->finalize = anju_workflow_instances_page_finalize;
  object_class->get_property = anju_workflow_instances_page_get_property;
  object_class->set_property = anju_workflow_instances_page_set_property;

  widget_class->map = anju_workflow_instances_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-workflow-instances-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowInstancesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowInstancesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowInstancesPage, template_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowInstancesPage, state_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowInstancesPage, overdue_check);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowInstancesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowInstancesPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowInstancesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowInstancesPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "instances.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "instances.load-more", NULL, load_more_action);
  gtk_widget_class_install_action (widget_class, "instances.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "instances.pause", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "instances.resume", NULL, resume_action);
  gtk_widget_class_install_action (widget_class, "instances.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "instances.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "instances.reload", NULL);
}

static void
anju_workflow_instances_page_init (AnjuWorkflowInstancesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->filter_codes = g_ptr_array_new_with_free_func (g_free);
  self->selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  setup_columns (self);
}

GtkWidget *
anju_workflow_instances_page_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_WORKFLOW_INSTANCES_PAGE, "client", client, NULL);
}

void
anju_workflow_instances_page_reload (AnjuWorkflowInstancesPage *self)
{
  AnjuRecord *selected;

  g_return_if_fail (ANJU_IS_WORKFLOW_INSTANCES_PAGE (self));

  selected = get_selected (self);
  anju_paged_model_reset (self->templates);
  anju_load_all_async (self->templates, self->cancellable, templates_loaded_cb, g_object_ref (self));
  reload_selecting (self, selected != NULL ? anju_record_get_id (selected) : 0);
}
