#include "config.h"

#include "anju-display-time.h"

char *
anju_display_time (const char *iso8601)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL)
    return NULL;

  /* No default zone: a time without an offset is not one the API sends. */
  time = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (time == NULL)
    return NULL;

  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}
