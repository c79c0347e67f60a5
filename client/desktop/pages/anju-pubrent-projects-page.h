/* anju-pubrent-projects-page.h: the public rental housing projects (公租房
 * 项目, F-PRH-011; docs/api.md "Housing stock").
 *
 * A list of projects (number, name, operating enterprise, status, units,
 * vacant units) narrowed by a search and a status; beside it the chosen
 * project's details and buildings.  Holders of pubrent.housing.write
 * create, edit and delete projects (after a confirmation; the server
 * refuses while units are occupied, and the page says why) and add,
 * rename and delete buildings.  "Show units" opens the units page
 * narrowed to the project.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_PUBRENT_PROJECTS_PAGE (anju_pubrent_projects_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuPubrentProjectsPage, anju_pubrent_projects_page, ANJU, PUBRENT_PROJECTS_PAGE, AdwBin)

GtkWidget *anju_pubrent_projects_page_new    (AnjuApiClient           *client);
void       anju_pubrent_projects_page_reload (AnjuPubrentProjectsPage *self);

G_END_DECLS
