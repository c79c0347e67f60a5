/* anju-workflow-step-form.c: the settings of the selected step. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-desktop-private.h"
#include "anju-field-error.h"
#include "anju-record.h"
#include "anju-workflow-condition-editor.h"
#include "anju-workflow-errors.h"
#include "anju-workflow-names.h"
#include "anju-workflow-step-form.h"

#define BRANCH_INDEX_KEY "anju-branch-index"

/* The widgets of one branch, rebuilt whenever branches come or go. */
typedef struct
{
  GtkWidget *goto_drop_down;  /* (unowned) */
  GtkWidget *goto_error;      /* (unowned) GtkLabel */
  GtkWidget *editor;          /* (unowned) AnjuWorkflowConditionEditor */
  GPtrArray *goto_keys;       /* (owned) char *, parallel to the drop-down */
} BranchView;

struct _AnjuWorkflowStepForm
{
  AdwBin                parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  AdwPreferencesGroup  *step_group;
  AdwEntryRow          *name_row;
  GtkLabel             *name_error;
  AdwEntryRow          *key_row;
  GtkLabel             *key_error;
  AdwComboRow          *role_row;
  GtkLabel             *role_error;
  AdwComboRow          *level_row;
  GtkLabel             *level_error;
  AdwPreferencesGroup  *actions_group;
  GtkLabel             *actions_error;
  GtkCheckButton       *reject_check;
  GtkCheckButton       *return_check;
  GtkCheckButton       *transfer_check;
  GtkCheckButton       *withdraw_check;
  GtkSwitch            *no_limit_switch;
  AdwActionRow         *days_row;
  GtkSpinButton        *days_spin;
  GtkLabel             *time_limit_error;
  AdwPreferencesGroup  *skip_group;
  GtkLabel             *skip_error;
  AdwBin               *skip_bin;
  AdwPreferencesGroup  *branches_group;
  GtkButton            *add_branch_button;
  GtkLabel             *branches_error;
  GtkBox               *branches_box;
  AdwComboRow          *on_enter_row;
  GtkLabel             *on_enter_error;
  AdwComboRow          *on_complete_row;
  GtkLabel             *on_complete_error;

  /* Owned */
  GListModel           *roles;          /* (owned) (nullable) of AnjuRecord */
  GListModel           *hooks;          /* (owned) (nullable) of AnjuRecord */
  AnjuWorkflowStepList *steps;          /* (owned) (nullable) */
  AnjuWorkflowStep     *step;           /* (owned) (nullable) the one shown */
  guint                 position;
  GPtrArray            *role_codes;     /* (owned) char *, parallel to role_row */
  GPtrArray            *level_ids;      /* (owned) char *, parallel to level_row */
  GPtrArray            *on_enter_names; /* (owned) char *, "" for none */
  GPtrArray            *on_complete_names;
  GArray               *branch_views;   /* (owned) of BranchView */
  GHashTable           *errors;         /* (owned) (nullable) */
  GtkWidget            *step_error;     /* (unowned) what no setting shows */

  /* While the widgets are filled from the step, their signals are no
   * edits. */
  guint                 filling : 1;
};

G_DEFINE_FINAL_TYPE (AnjuWorkflowStepForm, anju_workflow_step_form, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
branch_view_clear (BranchView *view)
{
  g_clear_pointer (&view->goto_keys, g_ptr_array_unref);
}

static void
emit_changed (AnjuWorkflowStepForm *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
is_editing (AnjuWorkflowStepForm *self)
{
  return !self->filling && self->step != NULL;
}

/* A combo row's choices: labels shown, ids kept in parallel. */
static void
set_choices (AdwComboRow  *row,
             GPtrArray    *ids,
             GtkStringList *labels,
             const char   *selected_id)
{
  guint selected = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (ids, i), selected_id) == 0)
        selected = i;
    }

  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
}

static const char *
selected_id (AdwComboRow *row,
             GPtrArray   *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < ids->len ? g_ptr_array_index (ids, selected) : NULL;
}

