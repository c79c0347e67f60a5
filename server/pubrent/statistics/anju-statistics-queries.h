/* anju-statistics-queries.h: the counts behind the statistics answer.
 *
 * Each adds one member of the answer to builder (set_member_name done by
 * the caller).  scope_path is the caller's organisation path: an
 * application counts when its organisation's path starts with it.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"

G_BEGIN_DECLS

/* Every business type, in the contract's order, with its count (0 too). */
gboolean anju_statistics_by_business_type (AnjuDb       *db,
                                           const char   *scope_path,
                                           JsonBuilder  *builder,
                                           GError      **error);
/* Every stage, in the contract's order, with its count (0 too). */
gboolean anju_statistics_by_status        (AnjuDb       *db,
                                           const char   *scope_path,
                                           JsonBuilder  *builder,
                                           GError      **error);
/* The n_months calendar months (Shanghai) up to the one holding now,
 * oldest first, each with its submitted, confirmed and rejected counts. */
gboolean anju_statistics_by_month         (AnjuDb       *db,
                                           const char   *scope_path,
                                           gint64        now,
                                           guint         n_months,
                                           JsonBuilder  *builder,
                                           GError      **error);
/* operator_path NULL: every project; otherwise only projects whose
 * operating organisation's path starts with it. */
gboolean anju_statistics_units_by_state   (AnjuDb       *db,
                                           const char   *operator_path,
                                           JsonBuilder  *builder,
                                           GError      **error);
gboolean anju_statistics_units_by_project (AnjuDb       *db,
                                           const char   *operator_path,
                                           JsonBuilder  *builder,
                                           GError      **error);

G_END_DECLS
