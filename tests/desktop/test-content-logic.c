/* test-content-logic.c: what the portal content pages decide on their
 * own, before or without the server; no display needed.
 *
 *   the words for article and feedback codes  F-PORTAL-003, 004, 009, 014
 *   the type an attachment is declared as, and how a file and a refused
 *   upload are described                      F-PORTAL-004
 */
#include "config.h"

#include <string.h>

#include "anju-api-client.h"
#include "anju-content-labels.h"
#include "anju-file-row.h"
#include "anju-file-upload.h"

static void
test_labels (void)
{
  g_assert_cmpuint (g_strv_length ((char **) anju_article_status_codes ()), ==, 3);
  g_assert_cmpuint (g_strv_length ((char **) anju_feedback_type_codes ()), ==, 4);
  g_assert_cmpuint (g_strv_length ((char **) anju_feedback_status_codes ()), ==, 2);

  /* Every code has words of its own. */
  for (const char * const *code = anju_article_status_codes (); *code != NULL; code++)
    g_assert_cmpstr (anju_article_status_label (*code), !=, *code);
  for (const char * const *code = anju_feedback_type_codes (); *code != NULL; code++)
    g_assert_cmpstr (anju_feedback_type_label (*code), !=, *code);
  for (const char * const *code = anju_feedback_status_codes (); *code != NULL; code++)
    g_assert_cmpstr (anju_feedback_status_label (*code), !=, *code);

  g_assert_cmpstr (anju_article_status_label ("published"), ==, "Published");
  g_assert_cmpstr (anju_feedback_type_label ("technical"), ==, "Technical problem");
  g_assert_cmpstr (anju_feedback_status_label ("open"), ==, "Awaiting reply");

  /* A code from a newer server is shown as it came, never as nothing. */
  g_assert_cmpstr (anju_article_status_label ("archived"), ==, "archived");
  g_assert_cmpstr (anju_feedback_type_label ("praise"), ==, "praise");
  g_assert_null (anju_feedback_status_label (NULL));
}

static const guint8 png_start[] = { 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R' };

static void
assert_content_type (const char   *name,
                     const guchar *data,
                     gsize         size,
                     const char   *expected)
{
  g_autofree char *content_type = anju_file_upload_content_type (name, data, size);

  g_assert_cmpstr (content_type, ==, expected);
}

/* The server accepts MIME types; the guess is the desktop's, from the
 * name and the first bytes. */
static void
test_content_type (void)
{
  static const char pdf[] = "%PDF-1.7\n1 0 obj\n";

  assert_content_type ("年审流程.png", png_start, sizeof png_start, "image/png");
  /* The bytes decide when the name says nothing. */
  assert_content_type ("scan", png_start, sizeof png_start, "image/png");
  assert_content_type ("通知.pdf", (const guchar *) pdf, strlen (pdf), "application/pdf");
  assert_content_type ("材料清单.xlsx", NULL, 0,
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  assert_content_type ("说明.txt", (const guchar *) "文字", strlen ("文字"), "text/plain");
}

static void
test_describe (void)
{
  g_autoptr(JsonObject) file = json_object_new ();
  g_autoptr(JsonObject) unknown = json_object_new ();
  g_autofree char *text = NULL;
  g_autofree char *size_only = NULL;
  g_autofree char *size = g_format_size (2048);
  g_autofree char *suffix = g_strconcat (" · ", size, NULL);

  json_object_set_string_member (file, "content_type", "image/png");
  json_object_set_int_member (file, "size", 2048);

  /* The type in words (the shared MIME database's), then the size. */
  text = anju_file_describe (file);
  g_assert_true (g_str_has_suffix (text, suffix));
  g_assert_cmpuint (strlen (text), >, strlen (suffix));

  json_object_set_int_member (unknown, "size", 12);
  size_only = anju_file_describe (unknown);
  g_assert_cmpstr (size_only, ==, "12 bytes");
}

/* A refused upload names the file and the server's own reason. */
static void
test_upload_messages (void)
{
  g_autoptr(AnjuApiClient) client = anju_api_client_new ("https://127.0.0.1:1", NULL);
  g_autoptr(GError) too_large = g_error_new_literal (ANJU_ERROR, ANJU_ERROR_TOO_LARGE, "at most 20 MiB");
  g_autoptr(GError) refused = g_error_new_literal (ANJU_ERROR, ANJU_ERROR_VALIDATION, "not an accepted type");
  g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  g_autofree char *large_message = anju_file_upload_error_message (client, "大图.png", too_large);
  g_autofree char *refused_message = anju_file_upload_error_message (client, "说明.txt", refused);

  g_assert_nonnull (strstr (large_message, "大图.png"));
  g_assert_nonnull (strstr (large_message, "at most 20 MiB"));
  g_assert_nonnull (strstr (refused_message, "说明.txt"));
  g_assert_nonnull (strstr (refused_message, "not an accepted type"));
  g_assert_null (anju_file_upload_error_message (client, "x.png", cancelled));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/portal/content/labels", test_labels);
  g_test_add_func ("/portal/content/attachment-type  F-PORTAL-004", test_content_type);
  g_test_add_func ("/portal/content/attachment-description  F-PORTAL-004", test_describe);
  g_test_add_func ("/portal/content/upload-messages  F-PORTAL-004", test_upload_messages);

  return g_test_run ();
}
