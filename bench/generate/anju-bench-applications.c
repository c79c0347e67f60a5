/* anju-bench-applications.c: public rental applications in every status,
 * played through the server's own code.
 *
 * Each application is entered (anju_application_store_insert(), the
 * "create" change and audit rows), and — as far as its planned status
 * needs — submitted (the real pre-review, anju_prereview_run(), and
 * anju_application_store_submitted()), then taken through the review
 * process by the workflow engine (anju_wf_engine_start() and
 * anju_wf_engine_act() with the review module's hooks registered on an
 * offline engine), which writes the instance, its tasks, history,
 * publicity rows, status changes and audit rows exactly as requests do.
 * What the server does by its clock (the end of street publicity and of
 * the announcement, anju-review-sweep.c) is done here with the sweep's
 * SQL and calls at the moment the sweep would have run.  The one thing
 * left out is the confirmation form's PDF (and its document row), which
 * is the document renderer's cost, not the store's.
 *
 * Business time runs forward per application from a start placed so
 * that its last step lands where its status makes sense at the base
 * time: processes still open finish their last step in the weeks
 * before it (an open publicity started less than its period ago), the
 * others anywhere in the five years.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-application-json.h"
#include "anju-application-store.h"
#include "anju-applications.h"
#include "anju-bench-generator-private.h"
#include "anju-bench-households.h"
#include "anju-prereview.h"
#include "anju-review-private.h"
#include "anju-review.h"
#include "anju-stmt.h"
#include "anju-workflow-engine.h"
#include "anju-workflow-template-store.h"

/* Every status of pubrent_applications' CHECK, with its share. */
static const char * const statuses[] = {
  "draft", "prereview_failed", "street_review", "street_publicity", "center_review",
  "returned", "rejected", "announcement", "confirmed", "withdrawn", "closed",
};
static const guint status_weights[] = { 6, 5, 6, 3, 8, 3, 10, 2, 44, 5, 8 };

static const char * const business_types[] = {
  "open_physical", "open_subsidy", "directed_physical", "directed_subsidy",
};
static const guint business_type_weights[] = { 45, 30, 15, 10 };

typedef enum
{
  EV_SUBMIT,
  EV_STREET_APPROVE,
  EV_PUBLICITY_END,
  EV_CENTER_APPROVE,
  EV_RETURN,
  EV_REJECT,
  EV_WITHDRAW,
  EV_ANNOUNCEMENT_END,
  EV_ABANDON,
} Event;

#define MAX_EVENTS 10

typedef struct
{
  Event   events[MAX_EVENTS];
  gint64  gaps[MAX_EVENTS];   /* seconds after the event before */
  guint   n_events;
} Plan;

typedef struct
{
  AnjuBenchGen   *gen;
  AnjuWorkflow   *workflow;          /* offline, with the review's hooks */
  gint64          template_id;       /* current pubrent.application.review */
  gint64          publicity_seconds; /* street publicity period */
  gint64          announcement_seconds;
} Applications;

/* The state one application is in while it is played. */
typedef struct
{
  Applications    *apps;
  AnjuBenchRandom *random;
  gint64           id;
  gint64           instance_id;
  gboolean         directed;
  AnjuBenchOrg    *org;
  AnjuBenchUser   *clerk;           /* entered and submitted it */
  const char      *step;            /* the step the process is at */
  gint64           now;
} App;

static const AnjuAuditActor server_actor = { .actor = ANJU_AUDIT_SYSTEM_ACTOR };

static void
plan_add (Plan   *plan,
          Event   event,
          gint64  gap)
{
  g_assert (plan->n_events < MAX_EVENTS);
  plan->events[plan->n_events] = event;
  plan->gaps[plan->n_events] = gap;
  plan->n_events++;
}

static gint64
days (AnjuBenchRandom *random,
      int              low,
      int              high)
{
  /* Office hours jitter: any second of the days drawn. */
  return anju_bench_random_range (random, low, high) * ANJU_BENCH_DAY
         + anju_bench_random_range (random, 0, ANJU_BENCH_DAY - 1);
}

