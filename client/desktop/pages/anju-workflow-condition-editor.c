/* anju-workflow-condition-editor.c: rows of field, operator and value. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-workflow-condition-editor.h"
#include "anju-workflow-condition.h"
#include "anju-workflow-errors.h"

#define INDEX_KEY "anju-condition-index"

struct _AnjuWorkflowConditionEditor
{
  GtkWidget  parent_instance;

  /* Children */
  GtkWidget *rows_box;
  GtkWidget *add_button;

  /* Borrowed */
  GPtrArray *conditions;    /* of AnjuWorkflowCondition, owned by owner */

  /* Owned */
  GObject   *owner;         /* (owned) keeps conditions alive */
  char      *error_prefix;  /* (owned) */
  char      *subject;       /* (owned) */
  GPtrArray *error_labels;  /* (owned) GtkLabel (unowned), one per row */
};

G_DEFINE_FINAL_TYPE (AnjuWorkflowConditionEditor, anju_workflow_condition_editor, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
index_of (gpointer widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), INDEX_KEY));
}

static AnjuWorkflowCondition *
condition_at (AnjuWorkflowConditionEditor *self,
              guint                        index)
{
  return index < self->conditions->len ? g_ptr_array_index (self->conditions, index) : NULL;
}

static void
emit_changed (AnjuWorkflowConditionEditor *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
field_changed_cb (GtkEditable                 *entry,
                  AnjuWorkflowConditionEditor *self)
{
  AnjuWorkflowCondition *condition = condition_at (self, index_of (entry));

  if (condition == NULL)
    return;

  g_free (condition->field);
  condition->field = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  emit_changed (self);
}

static void
value_changed_cb (GtkEditable                 *entry,
                  AnjuWorkflowConditionEditor *self)
{
  AnjuWorkflowCondition *condition = condition_at (self, index_of (entry));

  if (condition == NULL)
    return;

  anju_workflow_condition_set_value_text (condition, gtk_editable_get_text (entry));
  emit_changed (self);
}

static void
op_changed_cb (GtkDropDown                 *drop_down,
               GParamSpec                  *pspec,
               AnjuWorkflowConditionEditor *self)
{
  AnjuWorkflowCondition *condition = condition_at (self, index_of (drop_down));
  GtkWidget *value_entry = g_object_get_data (G_OBJECT (drop_down), "anju-value-entry");
  guint op = gtk_drop_down_get_selected (drop_down);

  if (condition == NULL || op >= ANJU_WORKFLOW_N_OPS)
    return;

  condition->op = op;
  gtk_widget_set_sensitive (value_entry, anju_workflow_op_takes_value (op));
  /* The same text may mean a list now, or nothing. */
  anju_workflow_condition_set_value_text (condition, gtk_editable_get_text (GTK_EDITABLE (value_entry)));
  emit_changed (self);
}

static void rebuild (AnjuWorkflowConditionEditor *self);

static void
remove_clicked_cb (GtkButton                   *button,
                   AnjuWorkflowConditionEditor *self)
{
  guint index = index_of (button);

  if (index >= self->conditions->len)
    return;

  g_ptr_array_remove_index (self->conditions, index);
  rebuild (self);
  emit_changed (self);

  /* The button that had the focus is gone; keep it in the editor. */
  gtk_widget_grab_focus (self->add_button);
}

static void
add_clicked_cb (AnjuWorkflowConditionEditor *self)
{
  GtkWidget *last_row;

  g_ptr_array_add (self->conditions, anju_workflow_condition_new ());
  rebuild (self);
  emit_changed (self);

  /* Typing goes on in the new condition's field. */
  last_row = gtk_widget_get_last_child (self->rows_box);
  if (last_row != NULL)
    gtk_widget_grab_focus (gtk_widget_get_first_child (gtk_widget_get_first_child (last_row)));
}

static void
set_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
create_op_drop_down (AnjuWorkflowOp op)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *drop_down;

  for (guint i = 0; i < ANJU_WORKFLOW_N_OPS; i++)
    gtk_string_list_append (labels, anju_workflow_op_label (i));

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), op);
  return drop_down;
}

