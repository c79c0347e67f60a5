/* anju-task-column.c: task columns with the overdue mark. */
#include "config.h"

#include "anju-task-column.h"

#define OVERDUE_CLASS "anju-overdue"

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  AnjuRecordColumnFlags flags = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);
  gboolean numeric = (flags & ANJU_RECORD_COLUMN_NUMERIC) != 0;

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  AnjuRecordTextFunc text_func = g_object_get_data (G_OBJECT (factory), "anju-text-func");
  GtkWidget *label = gtk_list_item_get_child (list_item);
  AnjuRecord *record = anju_record_column_item_record (gtk_list_item_get_item (list_item));
  g_autofree char *text = record != NULL ? text_func (record) : NULL;

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, text != NULL && *text != '\0' ? text : NULL);

  /* Cells are recycled: the mark must follow the record, both ways. */
  if (record != NULL && anju_record_get_boolean (record, "overdue", FALSE))
    gtk_widget_add_css_class (label, OVERDUE_CLASS);
  else
    gtk_widget_remove_css_class (label, OVERDUE_CLASS);
}

GtkColumnViewColumn *
anju_task_column_new (const char            *title,
                      AnjuRecordTextFunc     text_func,
                      AnjuRecordColumnFlags  flags)
{
  GtkListItemFactory *factory;
  GtkColumnViewColumn *column;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (text_func != NULL, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_object_set_data (G_OBJECT (factory), "anju-text-func", text_func);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GUINT_TO_POINTER (flags));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, (flags & ANJU_RECORD_COLUMN_EXPAND) != 0);

  return column;
}
