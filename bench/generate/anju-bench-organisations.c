/* anju-bench-organisations.c: the organisation tree and its users.
 *
 * Center → streets (per district) → communities; employers and
 * operating enterprises under the center.  Organisations go in through
 * anju_org_store_insert() (which sets the path), users through
 * anju_user_store_insert() and anju_user_store_set_roles(), each audited
 * as the API audits them (organisation.create, user.create with the
 * same JSON), as anju-server, like init and create-admin.  Roles and
 * their permissions are the migrations' system roles.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-bench-generator-private.h"
#include "anju-bench-names.h"
#include "anju-bench-people.h"
#include "anju-bench-places.h"
#include "anju-stmt.h"
#include "anju-user-json.h"
#include "anju-user-store.h"

const AnjuAuditActor anju_bench_system_actor = { .actor = ANJU_AUDIT_SYSTEM_ACTOR };

static void
bench_user_free (gpointer data)
{
  AnjuBenchUser *user = data;

  g_free (user->username);
  g_free (user->name);
  g_free (user);
}

static AnjuBenchOrg *
add_org (AnjuBenchGen  *gen,
         AnjuBenchOrg  *parent,
         const char    *kind,
         const char    *name,
         const char    *code,
         const char    *description,
         gint64         now,
         GError       **error)
{
  AnjuBenchOrg *org;
  g_autoptr(JsonNode) after = NULL;
  gint64 id;

  id = anju_org_store_insert (gen->db, parent != NULL ? &parent->ref : NULL, kind, name, code,
                              description, now, error);
  if (id == 0)
    return NULL;

  org = g_new0 (AnjuBenchOrg, 1);
  org->parent = parent;
  org->users = g_ptr_array_new_with_free_func (bench_user_free);
  g_ptr_array_add (gen->orgs, org);
  if (parent != NULL)
    {
      org->district = parent->district;
      org->district_code = parent->district_code;
    }
  if (!anju_org_store_load (gen->db, id, &org->ref, error)
      || (after = anju_org_store_to_json (gen->db, id, error)) == NULL
      || !anju_audit_record_as (gen->db, gen->audit_key, now, &anju_bench_system_actor,
                                "organisation.create", "organisation", id, NULL, after, error))
    return NULL;
  return org;
}

static gint64
role_id (AnjuBenchGen  *gen,
         const char    *code,
         GError       **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (gen->db, "SELECT id FROM roles WHERE code = ?1", error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  anju_db_bind_text (stmt, 1, code);
  if (!anju_db_step_id (gen->db, stmt, &id, error))
    return 0;
  if (id == 0)
    g_set_error (error, ANJU_ERROR, ANJU_ERROR_DATABASE,
                 "The migrations have no system role %s", code);
  return id;
}

static const char *
post_of (const char *role)
{
  if (g_str_equal (role, "center_admin"))
    return "系统管理员";
  if (g_str_equal (role, "center_staff"))
    return "住房保障科科员";
  if (g_str_equal (role, "street_staff"))
    return "街道住保专干";
  if (g_str_equal (role, "community_worker"))
    return "社区网格员";
  if (g_str_equal (role, "enterprise_operator"))
    return "运营专员";
  return "人事专员";
}

/* The first center clerk, street reviewer and community worker take the
 * demo's names for them (docs/demo.md: center, street_ypl of 银盆岭街道,
 * community_ypl), which the load scenarios sign in as; every other
 * username is the role, the organisation's number and the user's. */
static char *
username_of (const char *prefix,
             guint       org_number,
             guint       user_number)
{
  if (org_number == 1 && user_number == 1)
    {
      if (g_str_equal (prefix, "center"))
        return g_strdup ("center");
      if (g_str_equal (prefix, "street"))
        return g_strdup ("street_ypl");
      if (g_str_equal (prefix, "community"))
        return g_strdup ("community_ypl");
    }
  return g_strdup_printf ("%s_%03u_%02u", prefix, org_number, user_number);
}

