/* test-files.c: stored files, the attachments of news (F-PORTAL-003),
 * notices (F-PORTAL-004) and business guides (F-PORTAL-009): uploads of
 * every accepted type, what is refused, downloads and who may read them,
 * and that archived files stay as they are.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>

#include "anju-content-test.h"

static char *
file_path (gint64      id,
           const char *tail)
{
  return g_strdup_printf ("/api/v1/files/%" G_GINT64_FORMAT "%s", id, tail);
}

static char *
dump_files (AnjuTestServer *srv)
{
  g_autofree char *files = anju_test_db_dump (srv, "files");
  g_autofree char *blobs = anju_test_db_query (srv, "SELECT COUNT(*) FROM file_blobs");
  g_autofree char *audit = anju_test_db_dump (srv, "audit_log");

  return g_strconcat (files, "==\n", blobs, "==\n", audit, NULL);
}

/* Every accepted type goes in and comes back described as docs/api.md
 * says, with its SHA-256, its uploader and an audit row. */
static void
test_upload_each_type (AnjuTestFixture *fixture,
                       gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *center = anju_test_login_demo (srv, "center");
  gint64 center_id = anju_test_find_user (srv, fixture->admin, "center");

  for (AnjuSampleKind kind = ANJU_SAMPLE_PDF; kind <= ANJU_SAMPLE_XLSX; kind++)
    {
      const char *type = anju_sample_content_type (kind);
      g_autoptr(GBytes) bytes = anju_sample_new (kind, "each-type");
      g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      g_autofree char *name = g_strdup_printf ("申请材料-%d", kind);
      g_autoptr(JsonNode) reply = NULL;
      g_autoptr(GDateTime) uploaded_at = NULL;
      guint status = 0;
      gint64 id;

      g_test_message ("uploading %s", type);
      reply = anju_test_upload (srv, center, name, type, bytes, &status);
      anju_assert_status (status, SOUP_STATUS_CREATED, reply);
      id = anju_test_json_int (reply, "id");
      g_assert_cmpint (id, >, 0);
      g_assert_cmpstr (anju_test_json_string (reply, "name"), ==, name);
      g_assert_cmpstr (anju_test_json_string (reply, "content_type"), ==, type);
      g_assert_cmpint (anju_test_json_int (reply, "size"), ==, g_bytes_get_size (bytes));
      g_assert_cmpstr (anju_test_json_string (reply, "sha256"), ==, sha256);
      g_assert_cmpint (anju_test_json_int (reply, "uploaded_by.id"), ==, center_id);
      g_assert_cmpstr (anju_test_json_string (reply, "uploaded_by.name"), ==, "周敏");
      g_assert_false (anju_test_json_bool (reply, "archived"));
      uploaded_at = g_date_time_new_from_iso8601 (anju_test_json_string (reply, "uploaded_at"),
                                                  NULL);
      g_assert_nonnull (uploaded_at);
      g_assert_cmpint (anju_test_audit_count (srv, "file.upload", id), ==, 1);
    }
}

/* A refused upload answers 422 on the member at fault and writes nothing. */
static void
assert_refused (AnjuTestServer *srv,
                const char     *token,
                const char     *name,
                const char     *content_type,
                GBytes         *bytes,
                const char     *field)
{
  g_autofree char *before = dump_files (srv);
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *path = g_strconcat ("error.fields.", field, NULL);
  guint status = 0;

  g_test_message ("%s as %s: expecting a complaint about %s", name, content_type, field);
  reply = anju_test_upload (srv, token, name, content_type, bytes, &status);
  anju_assert_error (status, reply, 422, "validation_failed");
  g_assert_true (anju_test_json_has (reply, path));
  after = dump_files (srv);
  g_assert_cmpstr (before, ==, after);
}

