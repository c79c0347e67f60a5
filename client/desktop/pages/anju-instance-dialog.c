/* anju-instance-dialog.c: one process instance, its history and actions. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-display-time.h"
#include "anju-error-message.h"
#include "anju-file-row.h"
#include "anju-file-save.h"
#include "anju-instance-dialog-private.h"
#include "anju-page-feedback.h"
#include "anju-workflow-history-names.h"
#include "anju-workflow-names.h"

struct _AnjuInstanceDialog
{
  AdwWindow              parent_instance;

  /* Template widgets */
  AdwWindowTitle        *window_title;
  AdwToastOverlay       *toast_overlay;
  GtkStack              *stack;
  AdwStatusPage         *error_page;
  AdwActionRow          *template_row;
  AdwActionRow          *state_row;
  AdwActionRow          *organisation_row;
  AdwActionRow          *submitter_row;
  AdwActionRow          *started_row;
  AdwActionRow          *finished_row;
  GtkWidget             *step_group;
  AdwActionRow          *step_row;
  AdwActionRow          *step_entered_row;
  AdwActionRow          *due_row;
  GtkWidget             *overdue_label;
  GtkWidget             *fields_group;
  GtkListBox            *fields_list;
  GtkListBox            *tasks_list;
  GtkListBox            *history_list;
  GtkBox                *action_box;

  /* Borrowed: a child of action_box */
  AnjuWorkflowActionBar *action_bar;

  /* Owned */
  AnjuApiClient         *client;       /* (owned) */
  AnjuRecord            *instance;     /* (owned) (nullable) as last shown */
  GCancellable          *cancellable;  /* (owned) (nullable) the load on its way */
  gint64                 instance_id;
};

G_DEFINE_FINAL_TYPE (AnjuInstanceDialog, anju_instance_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_INSTANCE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (AnjuInstanceDialog *self,
       const char         *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  /* AdwToast titles are markup in libadwaita 1.2; messages are text. */
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Server text is not markup: rows show it as it is. */
static GtkWidget *
text_row_new (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  return row;
}

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL && *text != '\0' ? text : "—");
}

static char *
name_in (JsonObject *object,
         const char *member)
{
  return g_strdup (anju_json_get_string (anju_json_get_object (object, member), "name"));
}

/* A field's value as a person reads it; fields are the domain's own. */
static char *
value_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("—");

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *item = value_text (json_array_get_element (array, i));

          if (i > 0)
            /* Translators: separates the items of a list value */
            g_string_append (text, _(", "));
          g_string_append (text, item);
        }
      return g_string_free (text, FALSE);
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_to_string (node, FALSE);

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%g", json_node_get_double (node));
    default:
      return g_strdup (json_node_get_string (node));
    }
}

static void
show_summary (AnjuInstanceDialog *self,
              AnjuRecord         *instance)
{
  JsonObject *template = anju_record_get_member_object (instance, "template");
  const char *label = anju_record_get_string (instance, "record_label");
  g_autofree char *template_text = NULL;
  g_autofree char *submitter = NULL;
  g_autofree char *started = anju_display_time (anju_record_get_string (instance, "created_at"));
  g_autofree char *finished = anju_display_time (anju_record_get_string (instance, "finished_at"));

  gtk_window_set_title (GTK_WINDOW (self), label);
  adw_window_title_set_title (self->window_title, label != NULL ? label : "");
  adw_window_title_set_subtitle (self->window_title, anju_json_get_string (template, "name"));

  /* Translators: %1$s is a process template's name, %2$s its code, %3$d its version */
  template_text = g_strdup_printf (_("%1$s (%2$s), version %3$d"),
                                   anju_json_get_string (template, "name"),
                                   anju_json_get_string (template, "code"),
                                   (int) anju_json_get_int (template, "version", 0));
  set_subtitle (self->template_row, template_text);
  set_subtitle (self->state_row, anju_workflow_state_label (anju_record_get_string (instance, "state")));
  set_subtitle (self->organisation_row, anju_record_get_path_string (instance, "organisation.name"));
  submitter = name_in (anju_record_get_object (instance), "submitter");
  set_subtitle (self->submitter_row, submitter);
  set_subtitle (self->started_row, started);
  set_subtitle (self->finished_row, finished);
  gtk_widget_set_visible (GTK_WIDGET (self->finished_row), finished != NULL);
}

