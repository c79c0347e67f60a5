/* anju-review-hooks.c: the hooks pubrent.application.review version 2
 * names (resources/sql/0012-pubrent-review.sql).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-review-private.h"

/* Hooks get no audit key: the engine's own rows audit the action, so the
 * hooks write the application's before/after row and audit through the
 * key the module was registered with. */
typedef struct
{
  GBytes *audit_key;   /* (owned) */
} HookData;

static void
hook_data_free (gpointer data)
{
  HookData *hook_data = data;

  g_bytes_unref (hook_data->audit_key);
  g_free (hook_data);
}

static const char *
status_of_step (const char *step_key)
{
  if (g_str_equal (step_key, "street_review"))
    return "street_review";
  if (g_str_equal (step_key, "street_publicity"))
    return "street_publicity";
  return "center_review";
}

static gboolean
stage_cb (const AnjuWorkflowHookContext  *context,
          gpointer                        user_data,
          GError                        **error)
{
  HookData *data = user_data;
  g_auto(AnjuReviewApp) app = { 0, };
  const char *status = status_of_step (context->step_key);

  if (!_anju_review_app_load (context->db, context->record_id, &app, error))
    return FALSE;
  if (g_strcmp0 (app.status, status) != 0
      && !_anju_review_set_status (context->db, data->audit_key, context->actor, &app, status,
                                   "stage", context->now, error))
    return FALSE;
  if (g_str_equal (context->step_key, "street_publicity"))
    return _anju_review_open_publicity (context->db, "street", &app, context->instance_id,
                                        context->now, NULL, error);
  return TRUE;
}

/* The engine lets every step's assignee approve; street publicity ends by
 * the clock, so only anju-server (the sweep) may. */
static gboolean
publicity_over_cb (const AnjuWorkflowHookContext  *context,
                   gpointer                        user_data,
                   GError                        **error)
{
  if (context->actor->actor_id == 0)
    return TRUE;
  g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                       _("Street publicity ends when its period is over without objection; "
                         "it can only be rejected by hand"));
  return FALSE;
}

static gboolean
decided_cb (const AnjuWorkflowHookContext  *context,
            gpointer                        user_data,
            GError                        **error)
{
  HookData *data = user_data;
  g_auto(AnjuReviewApp) app = { 0, };
  const char *outcome = context->outcome;

  if (!_anju_review_app_load (context->db, context->record_id, &app, error))
    return FALSE;

  if (g_str_equal (outcome, "completed"))
    return _anju_review_set_status (context->db, data->audit_key, context->actor, &app,
                                    "announcement", "decide", context->now, error)
           && _anju_review_open_publicity (context->db, "announcement", &app,
                                           context->instance_id, context->now, NULL, error);

  /* Rejected, withdrawn or cancelled: the application is decided and its
   * files are kept as they are; a publicity still open ends with it. */
  if (g_str_equal (outcome, "rejected"))
    return _anju_review_close_open (context->db, app.id, 0, context->now, error)
           && _anju_review_set_status (context->db, data->audit_key, context->actor, &app,
                                       "rejected", "reject", context->now, error)
           && _anju_review_archive_files (context->db, app.id, error);
  if (g_str_equal (app.status, "withdrawn"))
    return TRUE;   /* withdrawn through POST …/withdraw, which did the rest */
  return _anju_review_close_open (context->db, app.id, -1, context->now, error)
         && _anju_review_set_status (context->db, data->audit_key, context->actor, &app,
                                     g_str_equal (outcome, "withdrawn") ? "withdrawn" : "closed",
                                     g_str_equal (outcome, "withdrawn") ? "withdraw" : "close",
                                     context->now, error)
         && _anju_review_archive_files (context->db, app.id, error);
}

void
anju_review_register_hooks (AnjuWorkflow *workflow,
                            GBytes       *audit_key)
{
  HookData *stage = g_new0 (HookData, 1);
  HookData *decided = g_new0 (HookData, 1);

  stage->audit_key = g_bytes_ref (audit_key);
  decided->audit_key = g_bytes_ref (audit_key);
  anju_workflow_register_hook (workflow, "pubrent.application.stage", ANJU_WORKFLOW_HOOK_STEP,
                               _("Sets the public rental application's stage; entering street "
                                 "publicity opens the street publicity"),
                               stage_cb, stage, hook_data_free);
  anju_workflow_register_hook (workflow, "pubrent.application.publicity_over",
                               ANJU_WORKFLOW_HOOK_STEP,
                               _("Lets only the server end street publicity, once its period "
                                 "is over without objection"),
                               publicity_over_cb, NULL, NULL);
  anju_workflow_register_hook (workflow, "pubrent.application.decided",
                               ANJU_WORKFLOW_HOOK_PROCESS,
                               _("Decides the public rental application: approved ones go to the "
                                 "New Area announcement, others are rejected, withdrawn or closed"),
                               decided_cb, decided, hook_data_free);
}
