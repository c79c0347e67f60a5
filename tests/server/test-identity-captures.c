/* test-identity-captures.c: what a kiosk sends about an applicant and
 * what it prints, over HTTPS with terminals registered through the
 * registry API (docs/api.md "Service terminals": captures, QR code,
 * progress, documents; "Identity captures"; F-TERM-005 fingerprint,
 * F-TERM-006 face, F-TERM-012 publicity material printing, F-TERM-013
 * confirmation form printing), and the street's materials during the
 * street review.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "anju-capture-cipher.h"
#include "anju-error.h"
#include "anju-kiosk-test.h"

#define CAPTURES        "/api/v1/kiosk/captures"
#define STAFF_CAPTURES  "/api/v1/identity-captures"
#define PROGRESS        "/api/v1/kiosk/progress"
#define DOCUMENTS       "/api/v1/kiosk/documents"
#define FINGERPRINT     "FP3\x01 virtual print template of the right index finger"

static gint64
post_capture (AnjuKioskFixture *fixture,
              const char       *terminal,
              gint64            application_id,
              const char       *kind,
              const char       *format,
              GBytes           *data,
              guint            *out_status)
{
  g_autofree char *base64 = g_base64_encode (g_bytes_get_data (data, NULL),
                                             g_bytes_get_size (data));
  g_autoptr(JsonNode) reply = NULL;

  reply = anju_test_requestf (fixture->srv, terminal, "POST", CAPTURES, out_status,
                              "{\"application_id\":%" G_GINT64_FORMAT ",\"kind\":\"%s\","
                              "\"format\":\"%s\",\"data\":\"%s\"}",
                              application_id, kind, format, base64);
  if (*out_status != SOUP_STATUS_CREATED)
    return 0;
  g_assert_cmpstr (anju_test_json_string (reply, "kind"), ==, kind);
  g_assert_nonnull (anju_test_json_string (reply, "captured_at"));
  return anju_test_json_int (reply, "id");
}

static gint64
capture_ok (AnjuKioskFixture *fixture,
            gint64            application_id,
            const char       *kind,
            const char       *format,
            GBytes           *data)
{
  guint status = 0;
  gint64 id = post_capture (fixture, fixture->ypl_terminal, application_id, kind, format, data,
                            &status);

  g_assert_cmpuint (status, ==, SOUP_STATUS_CREATED);
  return id;
}

/* The stored ciphertext, hex. */
static char *
stored_hex (AnjuKioskFixture *fixture,
            gint64            id,
            const char       *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT hex(%s) FROM identity_captures"
                                          " WHERE id = %" G_GINT64_FORMAT, column, id);

  return anju_test_db_query (fixture->srv, sql);
}

static char *
bytes_hex (GBytes *bytes)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  GString *hex = g_string_new (NULL);

  for (gsize i = 0; i < size; i++)
    g_string_append_printf (hex, "%02X", data[i]);
  return g_string_free (hex, FALSE);
}

/* F-TERM-005, F-TERM-006: a kiosk's face and fingerprint captures are
 * kept encrypted (the database holds no JPEG, no template); center
 * staff list them masked and read them back; street staff cannot. */
