/* anju-content-demo.c: anju_content_populate_demo(), the portal content
 * of the demo data set (docs/demo.md).
 *
 * The texts follow the New Area's public rental housing (公租房) and
 * affordable rental housing (保障性租赁住房) practice as the seed
 * documents describe it; they are data, in Chinese, not user interface.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-article-store.h"
#include "anju-audit.h"
#include "anju-content.h"
#include "anju-feedback-store.h"
#include "anju-shortcuts.h"
#include "anju-stmt.h"

#define DAY (24 * 60 * 60)

typedef struct
{
  AnjuDb *db;
  GBytes *audit_key;
  gint64  now;
} DemoWriter;

typedef struct
{
  const char         *kind;
  const char         *author;          /* username */
  int                 days_ago;        /* when published; -1: a draft */
  const char         *target;          /* (nullable) organisation name */
  const char         *category;
  const char         *title;
  const char         *summary;
  const char         *body;
  /* Guides only. */
  const char * const *materials;
  int                 time_limit_days;
  const char * const *steps;
} DemoArticle;

static const char * const prh_materials[] = {
  "申请人及共同申请家庭成员身份证",
  "户口簿（非本地户籍提供居住证）",
  "婚姻状况证明（结婚证、离婚证及离婚协议或判决书，未婚的提供承诺书）",
  "家庭成员近12个月收入证明",
  "家庭住房情况证明（不动产登记查询结果）",
  "在湘江新区连续缴纳社会保险证明（非本地户籍）",
  "特殊群体证明材料（低保、残疾、优抚对象等，如有）",
  NULL
};

static const char * const prh_steps[] = {
  "申请人向户籍或工作所在地社区提出申请，填写《公共租赁住房申请表》并提交材料",
  "社区受理并初审，5个工作日内将初审意见报街道",
  "街道审核，并在社区、街道公示7天",
  "住房保障服务中心复核，会同民政、公安、不动产登记等部门联审",
  "审核通过的家庭纳入轮候名册，并在湘江新区门户网站公示",
  "按轮候顺序摇号配租，签订租赁合同后办理入住",
  NULL
};

static const char * const ahr_materials[] = {
  "申请人身份证",
  "户口簿或居住证",
  "婚姻状况证明",
  "劳动合同或营业执照",
  "近6个月社会保险缴纳证明",
  "本人及配偶在湘江新区无自有住房的承诺书",
  NULL
};

static const char * const ahr_steps[] = {
  "通过湘江安居门户或到项目运营单位提交申请",
  "运营单位核验身份、就业和住房情况",
  "资格确认后在线选房",
  "签订租赁合同，合同报住房保障服务中心备案",
  "办理入住手续",
  NULL
};

static const char * const subsidy_materials[] = {
  "申请人及家庭成员身份证、户口簿",
  "婚姻状况证明",
  "家庭成员收入证明",
  "房屋租赁合同及租金缴纳凭证",
  "申请人本人银行卡（用于发放补贴）",
  NULL
};

static const char * const subsidy_steps[] = {
  "向户籍所在地社区提交申请及材料",
  "社区、街道两级审核并公示7天",
  "住房保障服务中心审批并确定补贴标准",
  "按季度将租赁补贴发放至申请人银行账户",
  NULL
};