static void
show_step (AnjuInstanceDialog *self,
           AnjuRecord         *instance)
{
  JsonObject *step = anju_record_get_member_object (instance, "current_step");
  gboolean overdue = anju_json_get_boolean (step, "overdue", FALSE);
  g_autofree char *entered = anju_display_time (anju_json_get_string (step, "entered_at"));
  g_autofree char *due = anju_display_time (anju_json_get_string (step, "due_at"));
  g_autofree char *organisation = name_in (step, "organisation");
  g_autofree char *step_text = NULL;

  gtk_widget_set_visible (self->step_group, step != NULL);
  if (step == NULL)
    return;

  /* Translators: %1$s is a process step's name, %2$s the organisation it is at */
  step_text = g_strdup_printf (_("%1$s, at %2$s"), anju_json_get_string (step, "name"),
                               organisation != NULL ? organisation : "—");
  set_subtitle (self->step_row, step_text);
  set_subtitle (self->step_entered_row, entered);
  set_subtitle (self->due_row, due != NULL ? due : _("No time limit"));
  gtk_widget_set_visible (self->overdue_label, overdue);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "anju-overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "anju-overdue");
}

static void
show_fields (AnjuInstanceDialog *self,
             AnjuRecord         *instance)
{
  JsonObject *fields = anju_record_get_member_object (instance, "fields");
  g_autoptr(GList) names = fields != NULL ? json_object_get_members (fields) : NULL;

  clear_list (self->fields_list);
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *text = value_text (json_object_get_member (fields, l->data));

      gtk_list_box_append (self->fields_list, text_row_new (l->data, text));
    }
  gtk_widget_set_visible (self->fields_group, names != NULL);
}

/* "Open · due 2026-11-29 17:00:00" or "Done by 李娜 at …: Approved". */
static char *
task_state_text (JsonObject *task)
{
  const char *state = anju_json_get_string (task, "state");
  g_autofree char *due = anju_display_time (anju_json_get_string (task, "due_at"));
  g_autofree char *done_at = anju_display_time (anju_json_get_string (task, "done_at"));
  g_autofree char *done_by = name_in (task, "done_by");
  const char *action = anju_workflow_history_action_label (anju_json_get_string (task, "action"));

  if (g_strcmp0 (state, "done") == 0)
    /* Translators: %1$s is a person, %2$s a date and time, %3$s what they did ("Approved") */
    return g_strdup_printf (_("Done by %1$s at %2$s: %3$s"),
                            done_by != NULL ? done_by : "—", done_at != NULL ? done_at : "—",
                            action != NULL ? action : "—");

  if (g_strcmp0 (state, "open") == 0 && anju_json_get_boolean (task, "overdue", FALSE))
    /* Translators: %1$s is a date and time */
    return g_strdup_printf (_("Open, overdue since %1$s"), due);

  if (g_strcmp0 (state, "open") == 0 && due != NULL)
    /* Translators: %1$s is a date and time */
    return g_strdup_printf (_("Open, due %1$s"), due);

  return g_strdup (anju_workflow_task_state_label (state));
}

static GtkWidget *
task_row_new (JsonObject *task)
{
  g_autofree char *organisation = name_in (task, "organisation");
  g_autofree char *assignee = name_in (task, "assignee");
  g_autofree char *title = NULL;
  g_autofree char *who = NULL;
  g_autofree char *state = task_state_text (task);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  /* Translators: %1$s is a step's name, %2$s the kind of task ("Review") */
  title = g_strdup_printf (_("%1$s (%2$s)"), anju_json_get_string (task, "step_name"),
                           anju_workflow_task_kind_label (anju_json_get_string (task, "kind")));
  /* A task without an assignee goes to whoever holds the role there. */
  who = assignee != NULL ? g_strdup (assignee) : g_strdup (organisation != NULL ? organisation : "—");
  /* Translators: %1$s is who has the task, %2$s its state ("Open, due …") */
  subtitle = g_strdup_printf (_("%1$s · %2$s"), who, state);

  row = text_row_new (title, subtitle);
  if (g_strcmp0 (anju_json_get_string (task, "state"), "open") == 0
      && anju_json_get_boolean (task, "overdue", FALSE))
    gtk_widget_add_css_class (row, "anju-overdue");
  return row;
}

