/* anju-review-sweep.c: the end of street publicity and of the New Area
 * announcement, by the server's clock.
 *
 * A publicity whose period is over waits while any objection to it is
 * pending.  Street publicity then passes (the step completes as
 * anju-server, "公示期满无异议") unless an objection was substantiated:
 * then it fails and the task stays with the street, whose staff reject.
 * An announcement that passes confirms the application: files archived,
 * the qualification confirmation form rendered, the applicant texted and
 * the organisation that entered it told.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-review-private.h"
#include "anju-stmt.h"
#include "anju-transaction.h"

static const AnjuAuditActor server_actor = { .actor = ANJU_AUDIT_SYSTEM_ACTOR };

typedef struct
{
  gint64  id;
  gint64  end_at;
  char   *kind;
  gint64  application_id;
  gint64  instance_id;
  gint64  pending;
  gint64  substantiated;
} Ending;

static void
ending_clear (gpointer data)
{
  Ending *ending = data;

  g_free (ending->kind);
}

/* The open publicity whose period is over, after the cursor in the order
 * of their ends: a page of ?5 rows.  The partial index
 * pubrent_publicity_open (end_at) WHERE closed_at IS NULL holds only the
 * open ones, in (end_at, id) order, so the row value resumes the walk at
 * the cursor instead of reading from the start, and the LIMIT keeps
 * every page small however many ended at once. */
static const char endings_sql[] =
  "SELECT p.id, p.end_at, p.kind, p.application_id,"
  " COALESCE(p.instance_id, 0),"
  " (SELECT COUNT(*) FROM pubrent_objections j"
  "   WHERE j.publicity_id = p.id AND j.result = 'pending'),"
  " (SELECT COUNT(*) FROM pubrent_objections j"
  "   WHERE j.publicity_id = p.id"
  "   AND j.result = 'substantiated')"
  " FROM pubrent_publicity p"
  " WHERE p.closed_at IS NULL AND p.end_at <= ?1"
  " AND (p.end_at, p.id) > (?2, ?3)"
  " ORDER BY p.end_at, p.id LIMIT ?4";

const char *
anju_review_sweep_endings_sql (void)
{
  return endings_sql;
}

static GArray *
load_endings (AnjuDb                      *db,
              gint64                       now,
              const AnjuReviewSweepCursor *cursor,
              guint                        limit,
              GError                     **error)
{
  g_autoptr(GArray) endings = g_array_new (FALSE, TRUE, sizeof (Ending));
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, endings_sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  g_array_set_clear_func (endings, ending_clear);
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, cursor->end_at);
  sqlite3_bind_int64 (stmt, 3, cursor->id);
  sqlite3_bind_int (stmt, 4, (int) limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Ending ending = {
        .id = sqlite3_column_int64 (stmt, 0),
        .end_at = sqlite3_column_int64 (stmt, 1),
        .kind = anju_db_column_dup (stmt, 2),
        .application_id = sqlite3_column_int64 (stmt, 3),
        .instance_id = sqlite3_column_int64 (stmt, 4),
        .pending = sqlite3_column_int64 (stmt, 5),
        .substantiated = sqlite3_column_int64 (stmt, 6),
      };

      g_array_append_val (endings, ending);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&endings);
}

static gboolean
close_publicity (AnjuDb  *db,
                 gint64   id,
                 gboolean passed,
                 gint64   now,
                 GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE pubrent_publicity SET passed = ?2,"
                                           " closed_at = ?3 WHERE id = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, passed);
  sqlite3_bind_int64 (stmt, 3, now);
  return anju_db_step_done (db, stmt, error);
}

static gboolean
end_street (const AnjuReviewSweep  *sweep,
            const Ending           *ending,
            GError                **error)
{
  gboolean passed = ending->substantiated == 0;

  if (!close_publicity (sweep->db, ending->id, passed, sweep->now, error))
    return FALSE;
  if (!passed || ending->instance_id == 0)
    return TRUE;
  return anju_workflow_act (sweep->workflow, &server_actor, ending->instance_id, "approve",
                            _("No objection when the publicity period ended"), error);
}

