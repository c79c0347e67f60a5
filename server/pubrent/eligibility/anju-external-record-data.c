/* anju-external-record-data.c: kinds of external records and their data.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-decimal.h"
#include "anju-error.h"
#include "anju-external-record-data.h"
#include "anju-time.h"

const char * const anju_external_kinds[] = {
  "hukou", "property", "benefit", "dibao", "lease", "marriage", NULL
};

/* The Chinese names are data (import headers and report texts use them),
 * not interface text, so they are not translated. */
static const char * const kind_names[] = {
  "户籍", "房产", "住房保障", "低保", "租赁", "婚姻", NULL
};

static const char * const marital_states[] = { "未婚", "已婚", "离异", "丧偶", NULL };

const char *
anju_external_kind_name (const char *kind)
{
  for (guint i = 0; kind != NULL && anju_external_kinds[i] != NULL; i++)
    if (strcmp (kind, anju_external_kinds[i]) == 0)
      return kind_names[i];
  return NULL;
}

const char *
anju_external_kind_from_name (const char *name)
{
  for (guint i = 0; name != NULL && anju_external_kinds[i] != NULL; i++)
    if (strcmp (name, kind_names[i]) == 0 || strcmp (name, anju_external_kinds[i]) == 0)
      return anju_external_kinds[i];
  return NULL;
}

gboolean
anju_county_is_changsha (const char *county_code)
{
  return county_code != NULL && strlen (county_code) == 6 &&
         g_str_has_prefix (county_code, "4301") &&
         g_ascii_isdigit (county_code[4]) && g_ascii_isdigit (county_code[5]);
}

/* The fields of data, split at ASCII and full-width commas, trimmed. */
static char **
split_fields (const char *data)
{
  g_autofree char *ascii = NULL;
  g_auto(GStrv) fields = NULL;
  GString *replaced = g_string_new (data);

  g_string_replace (replaced, "，", ",", 0);
  ascii = g_string_free (replaced, FALSE);
  fields = g_strsplit (ascii, ",", -1);
  for (guint i = 0; fields[i] != NULL; i++)
    g_strstrip (fields[i]);
  return g_steal_pointer (&fields);
}

static gboolean
is_county_code (const char *text)
{
  if (strlen (text) != 6)
    return FALSE;
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
parse_date (const char  *text,
            gint64      *out_secs)
{
  return strlen (text) == 10 && text[4] == '-' && text[7] == '-' &&
         anju_time_parse_iso8601 (text, out_secs, NULL);
}

static gboolean
set_format_error (const char  *kind,
                  GError     **error)
{
  const char *example = NULL;

  if (g_strcmp0 (kind, "hukou") == 0)
    /* Translators: how 户籍 (hukou) data is written; keep the example */
    example = _("a county code and the date since when, like 430104,2019-05-01");
  else if (g_strcmp0 (kind, "property") == 0)
    /* Translators: how 房产 (property) data is written; keep the Chinese words */
    example = _("新区 or 新区外, the floor area in m² and the address, like 新区,89.50,麓谷小区3栋201");
  else if (g_strcmp0 (kind, "marriage") == 0)
    /* Translators: how 婚姻 (marriage) data is written; keep the Chinese words */
    example = _("未婚, 已婚, 离异 or 丧偶 and the date since when, like 已婚,2015-06-01");
  else
    /* Translators: how the other kinds of external data are written */
    example = _("a text, then optionally a comma and a date YYYY-MM-DD or an address");

  g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
               /* Translators: %1$s says how the data is written */
               _("The data must be %1$s"), example);
  return FALSE;
}

static gboolean
check_fields (const char  *kind,
              char       **fields,
              GError     **error)
{
  guint n = g_strv_length (fields);
  gint64 value = 0;

  if (n == 0 || fields[0][0] == '\0')
    return set_format_error (kind, error);

  if (strcmp (kind, "hukou") == 0)
    return (n == 2 && is_county_code (fields[0]) && parse_date (fields[1], &value)) ||
           set_format_error (kind, error);

  if (strcmp (kind, "property") == 0)
    return ((n == 2 || n == 3) &&
            (strcmp (fields[0], "新区") == 0 || strcmp (fields[0], "新区外") == 0) &&
            anju_decimal_parse_hundredths (fields[1], &value, NULL)) ||
           set_format_error (kind, error);

  if (strcmp (kind, "marriage") == 0)
    return (n <= 2 && g_strv_contains (marital_states, fields[0]) &&
            (n == 1 || parse_date (fields[1], &value))) ||
           set_format_error (kind, error);

  /* benefit, dibao, lease: a text and at most one more field. */
  return (n <= 2 && (n == 1 || fields[1][0] != '\0')) || set_format_error (kind, error);
}

char *
anju_external_data_normalise (const char  *kind,
                              const char  *data,
                              GError     **error)
{
  g_auto(GStrv) fields = NULL;

  g_return_val_if_fail (anju_external_kind_name (kind) != NULL, NULL);

  fields = split_fields (data != NULL ? data : "");
  if (!check_fields (kind, fields, error))
    return NULL;
  return g_strjoinv (",", fields);
}

gboolean
anju_external_hukou_parse (const char  *data,
                           char       **out_county_code,
                           gint64      *out_since,
                           GError     **error)
{
  g_auto(GStrv) fields = split_fields (data);

  if (!check_fields ("hukou", fields, error))
    return FALSE;
  parse_date (fields[1], out_since);
  *out_county_code = g_strdup (fields[0]);
  return TRUE;
}

gboolean
anju_external_property_parse (const char  *data,
                              gboolean    *out_in_new_area,
                              gint64      *out_area,
                              char       **out_address,
                              GError     **error)
{
  g_auto(GStrv) fields = split_fields (data);

  if (!check_fields ("property", fields, error))
    return FALSE;
  *out_in_new_area = strcmp (fields[0], "新区") == 0;
  anju_decimal_parse_hundredths (fields[1], out_area, NULL);
  *out_address = fields[2] != NULL && fields[2][0] != '\0' ? g_strdup (fields[2]) : NULL;
  return TRUE;
}
