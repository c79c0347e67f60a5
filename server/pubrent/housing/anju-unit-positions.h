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
 * found is kept per reader connection (anju-db-worker.h: one thread at
 * a time) and list, and used for as long as pubrent_units_version
 * (resources/sql/0017-list-indexes.sql, bumped by triggers on every
 * change of a unit) has not changed.
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

/* The positions of the list whose unit numbers keys (prepared on reader
 * and bound) returns in order: from reader's cache while still true,
 * else by stepping keys to its end.  (transfer none) valid until the
 * next call on reader. */
const AnjuUnitPositions *anju_unit_positions_get       (AnjuDb        *reader,
                                                        sqlite3_stmt  *keys,
                                                        GError       **error);
gint64                   anju_unit_positions_get_total (const AnjuUnitPositions *self);
/* The unit number the page at offset starts from, with *out_skip the rows
 * from it to offset (< STEP); NULL when offset is past the end. */
const char              *anju_unit_positions_find      (const AnjuUnitPositions *self,
                                                        gint64                   offset,
                                                        gint64                  *out_skip);

G_END_DECLS