static void
test_captures_encrypted (AnjuKioskFixture *fixture,
                         gconstpointer     data)
{
  g_autoptr(GBytes) face = anju_sample_new (ANJU_SAMPLE_JPEG, "face");
  g_autoptr(GBytes) print = g_bytes_new_static (FINGERPRINT, sizeof FINGERPRINT - 1);
  g_autoptr(JsonNode) page = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(AnjuTestDownload) content = NULL;
  g_autofree char *number = NULL;
  g_autofree char *face_hex = bytes_hex (face);
  g_autofree char *print_hex = bytes_hex (print);
  g_autofree char *path = NULL;
  g_autofree char *blobs_before = anju_test_db_query (fixture->srv,
                                                      "SELECT COUNT(*) FROM file_blobs");
  gint64 application = anju_kiosk_test_apply (fixture, fixture->ypl_terminal, "王晓芳", "021",
                                              &number);
  gint64 face_id = capture_ok (fixture, application, "face", "jpeg", face);
  gint64 print_id = capture_ok (fixture, application, "fingerprint", "fprint", print);
  guint status = 0;

  /* The sqlite file holds ciphertext only, with an IV of its own each. */
  {
    g_autofree char *face_stored = stored_hex (fixture, face_id, "ciphertext");
    g_autofree char *print_stored = stored_hex (fixture, print_id, "ciphertext");
    g_autofree char *face_iv = stored_hex (fixture, face_id, "iv");
    g_autofree char *print_iv = stored_hex (fixture, print_id, "iv");
    /* … and nothing went to the file store. */
    g_autofree char *blobs = anju_test_db_query (fixture->srv, "SELECT COUNT(*) FROM file_blobs");

    g_assert_false (g_str_has_prefix (face_stored, "FFD8FF"));
    g_assert_null (strstr (face_stored, face_hex));
    g_assert_null (strstr (print_stored, print_hex));
    g_assert_cmpuint (strlen (face_iv), ==, 2 * ANJU_CAPTURE_CIPHER_IV_SIZE);
    g_assert_cmpstr (face_iv, !=, print_iv);
    g_assert_cmpstr (blobs, ==, blobs_before);
  }
  g_assert_cmpint (anju_test_audit_count (fixture->srv, "terminal.capture.create", face_id), ==,
                   1);

  /* Center staff list them: the applicant's name, the ID number masked. */
  page = anju_test_list_page (fixture->srv, fixture->center, STAFF_CAPTURES, "");
  g_assert_cmpint (anju_test_json_int (page, "total"), ==, 2);
  g_assert_cmpstr (anju_test_json_string (page, "items.0.person_name"), ==, "王晓芳");
  g_assert_nonnull (strstr (anju_test_json_string (page, "items.0.id_no"), "****"));
  g_assert_cmpstr (anju_test_json_string (page, "items.0.application.application_no"), ==,
                   number);
  g_assert_cmpstr (anju_test_json_string (page, "items.0.terminal.terminal_no"), ==,
                   "T-TEST-YPL");
  g_clear_pointer (&page, json_node_unref);
  page = anju_test_list_page (fixture->srv, fixture->center, STAFF_CAPTURES, "kind=face");
  g_assert_cmpint (anju_test_json_int (page, "total"), ==, 1);
  g_assert_cmpint (anju_test_json_int (page, "items.0.size"), ==, g_bytes_get_size (face));
  g_clear_pointer (&page, json_node_unref);
  page = anju_test_list_page (fixture->srv, fixture->center, STAFF_CAPTURES, "q=%E6%99%93%E8%8A%B3");
  g_assert_cmpint (anju_test_json_int (page, "total"), ==, 2);

  /* The content decrypts to what the kiosk sent; each read is audited. */
  path = g_strdup_printf (STAFF_CAPTURES "/%" G_GINT64_FORMAT "/content", face_id);
  content = anju_test_download (fixture->srv, fixture->center, path);
  g_assert_cmpuint (content->status, ==, SOUP_STATUS_OK);
  g_assert_cmpstr (content->content_type, ==, "image/jpeg");
  g_assert_true (g_bytes_equal (content->body, face));
  g_assert_cmpint (anju_test_audit_count (fixture->srv, "terminal.capture.view", face_id), ==, 1);
  g_clear_pointer (&content, anju_test_download_free);
  g_free (path);
  path = g_strdup_printf (STAFF_CAPTURES "/%" G_GINT64_FORMAT "/content", print_id);
  content = anju_test_download (fixture->srv, fixture->center, path);
  g_assert_cmpstr (content->content_type, ==, "application/octet-stream");
  g_assert_true (g_bytes_equal (content->body, print));

  /* Street staff have no terminal.capture.read. */
  reply = anju_test_request (fixture->srv, fixture->street, "GET", STAFF_CAPTURES, NULL, &status);
  anju_assert_error (status, reply, SOUP_STATUS_FORBIDDEN, "forbidden");
  g_clear_pointer (&reply, json_node_unref);
  reply = anju_test_request (fixture->srv, fixture->street, "GET", path, NULL, &status);
  anju_assert_error (status, reply, SOUP_STATUS_FORBIDDEN, "forbidden");
}

