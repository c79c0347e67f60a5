/* anju-workflow-reason-dialog.h: ask why, before an administrator
 * pauses, resumes or cancels a process instance.
 *
 * The contract wants a reason for each (docs/api.md, "Workflow
 * instances"); it goes into the instance's history.  A message dialog
 * asks for it with one text field; its answer stays disabled until the
 * field holds more than blanks, and Enter in the field answers.  The
 * page and the record are kept alive until the dialog is answered.
 */
#pragma once

#include <gtk/gtk.h>

#include "anju-record.h"

G_BEGIN_DECLS

/* Called only when the user gave the answer; reason is stripped and
 * not empty. */
typedef void (*AnjuWorkflowReasonGiven) (GtkWidget  *page,
                                         AnjuRecord *record,
                                         const char *reason);

/* heading ("Pause “…”?") and body are shown as given; response_label
 * ("_Pause") makes the answer, destructive when it cannot be undone. */
void anju_workflow_reason_ask (GtkWidget               *page,
                               AnjuRecord              *record,
                               const char              *heading,
                               const char              *body,
                               const char              *response_label,
                               gboolean                 destructive,
                               AnjuWorkflowReasonGiven  given);

G_END_DECLS
