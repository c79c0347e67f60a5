/* anju-workflow-errors.h: the template editor's problems, by member path.
 *
 * The server names each problem of a template by the member it is in,
 * "steps[2].role" or "steps[1].branches[0].when[0].value" (docs/api.md,
 * "Workflow templates"), and the editor's own checks use the same
 * names.  The editor keeps them in a table (path → message) and asks,
 * for each place that shows a message, for the one under that place's
 * path; whatever no place shows is listed at the top of the editor so
 * that no problem is ever hidden.  No GTK here.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A table for the errors: path → message, both owned. */
GHashTable *anju_workflow_errors_new          (void);
/* Adds every string member of a 422 answer's "fields" (nullable). */
void        anju_workflow_errors_add_fields   (GHashTable *errors,
                                               JsonObject *fields);

/* TRUE when path is prefix or lies below it: "steps[1].name" lies below
 * "steps[1]", "steps[10].name" does not. */
gboolean    anju_workflow_error_path_is_below (const char *path,
                                               const char *prefix);
/* The message of the first path (in sorted order) at or below prefix,
 * or NULL. */
const char *anju_workflow_errors_find         (GHashTable *errors,
                                               const char *prefix);
/* The position of the first step (in order) with a problem, or -1. */
int         anju_workflow_errors_first_step   (GHashTable *errors);

/* The messages of paths that lie neither below "steps[i]" for a step
 * that exists nor at or below (by ".") one of the shown members
 * ("name", "steps" …), each as "path: message", sorted (transfer full,
 * NULL-terminated). */
char      **anju_workflow_errors_unplaced     (GHashTable         *errors,
                                               guint               n_steps,
                                               const char * const *shown);

G_END_DECLS
