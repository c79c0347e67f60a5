/* anju-decimal.h: the two-decimal numbers of the pubrent contract.
 *
 * Amounts (yuan) and areas (m²) go over the wire as "60000.00" and are
 * stored as integer hundredths (fen, 0.01 m²).  Unlike anju_money_*,
 * these take and give plain digits: no thousands separators, no currency
 * signs, never negative.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "15", "15.5", "15.50" → 1550; anything else is ANJU_ERROR_VALIDATION. */
gboolean anju_decimal_parse_hundredths  (const char  *text,
                                         gint64      *out_value,
                                         GError     **error);
/* 1550 → "15.50". */
char    *anju_decimal_format_hundredths (gint64       value);
/* The same into buffer, without allocating; returns its length. */
#define ANJU_DECIMAL_HUNDREDTHS_SIZE 24
gsize    anju_decimal_format_hundredths_into (gint64 value,
                                              char   buffer[ANJU_DECIMAL_HUNDREDTHS_SIZE]);

G_END_DECLS