/* "Field of skip condition 2" and the like, for screen readers. */
static void label_widget (GtkWidget  *widget,
                          const char *format,
                          ...) G_GNUC_PRINTF (2, 3);

static void
label_widget (GtkWidget  *widget,
              const char *format,
              ...)
{
  g_autofree char *label = NULL;
  va_list args;

  va_start (args, format);
  label = g_strdup_vprintf (format, args);
  va_end (args);

  set_accessible_label (widget, label);
  gtk_widget_set_tooltip_text (widget, label);
}

static GtkWidget *
create_field_entry (AnjuWorkflowCondition *condition)
{
  GtkWidget *field = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (field), condition->field);
  gtk_entry_set_placeholder_text (GTK_ENTRY (field), _("Field, e.g. directed"));
  gtk_widget_set_hexpand (field, TRUE);
  return field;
}

static GtkWidget *
create_value_entry (AnjuWorkflowCondition *condition)
{
  g_autofree char *text = anju_workflow_condition_get_value_text (condition);
  GtkWidget *value = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (value), text);
  gtk_entry_set_placeholder_text (GTK_ENTRY (value), C_("workflow condition", "Value"));
  gtk_widget_set_hexpand (value, TRUE);
  gtk_widget_set_sensitive (value, anju_workflow_op_takes_value (condition->op));
  return value;
}

static GtkWidget *
create_error_label (void)
{
  GtkWidget *error = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_add_css_class (error, "caption");
  gtk_widget_set_visible (error, FALSE);
  return error;
}

static GtkWidget *
create_row (AnjuWorkflowConditionEditor *self,
            guint                        index)
{
  AnjuWorkflowCondition *condition = g_ptr_array_index (self->conditions, index);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *field = create_field_entry (condition);
  GtkWidget *op = create_op_drop_down (condition->op);
  GtkWidget *value = create_value_entry (condition);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkWidget *error = create_error_label ();
  GtkWidget *indexed[] = { field, op, value, remove };

  /* Translators: %1$s names the list ("skip condition"), %2$u counts from 1 */
  label_widget (field, _("Field of %1$s %2$u"), self->subject, index + 1);
  /* Translators: %1$s names the list ("skip condition"), %2$u counts from 1 */
  label_widget (op, _("Operator of %1$s %2$u"), self->subject, index + 1);
  /* Translators: %1$s names the list ("skip condition"), %2$u counts from 1 */
  label_widget (value, _("Value of %1$s %2$u"), self->subject, index + 1);
  /* Translators: %1$s names the list ("skip condition"), %2$u counts from 1 */
  label_widget (remove, _("Remove %1$s %2$u"), self->subject, index + 1);
  gtk_widget_set_tooltip_text (value, _("true, false, a number or text; put text that looks like a number in "
                                        "double quotes.  For “is one of”, separate the values with commas."));
  gtk_widget_add_css_class (remove, "flat");

  for (guint i = 0; i < G_N_ELEMENTS (indexed); i++)
    g_object_set_data (G_OBJECT (indexed[i]), INDEX_KEY, GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (op), "anju-value-entry", value);

  g_signal_connect_object (field, "changed", G_CALLBACK (field_changed_cb), self, 0);
  g_signal_connect_object (op, "notify::selected", G_CALLBACK (op_changed_cb), self, 0);
  g_signal_connect_object (value, "changed", G_CALLBACK (value_changed_cb), self, 0);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);

  gtk_box_append (GTK_BOX (line), field);
  gtk_box_append (GTK_BOX (line), op);
  gtk_box_append (GTK_BOX (line), value);
  gtk_box_append (GTK_BOX (line), remove);
  gtk_box_append (GTK_BOX (row), line);
  gtk_box_append (GTK_BOX (row), error);
  g_ptr_array_add (self->error_labels, error);

  return row;
}

