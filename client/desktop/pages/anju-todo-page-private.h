/* anju-todo-page-private.h: what the desktop UI tests reach in the
 * to-do page. */
#pragma once

#include "anju-paged-model.h"
#include "anju-todo-page.h"

G_BEGIN_DECLS

/* view: "todo" or "done". */
GtkColumnView   *_anju_todo_page_get_columns        (AnjuTodoPage *self,
                                                     const char   *view);
AnjuPagedModel  *_anju_todo_page_get_model          (AnjuTodoPage *self,
                                                     const char   *view);
void             _anju_todo_page_show_view          (AnjuTodoPage *self,
                                                     const char   *view);
/* The type filter's entries as shown ("All types (3)" …). */
GListModel      *_anju_todo_page_get_types          (AnjuTodoPage *self);
GtkToggleButton *_anju_todo_page_get_overdue_toggle (AnjuTodoPage *self);

G_END_DECLS
