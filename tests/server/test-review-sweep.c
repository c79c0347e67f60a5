/* test-review-sweep.c: the publicity sweep goes in batches and leaves the
 * main loop free between them (issue 7: at city scale one run found ten
 * thousand ended periods and held every request for half an hour).
 *
 * With [sweeps] batch_size=1 a run over several ended street publicity
 * and announcements goes one item a batch.  The sweep's test gate
 * (anju_sweep_hold_for_test) stops the run between two batches, without
 * timing anything: requests are answered meanwhile, further ticks begin
 * no second run, every item is ended exactly once with what an ending
 * always brings (F-PRH-005 publicity, F-PRH-006 confirmation form and
 * its messages), and a server stopped in the middle of a run frees it.
 * The batches' queries walk an index (EXPLAIN QUERY PLAN).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anju-application-test.h"
#include "anju-clock.h"
#include "anju-review.h"
#include "anju-workflow.h"

#define SECONDS_PER_DAY (24 * 60 * 60)
#define WAIT_SECONDS    60
#define PUBLICITY       "/api/v1/pubrent/publicity"
#define N_STREET        2
#define N_ANNOUNCEMENT  3

typedef struct
{
  AnjuTestServer *srv;
  AnjuSweep      *sweep;       /* (unowned) the server's publicity sweep */
  char           *community;   /* community_ypl: enters applications */
  char           *street;      /* street_ypl: street review */
  char           *center;      /* center: the center's three steps */
} Fixture;

static void
edit_config (AnjuConfig *config,
             gpointer    data)
{
  config->pubrent_sweep_interval_seconds = 1;
  config->sweep_batch_size = 1;
}

static void
log_in (Fixture *fixture)
{
  g_free (fixture->community);
  g_free (fixture->street);
  g_free (fixture->center);
  fixture->community = anju_test_login_demo (fixture->srv, "community_ypl");
  fixture->street = anju_test_login_demo (fixture->srv, "street_ypl");
  fixture->center = anju_test_login_demo (fixture->srv, "center");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->srv = anju_test_server_start_with (TRUE, edit_config, NULL);
  anju_test_db_drop_orphan_processes (fixture->srv);
  fixture->sweep = anju_server_get_sweep (fixture->srv->server, ANJU_REVIEW_SWEEP_NAME);
  g_assert_nonnull (fixture->sweep);
  log_in (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->community);
  g_free (fixture->street);
  g_free (fixture->center);
  g_clear_pointer (&fixture->srv, anju_test_server_stop);
}

/* ---- helpers --------------------------------------------------------------- */

static gint64 db_int (Fixture    *fixture,
                      const char *format,
                      ...) G_GNUC_PRINTF (2, 3);

static gint64
db_int (Fixture    *fixture,
        const char *format,
        ...)
{
  g_autofree char *sql = NULL;
  g_autofree char *value = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  value = anju_test_db_query (fixture->srv, sql);
  g_assert_nonnull (value);
  return g_ascii_strtoll (value, NULL, 10);
}

/* Open publicity and announcements whose period is over at at. */
static gint64
count_due_at (Fixture *fixture,
              gint64   at)
{
  return db_int (fixture, "SELECT COUNT(*) FROM pubrent_publicity"
                 " WHERE closed_at IS NULL AND end_at <= %" G_GINT64_FORMAT, at);
}

/* … by the server's clock: what the sweep has still to end. */
static gint64
count_due (Fixture *fixture)
{
  return count_due_at (fixture, anju_clock_now_secs (fixture->srv->clock));
}

/* Waits until sql (a COUNT) reads expected: the sweep runs in the
 * server's thread (a hang guard, not a timing assertion). */
static void
wait_for_count (Fixture    *fixture,
                const char *sql,
                gint64      expected)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (db_int (fixture, "%s", sql) != expected)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("%s never read %" G_GINT64_FORMAT, sql, expected);
      g_usleep (20 * 1000);
    }
}

