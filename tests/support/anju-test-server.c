/* anju-test-server.c: a real anju-server in a thread of its own.
 *
 * Shaped after libsoup's tests/test-utils.c: the server gets its own
 * GMainContext, pushed as thread-default before it listens so that its
 * listeners attach there, while the test thread talks to it with a
 * synchronous SoupSession.  The session trusts exactly the server's fresh
 * self-signed certificate, so the tests exercise the real TLS path.
 */

#include "anju-test-dirs.h"
#include "anju-test-server.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "anju-audit.h"
#include "anju-identity.h"

/* The demo data set hashes one password per account, which costs a good
 * fraction of a second; build it once per test process and copy the two
 * files it consists of (database and audit key) for every server. */
typedef struct
{
  GBytes *database;
  GBytes *audit_key;
} DemoTemplate;

typedef struct
{
  AnjuTestServer *self;
  GMutex          lock;
  GCond           cond;
  gboolean        done;
  GError         *error;
} StartData;

static void
remove_recursively (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      if (g_remove (path) != 0 && errno != ENOENT)
        g_test_message ("could not remove %s: %s", path, g_strerror (errno));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_recursively (child);
    }

  if (g_rmdir (path) != 0)
    g_test_message ("could not remove %s: %s", path, g_strerror (errno));
}

void
anju_test_init (int    *argc,
                char ***argv)
{
  setlocale (LC_ALL, "");
  anju_test_isolate_dirs ();
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (argc, argv, NULL);
}

static GBytes *
read_file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
write_file_bytes (const char *path,
                  GBytes     *bytes,
                  int         mode)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  g_file_set_contents_full (path, data, length,
                            G_FILE_SET_CONTENTS_CONSISTENT, mode, &error);
  g_assert_no_error (error);
}

/* Opens and migrates the database at config's path, with the demo data
 * when asked; the connection is closed again on return, which folds the
 * WAL back into the main file. */
static void
initialise_database (const AnjuConfig *config,
                     AnjuClock        *clock,
                     gboolean          demo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuDb) db = NULL;

  db = anju_db_open (config->database_path, &error);
  g_assert_no_error (error);
  anju_db_migrate (db, &error);
  g_assert_no_error (error);

  if (demo)
    {
      g_autofree char *key_path = anju_config_get_audit_key_path (config);
      g_autoptr(GBytes) key = anju_audit_load_key (key_path, &error);

      g_assert_no_error (error);
      anju_identity_populate_demo (db, clock, key, &error);
      g_assert_no_error (error);
    }
}

static gpointer
make_demo_template (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuConfig) config = anju_config_new_default ();
  g_autoptr(AnjuClock) clock = anju_clock_new ();
  g_autofree char *dir = g_dir_make_tmp ("anju-template-XXXXXX", &error);
  g_autofree char *key_path = NULL;
  DemoTemplate *template;

  g_assert_no_error (error);

  g_free (config->database_path);
  config->database_path = g_build_filename (dir, "anju.db", NULL);
  initialise_database (config, clock, TRUE);

  key_path = anju_config_get_audit_key_path (config);
  template = g_new0 (DemoTemplate, 1);
  template->database = read_file_bytes (config->database_path);
  template->audit_key = read_file_bytes (key_path);

  remove_recursively (dir);

  return template;
}

static const DemoTemplate *
get_demo_template (void)
{
  /* Immutable once made: the one piece of process-wide state here. */
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, make_demo_template, NULL);
}

static void
install_demo_database (const AnjuConfig *config)
{
  const DemoTemplate *template = get_demo_template ();
  g_autofree char *key_path = anju_config_get_audit_key_path (config);

  write_file_bytes (config->database_path, template->database, 0600);
  write_file_bytes (key_path, template->audit_key, 0600);
}

static void
signal_started (StartData *start,
                GError    *error)
{
  g_mutex_lock (&start->lock);
  start->error = error;
  start->done = TRUE;
  g_cond_signal (&start->cond);
  g_mutex_unlock (&start->lock);
}

/* The identity captures' SM4 key, as `openssl rand -hex 16` writes it;
 * a test that wants none clears the config's path in its edit. */
static char *
write_capture_key (const char *dir)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "identity-capture.key", NULL);

  g_file_set_contents_full (path, ANJU_TEST_CAPTURE_KEY "\n", -1,
                            G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
  return path;
}

