/* anju-pubrent-statistics-page.h: public rental housing statistics
 * (公租房统计, F-PRH-001).
 *
 * Charts of GET /api/v1/pubrent/statistics over the user's scope:
 * applications by business type and by stage (bars), the last twelve
 * months' submitted / confirmed / rejected applications (lines), and —
 * for users who may read the housing stock — units by state (bars) and by
 * project (stacked bars).  A refresh button loads them again.
 *
 * Created by AnjuWindow by GType with the construct-only property
 * "client" (AnjuApiClient).
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_PUBRENT_STATISTICS_PAGE (anju_pubrent_statistics_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuPubrentStatisticsPage, anju_pubrent_statistics_page, ANJU,
                      PUBRENT_STATISTICS_PAGE, AdwBin)

GtkWidget *anju_pubrent_statistics_page_new    (AnjuApiClient             *client);
void       anju_pubrent_statistics_page_reload (AnjuPubrentStatisticsPage *self);
/* The charts, in the order shown (for tests): an array of AnjuChart. */
GPtrArray *anju_pubrent_statistics_page_get_charts (AnjuPubrentStatisticsPage *self);

G_END_DECLS
