/* anju-quiet-hours.h: the quiet hours of a push strategy.
 *
 * docs/api.md ("Message settings"): quiet_start and quiet_end are
 * "HH:MM" (Asia/Shanghai) or both null; an SMS due inside them waits
 * until quiet_end.  The span may cross midnight ("22:00" to "07:00").
 * The server decides; the strategy dialog applies the same rules first
 * so a mistake shows at its field at once.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE for "00:00" … "23:59", exactly two digits each. */
gboolean anju_quiet_time_is_valid (const char  *text);

/* Checks a pair as typed (NULL and "" mean unset).  Sets the message
 * for each field that is wrong (NULL for a right one; free with g_free)
 * and returns whether both are right: both unset, or two different
 * valid times. */
gboolean anju_quiet_hours_check   (const char  *start,
                                   const char  *end,
                                   char       **start_error,
                                   char       **end_error);

G_END_DECLS
