/* anju-message-recipients.c: resolving an event's recipients. */
#include "config.h"

#include "anju-message-recipients.h"
#include "anju-stmt.h"

static void
clear_recipient (gpointer data)
{
  AnjuRecipient *recipient = data;

  g_clear_pointer (&recipient->phone, g_free);
}

static int
compare_recipients (gconstpointer a,
                    gconstpointer b)
{
  const AnjuRecipient *left = a;
  const AnjuRecipient *right = b;

  return (left->user_id > right->user_id) - (left->user_id < right->user_id);
}

/* Adds every row (id, phone) of stmt not added yet. */
static gboolean
add_rows (AnjuDb        *db,
          sqlite3_stmt  *stmt,
          GArray        *recipients,
          GHashTable    *seen,
          GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      AnjuRecipient recipient;

      if (g_hash_table_contains (seen, &id))
        continue;
      recipient = (AnjuRecipient) { id, anju_db_column_dup (stmt, 1) };
      g_array_append_val (recipients, recipient);
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_user (AnjuDb      *db,
          gint64       user_id,
          GArray      *recipients,
          GHashTable  *seen,
          GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT id, phone FROM users"
                                           " WHERE id = ?1 AND status = 'active'"
                                           " AND is_service = 0",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  return add_rows (db, stmt, recipients, seen, error);
}

static gboolean
add_org_users (AnjuDb      *db,
               gint64       org_id,
               const char  *role_code,
               GArray      *recipients,
               GHashTable  *seen,
               GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT u.id, u.phone FROM users u"
                                           " WHERE u.org_id = ?1 AND u.status = 'active'"
                                           " AND u.is_service = 0"
                                           " AND (?2 IS NULL OR EXISTS ("
                                           "   SELECT 1 FROM user_roles ur"
                                           "   JOIN roles r ON r.id = ur.role_id"
                                           "   WHERE ur.user_id = u.id AND r.code = ?2))"
                                           " ORDER BY u.id",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, org_id);
  anju_db_bind_text (stmt, 2, role_code);
  return add_rows (db, stmt, recipients, seen, error);
}

GArray *
anju_message_recipients_resolve (AnjuDb        *db,
                                 const gint64  *user_ids,
                                 guint          n_user_ids,
                                 gint64         org_id,
                                 const char    *role_code,
                                 GError       **error)
{
  g_autoptr(GArray) recipients = g_array_new (FALSE, TRUE, sizeof (AnjuRecipient));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_array_set_clear_func (recipients, clear_recipient);
  for (guint i = 0; i < n_user_ids; i++)
    {
      if (!add_user (db, user_ids[i], recipients, seen, error))
        return NULL;
    }
  if (org_id != 0 && !add_org_users (db, org_id, role_code, recipients, seen, error))
    return NULL;

  g_array_sort (recipients, compare_recipients);
  return g_steal_pointer (&recipients);
}

/* TRUE in *out_holds when the user holds one of roles. */
static gboolean
holds_any_role (AnjuDb              *db,
                sqlite3_stmt        *stmt,
                gint64               user_id,
                const char * const  *roles,
                gboolean            *out_holds,
                GError             **error)
{
  int rc = SQLITE_DONE;

  *out_holds = FALSE;
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, user_id);
  while (!*out_holds && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *out_holds = g_strv_contains (roles, (const char *) sqlite3_column_text (stmt, 0));
  if (!*out_holds && rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
anju_message_recipients_keep_roles (AnjuDb              *db,
                                    GArray              *recipients,
                                    const char * const  *roles,
                                    GError             **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  if (roles == NULL || roles[0] == NULL)
    return TRUE;
  stmt = anju_db_prepare (db,
                          "SELECT r.code FROM user_roles ur JOIN roles r ON r.id = ur.role_id"
                          " WHERE ur.user_id = ?1 AND r.code IS NOT NULL",
                          error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = recipients->len; i > 0; i--)
    {
      gboolean holds;

      if (!holds_any_role (db, stmt, g_array_index (recipients, AnjuRecipient, i - 1).user_id,
                           roles, &holds, error))
        return FALSE;
      if (!holds)
        g_array_remove_index (recipients, i - 1);
    }
  return TRUE;
}
