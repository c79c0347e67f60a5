/* test-api-files.c: AnjuApiClient's raw uploads and downloads against
 * the real server (docs/api.md, "Files"): what the desktop's attachments
 * (F-PORTAL-003, 004, 009) travel through.
 *
 * An upload answers with the File; a download gives back the same bytes
 * and type; the server's refusals (empty, wrong type, too large, not
 * found) arrive as the matching ANJU_ERROR with the field named; and
 * bytes that do not match the SHA-256 the server names are refused.
 */
#include "config.h"

#include "anju-api-client.h"
#include "anju-record.h"
#include "anju-test-server.h"

/* A 1×1 PNG. */
static const guint8 png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
  0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
  0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
  0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49,
  0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* Small enough that a few hundred bytes are too many. */
#define SMALL_LIMIT (256)

typedef struct
{
  AnjuTestServer *srv;
  AnjuApiClient  *client;
} Fixture;

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
limit_uploads (AnjuConfig *config,
               gpointer    data)
{
  config->max_upload_bytes = SMALL_LIMIT;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonObject) response = NULL;
  g_autoptr(GError) error = NULL;

  fixture->srv = anju_test_server_start_with (TRUE, limit_uploads, NULL);
  fixture->client = anju_api_client_new (fixture->srv->base_uri, fixture->srv->cert_pem);
  anju_api_client_login_async (fixture->client, "center", ANJU_TEST_DEMO_PASSWORD, NULL,
                               store_result_cb, &result);
  response = anju_api_client_login_finish (fixture->client, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (response);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->client);
  anju_test_server_stop (fixture->srv);
}

static JsonNode *
upload (Fixture     *fixture,
        const char  *path,
        GBytes      *bytes,
        const char  *content_type,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anju_api_client_upload_async (fixture->client, path, bytes, content_type, NULL,
                                store_result_cb, &result);
  return anju_api_client_upload_finish (fixture->client, wait_for (&result), error);
}

static GBytes *
download (Fixture     *fixture,
          gint64       id,
          char       **out_content_type,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/files/%" G_GINT64_FORMAT "/content", id);

  anju_api_client_download_async (fixture->client, path, NULL, store_result_cb, &result);
  return anju_api_client_download_finish (fixture->client, wait_for (&result), out_content_type, error);
}

static gint64
upload_png (Fixture *fixture)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (png, sizeof png);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  JsonObject *file;

  answer = upload (fixture, "/api/v1/files?name=%E5%9B%BE.png", bytes, "image/png", &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (answer));
  file = json_node_get_object (answer);
  g_assert_cmpstr (anju_json_get_string (file, "name"), ==, "图.png");
  g_assert_cmpstr (anju_json_get_string (file, "content_type"), ==, "image/png");
  g_assert_cmpint (anju_json_get_int (file, "size", 0), ==, sizeof png);
  g_assert_cmpstr (anju_json_get_string (file, "sha256"), ==, sha256);

  return anju_json_get_int (file, "id", 0);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 id = upload_png (fixture);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *content_type = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (id, >, 0);
  bytes = download (fixture, id, &content_type, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), png, sizeof png);
  g_assert_cmpstr (content_type, ==, "image/png");
}

/* Each refusal carries the field the server named, for the dialog to
 * show. */
static void
assert_refused (Fixture     *fixture,
                const char  *bytes_text,
                const char  *content_type,
                int          code,
                const char  *field)
{
  g_autoptr(GBytes) bytes = g_bytes_new (bytes_text, strlen (bytes_text));
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = upload (fixture, "/api/v1/files?name=note.png", bytes, content_type, &error);
  g_assert_null (answer);
  g_assert_error (error, ANJU_ERROR, code);
  if (field != NULL)
    g_assert_nonnull (anju_json_get_string (anju_api_client_get_last_error_fields (fixture->client), field));
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *large = g_strnfill (SMALL_LIMIT + 1, 'x');

  assert_refused (fixture, "", "image/png", ANJU_ERROR_VALIDATION, "file");
  assert_refused (fixture, "not a picture", "image/png", ANJU_ERROR_VALIDATION, "content_type");
  assert_refused (fixture, large, "image/png", ANJU_ERROR_TOO_LARGE, NULL);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *content_type = NULL;

  bytes = download (fixture, 999999, &content_type, &error);
  g_assert_null (bytes);
  g_assert_null (content_type);
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND);
}

/* Bytes changed behind the server's back no longer match the SHA-256
 * it names: the client refuses them rather than handing them on. */
static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 id = upload_png (fixture);
  g_autofree char *sql = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  /* Damage that the schema itself forbids: only a broken disk or a
   * hand at the database file could do it. */
  g_free (anju_test_db_query (fixture->srv, "DROP TRIGGER file_blobs_immutable"));
  sql = g_strdup_printf ("UPDATE file_blobs SET data = X'89504e470d0a1a0a00'"
                         " WHERE sha256 = (SELECT sha256 FROM files WHERE id = %" G_GINT64_FORMAT ")", id);
  g_free (anju_test_db_query (fixture->srv, sql));

  bytes = download (fixture, id, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_MALFORMED);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/client/files/round-trip", test_round_trip);
  ADD ("/client/files/refused", test_refused);
  ADD ("/client/files/not-found", test_not_found);
  ADD ("/client/files/damaged", test_damaged);

#undef ADD

  return g_test_run ();
}
