/* anju-demo.c: anju_identity_populate_demo(), the demo organisation tree
 * and one account per system role (docs/demo.md lists them). */
#include "config.h"

#include "anju-applications.h"
#include "anju-content.h"
#include "anju-enterprises.h"
#include "anju-housing.h"
#include "anju-identity-private.h"
#include "anju-identity.h"
#include "anju-kdf.h"
#include "anju-kiosk.h"
#include "anju-stmt.h"
#include "anju-terminals.h"
#include "anju-transaction.h"
#include "anju-uscc.h"
#include "anju-workflow.h"

/* Keep in step with docs/demo.md and tests/support (ANJU_TEST_DEMO_PASSWORD). */
#define DEMO_PASSWORD "Anju@2026"

typedef struct
{
  const char *name;
  const char *address;
} DemoStreet;

/* The seven sub-district offices that host a housing-service terminal
 * (shared/spec/hardware-list.md §2), addresses as the seed spells them. */
static const DemoStreet streets[] = {
  { "银盆岭街道", "长沙市岳麓区银盆岭街道银盆南路292号" },
  { "望月湖街道", "长沙市岳麓区白沙液街110号" },
  { "观沙岭街道", "长沙市岳麓区银杉路255号" },
  { "橘子洲街道", "长沙市岳麓区桔子洲街道阜埠河路118号" },
  { "望城坡街道", "长沙市岳麓区西二环线一段1568号" },
  { "岳麓街道", "长沙市岳麓区麓山南路999号" },
  { "咸嘉湖街道", "长沙市岳麓区望月路32号" },
};

typedef struct
{
  const char *street;
  const char *name;
} DemoCommunity;

static const DemoCommunity communities[] = {
  { "银盆岭街道", "银盆岭社区" },
  { "银盆岭街道", "桐梓坡社区" },
  { "银盆岭街道", "云麓园社区" },
  { "望月湖街道", "望月湖第一社区" },
  { "望月湖街道", "望月湖第二社区" },
};

typedef struct
{
  const char *kind;
  const char *name;
  const char *uscc_first17;     /* the check character is computed */
  const char *description;
} DemoEnterprise;

static const DemoEnterprise enterprises[] = {
  { "enterprise_operating", "湘江新区安居运营有限公司", "91430104MA4PJ8KX2",
    "保障性租赁住房运营企业，长沙市岳麓区麓谷大道658号" },
  { "enterprise_property", "湘江新区安居物业管理有限公司", "91430104MA4QB3TN7",
    "保障房小区物业服务企业，长沙市岳麓区桐梓坡西路229号" },
  { "employer", "湖南湘江智造科技有限公司", "91430104MA4TK2HP5",
    "新区重点企业，为本单位职工申请定向公租房，长沙市岳麓区麓景路18号" },
  { "supplier", "长沙麓智家居服务有限公司", "91430104MA4RD6WG1",
    "家具家电租赁与维修供应商，长沙市岳麓区岳麓大道1168号" },
};

typedef struct
{
  const char *username;
  const char *name;
  const char *phone;
  const char *post;
  const char *organisation;     /* looked up by name among the demo orgs */
  const char *role_code;
} DemoUser;

static const DemoUser users[] = {
  { "admin", "管理员", "13807310001", "系统管理员", ANJU_CENTER_NAME, "center_admin" },
  { "center", "周敏", "13807310002", "保障科科员", ANJU_CENTER_NAME, "center_staff" },
  { "street_ypl", "李娜", "13974810003", "住房保障专干", "银盆岭街道", "street_staff" },
  { "street_wyh", "王强", "13974810004", "住房保障专干", "望月湖街道", "street_staff" },
  { "community_ypl", "刘芳", "15874310005", "社区网格员", "银盆岭社区", "community_worker" },
  { "enterprise", "陈刚", "18673110006", "运营专员", "湘江新区安居运营有限公司",
    "enterprise_operator" },
  { "employer", "孙伟", "18975110009", "人事专员", "湖南湘江智造科技有限公司",
    "enterprise_employer" },
  { "supplier", "赵磊", "17708410007", "客服主管", "长沙麓智家居服务有限公司", "supplier" },
  { "terminal01", "银盆岭街道服务终端01", "19907310008", "自助服务终端", "银盆岭街道",
    "terminal" },
};

/* The demo's organisations by name, as they are made. */
typedef struct
{
  const AnjuSystemWriter *writer;
  GHashTable             *orgs;    /* name → AnjuOrgRef */
} DemoBuild;

static void
org_ref_free (gpointer data)
{
  AnjuOrgRef *ref = data;

  anju_org_ref_clear (ref);
  g_free (ref);
}

