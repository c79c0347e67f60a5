/* anju-workflow-rules.h: who may take which action on an instance, now.
 *
 * The one place that decides, so that the actions endpoint and
 * my_actions can never disagree (docs/api.md, the actions table):
 * approve, reject, return and transfer belong to the assignee of the
 * current step, resubmit and withdraw to the submitter.  Someone else is
 * forbidden (403); the right person in the wrong state, or at a step that
 * does not allow the action, is refused with a reason (409).
 */
#pragma once

#include "anju-db.h"
#include "anju-workflow-instance.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean is_assignee;   /* may act on the current step's task */
  gboolean is_submitter;
} AnjuWfRelation;

typedef enum
{
  ANJU_WF_ALLOWED,
  ANJU_WF_FORBIDDEN,      /* 403 */
  ANJU_WF_REFUSED,        /* 409 with the reason */
} AnjuWfVerdict;

/* How the user (0: nobody) at user_org_path stands to the instance. */
gboolean      anju_wf_relation_load    (AnjuDb               *db,
                                        gint64                user_id,
                                        const char           *user_org_path,
                                        const AnjuWfInstance *instance,
                                        AnjuWfRelation       *out_relation,
                                        GError              **error);
/* *out_reason (translated, static) says why when not allowed. */
AnjuWfVerdict anju_wf_judge            (const AnjuWfInstance *instance,
                                        const AnjuWfRelation *relation,
                                        AnjuWfAction          action,
                                        const char          **out_reason);
/* Why an administrator may not "pause", "resume" or "cancel" the
 * instance now (409), or NULL when they may. */
const char   *anju_wf_admin_refusal    (const AnjuWfInstance *instance,
                                        const char           *operation);
/* The AnjuWfAction set judged allowed. */
guint         anju_wf_allowed_actions  (const AnjuWfInstance *instance,
                                        const AnjuWfRelation *relation);

G_END_DECLS
