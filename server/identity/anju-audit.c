#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-server.h"
#include "anju-stmt.h"

#define AUDIT_KEY_BYTES  32
#define AUDIT_HMAC_BYTES 32   /* SM3 output */

/* The fields of one row that the HMAC covers, in chain order. */
typedef struct
{
  gint64      id;
  gint64      at;
  gint64      actor_id;       /* 0 = NULL */
  const char *actor;
  gint64      org_id;         /* 0 = NULL */
  const char *org_path;
  const char *client_address;
  const char *action;
  const char *entity;
  gint64      entity_id;      /* 0 = NULL */
  const char *before_json;
  const char *after_json;
  const char *prev_hmac;
} AuditRow;

/* Canonical form: every field as name, then "~" for NULL or its byte
 * length and bytes, one per line.  The lengths make it unambiguous: no
 * choice of field contents can make two different rows serialise alike. */
static void
append_text (GString    *out,
             const char *name,
             const char *value)
{
  if (value == NULL)
    g_string_append_printf (out, "%s=~\n", name);
  else
    g_string_append_printf (out, "%s=%zu:%s\n", name, strlen (value), value);
}

static void
append_id (GString    *out,
           const char *name,
           gint64      value)
{
  if (value == 0)
    g_string_append_printf (out, "%s=~\n", name);
  else
    g_string_append_printf (out, "%s=%" G_GINT64_FORMAT "\n", name, value);
}

static GString *
audit_row_serialise (const AuditRow *row)
{
  GString *out = g_string_new ("anju-audit-v1\n");

  append_id (out, "id", row->id);
  g_string_append_printf (out, "at=%" G_GINT64_FORMAT "\n", row->at);
  append_id (out, "actor_id", row->actor_id);
  append_text (out, "actor", row->actor);
  append_id (out, "org_id", row->org_id);
  append_text (out, "org_path", row->org_path);
  append_text (out, "client_address", row->client_address);
  append_text (out, "action", row->action);
  append_text (out, "entity", row->entity);
  append_id (out, "entity_id", row->entity_id);
  append_text (out, "before", row->before_json);
  append_text (out, "after", row->after_json);
  append_text (out, "prev_hmac", row->prev_hmac);
  return out;
}

static char *
hex_encode (const guint8 *data,
            gsize         len)
{
  static const char digits[] = "0123456789abcdef";
  char *hex = g_malloc (len * 2 + 1);

  for (gsize i = 0; i < len; i++)
    {
      hex[i * 2] = digits[data[i] >> 4];
      hex[i * 2 + 1] = digits[data[i] & 0xf];
    }
  hex[len * 2] = '\0';
  return hex;
}

/* HMAC-SM3 of the row's canonical form, as lower-case hex. */
static char *
audit_row_hmac (EVP_MAC         *mac,
                GBytes          *key,
                const AuditRow  *row,
                GError         **error)
{
  g_autoptr(GString) data = audit_row_serialise (row);
  OSSL_PARAM params[] = {
    OSSL_PARAM_construct_utf8_string (OSSL_MAC_PARAM_DIGEST, (char *) "SM3", 0),
    OSSL_PARAM_construct_end (),
  };
  guint8 out[AUDIT_HMAC_BYTES];
  gsize out_len = 0;
  gsize key_len = 0;
  const guint8 *key_data = g_bytes_get_data (key, &key_len);
  EVP_MAC_CTX *ctx = EVP_MAC_CTX_new (mac);
  gboolean ok;

  ok = ctx != NULL
       && EVP_MAC_init (ctx, key_data, key_len, params) == 1
       && EVP_MAC_update (ctx, (const guint8 *) data->str, data->len) == 1
       && EVP_MAC_final (ctx, out, &out_len, sizeof out) == 1
       && out_len == sizeof out;
  EVP_MAC_CTX_free (ctx);

  if (!ok)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_INTERNAL, "HMAC-SM3 failed");
      return NULL;
    }
  return hex_encode (out, sizeof out);
}

/* (transfer none) OpenSSL's HMAC, fetched once per process: a fetch on
 * every audited write took the method store's lock and parsed a
 * property query each time.  A fetched EVP_MAC never changes and may be
 * shared between threads (and the servers of one process). */
static EVP_MAC *
fetch_hmac (GError **error)
{
  static EVP_MAC *mac;
  static gsize fetched = 0;

  if (g_once_init_enter (&fetched))
    {
      mac = EVP_MAC_fetch (NULL, "HMAC", NULL);
      g_once_init_leave (&fetched, 1);
    }
  if (mac == NULL)
    g_set_error (error, ANJU_ERROR, ANJU_ERROR_INTERNAL,
                 "OpenSSL has no HMAC implementation");
  return mac;
}

static char *
node_to_json (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return json_to_string (node, FALSE);
}

