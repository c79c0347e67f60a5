/* anju-application-list.h: the filters of GET /pubrent/applications,
 * shared by the list and its export.
 *
 * Everything is in the caller's scope (the entering organisation in the
 * caller's subtree).  ANJU_APPLICATION_LIST_WHERE uses parameters ?1 to
 * ?9, bound by anju_application_filters_bind().
 */
#pragma once

#include "anju-caller.h"
#include "anju-request.h"

G_BEGIN_DECLS

typedef struct
{
  const AnjuCaller *caller;
  char             *q;            /* exact application no. or ID number */
  char             *q_pattern;    /* name contains */
  char             *statuses;     /* "a,b" */
  const char       *business_type;
  gint64            org_id;       /* 0: any */
  gint64            submitted_from;
  gint64            submitted_to;
  gboolean          has_from;
  gboolean          has_to;
  int               directed;     /* -1: any */
  /* What caller and business_type point at once the filters own them
   * (anju_application_filters_take). */
  AnjuCaller       *caller_copy;
  char             *business_type_copy;
} AnjuApplicationFilters;

void     anju_application_filters_clear (AnjuApplicationFilters *filters);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuApplicationFilters, anju_application_filters_clear)

/* Moves filters (left empty) into a new struct that owns everything it
 * points at, for a worker thread (anju-db-worker.h). */
AnjuApplicationFilters *anju_application_filters_take (AnjuApplicationFilters *filters);
void     anju_application_filters_free  (gpointer                 filters);

/* Reads the query; on a bad value replies 422 and returns FALSE. */
gboolean anju_application_filters_read  (AnjuRequest             *request,
                                         AnjuApplicationFilters  *filters);
void     anju_application_filters_bind  (sqlite3_stmt            *stmt,
                                         gconstpointer            filters);

#define ANJU_APPLICATION_LIST_FROM \
  " pubrent_applications a JOIN organisations o ON o.id = a.org_id" \
  " LEFT JOIN pubrent_codes sc ON sc.code_set = 'status' AND sc.code = a.status" \
  " LEFT JOIN pubrent_codes bc ON bc.code_set = 'business_type' AND bc.code = a.business_type"

#define ANJU_APPLICATION_LIST_WHERE \
  " WHERE substr (o.path, 1, length (?1)) = ?1" \
  " AND (?2 IS NULL OR a.applicant_name LIKE ?3 ESCAPE '\\' OR a.application_no = ?2" \
  "      OR EXISTS (SELECT 1 FROM pubrent_members m" \
  "                  WHERE m.application_id = a.id AND m.id_no = upper (?2)))" \
  " AND (?4 IS NULL OR instr (',' || ?4 || ',', ',' || a.status || ',') > 0)" \
  " AND (?5 IS NULL OR a.business_type = ?5)" \
  " AND (?6 = 0 OR a.org_id = ?6)" \
  " AND (?7 IS NULL OR a.submitted_at >= ?7)" \
  " AND (?8 IS NULL OR a.submitted_at <= ?8)" \
  " AND (?9 < 0 OR (a.business_type LIKE 'directed_%') = ?9)"

#define ANJU_APPLICATION_LIST_ORDER " ORDER BY a.created_at DESC, a.id DESC"

/* The columns anju_application_summary_from_row() reads; 16. */
#define ANJU_APPLICATION_SUMMARY_COLUMNS \
  "a.id, a.application_no, a.business_type, bc.name, a.status, sc.name, a.org_id, o.name," \
  " a.applicant_name, a.id_no, a.phone, a.household_size, a.employer_name, a.submitted_at," \
  " a.created_at, a.updated_at"

/* ApplicationSummary, ID number and phone masked. */
JsonNode *anju_application_summary_from_row (sqlite3_stmt  *stmt,
                                             gpointer       user_data,
                                             GError       **error);

void      anju_application_handle_list      (AnjuRequest   *request);

G_END_DECLS
