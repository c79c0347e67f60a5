/* anju-task-column.h: a GtkColumnView column over tasks that marks the
 * overdue ones.
 *
 * Like anju-record-column.h, each cell is one ellipsized label with the
 * full text as its tooltip.  When the record's "overdue" member is true
 * (a TodoItem, docs/api.md "To-do and done") the label gets the
 * "anju-overdue" style class (resources/style.css), so every cell of
 * the row stands out.  Colour is not all: the page showing these
 * columns also says "Overdue" in words, in a column of its own.
 */
#pragma once

#include <gtk/gtk.h>

#include "anju-record-column.h"

G_BEGIN_DECLS

GtkColumnViewColumn *anju_task_column_new (const char            *title,
                                           AnjuRecordTextFunc     text_func,
                                           AnjuRecordColumnFlags  flags);

G_END_DECLS
