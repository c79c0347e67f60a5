/* anju-content-json.h: the small JSON shapes the portal content shares.
 *
 * Files, articles and feedback all name people and organisations as
 * {"id","name"} objects read from two columns of a joined row; a NULL id
 * is a JSON null (a feedback nobody has replied to yet).
 */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* member: {"id": <id_column>, "name": <id_column + 1>}, or null. */
void anju_content_json_add_ref (JsonBuilder  *builder,
                                const char   *member,
                                sqlite3_stmt *stmt,
                                int           id_column);

G_END_DECLS