static const DemoArticle articles[] = {
  { "news", "center", 2, NULL, "工作动态",
    "湘江新区2026年第一批公共租赁住房配租工作顺利完成",
    "第一批386套公共租赁住房通过公开摇号完成配租，中签家庭将于本月内签约入住。",
    "3月28日，湘江新区住房保障服务中心在公证机构全程监督下，组织2026年第一批公共租赁住房"
    "公开摇号配租。本批次房源386套，分布在银盆岭、望月湖、观沙岭等片区，户型以一室一厅和"
    "两室一厅为主。\n\n共有1024户已纳入轮候名册的家庭参加摇号，摇号过程全程网络直播，结果"
    "已在湘江新区门户和各街道、社区公示栏同步公示。中签家庭请于4月15日前携带身份证、户口簿"
    "到住房保障服务中心签订租赁合同。\n\n未中签家庭继续保留轮候资格，参加下一批次配租。",
    NULL, 0, NULL },
  { "news", "center", 5, NULL, "政策动态",
    "湘江新区新筹集保障性租赁住房1200套 重点面向新市民和青年人",
    "新筹集的1200套保障性租赁住房以小户型为主，租金不高于同地段市场租金的90%。",
    "为缓解新市民、青年人阶段性住房困难，湘江新区今年通过新建、改建和盘活存量房屋等方式"
    "新筹集保障性租赁住房1200套，其中麓谷片区680套、梅溪湖片区520套。\n\n房源以建筑面积"
    "70平方米以下的小户型为主，配齐基本家具家电，实现拎包入住。租金按不高于同地段同品质"
    "市场租赁住房租金的90%确定，租赁合同期限一般不超过3年，期满后符合条件的可以续租。\n\n"
    "在新区就业、本人及配偶在新区无自有住房的新市民和青年人均可申请，具体办理流程见"
    "“业务指南”栏目。",
    NULL, 0, NULL },
  { "news", "center", 9, NULL, "工作动态",
    "住房保障服务中心开展“送政策进社区”宣传活动",
    "工作人员走进7个街道的30余个社区，面对面讲解公租房和保障性租赁住房申请政策。",
    "近日，湘江新区住房保障服务中心联合各街道开展“送政策进社区”住房保障政策宣传活动。"
    "工作人员在社区服务站设置咨询台，发放政策明白卡，现场解答群众关于申请条件、所需材料、"
    "审核时限等问题。\n\n活动期间共发放宣传资料3000余份，现场解答咨询460余人次，并对社区"
    "工作人员开展了业务培训，进一步提升基层受理审核水平。",
    NULL, 0, NULL },
  { "notice", "center", 1, NULL, "通知",
    "关于开展2026年度公共租赁住房租赁补贴申请受理工作的通知",
    "4月1日至4月30日集中受理2026年度公共租赁住房租赁补贴申请。",
    "各街道、社区：\n\n根据长沙市公共租赁住房管理有关规定，现就2026年度公共租赁住房租赁补贴"
    "申请受理工作通知如下：\n\n一、受理时间：2026年4月1日至4月30日（法定节假日除外）。\n"
    "二、受理对象：在湘江新区租房居住、家庭人均可支配收入和住房面积符合标准的城镇中低收入"
    "住房困难家庭。\n三、受理地点：申请人户籍所在地社区服务站。\n四、所需材料：见业务指南"
    "“公共租赁住房租赁补贴申请”。\n\n请各街道于5月10日前完成审核并将结果报住房保障服务中心。",
    NULL, 0, NULL },
  { "notice", "center", 4, NULL, "公示",
    "关于2026年第二批公共租赁住房保障对象审核结果的公示",
    "第二批152户申请家庭经三级审核符合保障条件，现予公示，公示期7天。",
    "经社区初审、街道审核、住房保障服务中心复核及部门联审，共有152户申请家庭符合公共租赁"
    "住房保障条件，现将名单予以公示（名单见各社区公示栏）。\n\n公示期：7天。公示期间，任何"
    "单位和个人对公示对象有异议的，可向住房保障服务中心实名反映，反映情况须真实、具体。\n\n"
    "公示期满无异议的，纳入公共租赁住房轮候名册。",
    NULL, 0, NULL },
  { "notice", "center", 3, "银盆岭街道", "通知",
    "关于做好银盆岭街道公租房承租家庭年度资格复核的通知",
    "请银盆岭街道各社区于5月31日前完成辖区公租房承租家庭年度资格复核。",
    "银盆岭街道及所辖各社区：\n\n按照公共租赁住房动态管理要求，请于2026年5月31日前完成辖区"
    "公租房承租家庭年度资格复核，重点核查家庭人口、收入和住房变化情况。\n\n对不再符合保障"
    "条件的家庭，按规定办理退出或调整租金手续。复核结果请通过平台报送住房保障服务中心。",
    NULL, 0, NULL },
  { "notice", "admin", -1, NULL, "通知",
    "关于调整公共租赁住房租金标准的通知（征求意见稿）",
    "拟按市场租金的一定比例动态调整公共租赁住房租金标准，现征求意见。",
    "为建立公共租赁住房租金动态调整机制，住房保障服务中心拟对公共租赁住房租金标准进行调整，"
    "具体方案正在征求各街道和运营单位意见，定稿后另行发布。",
    NULL, 0, NULL },
  { "guide", "center", 30, NULL, "公共租赁住房",
    "公共租赁住房申请",
    "湘江新区城镇中低收入住房困难家庭、新就业无房职工和外来务工人员申请公共租赁住房的办理指南。",
    "申请条件：\n1. 申请人具有完全民事行为能力，家庭成员在湘江新区无自有住房或人均住房建筑面积"
    "低于规定标准；\n2. 家庭人均可支配收入低于上年度新区城镇居民人均可支配收入的规定比例；\n"
    "3. 非本地户籍的，在湘江新区连续缴纳社会保险满6个月。\n\n申请人应对所提交材料的真实性负责，"
    "提供虚假材料的，5年内不得再次申请。",
    prh_materials, 30, prh_steps },
  { "guide", "center", 30, NULL, "保障性租赁住房",
    "保障性租赁住房申请",
    "在湘江新区就业的新市民、青年人申请保障性租赁住房的办理指南。",
    "申请条件：\n1. 在湘江新区稳定就业；\n2. 本人及配偶在湘江新区无自有住房；\n3. 未享受"
    "公共租赁住房实物保障。\n\n保障性租赁住房不设收入线门槛，以小户型为主，租金不高于同地段"
    "同品质市场租赁住房租金的90%。",
    ahr_materials, 15, ahr_steps },
  { "guide", "center", 30, NULL, "公共租赁住房",
    "公共租赁住房租赁补贴申请",
    "在市场租房居住的城镇中低收入住房困难家庭申请租赁补贴的办理指南。",
    "符合公共租赁住房保障条件、自行在市场租房居住的家庭，可以申请租赁补贴。补贴标准按家庭"
    "人口、收入情况和保障面积核定，按季度发放。领取补贴期间家庭情况发生变化的，应在30日内"
    "主动申报。",
    subsidy_materials, 20, subsidy_steps },
};

