/* anju-json-columns.h: JSON members straight from SQLite columns.
 *
 * The identity API writes the same few shapes over and over: a text column
 * that may be NULL, a time stored as seconds since the epoch that goes out
 * as ISO 8601 (Asia/Shanghai), an id that may be NULL.  A NULL column is a
 * JSON null, never a missing member, so clients can rely on every member
 * being there.
 */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

void anju_json_add_text_column (JsonBuilder  *builder,
                                const char   *member,
                                sqlite3_stmt *stmt,
                                int           column);
void anju_json_add_id_column   (JsonBuilder  *builder,
                                const char   *member,
                                sqlite3_stmt *stmt,
                                int           column);
void anju_json_add_time_column (JsonBuilder  *builder,
                                const char   *member,
                                sqlite3_stmt *stmt,
                                int           column);
void anju_json_add_bool_column (JsonBuilder  *builder,
                                const char   *member,
                                sqlite3_stmt *stmt,
                                int           column);
/* unix_secs as ISO 8601, or null when has_value is FALSE. */
void anju_json_add_time        (JsonBuilder  *builder,
                                const char   *member,
                                gint64        unix_secs,
                                gboolean      has_value);

G_END_DECLS
