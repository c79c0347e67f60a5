/* anju-json-text-columns.c: members of JSON text from SQLite columns.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-decimal.h"
#include "anju-json-text-columns.h"
#include "anju-time.h"

void
anju_json_text_text_column (AnjuJsonText *text,
                            const char   *member,
                            sqlite3_stmt *stmt,
                            int           column)
{
  anju_json_text_member (text, member);
  /* Text with its length: what SQLite holds, embedded NULs included. */
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    anju_json_text_null (text);
  else
    {
      const char *value = (const char *) sqlite3_column_text (stmt, column);

      anju_json_text_string_len (text, value, sqlite3_column_bytes (stmt, column));
    }
}

void
anju_json_text_id_column (AnjuJsonText *text,
                          const char   *member,
                          sqlite3_stmt *stmt,
                          int           column)
{
  anju_json_text_member (text, member);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    anju_json_text_null (text);
  else
    anju_json_text_int (text, sqlite3_column_int64 (stmt, column));
}

void
anju_json_text_time_column (AnjuJsonText *text,
                            const char   *member,
                            sqlite3_stmt *stmt,
                            int           column)
{
  char iso[ANJU_TIME_ISO8601_SIZE];
  gsize length = 0;

  anju_json_text_member (text, member);
  if (sqlite3_column_type (stmt, column) != SQLITE_NULL)
    length = anju_time_format_iso8601_into (sqlite3_column_int64 (stmt, column), iso);
  if (length > 0)
    anju_json_text_string_len (text, iso, length);
  else
    anju_json_text_null (text);
}

void
anju_json_text_hundredths_column (AnjuJsonText *text,
                                  const char   *member,
                                  sqlite3_stmt *stmt,
                                  int           column)
{
  char digits[ANJU_DECIMAL_HUNDREDTHS_SIZE];

  anju_json_text_member (text, member);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    anju_json_text_null (text);
  else
    anju_json_text_string_len (text, digits,
                               anju_decimal_format_hundredths_into (sqlite3_column_int64 (stmt, column),
                                                                    digits));
}

void
anju_json_text_ref_columns (AnjuJsonText *text,
                            const char   *member,
                            sqlite3_stmt *stmt,
                            int           id_column)
{
  anju_json_text_member (text, member);
  if (sqlite3_column_type (stmt, id_column) == SQLITE_NULL)
    {
      anju_json_text_null (text);
      return;
    }
  anju_json_text_begin_object (text);
  anju_json_text_id_column (text, "id", stmt, id_column);
  anju_json_text_text_column (text, "name", stmt, id_column + 1);
  anju_json_text_end_object (text);
}
