/* anju-todo-page.c: the to-do and done lists of the signed-in user. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-display-time.h"
#include "anju-list-loader.h"
#include "anju-page-feedback.h"
#include "anju-task-column.h"
#include "anju-todo-page-private.h"
#include "anju-workflow-history-names.h"

/* Positions in the sort drop-down of the template. */
static const char * const sort_values[] = { "due", "created" };

enum {
  VIEW_TODO,
  VIEW_DONE,
  N_VIEWS
};

/* One of the two lists and the widgets showing it. */
typedef struct
{
  const char     *name;        /* the AdwViewStack child: "todo", "done" */
  AnjuPagedModel *model;       /* (owned) */
  GtkStack       *stack;       /* table / empty / error */
  AdwStatusPage  *error_page;
  GtkColumnView  *columns;
  gboolean        loaded;      /* asked for since the last reload */
  AnjuListLoader  loader;      /* over model */
} TaskView;

struct _AnjuTodoPage
{
  AdwBin            parent_instance;

  /* Template widgets */
  AdwViewStack     *view_stack;
  AdwViewStackPage *todo_view;
  GtkWidget        *todo_filters;
  GtkDropDown      *type_filter;
  GtkToggleButton  *overdue_toggle;
  GtkDropDown      *sort_order;
  GtkLabel         *count_label;
  GtkSpinner       *spinner;

  /* Owned */
  AnjuApiClient    *client;       /* (owned) */
  TaskView          views[N_VIEWS];
  GPtrArray        *type_codes;   /* (owned) char*, parallel to type_filter; [0] NULL (all) */
  GCancellable     *cancellable;  /* (owned) every load of the page */
  guint             filling_filters : 1;
};

G_DEFINE_FINAL_TYPE (AnjuTodoPage, anju_todo_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static TaskView *
visible_view (AnjuTodoPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  return g_strcmp0 (name, "done") == 0 ? &self->views[VIEW_DONE] : &self->views[VIEW_TODO];
}

static void
status_update (AnjuTodoPage *self)
{
  TaskView *view = visible_view (self);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (view->model));
  guint total = anju_paged_model_get_total (view->model);
  g_autofree char *text = NULL;

  if (view == &self->views[VIEW_TODO])
    /* Translators: %1$u tasks of %2$u matching ones are in the list */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u task", "%1$u of %2$u tasks", total),
                            shown, total);
  else
    /* Translators: %1$u done tasks of %2$u are in the list */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u done task",
                                         "%1$u of %2$u done tasks", total),
                            shown, total);
  gtk_label_set_text (self->count_label, text);
  gtk_spinner_set_spinning (self->spinner, anju_paged_model_get_loading (view->model));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "todo.load-more",
                                 anju_paged_model_get_has_more (view->model)
                                 && !anju_paged_model_get_loading (view->model));
  /* The filters are the to-do list's; the done list has none. */
  gtk_widget_set_visible (self->todo_filters, view == &self->views[VIEW_TODO]);
}

static void
load_more (AnjuTodoPage *self,
           TaskView     *view)
{
  view->loaded = TRUE;
  anju_list_loader_load_more (&view->loader);
}

static void
reload_view (AnjuTodoPage *self,
             TaskView     *view)
{
  anju_paged_model_reset (view->model);
  load_more (self, view);
}

/* Types and counts */

static char *
type_entry_text (JsonObject *type)
{
  const char *name = anju_json_get_string (type, "name");

  /* Translators: %1$s is a type of business, %2$d how many tasks of it are open */
  return g_strdup_printf (_("%1$s (%2$d)"), name != NULL ? name : anju_json_get_string (type, "type"),
                          (int) anju_json_get_int (type, "count", 0));
}

/* Refills the type filter from the counts (NULL before they came),
 * keeping the chosen type; a type without open tasks left drops out and
 * the filter returns to all, which the return value says. */
