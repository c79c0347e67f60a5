/* anju-workflow-levels.c: from a step's level to an organisation. */
#include "config.h"

#include "anju-org-store.h"
#include "anju-stmt.h"
#include "anju-workflow-levels.h"

gboolean
anju_wf_level_resolve (AnjuDb      *db,
                       const char  *org_path,
                       const char  *level,
                       gint64      *out_org_id,
                       char       **out_path,
                       GError     **error)
{
  /* Ancestors-or-self are the organisations whose path is a prefix of
   * org_path; the nearest one of the right kind wins. */
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "WITH RECURSIVE " ANJU_ORG_ANCESTORS_CTE ("?1")
                                           " SELECT o.id, o.path FROM org_ancestors a"
                                           " JOIN organisations o ON o.path = a.path"
                                           " WHERE CASE ?2"
                                           "  WHEN 'enterprise' THEN kind IN ('enterprise_operating',"
                                           "   'enterprise_property', 'enterprise_construction', 'employer')"
                                           "  ELSE kind = ?2 END"
                                           " ORDER BY length (o.path) DESC LIMIT 1",
                                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, org_path);
  anju_db_bind_text (stmt, 2, level);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  *out_org_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  *out_path = rc == SQLITE_ROW ? anju_db_column_dup (stmt, 1) : NULL;
  return TRUE;
}