/* Captures are for the terminal's own applications, of the right form. */
static void
test_captures_checked (AnjuKioskFixture *fixture,
                       gconstpointer     data)
{
  g_autoptr(GBytes) face = anju_sample_new (ANJU_SAMPLE_JPEG, "face");
  g_autoptr(GBytes) png = anju_sample_new (ANJU_SAMPLE_PNG, "face");
  g_autoptr(JsonNode) reply = NULL;
  gint64 application = anju_kiosk_test_apply (fixture, fixture->ypl_terminal, "王晓芳", "031",
                                              NULL);
  guint status = 0;

  /* Another street's terminal does not see this application. */
  post_capture (fixture, fixture->wyh_terminal, application, "face", "jpeg", face, &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_NOT_FOUND);
  /* A face must be a JPEG sent as jpeg; a print as fprint. */
  post_capture (fixture, fixture->ypl_terminal, application, "face", "jpeg", png, &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_UNPROCESSABLE_ENTITY);
  post_capture (fixture, fixture->ypl_terminal, application, "fingerprint", "jpeg", face,
                &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_UNPROCESSABLE_ENTITY);
  reply = anju_test_requestf (fixture->srv, fixture->ypl_terminal, "POST", CAPTURES, &status,
                              "{\"application_id\":%" G_GINT64_FORMAT ",\"kind\":\"face\","
                              "\"format\":\"jpeg\",\"data\":\"not base64!\"}", application);
  anju_assert_error (status, reply, SOUP_STATUS_UNPROCESSABLE_ENTITY, "validation_failed");
  g_assert_true (anju_test_json_has (reply, "error.fields.data"));
  g_clear_pointer (&reply, json_node_unref);
  /* Staff are not terminals. */
  post_capture (fixture, fixture->street, application, "face", "jpeg", face, &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_FORBIDDEN);
  {
    g_autofree char *count = anju_test_db_query (fixture->srv,
                                                 "SELECT COUNT(*) FROM identity_captures");

    g_assert_cmpstr (count, ==, "0");
  }
}

static void
edit_no_key (AnjuConfig *config,
             gpointer    data)
{
  g_clear_pointer (&config->identity_capture_sm4_key_file, g_free);
}

/* Without a key, captures are refused (409); a configured key file
 * that is missing or malformed stops the server. */
static void
test_captures_key_configuration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("anju-key-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.key", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.key", NULL);
  g_autoptr(AnjuCaptureCipher) cipher = NULL;
  AnjuKioskFixture fixture = { 0, };
  AnjuTestServer *srv = anju_test_server_start_with (TRUE, edit_no_key, NULL);
  g_autoptr(GBytes) face = anju_sample_new (ANJU_SAMPLE_JPEG, "face");
  g_autofree char *base64 = g_base64_encode (g_bytes_get_data (face, NULL),
                                             g_bytes_get_size (face));
  g_autofree char *admin = anju_test_login_demo (srv, "admin");
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  fixture.srv = srv;
  fixture.admin = admin;
  {
    g_autofree char *terminal = anju_kiosk_test_add_terminal (&fixture, "T-NO-KEY", "银盆岭街道",
                                                              NULL);

    reply = anju_test_requestf (srv, terminal, "POST", CAPTURES, &status,
                                "{\"application_id\":1,\"kind\":\"face\","
                                "\"format\":\"jpeg\",\"data\":\"%s\"}", base64);
    anju_assert_error (status, reply, SOUP_STATUS_CONFLICT, "conflict");
  }
  anju_test_server_stop (srv);

  g_assert_true (g_file_set_contents (bad, "0123456789abcdef", -1, NULL));
  cipher = anju_capture_cipher_new (bad, &error);
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG);
  g_assert_null (cipher);
  g_clear_error (&error);
  cipher = anju_capture_cipher_new (missing, &error);
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG);
  g_assert_null (cipher);
  g_remove (bad);
  g_rmdir (dir);
}

/* ---- QR code, progress, documents ------------------------------------------ */