static gboolean
fill_type_filter (AnjuTodoPage *self,
                  JsonObject   *counts)
{
  JsonArray *types = anju_json_get_array (counts, "types");
  guint n_types = types != NULL ? json_array_get_length (types) : 0;
  guint position = gtk_drop_down_get_selected (self->type_filter);
  g_autofree char *chosen = position < self->type_codes->len
                            ? g_strdup (g_ptr_array_index (self->type_codes, position)) : NULL;
  g_autoptr(GtkStringList) entries = gtk_string_list_new (NULL);
  g_autofree char *all = NULL;
  guint new_position = 0;

  g_ptr_array_set_size (self->type_codes, 0);
  g_ptr_array_add (self->type_codes, NULL);
  if (counts != NULL)
    /* Translators: %1$d is how many tasks are open in all */
    all = g_strdup_printf (_("All types (%1$d)"), (int) anju_json_get_int (counts, "total", 0));
  gtk_string_list_append (entries, all != NULL ? all : _("All types"));

  for (guint i = 0; i < n_types; i++)
    {
      JsonNode *node = json_array_get_element (types, i);
      JsonObject *type = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *code = anju_json_get_string (type, "type");
      g_autofree char *text = NULL;

      if (code == NULL)
        continue;
      if (g_strcmp0 (code, chosen) == 0)
        new_position = self->type_codes->len;
      text = type_entry_text (type);
      g_ptr_array_add (self->type_codes, g_strdup (code));
      gtk_string_list_append (entries, text);
    }

  self->filling_filters = TRUE;
  gtk_drop_down_set_model (self->type_filter, G_LIST_MODEL (entries));
  gtk_drop_down_set_selected (self->type_filter, new_position);
  self->filling_filters = FALSE;

  return chosen != NULL && new_position == 0;
}

static void
show_counts (AnjuTodoPage *self,
             JsonObject   *counts)
{
  gint64 total = anju_json_get_int (counts, "total", 0);
  gint64 overdue = anju_json_get_int (counts, "overdue", 0);
  g_autofree char *overdue_text = NULL;

  adw_view_stack_page_set_badge_number (self->todo_view, (guint) CLAMP (total, 0, G_MAXUINT));
  adw_view_stack_page_set_needs_attention (self->todo_view, overdue > 0);

  /* Translators: %1$d is how many open tasks are overdue */
  overdue_text = g_strdup_printf (_("_Overdue Only (%1$d)"), (int) overdue);
  gtk_button_set_label (GTK_BUTTON (self->overdue_toggle), overdue_text);
}

static void filter_changed_cb (AnjuTodoPage *self);

static void
counts_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AnjuTodoPage) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *counts;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (answer == NULL)
    {
      /* The lists still work without their counts. */
      anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not count your tasks"), error);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (answer))
    return;

  counts = json_node_get_object (answer);
  show_counts (self, counts);
  if (fill_type_filter (self, counts))
    filter_changed_cb (self);
}

static void
load_counts (AnjuTodoPage *self)
{
  anju_api_client_request_async (self->client, "GET", "/api/v1/todo/counts", NULL,
                                 self->cancellable, counts_cb, g_object_ref (self));
}

/* Filters */

static void
filter_changed_cb (AnjuTodoPage *self)
{
  AnjuListLoader *loader = &self->views[VIEW_TODO].loader;
  guint type_position = gtk_drop_down_get_selected (self->type_filter);
  guint sort_position = gtk_drop_down_get_selected (self->sort_order);
  const char *type = type_position < self->type_codes->len
                     ? g_ptr_array_index (self->type_codes, type_position) : NULL;
  gboolean changed;

  /* Refilling the drop-down moves its selection; that is no choice of
   * the user's. */
  if (self->filling_filters)
    return;

  changed = anju_list_loader_apply_filter (loader, "type", type);
  changed |= anju_list_loader_apply_filter (loader, "overdue",
                                            gtk_toggle_button_get_active (self->overdue_toggle) ? "true" : NULL);
  changed |= anju_list_loader_apply_filter (loader, "sort",
                                            sort_values[MIN (sort_position, G_N_ELEMENTS (sort_values) - 1)]);
  if (changed && self->views[VIEW_TODO].loaded)
    load_more (self, &self->views[VIEW_TODO]);
}

