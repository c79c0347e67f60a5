/* anju-settings-store.c: reading and writing the pre-review settings.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-decimal.h"
#include "anju-pubrent-settings.h"
#include "anju-settings-store.h"
#include "anju-stmt.h"

static const char *
unit_name (AnjuPrereviewUnit unit)
{
  switch (unit)
    {
    case ANJU_PREREVIEW_UNIT_YEARS: return "years";
    case ANJU_PREREVIEW_UNIT_YUAN: return "yuan";
    case ANJU_PREREVIEW_UNIT_SQUARE_METRES: return "square_metres";
    case ANJU_PREREVIEW_UNIT_NONE:
    default: return NULL;
    }
}

void
anju_settings_add_threshold (JsonBuilder       *builder,
                             AnjuPrereviewUnit  unit,
                             gint64             value)
{
  g_autofree char *text = NULL;

  if (unit == ANJU_PREREVIEW_UNIT_NONE)
    json_builder_add_null_value (builder);
  else if (unit == ANJU_PREREVIEW_UNIT_YEARS)
    json_builder_add_int_value (builder, value);
  else
    {
      text = anju_decimal_format_hundredths (value);
      json_builder_add_string_value (builder, text);
    }
}

static void
add_rule (JsonBuilder  *builder,
          sqlite3_stmt *stmt)
{
  const char *code = (const char *) sqlite3_column_text (stmt, 0);
  const AnjuPrereviewRule *rule = anju_prereview_rule_lookup (code);
  AnjuPrereviewUnit unit = rule->unit;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 1));
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 2) != 0);
  json_builder_set_member_name (builder, "threshold");
  anju_settings_add_threshold (builder, unit, sqlite3_column_int64 (stmt, 3));
  json_builder_set_member_name (builder, "unit");
  if (unit_name (unit) != NULL)
    json_builder_add_string_value (builder, unit_name (unit));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "min");
  anju_settings_add_threshold (builder, unit, rule->min_threshold);
  json_builder_set_member_name (builder, "max");
  anju_settings_add_threshold (builder, unit, rule->max_threshold);
  json_builder_end_object (builder);
}

static gboolean
add_rules (AnjuDb       *db,
           JsonBuilder  *builder,
           GError      **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  stmt = anju_db_prepare (db, "SELECT code, name, enabled, threshold FROM pubrent_rules"
                              " ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;

  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (anju_prereview_rule_lookup ((const char *) sqlite3_column_text (stmt, 0)) != NULL)
      add_rule (builder, stmt);
  json_builder_end_array (builder);
  if (rc == SQLITE_DONE)
    return TRUE;
  anju_db_set_error (db, error);
  return FALSE;
}

static gboolean
add_setting (AnjuDb       *db,
             JsonBuilder  *builder,
             const char   *key,
             GError      **error)
{
  gint64 value = 0;

  if (!anju_pubrent_settings_get (db, key, &value, error))
    return FALSE;
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
  return TRUE;
}

JsonNode *
anju_settings_store_to_json (AnjuDb  *db,
                             GError **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rules");
  if (!add_rules (db, builder, error) ||
      !add_setting (db, builder, ANJU_PUBRENT_SETTING_STREET_PUBLICITY_DAYS, error) ||
      !add_setting (db, builder, ANJU_PUBRENT_SETTING_ANNOUNCEMENT_DAYS, error))
    return NULL;
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
write_setting (AnjuDb      *db,
               const char  *key,
               gint64       value,
               gint64       user_id,
               gint64       now,
               GError     **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "UPDATE pubrent_settings SET value = ?2, updated_at = ?3,"
                              " updated_by = ?4 WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, value);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, user_id);
  return anju_db_step_done (db, stmt, error);
}

static gboolean
write_rule (AnjuDb                 *db,
            const AnjuRuleSetting  *rule,
            gint64                  user_id,
            gint64                  now,
            GError                **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "UPDATE pubrent_rules SET enabled = ?2, threshold = ?3,"
                              " updated_at = ?4, updated_by = ?5 WHERE code = ?1", error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, rule->code);
  sqlite3_bind_int (stmt, 2, rule->enabled);
  if (rule->has_threshold)
    sqlite3_bind_int64 (stmt, 3, rule->threshold);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, user_id);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_settings_store_write (AnjuDb                 *db,
                           const AnjuRuleSetting  *rules,
                           guint                   n_rules,
                           gint64                  street_publicity_days,
                           gint64                  announcement_days,
                           gint64                  user_id,
                           gint64                  now,
                           GError                **error)
{
  for (guint i = 0; i < n_rules; i++)
    if (!write_rule (db, &rules[i], user_id, now, error))
      return FALSE;
  return write_setting (db, ANJU_PUBRENT_SETTING_STREET_PUBLICITY_DAYS, street_publicity_days,
                        user_id, now, error) &&
         write_setting (db, ANJU_PUBRENT_SETTING_ANNOUNCEMENT_DAYS, announcement_days,
                        user_id, now, error);
}