static void
show_tasks (AnjuInstanceDialog *self,
            AnjuRecord         *instance)
{
  JsonArray *tasks = anju_record_get_member_array (instance, "tasks");
  guint n_tasks = tasks != NULL ? json_array_get_length (tasks) : 0;

  clear_list (self->tasks_list);
  for (guint i = 0; i < n_tasks; i++)
    {
      JsonNode *node = json_array_get_element (tasks, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        gtk_list_box_append (self->tasks_list, task_row_new (json_node_get_object (node)));
    }
  if (n_tasks == 0)
    gtk_list_box_append (self->tasks_list, text_row_new (_("No tasks"), NULL));
}

static void
save_attachment_cb (GtkButton          *button,
                    AnjuInstanceDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);

  anju_file_save (GTK_WIDGET (self), self->client, anju_file_row_get_file (row));
}

static GtkWidget *
attachments_list_new (AnjuInstanceDialog *self,
                      JsonArray          *files)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attachments"), -1);

  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonNode *node = json_array_get_element (files, i);
      const char *name;
      g_autofree char *save_label = NULL;
      GtkWidget *row;
      GtkWidget *save;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      name = anju_json_get_string (json_node_get_object (node), "name");
      row = anju_file_row_new (json_node_get_object (node));
      save = gtk_button_new_from_icon_name ("document-save-symbolic");
      gtk_widget_set_valign (save, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (save, "flat");
      /* Translators: %1$s is a file's name */
      save_label = g_strdup_printf (_("Save “%1$s”…"), name != NULL ? name : "");
      gtk_widget_set_tooltip_text (save, save_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL, save_label, -1);
      g_signal_connect_object (save, "clicked", G_CALLBACK (save_attachment_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), save);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  return list;
}

