/* anju-test-server.h: a real anju-server for tests.
 *
 * Starts the server in a thread of its own (own GMainContext), on
 * 127.0.0.1 port 0, HTTPS with a fresh self-signed certificate, with a
 * database in a temporary directory that is removed at stop.  With demo
 * TRUE the database holds the demo data set (docs/demo.md).  The clock is
 * the server's injectable one: move it with anju_clock_advance().
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "anju-server.h"

G_BEGIN_DECLS

typedef struct
{
  AnjuServer   *server;
  AnjuClock    *clock;
  AnjuConfig   *config;
  char         *tmpdir;
  char         *base_uri;      /* "https://127.0.0.1:PORT" */
  char         *cert_pem;      /* the server's certificate, PEM */
  SoupSession  *session;       /* trusts exactly cert_pem */
  /* private */
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
} AnjuTestServer;

/* The SM4 key of identity captures every test server is configured with
 * (a file in its temporary directory). */
#define ANJU_TEST_CAPTURE_KEY "00112233445566778899aabbccddeeff"

/* Demo password of every demo account. */
#define ANJU_TEST_DEMO_PASSWORD "Anju@2026"

/* g_test_init() in a private home (anju-test-dirs.h), the locale from the
 * environment and the in-memory GSettings backend. */
void            anju_test_init                (int            *argc,
                                               char         ***argv);

AnjuTestServer *anju_test_server_start        (gboolean        demo);
/* Like start, but lets the caller edit the config before the server is
 * made (lockout numbers, body limit …). */
AnjuTestServer *anju_test_server_start_with   (gboolean        demo,
                                               void          (*edit) (AnjuConfig *config,
                                                                      gpointer    data),
                                               gpointer        data);
void            anju_test_server_stop         (AnjuTestServer *self);

/* A new session that trusts exactly the server's certificate, for a
 * thread of the test other than the one that started the server (a
 * SoupSession is used from one thread only). */
SoupSession    *anju_test_server_new_session  (AnjuTestServer *self);

/* Synchronous request from the test thread.  body is JSON text or NULL;
 * token may be NULL, or a terminal's "Terminal <sn>:<credential>" that
 * goes as the Authorization header as it is; path starts with "/" and carries its query already
 * URI-escaped.  Returns the parsed body (JSON null for an empty
 * body) and sets *out_status. */
JsonNode       *anju_test_request             (AnjuTestServer *self,
                                               const char     *token,
                                               const char     *method,
                                               const char     *path,
                                               const char     *body,
                                               guint          *out_status);
/* Raw variant: any bytes as body, any content type. */
GBytes         *anju_test_request_raw         (AnjuTestServer *self,
                                               const char     *token,
                                               const char     *method,
                                               const char     *path,
                                               const char     *content_type,
                                               GBytes         *body,
                                               guint          *out_status);
/* The same two through another session (see new_session). */
JsonNode       *anju_test_request_with_session (AnjuTestServer *self,
                                                SoupSession    *session,
                                                const char     *token,
                                                const char     *method,
                                                const char     *path,
                                                const char     *body,
                                                guint          *out_status);
GBytes         *anju_test_request_raw_with_session (AnjuTestServer *self,
                                                    SoupSession    *session,
                                                    const char     *token,
                                                    const char     *method,
                                                    const char     *path,
                                                    const char     *content_type,
                                                    GBytes         *body,
                                                    guint          *out_status);
/* A response body as JSON (JSON null when empty); aborts on bad JSON. */
JsonNode       *anju_test_parse_json          (GBytes         *bytes);
/* Logs in and returns the token; fails the test unless 200. */
char           *anju_test_login               (AnjuTestServer *self,
                                               const char     *username,
                                               const char     *password);
/* Runs a SQL query on a separate connection to the server's database and
 * returns the first column of the first row as text (or NULL). */
char           *anju_test_db_query            (AnjuTestServer *self,
                                               const char     *sql);
/* The issue-3 demo's placeholder processes name no application and
 * would collide with the ids of new ones: tests that create applications
 * on the demo data drop them first. */
void            anju_test_db_drop_orphan_processes (AnjuTestServer *self);
/* Every row of table, every column as text, in rowid order: compare two
 * dumps to prove that a request wrote nothing. */
char           *anju_test_db_dump             (AnjuTestServer *self,
                                               const char     *table);
/* The same two on any database file. */
char           *anju_test_sqlite_query        (const char     *path,
                                               const char     *sql);
char           *anju_test_sqlite_dump         (const char     *path,
                                               const char     *table);

G_END_DECLS
