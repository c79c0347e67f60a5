/* anju-todo-page.h: the unified to-do list (统一待办/已办, F-PORTAL-005).
 *
 * Two views.  "To Do" lists the open tasks the signed-in user may act
 * on, across every business domain (GET /api/v1/todo), filtered by type
 * (the per-type counts of GET /api/v1/todo/counts label the filter) or
 * to the overdue ones, sorted by due date or by when they arrived;
 * overdue tasks stand out, and say so in words too.  "Done" lists the
 * tasks the user acted on and what they did (GET /api/v1/done), newest
 * first.  Activating a task opens its business record through the
 * window's "win.open-record" action, where the action buttons are.
 *
 * Every signed-in user has this page.  Widget actions: todo.reload
 * (F5, Ctrl+R), todo.load-more.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_TODO_PAGE (anju_todo_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuTodoPage, anju_todo_page, ANJU, TODO_PAGE, AdwBin)

GtkWidget *anju_todo_page_new    (AnjuApiClient *client);
/* Loads both lists and the counts again (after an action elsewhere). */
void       anju_todo_page_reload (AnjuTodoPage  *self);

G_END_DECLS