static void
test_upload_refused (AnjuTestFixture *fixture,
                     gconstpointer    data)
{
  static const char * const other_zip[] = { "[Content_Types].xml", "ppt/presentation.xml", NULL };
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *center = anju_test_login_demo (srv, "center");
  g_autoptr(GBytes) png = anju_sample_new (ANJU_SAMPLE_PNG, "refused");
  g_autoptr(GBytes) doc = anju_sample_new (ANJU_SAMPLE_DOC, "refused");
  g_autoptr(GBytes) xlsx = anju_sample_new (ANJU_SAMPLE_XLSX, "refused");
  g_autoptr(GBytes) pptx = anju_sample_zip_new (other_zip);
  g_autoptr(GBytes) ole = anju_sample_compound_new ("PowerPoint Document");
  g_autoptr(GBytes) text = g_bytes_new_static ("just text", 9);
  /* Cut short: the structure a type is recognised by is missing. */
  g_autoptr(GBytes) cut_xlsx = g_bytes_new_from_bytes (xlsx, 0, g_bytes_get_size (xlsx) - 30);
  g_autoptr(GBytes) cut_doc = g_bytes_new_from_bytes (doc, 0, 1024);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autofree char *long_name = g_strnfill (256, 'a');
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  /* The bytes decide, not the declaration. */
  assert_refused (srv, center, "a.pdf", "application/pdf", png, "content_type");
  assert_refused (srv, center, "a.xls", "application/vnd.ms-excel", doc, "content_type");
  assert_refused (srv, center, "a.docx", anju_sample_content_type (ANJU_SAMPLE_DOCX), xlsx,
                  "content_type");
  assert_refused (srv, center, "a.docx", anju_sample_content_type (ANJU_SAMPLE_DOCX), pptx,
                  "content_type");
  assert_refused (srv, center, "a.doc", "application/msword", ole, "content_type");
  assert_refused (srv, center, "a.xlsx", anju_sample_content_type (ANJU_SAMPLE_XLSX), cut_xlsx,
                  "content_type");
  assert_refused (srv, center, "a.doc", "application/msword", cut_doc, "content_type");
  assert_refused (srv, center, "a.txt", "text/plain", text, "content_type");
  assert_refused (srv, center, "a.png", NULL, png, "content_type");
  assert_refused (srv, center, "a.pdf", "application/pdf", empty, "file");
  assert_refused (srv, center, NULL, "image/png", png, "name");
  assert_refused (srv, center, "", "image/png", png, "name");
  assert_refused (srv, center, "../etc/a.png", "image/png", png, "name");
  assert_refused (srv, center, "c:\\a.png", "image/png", png, "name");
  assert_refused (srv, center, long_name, "image/png", png, "name");

  /* The refusal of a type names the accepted ones. */
  reply = anju_test_upload (srv, center, "a.txt", "text/plain", text, &status);
  anju_assert_error (status, reply, 422, "validation_failed");
  g_assert_nonnull (strstr (anju_test_json_string (reply, "error.fields.content_type"),
                            "application/pdf"));
  g_clear_pointer (&reply, json_node_unref);

  /* Every problem at once, so a form can show them together. */
  reply = anju_test_upload (srv, center, NULL, "application/pdf", empty, &status);
  anju_assert_error (status, reply, 422, "validation_failed");
  g_assert_true (anju_test_json_has (reply, "error.fields.name"));
  g_assert_true (anju_test_json_has (reply, "error.fields.file"));
  g_clear_pointer (&reply, json_node_unref);

  /* Not signed in: nothing is stored either. */
  reply = anju_test_upload (srv, NULL, "a.png", "image/png", png, &status);
  anju_assert_error (status, reply, 401, "unauthorized");
}

static void
set_small_limits (AnjuConfig *config,
                  gpointer    data)
{
  config->max_json_body = 2048;
  config->max_upload_bytes = 8192;
}

static GBytes *
pdf_of_size (gsize size)
{
  g_autoptr(GBytes) head = anju_sample_new (ANJU_SAMPLE_PDF, "");
  GByteArray *out = g_byte_array_sized_new (size);

  g_byte_array_append (out, g_bytes_get_data (head, NULL), g_bytes_get_size (head));
  while (out->len < size)
    g_byte_array_append (out, (const guint8 *) " ", 1);
  return g_byte_array_free_to_bytes (out);
}

/* Uploads have their own limit, [files] max_upload_bytes: above it 413,
 * below it accepted even when larger than [server] max_json_body. */
static void
test_upload_too_large (void)
{
  AnjuTestServer *srv = anju_test_server_start_with (TRUE, set_small_limits, NULL);
  g_autofree char *center = anju_test_login_demo (srv, "center");
  g_autoptr(GBytes) too_large = pdf_of_size (8193);
  g_autoptr(GBytes) fits = pdf_of_size (8192);
  g_autofree char *before = dump_files (srv);
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) accepted = NULL;
  guint status = 0;

  refused = anju_test_upload (srv, center, "big.pdf", "application/pdf", too_large, &status);
  anju_assert_error (status, refused, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "payload_too_large");
  after = dump_files (srv);
  g_assert_cmpstr (before, ==, after);

  accepted = anju_test_upload (srv, center, "fits.pdf", "application/pdf", fits, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, accepted);
  g_assert_cmpint (anju_test_json_int (accepted, "size"), ==, 8192);

  anju_test_server_stop (srv);
}

/* The bytes come back as uploaded, with the headers a browser or the
 * desktop needs to save them under their (Chinese) name. */
