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

char *
anju_time_format_iso8601 (gint64 unix_secs)
{
  g_autoptr(GTimeZone) tz = shanghai_time_zone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_secs);
  g_autoptr(GDateTime) local = NULL;

  /* Only years 1 … 9999 are representable. */
  g_return_val_if_fail (utc != NULL, NULL);

  local = g_date_time_to_timezone (utc, tz);
  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
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
