#include "config.h"

#include "anju-json-columns.h"
#include "anju-time.h"

void
anju_json_add_text_column (JsonBuilder  *builder,
                           const char   *member,
                           sqlite3_stmt *stmt,
                           int           column)
{
  json_builder_set_member_name (builder, member);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, column));
}

void
anju_json_add_id_column (JsonBuilder  *builder,
                         const char   *member,
                         sqlite3_stmt *stmt,
                         int           column)
{
  json_builder_set_member_name (builder, member);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, column));
}

void
anju_json_add_time (JsonBuilder *builder,
                    const char  *member,
                    gint64       unix_secs,
                    gboolean     has_value)
{
  g_autofree char *text = has_value ? anju_time_format_iso8601 (unix_secs) : NULL;

  json_builder_set_member_name (builder, member);
  if (text == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, text);
}

void
anju_json_add_time_column (JsonBuilder  *builder,
                           const char   *member,
                           sqlite3_stmt *stmt,
                           int           column)
{
  anju_json_add_time (builder, member, sqlite3_column_int64 (stmt, column),
                      sqlite3_column_type (stmt, column) != SQLITE_NULL);
}

void
anju_json_add_bool_column (JsonBuilder  *builder,
                           const char   *member,
                           sqlite3_stmt *stmt,
                           int           column)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, column) != 0);
}