/* The steps before the one where a process ends: how far it got. */
static void
plan_reach (Plan            *plan,
            Applications    *apps,
            AnjuBenchRandom *random,
            gboolean         directed,
            guint            center_approvals)
{
  if (!directed)
    {
      plan_add (plan, EV_STREET_APPROVE, days (random, 1, 9));
      /* The sweep runs within a minute of the period's end. */
      plan_add (plan, EV_PUBLICITY_END,
                apps->publicity_seconds + anju_bench_random_range (random, 1, 60));
    }
  for (guint i = 0; i < center_approvals; i++)
    plan_add (plan, EV_CENTER_APPROVE, days (random, 1, 9));
}

static void
plan_for (Plan            *plan,
          Applications    *apps,
          AnjuBenchRandom *random,
          const char      *status,
          gboolean         directed)
{
  *plan = (Plan) { .n_events = 0 };
  if (g_str_equal (status, "draft"))
    return;
  plan_add (plan, EV_SUBMIT, days (random, 0, 10));
  if (g_str_equal (status, "prereview_failed"))
    return;
  if (g_str_equal (status, "closed"))
    plan_add (plan, EV_ABANDON, days (random, 3, 30));
  else if (g_str_equal (status, "street_publicity"))
    plan_add (plan, EV_STREET_APPROVE, days (random, 1, 9));
  else if (g_str_equal (status, "center_review"))
    plan_reach (plan, apps, random, directed, (guint) anju_bench_random_range (random, 0, 2));
  else if (g_str_equal (status, "returned"))
    {
      /* Returned by the street, or by the center's first review. */
      if (directed || anju_bench_random_percent (random, 40))
        plan_reach (plan, apps, random, directed, 0);
      plan_add (plan, EV_RETURN, days (random, 1, 9));
    }
  else if (g_str_equal (status, "rejected") || g_str_equal (status, "withdrawn"))
    {
      guint reached = (guint) anju_bench_random_range (random, directed ? 1 : 0, 3);

      if (reached > 0)
        plan_reach (plan, apps, random, directed, reached - 1);
      plan_add (plan, g_str_equal (status, "rejected") ? EV_REJECT : EV_WITHDRAW,
                days (random, 1, 9));
    }
  else if (g_str_equal (status, "announcement") || g_str_equal (status, "confirmed"))
    {
      plan_reach (plan, apps, random, directed, 3);
      if (g_str_equal (status, "confirmed"))
        plan_add (plan, EV_ANNOUNCEMENT_END,
                  apps->announcement_seconds + anju_bench_random_range (random, 1, 60));
    }
}

/* Statuses whose process is still open at the base time end recently. */
static gboolean
ends_open (const char *status)
{
  static const char * const open[] = {
    "street_review", "street_publicity", "center_review", "returned", "announcement", NULL,
  };

  return g_strv_contains (open, status);
}

static gint64
place_start (AnjuBenchGen    *gen,
             AnjuBenchRandom *random,
             const char      *status,
             const Plan      *plan)
{
  gint64 total = 0;
  gint64 earliest = gen->start + 150 * ANJU_BENCH_DAY;

  for (guint i = 0; i < plan->n_events; i++)
    total += plan->gaps[i];
  if (g_str_equal (status, "street_publicity") || g_str_equal (status, "announcement"))
    /* Its publicity started less than its period ago: still open. */
    return ANJU_BENCH_BASE_TIME - total - anju_bench_random_range (random, 3600, 6 * ANJU_BENCH_DAY);
  if (ends_open (status))
    return ANJU_BENCH_BASE_TIME - total - anju_bench_random_range (random, 3600, 20 * ANJU_BENCH_DAY);
  return anju_bench_random_range (random, earliest,
                                  MAX (earliest, ANJU_BENCH_BASE_TIME - total - 3600));
}

/* ---- the writes ------------------------------------------------------ */

/* anju_application_record_change() of the write module: the change row
 * and the audit row with masked before/after records. */