static void
fill_roles (AnjuWorkflowStepForm *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *role = anju_workflow_step_get_role (self->step);
  guint n_roles = self->roles != NULL ? g_list_model_get_n_items (self->roles) : 0;
  gboolean known = *role == '\0';

  g_ptr_array_set_size (self->role_codes, 0);
  g_ptr_array_add (self->role_codes, g_strdup (""));
  gtk_string_list_append (labels, _("Choose a role"));

  for (guint i = 0; i < n_roles; i++)
    {
      g_autoptr(AnjuRecord) record = g_list_model_get_item (self->roles, i);
      const char *code = anju_record_get_string (record, "code");
      const char *name = anju_record_get_string (record, "name");
      g_autofree char *label = NULL;

      if (code == NULL)
        continue;

      /* Translators: a role in the step form: %1$s its name, %2$s its code */
      label = g_strdup_printf (_("%1$s (%2$s)"), name != NULL ? name : code, code);
      g_ptr_array_add (self->role_codes, g_strdup (code));
      gtk_string_list_append (labels, label);
      known |= g_str_equal (code, role);
    }

  /* A role this list lacks (deleted, or not readable by this user)
   * stays as it is; the server judges it. */
  if (!known)
    {
      g_ptr_array_add (self->role_codes, g_strdup (role));
      gtk_string_list_append (labels, role);
    }

  set_choices (self->role_row, self->role_codes, labels, role);
}

static void
fill_levels (AnjuWorkflowStepForm *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *levels = anju_workflow_levels ();
  const char *level = anju_workflow_step_get_level (self->step);

  g_ptr_array_set_size (self->level_ids, 0);
  for (guint i = 0; levels[i] != NULL; i++)
    {
      g_ptr_array_add (self->level_ids, g_strdup (levels[i]));
      gtk_string_list_append (labels, anju_workflow_level_label (levels[i]));
    }
  if (!anju_workflow_level_is_known (level))
    {
      g_ptr_array_add (self->level_ids, g_strdup (level));
      gtk_string_list_append (labels, level);
    }

  set_choices (self->level_row, self->level_ids, labels, level);
}

/* "None" and the hooks of kind "step"; the current one even if the
 * server no longer offers it. */
static void
fill_hooks (AnjuWorkflowStepForm *self,
            AdwComboRow          *row,
            GPtrArray            *names,
            const char           *current)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n_hooks = self->hooks != NULL ? g_list_model_get_n_items (self->hooks) : 0;
  gboolean known = current == NULL;

  g_ptr_array_set_size (names, 0);
  g_ptr_array_add (names, g_strdup (""));
  gtk_string_list_append (labels, C_("hook", "None"));

  for (guint i = 0; i < n_hooks; i++)
    {
      g_autoptr(AnjuRecord) hook = g_list_model_get_item (self->hooks, i);
      const char *name = anju_record_get_string (hook, "name");
      const char *description = anju_record_get_string (hook, "description");
      g_autofree char *label = NULL;

      if (name == NULL || g_strcmp0 (anju_record_get_string (hook, "kind"), "step") != 0)
        continue;

      /* Translators: a hook: %1$s what it does, %2$s its name */
      label = description != NULL ? g_strdup_printf (_("%1$s (%2$s)"), description, name) : g_strdup (name);
      g_ptr_array_add (names, g_strdup (name));
      gtk_string_list_append (labels, label);
      known |= g_strcmp0 (name, current) == 0;
    }

  if (!known)
    {
      g_ptr_array_add (names, g_strdup (current));
      gtk_string_list_append (labels, current);
    }

  set_choices (row, names, labels, current != NULL ? current : "");
}

static void
fill_actions (AnjuWorkflowStepForm *self)
{
  AnjuWorkflowActions actions = anju_workflow_step_get_actions (self->step);

  gtk_check_button_set_active (self->reject_check, (actions & ANJU_WORKFLOW_ACTION_REJECT) != 0);
  gtk_check_button_set_active (self->return_check, (actions & ANJU_WORKFLOW_ACTION_RETURN) != 0);
  gtk_check_button_set_active (self->transfer_check, (actions & ANJU_WORKFLOW_ACTION_TRANSFER) != 0);
  gtk_check_button_set_active (self->withdraw_check, (actions & ANJU_WORKFLOW_ACTION_WITHDRAW) != 0);
}

static void
fill_time_limit (AnjuWorkflowStepForm *self)
{
  guint days = anju_workflow_step_get_time_limit_days (self->step);

  gtk_switch_set_active (self->no_limit_switch, days == 0);
  if (days > 0)
    gtk_spin_button_set_value (self->days_spin, days);
  gtk_widget_set_sensitive (GTK_WIDGET (self->days_row), days > 0);
}

static void
conditions_changed_cb (AnjuWorkflowStepForm *self)
{
  emit_changed (self);
}