static void
wait_for_status (Fixture    *fixture,
                 gint64      id,
                 const char *status)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM pubrent_applications"
                                          " WHERE id = %" G_GINT64_FORMAT " AND status = '%s'",
                                          id, status);

  wait_for_count (fixture, sql, 1);
}

static gint64
create_submitted (Fixture    *fixture,
                  const char *seq)
{
  g_autofree char *id_no = anju_app_test_id ("19880512", seq);
  g_autofree char *extra = g_strdup_printf (
    ",\"employer_name\":\"湖南湘江智造科技有限公司\","
    "\"members\":[{\"relation\":\"self\",\"name\":\"王晓芳\",\"id_doc_type\":\"resident_id\","
    "\"id_no\":\"%s\",\"hukou_years\":5}]",
    id_no);
  g_autofree char *body = anju_app_test_body ("open_physical", "王晓芳", id_no, extra);
  g_autoptr(JsonNode) reply = NULL;
  gint64 id = anju_app_test_create (fixture->srv, fixture->community, body);
  guint status = 0;

  reply = anju_test_item_request (fixture->srv, fixture->community, "POST", APPLICATIONS, id,
                                  "submit", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  return id;
}

static void
approve (Fixture    *fixture,
         const char *token,
         gint64      id)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *path = NULL;
  guint status = 0;
  gint64 instance_id = db_int (fixture, "SELECT max(id) FROM workflow_instances"
                               " WHERE domain = 'pubrent.application'"
                               " AND record_id = %" G_GINT64_FORMAT, id);

  path = g_strdup_printf ("/api/v1/workflow/instances/%" G_GINT64_FORMAT "/actions",
                          instance_id);
  reply = anju_test_requestf (fixture->srv, token, "POST", path, &status,
                              "{\"action\":\"approve\",\"comment\":\"同意\"}");
  anju_assert_status (status, SOUP_STATUS_OK, reply);
}

static void
advance_days (Fixture *fixture,
              int      days)
{
  anju_clock_advance (fixture->srv->clock, (gint64) days * SECONDS_PER_DAY * G_USEC_PER_SEC);
  log_in (fixture);
}

/* Submitted and through the street review: its street publicity runs. */
static gint64
in_street_publicity (Fixture    *fixture,
                     const char *seq)
{
  gint64 id = create_submitted (fixture, seq);

  approve (fixture, fixture->street, id);
  wait_for_status (fixture, id, "street_publicity");
  return id;
}

/* Lets the clock run past every period open now, with the gate set so
 * that the run which finds them ends one (a batch) and then waits: no
 * run is going on when the gate is set, and the runs that begin before
 * the clock moves find nothing and end in their first batch. */
static gint64
end_periods_held (Fixture *fixture)
{
  gint64 due;

  g_assert_cmpint (count_due (fixture), ==, 0);
  anju_sweep_wait_idle_for_test (fixture->sweep);
  anju_sweep_hold_for_test (fixture->sweep, 1);
  /* Counted first: the run may begin as soon as the clock moves. */
  due = count_due_at (fixture, anju_clock_now_secs (fixture->srv->clock) + 8 * SECONDS_PER_DAY);
  advance_days (fixture, 8);
  anju_sweep_wait_held_for_test (fixture->sweep);
  return due;
}

/* ---- the sweep in batches ------------------------------------------------- */

static void
assert_street_passed_once (Fixture *fixture,
                           gint64   id)
{
  wait_for_status (fixture, id, "center_review");
  g_assert_cmpint (db_int (fixture, "SELECT COUNT(*) FROM pubrent_publicity"
                           " WHERE application_id = %" G_GINT64_FORMAT " AND kind = 'street'"
                           " AND passed = 1 AND closed_at IS NOT NULL", id), ==, 1);
  /* The sweep approved the step as anju-server, once. */
  g_assert_cmpint (db_int (fixture, "SELECT COUNT(*) FROM workflow_history h"
                           " JOIN workflow_instances i ON i.id = h.instance_id"
                           " WHERE i.domain = 'pubrent.application'"
                           " AND i.record_id = %" G_GINT64_FORMAT
                           " AND h.step_key = 'street_publicity' AND h.action = 'approve'"
                           " AND h.actor_id IS NULL", id), ==, 1);
}

