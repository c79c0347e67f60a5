/* anju-route-table.c: finding the route of a request.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anju-route-table.h"

/* More segments than any pattern has: a longer path matches nothing. */
#define MAX_SEGMENTS 16

typedef struct
{
  const AnjuRoute *route;       /* (unowned) */
  char           **segments;    /* (owned) the pattern split on '/' */
  guint32          captures;    /* bit i: segment i is a {name} */
} Pattern;

struct _AnjuRouteTable
{
  /* by_length[n]: (owned) of (owned) Pattern with n segments, in the
   * order added; NULL when there is none. */
  GPtrArray *by_length[MAX_SEGMENTS + 1];
};

static void
pattern_free (gpointer data)
{
  Pattern *pattern = data;

  g_strfreev (pattern->segments);
  g_free (pattern);
}

static gboolean
is_capture (const char *segment)
{
  gsize len = strlen (segment);

  return len > 2 && segment[0] == '{' && segment[len - 1] == '}';
}

/* Splits path on '/' in place (path is a copy the caller owns) into
 * segments; "/api/v1" gives "", "api", "v1".  Returns how many, or
 * MAX_SEGMENTS + 1 when there are more than any pattern has. */
static guint
split_path (char        *path,
            const char **segments)
{
  guint n = 0;

  segments[n++] = path;
  for (char *slash = strchr (path, '/'); slash != NULL; slash = strchr (slash + 1, '/'))
    {
      if (n == MAX_SEGMENTS)
        return MAX_SEGMENTS + 1;
      *slash = '\0';
      segments[n++] = slash + 1;
    }
  return n;
}

static gboolean
pattern_matches (const Pattern  *pattern,
                 const char    **segments)
{
  for (guint i = 0; pattern->segments[i] != NULL; i++)
    {
      if ((pattern->captures & (1u << i)) != 0)
        {
          if (segments[i][0] == '\0')
            return FALSE;
        }
      else if (strcmp (pattern->segments[i], segments[i]) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
capture (const Pattern  *pattern,
         const char    **segments,
         GHashTable     *params)
{
  for (guint i = 0; pattern->segments[i] != NULL; i++)
    if ((pattern->captures & (1u << i)) != 0)
      {
        const char *name = pattern->segments[i];

        g_hash_table_insert (params, g_strndup (name + 1, strlen (name) - 2),
                             g_strdup (segments[i]));
      }
}

AnjuRouteTable *
anju_route_table_new (void)
{
  return g_new0 (AnjuRouteTable, 1);
}

void
anju_route_table_free (AnjuRouteTable *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i <= MAX_SEGMENTS; i++)
    g_clear_pointer (&self->by_length[i], g_ptr_array_unref);
  g_free (self);
}

void
anju_route_table_add (AnjuRouteTable  *self,
                      const AnjuRoute *route)
{
  Pattern *pattern;
  guint n;

  g_return_if_fail (self != NULL && route != NULL);

  pattern = g_new0 (Pattern, 1);
  pattern->route = route;
  pattern->segments = g_strsplit (route->pattern, "/", -1);
  n = g_strv_length (pattern->segments);
  if (n > MAX_SEGMENTS)
    {
      g_critical ("Route %s has more than %d segments", route->pattern, MAX_SEGMENTS);
      pattern_free (pattern);
      return;
    }
  for (guint i = 0; i < n; i++)
    if (is_capture (pattern->segments[i]))
      pattern->captures |= 1u << i;

  if (self->by_length[n] == NULL)
    self->by_length[n] = g_ptr_array_new_with_free_func (pattern_free);
  g_ptr_array_add (self->by_length[n], pattern);
}

const AnjuRoute *
anju_route_table_lookup (AnjuRouteTable  *self,
                         const char      *method,
                         const char      *path,
                         GHashTable      *params,
                         gboolean        *out_path_known)
{
  g_autofree char *copy = g_strdup (path);
  const char *segments[MAX_SEGMENTS];
  GPtrArray *candidates;
  guint n;

  g_return_val_if_fail (self != NULL && method != NULL && path != NULL, NULL);

  *out_path_known = FALSE;
  n = split_path (copy, segments);
  if (n > MAX_SEGMENTS || self->by_length[n] == NULL)
    return NULL;

  candidates = self->by_length[n];
  for (guint i = 0; i < candidates->len; i++)
    {
      const Pattern *pattern = g_ptr_array_index (candidates, i);

      if (!pattern_matches (pattern, segments))
        continue;
      *out_path_known = TRUE;
      if (strcmp (pattern->route->method, method) == 0)
        {
          if (params != NULL)
            capture (pattern, segments, params);
          return pattern->route;
        }
    }
  return NULL;
}