static gboolean
record_change (App                   *app,
               const AnjuAuditActor  *actor,
               const char            *action,
               JsonObject            *before,
               GError               **error)
{
  AnjuDb *db = app->apps->gen->db;
  g_autoptr(JsonObject) after = anju_application_store_load_record (db, app->id, error);
  g_autoptr(JsonNode) before_node = before != NULL ? anju_application_audit_node (before) : NULL;
  g_autoptr(JsonNode) after_node = NULL;
  g_autofree char *audit_action = g_strconcat ("pubrent.application.", action, NULL);

  if (after == NULL)
    return FALSE;
  after_node = anju_application_audit_node (after);
  return anju_application_store_log_change (db, app->id, actor->actor_id, action, before_node,
                                            after_node, app->now, error)
         && anju_audit_record_as (db, app->apps->gen->audit_key, app->now, actor, audit_action,
                                  ANJU_APPLICATION_DOMAIN, app->id, before_node, after_node,
                                  error);
}

static gboolean
create (App         *app,
        JsonObject  *record,
        GError     **error)
{
  app->id = anju_application_store_insert (app->apps->gen->db, record, app->org->ref.id,
                                           app->clerk->id, app->now, error);
  return app->id != 0 && record_change (app, &app->clerk->actor, "create", NULL, error);
}

static void
init_run (App                  *app,
          AnjuWfRun            *run,
          const AnjuAuditActor *actor)
{
  *run = (AnjuWfRun) {
    .workflow = app->apps->workflow,
    .db = app->apps->gen->db,
    .audit_key = app->apps->gen->audit_key,
    .now = app->now,
    .actor = actor,
  };
}

/* anju_applications_submit() without the whole-record rewrite (the
 * record is valid as generated): pre-review, status, process, change. */
static gboolean
submit (App       *app,
        gboolean  *out_passed,
        GError   **error)
{
  AnjuDb *db = app->apps->gen->db;
  g_autoptr(JsonObject) before = anju_application_store_load_record (db, app->id, error);
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(AnjuWfTemplate) template = NULL;
  g_autoptr(AnjuWfInstance) instance = NULL;
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *label = NULL;
  g_auto(AnjuWfRun) run = { 0, };
  const char *business_type;
  gboolean passed = FALSE;

  if (before == NULL || !anju_prereview_run (db, app->id, app->now, &report, &passed, error))
    return FALSE;
  if (!anju_application_store_submitted (db, app->id,
                                         !passed ? "prereview_failed"
                                         : app->directed ? "center_review" : "street_review",
                                         report, app->clerk->id, app->now, error))
    return FALSE;
  *out_passed = passed;
  if (!passed)
    return record_change (app, &app->clerk->actor, "submit", before, error);

  business_type = json_object_get_string_member (before, "business_type");
  fields = json_object_new ();
  json_object_set_boolean_member (fields, "directed", app->directed);
  json_object_set_string_member (fields, "business_type", business_type);
  label = anju_application_label (json_object_get_string_member (before, "application_no"),
                                  json_object_get_string_member (before, "applicant_name"));
  template = anju_wf_template_store_load (db, app->apps->template_id, error);
  if (template == NULL)
    return FALSE;
  init_run (app, &run, &app->clerk->actor);
  instance = anju_wf_engine_start (&run, g_steal_pointer (&template), NULL, app->id, label,
                                   app->org->ref.id, fields, error);
  if (instance == NULL)
    return FALSE;
  app->instance_id = instance->id;
  app->step = app->directed ? "center_first" : "street_review";
  return record_change (app, &app->clerk->actor, "submit", before, error);
}

static gboolean
act (App                   *app,
     const AnjuAuditActor  *actor,
     AnjuWfAction           action,
     const char            *comment,
     GError               **error)
{
  g_autoptr(AnjuWfInstance) instance = anju_wf_instance_load (app->apps->gen->db,
                                                              app->instance_id, error);
  AnjuWfActRequest request = { .action = action, .comment = comment };
  g_auto(AnjuWfRun) run = { 0, };

  if (instance == NULL)
    return FALSE;
  init_run (app, &run, actor);
  return anju_wf_engine_act (&run, instance, &request, error);
}

/* Who holds the task of the current step. */
static const AnjuAuditActor *
reviewer (App *app)
{
  AnjuBenchGen *gen = app->apps->gen;
  AnjuBenchOrg *org = g_str_has_prefix (app->step, "street") && app->org->parent != NULL
                      ? app->org->parent : gen->center;

  return &anju_bench_org_pick_user (org, app->random)->actor;
}

