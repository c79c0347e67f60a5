#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "anju-error.h"
#include "anju-time.h"

/* China has had no daylight saving since 1991, so a fixed offset is exact
 * for every date the platform stores and needs no tzdata on the host. */
#define SHANGHAI_OFFSET_SECS (8 * 3600)

static GTimeZone *
shanghai_time_zone (void)
{
  return g_time_zone_new_offset (SHANGHAI_OFFSET_SECS);
}

/* 0001-01-01T00:00:00 and 9999-12-31T23:59:59, counted like unix time. */
#define FIRST_SECS G_GINT64_CONSTANT (-62135596800)
#define LAST_SECS  G_GINT64_CONSTANT (253402300799)

/* The proleptic Gregorian date of a day counted from 1970-01-01, by
 * whole 400-year eras of 146097 days (H. Hinnant's days_from_civil,
 * inverted). */
static void
civil_from_days (gint64  days,
                 int    *out_year,
                 int    *out_month,
                 int    *out_day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;                                   /* [0, 146096] */
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);            /* [0, 365] */
  gint64 mp = (5 * doy + 2) / 153;                                 /* March = 0 */
  int month = (int) (mp < 10 ? mp + 3 : mp - 9);

  *out_day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *out_month = month;
  *out_year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
}

/* width digits of value, zero-padded, at p; returns the end. */
static char *
put_digits (char *p,
            int   value,
            int   width)
{
  for (int i = width - 1; i >= 0; i--, value /= 10)
    p[i] = (char) ('0' + value % 10);
  return p + width;
}

gsize
anju_time_format_iso8601_into (gint64 unix_secs,
                               char   buffer[ANJU_TIME_ISO8601_SIZE])
{
  gint64 local = unix_secs + SHANGHAI_OFFSET_SECS;
  gint64 days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  int secs_of_day = (int) (local - days * 86400);
  int year, month, day;
  char *p = buffer;

  /* Only years 1 … 9999 are representable, in UTC and here, as in
   * GDateTime. */
  g_return_val_if_fail (unix_secs >= FIRST_SECS && local <= LAST_SECS, 0);

  civil_from_days (days, &year, &month, &day);
  /* The year unpadded, as %Y gives it: "1-01-01", not "0001-01-01". */
  p = put_digits (p, year, year >= 1000 ? 4 : year >= 100 ? 3 : year >= 10 ? 2 : 1);
  *p++ = '-';
  p = put_digits (p, month, 2);
  *p++ = '-';
  p = put_digits (p, day, 2);
  *p++ = 'T';
  p = put_digits (p, secs_of_day / 3600, 2);
  *p++ = ':';
  p = put_digits (p, secs_of_day / 60 % 60, 2);
  *p++ = ':';
  p = put_digits (p, secs_of_day % 60, 2);
  memcpy (p, "+08:00", sizeof "+08:00");
  return (gsize) (p - buffer) + strlen ("+08:00");
}

/* Every time in every answer goes through here (lists of hundreds, each
 * record several times), so it is plain arithmetic: GDateTime and its
 * strftime-like formatter cost about 10,000 instructions a call.  The
 * text is the one g_date_time_format ("%Y-%m-%dT%H:%M:%S%:z") gives in
 * the fixed +08:00 zone (tests/shared/test-time.c compares the two). */
char *
anju_time_format_iso8601 (gint64 unix_secs)
{
  char buffer[ANJU_TIME_ISO8601_SIZE];
  gsize length = anju_time_format_iso8601_into (unix_secs, buffer);

  return length > 0 ? g_strndup (buffer, length) : NULL;
}

/* "YYYY-MM-DD" exactly; GLib's ISO 8601 parser wants a time as well. */
static gboolean
is_plain_date (const char *text)
{
  static const char pattern[] = "dddd-dd-dd";

  if (strlen (text) != strlen (pattern))
    return FALSE;
  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return FALSE;
  return TRUE;
}

static GDateTime *
parse_plain_date (const char *text,
                  GTimeZone  *tz)
{
  int year, month, day;

  if (sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      year < 1 || month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;

  return g_date_time_new (tz, year, month, day, 0, 0, 0);
}

char *
anju_time_format_display (gint64 unix_secs)
{
  g_autoptr(GTimeZone) tz = shanghai_time_zone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_secs);
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (utc != NULL, NULL);

  local = g_date_time_to_timezone (utc, tz);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

gboolean
anju_time_parse_iso8601 (const char  *text,
                         gint64      *out_unix_secs,
                         GError     **error)
{
  g_autoptr(GTimeZone) tz = shanghai_time_zone ();
  g_autoptr(GDateTime) parsed = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_unix_secs != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_plain_date (text))
    {
      parsed = parse_plain_date (text, tz);
      if (parsed == NULL)
        {
          g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                       /* Translators: %1$s is a date such as 2026-02-30 */
                       _("%1$s is not a real date"),
                       text);
          return FALSE;
        }
    }
  else
    {
      /* An offset-less date-time is read as Shanghai time, the only zone
       * the platform's users live in, rather than as the host's zone. */
      parsed = g_date_time_new_from_iso8601 (text, tz);
    }

  if (parsed == NULL)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   /* Translators: %1$s is what was given; keep the example as it is */
                   _("“%1$s” is not a date and time like 2026-11-29T17:00:00+08:00"),
                   text);
      return FALSE;
    }

  *out_unix_secs = g_date_time_to_unix (parsed);
  return TRUE;
}