/* The text zbarimg reads from a PNG. */
static char *
decode_qr (GBytes *png)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("anju-qr-XXXXXX", &error);
  g_autofree char *file = g_build_filename (dir, "qr.png", NULL);
  g_autofree char *output = NULL;
  const char *argv[] = { "zbarimg", "--raw", "-q", file, NULL };
  int wait_status = 0;

  g_assert_no_error (error);
  g_file_set_contents (file, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &output, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_remove (file);
  g_rmdir (dir);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  return g_strstrip (g_steal_pointer (&output));
}

/* The QR code street staff scan at the kiosk names the application. */
static void
test_qr (AnjuKioskFixture *fixture,
         gconstpointer     data)
{
  g_autofree char *number = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(AnjuTestDownload) png = NULL;
  g_autoptr(AnjuTestDownload) other = NULL;
  gint64 id = anju_kiosk_test_apply (fixture, fixture->ypl_terminal, "王晓芳", "041", &number);

  path = g_strdup_printf ("/api/v1/kiosk/applications/%" G_GINT64_FORMAT "/qr", id);
  png = anju_test_download (fixture->srv, fixture->ypl_terminal, path);
  g_assert_cmpuint (png->status, ==, SOUP_STATUS_OK);
  g_assert_cmpstr (png->content_type, ==, "image/png");
  text = decode_qr (png->body);
  expected = g_strconcat ("anju:pubrent-application:", number, NULL);
  g_assert_cmpstr (text, ==, expected);

  other = anju_test_download (fixture->srv, fixture->wyh_terminal, path);
  g_assert_cmpuint (other->status, ==, SOUP_STATUS_NOT_FOUND);
}

static JsonNode *
progress (AnjuKioskFixture *fixture,
          const char       *id_no,
          guint            *out_status)
{
  return anju_test_requestf (fixture->srv, fixture->ypl_terminal, "POST", PROGRESS, out_status,
                             "{\"id_no\":\"%s\"}", id_no);
}

/* The card holder's applications with their timelines, name masked;
 * limited per address like the public query. */
static void
test_progress (AnjuKioskFixture *fixture,
               gconstpointer     data)
{
  g_autofree char *number = NULL;
  g_autofree char *id_no = anju_app_test_id ("19880512", "051");
  g_autofree char *stranger = anju_app_test_id ("19700101", "013");
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  anju_kiosk_test_apply (fixture, fixture->ypl_terminal, "王晓芳", "051", &number);
  reply = progress (fixture, id_no, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  g_assert_cmpuint (anju_test_json_length (reply, "items"), ==, 1);
  g_assert_cmpstr (anju_test_json_string (reply, "items.0.application_no"), ==, number);
  g_assert_true (g_str_has_prefix (anju_test_json_string (reply, "items.0.applicant_name"),
                                  "王*"));
  g_assert_cmpstr (anju_test_json_string (reply, "items.0.status"), ==, "street_review");
  g_assert_cmpstr (anju_test_json_string (reply, "items.0.business_type_label"), ==,
                   "非定向实物配租");
  g_assert_nonnull (anju_test_json_string (reply, "items.0.submitted_at"));
  g_assert_cmpuint (anju_test_json_length (reply, "items.0.timeline.nodes"), ==, 9);
  g_assert_false (anju_test_json_has (reply, "items.0.timeline.nodes.0.owner"));
  g_clear_pointer (&reply, json_node_unref);

  reply = progress (fixture, stranger, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  g_assert_cmpuint (anju_test_json_length (reply, "items"), ==, 0);
  g_clear_pointer (&reply, json_node_unref);

  /* Two queries so far; the limit counts the rest. */
  for (guint i = 2; i < ANJU_KIOSK_PROGRESS_LIMIT; i++)
    {
      g_clear_pointer (&reply, json_node_unref);
      reply = progress (fixture, stranger, &status);
      anju_assert_status (status, SOUP_STATUS_OK, reply);
    }
  g_clear_pointer (&reply, json_node_unref);
  reply = progress (fixture, id_no, &status);
  anju_assert_error (status, reply, 429, "too_many_requests");
}

static JsonNode *
print_document (AnjuKioskFixture *fixture,
                const char       *id_no,
                const char       *kind,
                guint            *out_status)
{
  return anju_test_requestf (fixture->srv, fixture->ypl_terminal, "POST", DOCUMENTS, out_status,
                             "{\"id_no\":\"%s\",\"kind\":\"%s\"}", id_no, kind);
}

/* POST the documents request, expecting a PDF. */
static void
assert_prints_pdf (AnjuKioskFixture *fixture,
                   const char       *id_no,
                   const char       *kind)
{
  g_autofree char *body = g_strdup_printf ("{\"id_no\":\"%s\",\"kind\":\"%s\"}", id_no, kind);
  g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));
  g_autoptr(GBytes) pdf = NULL;
  guint status = 0;

  pdf = anju_test_request_raw (fixture->srv, fixture->ypl_terminal, "POST", DOCUMENTS,
                               "application/json", request, &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 4);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 4, "%PDF", 4);
}

