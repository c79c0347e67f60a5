/* anju-review.h: the review of public rental applications after
 * submission (docs/api.md "Review, publicity and announcement").
 *
 * The review runs on the workflow engine (template
 * pubrent.application.review version 2).  This module registers the
 * template's hooks — each step sets the application's stage, the street
 * publicity step opens a street publicity, the end of the process
 * decides the application and opens the New Area announcement — and a
 * sweep ([pubrent] sweep_interval_seconds, the server's clock) that ends
 * publicity and announcements whose period is over.  Its routes are the
 * publicity and objection endpoints, withdrawal, the timeline and the
 * citizens' progress query.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-documents.h"
#include "anju-event-bus.h"
#include "anju-request.h"
#include "anju-server.h"
#include "anju-workflow.h"

G_BEGIN_DECLS

/* Hooks, routes, the event listener and the sweep.  Called once from
 * anju_server_new(), after anju_workflow_register(). */
void     anju_review_register       (AnjuServer   *server);

/* The template's hooks on workflow (also an offline engine: the demo);
 * their writes are audited under audit_key. */
void     anju_review_register_hooks (AnjuWorkflow *workflow,
                                     GBytes       *audit_key);

/* The sweep's name (anju_server_get_sweep). */
#define ANJU_REVIEW_SWEEP_NAME "pubrent.publicity"

/* Where a sweep works: the periodic one fills it from the server, its
 * now fixed when a run begins. */
typedef struct
{
  AnjuDb        *db;
  GBytes        *audit_key;
  AnjuWorkflow  *workflow;    /* approves street publicity as anju-server */
  AnjuEventBus  *events;      /* (nullable) pubrent.application.confirmed */
  AnjuDocuments *documents;   /* (nullable) renders the confirmation form */
  gint64         now;
} AnjuReviewSweep;

/* Where a run of the sweep is: the last publicity it saw, in the order
 * it goes through them (end, then id).  { G_MININT64, 0 } before the
 * first. */
typedef struct
{
  gint64 end_at;
  gint64 id;
} AnjuReviewSweepCursor;

/* One batch of a run (anju-sweep.h): ends, at sweep->now, the publicity
 * and announcements whose period is over and that have no pending
 * objection, after *cursor in the order of their ends, as many as batch
 * allows, each in its own transaction (one that fails is logged and
 * passed over: the next run tries it again), and moves *cursor past
 * every one it saw.  *out_ended (nullable) counts those ended;
 * *out_more is FALSE once none is left after *cursor.  FALSE only when
 * the store fails. */
gboolean anju_review_sweep_batch    (const AnjuReviewSweep  *sweep,
                                     AnjuReviewSweepCursor  *cursor,
                                     AnjuSweepBatch         *batch,
                                     guint                  *out_ended,
                                     gboolean               *out_more,
                                     GError                **error);
/* The batch's query (for the query-plan test): ?1 now, ?2 and ?3 the
 * cursor, ?4 the batch's size. */
const char *anju_review_sweep_endings_sql (void);

/* The citizens' progress query (the public one by number and phone, the
 * kiosk's by ID card): counts one query from the request's client
 * address against [pubrent] progress_per_minute; past it, replies 429
 * and returns FALSE (a store failure is replied too). */
gboolean  anju_review_count_progress_query (AnjuRequest *request);
/* What the progress query answers about an application:
 * {"application_no","applicant_name" (masked),"status","status_label",
 * "timeline" (without owners and opinions)}. */
JsonNode *anju_review_progress_json (AnjuDb      *db,
                                     gint64       application_id,
                                     GError     **error);

G_END_DECLS