/* The qualification confirmation form; its number for the message. */
static gboolean
render_confirmation (const AnjuReviewSweep  *sweep,
                     gint64                  application_id,
                     char                  **out_number,
                     GError                **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(AnjuStmt) stmt = NULL;

  *out_number = NULL;
  if (sweep->documents == NULL)
    return TRUE;
  if (!anju_documents_generate (sweep->documents, sweep->db, &server_actor, sweep->now,
                                "confirmation", &application_id, 1, ids, error))
    return FALSE;
  if (ids->len == 0)
    return TRUE;
  stmt = anju_db_prepare (sweep->db, "SELECT number FROM pubrent_documents WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, 0));
  if (!anju_db_step_row (sweep->db, stmt, ANJU_ERROR_DATABASE, "document missing", error))
    return FALSE;
  *out_number = anju_db_column_dup (stmt, 0);
  return TRUE;
}

static gboolean
emit_confirmed (const AnjuReviewSweep  *sweep,
                const AnjuReviewApp    *app,
                const char             *document_number,
                GError                **error)
{
  g_autoptr(JsonObject) variables = json_object_new ();
  AnjuEvent event = {
    .type = ANJU_REVIEW_CONFIRMED,
    .db = sweep->db,
    .at = sweep->now,
    .variables = variables,
    .recipient_org_id = app->org_id,
    .recipient_phone = app->phone,
    .link_domain = ANJU_REVIEW_DOMAIN,
    .link_record_id = app->id,
  };

  if (sweep->events == NULL)
    return TRUE;
  json_object_set_string_member (variables, "application_no", app->application_no);
  json_object_set_string_member (variables, "applicant_name", app->applicant_name);
  json_object_set_string_member (variables, "business_type",
                                 _anju_review_business_type_label (app->business_type));
  json_object_set_string_member (variables, "document_number",
                                 document_number != NULL ? document_number : "");
  return anju_event_bus_emit (sweep->events, &event, error);
}

static gboolean
end_announcement (const AnjuReviewSweep  *sweep,
                  const Ending           *ending,
                  GError                **error)
{
  g_auto(AnjuReviewApp) app = { 0, };
  g_autofree char *number = NULL;
  gboolean passed = ending->substantiated == 0;

  if (!close_publicity (sweep->db, ending->id, passed, sweep->now, error)
      || !_anju_review_app_load (sweep->db, ending->application_id, &app, error))
    return FALSE;
  if (!passed)
    return _anju_review_set_status (sweep->db, sweep->audit_key, &server_actor, &app, "rejected",
                                    "reject", sweep->now, error)
           && _anju_review_archive_files (sweep->db, app.id, error);
  return _anju_review_set_status (sweep->db, sweep->audit_key, &server_actor, &app, "confirmed",
                                  "confirm", sweep->now, error)
         && _anju_review_archive_files (sweep->db, app.id, error)
         && render_confirmation (sweep, app.id, &number, error)
         && emit_confirmed (sweep, &app, number, error);
}

static gboolean
end_one (const AnjuReviewSweep  *sweep,
         const Ending           *ending,
         GError                **error)
{
  gboolean ok;

  if (!anju_db_begin (sweep->db, error))
    return FALSE;
  ok = g_str_equal (ending->kind, "street") ? end_street (sweep, ending, error)
                                            : end_announcement (sweep, ending, error);
  return anju_transaction_end (sweep->db, ok, error);
}

gboolean
anju_review_sweep_batch (const AnjuReviewSweep  *sweep,
                         AnjuReviewSweepCursor  *cursor,
                         AnjuSweepBatch         *batch,
                         guint                  *out_ended,
                         gboolean               *out_more,
                         GError                **error)
{
  g_autoptr(GArray) endings = load_endings (sweep->db, sweep->now, cursor, batch->size, error);
  guint ended = 0;

  if (endings == NULL)
    return FALSE;
  /* A full page: more may follow it. */
  *out_more = endings->len == batch->size;
  for (guint i = 0; i < endings->len; i++)
    {
      const Ending *ending = &g_array_index (endings, Ending, i);
      g_autoptr(GError) local_error = NULL;

      /* Left open while an objection is pending; it costs no time. */
      if (ending->pending == 0)
        {
          if (!anju_sweep_batch_take (batch))
            {
              *out_more = TRUE;
              break;
            }
          if (end_one (sweep, ending, &local_error))
            ended++;
          else
            /* A paused process, say: the next run tries again. */
            g_message ("Publicity %" G_GINT64_FORMAT " could not be ended: %s", ending->id,
                       local_error->message);
        }
      cursor->end_at = ending->end_at;
      cursor->id = ending->id;
    }
  if (out_ended != NULL)
    *out_ended = ended;
  return TRUE;
}