static gpointer
server_thread_func (gpointer data)
{
  StartData *start = data;
  AnjuTestServer *self = start->self;
  GError *error = NULL;

  g_main_context_push_thread_default (self->context);

  self->server = anju_server_new (self->config, self->clock, &error);
  if (self->server != NULL && anju_server_listen (self->server, &error))
    {
      GTlsCertificate *certificate = anju_server_get_certificate (self->server);

      self->base_uri = g_strdup_printf ("https://127.0.0.1:%u",
                                        anju_server_get_port (self->server));
      if (certificate != NULL)
        g_object_get (certificate, "certificate-pem", &self->cert_pem, NULL);
    }

  /* start is gone once signalled: the starter's stack frame. */
  signal_started (start, error);

  if (error == NULL)
    g_main_loop_run (self->loop);

  /* Finalize the server where it ran: its sources live in this context. */
  g_clear_object (&self->server);
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

static SoupSession *
new_session_trusting (const char *trust_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsDatabase) database = NULL;

  database = g_tls_file_database_new (trust_path, &error);
  g_assert_no_error (error);

  /* No proxy: tests never leave the machine. */
  return soup_session_new_with_options ("tls-database", database,
                                        "proxy-resolver", NULL,
                                        "user-agent", "anju-tests",
                                        NULL);
}

static char *
get_trust_path (AnjuTestServer *self)
{
  return g_build_filename (self->tmpdir, "trusted-server.pem", NULL);
}

SoupSession *
anju_test_server_new_session (AnjuTestServer *self)
{
  g_autofree char *trust_path = get_trust_path (self);

  return new_session_trusting (trust_path);
}

AnjuTestServer *
anju_test_server_start_with (gboolean   demo,
                             void     (*edit) (AnjuConfig *config,
                                               gpointer    data),
                             gpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *trust_path = NULL;
  AnjuTestServer *self;
  StartData start = { 0, };

  self = g_new0 (AnjuTestServer, 1);
  self->tmpdir = g_dir_make_tmp ("anju-test-XXXXXX", &error);
  g_assert_no_error (error);

  self->clock = anju_clock_new ();
  self->config = anju_config_new_default ();
  g_free (self->config->listen_host);
  self->config->listen_host = g_strdup ("127.0.0.1");
  self->config->listen_port = 0;
  g_free (self->config->database_path);
  self->config->database_path = g_build_filename (self->tmpdir, "anju.db", NULL);
  self->config->identity_capture_sm4_key_file = write_capture_key (self->tmpdir);
  if (edit != NULL)
    edit (self->config, data);

  if (demo)
    install_demo_database (self->config);
  else
    initialise_database (self->config, self->clock, FALSE);

  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);

  start.self = self;
  g_mutex_init (&start.lock);
  g_cond_init (&start.cond);
  self->thread = g_thread_new ("anju-test-server", server_thread_func, &start);
  g_mutex_lock (&start.lock);
  while (!start.done)
    g_cond_wait (&start.cond, &start.lock);
  g_mutex_unlock (&start.lock);
  g_mutex_clear (&start.lock);
  g_cond_clear (&start.cond);

  if (start.error != NULL)
    {
      g_thread_join (g_steal_pointer (&self->thread));
      g_propagate_error (&error, start.error);
    }
  g_assert_no_error (error);
  g_assert_nonnull (self->cert_pem);

  trust_path = get_trust_path (self);
  g_file_set_contents (trust_path, self->cert_pem, -1, &error);
  g_assert_no_error (error);
  self->session = new_session_trusting (trust_path);

  return self;
}

AnjuTestServer *
anju_test_server_start (gboolean demo)
{
  return anju_test_server_start_with (demo, NULL, NULL);
}

static gboolean
stop_in_server_thread (gpointer data)
{
  AnjuTestServer *self = data;

  anju_server_shutdown (self->server);
  g_main_loop_quit (self->loop);

  return G_SOURCE_REMOVE;
}

void
anju_test_server_stop (AnjuTestServer *self)
{
  if (self == NULL)
    return;

  /* Drop the client side first so its keep-alive connections close. */
  g_clear_object (&self->session);

  g_main_context_invoke (self->context, stop_in_server_thread, self);
  g_thread_join (g_steal_pointer (&self->thread));

  remove_recursively (self->tmpdir);

  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->config, anju_config_free);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->tmpdir, g_free);
  g_clear_pointer (&self->base_uri, g_free);
  g_clear_pointer (&self->cert_pem, g_free);
  g_free (self);
}

GBytes *
anju_test_request_raw_with_session (AnjuTestServer *self,
                                    SoupSession    *session,
                                    const char     *token,
                                    const char     *method,
                                    const char     *path,
                                    const char     *content_type,
                                    GBytes         *body,
                                    guint          *out_status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autofree char *uri = g_strconcat (self->base_uri, path, NULL);
  GBytes *reply;

  message = soup_message_new (method, uri);
  g_assert_nonnull (message);

  if (token != NULL)
    {
      /* A terminal's signature goes as it is. */
      g_autofree char *authorization = g_str_has_prefix (token, "Terminal ")
                                         ? g_strdup (token)
                                         : g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (message),
                                    "Authorization", authorization);
    }
  if (body != NULL)
    soup_message_set_request_body_from_bytes (message, content_type, body);

  reply = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);

  if (out_status != NULL)
    *out_status = soup_message_get_status (message);

  return reply;
}