/* A user of org with role, audited as the users API does. */
static gboolean
add_user (AnjuBenchGen     *gen,
          AnjuBenchRandom  *random,
          AnjuBenchOrg     *org,
          const char       *role,
          const char       *prefix,
          guint             org_number,
          guint             user_number,
          gint64            now,
          GError          **error)
{
  g_auto(AnjuBenchPerson) person = { 0, };
  g_autoptr(GArray) roles = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JsonNode) after = NULL;
  AnjuBenchUser *user = g_new0 (AnjuBenchUser, 1);
  AnjuNewUser new_user;
  gint64 id_of_role = role_id (gen, role, error);

  g_ptr_array_add (org->users, user);
  if (id_of_role == 0)
    return FALSE;
  anju_bench_person_init (&person, random, anju_bench_birth_region (random),
                          anju_bench_random_percent (random, 55),
                          (int) anju_bench_random_range (random, 23, 58), gen->today);
  user->username = username_of (prefix, org_number, user_number);
  user->name = g_strdup (person.name);
  new_user = (AnjuNewUser) {
    .username = user->username,
    .name = person.name,
    .phone = person.phone,
    .post = post_of (role),
    .org_id = org->ref.id,
    .password_hash = gen->password_hash,
    .must_change_password = FALSE,
  };
  user->id = anju_user_store_insert (gen->db, &new_user, now, error);
  if (user->id == 0)
    return FALSE;
  user->actor = (AnjuAuditActor) {
    .actor_id = user->id,
    .actor = user->username,
    .org_id = org->ref.id,
    .org_path = org->ref.path,
  };
  g_array_append_val (roles, id_of_role);
  return anju_user_store_set_roles (gen->db, user->id, roles, error)
         && (after = anju_user_json_new (gen->db, user->id, now, FALSE, error)) != NULL
         && anju_audit_record_as (gen->db, gen->audit_key, now, &anju_bench_system_actor,
                                  "user.create", "user", user->id, NULL, after, error);
}

static gboolean
add_users (AnjuBenchGen     *gen,
           AnjuBenchRandom  *random,
           AnjuBenchOrg     *org,
           const char       *role,
           const char       *prefix,
           guint             org_number,
           guint             count,
           gint64            now,
           GError          **error)
{
  for (guint i = 1; i <= count; i++)
    if (!add_user (gen, random, org, role, prefix, org_number, i, now + i * 60, error))
      return FALSE;
  return TRUE;
}

/* The first months of the five years: the platform being set up. */
static gint64
setup_time (AnjuBenchGen    *gen,
            AnjuBenchRandom *random)
{
  return gen->start + anju_bench_random_range (random, 0, 90 * ANJU_BENCH_DAY);
}

static gboolean
make_streets (AnjuBenchGen     *gen,
              AnjuBenchRandom  *random,
              GError          **error)
{
  guint n_districts;
  const AnjuBenchDistrict *districts = anju_bench_districts (&n_districts);
  guint street_number = 0;
  guint community_number = 0;

  for (guint d = 0; d < gen->size->districts && d < n_districts; d++)
    for (guint s = 0; s < gen->size->streets_per_district; s++)
      {
        g_autofree char *toponym = anju_bench_toponym (street_number);
        g_autofree char *name = g_strconcat (toponym, "街道", NULL);
        g_autofree char *code = g_strdup_printf ("%s%03u", districts[d].code, s + 1);
        g_autofree char *description = g_strconcat (districts[d].name, toponym, "街道办事处",
                                                    NULL);
        AnjuBenchOrg *street;

        street = add_org (gen, gen->center, "street", name, code, description,
                          setup_time (gen, random), error);
        if (street == NULL)
          return FALSE;
        /* Its communities inherit it in add_org(). */
        street->district = districts[d].name;
        street->district_code = districts[d].code;
        g_ptr_array_add (gen->streets, street);
        street_number++;

        for (guint c = 0; c < gen->size->communities_per_street; c++)
          {
            /* Community names only need to differ within their street;
             * a running number keeps them apart city-wide too. */
            g_autofree char *place = anju_bench_toponym (community_number);
            g_autofree char *community_name = g_strconcat (place, "社区", NULL);
            g_autofree char *community_code = g_strdup_printf ("%s%03u", code, c + 1);
            AnjuBenchOrg *community;

            community = add_org (gen, street, "community", community_name, community_code, NULL,
                                 setup_time (gen, random), error);
            if (community == NULL)
              return FALSE;
            g_ptr_array_add (gen->communities, community);
            community_number++;
          }
      }
  return TRUE;
}

static const char * const company_words[] = {
  "湘江", "麓山", "星城", "岳麓", "梅溪", "洋湖", "芙蓉", "湘府", "望城", "浏河", "宁乡",
  "长株潭", "中南", "潇湘", "天心", "开福", "雨花", "橘洲", "金霞", "高新",
};

static const char * const employer_trades[] = {
  "智造科技", "电子", "生物医药", "软件", "物流", "新材料", "机械", "食品", "建设",
  "环保科技", "信息技术", "汽车部件",
};

