#include "config.h"

#include <glib/gi18n.h>

#include "anju-string-list-editor.h"

struct _AnjuStringListEditor
{
  AdwPreferencesGroup  parent_instance;

  /* Borrowed: children of the group */
  GPtrArray           *rows;        /* (owned) of AdwEntryRow, in order */
  AdwEntryRow         *add_row;

  char                *item_title;  /* (owned) */
  guint                ordered : 1;
};

G_DEFINE_FINAL_TYPE (AnjuStringListEditor, anju_string_list_editor, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_ORDERED,
  PROP_ITEM_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
title_at (AnjuStringListEditor *self,
          guint                 position)
{
  const char *item_title = self->item_title != NULL ? self->item_title : "";

  if (!self->ordered)
    return g_strdup (item_title);

  /* Translators: %1$s is what an item is called ("Step"), %2$u its number */
  return g_strdup_printf (_("%1$s %2$u"), item_title, position + 1);
}

/* Puts the rows back in the order of self->rows, the add row last, and
 * renumbers them; the group offers no way to reorder in place. */
static void
relayout (AnjuStringListEditor *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      g_object_ref (row);
      if (gtk_widget_get_parent (row) != NULL)
        adw_preferences_group_remove (group, row);
    }
  g_object_ref (self->add_row);
  if (gtk_widget_get_parent (GTK_WIDGET (self->add_row)) != NULL)
    adw_preferences_group_remove (group, GTK_WIDGET (self->add_row));

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      g_autofree char *title = title_at (self, i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_group_add (group, row);
      g_object_unref (row);
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "anju-up"), i > 0);
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "anju-down"), i + 1 < self->rows->len);
    }
  adw_preferences_group_add (group, GTK_WIDGET (self->add_row));
  g_object_unref (self->add_row);
}

static guint
position_of (AnjuStringListEditor *self,
             GtkWidget            *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_ENTRY_ROW);
  guint position = G_MAXUINT;

  g_ptr_array_find (self->rows, row, &position);
  return position;
}

static void
remove_clicked_cb (GtkButton            *button,
                   AnjuStringListEditor *self)
{
  guint position = position_of (self, GTK_WIDGET (button));
  GtkWidget *row;

  if (position == G_MAXUINT)
    return;

  row = g_ptr_array_steal_index (self->rows, position);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row);
  relayout (self);
  gtk_widget_grab_focus (position < self->rows->len ? g_ptr_array_index (self->rows, position)
                                                    : GTK_WIDGET (self->add_row));
}

static void
move (AnjuStringListEditor *self,
      GtkWidget            *button,
      int                   delta)
{
  guint position = position_of (self, button);
  guint target;
  gpointer row;

  if (position == G_MAXUINT)
    return;
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= self->rows->len))
    return;

  target = (guint) ((int) position + delta);
  row = self->rows->pdata[position];
  self->rows->pdata[position] = self->rows->pdata[target];
  self->rows->pdata[target] = row;
  relayout (self);
  /* Keyboard users keep their place on the row they moved. */
  gtk_widget_grab_focus (row);
}

static void
up_clicked_cb (GtkButton            *button,
               AnjuStringListEditor *self)
{
  move (self, GTK_WIDGET (button), -1);
}

static void
down_clicked_cb (GtkButton            *button,
                 AnjuStringListEditor *self)
{
  move (self, GTK_WIDGET (button), 1);
}

static GtkWidget *
add_icon_button (AnjuStringListEditor *self,
                 GtkWidget            *row,
                 const char           *icon_name,
                 const char           *label,
                 GCallback             clicked)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_signal_connect_object (button, "clicked", clicked, self, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);

  return button;
}

static GtkWidget *
create_item_row (AnjuStringListEditor *self,
                 const char           *text)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *up;
  GtkWidget *down;

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  up = add_icon_button (self, row, "go-up-symbolic", _("Move Up"), G_CALLBACK (up_clicked_cb));
  down = add_icon_button (self, row, "go-down-symbolic", _("Move Down"), G_CALLBACK (down_clicked_cb));
  gtk_widget_set_visible (up, self->ordered);
  gtk_widget_set_visible (down, self->ordered);
  g_object_set_data (G_OBJECT (row), "anju-up", up);
  g_object_set_data (G_OBJECT (row), "anju-down", down);
  add_icon_button (self, row, "user-trash-symbolic", _("Remove"), G_CALLBACK (remove_clicked_cb));

  return row;
}