static const char *
approve_opinion (const char *step)
{
  if (g_str_equal (step, "street_review"))
    return "材料齐全，经入户调查情况属实，同意公示";
  if (g_str_equal (step, "center_first"))
    return "符合公租房保障条件，同意提交复审";
  if (g_str_equal (step, "center_second"))
    return "复审通过，同意提交决定";
  return "符合公租房保障条件，同意纳入轮候";
}

static const char *
next_center_step (const char *step)
{
  if (g_str_equal (step, "center_first"))
    return "center_second";
  if (g_str_equal (step, "center_second"))
    return "center_decision";
  return "done";
}

static gboolean
close_open_publicity (App      *app,
                      GError  **error)
{
  /* The sweep's close_publicity(), found by application. */
  AnjuDb *db = app->apps->gen->db;
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE pubrent_publicity SET passed = 1,"
                                           " closed_at = ?2"
                                           " WHERE application_id = ?1 AND closed_at IS NULL",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, app->id);
  sqlite3_bind_int64 (stmt, 2, app->now);
  return anju_db_step_done (db, stmt, error);
}

/* The review's status change with its change and audit rows. */
static gboolean
set_status (App         *app,
            const char  *status,
            const char  *action,
            GError     **error)
{
  g_auto(AnjuReviewApp) review_app = { 0, };

  return _anju_review_app_load (app->apps->gen->db, app->id, &review_app, error)
         && _anju_review_set_status (app->apps->gen->db, app->apps->gen->audit_key, &server_actor,
                                     &review_app, status, action, app->now, error);
}

static gboolean
abandon (App      *app,
         GError  **error)
{
  AnjuDb *db = app->apps->gen->db;
  g_autoptr(JsonObject) before = anju_application_store_load_record (db, app->id, error);

  return before != NULL
         && anju_application_store_close (db, app->id, "申请人放弃申请", app->now, error)
         && anju_applications_archive_files (db, app->id, error)
         && record_change (app, &app->clerk->actor, "abandon", before, error);
}

