/* anju-statistics-queries.h: the counts behind the statistics answer.
 *
 * Each adds members of the answer to builder.  scope_path is the caller's
 * organisation path: an application counts when its organisation's path
 * starts with it.  Every count is a sum over the summary tables that the
 * writes keep up to date (migration 0022): none reads the applications or
 * the units themselves (tests/server/test-statistics.c checks the plans
 * and that the summaries equal a recount).
 *
 * Run them inside one read transaction with
 * anju_statistics_read_generation(), so that the generation names
 * exactly the data they counted.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"

G_BEGIN_DECLS

/* The data's generation (pubrent_statistics_generation): raised by the
 * transaction of every change to what these functions count. */
gboolean anju_statistics_read_generation  (AnjuDb       *db,
                                           gint64       *out_generation,
                                           GError      **error);
/* "by_business_type" and "by_status": every type and every stage, in the
 * contract's order, with its count (0 too); one pass over the summary
 * rows of the organisations in scope. */
gboolean anju_statistics_add_applications (AnjuDb       *db,
                                           const char   *scope_path,
                                           JsonBuilder  *builder,
                                           GError      **error);
/* "by_month": the n_months calendar months (Shanghai) up to the one
 * holding now, oldest first, each with its submitted, confirmed and
 * rejected counts. */
gboolean anju_statistics_add_months       (AnjuDb       *db,
                                           const char   *scope_path,
                                           gint64        now,
                                           guint         n_months,
                                           JsonBuilder  *builder,
                                           GError      **error);
/* "units_by_state" and "units_by_project", from one pass over the units'
 * summary.
 * operator_path NULL: every project; otherwise only projects whose
 * operating organisation's path starts with it. */
gboolean anju_statistics_add_units        (AnjuDb       *db,
                                           const char   *operator_path,
                                           JsonBuilder  *builder,
                                           GError      **error);

/* The SQL of the counts, for the query-plan test. */
extern const char * const anju_statistics_sql[];

G_END_DECLS
