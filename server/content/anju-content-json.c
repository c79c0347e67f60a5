/* anju-content-json.c: {"id","name"} references from joined rows.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-content-json.h"
#include "anju-json-columns.h"

void
anju_content_json_add_ref (JsonBuilder  *builder,
                           const char   *member,
                           sqlite3_stmt *stmt,
                           int           id_column)
{
  json_builder_set_member_name (builder, member);
  if (sqlite3_column_type (stmt, id_column) == SQLITE_NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, id_column);
  anju_json_add_text_column (builder, "name", stmt, id_column + 1);
  json_builder_end_object (builder);
}