typedef struct
{
  const char *type;
  const char *author;          /* username */
  const char *title;
  const char *content;
  const char *replier;         /* (nullable) username */
  const char *reply;
} DemoFeedback;

static const DemoFeedback feedback[] = {
  { "function", "street_ypl", "希望待办事项能按办理期限排序",
    "街道每天要处理较多的公租房申请审核，建议待办列表默认按办理期限排序，临近超期的排在前面，"
    "方便我们优先处理。",
    NULL, NULL },
  { "service", "community_ypl", "能否提供申请材料清单的打印版",
    "不少老年申请人不会用手机查看材料清单，社区窗口希望能打印业务指南里的材料清单发给群众。",
    "center",
    "感谢您的建议。业务指南中的材料清单已支持在桌面端直接打印，我们也将向各社区窗口统一配发"
    "纸质版《公租房申请材料明白卡》。" },
};

typedef struct
{
  const char         *username;
  const char * const *pages;
} DemoShortcuts;

static const char * const admin_pages[] = {
  "todo", "messages", "notices", "users", "roles", "audit", NULL
};
static const char * const center_pages[] = {
  "todo", "messages", "news", "notices", "guides", "feedback", NULL
};

static const DemoShortcuts shortcuts[] = {
  { "admin", admin_pages },
  { "center", center_pages },
};

static gboolean
audit_created (const DemoWriter *writer,
               const char       *entity,
               gint64            id,
               JsonNode         *after,
               GError          **error)
{
  static const AnjuAuditActor system_actor = { .actor = ANJU_AUDIT_SYSTEM_ACTOR };
  g_autofree char *action = g_strconcat (entity, ".create", NULL);

  return anju_audit_record_as (writer->db, writer->audit_key, writer->now, &system_actor, action,
                               entity, id, NULL, after, error);
}

/* The first column of sql's one row, with ?1 = key; 0 when none. */
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

