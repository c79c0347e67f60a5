/* test-documents.c: generated documents of public rental housing over
 * real HTTPS: the street publicity list and the New Area announcement
 * (公示公告, F-PRH-005) and the qualification confirmation form
 * (资格确认单, F-PRH-006): templates, preview, generation per status,
 * the PDF's text (read back with pdftotext), the QR verification, the
 * XLSX of a list (read back with the table reader), scope and audit.
 *
 * Applications are written straight into the database in the state a
 * document needs: reaching it through the review is the review's test.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "anju-content-test.h"
#include "anju-table-reader.h"

#define DOCUMENTS "/api/v1/pubrent/documents"
#define TEMPLATES "/api/v1/pubrent/document-templates"

typedef struct
{
  AnjuTestServer *srv;
  char           *center;   /* tokens (owned) */
  char           *street;
  char           *other_street;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->srv = anju_test_server_start (TRUE);
  fixture->center = anju_test_login_demo (fixture->srv, "center");
  fixture->street = anju_test_login_demo (fixture->srv, "street_ypl");
  fixture->other_street = anju_test_login_demo (fixture->srv, "street_wyh");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->center);
  g_free (fixture->street);
  g_free (fixture->other_street);
  anju_test_server_stop (fixture->srv);
}

/* An application of 银盆岭街道 in status, straight into the database. */
static gint64
add_application (Fixture    *fixture,
                 const char *number,
                 const char *name,
                 const char *business_type,
                 const char *status)
{
  g_autofree char *sql = NULL;
  g_autofree char *id = NULL;

  sql = g_strdup_printf ("INSERT INTO pubrent_applications (application_no, business_type, status,"
                         " org_id, applicant_name, id_doc_type, id_no, phone, household_size,"
                         " submitted_at, created_by, created_at, updated_at)"
                         " VALUES ('%s', '%s', '%s',"
                         " (SELECT id FROM organisations WHERE name = '银盆岭街道'), '%s',"
                         " 'resident_id', '430104199001011234', '13812345678', 3,"
                         " CAST (strftime ('%%s', 'now') AS INTEGER) - 864000,"
                         " (SELECT id FROM users WHERE username = 'street_ypl'),"
                         " CAST (strftime ('%%s', 'now') AS INTEGER),"
                         " CAST (strftime ('%%s', 'now') AS INTEGER)) RETURNING id",
                         number, business_type, status, name);
  id = anju_test_db_query (fixture->srv, sql);
  g_assert_nonnull (id);
  return g_ascii_strtoll (id, NULL, 10);
}

/* POST /documents; returns the answer, status in *out_status. */
static JsonNode *
generate (Fixture      *fixture,
          const char   *token,
          const char   *kind,
          const gint64 *ids,
          guint         n_ids,
          guint        *out_status)
{
  g_autoptr(GString) body = g_string_new (NULL);

  g_string_printf (body, "{\"kind\": \"%s\", \"application_ids\": [", kind);
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (body, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "", ids[i]);
  g_string_append (body, "]}");
  return anju_test_request (fixture->srv, token, "POST", DOCUMENTS, body->str, out_status);
}

/* The text of a PDF by pdftotext, with all white space taken out
 * (pdftotext breaks lines where the layout did, and drops spaces
 * between Chinese and digits). */
