/* test-db-worker.c: long reads run off the main loop (issue 7, point 6).
 *
 * The worker's own behaviour over real HTTPS: a job's answer, a job's
 * error as the API's error JSON, a client that goes away cancelling its
 * job, and shutdown waiting for a running job.  Then the point of it:
 * while an export (F-PRH-012 房源导出) is held in the worker by the
 * test-only gate, the unit list, health and a sign-in are all answered;
 * released, the export ends with the right file, as the database was
 * when it began.  No timing anywhere:
 * the gate holds the export for as long as the test needs.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "anju-db-worker.h"
#include "anju-table-reader.h"
#include "anju-test-identity.h"

#define UNITS "/api/v1/pubrent/units"
#define UNITS_EXPORT UNITS "/export?format=csv"
#define HEALTH "/api/v1/health"

/* One request in a thread of its own, with a session of its own. */
typedef struct
{
  AnjuTestServer *srv;
  const char     *token;
  const char     *path;
  GCancellable   *cancellable;   /* (nullable) */
  guint           status;
  GBytes         *body;          /* (owned) (nullable) */
  GError         *error;         /* (owned) (nullable) */
} Call;

static gpointer
call_thread (gpointer data)
{
  Call *call = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autofree char *uri = g_strconcat (call->srv->base_uri, call->path, NULL);
  g_autofree char *authorization = g_strdup_printf ("Bearer %s", call->token);

  g_main_context_push_thread_default (context);
  session = anju_test_server_new_session (call->srv);
  message = soup_message_new ("GET", uri);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization",
                                authorization);
  call->body = soup_session_send_and_read (session, message, call->cancellable, &call->error);
  call->status = soup_message_get_status (message);
  g_clear_object (&message);
  g_clear_object (&session);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static GThread *
call_start (Call *call)
{
  return g_thread_new ("test-db-worker call", call_thread, call);
}

static void
call_clear (Call *call)
{
  g_clear_pointer (&call->body, g_bytes_unref);
  g_clear_error (&call->error);
}

static AnjuDbWorker *
worker_of (AnjuTestServer *srv)
{
  AnjuDbWorker *worker = anju_server_get_db_worker (srv->server);

  g_assert_nonnull (worker);
  return worker;
}

static gint64
unit_total (AnjuTestServer *srv,
            SoupSession    *session,
            const char     *token)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request_with_session (srv, session, token, "GET", UNITS "?page_size=5", NULL,
                                          &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  anju_test_assert_page (reply);
  return anju_test_json_int (reply, "total");
}

