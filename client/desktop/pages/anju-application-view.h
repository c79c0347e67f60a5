/* anju-application-view.h: one public rental application, in full
 * (F-PRH application management, applicant info, applicant review,
 * materials; docs/api.md, "Applications" and "Review").
 *
 * The record page of domain "pubrent.application": the to-do list and
 * the messages open it through "win.open-record".  A header with the
 * number, stage and business type; pages for the household and its
 * members (masked or in full, as the server answers), the pre-review
 * report (every check with its data, result and reason), the materials
 * (AnjuApplicationMaterials) and the progress timeline (GET …/timeline:
 * each node's state, owner, time and opinion).  At the bottom the
 * buttons the stage allows (Edit, Submit or Resubmit, Withdraw with a
 * reason after asking, Abandon, Delete a draft) and the workflow action
 * bar of the current step (approve, reject with a reason, return,
 * transfer), which shows only what the process's my_actions allow.
 *
 * Widget actions: view.reload (F5, Ctrl+R), view.edit, view.submit,
 * view.withdraw, view.abandon, view.delete; win.toast (s) for helpers
 * inside.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_APPLICATION_VIEW (anju_application_view_get_type ())
G_DECLARE_FINAL_TYPE (AnjuApplicationView, anju_application_view, ANJU, APPLICATION_VIEW, AdwWindow)

GtkWidget *anju_application_view_new     (AnjuApiClient       *client,
                                          gint64               application_id,
                                          gint64               instance_id);
/* Presents the window of that application over parent, the one already
 * open for it if there is one (then reloaded), and returns it.
 * instance_id: the process instance the caller knows (0: none).  An
 * instance without an application behind it (made before the
 * application store, like the workflow demo's) is shown in the generic
 * instance dialog instead. */
GtkWidget *anju_application_view_present (GtkWindow           *parent,
                                          AnjuApiClient       *client,
                                          gint64               application_id,
                                          gint64               instance_id);
void       anju_application_view_reload  (AnjuApplicationView *self);

G_END_DECLS
