/* anju-housing-units.h: the filters of the unit list, which the export
 * shares so it writes exactly the units the list shows.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anju-housing-store.h"
#include "anju-request.h"

G_BEGIN_DECLS

typedef struct
{
  const char *scope;
  gint64      project_id;
  gint64      building_id;
  const char *state;
  int         abnormal;      /* -1: either */
  const char *layout;
  char       *pattern;       /* ?q= as a LIKE pattern */
  /* What scope, state and layout point at once the filters own them
   * (anju_unit_filters_take). */
  char       *scope_copy;
  char       *state_copy;
  char       *layout_copy;
} AnjuUnitFilters;

/* ?1 scope … ?7 pattern, bound by anju_unit_filters_bind(). */
#define ANJU_UNIT_LIST_WHERE \
  " WHERE " ANJU_HOUSING_IN_SCOPE ("?1") \
  " AND (?2 IS NULL OR u.project_id = ?2)" \
  " AND (?3 IS NULL OR u.building_id = ?3)" \
  " AND (?4 IS NULL OR u.state = ?4)" \
  " AND (?5 IS NULL OR u.abnormal = ?5)" \
  " AND (?6 IS NULL OR u.layout = ?6)" \
  " AND (?7 IS NULL OR u.unit_no LIKE ?7 ESCAPE '\\' OR u.room_no LIKE ?7 ESCAPE '\\')"
#define ANJU_UNIT_LIST_ORDER "p.project_no, b.name, u.unit_no, u.id"

/* Reads the query's filters; replies 422 and returns FALSE when one is
 * not a real value. */
gboolean anju_unit_filters_read  (AnjuRequest     *request,
                                  AnjuUnitFilters *filters);
void     anju_unit_filters_bind  (sqlite3_stmt    *stmt,
                                  gconstpointer    bind_data);
void     anju_unit_filters_clear (AnjuUnitFilters *filters);
/* Moves filters (left empty) into a new struct that owns everything it
 * points at, for a worker thread (anju-db-worker.h). */
AnjuUnitFilters *anju_unit_filters_take (AnjuUnitFilters *filters);
void     anju_unit_filters_free  (gpointer         filters);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuUnitFilters, anju_unit_filters_clear)

G_END_DECLS