static char *
pdf_text (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("anju-pdf-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "document.pdf", NULL);
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  GString *text = g_string_new (NULL);
  int wait_status;

  g_assert_no_error (error);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_unlink (path);
  g_rmdir (dir);

  for (const char *p = out; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (text, g_utf8_get_char (p));
  return g_string_free (text, FALSE);
}

static char *
document_text (Fixture    *fixture,
               const char *token,
               gint64      id)
{
  g_autofree char *path = g_strdup_printf (DOCUMENTS "/%" G_GINT64_FORMAT "/content", id);
  g_autoptr(AnjuTestDownload) download = anju_test_download (fixture->srv, token, path);

  g_assert_cmpuint (download->status, ==, 200);
  g_assert_cmpstr (download->content_type, ==, "application/pdf");
  g_assert_nonnull (strstr (download->disposition, ".pdf"));
  return pdf_text (download->body);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in the document: %s", part, text);
}

/* ---- street publicity and announcement lists ---------------------------- */

static void
test_street_publicity (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 ids[] = {
    add_application (fixture, "GZF-2026-900001", "王小芳", "open_physical", "street_publicity"),
    add_application (fixture, "GZF-2026-900002", "李建国", "open_subsidy", "street_publicity"),
  };
  gint64 reviewing = add_application (fixture, "GZF-2026-900003", "陈静", "open_physical",
                                      "street_review");
  gint64 mixed[] = { ids[0], reviewing };
  gint64 unknown[] = { 999999 };
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) file = NULL;
  g_autofree char *text = NULL;
  g_autofree char *file_path = NULL;
  const char *number;
  gint64 id;
  guint status;

  reply = generate (fixture, fixture->center, "street_publicity", ids, G_N_ELEMENTS (ids), &status);
  anju_assert_status (status, 201, reply);
  g_assert_cmpuint (anju_test_json_length (reply, "items"), ==, 1);
  id = anju_test_json_int (reply, "items.0.id");
  number = anju_test_json_string (reply, "items.0.number");
  g_assert_true (g_str_has_prefix (number, "GS-"));
  g_assert_cmpstr (anju_test_json_string (reply, "items.0.kind"), ==, "street_publicity");
  g_assert_cmpuint (anju_test_json_length (reply, "items.0.application_ids"), ==, 2);
  g_assert_true (anju_test_json_array_has_string (reply, "items.0.applicant_names", "王**"));
  g_assert_cmpint (anju_test_audit_count (fixture->srv, "pubrent.document.generate", id), ==, 1);

  /* The list shows masked names, never the full ones. */
  text = document_text (fixture, fixture->center, id);
  assert_contains (text, "湘江新区公共租赁住房保障资格街道公示");
  assert_contains (text, "GZF-2026-900001");
  assert_contains (text, "GZF-2026-900002");
  assert_contains (text, "王**");
  assert_contains (text, "李**");
  assert_contains (text, "银盆岭街道");
  assert_contains (text, number);
  assert_contains (text, "0731-88393110");
  /* No publicity is open yet: the period runs from today for the
   * configured street_publicity_days (7). */
  assert_contains (text, "公示期：");
  g_assert_null (strstr (text, "公示期：至"));
  g_assert_null (strstr (text, "王小芳"));

  /* Only applications in street publicity, and only real ones. */
  refused = generate (fixture, fixture->center, "street_publicity", mixed, 2, &status);
  anju_assert_error (status, refused, 409, "conflict");
  g_clear_pointer (&refused, json_node_unref);
  refused = generate (fixture, fixture->center, "street_publicity", unknown, 1, &status);
  anju_assert_error (status, refused, 422, "validation_failed");
  g_clear_pointer (&refused, json_node_unref);
  refused = generate (fixture, fixture->center, "street_publicity", ids, 0, &status);
  anju_assert_error (status, refused, 422, "validation_failed");
  g_clear_pointer (&refused, json_node_unref);
  /* Generating needs pubrent.document.write. */
  refused = generate (fixture, fixture->street, "street_publicity", ids, 2, &status);
  anju_assert_error (status, refused, 403, "forbidden");

  /* History: by kind and by an application number; the street that
   * entered them sees it, another street does not. */
  g_assert_true (anju_test_list_has (fixture->srv, fixture->center, DOCUMENTS,
                                     "kind=street_publicity", id));
  g_assert_true (anju_test_list_has (fixture->srv, fixture->center, DOCUMENTS, "q=900002", id));
  g_assert_false (anju_test_list_has (fixture->srv, fixture->center, DOCUMENTS, "kind=confirmation", id));
  g_assert_true (anju_test_list_has (fixture->srv, fixture->street, DOCUMENTS, NULL, id));
  g_assert_false (anju_test_list_has (fixture->srv, fixture->other_street, DOCUMENTS, NULL, id));
  list = anju_test_item_request (fixture->srv, fixture->other_street, "GET", DOCUMENTS, id, NULL, NULL,
                                 &status);
  anju_assert_error (status, list, 404, "not_found");

  /* The PDF is an archived file, readable as such by the document's
   * readers only. */
  file_path = g_strdup_printf ("/api/v1/files/%" G_GINT64_FORMAT, anju_test_json_int (reply, "items.0.file_id"));
  file = anju_test_request (fixture->srv, fixture->street, "GET", file_path, NULL, &status);
  anju_assert_status (status, 200, file);
  g_assert_true (anju_test_json_bool (file, "archived"));
  g_clear_pointer (&file, json_node_unref);
  file = anju_test_request (fixture->srv, fixture->other_street, "GET", file_path, NULL, &status);
  anju_assert_error (status, file, 404, "not_found");
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 ids[] = {
    add_application (fixture, "GZF-2026-900011", "赵丽华", "open_physical", "street_publicity"),
    add_application (fixture, "GZF-2026-900012", "孙伟", "open_subsidy", "street_publicity"),
  };
  g_autoptr(JsonNode) reply = generate (fixture, fixture->center, "street_publicity", ids, 2, NULL);
  g_autofree char *path = g_strdup_printf (DOCUMENTS "/%" G_GINT64_FORMAT "/export",
                                           anju_test_json_int (reply, "items.0.id"));
  g_autoptr(AnjuTestDownload) download = anju_test_download (fixture->srv, fixture->center, path);
  g_autoptr(AnjuTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  int number, name;

  g_assert_cmpuint (download->status, ==, 200);
  g_assert_nonnull (strstr (download->disposition, ".xlsx"));
  reader = anju_table_reader_new (download->body, "xlsx", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (anju_table_reader_get_n_rows (reader), ==, 2);
  number = anju_table_reader_find_column (reader, "申请编号");
  name = anju_table_reader_find_column (reader, "姓名");
  g_assert_cmpint (number, >=, 0);
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 0, number), ==, "GZF-2026-900011");
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 1, number), ==, "GZF-2026-900012");
  g_assert_cmpstr (anju_table_reader_get_cell (reader, 0, name), ==, "赵**");
}

