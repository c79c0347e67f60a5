/* anju-workflow-template-store.h: template versions in the database.
 *
 * One row per version (resources/sql/0005-workflow.sql).  Like the other
 * stores, nothing here opens a transaction or audits: the callers do
 * both.
 *
 * The steps of a loaded version are read from their JSON once per
 * connection and shared (refcounted, never changed) by every template
 * loaded from the same row text on that connection afterwards; the
 * cache goes with the AnjuDb.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"
#include "anju-workflow-template.h"

G_BEGIN_DECLS

/* The version with this id, steps read; ANJU_ERROR_NOT_FOUND when none. */
AnjuWfTemplate *anju_wf_template_store_load         (AnjuDb                *db,
                                                     gint64                 id,
                                                     GError               **error);
/* The current version of code; ANJU_ERROR_NOT_FOUND when there is none. */
AnjuWfTemplate *anju_wf_template_store_load_current (AnjuDb                *db,
                                                     const char            *code,
                                                     GError               **error);
gboolean        anju_wf_template_store_code_exists  (AnjuDb                *db,
                                                     const char            *code,
                                                     gboolean              *out_exists,
                                                     GError               **error);
/* Inserts the next version of template->code (version 1 for a new code),
 * makes it the current one and returns its id, or 0 with error.
 * created_by 0 means anju-server. */
gint64          anju_wf_template_store_insert       (AnjuDb                *db,
                                                     const AnjuWfTemplate  *template,
                                                     gint64                 created_by,
                                                     gint64                 now,
                                                     GError               **error);
/* Instances of any version of code. */
gboolean        anju_wf_template_store_count_instances (AnjuDb             *db,
                                                        const char         *code,
                                                        gint64             *out_count,
                                                        GError            **error);
/* Every version of code. */
gboolean        anju_wf_template_store_delete_code  (AnjuDb                *db,
                                                     const char            *code,
                                                     GError               **error);

/* The Template object of docs/api.md, with or without its steps. */
JsonNode       *anju_wf_template_store_to_json      (AnjuDb                *db,
                                                     gint64                 id,
                                                     gboolean               with_steps,
                                                     GError               **error);
/* The same from a row of ANJU_WF_TEMPLATE_COLUMNS (for lists). */
JsonNode       *anju_wf_template_json_from_row      (sqlite3_stmt          *stmt,
                                                     gboolean               with_steps,
                                                     GError               **error);

/* The select list anju_wf_template_json_from_row() reads. */
#define ANJU_WF_TEMPLATE_COLUMNS \
  "t.id, t.code, t.version, t.name, t.domain, t.description, t.is_current," \
  " t.on_complete, t.step_count, t.steps_json," \
  " (SELECT COUNT(*) FROM workflow_instances wi WHERE wi.template_id = t.id)," \
  " t.created_at, t.created_by, cu.name"
/* … over this FROM clause. */
#define ANJU_WF_TEMPLATE_FROM \
  " FROM workflow_templates t LEFT JOIN users cu ON cu.id = t.created_by"

G_END_DECLS
