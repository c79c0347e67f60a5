/* anju-workflow-demo.c: anju_workflow_populate_demo(), public rental
 * applications at every step of pubrent.application.review.
 *
 * The applications are played through the engine as the demo accounts
 * would have handled them over the past weeks (docs/demo.md), so their
 * tasks, due dates and history are what real use leaves behind: 李娜
 * (street_ypl) has two applications to review, one of them overdue; 周敏
 * (center) has two; 刘芳 (community_ypl) has one to take in and one to
 * supplement.  The history keeps the business time; the audit rows say
 * that anju-server wrote them, now.
 */
#include "config.h"

#include "anju-stmt.h"
#include "anju-workflow-engine.h"
#include "anju-workflow-private.h"
#include "anju-workflow-template-store.h"

#define SECONDS_PER_DAY (24 * 60 * 60)
#define DEMO_TEMPLATE   "pubrent.application.review"
#define MAX_DEMO_ACTS   3

typedef struct
{
  int         days_ago;
  const char *username;
  const char *action;
  const char *comment;      /* (nullable) */
} DemoAct;

typedef struct
{
  gint64      record_id;
  const char *number;
  const char *applicant;    /* masked, as lists show it */
  const char *community;
  const char *submitter;    /* username */
  gboolean    directed;
  const char *allocation;   /* physical or subsidy */
  int         household_size;
  int         started_days_ago;
  DemoAct     acts[MAX_DEMO_ACTS];
} DemoApplication;

#define INTAKE_OK "材料齐全，予以受理"
#define PUBLICITY_OK "公示期满无异议，同意上报"

static const DemoApplication applications[] = {
  { 1, "GZF-2026-000001", "张*华", "银盆岭社区", "community_ypl", FALSE, "physical", 3, 1, { { 0 } } },
  { 2, "GZF-2026-000002", "李*明", "银盆岭社区", "community_ypl", FALSE, "physical", 2, 5,
    { { 3, "community_ypl", "approve", INTAKE_OK } } },
  /* Street review entered 14 days ago with a 10-day limit: overdue. */
  { 3, "GZF-2026-000003", "王*芳", "银盆岭社区", "community_ypl", FALSE, "subsidy", 4, 16,
    { { 14, "community_ypl", "approve", INTAKE_OK } } },
  { 4, "GZF-2026-000004", "赵*强", "银盆岭社区", "community_ypl", FALSE, "physical", 1, 20,
    { { 18, "community_ypl", "approve", INTAKE_OK },
      { 5, "street_ypl", "approve", PUBLICITY_OK } } },
  /* Directed: street publicity is skipped. */
  { 5, "GZF-2026-000005", "刘*英", "银盆岭社区", "community_ypl", TRUE, "physical", 2, 4,
    { { 2, "community_ypl", "approve", INTAKE_OK } } },
  { 6, "GZF-2026-000006", "孙*丽", "银盆岭社区", "community_ypl", FALSE, "subsidy", 3, 9,
    { { 8, "community_ypl", "approve", INTAKE_OK },
      { 1, "street_ypl", "return", "请补充户口簿复印件和近12个月的收入证明" } } },
  { 7, "GZF-2026-000007", "周*平", "银盆岭社区", "community_ypl", FALSE, "physical", 3, 60,
    { { 58, "community_ypl", "approve", INTAKE_OK },
      { 45, "street_ypl", "approve", PUBLICITY_OK },
      { 30, "center", "approve", "符合公租房保障条件，同意纳入轮候" } } },
  { 8, "GZF-2026-000008", "吴*兰", "银盆岭社区", "community_ypl", FALSE, "subsidy", 2, 50,
    { { 48, "community_ypl", "approve", INTAKE_OK },
      { 35, "street_ypl", "approve", PUBLICITY_OK },
      { 25, "center", "reject", "家庭人均月收入超过公租房保障标准" } } },
  { 9, "GZF-2026-000009", "陈*军", "望月湖第一社区", "street_wyh", FALSE, "physical", 4, 2,
    { { 0 } } },
};

/* A demo account as an actor, looked up by username. */
typedef struct
{
  AnjuAuditActor  actor;
  char           *username;
  char           *org_path;
} DemoActor;

static void
demo_actor_clear (DemoActor *self)
{
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->org_path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DemoActor, demo_actor_clear)

static gboolean
load_actor (AnjuDb      *db,
            const char  *username,
            DemoActor   *out_actor,
            GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT u.id, u.org_id, o.path FROM users u"
                                           " JOIN organisations o ON o.id = u.org_id"
                                           " WHERE u.username = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, username);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, "demo account missing", error))
    return FALSE;
  out_actor->username = g_strdup (username);
  out_actor->org_path = anju_db_column_dup (stmt, 2);
  out_actor->actor = (AnjuAuditActor) {
    .actor_id = sqlite3_column_int64 (stmt, 0),
    .actor = out_actor->username,
    .org_id = sqlite3_column_int64 (stmt, 1),
    .org_path = out_actor->org_path,
  };
  return TRUE;
}

