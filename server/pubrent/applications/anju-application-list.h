/* anju-application-list.h: the filters of GET /pubrent/applications,
 * shared by the list and its export.
 *
 * Everything is in the caller's scope (the entering organisation in the
 * caller's subtree).  The SQL is made from the filters actually given
 * (anju_application_list_sql()), so that each is a plain condition an
 * index serves; the parameters keep their numbers whichever are present,
 * bound by anju_application_filters_bind().  No user text is ever part
 * of the SQL.
 *
 * ?q= finds an application by its number, by the applicant's or any
 * member's ID number (exactly, x or X), or by the applicant's name
 * starting with the text: each of these is a range of an index
 * (resources/sql/0010, 0017, 0024), where "name contains" would read
 * every application.  The ways are united (UNION), and the matches
 * sorted and paged before any row is read.
 */
#pragma once

#include "anju-caller.h"
#include "anju-request.h"

G_BEGIN_DECLS

typedef struct
{
  const AnjuCaller *caller;
  char             *q;            /* exact application no., name prefix */
  char             *q_end;        /* anju_sql_prefix_end (q) */
  gsize             q_end_length;
  char             *q_id_no;      /* q as an ID number: upper case */
  GStrv             statuses;     /* (nullable) any of them */
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

/* ?q= as the search matches it: q itself (the number, the name's
 * prefix), the end of the prefix's range and q as an ID number. */
void     anju_application_filters_set_q (AnjuApplicationFilters *filters,
                                         const char             *q);

/* Moves filters (left empty) into a new struct that owns everything it
 * points at, for a worker thread (anju-db-worker.h). */
AnjuApplicationFilters *anju_application_filters_take (AnjuApplicationFilters *filters);
void     anju_application_filters_free  (gpointer                 filters);

/* Reads the query; on a bad value replies 422 and returns FALSE. */
gboolean anju_application_filters_read  (AnjuRequest             *request,
                                         AnjuApplicationFilters  *filters);
void     anju_application_filters_bind  (sqlite3_stmt            *stmt,
                                         gconstpointer            filters);

/* CROSS JOIN keeps the applications the outer loop: with statistics
 * (ANALYZE) SQLite would otherwise start from the few organisations and
 * sort every application, instead of reading them in an index's order. */
#define ANJU_APPLICATION_LIST_JOINS \
  " CROSS JOIN organisations o ON o.id = a.org_id" \
  " LEFT JOIN pubrent_codes sc ON sc.code_set = 'status' AND sc.code = a.status" \
  " LEFT JOIN pubrent_codes bc ON bc.code_set = 'business_type' AND bc.code = a.business_type"
#define ANJU_APPLICATION_LIST_FROM " pubrent_applications a" ANJU_APPLICATION_LIST_JOINS

typedef enum
{
  ANJU_APPLICATION_LIST_COUNT,   /* SELECT COUNT(*): the list's total */
  ANJU_APPLICATION_LIST_PAGE,    /* one page: LIMIT ?30 OFFSET ?31 */
  ANJU_APPLICATION_LIST_ALL,     /* every match in order, for the export */
} AnjuApplicationListSql;

#define ANJU_APPLICATION_LIST_LIMIT_PARAM 30

/* (transfer full) the SQL of what for filters: the summary columns,
 * ORDER BY a.created_at DESC, a.id DESC (newest first). */
char     *anju_application_list_sql (const AnjuApplicationFilters *filters,
                                     AnjuApplicationListSql        what);

/* The columns anju_application_summary_write_row() reads; 16.  Those of
 * a are all in pubrent_applications_name_summary (0026): add a column
 * there too, or the search by name reads the table again. */
#define ANJU_APPLICATION_SUMMARY_COLUMNS \
  "a.id, a.application_no, a.business_type, bc.name, a.status, sc.name, a.org_id, o.name," \
  " a.applicant_name, a.id_no, a.phone, a.household_size, a.employer_name, a.submitted_at," \
  " a.created_at, a.updated_at"

/* The same summary written as JSON text (an AnjuRowWriteFunc), for the
 * list: no JsonNode per member. */
void      anju_application_summary_write_row (sqlite3_stmt  *stmt,
                                              AnjuJsonText  *text,
                                              gpointer       user_data);

void      anju_application_handle_list      (AnjuRequest   *request);

G_END_DECLS