static void
test_announcement (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 id = add_application (fixture, "GZF-2026-900021", "周敏华", "open_physical", "announcement");
  gint64 early = add_application (fixture, "GZF-2026-900022", "吴兰", "open_physical", "street_publicity");
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) form = NULL;
  g_autofree char *text = NULL;
  guint status;

  reply = generate (fixture, fixture->center, "announcement", &id, 1, &status);
  anju_assert_status (status, 201, reply);
  g_assert_true (g_str_has_prefix (anju_test_json_string (reply, "items.0.number"), "GG-"));
  text = document_text (fixture, fixture->center, anju_test_json_int (reply, "items.0.id"));
  assert_contains (text, "湘江新区公共租赁住房保障资格审核结果公告");
  assert_contains (text, "GZF-2026-900021");
  assert_contains (text, "周**");
  g_assert_null (strstr (text, "周敏华"));

  refused = generate (fixture, fixture->center, "announcement", &early, 1, &status);
  anju_assert_error (status, refused, 409, "conflict");
  /* The announcement has not ended: no form yet. */
  form = generate (fixture, fixture->center, "confirmation", &id, 1, &status);
  anju_assert_error (status, form, 409, "conflict");
}

/* ---- the confirmation form and its QR code ------------------------------ */

static JsonNode *
verify (Fixture    *fixture,
        const char *number,
        const char *code)
{
  g_autofree char *number_escaped = g_uri_escape_string (number, NULL, FALSE);
  g_autofree char *code_escaped = g_uri_escape_string (code, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/api/v1/public/documents/verify?number=%s&code=%s",
                                           number_escaped, code_escaped);
  JsonNode *reply;
  guint status;

  reply = anju_test_request (fixture->srv, NULL, "GET", path, NULL, &status);
  anju_assert_status (status, 200, reply);
  return reply;
}