static gboolean
find_org (AnjuDb      *db,
          const char  *name,
          gint64      *out_id,
          GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, "SELECT id FROM organisations WHERE name = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, name);
  return anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, "demo organisation missing", error)
         && (*out_id = sqlite3_column_int64 (stmt, 0)) != 0;
}

/* Version 1, whose steps need no hooks of a domain. */
static AnjuWfTemplate *
load_first_version (AnjuDb  *db,
                    GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT id FROM workflow_templates"
                                           " WHERE code = ?1 AND version = 1",
                                           error);
  gint64 id = 0;

  if (stmt == NULL)
    return NULL;
  anju_db_bind_text (stmt, 1, DEMO_TEMPLATE);
  if (!anju_db_step_id (db, stmt, &id, error))
    return NULL;
  return anju_wf_template_store_load (db, id, error);
}

static JsonObject *
application_fields (const DemoApplication *application)
{
  JsonObject *fields = json_object_new ();

  json_object_set_string_member (fields, "application_no", application->number);
  json_object_set_string_member (fields, "applicant", application->applicant);
  json_object_set_boolean_member (fields, "directed", application->directed);
  json_object_set_string_member (fields, "allocation", application->allocation);
  json_object_set_int_member (fields, "household_size", application->household_size);
  return fields;
}

/* The run of one demo step: business time in the past, audit now. */
static void
init_run (AnjuWfRun            *run,
          const AnjuWfRun      *base,
          const AnjuAuditActor *actor,
          int                   days_ago)
{
  *run = *base;
  run->actor = actor;
  run->now = base->audit_at - (gint64) days_ago * SECONDS_PER_DAY;
}

static gboolean
play_act (const AnjuWfRun  *base,
          gint64            instance_id,
          const DemoAct    *act,
          GError          **error)
{
  g_auto(DemoActor) actor = { 0, };
  g_autoptr(AnjuWfInstance) instance = NULL;
  AnjuWfActRequest request = {
    .action = anju_wf_action_from_name (act->action),
    .comment = act->comment,
  };
  AnjuWfRun run;

  if (!load_actor (base->db, act->username, &actor, error))
    return FALSE;
  instance = anju_wf_instance_load (base->db, instance_id, error);
  if (instance == NULL)
    return FALSE;
  init_run (&run, base, &actor.actor, act->days_ago);
  return anju_wf_engine_act (&run, instance, &request, error);
}

static gboolean
play_application (const AnjuWfRun        *base,
                  const DemoApplication  *application,
                  GError                **error)
{
  g_autoptr(JsonObject) fields = application_fields (application);
  g_autoptr(AnjuWfTemplate) template = NULL;
  g_autoptr(AnjuWfInstance) instance = NULL;
  g_autofree char *label = NULL;
  g_auto(DemoActor) submitter = { 0, };
  AnjuWfRun run;
  gint64 org_id = 0;

  template = load_first_version (base->db, error);
  if (template == NULL
      || !find_org (base->db, application->community, &org_id, error)
      || !load_actor (base->db, application->submitter, &submitter, error))
    return FALSE;

  label = g_strdup_printf ("公租房申请 %s %s", application->number, application->applicant);
  init_run (&run, base, &submitter.actor, application->started_days_ago);
  instance = anju_wf_engine_start (&run, g_steal_pointer (&template), NULL, application->record_id,
                                   label, org_id, fields, error);
  if (instance == NULL)
    return FALSE;

  for (guint i = 0; i < MAX_DEMO_ACTS && application->acts[i].username != NULL; i++)
    if (!play_act (base, instance->id, &application->acts[i], error))
      return FALSE;
  return TRUE;
}

gboolean
anju_workflow_populate_demo (AnjuDb     *db,
                             GBytes     *audit_key,
                             gint64      now,
                             GError    **error)
{
  static const AnjuAuditActor system_actor = { .actor = ANJU_AUDIT_SYSTEM_ACTOR };
  g_autoptr(AnjuWorkflow) workflow = _anju_workflow_new_detached ();
  AnjuWfRun base = {
    .workflow = workflow,
    .db = db,
    .audit_key = audit_key,
    .audit_actor = &system_actor,
    .audit_at = now,
    .now = now,
  };

  g_return_val_if_fail (ANJU_IS_DB (db), FALSE);
  g_return_val_if_fail (!sqlite3_get_autocommit (anju_db_get_handle (db)), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (applications); i++)
    if (!play_application (&base, &applications[i], error))
      return FALSE;
  return TRUE;
}