static void
append_text (AnjuStringListEditor *self,
             const char           *text)
{
  g_ptr_array_add (self->rows, create_item_row (self, text));
  relayout (self);
}

static void
add_activated_cb (AnjuStringListEditor *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row))));

  if (*text == '\0')
    return;

  append_text (self, text);
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
}

static void
update_add_row_title (AnjuStringListEditor *self)
{
  g_autofree char *title = NULL;

  /* Translators: %1$s is what an item is called ("Material") */
  title = g_strdup_printf (_("Add %1$s"), self->item_title != NULL ? self->item_title : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), title);
}

static void
anju_string_list_editor_dispose (GObject *object)
{
  AnjuStringListEditor *self = ANJU_STRING_LIST_EDITOR (object);

  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);

  G_OBJECT_CLASS (anju_string_list_editor_parent_class)->dispose (object);
}

static void
anju_string_list_editor_finalize (GObject *object)
{
  AnjuStringListEditor *self = ANJU_STRING_LIST_EDITOR (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->item_title);

  G_OBJECT_CLASS (anju_string_list_editor_parent_class)->finalize (object);
}

static void
anju_string_list_editor_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AnjuStringListEditor *self = ANJU_STRING_LIST_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ORDERED:
      g_value_set_boolean (value, self->ordered);
      break;

    case PROP_ITEM_TITLE:
      g_value_set_string (value, self->item_title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_string_list_editor_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AnjuStringListEditor *self = ANJU_STRING_LIST_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ORDERED:
      self->ordered = g_value_get_boolean (value);
      break;

    case PROP_ITEM_TITLE:
      g_free (self->item_title);
      self->item_title = g_value_dup_string (value);
      update_add_row_title (self);
      if (self->rows->len > 0)
        relayout (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_string_list_editor_class_init (AnjuStringListEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anju_string_list_editor_dispose;
  object_class->finalize = anju_string_list_editor_finalize;
  object_class->get_property = anju_string_list_editor_get_property;
  object_class->set_property = anju_string_list_editor_set_property;

  properties[PROP_ORDERED] =
    g_param_spec_boolean ("ordered", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ITEM_TITLE] =
    g_param_spec_string ("item-title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anju_string_list_editor_init (AnjuStringListEditor *self)
{
  GtkWidget *add_button;

  self->rows = g_ptr_array_new_with_free_func (NULL);
  self->add_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  g_signal_connect_object (self->add_row, "entry-activated",
                           G_CALLBACK (add_activated_cb), self, G_CONNECT_SWAPPED);

  add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_valign (add_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (add_button, _("Add"));
  gtk_widget_add_css_class (add_button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add"),
                                  -1);
  g_signal_connect_object (add_button, "clicked", G_CALLBACK (add_activated_cb), self, G_CONNECT_SWAPPED);
  adw_entry_row_add_suffix (self->add_row, add_button);

  update_add_row_title (self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->add_row));
}

GtkWidget *
anju_string_list_editor_new (gboolean    ordered,
                             const char *item_title)
{
  return g_object_new (ANJU_TYPE_STRING_LIST_EDITOR,
                       "ordered", ordered,
                       "item-title", item_title,
                       NULL);
}

void
anju_string_list_editor_set_items (AnjuStringListEditor *self,
                                   const char * const   *items)
{
  g_return_if_fail (ANJU_IS_STRING_LIST_EDITOR (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    g_ptr_array_add (self->rows, create_item_row (self, items[i]));
  relayout (self);
}

GStrv
anju_string_list_editor_dup_items (AnjuStringListEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ANJU_IS_STRING_LIST_EDITOR (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (g_ptr_array_index (self->rows, i))));

      if (*text != '\0')
        g_strv_builder_add (builder, text);
    }

  return g_strv_builder_end (builder);
}

void
anju_string_list_editor_append (AnjuStringListEditor *self,
                                const char           *text)
{
  g_return_if_fail (ANJU_IS_STRING_LIST_EDITOR (self));
  g_return_if_fail (text != NULL);

  append_text (self, text);
}

GtkWidget *
anju_string_list_editor_get_row (AnjuStringListEditor *self,
                                 guint                 position)
{
  g_return_val_if_fail (ANJU_IS_STRING_LIST_EDITOR (self), NULL);

  return position < self->rows->len ? g_ptr_array_index (self->rows, position) : NULL;
}