/* The page the QR code opens, fetched at the path of url. */
static char *
verify_page (Fixture    *fixture,
             const char *url)
{
  g_autoptr(GBytes) body = NULL;
  const char *path = strstr (url, "/verify/");
  guint status;

  g_assert_nonnull (path);
  body = anju_test_request_raw (fixture->srv, NULL, "GET", path, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static void
test_confirmation (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 ids[] = {
    add_application (fixture, "GZF-2026-900031", "刘德明", "open_physical", "confirmed"),
    add_application (fixture, "GZF-2026-900032", "黄秀英", "open_subsidy", "confirmed"),
  };
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) valid = NULL;
  g_autoptr(JsonNode) wrong_number = NULL;
  g_autoptr(JsonNode) wrong_code = NULL;
  g_autofree char *text = NULL;
  g_autofree char *page = NULL;
  g_autofree char *tampered_page = NULL;
  g_autofree char *tampered_url = NULL;
  g_autofree char *expected_url = NULL;
  g_autofree char *other_number = NULL;
  g_autofree char *other_code = NULL;
  const char *number, *code, *url;
  guint status;

  reply = generate (fixture, fixture->center, "confirmation", ids, 2, &status);
  anju_assert_status (status, 201, reply);
  /* One form per application. */
  g_assert_cmpuint (anju_test_json_length (reply, "items"), ==, 2);
  number = anju_test_json_string (reply, "items.0.number");
  code = anju_test_json_string (reply, "items.0.code");
  url = anju_test_json_string (reply, "items.0.verify_url");
  g_assert_true (g_str_has_prefix (number, "QRD-"));
  g_assert_cmpuint (strlen (code), ==, 16);
  expected_url = g_strdup_printf ("%s/verify/%s?code=%s",
                                  fixture->srv->config->documents_verify_base_url, number, code);
  g_assert_cmpstr (url, ==, expected_url);

  /* The form names the applicant in full, with the conclusion. */
  text = document_text (fixture, fixture->center, anju_test_json_int (reply, "items.0.id"));
  assert_contains (text, "公共租赁住房保障资格确认单");
  assert_contains (text, "刘德明");
  assert_contains (text, "GZF-2026-900031");
  assert_contains (text, "审核结论：符合公共租赁住房保障条件，予以确认实物配租保障资格，纳入轮候名册。");
  assert_contains (text, "湘江新区住房保障服务中心");

  /* The QR code's URL verifies; another number with this code, or this
   * number with another code, does not. */
  valid = verify (fixture, number, code);
  g_assert_true (anju_test_json_bool (valid, "valid"));
  g_assert_cmpstr (anju_test_json_string (valid, "applicant_name"), ==, "刘**");
  g_assert_cmpstr (anju_test_json_string (valid, "application_no"), ==, "GZF-2026-900031");
  other_number = g_strdup (anju_test_json_string (reply, "items.1.number"));
  wrong_number = verify (fixture, other_number, code);
  g_assert_false (anju_test_json_bool (wrong_number, "valid"));
  g_assert_false (anju_test_json_has (wrong_number, "applicant_name"));
  other_code = g_strdup (code);
  other_code[0] = other_code[0] == '0' ? '1' : '0';
  wrong_code = verify (fixture, number, other_code);
  g_assert_false (anju_test_json_bool (wrong_code, "valid"));

  page = verify_page (fixture, url);
  assert_contains (page, "核验通过");
  assert_contains (page, "刘**");
  g_assert_null (strstr (page, "刘德明"));
  tampered_url = g_strdup_printf ("%s/verify/%s?code=%s",
                                  fixture->srv->config->documents_verify_base_url, other_number, code);
  tampered_page = verify_page (fixture, tampered_url);
  assert_contains (tampered_page, "核验未通过");
}

/* ---- templates ---------------------------------------------------------- */

static gint64
active_template (Fixture    *fixture,
                 const char *kind)
{
  g_autofree char *query = g_strdup_printf ("kind=%s", kind);
  g_autoptr(JsonNode) page = anju_test_list_page (fixture->srv, fixture->center, TEMPLATES, query);
  JsonArray *items = json_node_get_array (anju_test_json_lookup (page, "items"));

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (json_object_get_boolean_member (item, "active"))
        return json_object_get_int_member (item, "id");
    }
  g_assert_not_reached ();
}