static gboolean
lookup_user (AnjuDb     *db,
             const char *username,
             gint64     *out_id,
             gint64     *out_org_id,
             GError    **error)
{
  return lookup_id (db, "SELECT id FROM users WHERE username = ?1", username, out_id, error)
         && lookup_id (db, "SELECT org_id FROM users WHERE username = ?1", username, out_org_id,
                       error);
}

static void
fill_input (AnjuArticleInput  *input,
            const DemoArticle *article)
{
  input->kind = g_strdup (article->kind);
  input->title = g_strdup (article->title);
  input->summary = g_strdup (article->summary);
  input->body = g_strdup (article->body);
  input->category = g_strdup (article->category);
  if (article->materials != NULL)
    {
      input->guide_materials = g_strdupv ((char **) article->materials);
      input->guide_steps = g_strdupv ((char **) article->steps);
      input->guide_time_limit_days = article->time_limit_days;
    }
}

static gboolean
add_article (const DemoWriter  *writer,
             const DemoArticle *article,
             GError           **error)
{
  g_auto(AnjuArticleInput) input = { 0, };
  g_autoptr(JsonNode) after = NULL;
  gint64 at = writer->now - (gint64) MAX (article->days_ago, 0) * DAY;
  gint64 author = 0, org = 0, target = 0, id;

  anju_article_input_init (&input);
  fill_input (&input, article);
  if (!lookup_user (writer->db, article->author, &author, &org, error)
      || (article->target != NULL
          && !lookup_id (writer->db, "SELECT id FROM organisations WHERE name = ?1",
                         article->target, &target, error)))
    return FALSE;
  if (target != 0)
    g_array_append_val (input.target_org_ids, target);

  id = anju_article_store_insert (writer->db, &input, author, org, at, error);
  return id != 0
         && (article->days_ago < 0
             || anju_article_store_set_status (writer->db, id, "published", at, error))
         && (after = anju_article_store_to_json (writer->db, id, TRUE, error)) != NULL
         && audit_created (writer, "article", id, after, error);
}

static gboolean
add_feedback (const DemoWriter   *writer,
              const DemoFeedback *item,
              GError            **error)
{
  g_autoptr(JsonNode) after = NULL;
  gint64 author = 0, org = 0, replier = 0, replier_org = 0, id;

  if (!lookup_user (writer->db, item->author, &author, &org, error)
      || (item->replier != NULL
          && !lookup_user (writer->db, item->replier, &replier, &replier_org, error)))
    return FALSE;

  id = anju_feedback_store_insert (writer->db, item->type, item->title, item->content, author,
                                   org, writer->now - 3 * DAY, error);
  return id != 0
         && (item->reply == NULL
             || anju_feedback_store_reply (writer->db, id, item->reply, replier,
                                           writer->now - DAY, error))
         && (after = anju_feedback_store_to_json (writer->db, id, error)) != NULL
         && audit_created (writer, "feedback", id, after, error);
}

static gboolean
add_shortcuts (const DemoWriter    *writer,
               const DemoShortcuts *item,
               GError             **error)
{
  static const AnjuAuditActor system_actor = { .actor = ANJU_AUDIT_SYSTEM_ACTOR };
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) after = NULL;
  gint64 user = 0, org = 0;

  if (!lookup_user (writer->db, item->username, &user, &org, error)
      || !anju_shortcuts_store_set (writer->db, user, item->pages, error))
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pages");
  json_builder_begin_array (builder);
  for (guint i = 0; item->pages[i] != NULL; i++)
    json_builder_add_string_value (builder, item->pages[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  after = json_builder_get_root (builder);
  return anju_audit_record_as (writer->db, writer->audit_key, writer->now, &system_actor,
                               "shortcuts.update", "shortcuts", user, NULL, after, error);
}

gboolean
anju_content_populate_demo (AnjuDb  *db,
                            GBytes  *audit_key,
                            gint64   now,
                            GError **error)
{
  DemoWriter writer = { db, audit_key, now };

  g_return_val_if_fail (ANJU_IS_DB (db), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    if (!add_article (&writer, &articles[i], error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (feedback); i++)
    if (!add_feedback (&writer, &feedback[i], error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    if (!add_shortcuts (&writer, &shortcuts[i], error))
      return FALSE;
  return TRUE;
}
