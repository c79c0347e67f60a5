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

/* The unit list's SQL, made from the filters actually given: each given
 * filter adds a constant "AND u.column = ?n" (an index can serve it),
 * a missing one adds nothing, so an index matches the query's shape.
 * The parameters keep their numbers whichever are present (?1 ?2 the
 * scope's path range, ?3 project … ?8 pattern), bound by
 * anju_unit_filters_bind(); no user text ever goes into the SQL.
 *
 * The order is the unit number (房屋编号, unique), which the indexes of
 * resources/sql/0017-list-indexes.sql end with, so a list is read in
 * index order, never sorted. */
typedef enum
{
  ANJU_UNIT_LIST_KEYS,    /* the unit numbers in order (anju-unit-positions.h) */
  ANJU_UNIT_LIST_PAGE,    /* one page: LIMIT ?9 OFFSET ?10 from unit number ?11 on */
  ANJU_UNIT_LIST_ALL,     /* every unit in order, for the export */
} AnjuUnitListSql;

/* (transfer full) the SQL of what for filters. */
char    *anju_unit_list_sql      (const AnjuUnitFilters *filters,
                                  AnjuUnitListSql        what);

/* Reads the query's filters; replies 422 and returns FALSE when one is
 * not a real value. */
gboolean anju_unit_filters_read  (AnjuRequest     *request,
                                  AnjuUnitFilters *filters);
/* Binds the filters given to the parameters of anju_unit_list_sql(). */
void     anju_unit_filters_bind  (sqlite3_stmt    *stmt,
                                  gconstpointer    bind_data);
void     anju_unit_filters_clear (AnjuUnitFilters *filters);
/* Moves filters (left empty) into a new struct that owns everything it
 * points at, for a worker thread (anju-db-worker.h). */
AnjuUnitFilters *anju_unit_filters_take (AnjuUnitFilters *filters);
void     anju_unit_filters_free  (gpointer         filters);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuUnitFilters, anju_unit_filters_clear)

G_END_DECLS