static void
test_download (AnjuTestFixture *fixture,
               gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  const char *name = "公租房申请表 (2026)+附件.docx";
  g_autofree char *center = anju_test_login_demo (srv, "center");
  g_autoptr(GBytes) bytes = anju_sample_new (ANJU_SAMPLE_DOCX, "download");
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *escaped = g_uri_escape_string (name, "!#$&+^`|", FALSE);
  g_autofree char *disposition = g_strconcat ("attachment; filename*=UTF-8''", escaped, NULL);
  g_autofree char *content_path = NULL;
  g_autofree char *meta_path = NULL;
  g_autoptr(AnjuTestDownload) download = NULL;
  g_autoptr(JsonNode) uploaded = NULL;
  g_autoptr(JsonNode) meta = NULL;
  guint status = 0;
  gint64 id;

  uploaded = anju_test_upload (srv, center, name, anju_sample_content_type (ANJU_SAMPLE_DOCX),
                               bytes, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, uploaded);
  id = anju_test_json_int (uploaded, "id");

  content_path = file_path (id, "/content");
  download = anju_test_download (srv, center, content_path);
  g_assert_cmpuint (download->status, ==, SOUP_STATUS_OK);
  g_assert_true (g_bytes_equal (download->body, bytes));
  g_assert_cmpstr (download->content_type, ==, anju_sample_content_type (ANJU_SAMPLE_DOCX));
  g_assert_cmpstr (download->disposition, ==, disposition);
  g_assert_nonnull (strstr (download->disposition, "%E5%85%AC%E7%A7%9F%E6%88%BF"));
  g_assert_cmpstr (download->sha256, ==, sha256);

  meta_path = file_path (id, "");
  meta = anju_test_request (srv, center, "GET", meta_path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, meta);
  g_assert_cmpstr (anju_test_json_string (meta, "name"), ==, name);
  g_assert_cmpstr (anju_test_json_string (meta, "sha256"), ==, sha256);
}

/* A file nothing readable refers to is its uploader's alone: everyone
 * else, the center admin included, gets 404 as for a missing file. */
static void
test_private (AnjuTestFixture *fixture,
              gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  const char *others[] = { "street_ypl", "admin", "community_ypl" };
  g_autofree char *center = anju_test_login_demo (srv, "center");
  gint64 id = anju_test_upload_ok (srv, center, "内部.pdf", ANJU_SAMPLE_PDF, "private");
  g_autofree char *meta_path = file_path (id, "");
  g_autofree char *content_path = file_path (id, "/content");
  g_autofree char *missing_path = file_path (id + 1000, "/content");

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *token = anju_test_login_demo (srv, others[i]);
      g_autoptr(JsonNode) meta = NULL;
      g_autoptr(AnjuTestDownload) download = NULL;
      guint status = 0;

      g_test_message ("%s reads another user's file", others[i]);
      meta = anju_test_request (srv, token, "GET", meta_path, NULL, &status);
      anju_assert_error (status, meta, 404, "not_found");
      download = anju_test_download (srv, token, content_path);
      g_assert_cmpuint (download->status, ==, 404);
      g_assert_null (download->sha256);
    }

  {
    g_autoptr(AnjuTestDownload) missing = anju_test_download (srv, center, missing_path);

    g_assert_cmpuint (missing->status, ==, 404);
  }
}

/* Identical uploads are two files sharing one stored blob. */
static void
test_shared_blob (AnjuTestFixture *fixture,
                  gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *center = anju_test_login_demo (srv, "center");
  g_autofree char *street = anju_test_login_demo (srv, "street_ypl");
  gint64 first = anju_test_upload_ok (srv, center, "一.png", ANJU_SAMPLE_PNG, "same");
  gint64 second = anju_test_upload_ok (srv, street, "二.png", ANJU_SAMPLE_PNG, "same");
  g_autofree char *blobs = anju_test_db_query (srv, "SELECT COUNT(*) FROM file_blobs");
  g_autofree char *path = file_path (second, "/content");
  g_autoptr(AnjuTestDownload) download = anju_test_download (srv, street, path);
  g_autoptr(GBytes) expected = anju_sample_new (ANJU_SAMPLE_PNG, "same");

  g_assert_cmpint (first, !=, second);
  g_assert_cmpstr (blobs, ==, "1");
  g_assert_cmpuint (download->status, ==, SOUP_STATUS_OK);
  g_assert_true (g_bytes_equal (download->body, expected));
}

/* Runs sql on a connection of its own and returns SQLite's complaint. */
static char *
exec_refused (AnjuTestServer *srv,
              const char     *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  char *copy;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (srv->config->database_path, &db, SQLITE_OPEN_READWRITE, NULL),
                   ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT);
  copy = g_strdup (message);
  sqlite3_free (message);
  sqlite3_close (db);
  return copy;
}

/* Publishing an article archives its attachments; from then on the
 * store's triggers refuse to change or delete them or their bytes, and an
 * identical upload still goes in, sharing the archived blob. */
