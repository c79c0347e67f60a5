/* anju-workflow-levels.c: from a step's level to an organisation. */
#include "config.h"

#include "anju-org-store.h"
#include "anju-stmt.h"
#include "anju-workflow-levels.h"

typedef struct
{
  gint64  id;
  char   *path;
  char   *kind;
} Ancestor;

struct _AnjuWfAncestors
{
  GArray *items;   /* of Ancestor, nearest (longest path) first */
};

static void
ancestor_clear (gpointer data)
{
  Ancestor *ancestor = data;

  g_free (ancestor->path);
  g_free (ancestor->kind);
}

static void
ancestors_clear (gpointer data)
{
  AnjuWfAncestors *ancestors = data;

  g_array_unref (ancestors->items);
}

AnjuWfAncestors *
anju_wf_ancestors_ref (AnjuWfAncestors *ancestors)
{
  return g_atomic_rc_box_acquire (ancestors);
}

void
anju_wf_ancestors_unref (AnjuWfAncestors *ancestors)
{
  g_atomic_rc_box_release_full (ancestors, ancestors_clear);
}

AnjuWfAncestors *
anju_wf_ancestors_load (AnjuDb      *db,
                        const char  *org_path,
                        GError     **error)
{
  /* Ancestors-or-self are the organisations whose path is a prefix of
   * org_path, each found through the path index. */
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "WITH RECURSIVE " ANJU_ORG_ANCESTORS_CTE ("?1")
                                           " SELECT o.id, o.path, o.kind FROM org_ancestors a"
                                           " JOIN organisations o ON o.path = a.path"
                                           " ORDER BY length (o.path) DESC",
                                           error);
  g_autoptr(AnjuWfAncestors) ancestors = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  ancestors = g_atomic_rc_box_new0 (AnjuWfAncestors);
  ancestors->items = g_array_new (FALSE, FALSE, sizeof (Ancestor));
  g_array_set_clear_func (ancestors->items, ancestor_clear);
  anju_db_bind_text (stmt, 1, org_path);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Ancestor ancestor = {
        .id = sqlite3_column_int64 (stmt, 0),
        .path = anju_db_column_dup (stmt, 1),
        .kind = anju_db_column_dup (stmt, 2),
      };

      g_array_append_val (ancestors->items, ancestor);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&ancestors);
}

static gboolean
kind_serves_level (const char *kind,
                   const char *level)
{
  static const char * const enterprise[] = {
    "enterprise_operating", "enterprise_property", "enterprise_construction", "employer", NULL
  };

  if (g_str_equal (level, "enterprise"))
    return g_strv_contains (enterprise, kind);
  return g_str_equal (kind, level);
}

gint64
anju_wf_ancestors_find (const AnjuWfAncestors *ancestors,
                        const char            *level,
                        const char           **out_path)
{
  for (guint i = 0; i < ancestors->items->len; i++)
    {
      const Ancestor *ancestor = &g_array_index (ancestors->items, Ancestor, i);

      if (kind_serves_level (ancestor->kind, level))
        {
          if (out_path != NULL)
            *out_path = ancestor->path;
          return ancestor->id;
        }
    }
  if (out_path != NULL)
    *out_path = NULL;
  return 0;
}