static gboolean
make_enterprises (AnjuBenchGen     *gen,
                  AnjuBenchRandom  *random,
                  GError          **error)
{
  for (guint i = 0; i < gen->size->operators; i++)
    {
      g_autofree char *place = i < G_N_ELEMENTS (company_words) ? g_strdup ("")
                                                                : anju_bench_toponym (i);
      g_autofree char *name = g_strdup_printf ("%s%s保障房运营有限公司",
                                               company_words[i % G_N_ELEMENTS (company_words)],
                                               place);
      AnjuBenchOrg *org = add_org (gen, gen->center, "enterprise_operating", name, NULL, NULL,
                                   setup_time (gen, random), error);

      if (org == NULL)
        return FALSE;
      g_ptr_array_add (gen->operators, org);
    }
  for (guint i = 0; i < gen->size->employers; i++)
    {
      g_autofree char *place = anju_bench_toponym (i);
      g_autofree char *name = g_strdup_printf ("湖南%s%s有限公司", place,
                                               employer_trades[i % G_N_ELEMENTS (employer_trades)]);
      AnjuBenchOrg *org = add_org (gen, gen->center, "employer", name, NULL, NULL,
                                   setup_time (gen, random), error);

      if (org == NULL)
        return FALSE;
      g_ptr_array_add (gen->employers, org);
    }
  return TRUE;
}

/* The users of size->users: a few at the center, more per street, two
 * or three per enterprise, the rest spread over the communities. */
static gboolean
make_users (AnjuBenchGen     *gen,
            AnjuBenchRandom  *random,
            GError          **error)
{
  guint total = gen->size->users;
  guint center = MAX (3, total * 2 / 100);
  guint per_street = MAX (2, total * 5 / 100 / MAX (1, gen->streets->len));
  guint per_employer = 2;
  guint per_operator = 3;
  guint used = center + per_street * gen->streets->len
               + per_employer * gen->employers->len + per_operator * gen->operators->len;
  guint rest = total > used ? total - used : gen->communities->len;
  gint64 now = gen->start + 30 * ANJU_BENCH_DAY;

  if (!add_users (gen, random, gen->center, "center_admin", "center_admin", 1, 2, now, error)
      || !add_users (gen, random, gen->center, "center_staff", "center", 1, center - 2, now,
                     error))
    return FALSE;
  for (guint i = 0; i < gen->streets->len; i++)
    if (!add_users (gen, random, g_ptr_array_index (gen->streets, i), "street_staff", "street",
                    i + 1, per_street, setup_time (gen, random) + 30 * ANJU_BENCH_DAY, error))
      return FALSE;
  for (guint i = 0; i < gen->communities->len; i++)
    {
      /* Spread the rest evenly: the first communities take one more. */
      guint count = rest / gen->communities->len + (i < rest % gen->communities->len ? 1 : 0);

      if (!add_users (gen, random, g_ptr_array_index (gen->communities, i), "community_worker",
                      "community", i + 1, MAX (1, count),
                      setup_time (gen, random) + 30 * ANJU_BENCH_DAY, error))
        return FALSE;
    }
  for (guint i = 0; i < gen->operators->len; i++)
    if (!add_users (gen, random, g_ptr_array_index (gen->operators, i), "enterprise_operator",
                    "operator", i + 1, per_operator,
                    setup_time (gen, random) + 30 * ANJU_BENCH_DAY, error))
      return FALSE;
  for (guint i = 0; i < gen->employers->len; i++)
    if (!add_users (gen, random, g_ptr_array_index (gen->employers, i), "enterprise_employer",
                    "employer", i + 1, per_employer,
                    setup_time (gen, random) + 30 * ANJU_BENCH_DAY, error))
      return FALSE;
  return TRUE;
}

gboolean
anju_bench_make_organisations (AnjuBenchGen  *gen,
                               GError       **error)
{
  AnjuBenchRandom random;

  anju_bench_random_init (&random, gen->seed, ANJU_BENCH_STREAM_ORGS);
  if (!anju_bench_batch_begin (gen, "organisations", error))
    return FALSE;

  gen->center = add_org (gen, NULL, "center", "湘江新区住房保障服务中心", "XJXQ-ZBZX",
                         "长沙市住房保障服务中心（基准测试数据）", gen->start, error);
  if (gen->center != NULL)
    {
      guint n_districts;
      const AnjuBenchDistrict *districts = anju_bench_districts (&n_districts);

      /* Employers and enterprises take the center's: the pilot's district. */
      gen->center->district = districts[0].name;
      gen->center->district_code = districts[0].code;
    }
  if (gen->center == NULL
      || !make_streets (gen, &random, error)
      || !make_enterprises (gen, &random, error))
    return FALSE;

  anju_bench_random_init (&random, gen->seed, ANJU_BENCH_STREAM_USERS);
  return make_users (gen, &random, error)
         && anju_bench_batch_end (gen, gen->orgs->len, error);
}

AnjuBenchUser *
anju_bench_org_pick_user (AnjuBenchOrg    *org,
                          AnjuBenchRandom *random)
{
  g_return_val_if_fail (org->users->len > 0, NULL);

  return g_ptr_array_index (org->users, anju_bench_random_below (random, org->users->len));
}