static void
test_archived_immutable (AnjuTestFixture *fixture,
                         gconstpointer    data)
{
  AnjuTestServer *srv = fixture->srv;
  g_autofree char *center = anju_test_login_demo (srv, "center");
  gint64 id = anju_test_upload_ok (srv, center, "通知附件.pdf", ANJU_SAMPLE_PDF, "archive");
  g_autofree char *meta_path = file_path (id, "");
  g_autofree char *update = NULL;
  g_autofree char *remove = NULL;
  g_autofree char *why = NULL;
  g_autofree char *blob = NULL;
  g_autoptr(JsonNode) article = NULL;
  g_autoptr(JsonNode) published = NULL;
  g_autoptr(JsonNode) meta = NULL;
  g_autofree char *publish_path = NULL;
  guint status = 0;

  article = anju_test_requestf (srv, center, "POST", "/api/v1/articles", &status,
                                "{\"kind\":\"notice\",\"title\":\"附件归档\",\"body\":\"正文\","
                                "\"attachment_ids\":[%" G_GINT64_FORMAT "]}", id);
  anju_assert_status (status, SOUP_STATUS_CREATED, article);
  g_assert_false (anju_test_json_bool (article, "attachments.0.archived"));

  publish_path = g_strdup_printf ("/api/v1/articles/%" G_GINT64_FORMAT "/publish",
                                  anju_test_json_int (article, "id"));
  published = anju_test_request (srv, center, "POST", publish_path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, published);
  g_assert_true (anju_test_json_bool (published, "attachments.0.archived"));
  meta = anju_test_request (srv, center, "GET", meta_path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, meta);
  g_assert_true (anju_test_json_bool (meta, "archived"));

  update = g_strdup_printf ("UPDATE files SET name = 'x.pdf' WHERE id = %" G_GINT64_FORMAT, id);
  why = exec_refused (srv, update);
  g_assert_nonnull (strstr (why, "archived files cannot be changed"));
  g_clear_pointer (&why, g_free);

  remove = g_strdup_printf ("DELETE FROM files WHERE id = %" G_GINT64_FORMAT, id);
  why = exec_refused (srv, remove);
  g_assert_nonnull (strstr (why, "archived files cannot be deleted"));
  g_clear_pointer (&why, g_free);

  blob = g_strdup_printf ("UPDATE file_blobs SET data = x'00' WHERE sha256 ="
                          " (SELECT sha256 FROM files WHERE id = %" G_GINT64_FORMAT ")", id);
  why = exec_refused (srv, blob);
  g_assert_nonnull (strstr (why, "stored file contents cannot be changed"));

  g_assert_cmpint (anju_test_upload_ok (srv, center, "再传.pdf", ANJU_SAMPLE_PDF, "archive"), >,
                   id);
}

/* openapi.json says what an upload takes: raw bytes, not JSON. */
static void
test_openapi (void)
{
  AnjuTestServer *srv = anju_test_server_start (FALSE);
  g_autoptr(JsonNode) doc = NULL;
  guint status = 0;

  doc = anju_test_request (srv, NULL, "GET", "/api/v1/openapi.json", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, doc);
  g_assert_cmpstr (anju_test_json_string (doc, "paths./api/v1/files.post.requestBody.content.*/*"
                                               ".schema.format"), ==, "binary");
  g_assert_false (anju_test_json_has (doc, "paths./api/v1/files.post.requestBody.content"
                                           ".application/json"));
  g_assert_true (anju_test_json_has (doc, "paths./api/v1/files/{id}/content.get"));

  anju_test_server_stop (srv);
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  g_test_add ("/files/upload/each-type", AnjuTestFixture, NULL, anju_test_fixture_set_up,
              test_upload_each_type, anju_test_fixture_tear_down);
  g_test_add ("/files/upload/refused", AnjuTestFixture, NULL, anju_test_fixture_set_up,
              test_upload_refused, anju_test_fixture_tear_down);
  g_test_add_func ("/files/upload/too-large", test_upload_too_large);
  g_test_add ("/files/download", AnjuTestFixture, NULL, anju_test_fixture_set_up, test_download,
              anju_test_fixture_tear_down);
  g_test_add ("/files/private", AnjuTestFixture, NULL, anju_test_fixture_set_up, test_private,
              anju_test_fixture_tear_down);
  g_test_add ("/files/shared-blob", AnjuTestFixture, NULL, anju_test_fixture_set_up,
              test_shared_blob, anju_test_fixture_tear_down);
  g_test_add_func ("/files/openapi", test_openapi);
  g_test_add ("/files/archived-immutable", AnjuTestFixture, NULL, anju_test_fixture_set_up,
              test_archived_immutable, anju_test_fixture_tear_down);

  return g_test_run ();
}
