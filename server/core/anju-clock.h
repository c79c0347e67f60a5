/* anju-clock.h: the one source of "now" on the server.
 *
 * Periods, expiries, lockouts and overdue checks all read this clock, so a
 * test can move time forward instead of sleeping.  Thread-safe.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ANJU_TYPE_CLOCK (anju_clock_get_type ())
G_DECLARE_FINAL_TYPE (AnjuClock, anju_clock, ANJU, CLOCK, GObject)

AnjuClock *anju_clock_new      (void);
/* Microseconds since the Unix epoch (UTC), wall clock plus the offset. */
gint64     anju_clock_now      (AnjuClock *self);
/* Seconds since the epoch, for SQL columns. */
gint64     anju_clock_now_secs (AnjuClock *self);
void       anju_clock_advance  (AnjuClock *self,
                                gint64     usec);

G_END_DECLS
