/* anju-time.h: times on the wire are ISO 8601 in Asia/Shanghai (+08:00,
 * no daylight saving), stored as seconds since the epoch. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "2026-11-29T17:00:00+08:00" */
char     *anju_time_format_iso8601 (gint64       unix_secs);
/* The same into buffer, without allocating (lists write thousands);
 * returns its length, 0 for a time out of range. */
#define ANJU_TIME_ISO8601_SIZE 32
gsize     anju_time_format_iso8601_into (gint64 unix_secs,
                                         char   buffer[ANJU_TIME_ISO8601_SIZE]);
/* "2026-12-09 17:00" in Asia/Shanghai: for texts people read (messages,
 * SMS), where the ISO form's seconds and offset are noise. */
char     *anju_time_format_display (gint64       unix_secs);
/* Accepts any ISO 8601 date-time with an offset, or a plain date
 * "2026-11-29" (midnight in Shanghai). */
gboolean  anju_time_parse_iso8601  (const char  *text,
                                    gint64      *out_unix_secs,
                                    GError     **error);

G_END_DECLS