static gboolean
play_event (App      *app,
            Event     event,
            GError  **error)
{
  gboolean passed = TRUE;

  switch (event)
    {
    case EV_SUBMIT:
      /* A household drawn to pass always does: no change of plan. */
      return submit (app, &passed, error);
    case EV_STREET_APPROVE:
      if (!act (app, reviewer (app), ANJU_WF_APPROVE, approve_opinion (app->step), error))
        return FALSE;
      app->step = "street_publicity";
      return TRUE;
    case EV_PUBLICITY_END:
      /* end_street() of the sweep, as anju-server. */
      if (!close_open_publicity (app, error)
          || !act (app, &server_actor, ANJU_WF_APPROVE,
                   "No objection when the publicity period ended", error))
        return FALSE;
      app->step = "center_first";
      return TRUE;
    case EV_CENTER_APPROVE:
      if (!act (app, reviewer (app), ANJU_WF_APPROVE, approve_opinion (app->step), error))
        return FALSE;
      app->step = next_center_step (app->step);
      return TRUE;
    case EV_RETURN:
      /* The engine runs no hook on return: the review's event listener
       * sets the status, as anju-server. */
      return act (app, reviewer (app), ANJU_WF_RETURN,
                  "请补充户口簿复印件和近12个月的收入证明", error)
             && set_status (app, "returned", "return", error);
    case EV_REJECT:
      return act (app, reviewer (app), ANJU_WF_REJECT,
                  anju_bench_random_percent (app->random, 50)
                  ? "家庭人均年收入超过公租房保障标准"
                  : "经核查申请人在本市有自有住房，不符合保障条件", error);
    case EV_WITHDRAW:
      return act (app, &app->clerk->actor, ANJU_WF_WITHDRAW, "申请人自愿撤回申请", error);
    case EV_ANNOUNCEMENT_END:
      /* end_announcement() of the sweep, without the PDF. */
      return close_open_publicity (app, error)
             && set_status (app, "confirmed", "confirm", error)
             && anju_applications_archive_files (app->apps->gen->db, app->id, error);
    case EV_ABANDON:
      return abandon (app, error);
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/* ---- one application ------------------------------------------------- */

static const char *
draw_status (AnjuBenchRandom *random,
             guint            index)
{
  /* The first ones go through every status once, so even the tiny size
   * has them all. */
  if (index < G_N_ELEMENTS (statuses))
    return statuses[index];
  return statuses[anju_bench_random_weighted (random, status_weights,
                                              G_N_ELEMENTS (status_weights))];
}

static const char *
draw_business_type (AnjuBenchRandom *random,
                    const char      *status,
                    guint            index)
{
  /* Directed applications skip the street: never in its statuses. */
  if (g_str_has_prefix (status, "street_"))
    return anju_bench_random_percent (random, 60) ? "open_physical" : "open_subsidy";
  /* One directed one early, for the tiny size. */
  if (index == G_N_ELEMENTS (statuses))
    return "directed_physical";
  return business_types[anju_bench_random_weighted (random, business_type_weights,
                                                    G_N_ELEMENTS (business_type_weights))];
}

static gboolean
make_application (Applications  *apps,
                  guint          index,
                  GError       **error)
{
  AnjuBenchGen *gen = apps->gen;
  AnjuBenchRandom random;
  App app = { .apps = apps, .random = &random };
  g_autoptr(JsonObject) record = NULL;
  const char *status;
  const char *business_type;
  Plan plan;

  anju_bench_random_init (&random, gen->seed, ANJU_BENCH_STREAM_APPLICATIONS + index);
  status = draw_status (&random, index);
  business_type = draw_business_type (&random, status, index);
  app.directed = g_str_has_prefix (business_type, "directed");
  app.org = app.directed
            ? g_ptr_array_index (gen->employers, anju_bench_random_below (&random, gen->employers->len))
            : g_ptr_array_index (gen->communities,
                                 anju_bench_random_below (&random, gen->communities->len));
  app.clerk = anju_bench_org_pick_user (app.org, &random);

  plan_for (&plan, apps, &random, status, app.directed);
  app.now = place_start (gen, &random, status, &plan);
  record = anju_bench_household_new (gen, &random, app.org, business_type,
                                     !g_str_equal (status, "prereview_failed")
                                     && !g_str_equal (status, "closed"),
                                     app.now);
  if (!create (&app, record, error))
    return FALSE;
  for (guint i = 0; i < plan.n_events; i++)
    {
      app.now += plan.gaps[i];
      if (!play_event (&app, plan.events[i], error))
        {
          g_prefix_error (error, "application %u (%s, event %u): ", index, status, i);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- the phase ------------------------------------------------------- */

static gboolean
read_setting (AnjuDb      *db,
              const char  *key,
              gint64      *out_days,
              GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, "SELECT value FROM pubrent_settings WHERE key = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, key);
  return anju_db_step_id (db, stmt, out_days, error);
}

static gboolean
load_template_id (AnjuDb   *db,
                  gint64   *out_id,
                  GError  **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT id FROM workflow_templates"
                                           " WHERE code = ?1 AND is_current = 1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, ANJU_APPLICATION_TEMPLATE);
  return anju_db_step_id (db, stmt, out_id, error);
}

gboolean
anju_bench_make_applications (AnjuBenchGen  *gen,
                              GError       **error)
{
  g_autoptr(AnjuWorkflow) workflow = anju_workflow_new_offline (gen->db, gen->audit_key,
                                                                ANJU_BENCH_BASE_TIME);
  Applications apps = { .gen = gen, .workflow = workflow };
  gint64 publicity_days = 0;
  gint64 announcement_days = 0;

  anju_review_register_hooks (workflow, gen->audit_key);
  if (!load_template_id (gen->db, &apps.template_id, error)
      || !read_setting (gen->db, "street_publicity_days", &publicity_days, error)
      || !read_setting (gen->db, "announcement_days", &announcement_days, error))
    return FALSE;
  apps.publicity_seconds = publicity_days * ANJU_BENCH_DAY;
  apps.announcement_seconds = announcement_days * ANJU_BENCH_DAY;

  if (!anju_bench_batch_begin (gen, "applications", error))
    return FALSE;
  for (guint i = 0; i < gen->size->applications; i++)
    if (!make_application (&apps, i, error)
        || !anju_bench_batch_step (gen, i + 1, gen->size->applications, error))
      return FALSE;
  return anju_bench_batch_end (gen, gen->size->applications, error);
}