/* F-TERM-012, F-TERM-013: the street publicity list once the street
 * publicity has opened; the confirmation form refused (409, naming the
 * status) until the applicant is confirmed, then printed. */
static void
test_documents (AnjuKioskFixture *fixture,
                gconstpointer     data)
{
  g_autofree char *id_no = anju_app_test_id ("19880512", "061");
  g_autoptr(JsonNode) reply = NULL;
  gint64 id = anju_kiosk_test_apply (fixture, fixture->ypl_terminal, "王晓芳", "061", NULL);
  guint status = 0;
  gint64 prints;

  reply = print_document (fixture, id_no, "confirmation", &status);
  anju_assert_error (status, reply, SOUP_STATUS_CONFLICT, "conflict");
  g_assert_nonnull (strstr (anju_test_json_string (reply, "error.message"), "街道审核"));
  g_clear_pointer (&reply, json_node_unref);
  reply = print_document (fixture, id_no, "street_publicity", &status);
  anju_assert_error (status, reply, SOUP_STATUS_CONFLICT, "conflict");
  g_clear_pointer (&reply, json_node_unref);
  {
    g_autofree char *stranger = anju_app_test_id ("19700101", "013");

    reply = print_document (fixture, stranger, "confirmation", &status);
    anju_assert_error (status, reply, SOUP_STATUS_NOT_FOUND, "not_found");
    g_clear_pointer (&reply, json_node_unref);
  }

  /* The list is made while the publicity runs, and printed again from
   * the store after it. */
  anju_kiosk_test_street_approves (fixture, id);
  assert_prints_pdf (fixture, id_no, "street_publicity");
  anju_kiosk_test_advance_days (fixture, 8);
  assert_prints_pdf (fixture, id_no, "street_publicity");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT status FROM pubrent_applications"
                                            " WHERE id = %" G_GINT64_FORMAT, id);
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    /* The sweep ends the publicity: a hang guard, no timing assertion. */
    while (TRUE)
      {
        g_autofree char *value = anju_test_db_query (fixture->srv, sql);

        if (g_strcmp0 (value, "center_review") == 0)
          break;
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_usleep (20 * 1000);
      }
  }
  reply = print_document (fixture, id_no, "confirmation", &status);
  anju_assert_error (status, reply, SOUP_STATUS_CONFLICT, "conflict");
  g_assert_nonnull (strstr (anju_test_json_string (reply, "error.message"), "住保中心审查"));

  anju_kiosk_test_through_center (fixture, id);
  assert_prints_pdf (fixture, id_no, "confirmation");
  assert_prints_pdf (fixture, id_no, "confirmation");
  /* The stored form is printed again, not a new one made. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM pubrent_document_applications da"
                                            " JOIN pubrent_documents d ON d.id = da.document_id"
                                            " WHERE d.kind = 'confirmation'"
                                            " AND da.application_id = %" G_GINT64_FORMAT, id);
    g_autofree char *forms = anju_test_db_query (fixture->srv, sql);

    g_assert_cmpstr (forms, ==, "1");
  }
  {
    g_autofree char *count = anju_test_db_query (fixture->srv,
                                                 "SELECT COUNT(*) FROM audit_log"
                                                 " WHERE action = 'kiosk.document.print'");

    prints = g_ascii_strtoll (count, NULL, 10);
  }
  g_assert_cmpint (prints, ==, 4);
}

/* Street staff attach the originals they checked while the street
 * reviews the application; others cannot change the materials then. */
