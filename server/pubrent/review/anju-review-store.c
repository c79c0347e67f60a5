/* anju-review-store.c: the application's stage, the numbers and the
 * publicity rows of the review.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-application-store.h"
#include "anju-applications.h"
#include "anju-pubrent-settings.h"
#include "anju-org-store.h"
#include "anju-review-private.h"
#include "anju-stmt.h"

#define SECONDS_PER_DAY (24 * 60 * 60)

void
_anju_review_app_clear (AnjuReviewApp *app)
{
  g_clear_pointer (&app->application_no, g_free);
  g_clear_pointer (&app->business_type, g_free);
  g_clear_pointer (&app->status, g_free);
  g_clear_pointer (&app->org_path, g_free);
  g_clear_pointer (&app->applicant_name, g_free);
  g_clear_pointer (&app->phone, g_free);
  g_clear_pointer (&app->prereview_at, g_free);
}

/* The stored pre-review report's "passed" and "at", NULL when there is
 * no report or it is not a JSON object.  SQLite reads them in place:
 * parsing the report with json-glib was a tenth of the timeline's time
 * at city size. */
#define PREREVIEW_IS_OBJECT \
  "json_valid (a.prereview_json) AND json_type (a.prereview_json) = 'object'"

gboolean
_anju_review_app_load (AnjuDb        *db,
                       gint64         id,
                       AnjuReviewApp *out_app,
                       GError       **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT a.id, a.application_no, a.business_type,"
                                           " a.status, a.org_id, o.path, a.applicant_name,"
                                           " a.phone, a.created_by, a.submitted_at,"
                                           " a.decided_at, a.confirmed_at,"
                                           " CASE WHEN " PREREVIEW_IS_OBJECT " THEN coalesce"
                                           " (json_extract (a.prereview_json, '$.passed'), 0) <> 0 END,"
                                           " CASE WHEN " PREREVIEW_IS_OBJECT " THEN"
                                           " json_extract (a.prereview_json, '$.at') END"
                                           " FROM pubrent_applications a"
                                           " JOIN organisations o ON o.id = a.org_id"
                                           " WHERE a.id = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such application"), error))
    return FALSE;
  *out_app = (AnjuReviewApp) {
    .id = sqlite3_column_int64 (stmt, 0),
    .application_no = anju_db_column_dup (stmt, 1),
    .business_type = anju_db_column_dup (stmt, 2),
    .status = anju_db_column_dup (stmt, 3),
    .org_id = sqlite3_column_int64 (stmt, 4),
    .org_path = anju_db_column_dup (stmt, 5),
    .applicant_name = anju_db_column_dup (stmt, 6),
    .phone = anju_db_column_dup (stmt, 7),
    .created_by = sqlite3_column_int64 (stmt, 8),
    .submitted_at = sqlite3_column_int64 (stmt, 9),
    .decided_at = sqlite3_column_int64 (stmt, 10),
    .confirmed_at = sqlite3_column_int64 (stmt, 11),
    .prereview_passed = sqlite3_column_type (stmt, 12) == SQLITE_NULL
                        ? -1 : sqlite3_column_int (stmt, 12) != 0,
    .prereview_at = anju_db_column_dup (stmt, 13),
  };
  return TRUE;
}

/* The year of now in Asia/Shanghai: numbers run by the local year. */
static int
local_year (gint64 now)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 60 * 60);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  return g_date_time_get_year (local);
}

char *
_anju_review_next_number (AnjuDb      *db,
                          const char  *prefix,
                          gint64       now,
                          GError     **error)
{
  int year = local_year (now);
  g_auto(AnjuStmt) bump = anju_db_prepare (db,
                                           "INSERT INTO pubrent_review_counters"
                                           " (prefix, year, last_value) VALUES (?1, ?2, 1)"
                                           " ON CONFLICT (prefix, year)"
                                           " DO UPDATE SET last_value = last_value + 1"
                                           " RETURNING last_value",
                                           error);
  gint64 value = 0;

  if (bump == NULL)
    return NULL;
  anju_db_bind_text (bump, 1, prefix);
  sqlite3_bind_int (bump, 2, year);
  if (!anju_db_step_id (db, bump, &value, error))
    return NULL;
  return g_strdup_printf ("%s-%d-%06" G_GINT64_FORMAT, prefix, year, value);
}

const char *
_anju_review_business_type_label (const char *business_type)
{
  if (g_strcmp0 (business_type, "directed_physical") == 0)
    return _("Directed physical allocation");
  if (g_strcmp0 (business_type, "directed_subsidy") == 0)
    return _("Directed rental subsidy");
  if (g_strcmp0 (business_type, "open_physical") == 0)
    return _("Physical allocation");
  if (g_strcmp0 (business_type, "open_subsidy") == 0)
    return _("Rental subsidy");
  return business_type;
}

const char *
_anju_review_status_label (const char *status)
{
  static const struct { const char *status; const char *label; } labels[] = {
    { "draft", N_("Draft") },
    { "prereview_failed", N_("Failed pre-review") },
    { "street_review", N_("Street review") },
    { "street_publicity", N_("Street publicity") },
    { "center_review", N_("Center review") },
    { "returned", N_("Returned for supplement") },
    { "rejected", N_("Not approved") },
    { "announcement", N_("New Area announcement") },
    { "confirmed", N_("Qualification confirmed") },
    { "withdrawn", N_("Withdrawn") },
    { "closed", N_("Closed") },
  };

  for (guint i = 0; status != NULL && i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].status, status))
      return _(labels[i].label);
  return status;
}