static void
fill_skip_when (AnjuWorkflowStepForm *self)
{
  g_autofree char *prefix = g_strdup_printf ("steps[%u].skip_when", self->position);
  GtkWidget *editor;

  editor = anju_workflow_condition_editor_new (anju_workflow_step_get_skip_when (self->step),
                                               G_OBJECT (self->step), prefix, _("skip condition"));
  g_signal_connect_object (editor, "changed", G_CALLBACK (conditions_changed_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->skip_bin, editor);
}

/* Branches */

static char *
step_label (AnjuWorkflowStepList *steps,
            guint                 position)
{
  AnjuWorkflowStep *step = anju_workflow_step_list_get_step (steps, position);

  /* Translators: a step in a list: %1$u its number, %2$s its name */
  return g_strdup_printf (_("%1$u. %2$s"), position + 1, anju_workflow_step_get_name (step));
}

/* Later steps and the end; and whatever the branch leads to now, even
 * when it may not, so that the problem shows instead of vanishing. */
static GtkWidget *
create_goto_drop_down (AnjuWorkflowStepForm *self,
                       AnjuWorkflowBranch   *branch,
                       GPtrArray            *keys)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n_steps = g_list_model_get_n_items (G_LIST_MODEL (self->steps));
  int current = anju_workflow_step_list_find_key (self->steps, branch->goto_key);
  guint selected = 0;
  GtkWidget *drop_down;

  if (*branch->goto_key == '\0')
    {
      g_ptr_array_add (keys, g_strdup (""));
      gtk_string_list_append (labels, _("Choose a target"));
    }

  for (guint i = self->position + 1; i < n_steps; i++)
    {
      g_autofree char *label = step_label (self->steps, i);

      g_ptr_array_add (keys, g_strdup (anju_workflow_step_get_key (anju_workflow_step_list_get_step (self->steps, i))));
      gtk_string_list_append (labels, label);
    }

  g_ptr_array_add (keys, g_strdup (ANJU_WORKFLOW_GOTO_END));
  gtk_string_list_append (labels, _("End of the process"));

  if (current >= 0 && (guint) current <= self->position)
    {
      g_autofree char *name = step_label (self->steps, current);
      g_autofree char *label = NULL;

      /* Translators: %1$s is a step ("1. 社区受理") a branch may not lead back to */
      label = g_strdup_printf (_("%1$s (an earlier step)"), name);
      g_ptr_array_add (keys, g_strdup (branch->goto_key));
      gtk_string_list_append (labels, label);
    }
  else if (current < 0 && *branch->goto_key != '\0' && !g_str_equal (branch->goto_key, ANJU_WORKFLOW_GOTO_END))
    {
      g_autofree char *label = NULL;

      /* Translators: %1$s is the key of a step that does not exist */
      label = g_strdup_printf (_("“%1$s” (no such step)"), branch->goto_key);
      g_ptr_array_add (keys, g_strdup (branch->goto_key));
      gtk_string_list_append (labels, label);
    }

  for (guint i = 0; i < keys->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (keys, i), branch->goto_key))
        selected = i;
    }

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
  return drop_down;
}

static AnjuWorkflowBranch *
branch_at (AnjuWorkflowStepForm *self,
           guint                 index)
{
  GPtrArray *branches = anju_workflow_step_get_branches (self->step);

  return index < branches->len ? g_ptr_array_index (branches, index) : NULL;
}

static void
goto_changed_cb (GtkDropDown          *drop_down,
                 GParamSpec           *pspec,
                 AnjuWorkflowStepForm *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), BRANCH_INDEX_KEY));
  AnjuWorkflowBranch *branch;
  BranchView *view;
  guint selected;

  if (!is_editing (self) || index >= self->branch_views->len || (branch = branch_at (self, index)) == NULL)
    return;

  view = &g_array_index (self->branch_views, BranchView, index);
  selected = gtk_drop_down_get_selected (drop_down);
  if (selected >= view->goto_keys->len)
    return;

  g_free (branch->goto_key);
  branch->goto_key = g_strdup (g_ptr_array_index (view->goto_keys, selected));
  emit_changed (self);
}

static void clear_branch_widgets (AnjuWorkflowStepForm *self);
static void fill_branches (AnjuWorkflowStepForm *self);

