/* anju-kiosk-demo.c: anju_kiosk_populate_demo(), what the service
 * terminals show in the demo data set (docs/demo.md): publicity (公示信息)
 * and policy (政策宣传) articles with display periods around today, some
 * for 银盆岭街道 only, and the honor roll (光荣榜).
 *
 * The texts are data, in Chinese, not user interface.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-article-store.h"
#include "anju-audit.h"
#include "anju-honor-roll-store.h"
#include "anju-kiosk.h"
#include "anju-stmt.h"
#include "anju-time.h"

#define DAY (24 * 60 * 60)

typedef struct
{
  AnjuDb *db;
  GBytes *audit_key;
  gint64  now;
} DemoWriter;

typedef struct
{
  const char *kind;
  const char *target;        /* (nullable) organisation name */
  int         from_days;     /* display_from relative to today */
  int         until_days;    /* display_until relative to today */
  const char *category;
  const char *title;
  const char *summary;
  const char *body;
} DemoArticle;

static const DemoArticle articles[] = {
  { "publicity", "银盆岭街道", -3, 4, "资格审核公示",
    "银盆岭街道2026年第四批公共租赁住房申请家庭资格审核结果公示",
    "银盆岭街道对第四批12户公租房申请家庭的审核结果予以公示，公示期7天。",
    "根据《湖南湘江新区公共租赁住房管理办法》，银盆岭街道对2026年第四批提出申请的12户家庭"
    "进行了资格审核，现将审核结果予以公示。公示期间，如对公示对象有异议，可通过来电、来信或"
    "来访方式向银盆岭街道住房保障办公室反映（地址：银盆南路292号，电话：0731-88123456）。"
    "反映情况应实事求是，提倡署真实姓名。" },
  { "publicity", "银盆岭街道", -1, 6, "入户调查公示",
    "银盆岭街道公租房申请家庭入户调查情况公示",
    "桐梓坡、云麓园社区8户申请家庭入户调查已完成，结果公示至下周。",
    "银盆岭街道会同桐梓坡社区、云麓园社区对8户公租房申请家庭的住房、收入情况进行了入户调查，"
    "调查结果与申报情况一致。现予公示，接受社会监督。" },
  { "publicity", NULL, -5, 2, "配租结果公示",
    "湘江新区2026年第三季度公共租赁住房配租结果公示",
    "第三季度共有86户保障家庭通过摇号完成配租，名单及房源信息公示7天。",
    "湘江新区住房保障服务中心于2026年11月组织第三季度公租房摇号配租，共有86户家庭完成选房。"
    "现将配租结果（申请人姓名已作隐私处理）及对应房源予以公示。如有异议，请在公示期内向住房"
    "保障服务中心书面反映。" },
  { "policy", NULL, -30, 60, "政策解读",
    "一图读懂：湘江新区公共租赁住房申请条件",
    "户籍、收入、住房三项条件，一张图讲清楚谁可以申请公租房。",
    "申请公共租赁住房应同时满足：1. 申请人具有长沙市户籍满3年，或在新区稳定就业并连续缴纳"
    "社会保险满1年；2. 家庭人均年收入不超过6万元；3. 家庭在新区范围内无自有住房，或人均住房"
    "建筑面积低于15平方米。低保、低收入、残疾及优抚对象家庭优先保障。" },
  { "policy", NULL, -10, 80, "补贴政策",
    "公租房租赁补贴发放标准调整的通知",
    "自2027年1月起，租赁补贴标准按家庭人口分档上调。",
    "为进一步减轻保障家庭住房负担，经研究，自2027年1月1日起调整公共租赁住房租赁补贴标准："
    "1人户每月400元，2人户每月600元，3人及以上户每月800元。已纳入补贴名册的家庭无需重新"
    "申请，由住房保障服务中心统一调整发放。" },
  { "policy", "银盆岭街道", -2, 28, "便民服务",
    "银盆岭街道住房保障自助服务终端使用指南",
    "刷身份证即可查询办件进度、打印资格确认单。",
    "银盆岭街道政务服务大厅已设置住房保障自助服务终端。居民可在终端上了解公示信息和保障政策，"
    "刷身份证查询公租房申请进度，打印资格确认单和公示材料。使用中如需帮助，请联系大厅工作人员。" },
};

typedef struct
{
  const char *category;
  int         rank;
  const char *name;
  const char *subtitle;
  const char *community;
  const char *rating;
  const char *description;
} DemoHonor;