static void
assert_confirmed_once (Fixture *fixture,
                       gint64   id)
{
  wait_for_status (fixture, id, "confirmed");
  g_assert_cmpint (db_int (fixture, "SELECT COUNT(*) FROM pubrent_publicity"
                           " WHERE application_id = %" G_GINT64_FORMAT
                           " AND kind = 'announcement' AND passed = 1"
                           " AND closed_at IS NOT NULL", id), ==, 1);
  g_assert_cmpint (db_int (fixture, "SELECT COUNT(*) FROM audit_log"
                           " WHERE action = 'pubrent.application.confirm'"
                           " AND actor = 'anju-server' AND entity_id = %" G_GINT64_FORMAT, id),
                   ==, 1);
  g_assert_cmpint (db_int (fixture, "SELECT COUNT(*) FROM pubrent_document_applications da"
                           " JOIN pubrent_documents d ON d.id = da.document_id"
                           " WHERE d.kind = 'confirmation' AND da.application_id = %"
                           G_GINT64_FORMAT, id), ==, 1);
  /* The entering organisation's inbox, one message a person … */
  g_assert_cmpint (db_int (fixture, "SELECT COUNT(*) > 0 AND COUNT(*) = COUNT(DISTINCT user_id)"
                           " FROM messages WHERE event = 'pubrent.application.confirmed'"
                           " AND link_record_id = %" G_GINT64_FORMAT, id), ==, 1);
  /* … and one text to the applicant. */
  g_assert_cmpint (db_int (fixture, "SELECT COUNT(*) FROM sms_outbox"
                           " WHERE event = 'pubrent.application.confirmed'"
                           " AND instr(text, (SELECT application_no FROM pubrent_applications"
                           "   WHERE id = %" G_GINT64_FORMAT ")) > 0", id), ==, 1);
}

/* Street publicity and announcements ended in one run of one item a
 * batch, with the gate between two batches. */
static void
test_batches (Fixture       *fixture,
              gconstpointer  data)
{
  static const char * const street_seqs[N_STREET] = { "111", "113" };
  static const char * const announcement_seqs[N_ANNOUNCEMENT] = { "121", "123", "125" };
  g_autoptr(JsonNode) list = NULL;
  gint64 street[N_STREET];
  gint64 announced[N_ANNOUNCEMENT];
  guint runs, ticks, runs_later, ticks_later;
  guint status = 0;
  gint64 due;

  /* Three through the street publicity (the sweep, one a batch) and the
   * center: their announcements run; two more in street publicity. */
  for (guint i = 0; i < N_ANNOUNCEMENT; i++)
    announced[i] = in_street_publicity (fixture, announcement_seqs[i]);
  advance_days (fixture, 8);
  for (guint i = 0; i < N_ANNOUNCEMENT; i++)
    {
      wait_for_status (fixture, announced[i], "center_review");
      approve (fixture, fixture->center, announced[i]);
      approve (fixture, fixture->center, announced[i]);
      approve (fixture, fixture->center, announced[i]);
      wait_for_status (fixture, announced[i], "announcement");
    }
  for (guint i = 0; i < N_STREET; i++)
    street[i] = in_street_publicity (fixture, street_seqs[i]);

  due = end_periods_held (fixture);
  g_assert_cmpint (due, ==, N_STREET + N_ANNOUNCEMENT);

  /* One batch ended one of them, and the run waits for the next. */
  g_assert_cmpint (count_due (fixture), ==, due - 1);

  /* Between two batches the main loop answers: a list, a write. */
  list = anju_test_request (fixture->srv, fixture->center, "GET", PUBLICITY, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, list);
  g_clear_pointer (&list, json_node_unref);
  list = anju_test_request (fixture->srv, fixture->center, "GET", APPLICATIONS, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, list);
  create_submitted (fixture, "131");
  g_assert_cmpint (count_due (fixture), ==, due - 1);

  /* Ticks come and go during the run: none begins another. */
  anju_sweep_get_counts_for_test (fixture->sweep, &runs, &ticks);
  anju_sweep_wait_ticks_for_test (fixture->sweep, ticks + 2);
  anju_sweep_get_counts_for_test (fixture->sweep, &runs_later, &ticks_later);
  g_assert_cmpuint (runs_later, ==, runs);
  g_assert_cmpint (count_due (fixture), ==, due - 1);

  /* Let go: the same run ends the rest, each once. */
  anju_sweep_release_for_test (fixture->sweep);
  for (guint i = 0; i < N_STREET; i++)
    assert_street_passed_once (fixture, street[i]);
  for (guint i = 0; i < N_ANNOUNCEMENT; i++)
    assert_confirmed_once (fixture, announced[i]);
  g_assert_cmpint (count_due (fixture), ==, 0);
}

