/* anju-money.h: money is an integer number of fen (0.01 yuan) everywhere.
 *
 * Parsing accepts "1234", "1234.5", "1,234.56", "-0.01", with an optional
 * leading "¥"/"￥" and trailing "元"; more than two decimals, empty input,
 * stray characters and values beyond ±10^15 fen are refused.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean anju_money_parse_fen  (const char  *text,
                                gint64      *out_fen,
                                GError     **error);
/* "1,234.50"; negative values "-1,234.50". */
char    *anju_money_format_fen (gint64 fen);

G_END_DECLS