/* The chain's tail: the id and hmac the next row links to. */
static gboolean
audit_chain_tail (AnjuDb  *db,
                  gint64  *out_last_id,
                  char   **out_last_hmac,
                  GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  stmt = anju_db_prepare (db, "SELECT id, hmac FROM audit_log ORDER BY id DESC LIMIT 1",
                          error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_last_id = sqlite3_column_int64 (stmt, 0);
      *out_last_hmac = anju_db_column_dup (stmt, 1);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    {
      *out_last_id = 0;
      *out_last_hmac = g_strdup ("");
      return TRUE;
    }
  anju_db_set_error (db, error);
  return FALSE;
}

static void
bind_optional_id (sqlite3_stmt *stmt,
                  int           index,
                  gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
audit_row_insert (AnjuDb          *db,
                  const AuditRow  *row,
                  const char      *hmac,
                  GError         **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db,
                          "INSERT INTO audit_log (id, at, actor_id, actor, org_id, org_path,"
                          " client_address, action, entity, entity_id, before_json,"
                          " after_json, prev_hmac, hmac)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                          error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, row->id);
  sqlite3_bind_int64 (stmt, 2, row->at);
  bind_optional_id (stmt, 3, row->actor_id);
  anju_db_bind_text (stmt, 4, row->actor);
  bind_optional_id (stmt, 5, row->org_id);
  anju_db_bind_text (stmt, 6, row->org_path);
  anju_db_bind_text (stmt, 7, row->client_address);
  anju_db_bind_text (stmt, 8, row->action);
  anju_db_bind_text (stmt, 9, row->entity);
  bind_optional_id (stmt, 10, row->entity_id);
  anju_db_bind_text (stmt, 11, row->before_json);
  anju_db_bind_text (stmt, 12, row->after_json);
  anju_db_bind_text (stmt, 13, row->prev_hmac);
  anju_db_bind_text (stmt, 14, hmac);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_audit_record_as (AnjuDb               *db,
                      GBytes               *key,
                      gint64                at,
                      const AnjuAuditActor *actor,
                      const char           *action,
                      const char           *entity,
                      gint64                entity_id,
                      JsonNode             *before,
                      JsonNode             *after,
                      GError              **error)
{
  g_autofree char *before_json = node_to_json (before);
  g_autofree char *after_json = node_to_json (after);

  return anju_audit_record_json_as (db, key, at, actor, action, entity, entity_id, before_json,
                                    after_json, error);
}

gboolean
anju_audit_record_json_as (AnjuDb               *db,
                           GBytes               *key,
                           gint64                at,
                           const AnjuAuditActor *actor,
                           const char           *action,
                           const char           *entity,
                           gint64                entity_id,
                           const char           *before_json,
                           const char           *after_json,
                           GError              **error)
{
  g_autofree char *prev_hmac = NULL;
  g_autofree char *hmac = NULL;
  EVP_MAC *mac = NULL;
  gint64 last_id = 0;
  AuditRow row;

  g_return_val_if_fail (ANJU_IS_DB (db), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (actor != NULL && actor->actor != NULL, FALSE);
  g_return_val_if_fail (action != NULL && entity != NULL, FALSE);
  /* The chain is only sound when the write and its row commit together;
   * an audit write outside a transaction is a bug in the caller. */
  g_return_val_if_fail (!sqlite3_get_autocommit (anju_db_get_handle (db)), FALSE);

  if (!audit_chain_tail (db, &last_id, &prev_hmac, error))
    return FALSE;

  row = (AuditRow) {
    .id = last_id + 1,
    .at = at,
    .actor_id = actor->actor_id,
    .actor = actor->actor,
    .org_id = actor->org_id,
    .org_path = actor->org_path,
    .client_address = actor->client_address,
    .action = action,
    .entity = entity,
    .entity_id = entity_id,
    .before_json = before_json,
    .after_json = after_json,
    .prev_hmac = prev_hmac,
  };

  mac = fetch_hmac (error);
  if (mac == NULL)
    return FALSE;
  hmac = audit_row_hmac (mac, key, &row, error);
  if (hmac == NULL)
    return FALSE;

  return audit_row_insert (db, &row, hmac, error);
}

gboolean
anju_audit_record (AnjuRequest  *request,
                   const char   *actor_name,
                   const char   *action,
                   const char   *entity,
                   gint64        entity_id,
                   JsonNode     *before,
                   JsonNode     *after,
                   GError      **error)
{
  AnjuServer *server = anju_request_get_server (request);
  AnjuCaller *caller = anju_request_get_caller (request);
  AnjuAuditActor actor = {
    .actor = actor_name,
    .client_address = anju_request_get_client_address (request),
  };

  g_return_val_if_fail (caller != NULL || actor_name != NULL, FALSE);

  if (caller != NULL)
    {
      actor.actor_id = caller->user_id;
      actor.org_id = caller->org_id;
      actor.org_path = caller->org_path;
      if (actor.actor == NULL)
        actor.actor = caller->username;
    }

  return anju_audit_record_as (anju_request_get_db (request),
                               anju_server_get_audit_key (server),
                               anju_clock_now_secs (anju_request_get_clock (request)),
                               &actor, action, entity, entity_id,
                               before, after, error);
}

/* Checks one stored row against the chain so far; on success moves
 * *expected_prev on to this row's hmac. */
static gboolean
verify_row (EVP_MAC       *mac,
            GBytes        *key,
            sqlite3_stmt  *stmt,
            char         **expected_prev,
            GError       **error)
{
  AuditRow row = {
    .id = sqlite3_column_int64 (stmt, 0),
    .at = sqlite3_column_int64 (stmt, 1),
    .actor_id = sqlite3_column_int64 (stmt, 2),
    .actor = (const char *) sqlite3_column_text (stmt, 3),
    .org_id = sqlite3_column_int64 (stmt, 4),
    .org_path = (const char *) sqlite3_column_text (stmt, 5),
    .client_address = (const char *) sqlite3_column_text (stmt, 6),
    .action = (const char *) sqlite3_column_text (stmt, 7),
    .entity = (const char *) sqlite3_column_text (stmt, 8),
    .entity_id = sqlite3_column_int64 (stmt, 9),
    .before_json = (const char *) sqlite3_column_text (stmt, 10),
    .after_json = (const char *) sqlite3_column_text (stmt, 11),
    .prev_hmac = (const char *) sqlite3_column_text (stmt, 12),
  };
  const char *stored_hmac = (const char *) sqlite3_column_text (stmt, 13);
  g_autofree char *hmac = NULL;

  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, row.id);

  if (g_strcmp0 (row.prev_hmac, *expected_prev) != 0)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                   /* Translators: %1$s is the id of a row of the audit log */
                   _("Audit row %1$s does not link to the row before it: "
                     "a row was deleted or reordered"), id_text);
      return FALSE;
    }

  hmac = audit_row_hmac (mac, key, &row, error);
  if (hmac == NULL)
    return FALSE;
  if (g_strcmp0 (hmac, stored_hmac) != 0)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                   /* Translators: %1$s is the id of a row of the audit log */
                   _("Audit row %1$s has been altered: "
                     "its content does not match its HMAC"), id_text);
      return FALSE;
    }

  g_free (*expected_prev);
  *expected_prev = g_strdup (stored_hmac);
  return TRUE;
}

