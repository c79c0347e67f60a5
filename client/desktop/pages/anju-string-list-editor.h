/* anju-string-list-editor.h: a list of short texts the user edits in
 * place: the materials and the steps of a business guide.
 *
 * A preferences group with one entry row per item and, last, a row to
 * type a new item into (Enter or its Add button appends it).  Each item
 * has a Remove button; an "ordered" list also numbers its items ("Step
 * 2") and has Move Up / Move Down buttons.  Blank items are dropped when
 * the list is read.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ANJU_TYPE_STRING_LIST_EDITOR (anju_string_list_editor_get_type ())
G_DECLARE_FINAL_TYPE (AnjuStringListEditor, anju_string_list_editor, ANJU, STRING_LIST_EDITOR, AdwPreferencesGroup)

/* item_title: what one item is called ("Material", "Step"). */
GtkWidget *anju_string_list_editor_new       (gboolean              ordered,
                                              const char           *item_title);
/* Replaces the items; items may be NULL (none). */
void       anju_string_list_editor_set_items (AnjuStringListEditor *self,
                                              const char * const   *items);
/* The non-blank items, stripped, in order (transfer full). */
GStrv      anju_string_list_editor_dup_items (AnjuStringListEditor *self);
/* Appends one item, as typing it into the last row would. */
void       anju_string_list_editor_append    (AnjuStringListEditor *self,
                                              const char           *text);
/* The row of the item at position (an AdwEntryRow), or NULL. */
GtkWidget *anju_string_list_editor_get_row   (AnjuStringListEditor *self,
                                              guint                 position);

G_END_DECLS
