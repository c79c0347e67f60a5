/* anju-decimal.c: two-decimal numbers as integer hundredths.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-decimal.h"
#include "anju-error.h"

/* Far beyond any amount or area the rules compare, and far from
 * overflowing. */
#define MAX_WHOLE G_GINT64_CONSTANT (1000000000000)

gboolean
anju_decimal_parse_hundredths (const char  *text,
                               gint64      *out_value,
                               GError     **error)
{
  const char *p = text;
  gint64 whole = 0;
  gint64 fraction = 0;
  guint n_digits = 0;
  guint n_decimals = 0;
  gboolean has_point = FALSE;

  g_return_val_if_fail (out_value != NULL, FALSE);

  for (; p != NULL && g_ascii_isdigit (*p) && whole <= MAX_WHOLE; p++, n_digits++)
    whole = whole * 10 + (*p - '0');

  has_point = p != NULL && *p == '.';
  if (has_point)
    for (p++; g_ascii_isdigit (*p) && n_decimals < 3; p++, n_decimals++)
      fraction = fraction * 10 + (*p - '0');

  if (p == NULL || n_digits == 0 || *p != '\0' || n_decimals > 2 || (has_point && n_decimals == 0) || whole > MAX_WHOLE)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   /* Translators: %1$s is what was given */
                   _("“%1$s” is not a number with at most two decimals, like 15.50"),
                   text != NULL ? text : "");
      return FALSE;
    }

  *out_value = whole * 100 + (n_decimals == 1 ? fraction * 10 : fraction);
  return TRUE;
}

gsize
anju_decimal_format_hundredths_into (gint64 value,
                                     char   buffer[ANJU_DECIMAL_HUNDREDTHS_SIZE])
{
  /* Digits from the end; through guint64 so that G_MININT64 negates. */
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;
  char digits[ANJU_DECIMAL_HUNDREDTHS_SIZE];
  char *p = digits + sizeof digits;
  gsize length;

  *--p = (char) ('0' + magnitude % 10);
  *--p = (char) ('0' + magnitude / 10 % 10);
  *--p = '.';
  magnitude /= 100;
  do
    *--p = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) != 0);
  if (value < 0)
    *--p = '-';
  length = (gsize) (digits + sizeof digits - p);
  memcpy (buffer, p, length);
  buffer[length] = '\0';
  return length;
}

char *
anju_decimal_format_hundredths (gint64 value)
{
  char buffer[ANJU_DECIMAL_HUNDREDTHS_SIZE];
  gsize length = anju_decimal_format_hundredths_into (value, buffer);

  return g_strndup (buffer, length);
}