static void
rebuild (AnjuWorkflowConditionEditor *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->error_labels, 0);
  while ((child = gtk_widget_get_first_child (self->rows_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->rows_box), child);

  for (guint i = 0; i < self->conditions->len; i++)
    gtk_box_append (GTK_BOX (self->rows_box), create_row (self, i));
  gtk_widget_set_visible (self->rows_box, self->conditions->len > 0);
}

static void
anju_workflow_condition_editor_dispose (GObject *object)
{
  AnjuWorkflowConditionEditor *self = ANJU_WORKFLOW_CONDITION_EDITOR (object);

  g_clear_pointer (&self->rows_box, gtk_widget_unparent);
  g_clear_pointer (&self->add_button, gtk_widget_unparent);
  if (self->error_labels != NULL)
    g_ptr_array_set_size (self->error_labels, 0);

  G_OBJECT_CLASS (anju_workflow_condition_editor_parent_class)->dispose (object);
}

static void
anju_workflow_condition_editor_finalize (GObject *object)
{
  AnjuWorkflowConditionEditor *self = ANJU_WORKFLOW_CONDITION_EDITOR (object);

  g_clear_object (&self->owner);
  g_free (self->error_prefix);
  g_free (self->subject);
  g_clear_pointer (&self->error_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (anju_workflow_condition_editor_parent_class)->finalize (object);
}

static void
anju_workflow_condition_editor_class_init (AnjuWorkflowConditionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_workflow_condition_editor_dispose;
  object_class->finalize = anju_workflow_condition_editor_finalize;

  /**
   * AnjuWorkflowConditionEditor::changed:
   *
   * A condition was added, removed or edited.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
anju_workflow_condition_editor_init (AnjuWorkflowConditionEditor *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->error_labels = g_ptr_array_new ();

  self->rows_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->rows_box, GTK_WIDGET (self));

  self->add_button = gtk_button_new_with_mnemonic (_("Add _Condition"));
  gtk_widget_set_halign (self->add_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->add_button, "flat");
  gtk_widget_set_parent (self->add_button, GTK_WIDGET (self));
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
anju_workflow_condition_editor_new (GPtrArray  *conditions,
                                    GObject    *owner,
                                    const char *error_prefix,
                                    const char *subject)
{
  AnjuWorkflowConditionEditor *self;

  g_return_val_if_fail (conditions != NULL, NULL);
  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);
  g_return_val_if_fail (error_prefix != NULL, NULL);
  g_return_val_if_fail (subject != NULL, NULL);

  self = g_object_new (ANJU_TYPE_WORKFLOW_CONDITION_EDITOR, NULL);
  self->conditions = conditions;
  self->owner = g_object_ref (owner);
  self->error_prefix = g_strdup (error_prefix);
  self->subject = g_strdup (subject);
  {
    g_autofree char *add_label = NULL;

    /* Translators: %1$s names the list ("skip condition") */
    add_label = g_strdup_printf (_("Add %1$s"), subject);
    set_accessible_label (self->add_button, add_label);
  }
  rebuild (self);

  return GTK_WIDGET (self);
}

void
anju_workflow_condition_editor_show_errors (AnjuWorkflowConditionEditor *self,
                                            GHashTable                  *errors)
{
  g_return_if_fail (ANJU_IS_WORKFLOW_CONDITION_EDITOR (self));

  for (guint i = 0; i < self->error_labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (self->error_labels, i);
      g_autofree char *path = g_strdup_printf ("%s[%u]", self->error_prefix, i);
      const char *message = errors != NULL ? anju_workflow_errors_find (errors, path) : NULL;

      gtk_label_set_text (GTK_LABEL (label), message != NULL ? message : "");
      gtk_widget_set_visible (label, message != NULL);
    }
}