static const DemoHonor honors[] = {
  { "enterprise", 1, "湘江新区安居运营有限公司", "公租房运营管理", NULL, "AAA",
    "年度租户满意度98.6%，报修平均24小时内办结" },
  { "enterprise", 2, "长沙麓谷物业服务有限公司", "物业服务", NULL, "AAA",
    "保障性住房小区零安全事故，获评市级示范小区" },
  { "enterprise", 3, "湖南湘江城市运营集团有限公司", "保障房运营", NULL, "AA",
    "新增保障性租赁住房1200套，按期交付" },
  { "enterprise", 4, "长沙岳麓城建物业管理有限公司", "物业服务", NULL, "AA",
    "推行“物业+社区”网格化服务" },
  { "enterprise", 5, "湖南安家置业服务有限公司", "租赁服务", NULL, "A",
    "租金收缴率99%，投诉处理及时" },
  { "supplier", 1, "长沙麓智家居服务有限公司", "家具家电配置", NULL, "4.9分",
    "为3个保障房项目提供拎包入住配置" },
  { "supplier", 2, "湖南绿源环保科技有限公司", "环境保洁", NULL, "4.8分",
    "垃圾分类示范服务商" },
  { "supplier", 3, "长沙恒安消防工程有限公司", "消防维保", NULL, "4.8分",
    "全年消防设施巡检合格率100%" },
  { "supplier", 4, "湖南易修到家服务有限公司", "维修服务", NULL, "4.7分",
    "报修响应快，回访满意率高" },
  { "supplier", 5, "长沙智联安防科技有限公司", "智能门禁", NULL, "4.6分",
    "完成12个小区人脸识别门禁改造" },
  { "staff", 1, "陈晓红", "管家", "银盆岭公租房小区", "4.9分",
    "熟悉每一户住户，帮助独居老人办理各类业务" },
  { "staff", 2, "李建国", "维修工", "望月湖保障房小区", "4.9分",
    "全年完成维修工单680余件" },
  { "staff", 3, "王丽", "网格员", "桐梓坡社区", "4.8分",
    "上门帮助20余户困难家庭完成公租房申请" },
  { "staff", 4, "刘志强", "保安队长", "云麓园公租房小区", "4.8分",
    "夜间巡查发现并排除火灾隐患3起" },
  { "staff", 5, "张敏", "客服专员", "湘江新区住房保障服务中心", "4.7分",
    "接听咨询电话3000余个，耐心细致" },
};

static gboolean
lookup_id (AnjuDb     *db,
           const char *sql,
           const char *key,
           gint64     *out_id,
           GError    **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, key);
  return anju_db_step_id (db, stmt, out_id, error);
}

/* The Shanghai date days from now: "2026-11-29". */
static char *
date_from_now (gint64 now,
               int    days)
{
  g_autofree char *iso = anju_time_format_iso8601 (now + (gint64) days * DAY);

  return g_strndup (iso, 10);
}

static gboolean
audit_created (const DemoWriter *writer,
               const char       *entity,
               const char       *action,
               gint64            id,
               JsonNode         *after,
               GError          **error)
{
  static const AnjuAuditActor system_actor = { .actor = ANJU_AUDIT_SYSTEM_ACTOR };

  return anju_audit_record_as (writer->db, writer->audit_key, writer->now, &system_actor, action,
                               entity, id, NULL, after, error);
}

/* Written and published by the demo's center administrator. */
static gboolean
add_article (const DemoWriter  *writer,
             const DemoArticle *article,
             GError           **error)
{
  g_auto(AnjuArticleInput) input = { 0, };
  g_autoptr(JsonNode) after = NULL;
  gint64 author = 0, org = 0, target = 0, id;

  anju_article_input_init (&input);
  input.kind = g_strdup (article->kind);
  input.title = g_strdup (article->title);
  input.summary = g_strdup (article->summary);
  input.body = g_strdup (article->body);
  input.category = g_strdup (article->category);
  input.display_from = date_from_now (writer->now, article->from_days);
  input.display_until = date_from_now (writer->now, article->until_days);
  if (!lookup_id (writer->db, "SELECT id FROM users WHERE username = ?1", "admin", &author, error)
      || !lookup_id (writer->db, "SELECT org_id FROM users WHERE username = ?1", "admin", &org,
                     error)
      || (article->target != NULL
          && !lookup_id (writer->db, "SELECT id FROM organisations WHERE name = ?1",
                         article->target, &target, error)))
    return FALSE;
  if (target != 0)
    g_array_append_val (input.target_org_ids, target);

  id = anju_article_store_insert (writer->db, &input, author, org, writer->now, error);
  return id != 0
         && anju_article_store_set_status (writer->db, id, "published", writer->now, error)
         && (after = anju_article_store_to_json (writer->db, id, TRUE, error)) != NULL
         && audit_created (writer, "article", "article.create", id, after, error);
}

static gboolean
add_honor (const DemoWriter *writer,
           const DemoHonor  *honor,
           GError          **error)
{
  AnjuHonorEntry entry = {
    .category = (char *) honor->category,
    .rank = honor->rank,
    .name = (char *) honor->name,
    .subtitle = (char *) honor->subtitle,
    .community = (char *) honor->community,
    .rating = (char *) honor->rating,
    .description = (char *) honor->description,
  };
  g_autoptr(JsonNode) after = NULL;
  gint64 id = anju_honor_store_insert (writer->db, &entry, writer->now, error);

  return id != 0
         && (after = anju_honor_store_to_json (writer->db, id, error)) != NULL
         && audit_created (writer, "terminal.honor", "terminal.honor.create", id, after, error);
}

gboolean
anju_kiosk_populate_demo (AnjuDb  *db,
                          GBytes  *audit_key,
                          gint64   now,
                          GError **error)
{
  DemoWriter writer = { db, audit_key, now };

  g_return_val_if_fail (ANJU_IS_DB (db), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    if (!add_article (&writer, &articles[i], error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (honors); i++)
    if (!add_honor (&writer, &honors[i], error))
      return FALSE;
  return TRUE;
}