static void
remove_branch_clicked_cb (GtkButton            *button,
                          AnjuWorkflowStepForm *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), BRANCH_INDEX_KEY));
  GPtrArray *branches;

  if (!is_editing (self))
    return;

  branches = anju_workflow_step_get_branches (self->step);
  if (index >= branches->len)
    return;

  /* The branch's widgets go first: they point into the branch. */
  clear_branch_widgets (self);
  g_ptr_array_remove_index (branches, index);
  fill_branches (self);
  anju_workflow_step_form_show_errors (self, self->errors);
  emit_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_branch_button));
}

static GtkWidget *
create_branch_header (AnjuWorkflowStepForm *self,
                      guint                 index,
                      GtkWidget            *goto_drop_down)
{
  g_autofree char *title = NULL;
  g_autofree char *goto_label = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading;
  GtkWidget *lead_to = gtk_label_new (_("Leads to"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  /* Translators: %1$u counts the branches of a step from 1 */
  title = g_strdup_printf (_("Branch %1$u"), index + 1);
  /* Translators: %1$u counts the branches of a step from 1 */
  goto_label = g_strdup_printf (_("Target of branch %1$u"), index + 1);
  /* Translators: %1$u counts the branches of a step from 1 */
  remove_label = g_strdup_printf (_("Remove branch %1$u"), index + 1);

  heading = gtk_label_new (title);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);

  gtk_widget_add_css_class (lead_to, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (goto_drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, goto_label, -1);
  gtk_widget_set_tooltip_text (goto_drop_down, goto_label);

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data (G_OBJECT (remove), BRANCH_INDEX_KEY, GUINT_TO_POINTER (index));
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_branch_clicked_cb), self, 0);

  gtk_box_append (GTK_BOX (header), heading);
  gtk_box_append (GTK_BOX (header), lead_to);
  gtk_box_append (GTK_BOX (header), goto_drop_down);
  gtk_box_append (GTK_BOX (header), remove);
  return header;
}

static GtkWidget *
create_branch_card (AnjuWorkflowStepForm *self,
                    guint                 index,
                    BranchView           *view)
{
  AnjuWorkflowBranch *branch = branch_at (self, index);
  g_autofree char *prefix = g_strdup_printf ("steps[%u].branches[%u].when", self->position, index);
  g_autofree char *subject = NULL;
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  /* Translators: %1$u counts the branches of a step from 1 */
  subject = g_strdup_printf (_("condition of branch %1$u"), index + 1);

  view->goto_keys = g_ptr_array_new_with_free_func (g_free);
  view->goto_drop_down = create_goto_drop_down (self, branch, view->goto_keys);
  g_object_set_data (G_OBJECT (view->goto_drop_down), BRANCH_INDEX_KEY, GUINT_TO_POINTER (index));
  g_signal_connect_object (view->goto_drop_down, "notify::selected", G_CALLBACK (goto_changed_cb), self, 0);

  view->goto_error = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (view->goto_error), 0);
  gtk_label_set_wrap (GTK_LABEL (view->goto_error), TRUE);
  gtk_widget_add_css_class (view->goto_error, "error");
  gtk_widget_add_css_class (view->goto_error, "caption");
  gtk_widget_set_visible (view->goto_error, FALSE);

  view->editor = anju_workflow_condition_editor_new (branch->when, G_OBJECT (self->step), prefix, subject);
  g_signal_connect_object (view->editor, "changed", G_CALLBACK (conditions_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "anju-workflow-branch");
  gtk_box_append (GTK_BOX (card), create_branch_header (self, index, view->goto_drop_down));
  gtk_box_append (GTK_BOX (card), view->goto_error);
  gtk_box_append (GTK_BOX (card), view->editor);
  return card;
}

/* The widgets that point into the step's branches go before those do. */
static void
clear_branch_widgets (AnjuWorkflowStepForm *self)
{
  GtkWidget *child;
  gboolean was_filling = self->filling;

  self->filling = TRUE;
  g_array_set_size (self->branch_views, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->branches_box))) != NULL)
    gtk_box_remove (self->branches_box, child);
  self->filling = was_filling;
}

/* And those that point into its conditions to skip it. */
static void
clear_condition_widgets (AnjuWorkflowStepForm *self)
{
  gboolean was_filling = self->filling;

  clear_branch_widgets (self);
  self->filling = TRUE;
  adw_bin_set_child (self->skip_bin, NULL);
  self->filling = was_filling;
}