static JsonNode *
status_snapshot (const AnjuReviewApp *app)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, app->status);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
_anju_review_set_status (AnjuDb               *db,
                         GBytes               *audit_key,
                         const AnjuAuditActor *actor,
                         AnjuReviewApp        *app,
                         const char           *status,
                         const char           *action,
                         gint64                now,
                         GError              **error)
{
  g_autoptr(JsonNode) before = status_snapshot (app);
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  g_autofree char *audit_action = g_strconcat ("pubrent.application.", action, NULL);
  gboolean decides = g_strv_contains ((const char * const[]) { "announcement", "rejected",
                                                                "withdrawn", "closed", NULL },
                                      status);
  gboolean confirms = g_str_equal (status, "confirmed");
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE pubrent_applications SET status = ?2,"
                                           " updated_at = ?3,"
                                           " decided_at = CASE WHEN ?4 THEN ?3 ELSE decided_at END,"
                                           " confirmed_at = CASE WHEN ?5 THEN ?3 ELSE confirmed_at END"
                                           " WHERE id = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, app->id);
  anju_db_bind_text (stmt, 2, status);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int (stmt, 4, decides);
  sqlite3_bind_int (stmt, 5, confirms);
  if (!anju_db_step_done (db, stmt, error))
    return FALSE;

  g_free (app->status);
  app->status = g_strdup (status);
  if (decides)
    app->decided_at = now;
  if (confirms)
    app->confirmed_at = now;
  after = status_snapshot (app);
  /* Written once for both rows. */
  before_json = json_to_string (before, FALSE);
  after_json = json_to_string (after, FALSE);
  return anju_application_store_log_change_json (db, app->id, actor->actor_id, action, before_json,
                                                 after_json, now, error)
         && anju_audit_record_json_as (db, audit_key, now, actor, audit_action,
                                       "pubrent_application", app->id, before_json, after_json,
                                       error);
}

gboolean
_anju_review_archive_files (AnjuDb  *db,
                            gint64   application_id,
                            GError **error)
{
  return anju_applications_archive_files (db, application_id, error);
}

/* The street that publicises an application: the nearest street above
 * (or at) its organisation; the center for the New Area announcement and
 * for applications of no street (directed ones). */
static gboolean
publicity_org (AnjuDb              *db,
               const char          *kind,
               const AnjuReviewApp *app,
               gint64              *out_org_id,
               GError             **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "WITH RECURSIVE " ANJU_ORG_ANCESTORS_CTE ("?1")
                                           " SELECT o.id, 0, length (o.path) FROM org_ancestors a"
                                           " JOIN organisations o ON o.path = a.path"
                                           " WHERE ?2 = 'street' AND o.kind = 'street'"
                                           " UNION ALL SELECT id, 1, 0 FROM organisations"
                                           " WHERE kind = 'center'"
                                           " ORDER BY 2, 3 DESC LIMIT 1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, app->org_path);
  anju_db_bind_text (stmt, 2, kind);
  return anju_db_step_id (db, stmt, out_org_id, error);
}

gboolean
_anju_review_open_publicity (AnjuDb              *db,
                             const char          *kind,
                             const AnjuReviewApp *app,
                             gint64               instance_id,
                             gint64               now,
                             gint64              *out_id,
                             GError             **error)
{
  gboolean street = g_str_equal (kind, "street");
  g_autofree char *number = NULL;
  g_auto(AnjuStmt) stmt = NULL;
  gint64 days = 0, org_id = 0;

  if (!anju_pubrent_settings_get (db, street ? "street_publicity_days" : "announcement_days",
                                  &days, error)
      || !publicity_org (db, kind, app, &org_id, error))
    return FALSE;
  number = _anju_review_next_number (db, street ? "GS" : "GG", now, error);
  if (number == NULL)
    return FALSE;
  stmt = anju_db_prepare (db,
                          "INSERT INTO pubrent_publicity (publicity_no, kind, application_id,"
                          " org_id, instance_id, start_at, end_at, method, location, created_at)"
                          " VALUES (?1, ?2, ?3, ?4, NULLIF(?5, 0), ?6, ?7, ?8, ?9, ?6)",
                          error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, number);
  anju_db_bind_text (stmt, 2, kind);
  sqlite3_bind_int64 (stmt, 3, app->id);
  sqlite3_bind_int64 (stmt, 4, org_id);
  sqlite3_bind_int64 (stmt, 5, instance_id);
  sqlite3_bind_int64 (stmt, 6, now);
  sqlite3_bind_int64 (stmt, 7, now + days * SECONDS_PER_DAY);
  /* The seed's ways of publicising: the street's notice board, the
   * New Area government website. */
  anju_db_bind_text (stmt, 8, street ? "notice_board" : "website");
  anju_db_bind_text (stmt, 9, street ? _("Notice board of the street office")
                                     : _("Website of the New Area"));
  if (!anju_db_step_done (db, stmt, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = anju_db_last_insert_id (db);
  return TRUE;
}

gboolean
_anju_review_close_open (AnjuDb  *db,
                         gint64   application_id,
                         int      passed,
                         gint64   now,
                         GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE pubrent_publicity SET closed_at = ?2,"
                                           " passed = CASE WHEN ?3 < 0 THEN NULL ELSE ?3 END"
                                           " WHERE application_id = ?1 AND closed_at IS NULL",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, application_id);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int (stmt, 3, passed);
  return anju_db_step_done (db, stmt, error);
}
