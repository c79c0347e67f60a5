/* anju-workflow-refs.c: {"id", "name"} references in workflow JSON. */
#include "config.h"

#include "anju-workflow-refs.h"

void
anju_wf_json_add_ref (JsonBuilder *builder,
                      const char  *member,
                      gint64       id,
                      const char  *name)
{
  json_builder_set_member_name (builder, member);
  if (id == 0)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  json_builder_set_member_name (builder, "name");
  if (name == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, name);
  json_builder_end_object (builder);
}

void
anju_wf_json_add_ref_columns (JsonBuilder  *builder,
                              const char   *member,
                              sqlite3_stmt *stmt,
                              int           id_column,
                              int           name_column)
{
  gint64 id = sqlite3_column_type (stmt, id_column) == SQLITE_NULL
              ? 0 : sqlite3_column_int64 (stmt, id_column);

  anju_wf_json_add_ref (builder, member, id,
                        (const char *) sqlite3_column_text (stmt, name_column));
}
