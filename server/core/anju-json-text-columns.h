/* anju-json-text-columns.h: members of JSON text straight from SQLite
 * columns, as anju-json-columns.h adds them to a JsonBuilder: a NULL
 * column is null, an id an integer, a time (seconds since the epoch) an
 * ISO 8601 string in Asia/Shanghai. */
#pragma once

#include <sqlite3.h>

#include "anju-json-text.h"

G_BEGIN_DECLS

void anju_json_text_text_column (AnjuJsonText *text,
                                 const char   *member,
                                 sqlite3_stmt *stmt,
                                 int           column);
void anju_json_text_id_column   (AnjuJsonText *text,
                                 const char   *member,
                                 sqlite3_stmt *stmt,
                                 int           column);
void anju_json_text_time_column (AnjuJsonText *text,
                                 const char   *member,
                                 sqlite3_stmt *stmt,
                                 int           column);
/* Integer hundredths as "15.50" (anju-decimal.h), or null. */
void anju_json_text_hundredths_column (AnjuJsonText *text,
                                       const char   *member,
                                       sqlite3_stmt *stmt,
                                       int           column);
/* {"id": id_column, "name": the column after it}, or null when the id
 * is NULL (anju_content_json_add_ref()). */
void anju_json_text_ref_columns (AnjuJsonText *text,
                                 const char   *member,
                                 sqlite3_stmt *stmt,
                                 int           id_column);

G_END_DECLS
