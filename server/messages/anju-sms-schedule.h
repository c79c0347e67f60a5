/* anju-sms-schedule.h: when a text may leave.
 *
 * Days and quiet hours are those of Asia/Shanghai, a fixed +08:00 with no
 * daylight saving (shared/anju-time.h), so plain arithmetic on seconds
 * since the epoch is exact.  Every function takes "now" from the caller,
 * which reads the server's AnjuClock.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Start of the Shanghai day holding at, and of the day after it. */
gint64   anju_sms_day_start        (gint64      at);
gint64   anju_sms_next_day_start   (gint64      at);

/* "HH:MM" (00:00 to 23:59) as minutes after midnight; FALSE otherwise. */
gboolean anju_sms_parse_clock_time (const char *text,
                                    int        *out_minutes);

/* at when it lies outside the quiet hours quiet_start–quiet_end (which may
 * wrap past midnight: 22:00–07:00), else the next time the clock shows
 * quiet_end.  NULL or unparsable bounds mean no quiet hours. */
gint64   anju_sms_after_quiet_hours (gint64      at,
                                     const char *quiet_start,
                                     const char *quiet_end);

/* When the attempt after a failed one may run: base seconds after the
 * first failure, doubling with each further one (attempts ≥ 1). */
gint64   anju_sms_retry_at         (gint64      now,
                                    guint       base_seconds,
                                    guint       attempts);

G_END_DECLS