static gboolean
remember_org (DemoBuild  *build,
              gint64      id,
              GError    **error)
{
  AnjuOrgRef *ref = g_new0 (AnjuOrgRef, 1);

  if (id == 0 || !anju_org_store_load (build->writer->db, id, ref, error))
    {
      org_ref_free (ref);
      return FALSE;
    }
  g_hash_table_insert (build->orgs, ref->name, ref);
  return TRUE;
}

static gboolean
add_streets_and_communities (DemoBuild         *build,
                             const AnjuOrgRef  *center,
                             GError           **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (streets); i++)
    {
      gint64 id = _anju_identity_add_org (build->writer, center, "street", streets[i].name,
                                          NULL, streets[i].address, error);

      if (!remember_org (build, id, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (communities); i++)
    {
      const AnjuOrgRef *street = g_hash_table_lookup (build->orgs, communities[i].street);
      gint64 id = _anju_identity_add_org (build->writer, street, "community",
                                          communities[i].name, NULL, NULL, error);

      if (!remember_org (build, id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_enterprises (DemoBuild         *build,
                 const AnjuOrgRef  *center,
                 GError           **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (enterprises); i++)
    {
      const DemoEnterprise *e = &enterprises[i];
      g_autofree char *uscc = g_strdup_printf ("%s%c", e->uscc_first17,
                                               anju_uscc_check_char (e->uscc_first17));
      gint64 id = _anju_identity_add_org (build->writer, center, e->kind, e->name, uscc,
                                          e->description, error);

      if (!remember_org (build, id, error))
        return FALSE;
    }
  return TRUE;
}

/* An account that already exists (admin from an earlier create-admin)
 * is left as it is. */
static gboolean
add_users (DemoBuild   *build,
           const char  *password_hash,
           GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      const DemoUser *u = &users[i];
      const AnjuOrgRef *org = g_hash_table_lookup (build->orgs, u->organisation);
      AnjuNewUser user = {
        .username = u->username,
        .name = u->name,
        .phone = u->phone,
        .post = u->post,
        .org_id = org->id,
        .password_hash = password_hash,
        .must_change_password = FALSE,
      };
      gint64 existing = 0;

      if (!anju_user_store_find_username (build->writer->db, u->username, &existing, error))
        return FALSE;
      if (existing == 0 && _anju_identity_add_user (build->writer, &user, u->role_code, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
center_has_streets (AnjuDb    *db,
                    gboolean  *out_has,
                    GError   **error)
{
  g_auto(AnjuStmt) stmt = NULL;

  stmt = anju_db_prepare (db, "SELECT COUNT(*) FROM organisations WHERE kind = 'street'", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  *out_has = sqlite3_column_int64 (stmt, 0) > 0;
  return TRUE;
}

static gboolean
build_demo (DemoBuild   *build,
            const char  *password_hash,
            GError     **error)
{
  AnjuOrgRef *center = g_new0 (AnjuOrgRef, 1);

  if (!_anju_identity_ensure_center (build->writer, center, error))
    {
      org_ref_free (center);
      return FALSE;
    }
  g_hash_table_insert (build->orgs, center->name, center);

  return add_streets_and_communities (build, center, error)
         && add_enterprises (build, center, error)
         && add_users (build, password_hash, error)
         && anju_content_populate_demo (build->writer->db, build->writer->audit_key,
                                        build->writer->now, error)
         && anju_housing_populate_demo (build->writer->db, build->writer->audit_key,
                                        build->writer->now, error);
}

gboolean
anju_identity_populate_demo (AnjuDb     *db,
                             AnjuClock  *clock,
                             GBytes     *audit_key,
                             GError    **error)
{
  AnjuSystemWriter writer = { db, audit_key, anju_clock_now_secs (clock) };
  g_autoptr(GHashTable) orgs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                      org_ref_free);
  DemoBuild build = { &writer, orgs };
  g_autofree char *hash = NULL;
  gboolean has_streets = FALSE;
  gboolean ok;

  g_return_val_if_fail (ANJU_IS_DB (db), FALSE);

  if (!center_has_streets (db, &has_streets, error))
    return FALSE;
  if (has_streets)
    return TRUE;

  /* Every demo account has the same password, so one hash (one salt)
   * serves them all: hashing eight times would cost each test that starts
   * a demo server a second of CPU for nothing. */
  hash = anju_kdf_hash (DEMO_PASSWORD, error);
  if (hash == NULL || !anju_db_begin (db, error))
    return FALSE;
  ok = build_demo (&build, hash, error);
  ok = ok && anju_workflow_populate_demo (db, audit_key, writer.now, error);
  ok = ok && anju_applications_populate_demo (db, audit_key, writer.now, error);
  ok = ok && anju_enterprises_populate_demo (db, audit_key, writer.now, error);
  ok = ok && anju_terminals_populate_demo (db, audit_key, writer.now, error);
  ok = ok && anju_kiosk_populate_demo (db, audit_key, writer.now, error);
  return anju_transaction_end (db, ok, error);
}