static void
fill_branches (AnjuWorkflowStepForm *self)
{
  GPtrArray *branches = anju_workflow_step_get_branches (self->step);
  gboolean was_filling = self->filling;

  clear_branch_widgets (self);
  self->filling = TRUE;
  g_array_set_size (self->branch_views, branches->len);
  for (guint k = 0; k < branches->len; k++)
    {
      BranchView *view = &g_array_index (self->branch_views, BranchView, k);

      gtk_box_append (self->branches_box, create_branch_card (self, k, view));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->branches_box), branches->len > 0);
  self->filling = was_filling;
}

static void
add_branch_clicked_cb (AnjuWorkflowStepForm *self)
{
  AnjuWorkflowBranch *branch;
  GtkWidget *last;

  if (!is_editing (self))
    return;

  /* A new branch ends the process until told otherwise: a valid target
   * from the start. */
  branch = anju_workflow_branch_new ();
  g_free (branch->goto_key);
  branch->goto_key = g_strdup (ANJU_WORKFLOW_GOTO_END);
  g_ptr_array_add (anju_workflow_step_get_branches (self->step), branch);
  fill_branches (self);
  anju_workflow_step_form_show_errors (self, self->errors);
  emit_changed (self);

  last = gtk_widget_get_last_child (GTK_WIDGET (self->branches_box));
  if (last != NULL)
    gtk_widget_child_focus (last, GTK_DIR_TAB_FORWARD);
}

/* Edits */

static void
name_changed_cb (AnjuWorkflowStepForm *self)
{
  if (!is_editing (self))
    return;

  anju_workflow_step_set_name (self->step, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  emit_changed (self);
}

static void
key_changed_cb (AnjuWorkflowStepForm *self)
{
  g_autofree char *old_key = NULL;
  g_autofree char *new_key = NULL;

  if (!is_editing (self))
    return;

  old_key = g_strdup (anju_workflow_step_get_key (self->step));
  new_key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->key_row))));
  anju_workflow_step_set_key (self->step, new_key);
  anju_workflow_step_list_rename_key (self->steps, old_key, new_key);
  emit_changed (self);
}

static void
role_changed_cb (AnjuWorkflowStepForm *self)
{
  const char *code = selected_id (self->role_row, self->role_codes);

  if (!is_editing (self) || code == NULL)
    return;

  anju_workflow_step_set_role (self->step, code);
  emit_changed (self);
}

static void
level_changed_cb (AnjuWorkflowStepForm *self)
{
  const char *level = selected_id (self->level_row, self->level_ids);

  if (!is_editing (self) || level == NULL)
    return;

  anju_workflow_step_set_level (self->step, level);
  emit_changed (self);
}

static void
action_toggled_cb (AnjuWorkflowStepForm *self)
{
  AnjuWorkflowActions actions = ANJU_WORKFLOW_ACTION_NONE;

  if (!is_editing (self))
    return;

  if (gtk_check_button_get_active (self->reject_check))
    actions |= ANJU_WORKFLOW_ACTION_REJECT;
  if (gtk_check_button_get_active (self->return_check))
    actions |= ANJU_WORKFLOW_ACTION_RETURN;
  if (gtk_check_button_get_active (self->transfer_check))
    actions |= ANJU_WORKFLOW_ACTION_TRANSFER;
  if (gtk_check_button_get_active (self->withdraw_check))
    actions |= ANJU_WORKFLOW_ACTION_WITHDRAW;

  anju_workflow_step_set_actions (self->step, actions);
  emit_changed (self);
}

static void
time_limit_changed_cb (AnjuWorkflowStepForm *self)
{
  gboolean limited = !gtk_switch_get_active (self->no_limit_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->days_row), limited);
  if (!is_editing (self))
    return;

  anju_workflow_step_set_time_limit_days (self->step,
                                          limited ? (guint) gtk_spin_button_get_value_as_int (self->days_spin) : 0);
  emit_changed (self);
}

static void
hook_changed_cb (AnjuWorkflowStepForm *self)
{
  if (!is_editing (self))
    return;

  anju_workflow_step_set_on_enter (self->step, selected_id (self->on_enter_row, self->on_enter_names));
  anju_workflow_step_set_on_complete (self->step, selected_id (self->on_complete_row, self->on_complete_names));
  emit_changed (self);
}

