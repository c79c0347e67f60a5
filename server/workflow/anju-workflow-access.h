/* anju-workflow-access.h: who may read an instance, and so the files
 * attached to its history.
 *
 * The managers of the instance's organisation (workflow.instance.manage in
 * scope), its submitter and whoever holds or held one of its tasks may
 * read an instance (docs/api.md, Workflow instances).  The same rule
 * decides GET /workflow/instances/{id} and, through the file-access
 * registry of server/content, GET /files/{id} of an action's attachment.
 */
#pragma once

#include "anju-caller.h"
#include "anju-db.h"
#include "anju-server.h"
#include "anju-workflow-instance.h"

G_BEGIN_DECLS

gboolean anju_wf_may_read_instance        (AnjuDb               *db,
                                           const AnjuCaller     *caller,
                                           const AnjuWfInstance *instance,
                                           gboolean             *out_may_read,
                                           GError              **error);
/* Lets readers of an instance read the files attached to its history. */
void     anju_wf_register_file_reader     (AnjuServer           *server);

G_END_DECLS
