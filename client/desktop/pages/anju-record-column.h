/* anju-record-column.h: a GtkColumnView column showing one text per
 * AnjuRecord.
 *
 * GTK 4.8 has no cell API, so each column gets its own
 * GtkSignalListItemFactory making a single-line, ellipsized label whose
 * tooltip (asked for when the pointer rests on it) holds the full text.
 * Items that are GtkTreeListRows are unwrapped, so the same columns
 * serve flat lists and trees.
 */
#pragma once

#include <gtk/gtk.h>

#include "anju-record.h"

G_BEGIN_DECLS

/* Returns the text to show for record (transfer full, nullable). */
typedef char *(*AnjuRecordTextFunc) (AnjuRecord *record);

typedef enum
{
  ANJU_RECORD_COLUMN_DEFAULT = 0,
  ANJU_RECORD_COLUMN_NUMERIC = 1 << 0,   /* right-aligned, tabular digits */
  ANJU_RECORD_COLUMN_EXPAND  = 1 << 1,   /* takes the spare width */
} AnjuRecordColumnFlags;

/* Shows the string at member_path ("username", "organisation.name"). */
GtkColumnViewColumn *anju_record_column_new           (const char            *title,
                                                       const char            *member_path,
                                                       AnjuRecordColumnFlags  flags);
GtkColumnViewColumn *anju_record_column_new_with_func (const char            *title,
                                                       AnjuRecordTextFunc     text_func,
                                                       AnjuRecordColumnFlags  flags);

/* The record behind a list item's item (a record or a tree row of one). */
AnjuRecord          *anju_record_column_item_record   (gpointer               item);

G_END_DECLS