static void
test_files_during_street_review (AnjuKioskFixture *fixture,
                                 gconstpointer     data)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *body = NULL;
  gint64 id = anju_kiosk_test_apply (fixture, fixture->ypl_terminal, "王晓芳", "071", NULL);
  gint64 photo = anju_test_upload_ok (fixture->srv, fixture->street, "身份证原件.jpg",
                                      ANJU_SAMPLE_JPEG, "original");
  gint64 kiosk_photo = anju_test_upload_ok (fixture->srv, fixture->ypl_terminal, "户口簿.jpg",
                                            ANJU_SAMPLE_JPEG, "kiosk");
  guint status = 0;

  body = g_strdup_printf ("{\"file_id\":%" G_GINT64_FORMAT ",\"category\":\"id_card\","
                          "\"note\":\"街道核验原件\"}", photo);
  reply = anju_test_item_request (fixture->srv, fixture->street, "POST", APPLICATIONS, id,
                                  "files", body, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, reply);
  g_assert_cmpstr (anju_test_json_string (reply, "category"), ==, "id_card");
  g_clear_pointer (&reply, json_node_unref);
  g_free (body);

  /* The terminal that entered it (no review permission) cannot, nor can
   * anyone edit or remove materials then. */
  body = g_strdup_printf ("{\"file_id\":%" G_GINT64_FORMAT ",\"category\":\"hukou\"}",
                          kiosk_photo);
  reply = anju_test_item_request (fixture->srv, fixture->ypl_terminal, "POST", APPLICATIONS, id,
                                  "files", body, &status);
  anju_assert_error (status, reply, SOUP_STATUS_CONFLICT, "conflict");
  g_clear_pointer (&reply, json_node_unref);
  {
    g_autofree char *path = g_strdup_printf (APPLICATIONS "/%" G_GINT64_FORMAT "/files/%"
                                             G_GINT64_FORMAT, id, photo);

    reply = anju_test_request (fixture->srv, fixture->street, "DELETE", path, NULL, &status);
    anju_assert_error (status, reply, SOUP_STATUS_CONFLICT, "conflict");
    g_clear_pointer (&reply, json_node_unref);
  }

  /* Once the street is done, the street may not add any more. */
  anju_kiosk_test_through_street (fixture, id);
  g_free (body);
  body = g_strdup_printf ("{\"file_id\":%" G_GINT64_FORMAT ",\"category\":\"other\"}",
                          anju_test_upload_ok (fixture->srv, fixture->street, "补充.jpg",
                                               ANJU_SAMPLE_JPEG, "late"));
  reply = anju_test_item_request (fixture->srv, fixture->street, "POST", APPLICATIONS, id,
                                  "files", body, &status);
  anju_assert_error (status, reply, SOUP_STATUS_CONFLICT, "conflict");
}

static void
add_test (const char *path,
          void      (*func) (AnjuKioskFixture *, gconstpointer))
{
  g_test_add (path, AnjuKioskFixture, NULL, anju_kiosk_fixture_set_up, func,
              anju_kiosk_fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  add_test ("/kiosk/captures/encrypted/F-TERM-005/F-TERM-006", test_captures_encrypted);
  add_test ("/kiosk/captures/checked/F-TERM-005", test_captures_checked);
  g_test_add_func ("/kiosk/captures/key-configuration/F-TERM-006",
                   test_captures_key_configuration);
  add_test ("/kiosk/qr/F-TERM-012", test_qr);
  add_test ("/kiosk/progress/F-TERM-013", test_progress);
  add_test ("/kiosk/documents/F-TERM-012/F-TERM-013", test_documents);
  add_test ("/pubrent/applications/files-during-street-review/F-TERM-012",
            test_files_during_street_review);

  return g_test_run ();
}