/* The CSV holds a header and one row per unit of the list. */
static void
assert_units_csv (GBytes *csv,
                  gint64  total)
{
  g_autoptr(AnjuTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (csv);
  g_assert_cmpmem (g_bytes_get_data (csv, NULL), 3, "\xEF\xBB\xBF", 3);
  reader = anju_table_reader_new (csv, "csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (anju_table_reader_get_header (reader)[0], ==, "房屋编号");
  g_assert_cmpint (anju_table_reader_get_n_rows (reader), ==, total);
}

/* A job's answer is the same as the handler would have made on the
 * main loop: statistics and the overview come back whole. */
static void
test_job_result (AnjuTestFixture *fixture,
                 gconstpointer    data)
{
  g_autoptr(JsonNode) statistics = NULL;
  g_autoptr(JsonNode) overview = NULL;
  g_autoptr(JsonNode) audit = NULL;
  guint status = 0;

  statistics = anju_test_request (fixture->srv, fixture->admin, "GET",
                                  "/api/v1/pubrent/statistics?months=3", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, statistics);
  g_assert_cmpuint (anju_test_json_length (statistics, "by_month"), ==, 3);
  g_assert_cmpuint (anju_test_json_length (statistics, "by_status"), >, 0);

  overview = anju_test_request (fixture->srv, fixture->admin, "GET", "/api/v1/portal/overview",
                                NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, overview);
  g_assert_cmpint (anju_test_json_int (overview, "tiles.users"), >, 0);

  audit = anju_test_request (fixture->srv, fixture->admin, "GET", "/api/v1/audit?page_size=2",
                             NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, audit);
  anju_test_assert_page (audit);
  g_assert_cmpuint (anju_test_json_length (audit, "items"), ==, 2);
  g_assert_cmpint (anju_test_json_int (audit, "next"), ==, 2);
}

/* An error the job sets goes out as {"error":{code,message,fields}};
 * a bad query is still refused on the main loop before any job. */
static void
test_job_error (AnjuTestFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(JsonNode) missing = NULL;
  g_autoptr(JsonNode) bad_format = NULL;
  g_autoptr(JsonNode) bad_months = NULL;
  guint status = 0;

  missing = anju_test_request (fixture->srv, fixture->admin, "GET",
                               "/api/v1/pubrent/documents/999999/export", NULL, &status);
  anju_assert_error (status, missing, SOUP_STATUS_NOT_FOUND, "not_found");
  g_assert_true (anju_test_json_has (missing, "error.message"));
  g_assert_true (anju_test_json_has (missing, "error.fields"));

  bad_format = anju_test_request (fixture->srv, fixture->admin, "GET",
                                  UNITS "/export?format=pdf", NULL, &status);
  anju_assert_error (status, bad_format, 422, "validation_failed");

  bad_months = anju_test_request (fixture->srv, fixture->admin, "GET",
                                  "/api/v1/pubrent/statistics?months=99", NULL, &status);
  anju_assert_error (status, bad_months, 422, "validation_failed");
}

static void
assert_ok (AnjuTestServer *srv,
           SoupSession    *session,
           const char     *token,
           const char     *path)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request_with_session (srv, session, token, "GET", path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
}

/* The point of the worker: exports held in it do not hold anyone else
 * up.  If they ran on the main loop, or took the threads the lists run
 * in, a request below would wait for the gate, which only opens after
 * them: the test would hang. */
static void
test_export_does_not_block (AnjuTestFixture *fixture,
                            gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  AnjuDbWorker *worker = worker_of (srv);
  g_autoptr(SoupSession) session = anju_test_server_new_session (srv);
  g_autofree char *street = NULL;
  Call exports[2] = {
    { srv, fixture->admin, UNITS_EXPORT },
    { srv, fixture->admin, "/api/v1/pubrent/applications/export?format=csv" },
  };
  Call again = { srv, fixture->admin, UNITS_EXPORT };
  GThread *threads[G_N_ELEMENTS (exports)];
  gint64 total = unit_total (srv, session, fixture->admin);

  g_assert_cmpint (total, >, 0);
  anju_db_worker_hold_for_test (worker, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    threads[i] = call_start (&exports[i]);
  /* Every thread of the bulk lane (worker_threads = 2) is taken. */
  anju_db_worker_wait_held_for_test (worker, G_N_ELEMENTS (exports));

  /* The main loop and the quick lane answer the rest. */
  g_assert_cmpint (unit_total (srv, session, fixture->admin), ==, total);
  assert_ok (srv, session, NULL, HEALTH);
  assert_ok (srv, session, fixture->admin, "/api/v1/pubrent/applications?q=%E5%BC%A0");
  assert_ok (srv, session, fixture->admin, "/api/v1/pubrent/statistics");
  assert_ok (srv, session, fixture->admin, "/api/v1/portal/overview");
  street = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_assert_nonnull (street);
  g_assert_null (exports[0].body);
  g_assert_null (exports[1].body);

  anju_db_worker_hold_for_test (worker, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_thread_join (threads[i]);
      g_assert_no_error (exports[i].error);
      g_assert_cmpuint (exports[i].status, ==, SOUP_STATUS_OK);
    }
  assert_units_csv (exports[0].body, total);

  /* The same file every time: nothing depends on how it was made. */
  g_thread_join (call_start (&again));
  g_assert_no_error (again.error);
  g_assert_cmpuint (again.status, ==, SOUP_STATUS_OK);
  g_assert_true (g_bytes_equal (exports[0].body, again.body));
  call_clear (&exports[0]);
  call_clear (&exports[1]);
  call_clear (&again);
}

/* A client that leaves cancels its job; the server settles the request
 * (or stopping it below would wait and warn) and goes on serving. */
static void
test_client_goes_away (AnjuTestFixture *fixture,
                       gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  AnjuDbWorker *worker = worker_of (srv);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SoupSession) session = anju_test_server_new_session (srv);
  Call export = { srv, fixture->admin, UNITS_EXPORT, cancellable };
  Call after = { srv, fixture->admin, UNITS_EXPORT };
  GThread *thread;
  gint64 total = unit_total (srv, session, fixture->admin);

  anju_db_worker_hold_for_test (worker, TRUE);
  thread = call_start (&export);
  anju_db_worker_wait_held_for_test (worker, 1);

  g_cancellable_cancel (cancellable);
  g_thread_join (thread);
  g_assert_error (export.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Only the client's leaving can end the held job. */
  anju_db_worker_wait_cancelled_for_test (worker, 1);
  anju_db_worker_hold_for_test (worker, FALSE);

  g_thread_join (call_start (&after));
  g_assert_no_error (after.error);
  g_assert_cmpuint (after.status, ==, SOUP_STATUS_OK);
  assert_units_csv (after.body, total);
  call_clear (&export);
  call_clear (&after);
}

/* The monthly rent of unit unit_no in an export of the units. */
static char *
exported_rent (GBytes     *csv,
               const char *unit_no)
{
  g_autoptr(AnjuTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  int unit_column, rent_column;

  reader = anju_table_reader_new (csv, "csv", &error);
  g_assert_no_error (error);
  unit_column = anju_table_reader_find_column (reader, "房屋编号");
  rent_column = anju_table_reader_find_column (reader, "月租金");
  g_assert_cmpint (unit_column, >=, 0);
  g_assert_cmpint (rent_column, >=, 0);
  for (guint i = 0; i < anju_table_reader_get_n_rows (reader); i++)
    if (g_strcmp0 (anju_table_reader_get_cell (reader, i, unit_column), unit_no) == 0)
      return g_strdup (anju_table_reader_get_cell (reader, i, rent_column));
  g_error ("unit %s is not in the export", unit_no);
}

/* A job reads in one transaction: an export held half-way (its snapshot
 * taken) does not see a change committed meanwhile, though every later
 * read does.  Each statement reading the last commit, the export would
 * show the new rent. */
static void
test_job_reads_one_snapshot (AnjuTestFixture *fixture,
                             gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  AnjuDbWorker *worker = worker_of (srv);
  g_autoptr(JsonNode) page = NULL;
  g_autoptr(JsonNode) changed = NULL;
  g_autofree char *unit_no = NULL;
  g_autofree char *rent_before = NULL;
  g_autofree char *unit_path = NULL;
  g_autofree char *held_rent = NULL;
  g_autofree char *later_rent = NULL;
  Call held = { srv, fixture->admin, UNITS_EXPORT };
  Call later = { srv, fixture->admin, UNITS_EXPORT };
  GThread *thread;
  guint status = 0;

  page = anju_test_request (srv, fixture->admin, "GET", UNITS "?page_size=1", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, page);
  unit_no = g_strdup (anju_test_json_string (page, "items.0.unit_no"));
  rent_before = g_strdup (anju_test_json_string (page, "items.0.monthly_rent"));
  unit_path = g_strdup_printf (UNITS "/%" G_GINT64_FORMAT, anju_test_json_int (page, "items.0.id"));
  g_assert_cmpstr (rent_before, !=, "987.65");

  anju_db_worker_hold_for_test (worker, TRUE);
  thread = call_start (&held);
  anju_db_worker_wait_held_for_test (worker, 1);

  changed = anju_test_request (srv, fixture->admin, "PATCH", unit_path,
                               "{\"monthly_rent\":\"987.65\"}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, changed);

  anju_db_worker_hold_for_test (worker, FALSE);
  g_thread_join (thread);
  g_assert_no_error (held.error);
  g_assert_cmpuint (held.status, ==, SOUP_STATUS_OK);
  held_rent = exported_rent (held.body, unit_no);
  g_assert_cmpstr (held_rent, ==, rent_before);

  g_thread_join (call_start (&later));
  g_assert_no_error (later.error);
  later_rent = exported_rent (later.body, unit_no);
  g_assert_cmpstr (later_rent, ==, "987.65");
  call_clear (&held);
  call_clear (&later);
}

static gpointer
stop_thread (gpointer data)
{
  anju_test_server_stop (data);
  return NULL;
}

/* Shutdown waits for a job that is running and delivers its answer. */
static void
test_shutdown_waits (void)
{
  AnjuTestServer *srv = anju_test_server_start (TRUE);
  g_autoptr(SoupSession) session = anju_test_server_new_session (srv);
  g_autofree char *admin = anju_test_login (srv, "admin", ANJU_TEST_DEMO_PASSWORD);
  AnjuDbWorker *worker = worker_of (srv);
  Call export = { srv, admin, UNITS_EXPORT };
  GThread *thread;
  GThread *stopper;
  gint64 total = unit_total (srv, session, admin);
  guint status = 0;

  anju_db_worker_hold_for_test (worker, TRUE);
  thread = call_start (&export);
  anju_db_worker_wait_held_for_test (worker, 1);

  stopper = g_thread_new ("test-db-worker stop", stop_thread, srv);
  /* Shutting down refuses new requests while it waits for the export. */
  do
    {
      g_autoptr(JsonNode) health = NULL;

      health = anju_test_request_with_session (srv, session, NULL, "GET", HEALTH, NULL, &status);
      if (status != SOUP_STATUS_SERVICE_UNAVAILABLE)
        g_usleep (G_USEC_PER_SEC / 100);
    }
  while (status != SOUP_STATUS_SERVICE_UNAVAILABLE);
  g_clear_object (&session);

  anju_db_worker_hold_for_test (worker, FALSE);
  g_thread_join (thread);
  g_assert_no_error (export.error);
  g_assert_cmpuint (export.status, ==, SOUP_STATUS_OK);
  assert_units_csv (export.body, total);
  /* The stopper has freed srv. */
  g_thread_join (stopper);
  call_clear (&export);
}

static void
two_record_threads (AnjuConfig *config,
                    gpointer    data)
{
  config->database_record_threads = 2;
}

/* The state of the street review in an application's timeline. */
static char *
street_review_state (AnjuTestServer *srv,
                     const char     *token,
                     const char     *timeline_path)
{
  g_autoptr(JsonNode) timeline = anju_test_get_ok (srv, token, timeline_path);
  int index = anju_test_json_find (timeline, "nodes", "key", "street_review");
  g_autofree char *path = g_strdup_printf ("nodes.%d.state", index);

  g_assert_cmpint (index, >=, 0);
  return g_strdup (anju_test_json_string (timeline, path));
}

/* The RECORD lane: an application's detail (F-PRH-003) and its
 * timeline are read on the connection of the application's id, one of
 * record_threads; the other thread's stays unopened until a record of
 * its own comes.  Keeping its connection between records, the lane
 * still reads the last commit: an approval made after both were read
 * shows in both. */
static void
test_record_lane (void)
{
  AnjuTestServer *srv = anju_test_server_start_with (TRUE, two_record_threads, NULL);
  AnjuDbWorker *worker = worker_of (srv);
  g_autofree char *street = anju_test_login (srv, "street_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) todo = anju_test_get_ok (srv, street, "/api/v1/todo?page_size=1");
  gint64 id = anju_test_json_int (todo, "items.0.record_id");
  g_autofree char *detail_path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT,
                                                  id);
  g_autofree char *timeline_path = g_strconcat (detail_path, "/timeline", NULL);
  g_autofree char *actions_path = g_strdup_printf ("/api/v1/workflow/instances/%" G_GINT64_FORMAT
                                                   "/actions",
                                                   anju_test_json_int (todo, "items.0.instance_id"));
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) approved = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *state_before = NULL;
  g_autofree char *state_after = NULL;
  AnjuDb *reader;
  guint status = 0;

  g_assert_null (anju_db_worker_get_record_reader_for_test (worker, id));
  g_assert_null (anju_db_worker_get_record_reader_for_test (worker, id + 1));

  before = anju_test_get_ok (srv, street, detail_path);
  g_assert_cmpint (anju_test_json_int (before, "id"), ==, id);
  g_assert_cmpstr (anju_test_json_string (before, "process.step_key"), ==, "street_review");
  reader = anju_db_worker_get_record_reader_for_test (worker, id);
  g_assert_nonnull (reader);
  state_before = street_review_state (srv, street, timeline_path);
  g_assert_true (anju_db_worker_get_record_reader_for_test (worker, id) == reader);
  g_assert_null (anju_db_worker_get_record_reader_for_test (worker, id + 1));

  approved = anju_test_request (srv, street, "POST", actions_path,
                                "{\"action\":\"approve\",\"comment\":\"同意\"}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, approved);

  after = anju_test_get_ok (srv, street, detail_path);
  g_assert_cmpstr (anju_test_json_string (after, "process.step_key"), !=, "street_review");
  state_after = street_review_state (srv, street, timeline_path);
  g_assert_cmpstr (state_after, !=, state_before);
  g_assert_true (anju_db_worker_get_record_reader_for_test (worker, id) == reader);
  g_assert_null (anju_db_worker_get_record_reader_for_test (worker, id + 1));

  anju_test_server_stop (srv);
}

/* [database] worker_threads: from 1 to 64, 2 when absent;
 * record_threads: from 1 to 64, 1 when absent. */
static void
test_config (void)
{
  g_autofree char *dir = g_dir_make_tmp ("anju-db-worker-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "anju-server.conf", NULL);
  g_autoptr(AnjuConfig) defaults = anju_config_new_default ();
  g_autoptr(AnjuConfig) three = NULL;
  g_autoptr(AnjuConfig) zero = NULL;
  g_autoptr(AnjuConfig) no_records = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (defaults->database_worker_threads, ==, 2);
  g_assert_cmpuint (defaults->database_record_threads, ==, 1);

  g_assert_true (g_file_set_contents (path, "[database]\nworker_threads=3\nrecord_threads=3\n",
                                      -1, NULL));
  three = anju_config_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (three->database_worker_threads, ==, 3);
  g_assert_cmpuint (three->database_record_threads, ==, 3);

  g_assert_true (g_file_set_contents (path, "[database]\nworker_threads=0\n", -1, NULL));
  zero = anju_config_load (path, &error);
  g_assert_null (zero);
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "worker_threads"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "[database]\nrecord_threads=0\n", -1, NULL));
  no_records = anju_config_load (path, &error);
  g_assert_null (no_records);
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "record_threads"));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  anju_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/platform/db-worker/" path, AnjuTestFixture, NULL, anju_test_fixture_set_up, \
              func, anju_test_fixture_tear_down)
  ADD ("F-PRH-001/job-result", test_job_result);
  ADD ("F-PRH-012/job-error", test_job_error);
  ADD ("F-PRH-012/export-does-not-block", test_export_does_not_block);
  ADD ("F-PRH-012/client-goes-away", test_client_goes_away);
  ADD ("F-PRH-012/job-reads-one-snapshot", test_job_reads_one_snapshot);
#undef ADD
  g_test_add_func ("/platform/db-worker/F-PRH-012/shutdown-waits", test_shutdown_waits);
  g_test_add_func ("/platform/db-worker/F-PRH-003/record-lane", test_record_lane);
  g_test_add_func ("/platform/db-worker/config", test_config);
  return g_test_run ();
}
