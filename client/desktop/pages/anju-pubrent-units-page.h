/* anju-pubrent-units-page.h: the public rental housing units (房源信息
 *管理, F-PRH-012; docs/api.md "Housing stock").
 *
 * A list of units that stays virtualised however many there are (a
 * GtkColumnView over an AnjuPagedModel: only the visible rows have
 * widgets, pages load as the user scrolls), narrowed by project,
 * building, state, layout, "abnormal only" and a search.  Holders of
 * pubrent.housing.write create and edit units, mark them abnormal and
 * clear the mark, and import units from a spreadsheet; every reader sees
 * a unit's change log and exports what the filters show.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

/* docs/permissions.md: who sees the housing pages, who changes them. */
#define ANJU_PUBRENT_HOUSING_READ  "pubrent.housing.read"
#define ANJU_PUBRENT_HOUSING_WRITE "pubrent.housing.write"

#define ANJU_TYPE_PUBRENT_UNITS_PAGE (anju_pubrent_units_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuPubrentUnitsPage, anju_pubrent_units_page, ANJU, PUBRENT_UNITS_PAGE, AdwBin)

GtkWidget *anju_pubrent_units_page_new          (AnjuApiClient        *client);
void       anju_pubrent_units_page_reload       (AnjuPubrentUnitsPage *self);
/* Narrows the list to one project's units (the projects page's "Show
 * units"); other filters are cleared. */
void       anju_pubrent_units_page_show_project (AnjuPubrentUnitsPage *self,
                                                 gint64                project_id);

G_END_DECLS
