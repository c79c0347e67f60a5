#include "config.h"

#include <glib/gi18n.h>

#include "anju-audit.h"
#include "anju-audit-api.h"
#include "anju-auth.h"
#include "anju-identity-private.h"
#include "anju-identity.h"
#include "anju-kdf.h"
#include "anju-organisations.h"
#include "anju-overview.h"
#include "anju-password-policy.h"
#include "anju-role-store.h"
#include "anju-roles.h"
#include "anju-transaction.h"
#include "anju-user-json.h"
#include "anju-users.h"
#include "anju-validation.h"

typedef const AnjuRoute *(*RoutesFunc) (guint *n_routes);

void
anju_identity_register_routes (AnjuServer *server)
{
  static const RoutesFunc tables[] = {
    anju_auth_get_routes,
    anju_organisations_get_routes,
    anju_users_get_routes,
    anju_roles_get_routes,
    anju_audit_api_get_routes,
    anju_overview_get_routes,
  };

  g_return_if_fail (ANJU_IS_SERVER (server));

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      guint n_routes = 0;
      const AnjuRoute *routes = tables[i] (&n_routes);

      anju_server_add_routes (server, routes, n_routes);
    }
}

static gboolean
system_audit (const AnjuSystemWriter  *writer,
              const char              *action,
              const char              *entity,
              gint64                   id,
              JsonNode                *after,
              GError                 **error)
{
  static const AnjuAuditActor system_actor = { .actor = ANJU_AUDIT_SYSTEM_ACTOR };

  return anju_audit_record_as (writer->db, writer->audit_key, writer->now, &system_actor,
                               action, entity, id, NULL, after, error);
}

gint64
_anju_identity_add_org (const AnjuSystemWriter  *writer,
                        const AnjuOrgRef        *parent,
                        const char              *kind,
                        const char              *name,
                        const char              *code,
                        const char              *description,
                        GError                 **error)
{
  g_autoptr(JsonNode) after = NULL;
  gint64 id;

  id = anju_org_store_insert (writer->db, parent, kind, name, code, description, writer->now,
                              error);
  if (id == 0
      || (after = anju_org_store_to_json (writer->db, id, error)) == NULL
      || !system_audit (writer, "organisation.create", "organisation", id, after, error))
    return 0;
  return id;
}

gboolean
_anju_identity_ensure_center (const AnjuSystemWriter  *writer,
                              AnjuOrgRef              *out_center,
                              GError                 **error)
{
  gboolean found = FALSE;
  gint64 id;

  if (!anju_org_store_load_center (writer->db, out_center, &found, error))
    return FALSE;
  if (found)
    return TRUE;

  id = _anju_identity_add_org (writer, NULL, "center", ANJU_CENTER_NAME, NULL, NULL, error);
  return id != 0 && anju_org_store_load (writer->db, id, out_center, error);
}

gint64
_anju_identity_add_user (const AnjuSystemWriter  *writer,
                         const AnjuNewUser       *user,
                         const char              *role_code,
                         GError                 **error)
{
  g_autoptr(GArray) role_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JsonNode) after = NULL;
  gint64 role_id = 0;
  gint64 id;

  if (!anju_role_store_find_by_code (writer->db, role_code, &role_id, error))
    return 0;
  g_array_append_val (role_ids, role_id);

  id = anju_user_store_insert (writer->db, user, writer->now, error);
  if (id == 0
      || !anju_user_store_set_roles (writer->db, id, role_ids, error)
      || (after = anju_user_json_new (writer->db, id, writer->now, FALSE, error)) == NULL
      || !system_audit (writer, "user.create", "user", id, after, error))
    return 0;
  return id;
}

static gboolean
check_admin_username (AnjuDb      *db,
                      const char  *username,
                      GError     **error)
{
  gint64 existing = 0;

  if (!anju_user_store_find_username (db, username, &existing, error))
    return FALSE;
  if (existing != 0)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                   /* Translators: %1$s is an account name */
                   _("There is already an account called %1$s"), username);
      return FALSE;
    }
  return TRUE;
}

gboolean
anju_identity_create_admin (AnjuDb      *db,
                            AnjuClock   *clock,
                            GBytes      *audit_key,
                            const char  *username,
                            const char  *password,
                            GError     **error)
{
  AnjuSystemWriter writer = { db, audit_key, anju_clock_now_secs (clock) };
  g_auto(AnjuOrgRef) center = { 0, };
  g_autofree char *hash = NULL;
  AnjuNewUser admin = {
    .username = username,
    .name = _("Administrator"),
    /* The operator chose this password on the command line; it is theirs
     * already, unlike a password an administrator hands out. */
    .must_change_password = FALSE,
  };
  gboolean ok;

  g_return_val_if_fail (ANJU_IS_DB (db), FALSE);
  g_return_val_if_fail (username != NULL && password != NULL, FALSE);

  if (!anju_username_is_valid (username))
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                           anju_username_rule ());
      return FALSE;
    }
  if (!anju_password_policy_check (password, username, error)
      || !check_admin_username (db, username, error)
      || (hash = anju_kdf_hash (password, error)) == NULL
      || !anju_db_begin (db, error))
    return FALSE;

  admin.password_hash = hash;
  ok = _anju_identity_ensure_center (&writer, &center, error)
       && (admin.org_id = center.id) != 0
       && _anju_identity_add_user (&writer, &admin, "center_admin", error) != 0;
  return anju_transaction_end (db, ok, error);
}