static GtkWidget *
history_label_new (const char *text,
                   const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* One entry of the timeline: what happened at which step, who did it
 * for which organisation and when, the comment and the attachments. */
static GtkWidget *
history_row_new (AnjuInstanceDialog *self,
                 JsonObject         *entry)
{
  JsonArray *files = anju_json_get_array (entry, "attachments");
  const char *comment = anju_json_get_string (entry, "comment");
  const char *step_name = anju_json_get_string (entry, "step_name");
  g_autofree char *actor = name_in (entry, "actor");
  g_autofree char *organisation = name_in (entry, "organisation");
  g_autofree char *at = anju_display_time (anju_json_get_string (entry, "at"));
  g_autofree char *heading = NULL;
  g_autofree char *who = NULL;
  g_autofree char *meta = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  const char *action = anju_workflow_history_action_label (anju_json_get_string (entry, "action"));

  if (step_name != NULL)
    /* Translators: %1$s is what happened ("Approved"), %2$s the step it happened at */
    heading = g_strdup_printf (_("%1$s at %2$s"), action, step_name);
  else
    heading = g_strdup (action);

  if (actor == NULL)
    who = g_strdup (_("The platform"));
  else if (organisation != NULL)
    /* Translators: %1$s is a person, %2$s their organisation */
    who = g_strdup_printf (_("%1$s, %2$s"), actor, organisation);
  else
    who = g_strdup (actor);
  /* Translators: %1$s is who acted, %2$s a date and time */
  meta = g_strdup_printf (_("%1$s · %2$s"), who, at != NULL ? at : "—");

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), history_label_new (heading, "heading"));
  gtk_box_append (GTK_BOX (box), history_label_new (meta, "dim-label"));
  if (comment != NULL && *comment != '\0')
    {
      GtkWidget *label = history_label_new (comment, NULL);

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 3);
      gtk_box_append (GTK_BOX (box), label);
    }
  if (files != NULL && json_array_get_length (files) > 0)
    {
      GtkWidget *list = attachments_list_new (self, files);

      gtk_widget_set_margin_top (list, 6);
      gtk_box_append (GTK_BOX (box), list);
    }

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
show_history (AnjuInstanceDialog *self,
              AnjuRecord         *instance)
{
  JsonArray *history = anju_record_get_member_array (instance, "history");
  guint n_entries = history != NULL ? json_array_get_length (history) : 0;

  clear_list (self->history_list);
  for (guint i = 0; i < n_entries; i++)
    {
      JsonNode *node = json_array_get_element (history, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        gtk_list_box_append (self->history_list, history_row_new (self, json_node_get_object (node)));
    }
}

static void
show_instance (AnjuInstanceDialog *self,
               AnjuRecord         *instance)
{
  g_set_object (&self->instance, instance);
  show_summary (self, instance);
  show_step (self, instance);
  show_fields (self, instance);
  show_tasks (self, instance);
  show_history (self, instance);
  anju_workflow_action_bar_set_instance (self->action_bar, instance);
  gtk_stack_set_visible_child_name (self->stack, "instance");
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(AnjuInstanceDialog) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuRecord) instance = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  if (answer != NULL && !JSON_NODE_HOLDS_OBJECT (answer))
    error = g_error_new_literal (ANJU_ERROR, ANJU_ERROR_MALFORMED,
                                 _("The server’s answer is not a process instance"));
  if (error != NULL)
    {
      /* What was shown stays; a toast says the refresh failed. */
      if (self->instance != NULL)
        anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not reload the process"), error);
      else
        anju_page_show_load_error (self->stack, self->error_page, self->client, error);
      return;
    }

  instance = anju_record_new (json_node_get_object (answer));
  show_instance (self, instance);
}

static void
bar_acted_cb (AnjuInstanceDialog *self,
              AnjuRecord         *instance,
              const char         *message)
{
  toast (self, message);
  /* The action's answer is the instance; a reload brings what the
   * server's hooks did meanwhile as well. */
  show_instance (self, instance);
  anju_instance_dialog_reload (self);
}

static void
bar_failed_cb (AnjuInstanceDialog *self,
               const char         *message)
{
  toast (self, message);
  /* Refused because the instance moved on: show where it is now. */
  anju_instance_dialog_reload (self);
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  toast (ANJU_INSTANCE_DIALOG (widget), g_variant_get_string (parameter, NULL));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_instance_dialog_reload (ANJU_INSTANCE_DIALOG (widget));
}

static void
anju_instance_dialog_constructed (GObject *object)
{
  AnjuInstanceDialog *self = ANJU_INSTANCE_DIALOG (object);

  G_OBJECT_CLASS (anju_instance_dialog_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->action_bar = ANJU_WORKFLOW_ACTION_BAR (anju_workflow_action_bar_new (self->client));
  gtk_widget_set_halign (GTK_WIDGET (self->action_bar), GTK_ALIGN_FILL);
  gtk_box_append (self->action_box, GTK_WIDGET (self->action_bar));
  g_signal_connect_object (self->action_bar, "acted", G_CALLBACK (bar_acted_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->action_bar, "failed", G_CALLBACK (bar_failed_cb), self, G_CONNECT_SWAPPED);

  anju_instance_dialog_reload (self);
}

static void
anju_instance_dialog_dispose (GObject *object)
{
  AnjuInstanceDialog *self = ANJU_INSTANCE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_INSTANCE_DIALOG);
  self->action_bar = NULL;
  g_clear_object (&self->cancellable);
  g_clear_object (&self->instance);

  G_OBJECT_CLASS (anju_instance_dialog_parent_class)->dispose (object);
}

static void
anju_instance_dialog_finalize (GObject *object)
{
  AnjuInstanceDialog *self = ANJU_INSTANCE_DIALOG (object);

  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_instance_dialog_parent_class)->finalize (object);
}

