/* anju-unit-positions.h: where every page of a long unit list starts.
 *
 * The desktop's virtualised unit list jumps to any position, so the list
 * keeps OFFSET paging; but SQLite can only skip an OFFSET by stepping
 * over every row before it, and counting a list steps over all of it:
 * at city scale (600 000 units) tens of milliseconds for each page.
 *
 * One walk over the list's unit numbers (an index, in order) gives both
 * its total and the unit number at every ANJU_UNIT_POSITIONS_STEP-th
 * position.  A page then starts at the nearest such number before its
 * offset (an index range) and skips fewer than STEP rows.  What a walk
 * found is kept per list in one AnjuUnitPositionsCache that every reader
 * of the server shares, and used for as long as pubrent_units_version
 * (resources/sql/0017-list-indexes.sql, bumped by triggers on every
 * change of what a list filters or orders by) has not changed.
 *
 * One walk per list and version: a reader that needs the positions while
 * another walks the same list at the same version waits for that walk
 * (~70 ms at city size) instead of making its own; before, each worker
 * connection walked every list once, and the first requests of all of
 * them queued behind those walks.
 *
 * The cache is safe to use from any thread (the database worker's).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "anju-db.h"

G_BEGIN_DECLS

#define ANJU_UNIT_POSITIONS_STEP 128

typedef struct _AnjuUnitPositions AnjuUnitPositions;

#define ANJU_TYPE_UNIT_POSITIONS_CACHE (anju_unit_positions_cache_get_type ())
G_DECLARE_FINAL_TYPE (AnjuUnitPositionsCache, anju_unit_positions_cache, ANJU,
                      UNIT_POSITIONS_CACHE, GObject)

AnjuUnitPositionsCache  *anju_unit_positions_cache_new     (void);
/* The positions of the list whose unit numbers keys (prepared on reader
 * and bound) returns in order: kept ones while still true, else those of
 * the walk under way for this list and version, else by stepping keys to
 * its end here.  Inside a read transaction (a database worker job), so
 * that the version read and the walk see the same commit.
 * (transfer full) */
AnjuUnitPositions       *anju_unit_positions_cache_get     (AnjuUnitPositionsCache  *self,
                                                            AnjuDb                  *reader,
                                                            sqlite3_stmt            *keys,
                                                            GError                 **error);
/* How many walks ended since the cache was made (for tests). */
guint                    anju_unit_positions_cache_get_n_walks
                                                           (AnjuUnitPositionsCache  *self);

AnjuUnitPositions       *anju_unit_positions_ref           (AnjuUnitPositions       *self);
void                     anju_unit_positions_unref         (AnjuUnitPositions       *self);
gint64                   anju_unit_positions_get_total     (const AnjuUnitPositions *self);
/* The unit number the page at offset starts from, with *out_skip the rows
 * from it to offset (< STEP); NULL when offset is past the end. */
const char              *anju_unit_positions_find          (const AnjuUnitPositions *self,
                                                            gint64                   offset,
                                                            gint64                  *out_skip);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuUnitPositions, anju_unit_positions_unref)

G_END_DECLS
