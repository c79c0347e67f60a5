/* anju-display-time.h: API times as the desktop shows them.
 *
 * The API speaks ISO 8601 with an offset; people read
 * "2026-11-29 17:00:00" in the desktop's own time zone.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* NULL when iso8601 is NULL or not a time with an offset. */
char *anju_display_time (const char *iso8601);

G_END_DECLS