static void
anju_instance_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AnjuInstanceDialog *self = ANJU_INSTANCE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_INSTANCE_ID:
      g_value_set_int64 (value, self->instance_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_instance_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AnjuInstanceDialog *self = ANJU_INSTANCE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_INSTANCE_ID:
      self->instance_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_instance_dialog_class_init (AnjuInstanceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_instance_dialog_constructed;
  object_class->dispose = anju_instance_dialog_dispose;
  object_class->finalize = anju_instance_dialog_finalize;
  object_class->get_property = anju_instance_dialog_get_property;
  object_class->set_property = anju_instance_dialog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_INSTANCE_ID] =
    g_param_spec_int64 ("instance-id", NULL, NULL,
                        1, G_MAXINT64, 1,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-instance-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuInstanceDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AnjuInstanceDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AnjuInstanceDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuInstanceDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuInstanceDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuInstanceDialog, state_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuInstanceDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuInstanceDialog, submitter_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuInstanceDialog, started_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuInstanceDialog, finished_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuInstanceDialog, step_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuInstanceDialog, step_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuInstanceDialog, step_entered_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuInstanceDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuInstanceDialog, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuInstanceDialog, fields_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuInstanceDialog, fields_list);
  gtk_widget_class_bind_template_child (widget_class, AnjuInstanceDialog, tasks_list);
  gtk_widget_class_bind_template_child (widget_class, AnjuInstanceDialog, history_list);
  gtk_widget_class_bind_template_child (widget_class, AnjuInstanceDialog, action_box);

  gtk_widget_class_install_action (widget_class, "instance.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "instance.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "instance.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
anju_instance_dialog_init (AnjuInstanceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
anju_instance_dialog_new (AnjuApiClient *client,
                          gint64         instance_id)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (instance_id > 0, NULL);

  return g_object_new (ANJU_TYPE_INSTANCE_DIALOG,
                       "client", client,
                       "instance-id", instance_id,
                       NULL);
}

static AnjuInstanceDialog *
find_open_dialog (AnjuApiClient *client,
                  gint64         instance_id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ANJU_IS_INSTANCE_DIALOG (window)
          && ANJU_INSTANCE_DIALOG (window)->client == client
          && ANJU_INSTANCE_DIALOG (window)->instance_id == instance_id)
        return ANJU_INSTANCE_DIALOG (window);
    }

  return NULL;
}

GtkWidget *
anju_instance_dialog_present (GtkWindow     *parent,
                              AnjuApiClient *client,
                              gint64         instance_id)
{
  AnjuInstanceDialog *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (instance_id > 0, NULL);

  dialog = find_open_dialog (client, instance_id);
  if (dialog != NULL)
    anju_instance_dialog_reload (dialog);
  else
    {
      dialog = ANJU_INSTANCE_DIALOG (anju_instance_dialog_new (client, instance_id));
      gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
    }

  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

gint64
anju_instance_dialog_get_instance_id (AnjuInstanceDialog *self)
{
  g_return_val_if_fail (ANJU_IS_INSTANCE_DIALOG (self), 0);

  return self->instance_id;
}

void
anju_instance_dialog_reload (AnjuInstanceDialog *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (ANJU_IS_INSTANCE_DIALOG (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->instance == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  path = g_strdup_printf ("/api/v1/workflow/instances/%" G_GINT64_FORMAT, self->instance_id);
  anju_api_client_request_async (self->client, "GET", path, NULL, self->cancellable,
                                 load_cb, g_object_ref (self));
}

/* Private API for tests (anju-instance-dialog-private.h) */

AnjuRecord *
_anju_instance_dialog_get_instance (AnjuInstanceDialog *self)
{
  return self->instance;
}

gboolean
_anju_instance_dialog_is_loading (AnjuInstanceDialog *self)
{
  return self->cancellable != NULL;
}

AnjuWorkflowActionBar *
_anju_instance_dialog_get_action_bar (AnjuInstanceDialog *self)
{
  return self->action_bar;
}

const char *
_anju_instance_dialog_get_state_text (AnjuInstanceDialog *self)
{
  return adw_action_row_get_subtitle (self->state_row);
}
