/* anju-workflow-json.h: the Instance, Task, History and File objects of
 * docs/api.md ("Workflow instances").
 *
 * overdue is derived, never stored: an open task whose due date has
 * passed on the server's clock; while the instance is paused its clock
 * stands still at the pause.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"
#include "anju-workflow-rules.h"

G_BEGIN_DECLS

/* relation (nullable) gives my_actions (empty without it); details adds
 * tasks and history. */
JsonNode *anju_wf_instance_to_json (AnjuDb               *db,
                                    const AnjuWfInstance *instance,
                                    gint64                now,
                                    const AnjuWfRelation *relation,
                                    gboolean              details,
                                    GError              **error);

G_END_DECLS
