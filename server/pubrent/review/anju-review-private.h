/* anju-review-private.h: what the files of the review module share. */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-audit.h"
#include "anju-db.h"
#include "anju-route.h"
#include "anju-review.h"

G_BEGIN_DECLS

#define ANJU_REVIEW_DOMAIN         "pubrent.application"
#define ANJU_REVIEW_TEMPLATE       "pubrent.application.review"
#define ANJU_REVIEW_CONFIRMED      "pubrent.application.confirmed"

/* The facts of an application the review reads. */
typedef struct
{
  gint64  id;
  char   *application_no;
  char   *business_type;
  char   *status;
  gint64  org_id;
  char   *org_path;
  char   *applicant_name;
  char   *phone;
  gint64  created_by;
  gint64  submitted_at;
  gint64  decided_at;
  gint64  confirmed_at;
  int     prereview_passed; /* -1: no report; else its "passed" as 0 or 1 */
  char   *prereview_at;     /* (nullable) the report's "at" */
} AnjuReviewApp;

void      _anju_review_app_clear        (AnjuReviewApp *app);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuReviewApp, _anju_review_app_clear)

/* ANJU_ERROR_NOT_FOUND when there is no such application. */
gboolean  _anju_review_app_load         (AnjuDb        *db,
                                         gint64         id,
                                         AnjuReviewApp *out_app,
                                         GError       **error);
/* The next number of the year of now: "GS-2026-000001". */
char     *_anju_review_next_number      (AnjuDb        *db,
                                         const char    *prefix,
                                         gint64         now,
                                         GError       **error);
/* The application's new status with its before/after row and audit row
 * (pubrent.application.<action>); decided / confirmed also stamp
 * decided_at / confirmed_at. */
gboolean  _anju_review_set_status       (AnjuDb               *db,
                                         GBytes               *audit_key,
                                         const AnjuAuditActor *actor,
                                         AnjuReviewApp        *app,
                                         const char           *status,
                                         const char           *action,
                                         gint64                now,
                                         GError              **error);
/* Archives the application's files (decided applications keep them
 * unchanged). */
gboolean  _anju_review_archive_files    (AnjuDb        *db,
                                         gint64         application_id,
                                         GError       **error);
/* Opens a publicity of kind ("street" or "announcement") for the period
 * the settings give that kind. */
gboolean  _anju_review_open_publicity   (AnjuDb              *db,
                                         const char          *kind,
                                         const AnjuReviewApp *app,
                                         gint64               instance_id,
                                         gint64               now,
                                         gint64              *out_id,
                                         GError             **error);
/* Closes the open publicity of the application, if any: passed 0/1, or
 * -1 for none (withdrawn). */
gboolean  _anju_review_close_open       (AnjuDb        *db,
                                         gint64         application_id,
                                         int            passed,
                                         gint64         now,
                                         GError       **error);

/* The business type's label ("定向实物配租"). */
const char *_anju_review_business_type_label (const char *business_type);
/* The status label people read ("街道公示"). */
const char *_anju_review_status_label   (const char *status);

/* The timeline of docs/api.md; with_people FALSE leaves out owners and
 * opinions (the citizens' progress query). */
JsonNode *_anju_review_timeline         (AnjuDb              *db,
                                         const AnjuReviewApp *app,
                                         gboolean             with_people,
                                         GError             **error);
/* The same timeline written as JSON text at the end of out (what the
 * timeline endpoint answers, from a worker's reader). */
gboolean  _anju_review_timeline_write   (AnjuDb              *db,
                                         const AnjuReviewApp *app,
                                         gboolean             with_people,
                                         GString             *out,
                                         GError             **error);

/* Route tables. */
const AnjuRoute *_anju_review_publicity_routes   (guint *n_routes);
const AnjuRoute *_anju_review_application_routes (guint *n_routes);

/* The event listener that keeps the status in step with return and
 * resubmit, which run no hook. */
gboolean  _anju_review_event_cb         (const AnjuEvent *event,
                                         gpointer         user_data,
                                         GError         **error);

G_END_DECLS