/* A server stopped while a run waits between two batches stops it and
 * frees it (the sanitizer build fails on a leak). */
static void
test_shutdown_during_run (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 due;

  in_street_publicity (fixture, "141");
  in_street_publicity (fixture, "143");
  in_street_publicity (fixture, "145");
  due = end_periods_held (fixture);
  g_assert_cmpint (due, ==, 3);
  g_assert_cmpint (count_due (fixture), ==, due - 1);
  /* The fixture's tear-down stops the server now. */
}

/* ---- query plans ----------------------------------------------------------- */

static char *
plan_of (AnjuTestServer *srv,
         const char     *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuDb) reader = anju_db_open_reader (
    anju_db_get_path (anju_server_get_db (srv->server)), &error);
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  stmt = anju_db_prepare (reader, explain, &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_reset (stmt);
  g_test_message ("%s\n%s", sql, plan->str);
  return g_string_free (g_steal_pointer (&plan), FALSE);
}

/* The first line of the plan searches index; nothing is sorted apart. */
static void
assert_walks_index (const char *plan,
                    const char *table,
                    const char *index)
{
  g_autofree char *search = g_strdup_printf ("SEARCH %s USING INDEX %s (", table, index);

  if (!g_str_has_prefix (plan, search))
    g_test_fail_printf ("expected %s…\n%s", search, plan);
  if (strstr (plan, "TEMP B-TREE") != NULL)
    g_test_fail_printf ("sorts apart from the index\n%s", plan);
}

/* Each batch reads one page from the open ones' partial index, resumed
 * at its cursor: neither a scan of every publicity (or task) nor a sort
 * of every open one. */
static void
test_query_plans (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *endings = plan_of (fixture->srv, anju_review_sweep_endings_sql ());
  g_autofree char *overdue = plan_of (fixture->srv, anju_workflow_overdue_sql ());

  assert_walks_index (endings, "p", "pubrent_publicity_open");
  g_assert_nonnull (strstr (endings, "pubrent_objections_publicity"));
  assert_walks_index (overdue, "t", "workflow_tasks_open_due");
  g_assert_nonnull (strstr (overdue, "SEARCH i USING INTEGER PRIMARY KEY"));
}

int
main (int   argc,
      char *argv[])
{
  anju_test_init (&argc, &argv);

  g_test_add ("/pubrent/review/sweep/batches F-PRH-005 F-PRH-006", Fixture, NULL,
              fixture_set_up, test_batches, fixture_tear_down);
  g_test_add ("/pubrent/review/sweep/shutdown-during-run", Fixture, NULL, fixture_set_up,
              test_shutdown_during_run, fixture_tear_down);
  g_test_add ("/pubrent/review/sweep/query-plans", Fixture, NULL, fixture_set_up,
              test_query_plans, fixture_tear_down);

  return g_test_run ();
}