/* Rows */

static void
open_item (AnjuTodoPage *self,
           TaskView     *view,
           guint         position)
{
  g_autoptr(AnjuRecord) item = g_list_model_get_item (G_LIST_MODEL (view->model), position);
  const char *domain;

  if (item == NULL)
    return;

  domain = anju_record_get_string (item, "domain");
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "(sxx)",
                              domain != NULL ? domain : "",
                              anju_record_get_int (item, "record_id", 0),
                              anju_record_get_int (item, "instance_id", 0));
}

static void
todo_activated_cb (AnjuTodoPage *self,
                   guint         position)
{
  open_item (self, &self->views[VIEW_TODO], position);
}

static void
done_activated_cb (AnjuTodoPage *self,
                   guint         position)
{
  open_item (self, &self->views[VIEW_DONE], position);
}

static void
view_changed_cb (AnjuTodoPage *self)
{
  TaskView *view = visible_view (self);

  if (!view->loaded && gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_more (self, view);
  status_update (self);
}

/* Reaching the bottom of what is loaded asks for the next page. */
static void
edge_reached_cb (AnjuTodoPage    *self,
                 GtkPositionType  position)
{
  if (position == GTK_POS_BOTTOM)
    load_more (self, visible_view (self));
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AnjuTodoPage *self = ANJU_TODO_PAGE (widget);

  load_more (self, visible_view (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_todo_page_reload (ANJU_TODO_PAGE (widget));
}

/* Columns */

static char *
type_text (AnjuRecord *record)
{
  const char *name = anju_record_get_string (record, "type_name");

  return g_strdup (name != NULL ? name : anju_record_get_string (record, "type"));
}

static char *
record_text (AnjuRecord *record)
{
  return g_strdup (anju_record_get_string (record, "record_label"));
}

static char *
step_text (AnjuRecord *record)
{
  const char *step = anju_record_get_string (record, "step_name");

  /* A supplement task is the submitter's, not a review. */
  if (g_strcmp0 (anju_record_get_string (record, "kind"), "supplement") == 0)
    /* Translators: %1$s is a step's name, %2$s the kind of task ("Supplement") */
    return g_strdup_printf (_("%1$s (%2$s)"), step, anju_workflow_task_kind_label ("supplement"));

  return g_strdup (step);
}

static char *
organisation_text (AnjuRecord *record)
{
  return g_strdup (anju_record_get_path_string (record, "organisation.name"));
}

static char *
received_text (AnjuRecord *record)
{
  return anju_display_time (anju_record_get_string (record, "created_at"));
}

static char *
due_text (AnjuRecord *record)
{
  char *due = anju_display_time (anju_record_get_string (record, "due_at"));

  return due != NULL ? due : g_strdup (_("No time limit"));
}

/* The overdue mark in words, for those who do not see the colour. */
static char *
status_text (AnjuRecord *record)
{
  return g_strdup (anju_record_get_boolean (record, "overdue", FALSE) ? _("Overdue") : "");
}

static char *
action_text (AnjuRecord *record)
{
  return g_strdup (anju_workflow_history_action_label (anju_record_get_string (record, "action")));
}

static char *
comment_text (AnjuRecord *record)
{
  return g_strdup (anju_record_get_string (record, "comment"));
}

static char *
done_at_text (AnjuRecord *record)
{
  return anju_display_time (anju_record_get_string (record, "done_at"));
}

static void
append_column (GtkColumnView       *columns,
               GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (columns, column);
  g_object_unref (column);
}

static void
setup_columns (AnjuTodoPage *self)
{
  GtkColumnView *todo = self->views[VIEW_TODO].columns;
  GtkColumnView *done = self->views[VIEW_DONE].columns;

  append_column (todo, anju_task_column_new (_("Type"), type_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (todo, anju_task_column_new (C_("task list column", "Record"), record_text,
                                             ANJU_RECORD_COLUMN_EXPAND));
  append_column (todo, anju_task_column_new (C_("workflow step", "Step"), step_text,
                                             ANJU_RECORD_COLUMN_DEFAULT));
  append_column (todo, anju_task_column_new (_("Organisation"), organisation_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (todo, anju_task_column_new (_("Received"), received_text, ANJU_RECORD_COLUMN_NUMERIC));
  append_column (todo, anju_task_column_new (_("Due"), due_text, ANJU_RECORD_COLUMN_NUMERIC));
  append_column (todo, anju_task_column_new (_("Status"), status_text, ANJU_RECORD_COLUMN_DEFAULT));

  /* Done tasks are over: no overdue mark, the columns say what was done. */
  append_column (done, anju_record_column_new_with_func (_("Type"), type_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (done, anju_record_column_new_with_func (C_("task list column", "Record"), record_text,
                                                         ANJU_RECORD_COLUMN_EXPAND));
  append_column (done, anju_record_column_new_with_func (C_("workflow step", "Step"), step_text,
                                                         ANJU_RECORD_COLUMN_DEFAULT));
  append_column (done, anju_record_column_new_with_func (C_("task list column", "Action"), action_text,
                                                         ANJU_RECORD_COLUMN_DEFAULT));
  append_column (done, anju_record_column_new_with_func (_("Comment"), comment_text, ANJU_RECORD_COLUMN_EXPAND));
  append_column (done, anju_record_column_new_with_func (_("Done at"), done_at_text, ANJU_RECORD_COLUMN_NUMERIC));
}

static void
setup_view (AnjuTodoPage *self,
            TaskView     *view,
            const char   *path)
{
  GtkNoSelection *selection;

  view->model = anju_paged_model_new (self->client, path, 0);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (view->model)));
  gtk_column_view_set_model (view->columns, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  anju_list_loader_init (&view->loader, GTK_WIDGET (self), view->model, NULL,
                         view->stack, view->error_page, self->cancellable,
                         _("Could not load more tasks"));

  g_signal_connect_object (view->model, "notify::loading", G_CALLBACK (status_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view->model, "notify::has-more", G_CALLBACK (status_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view->model, "notify::total", G_CALLBACK (status_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view->model, "items-changed", G_CALLBACK (status_update), self, G_CONNECT_SWAPPED);
}

static void
anju_todo_page_map (GtkWidget *widget)
{
  AnjuTodoPage *self = ANJU_TODO_PAGE (widget);

  GTK_WIDGET_CLASS (anju_todo_page_parent_class)->map (widget);

  if (!visible_view (self)->loaded)
    anju_todo_page_reload (self);
}

static void
anju_todo_page_constructed (GObject *object)
{
  AnjuTodoPage *self = ANJU_TODO_PAGE (object);

  G_OBJECT_CLASS (anju_todo_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  setup_view (self, &self->views[VIEW_TODO], "/api/v1/todo");
  setup_view (self, &self->views[VIEW_DONE], "/api/v1/done");
  anju_list_loader_apply_filter (&self->views[VIEW_TODO].loader, "sort", sort_values[0]);
  fill_type_filter (self, NULL);
  status_update (self);
}

static void
anju_todo_page_dispose (GObject *object)
{
  AnjuTodoPage *self = ANJU_TODO_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_TODO_PAGE);
  for (guint i = 0; i < N_VIEWS; i++)
    g_clear_object (&self->views[i].model);

  G_OBJECT_CLASS (anju_todo_page_parent_class)->dispose (object);
}

static void
anju_todo_page_finalize (GObject *object)
{
  AnjuTodoPage *self = ANJU_TODO_PAGE (object);

  g_clear_pointer (&self->type_codes, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_todo_page_parent_class)->finalize (object);
}

static void
anju_todo_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AnjuTodoPage *self = ANJU_TODO_PAGE (object);

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
anju_todo_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AnjuTodoPage *self = ANJU_TODO_PAGE (object);

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
anju_todo_page_class_init (AnjuTodoPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_todo_page_constructed;
  object_class->dispose = anju_todo_page_dispose;
  object_class->finalize = anju_todo_page_finalize;
  object_class->get_property = anju_todo_page_get_property;
  object_class->set_property = anju_todo_page_set_property;

  widget_class->map = anju_todo_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-todo-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuTodoPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuTodoPage, todo_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuTodoPage, todo_filters);
  gtk_widget_class_bind_template_child (widget_class, AnjuTodoPage, type_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuTodoPage, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, AnjuTodoPage, sort_order);
  gtk_widget_class_bind_template_child (widget_class, AnjuTodoPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuTodoPage, spinner);
  gtk_widget_class_bind_template_child_full (widget_class, "todo_stack", FALSE,
                                             G_STRUCT_OFFSET (AnjuTodoPage, views[VIEW_TODO].stack));
  gtk_widget_class_bind_template_child_full (widget_class, "todo_error_page", FALSE,
                                             G_STRUCT_OFFSET (AnjuTodoPage, views[VIEW_TODO].error_page));
  gtk_widget_class_bind_template_child_full (widget_class, "todo_view_columns", FALSE,
                                             G_STRUCT_OFFSET (AnjuTodoPage, views[VIEW_TODO].columns));
  gtk_widget_class_bind_template_child_full (widget_class, "done_stack", FALSE,
                                             G_STRUCT_OFFSET (AnjuTodoPage, views[VIEW_DONE].stack));
  gtk_widget_class_bind_template_child_full (widget_class, "done_error_page", FALSE,
                                             G_STRUCT_OFFSET (AnjuTodoPage, views[VIEW_DONE].error_page));
  gtk_widget_class_bind_template_child_full (widget_class, "done_view_columns", FALSE,
                                             G_STRUCT_OFFSET (AnjuTodoPage, views[VIEW_DONE].columns));
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, todo_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_activated_cb);

  gtk_widget_class_install_action (widget_class, "todo.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "todo.load-more", NULL, load_more_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "todo.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "todo.reload", NULL);
}

static void
anju_todo_page_init (AnjuTodoPage *self)
{
  self->views[VIEW_TODO].name = "todo";
  self->views[VIEW_DONE].name = "done";
  self->cancellable = g_cancellable_new ();
  self->type_codes = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  setup_columns (self);
}

GtkWidget *
anju_todo_page_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_TODO_PAGE, "client", client, NULL);
}

void
anju_todo_page_reload (AnjuTodoPage *self)
{
  TaskView *shown;

  g_return_if_fail (ANJU_IS_TODO_PAGE (self));

  shown = visible_view (self);
  load_counts (self);
  for (guint i = 0; i < N_VIEWS; i++)
    {
      /* The hidden list loads when it is shown. */
      if (&self->views[i] == shown)
        reload_view (self, &self->views[i]);
      else
        {
          anju_paged_model_reset (self->views[i].model);
          self->views[i].loaded = FALSE;
        }
    }
}

/* Private API for tests (anju-todo-page-private.h) */

static TaskView *
view_named (AnjuTodoPage *self,
            const char   *name)
{
  return g_strcmp0 (name, "done") == 0 ? &self->views[VIEW_DONE] : &self->views[VIEW_TODO];
}

GtkColumnView *
_anju_todo_page_get_columns (AnjuTodoPage *self,
                             const char   *view)
{
  return view_named (self, view)->columns;
}

AnjuPagedModel *
_anju_todo_page_get_model (AnjuTodoPage *self,
                           const char   *view)
{
  return view_named (self, view)->model;
}

void
_anju_todo_page_show_view (AnjuTodoPage *self,
                           const char   *view)
{
  adw_view_stack_set_visible_child_name (self->view_stack, view_named (self, view)->name);
}

GListModel *
_anju_todo_page_get_types (AnjuTodoPage *self)
{
  return gtk_drop_down_get_model (self->type_filter);
}

GtkToggleButton *
_anju_todo_page_get_overdue_toggle (AnjuTodoPage *self)
{
  return self->overdue_toggle;
}