static void
test_template_edit (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 seeded = active_template (fixture, "street_publicity");
  gint64 ids[] = { add_application (fixture, "GZF-2026-900041", "郑海燕", "open_physical",
                                    "street_publicity") };
  g_autoptr(JsonNode) bad = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) activated = NULL;
  g_autoptr(JsonNode) updated = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) template = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  gint64 id;
  guint status;

  bad = anju_test_request (fixture->srv, fixture->center, "POST", TEMPLATES,
                           "{\"kind\": \"street_publicity\", \"name\": \"x\", \"title\": \"x\","
                           " \"issuer\": \"x\", \"body\": \"{{applicant_name}}\", \"font_size\": 40}",
                           &status);
  anju_assert_error (status, bad, 422, "validation_failed");
  g_assert_true (anju_test_json_has (bad, "error.fields.body"));
  g_assert_true (anju_test_json_has (bad, "error.fields.font_size"));

  created = anju_test_request (fixture->srv, fixture->center, "POST", TEMPLATES,
                               "{\"kind\": \"street_publicity\", \"name\": \"岳麓片区公示\","
                               " \"title\": \"岳麓片区公共租赁住房保障资格公示\","
                               " \"issuer\": \"湘江新区住房保障服务中心\","
                               " \"body\": \"以下{{count}}户家庭经审核符合条件，公示编号{{number}}。\","
                               " \"font_size\": 14}",
                               &status);
  anju_assert_status (status, 201, created);
  id = anju_test_json_int (created, "id");
  g_assert_false (anju_test_json_bool (created, "active"));
  g_assert_cmpint (anju_test_json_int (created, "usage_count"), ==, 0);
  g_assert_cmpint (anju_test_audit_count (fixture->srv, "pubrent.document_template.create", id), ==, 1);

  activated = anju_test_item_request (fixture->srv, fixture->center, "POST", TEMPLATES, id, "activate",
                                      NULL, &status);
  anju_assert_status (status, 200, activated);
  g_assert_true (anju_test_json_bool (activated, "active"));
  g_assert_cmpint (active_template (fixture, "street_publicity"), ==, id);
  g_assert_cmpint (anju_test_audit_count (fixture->srv, "pubrent.document_template.activate", id), ==, 1);

  first = generate (fixture, fixture->center, "street_publicity", ids, 1, &status);
  anju_assert_status (status, 201, first);
  first_text = document_text (fixture, fixture->center, anju_test_json_int (first, "items.0.id"));
  assert_contains (first_text, "岳麓片区公共租赁住房保障资格公示");
  assert_contains (first_text, "以下1户家庭经审核符合条件");
  g_assert_null (strstr (first_text, "湘江新区公共租赁住房保障资格街道公示"));

  updated = anju_test_item_request (fixture->srv, fixture->center, "PUT", TEMPLATES, id, NULL,
                                    "{\"kind\": \"street_publicity\", \"name\": \"岳麓片区公示\","
                                    " \"title\": \"岳麓片区公租房资格公示（第二批）\","
                                    " \"issuer\": \"湘江新区住房保障服务中心\","
                                    " \"body\": \"第二批共{{count}}户。\"}",
                                    &status);
  anju_assert_status (status, 200, updated);
  second = generate (fixture, fixture->center, "street_publicity", ids, 1, &status);
  anju_assert_status (status, 201, second);
  second_text = document_text (fixture, fixture->center, anju_test_json_int (second, "items.0.id"));
  assert_contains (second_text, "岳麓片区公租房资格公示（第二批）");
  assert_contains (second_text, "第二批共1户");

  template = anju_test_item_request (fixture->srv, fixture->center, "GET", TEMPLATES, id, NULL, NULL,
                                     &status);
  g_assert_cmpint (anju_test_json_int (template, "usage_count"), ==, 2);
  g_assert_false (anju_test_json_is_null (template, "last_used_at"));
  g_clear_pointer (&template, json_node_unref);
  template = anju_test_item_request (fixture->srv, fixture->center, "GET", TEMPLATES, seeded, NULL,
                                     NULL, &status);
  g_assert_false (anju_test_json_bool (template, "active"));
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A real 32×32 PNG (the sample PNG is only a header). */
static GBytes *
make_png (void)
{
  GByteArray *buffer = g_byte_array_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 32, 32);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
  cairo_arc (cr, 16, 16, 14, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_png, buffer);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (buffer);
}

