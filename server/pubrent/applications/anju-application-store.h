/* anju-application-store.h: applications and their members in the
 * database (tables of 0010-pubrent-applications.sql).
 *
 * A record is the Application object of docs/api.md as a JsonObject
 * with its "members" array, unmasked: what the writes take and what
 * anju_application_store_load_record() gives back.  Writes here do not
 * open transactions or audit: the callers do both.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"

G_BEGIN_DECLS

/* Open: everything but these. */
#define ANJU_APPLICATION_CLOSED_STATUSES "('rejected', 'withdrawn', 'closed')"

typedef struct
{
  gint64  id;
  char   *application_no;
  char   *business_type;
  char   *status;
  char   *applicant_name;
  char   *phone;
  gint64  org_id;
  char   *org_path;
  char   *org_kind;
  gint64  created_by;
} AnjuApplicationRef;

void        anju_application_ref_clear          (AnjuApplicationRef *ref);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuApplicationRef, anju_application_ref_clear)

/* FALSE with ANJU_ERROR_NOT_FOUND when there is no such application. */
gboolean    anju_application_store_load_ref     (AnjuDb              *db,
                                                 gint64               id,
                                                 AnjuApplicationRef  *out_ref,
                                                 GError             **error);
/* The SELECT of one application (?1 its id) that the record and the
 * detail read: application_no, status, its label, org id, org name,
 * created_by, its name, submitted_at, decided_at, confirmed_at,
 * created_at, updated_at, prereview_json, org path, then the fields of
 * anju_application_fields() from column ANJU_APP_RECORD_FIELDS. */
#define ANJU_APP_RECORD_FIELDS 14
const char *anju_application_store_record_sql   (void);
/* The SELECT of an application's members (?1 its id) in their order:
 * id, member_no, then the fields of anju_member_fields(). */
const char *anju_application_store_members_sql  (void);
/* The whole record with its members, unmasked; with id, application_no,
 * status, status_label, org, created_by, the times and prereview. */
JsonObject *anju_application_store_load_record  (AnjuDb              *db,
                                                 gint64               id,
                                                 GError             **error);

/* A new draft numbered GZF-<year of now>-NNNNNN; returns its id or 0. */
gint64      anju_application_store_insert       (AnjuDb              *db,
                                                 JsonObject          *record,
                                                 gint64               org_id,
                                                 gint64               user_id,
                                                 gint64               now,
                                                 GError             **error);
/* Writes every field and replaces the members. */
gboolean    anju_application_store_update       (AnjuDb              *db,
                                                 gint64               id,
                                                 JsonObject          *record,
                                                 gint64               now,
                                                 GError             **error);
gboolean    anju_application_store_set_status   (AnjuDb              *db,
                                                 gint64               id,
                                                 const char          *status,
                                                 gint64               now,
                                                 GError             **error);
/* Records a submission: status, the report, submitted_at/_by. */
gboolean    anju_application_store_submitted    (AnjuDb              *db,
                                                 gint64               id,
                                                 const char          *status,
                                                 JsonNode            *prereview,
                                                 gint64               user_id,
                                                 gint64               now,
                                                 GError             **error);
/* Ends it as closed (abandoned) with reason; decided_at is now. */
gboolean    anju_application_store_close        (AnjuDb              *db,
                                                 gint64               id,
                                                 const char          *reason,
                                                 gint64               now,
                                                 GError             **error);
gboolean    anju_application_store_delete       (AnjuDb              *db,
                                                 gint64               id,
                                                 GError             **error);
/* One before/after row of pubrent_application_changes. */
gboolean    anju_application_store_log_change   (AnjuDb              *db,
                                                 gint64               id,
                                                 gint64               user_id,
                                                 const char          *action,
                                                 JsonNode            *before,
                                                 JsonNode            *after,
                                                 gint64               now,
                                                 GError             **error);
/* The same with before and after already written as JSON (NULL for
 * none), for a caller that writes the same text into the audit row. */
gboolean    anju_application_store_log_change_json (AnjuDb           *db,
                                                    gint64            id,
                                                    gint64            user_id,
                                                    const char       *action,
                                                    const char       *before_json,
                                                    const char       *after_json,
                                                    gint64            now,
                                                    GError          **error);

/* The Chinese name of a code (pubrent_codes), or a copy of code. */
char       *anju_application_code_name          (AnjuDb              *db,
                                                 const char          *code_set,
                                                 const char          *code);

G_END_DECLS
