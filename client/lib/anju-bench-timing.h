/* anju-bench-timing.h: start-up timings for bench/run-bench.sh.
 *
 * With ANJU_BENCH_TIMING=1 in the environment, anju_bench_timing_mark()
 * prints "anju-bench: <event> <ms>" on stderr the first time it is
 * called for an event, where <ms> are the milliseconds since
 * anju_bench_timing_start(), which main() calls first thing.  Without
 * the variable both do nothing but read it once.  Events: the desktop's
 * "signin-window-shown", "signed-in" and "units-first-page", the
 * kiosk's "home-shown" (bench/README.md).
 *
 * The start stamp and the events already printed are the one piece of
 * process-wide state: they describe the process, not an object in it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     anju_bench_timing_start   (void);
gboolean anju_bench_timing_enabled (void);
void     anju_bench_timing_mark    (const char *event);

G_END_DECLS
