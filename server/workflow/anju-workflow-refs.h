/* anju-workflow-refs.h: the {"id", "name"} references the workflow JSON
 * is full of (organisation, submitter, assignee, created_by …), straight
 * from two SQLite columns.  A NULL id is a JSON null, never a missing
 * member. */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

void anju_wf_json_add_ref_columns (JsonBuilder  *builder,
                                   const char   *member,
                                   sqlite3_stmt *stmt,
                                   int           id_column,
                                   int           name_column);
/* id 0 is null. */
void anju_wf_json_add_ref         (JsonBuilder  *builder,
                                   const char   *member,
                                   gint64        id,
                                   const char   *name);

G_END_DECLS
