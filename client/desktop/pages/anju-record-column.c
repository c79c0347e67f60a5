#include "config.h"

#include "anju-record-column.h"

#define MEMBER_PATH_KEY "anju-member-path"
#define TEXT_FUNC_KEY   "anju-text-func"
#define NUMERIC_KEY     "anju-numeric"

AnjuRecord *
anju_record_column_item_record (gpointer item)
{
  if (GTK_IS_TREE_LIST_ROW (item))
    {
      /* The row holds its item for as long as it exists, so the caller
       * may borrow it like the plain list's item. */
      g_autoptr(GObject) inner = gtk_tree_list_row_get_item (item);

      item = inner;
    }

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

/* The full text of a cell, asked for only when the pointer rests on it:
 * setting a tooltip on every bind would make GTK ask the display where
 * the pointer is (an X round trip) for each cell of each row shown. */
static gboolean
label_query_tooltip_cb (GtkWidget  *label,
                        int         x,
                        int         y,
                        gboolean    keyboard_mode,
                        GtkTooltip *tooltip)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  gboolean numeric = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), NUMERIC_KEY));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (label_query_tooltip_cb), NULL);
  gtk_list_item_set_child (list_item, label);
}

static char *
text_for (GtkSignalListItemFactory *factory,
          AnjuRecord               *record)
{
  AnjuRecordTextFunc func = g_object_get_data (G_OBJECT (factory), TEXT_FUNC_KEY);
  const char *member_path;

  if (func != NULL)
    return func (record);

  member_path = g_object_get_data (G_OBJECT (factory), MEMBER_PATH_KEY);
  return g_strdup (anju_record_get_path_string (record, member_path));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  AnjuRecord *record = anju_record_column_item_record (gtk_list_item_get_item (list_item));
  g_autofree char *text = NULL;

  if (record != NULL)
    text = text_for (factory, record);

  gtk_label_set_text (label, text != NULL ? text : "");
}

static GtkColumnViewColumn *
column_new (const char            *title,
            GtkListItemFactory    *factory,
            AnjuRecordColumnFlags  flags)
{
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), NUMERIC_KEY,
                     GINT_TO_POINTER ((flags & ANJU_RECORD_COLUMN_NUMERIC) != 0));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, (flags & ANJU_RECORD_COLUMN_EXPAND) != 0);

  return column;
}

GtkColumnViewColumn *
anju_record_column_new (const char            *title,
                        const char            *member_path,
                        AnjuRecordColumnFlags  flags)
{
  GtkListItemFactory *factory;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (member_path != NULL, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_object_set_data_full (G_OBJECT (factory), MEMBER_PATH_KEY,
                          g_strdup (member_path), g_free);

  return column_new (title, factory, flags);
}

GtkColumnViewColumn *
anju_record_column_new_with_func (const char            *title,
                                  AnjuRecordTextFunc     text_func,
                                  AnjuRecordColumnFlags  flags)
{
  GtkListItemFactory *factory;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (text_func != NULL, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_object_set_data (G_OBJECT (factory), TEXT_FUNC_KEY, text_func);

  return column_new (title, factory, flags);
}
