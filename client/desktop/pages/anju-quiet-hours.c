/* anju-quiet-hours.c: the quiet hours of a push strategy. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-quiet-hours.h"

gboolean
anju_quiet_time_is_valid (const char *text)
{
  int hours;
  int minutes;

  if (text == NULL || strlen (text) != 5 || text[2] != ':')
    return FALSE;
  if (!g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1])
      || !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;

  hours = (text[0] - '0') * 10 + (text[1] - '0');
  minutes = (text[3] - '0') * 10 + (text[4] - '0');
  return hours < 24 && minutes < 60;
}

static gboolean
is_unset (const char *text)
{
  return text == NULL || *text == '\0';
}

static char *
time_error (const char *text)
{
  if (anju_quiet_time_is_valid (text))
    return NULL;
  return g_strdup (_("Enter a time as HH:MM, from 00:00 to 23:59."));
}

gboolean
anju_quiet_hours_check (const char  *start,
                        const char  *end,
                        char       **start_error,
                        char       **end_error)
{
  g_return_val_if_fail (start_error != NULL && *start_error == NULL, FALSE);
  g_return_val_if_fail (end_error != NULL && *end_error == NULL, FALSE);

  if (is_unset (start) && is_unset (end))
    return TRUE;

  /* Half a span means nothing: say which half is missing. */
  if (is_unset (start))
    *start_error = g_strdup (_("Enter when the quiet hours start, or clear both times."));
  else
    *start_error = time_error (start);

  if (is_unset (end))
    *end_error = g_strdup (_("Enter when the quiet hours end, or clear both times."));
  else
    *end_error = time_error (end);

  if (*start_error == NULL && *end_error == NULL && g_str_equal (start, end))
    *end_error = g_strdup (_("The quiet hours must end at another time than they start."));

  return *start_error == NULL && *end_error == NULL;
}