GBytes *
anju_test_request_raw (AnjuTestServer *self,
                       const char     *token,
                       const char     *method,
                       const char     *path,
                       const char     *content_type,
                       GBytes         *body,
                       guint          *out_status)
{
  return anju_test_request_raw_with_session (self, self->session, token, method,
                                             path, content_type, body, out_status);
}

JsonNode *
anju_test_parse_json (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length == 0)
    return json_node_new (JSON_NODE_NULL);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &error))
    g_error ("response is not JSON (%s): %.*s", error->message, (int) MIN (length, 400), data);

  return json_parser_steal_root (parser);
}

JsonNode *
anju_test_request_with_session (AnjuTestServer *self,
                                SoupSession    *session,
                                const char     *token,
                                const char     *method,
                                const char     *path,
                                const char     *body,
                                guint          *out_status)
{
  g_autoptr(GBytes) request_body = NULL;
  g_autoptr(GBytes) reply = NULL;

  if (body != NULL)
    request_body = g_bytes_new (body, strlen (body));

  reply = anju_test_request_raw_with_session (self, session, token, method, path,
                                              "application/json", request_body,
                                              out_status);

  return anju_test_parse_json (reply);
}

JsonNode *
anju_test_request (AnjuTestServer *self,
                   const char     *token,
                   const char     *method,
                   const char     *path,
                   const char     *body,
                   guint          *out_status)
{
  return anju_test_request_with_session (self, self->session, token, method,
                                         path, body, out_status);
}

char *
anju_test_login (AnjuTestServer *self,
                 const char     *username,
                 const char     *password)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *body = NULL;
  JsonObject *object;
  guint status = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  request = json_builder_get_root (builder);
  body = json_to_string (request, FALSE);

  reply = anju_test_request (self, NULL, "POST", "/api/v1/auth/login", body, &status);
  if (status != SOUP_STATUS_OK)
    {
      g_autofree char *text = json_to_string (reply, FALSE);

      g_error ("login as %s answered %u: %s", username, status, text);
    }

  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply));
  object = json_node_get_object (reply);
  g_assert_true (json_object_has_member (object, "token"));

  return g_strdup (json_object_get_string_member (object, "token"));
}

/* A connection of the test's own, next to the server's. */
static sqlite3 *
open_side_connection (const char *path)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    g_error ("open %s: %s", path, sqlite3_errstr (rc));
  sqlite3_busy_timeout (db, 10000);

  return db;
}

static sqlite3_stmt *
prepare_or_die (sqlite3    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));

  return stmt;
}

char *
anju_test_sqlite_query (const char *path,
                        const char *sql)
{
  sqlite3 *db = open_side_connection (path);
  sqlite3_stmt *stmt = prepare_or_die (db, sql);
  char *result = NULL;
  int rc;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const unsigned char *text = sqlite3_column_text (stmt, 0);

      if (text != NULL)
        result = g_strdup ((const char *) text);
    }
  else if (rc != SQLITE_DONE)
    {
      g_error ("%s: %s", sql, sqlite3_errmsg (db));
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return result;
}

char *
anju_test_sqlite_dump (const char *path,
                       const char *table)
{
  sqlite3 *db = open_side_connection (path);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", table);
  sqlite3_stmt *stmt = prepare_or_die (db, sql);
  GString *dump = g_string_new (NULL);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const unsigned char *text = sqlite3_column_text (stmt, i);

          g_string_append (dump, text != NULL ? (const char *) text : "NULL");
          g_string_append_c (dump, i + 1 < sqlite3_column_count (stmt) ? '|' : '\n');
        }
    }
  if (rc != SQLITE_DONE)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (dump, FALSE);
}

char *
anju_test_db_query (AnjuTestServer *self,
                    const char     *sql)
{
  return anju_test_sqlite_query (self->config->database_path, sql);
}

#define ORPHANS \
  "(SELECT id FROM workflow_instances WHERE domain = 'pubrent.application'" \
  " AND record_id NOT IN (SELECT id FROM pubrent_applications))"

void
anju_test_db_drop_orphan_processes (AnjuTestServer *self)
{
  static const char * const deletes[] = {
    "DELETE FROM workflow_history_files WHERE history_id IN"
    " (SELECT id FROM workflow_history WHERE instance_id IN " ORPHANS ")",
    "DELETE FROM workflow_history WHERE instance_id IN " ORPHANS,
    "DELETE FROM workflow_tasks WHERE instance_id IN " ORPHANS,
    "DELETE FROM workflow_instances WHERE id IN " ORPHANS,
  };

  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    g_free (anju_test_db_query (self, deletes[i]));
}

char *
anju_test_db_dump (AnjuTestServer *self,
                   const char     *table)
{
  return anju_test_sqlite_dump (self->config->database_path, table);
}
