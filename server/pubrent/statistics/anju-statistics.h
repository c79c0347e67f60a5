/* anju-statistics.h: GET /api/v1/pubrent/statistics (docs/api.md
 * "Statistics"; F-PRH-001).
 *
 * Counts of the public rental housing business for the desktop's
 * statistics page, computed from the rows on every request:
 * applications by business type, by stage and by month (submitted,
 * confirmed, rejected) over the caller's organisation subtree; units by
 * state and by project, for holders of pubrent.housing.read, over the
 * projects the caller may see (an enterprise only those it operates).
 *
 * Answers are cached per scope and query (anju-statistics-cache.h) until
 * the data they count changes; the counts run in the database worker's
 * QUICK lane, one per scope and query however many ask at once.
 */
#pragma once

#include "anju-server.h"
#include "anju-statistics-cache.h"

G_BEGIN_DECLS

void                 anju_statistics_register  (AnjuServer *server);
/* (transfer none) The server's cache of answers: for tests. */
AnjuStatisticsCache *anju_statistics_get_cache (AnjuServer *server);

G_END_DECLS
