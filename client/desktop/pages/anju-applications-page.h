/* anju-applications-page.h: the list of public rental applications
 * (F-PRH application management; docs/api.md, "Applications").
 *
 * A GtkColumnView over GET /api/v1/pubrent/applications (application
 * no., applicant, business type, stage, organisation, submitted), with a
 * search (name, number or full ID number), quick stage filters and a
 * submission date range.  "New Application" (pubrent.application.create)
 * opens the editor; users of an employer also get "Import Employees"
 * (the batch import dialog).  The filtered list exports as XLSX or CSV.
 * Activating a row opens the application's detail window.
 *
 * Widget actions: applications.reload (F5, Ctrl+R), applications.create
 * (Ctrl+N), applications.import, applications.open,
 * applications.export (s: "xlsx" or "csv"), applications.load-more.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_APPLICATIONS_PAGE (anju_applications_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuApplicationsPage, anju_applications_page, ANJU, APPLICATIONS_PAGE, AdwBin)

GtkWidget *anju_applications_page_new    (AnjuApiClient        *client);
void       anju_applications_page_reload (AnjuApplicationsPage *self);

G_END_DECLS
