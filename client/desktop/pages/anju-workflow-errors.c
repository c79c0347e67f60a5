/* anju-workflow-errors.c: template problems by member path. */
#include "config.h"

#include <string.h>

#include "anju-workflow-errors.h"

GHashTable *
anju_workflow_errors_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
anju_workflow_errors_add_fields (GHashTable *errors,
                                 JsonObject *fields)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  g_return_if_fail (errors != NULL);

  if (fields == NULL)
    return;

  json_object_iter_init (&iter, fields);
  while (json_object_iter_next (&iter, &member, &node))
    {
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_hash_table_replace (errors, g_strdup (member), g_strdup (json_node_get_string (node)));
    }
}

gboolean
anju_workflow_error_path_is_below (const char *path,
                                   const char *prefix)
{
  gsize length;

  if (path == NULL || prefix == NULL || !g_str_has_prefix (path, prefix))
    return FALSE;

  length = strlen (prefix);
  return path[length] == '\0' || path[length] == '.' || path[length] == '[';
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The paths, sorted (container only; the strings are the table's). */
static GPtrArray *
sorted_paths (GHashTable *errors)
{
  GPtrArray *paths = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer path;

  g_hash_table_iter_init (&iter, errors);
  while (g_hash_table_iter_next (&iter, &path, NULL))
    g_ptr_array_add (paths, path);
  g_ptr_array_sort (paths, compare_paths);

  return paths;
}

const char *
anju_workflow_errors_find (GHashTable *errors,
                           const char *prefix)
{
  g_autoptr(GPtrArray) paths = NULL;

  g_return_val_if_fail (errors != NULL, NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  paths = sorted_paths (errors);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);

      if (anju_workflow_error_path_is_below (path, prefix))
        return g_hash_table_lookup (errors, path);
    }

  return NULL;
}

/* The N of a path "steps[N]…", or -1. */
static int
step_of_path (const char *path)
{
  const char *digits;
  char *end = NULL;
  guint64 position;

  if (!g_str_has_prefix (path, "steps["))
    return -1;

  digits = path + strlen ("steps[");
  if (!g_ascii_isdigit (*digits))
    return -1;

  position = g_ascii_strtoull (digits, &end, 10);
  if (end == NULL || *end != ']' || position > G_MAXINT)
    return -1;

  return (int) position;
}

int
anju_workflow_errors_first_step (GHashTable *errors)
{
  GHashTableIter iter;
  gpointer path;
  int first = -1;

  g_return_val_if_fail (errors != NULL, -1);

  g_hash_table_iter_init (&iter, errors);
  while (g_hash_table_iter_next (&iter, &path, NULL))
    {
      int step = step_of_path (path);

      if (step >= 0 && (first < 0 || step < first))
        first = step;
    }

  return first;
}

static gboolean
is_shown (const char         *path,
          guint               n_steps,
          const char * const *shown)
{
  int step = step_of_path (path);

  if (step >= 0 && (guint) step < n_steps)
    return TRUE;

  /* A shown member holds its own members ("name.zh"), not the items of
   * an array of the same name: "steps" is shown, "steps[40]" is not. */
  for (guint i = 0; shown != NULL && shown[i] != NULL; i++)
    {
      gsize length = strlen (shown[i]);

      if (g_str_has_prefix (path, shown[i]) && (path[length] == '\0' || path[length] == '.'))
        return TRUE;
    }

  return FALSE;
}

char **
anju_workflow_errors_unplaced (GHashTable         *errors,
                               guint               n_steps,
                               const char * const *shown)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GStrvBuilder) unplaced = g_strv_builder_new ();

  g_return_val_if_fail (errors != NULL, NULL);

  paths = sorted_paths (errors);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);

      g_autofree char *line = NULL;

      if (is_shown (path, n_steps, shown))
        continue;

      line = g_strdup_printf ("%s: %s", path, (const char *) g_hash_table_lookup (errors, path));
      g_strv_builder_add (unplaced, line);
    }

  return g_strv_builder_end (unplaced);
}