static void
fill (AnjuWorkflowStepForm *self)
{
  g_autofree char *title = NULL;

  self->filling = TRUE;

  /* Translators: %1$u is the step's number in the process */
  title = g_strdup_printf (_("Step %1$u"), self->position + 1);
  adw_preferences_group_set_title (self->step_group, title);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), anju_workflow_step_get_name (self->step));
  gtk_editable_set_text (GTK_EDITABLE (self->key_row), anju_workflow_step_get_key (self->step));
  fill_roles (self);
  fill_levels (self);
  fill_actions (self);
  fill_time_limit (self);
  fill_skip_when (self);
  fill_branches (self);
  fill_hooks (self, self->on_enter_row, self->on_enter_names, anju_workflow_step_get_on_enter (self->step));
  fill_hooks (self, self->on_complete_row, self->on_complete_names, anju_workflow_step_get_on_complete (self->step));

  self->filling = FALSE;
}

/* Errors */

/* Shows the message under path at (row, label), and notes path as a
 * place of this form. */
static void
show_at (AnjuWorkflowStepForm *self,
         GPtrArray            *places,
         const char           *path,
         gboolean              exact,
         GtkWidget            *row,
         GtkWidget            *label)
{
  AnjuFieldSlot slot = { path, row, label };
  const char *message = NULL;

  if (self->errors != NULL)
    message = exact ? g_hash_table_lookup (self->errors, path) : anju_workflow_errors_find (self->errors, path);

  anju_field_error_set (&slot, message);
  g_ptr_array_add (places, g_strdup (path));
}