gboolean
anju_audit_verify (AnjuDb  *db,
                   GBytes  *key,
                   gint64  *out_checked,
                   gint64  *out_first_broken,
                   GError **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  EVP_MAC *mac = NULL;
  g_autofree char *expected_prev = g_strdup ("");
  gint64 checked = 0;
  int rc;

  g_return_val_if_fail (ANJU_IS_DB (db), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (out_checked != NULL)
    *out_checked = 0;
  if (out_first_broken != NULL)
    *out_first_broken = 0;

  mac = fetch_hmac (error);
  if (mac == NULL)
    return FALSE;
  stmt = anju_db_prepare (db,
                          "SELECT id, at, actor_id, actor, org_id, org_path, client_address,"
                          " action, entity, entity_id, before_json, after_json, prev_hmac, hmac"
                          " FROM audit_log ORDER BY id",
                          error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!verify_row (mac, key, stmt, &expected_prev, error))
        {
          if (out_first_broken != NULL)
            *out_first_broken = sqlite3_column_int64 (stmt, 0);
          return FALSE;
        }
      checked++;
      if (out_checked != NULL)
        *out_checked = checked;
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* Writes a fresh key with O_EXCL, so two servers starting at once cannot
 * each write a different key: the loser reads the winner's. */
static gboolean
write_new_key (const char  *path,
               GError     **error)
{
  guint8 key[AUDIT_KEY_BYTES];
  g_autofree char *dir = g_path_get_dirname (path);
  gssize written;
  int fd;

  if (RAND_bytes (key, sizeof key) != 1)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_INTERNAL,
                   "No random bytes for the audit key");
      return FALSE;
    }

  g_mkdir_with_parents (dir, 0700);
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      OPENSSL_cleanse (key, sizeof key);
      if (saved_errno == EEXIST)
        return TRUE;
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG,
                   /* Translators: %1$s is a file name, %2$s the system's reason */
                   _("Cannot create the audit key file %1$s: %2$s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  written = write (fd, key, sizeof key);
  OPENSSL_cleanse (key, sizeof key);
  if (written != (gssize) sizeof key || fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (path);
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG,
                   /* Translators: %1$s is a file name, %2$s the system's reason */
                   _("Cannot create the audit key file %1$s: %2$s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

GBytes *
anju_audit_load_key (const char  *path,
                     GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !write_new_key (path, error))
    return NULL;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG,
                   /* Translators: %1$s is a file name, %2$s the system's reason */
                   _("Cannot read the audit key file %1$s: %2$s"),
                   path, local_error->message);
      return NULL;
    }
  if (length != AUDIT_KEY_BYTES)
    {
      OPENSSL_cleanse (contents, length);
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG,
                   /* Translators: %1$s is a file name, %2$d a number of bytes */
                   _("The audit key file %1$s must hold exactly %2$d bytes"),
                   path, AUDIT_KEY_BYTES);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}