static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(JsonNode) uploaded = NULL;
  g_autoptr(JsonNode) fields = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) request = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *before = anju_test_db_dump (fixture->srv, "pubrent_document_templates");
  g_autofree char *after = NULL;
  g_autofree char *body = NULL;
  g_autofree char *jpeg_body = NULL;
  g_autofree char *text = NULL;
  gint64 jpeg;
  guint status;

  fields = anju_test_request (fixture->srv, fixture->center, "GET", TEMPLATES "/fields?kind=confirmation",
                              NULL, &status);
  anju_assert_status (status, 200, fields);
  g_assert_cmpint (anju_test_json_find (fields, "fields", "name", "applicant_name"), >=, 0);
  g_assert_cmpint (anju_test_json_find (fields, "fields", "name", "conclusion"), >=, 0);

  uploaded = anju_test_upload (fixture->srv, fixture->center, "徽标.png", "image/png", png, &status);
  anju_assert_status (status, 201, uploaded);
  body = g_strdup_printf ("{\"kind\": \"confirmation\", \"name\": \"试用\", \"title\": \"确认单预览\","
                          " \"issuer\": \"湘江新区住房保障服务中心\","
                          " \"body\": \"{{applicant_name}}（{{application_no}}）：{{conclusion}}\","
                          " \"logo_file_id\": %" G_GINT64_FORMAT ", \"font_size\": 11}",
                          anju_test_json_int (uploaded, "id"));
  request = g_bytes_new_static (body, strlen (body));
  pdf = anju_test_request_raw (fixture->srv, fixture->center, "POST", TEMPLATES "/preview",
                               "application/json", request, &status);
  g_assert_cmpuint (status, ==, 200);
  text = pdf_text (pdf);
  assert_contains (text, "确认单预览");
  assert_contains (text, "王小芳");
  assert_contains (text, "GZF-2026-000123");

  /* Nothing was saved. */
  after = anju_test_db_dump (fixture->srv, "pubrent_document_templates");
  g_assert_cmpstr (before, ==, after);
  documents = anju_test_db_query (fixture->srv, "SELECT COUNT(*) FROM pubrent_documents");
  g_assert_cmpstr (documents, ==, "0");

  /* Logos are PNG only. */
  jpeg = anju_test_upload_ok (fixture->srv, fixture->center, "logo.jpg", ANJU_SAMPLE_JPEG, "logo");
  jpeg_body = g_strdup_printf ("{\"kind\": \"announcement\", \"name\": \"x\", \"title\": \"x\","
                               " \"issuer\": \"x\", \"body\": \"x\", \"logo_file_id\": %" G_GINT64_FORMAT "}",
                               jpeg);
  refused = anju_test_request (fixture->srv, fixture->center, "POST", TEMPLATES "/preview", jpeg_body,
                               &status);
  anju_assert_error (status, refused, 422, "validation_failed");
  g_assert_true (anju_test_json_has (refused, "error.fields.logo_file_id"));
}

int
main (int   argc,
      char *argv[])
{
  anju_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pubrent/documents/street-publicity  F-PRH-005", test_street_publicity);
  ADD ("/pubrent/documents/export-xlsx  F-PRH-005", test_export);
  ADD ("/pubrent/documents/announcement  F-PRH-005", test_announcement);
  ADD ("/pubrent/documents/confirmation-verify  F-PRH-006", test_confirmation);
  ADD ("/pubrent/document-templates/edit-activate  F-PRH-005", test_template_edit);
  ADD ("/pubrent/document-templates/preview  F-PRH-006", test_preview);
#undef ADD

  return g_test_run ();
}