static void
show_setting_errors (AnjuWorkflowStepForm *self,
                     GPtrArray            *places)
{
  struct { const char *member; GtkWidget *row; GtkWidget *label; } settings[] = {
    { "name", GTK_WIDGET (self->name_row), GTK_WIDGET (self->name_error) },
    { "key", GTK_WIDGET (self->key_row), GTK_WIDGET (self->key_error) },
    { "role", GTK_WIDGET (self->role_row), GTK_WIDGET (self->role_error) },
    { "level", GTK_WIDGET (self->level_row), GTK_WIDGET (self->level_error) },
    { "actions", GTK_WIDGET (self->actions_group), GTK_WIDGET (self->actions_error) },
    { "time_limit_days", GTK_WIDGET (self->days_row), GTK_WIDGET (self->time_limit_error) },
    { "on_enter", GTK_WIDGET (self->on_enter_row), GTK_WIDGET (self->on_enter_error) },
    { "on_complete", GTK_WIDGET (self->on_complete_row), GTK_WIDGET (self->on_complete_error) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autofree char *path = g_strdup_printf ("steps[%u].%s", self->position, settings[i].member);

      show_at (self, places, path, FALSE, settings[i].row, settings[i].label);
    }
}

static void
show_condition_errors (AnjuWorkflowStepForm *self,
                       GPtrArray            *places)
{
  g_autofree char *skip = g_strdup_printf ("steps[%u].skip_when", self->position);
  g_autofree char *branches = g_strdup_printf ("steps[%u].branches", self->position);
  GtkWidget *skip_editor = adw_bin_get_child (self->skip_bin);

  /* The array as a whole at the group; each condition at its row (the
   * group's place holds the rows'). */
  show_at (self, places, skip, TRUE, GTK_WIDGET (self->skip_group), GTK_WIDGET (self->skip_error));
  if (skip_editor != NULL)
    anju_workflow_condition_editor_show_errors (ANJU_WORKFLOW_CONDITION_EDITOR (skip_editor), self->errors);
  show_at (self, places, branches, TRUE, GTK_WIDGET (self->branches_group), GTK_WIDGET (self->branches_error));

  for (guint k = 0; k < self->branch_views->len; k++)
    {
      BranchView *view = &g_array_index (self->branch_views, BranchView, k);
      g_autofree char *branch = g_strdup_printf ("%s[%u]", branches, k);
      g_autofree char *goto_path = g_strconcat (branch, ".goto", NULL);
      g_autofree char *when_path = g_strconcat (branch, ".when", NULL);
      AnjuFieldSlot slot = { goto_path, view->goto_drop_down, view->goto_error };
      const char *message = NULL;

      /* The branch as a whole, its conditions as a whole, or its
       * target, under the header. */
      if (self->errors != NULL)
        message = g_hash_table_lookup (self->errors, branch);
      if (message == NULL && self->errors != NULL)
        message = g_hash_table_lookup (self->errors, when_path);
      if (message == NULL && self->errors != NULL)
        message = anju_workflow_errors_find (self->errors, goto_path);
      anju_field_error_set (&slot, message);
      anju_workflow_condition_editor_show_errors (ANJU_WORKFLOW_CONDITION_EDITOR (view->editor), self->errors);
      g_ptr_array_add (places, g_steal_pointer (&branch));
    }
}

/* What lies under this step but at none of its places, one per line. */
static void
show_remaining_errors (AnjuWorkflowStepForm *self,
                       GPtrArray            *places)
{
  g_autofree char *prefix = g_strdup_printf ("steps[%u]", self->position);
  g_autoptr(GString) text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer path;
  gpointer message;

  if (self->errors != NULL)
    {
      g_hash_table_iter_init (&iter, self->errors);
      while (g_hash_table_iter_next (&iter, &path, &message))
        {
          gboolean placed = FALSE;

          if (!anju_workflow_error_path_is_below (path, prefix))
            continue;
          for (guint i = 0; i < places->len && !placed; i++)
            placed = anju_workflow_error_path_is_below (path, g_ptr_array_index (places, i));
          if (!placed)
            g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", (const char *) message);
        }
    }

  gtk_label_set_text (GTK_LABEL (self->step_error), text->str);
  gtk_widget_set_visible (self->step_error, text->len > 0);
}

/* GObject */

static void
anju_workflow_step_form_dispose (GObject *object)
{
  AnjuWorkflowStepForm *self = ANJU_WORKFLOW_STEP_FORM (object);

  if (self->branch_views != NULL)
    g_array_set_size (self->branch_views, 0);
  /* The bin's child is a template child too: let the bin drop it first,
   * or disposing the template unparents it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_WORKFLOW_STEP_FORM);
  g_clear_object (&self->step);
  g_clear_object (&self->steps);
  g_clear_object (&self->roles);
  g_clear_object (&self->hooks);

  G_OBJECT_CLASS (anju_workflow_step_form_parent_class)->dispose (object);
}

static void
anju_workflow_step_form_finalize (GObject *object)
{
  AnjuWorkflowStepForm *self = ANJU_WORKFLOW_STEP_FORM (object);

  g_ptr_array_unref (self->role_codes);
  g_ptr_array_unref (self->level_ids);
  g_ptr_array_unref (self->on_enter_names);
  g_ptr_array_unref (self->on_complete_names);
  g_array_unref (self->branch_views);
  g_clear_pointer (&self->errors, g_hash_table_unref);

  G_OBJECT_CLASS (anju_workflow_step_form_parent_class)->finalize (object);
}

static void
anju_workflow_step_form_class_init (AnjuWorkflowStepFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_workflow_step_form_dispose;
  object_class->finalize = anju_workflow_step_form_finalize;

  /**
   * AnjuWorkflowStepForm::changed:
   *
   * The shown step was edited.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-workflow-step-form.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, step_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, name_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, key_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, key_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, role_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, role_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, level_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, level_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, actions_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, actions_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, reject_check);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, return_check);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, transfer_check);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, withdraw_check);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, no_limit_switch);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, days_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, days_spin);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, time_limit_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, skip_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, skip_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, skip_bin);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, branches_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, add_branch_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, branches_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, branches_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, on_enter_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, on_enter_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, on_complete_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowStepForm, on_complete_error);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, level_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, action_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_limit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_branch_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, hook_changed_cb);
}

static void
anju_workflow_step_form_init (AnjuWorkflowStepForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->role_codes = g_ptr_array_new_with_free_func (g_free);
  self->level_ids = g_ptr_array_new_with_free_func (g_free);
  self->on_enter_names = g_ptr_array_new_with_free_func (g_free);
  self->on_complete_names = g_ptr_array_new_with_free_func (g_free);
  self->branch_views = g_array_new (FALSE, TRUE, sizeof (BranchView));
  g_array_set_clear_func (self->branch_views, (GDestroyNotify) branch_view_clear);

  self->step_error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->step_error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->step_error), 0);
  gtk_widget_add_css_class (self->step_error, "error");
  gtk_widget_set_visible (self->step_error, FALSE);
  adw_preferences_group_add (self->step_group, self->step_error);

  gtk_stack_set_visible_child_name (self->stack, "none");
}

GtkWidget *
anju_workflow_step_form_new (void)
{
  return g_object_new (ANJU_TYPE_WORKFLOW_STEP_FORM, NULL);
}

void
anju_workflow_step_form_set_choices (AnjuWorkflowStepForm *self,
                                     GListModel           *roles,
                                     GListModel           *hooks)
{
  g_return_if_fail (ANJU_IS_WORKFLOW_STEP_FORM (self));
  g_return_if_fail (roles == NULL || G_IS_LIST_MODEL (roles));
  g_return_if_fail (hooks == NULL || G_IS_LIST_MODEL (hooks));

  g_set_object (&self->roles, roles);
  g_set_object (&self->hooks, hooks);
}

void
anju_workflow_step_form_set_step (AnjuWorkflowStepForm *self,
                                  AnjuWorkflowStepList *steps,
                                  guint                 position)
{
  AnjuWorkflowStep *step;

  g_return_if_fail (ANJU_IS_WORKFLOW_STEP_FORM (self));
  g_return_if_fail (steps == NULL || ANJU_IS_WORKFLOW_STEP_LIST (steps));

  step = steps != NULL ? anju_workflow_step_list_get_step (steps, position) : NULL;

  clear_condition_widgets (self);

  g_set_object (&self->steps, steps);
  g_set_object (&self->step, step);
  self->position = position;

  if (step == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  fill (self);
  anju_workflow_step_form_show_errors (self, self->errors);
  gtk_stack_set_visible_child_name (self->stack, "step");
}

void
anju_workflow_step_form_focus_name (AnjuWorkflowStepForm *self)
{
  g_return_if_fail (ANJU_IS_WORKFLOW_STEP_FORM (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

void
anju_workflow_step_form_show_errors (AnjuWorkflowStepForm *self,
                                     GHashTable           *errors)
{
  g_autoptr(GPtrArray) places = NULL;

  g_return_if_fail (ANJU_IS_WORKFLOW_STEP_FORM (self));

  if (errors != self->errors)
    {
      if (errors != NULL)
        g_hash_table_ref (errors);
      g_clear_pointer (&self->errors, g_hash_table_unref);
      self->errors = errors;
    }

  if (self->step == NULL)
    return;

  places = g_ptr_array_new_with_free_func (g_free);
  show_setting_errors (self, places);
  show_condition_errors (self, places);
  show_remaining_errors (self, places);
}

/* For the display tests (anju-desktop-private.h) */

GtkWidget *
_anju_workflow_step_form_get_widget (AnjuWorkflowStepForm *self,
                                     const char           *setting)
{
  struct { const char *setting; gpointer widget; } widgets[] = {
    { "name", self->name_row },
    { "key", self->key_row },
    { "role", self->role_row },
    { "level", self->level_row },
    { "reject", self->reject_check },
    { "return", self->return_check },
    { "transfer", self->transfer_check },
    { "withdraw", self->withdraw_check },
    { "no_limit", self->no_limit_switch },
    { "time_limit_days", self->days_spin },
    { "add_branch", self->add_branch_button },
    { "on_enter", self->on_enter_row },
    { "on_complete", self->on_complete_row },
  };

  g_return_val_if_fail (ANJU_IS_WORKFLOW_STEP_FORM (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      if (g_strcmp0 (widgets[i].setting, setting) == 0)
        return widgets[i].widget;
    }

  /* "branches[K].goto": the target drop-down of branch K. */
  if (g_str_has_prefix (setting, "branches["))
    {
      guint64 k = g_ascii_strtoull (setting + strlen ("branches["), NULL, 10);

      if (k < self->branch_views->len)
        return g_array_index (self->branch_views, BranchView, k).goto_drop_down;
    }

  return NULL;
}

static const char *
visible_text (GtkWidget *label)
{
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

const char *
_anju_workflow_step_form_get_error (AnjuWorkflowStepForm *self,
                                    const char           *setting)
{
  struct { const char *setting; gpointer label; } labels[] = {
    { "name", self->name_error },
    { "key", self->key_error },
    { "role", self->role_error },
    { "level", self->level_error },
    { "actions", self->actions_error },
    { "time_limit_days", self->time_limit_error },
    { "skip_when", self->skip_error },
    { "branches", self->branches_error },
    { "on_enter", self->on_enter_error },
    { "on_complete", self->on_complete_error },
    { "step", self->step_error },
  };

  g_return_val_if_fail (ANJU_IS_WORKFLOW_STEP_FORM (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (g_strcmp0 (labels[i].setting, setting) == 0)
        return visible_text (labels[i].label);
    }

  if (g_str_has_prefix (setting, "branches[") && g_str_has_suffix (setting, "].goto"))
    {
      guint64 k = g_ascii_strtoull (setting + strlen ("branches["), NULL, 10);

      if (k < self->branch_views->len)
        return visible_text (g_array_index (self->branch_views, BranchView, k).goto_error);
    }

  return NULL;
}
