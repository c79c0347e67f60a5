/* anju-sms-schedule.c: Shanghai days, quiet hours and retry backoff. */
#include "config.h"

#include <string.h>

#include "anju-sms-schedule.h"

#define SHANGHAI_OFFSET (8 * 3600)
#define DAY (24 * 3600)
/* 2^16 × retry_base_seconds is far past any sensible wait already. */
#define MAX_DOUBLINGS 16

gint64
anju_sms_day_start (gint64 at)
{
  gint64 local = at + SHANGHAI_OFFSET;
  gint64 into_day = local % DAY;

  if (into_day < 0)
    into_day += DAY;
  return at - into_day;
}

gint64
anju_sms_next_day_start (gint64 at)
{
  return anju_sms_day_start (at) + DAY;
}

gboolean
anju_sms_parse_clock_time (const char *text,
                           int        *out_minutes)
{
  int hours, minutes;

  if (text == NULL || strlen (text) != 5 || text[2] != ':'
      || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1])
      || !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;
  hours = (text[0] - '0') * 10 + (text[1] - '0');
  minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 23 || minutes > 59)
    return FALSE;
  *out_minutes = hours * 60 + minutes;
  return TRUE;
}

gint64
anju_sms_after_quiet_hours (gint64      at,
                            const char *quiet_start,
                            const char *quiet_end)
{
  gint64 day = anju_sms_day_start (at);
  int start, end, now_minute;
  gboolean quiet;

  if (!anju_sms_parse_clock_time (quiet_start, &start)
      || !anju_sms_parse_clock_time (quiet_end, &end) || start == end)
    return at;

  now_minute = (int) ((at - day) / 60);
  if (start < end)
    quiet = now_minute >= start && now_minute < end;
  else
    quiet = now_minute >= start || now_minute < end;
  if (!quiet)
    return at;

  /* The end is later today, or (for a span past midnight entered before
   * midnight) tomorrow. */
  if (now_minute < end)
    return day + (gint64) end * 60;
  return day + DAY + (gint64) end * 60;
}

gint64
anju_sms_retry_at (gint64 now,
                   guint  base_seconds,
                   guint  attempts)
{
  guint doublings = attempts > 0 ? MIN (attempts - 1, MAX_DOUBLINGS) : 0;

  return now + ((gint64) base_seconds << doublings);
}
