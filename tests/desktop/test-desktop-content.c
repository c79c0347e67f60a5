/* test-desktop-content.c: the portal's content through the desktop's
 * real windows against a real anju-server.
 *
 *   notices   F-PORTAL-004  the center's staff write a notice for one
 *                           street with a picture attached (a file of a
 *                           refused type and a field the server refuses
 *                           are reported in the dialog), see it as a
 *                           draft and publish it; a worker of
 *                           that street then finds it, opens it, sees and
 *                           saves the attachment; another street's
 *                           worker cannot see it
 *   feedback  F-PORTAL-014  a street worker submits feedback, the center
 *                           replies, and the worker reads the reply
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "anju-article-dialog-private.h"
#include "anju-article-pages.h"
#include "anju-article-view.h"
#include "anju-desktop-test.h"
#include "anju-feedback-dialog-private.h"
#include "anju-feedback-page.h"
#include "anju-feedback-reply-dialog-private.h"
#include "anju-file-save.h"
#include "anju-record-column.h"

#define NOTICE_TITLE    "关于开展2026年公租房资格年审的通知"
#define NOTICE_BODY     "请各街道于十二月底前完成辖区公租房承租家庭的资格年审工作。"
#define TARGET_STREET   "银盆岭街道"
#define PICTURE_NAME    "年审流程.png"
#define FEEDBACK_TITLE  "申请进度查询页面打不开"
#define FEEDBACK_TEXT   "点击申请进度后一直转圈，换了浏览器也一样。"
#define REPLY_TEXT      "已修复，请刷新后重试。感谢反馈！"

typedef struct
{
  AnjuTestServer *server;
  char           *dir;           /* (owned) files the user "chooses" */
  char           *picture_path;  /* (owned) */
  GBytes         *picture;       /* (owned) its bytes */
  AnjuWindow     *window;
  GtkWidget      *page;
  GtkWidget      *dialog;
  gint64          id;            /* the notice or feedback made */
} Fixture;

/* Helpers */

static GtkSelectionModel *
page_selection (Fixture *fixture)
{
  GtkWidget *view = anju_desktop_test_find_type (fixture->page, GTK_TYPE_COLUMN_VIEW);

  g_assert_nonnull (view);
  return gtk_column_view_get_model (GTK_COLUMN_VIEW (view));
}

/* The listed record whose title is title, or NULL; *out_position is
 * where. */
static AnjuRecord *
listed_record (Fixture    *fixture,
               const char *title,
               guint      *out_position)
{
  GListModel *model = G_LIST_MODEL (page_selection (fixture));
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      AnjuRecord *record = anju_record_column_item_record (item);

      if (g_strcmp0 (anju_record_get_string (record, "title"), title) == 0)
        {
          if (out_position != NULL)
            *out_position = i;
          return record;
        }
    }

  return NULL;
}

typedef struct
{
  Fixture    *fixture;
  const char *title;
  const char *status;   /* (nullable) any */
} Listed;

static gboolean
is_listed (gpointer data)
{
  Listed *listed = data;
  AnjuRecord *record = listed_record (listed->fixture, listed->title, NULL);

  return record != NULL
         && (listed->status == NULL
             || g_strcmp0 (anju_record_get_string (record, "status"), listed->status) == 0);
}

static void
wait_until_listed (Fixture    *fixture,
                   const char *title,
                   const char *status)
{
  Listed listed = { fixture, title, status };

  g_assert_true (anju_test_display_wait_for (is_listed, &listed, title));
}

static void
select_listed (Fixture    *fixture,
               const char *title)
{
  guint position = 0;

  g_assert_nonnull (listed_record (fixture, title, &position));
  g_assert_true (gtk_selection_model_select_item (page_selection (fixture), position, TRUE));
}

static gboolean
action_ready (gpointer data)
{
  Fixture *fixture = data;
  const char *action = g_object_get_data (G_OBJECT (fixture->page), "test-action");
  GtkWidget *button = anju_desktop_test_find_button (fixture->page, action);

  return button != NULL && gtk_widget_is_sensitive (button);
}

static void
click_when_ready (Fixture    *fixture,
                  const char *action)
{
  g_object_set_data (G_OBJECT (fixture->page), "test-action", (gpointer) action);
  g_assert_true (anju_test_display_wait_for (action_ready, fixture, action));
  anju_desktop_test_click (anju_desktop_test_find_button (fixture->page, action));
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* Notices: writing and publishing */

static gboolean
uploads_done (gpointer data)
{
  Fixture *fixture = data;

  return _anju_article_dialog_get_n_pending (ANJU_ARTICLE_DIALOG (fixture->dialog)) == 0;
}

static gboolean
targets_loaded (gpointer data)
{
  Fixture *fixture = data;

  return _anju_article_dialog_get_target_check (ANJU_ARTICLE_DIALOG (fixture->dialog), TARGET_STREET) != NULL;
}

static gboolean
category_refused (gpointer data)
{
  Fixture *fixture = data;

  return _anju_article_dialog_get_field_error (ANJU_ARTICLE_DIALOG (fixture->dialog), "category") != NULL;
}

static gboolean
article_dialog_gone (gpointer data)
{
  return anju_desktop_test_find_window (ANJU_TYPE_ARTICLE_DIALOG) == NULL;
}

static void
attach (Fixture    *fixture,
        const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  _anju_article_dialog_add_file (ANJU_ARTICLE_DIALOG (fixture->dialog), file);
  g_assert_false (gtk_widget_is_sensitive (_anju_article_dialog_get_save_button (ANJU_ARTICLE_DIALOG (fixture->dialog))));
  g_assert_true (anju_test_display_wait_for (uploads_done, fixture, "the upload"));
}

static void
write_notice (Fixture *fixture)
{
  AnjuArticleDialog *dialog;
  g_autofree char *text_path = g_build_filename (fixture->dir, "说明.txt", NULL);
  g_autofree char *long_category = g_strnfill (51, 'x');
  GtkWidget *target;

  click_when_ready (fixture, "articles.create");
  fixture->dialog = anju_test_display_wait_for_window (ANJU_TYPE_ARTICLE_DIALOG);
  dialog = ANJU_ARTICLE_DIALOG (fixture->dialog);

  gtk_editable_set_text (GTK_EDITABLE (_anju_article_dialog_get_field (dialog, "title")), NOTICE_TITLE);
  gtk_editable_set_text (GTK_EDITABLE (_anju_article_dialog_get_field (dialog, "category")), "年审");
  set_text_view (_anju_article_dialog_get_field (dialog, "body"), NOTICE_BODY);

  /* Plain text is no accepted type: the server's reason is shown with
   * the attachments, and nothing is attached. */
  g_assert_true (g_file_set_contents (text_path, "只是一些文字", -1, NULL));
  attach (fixture, text_path);
  g_assert_cmpuint (_anju_article_dialog_get_n_attachments (dialog), ==, 0);
  g_assert_nonnull (_anju_article_dialog_get_field_error (dialog, "attachment_ids"));
  g_assert_nonnull (strstr (_anju_article_dialog_get_field_error (dialog, "attachment_ids"), "说明.txt"));

  attach (fixture, fixture->picture_path);
  g_assert_cmpuint (_anju_article_dialog_get_n_attachments (dialog), ==, 1);
  g_assert_null (_anju_article_dialog_get_field_error (dialog, "attachment_ids"));
  g_assert_nonnull (anju_desktop_test_find_row (fixture->dialog, PICTURE_NAME));

  g_assert_true (anju_test_display_wait_for (targets_loaded, fixture, "the organisations"));
  target = _anju_article_dialog_get_target_check (dialog, TARGET_STREET);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (target), TRUE);

  /* A refusal only the server makes (a category over 50 characters) is
   * shown beside the field, and the dialog keeps everything. */
  gtk_editable_set_text (GTK_EDITABLE (_anju_article_dialog_get_field (dialog, "category")), long_category);
  anju_desktop_test_click (_anju_article_dialog_get_save_button (dialog));
  g_assert_true (anju_test_display_wait_for (category_refused, fixture, "the server's refusal"));
  g_assert_true (anju_desktop_test_find_window (ANJU_TYPE_ARTICLE_DIALOG) == fixture->dialog);
  g_assert_cmpuint (_anju_article_dialog_get_n_attachments (dialog), ==, 1);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (target)));
  gtk_editable_set_text (GTK_EDITABLE (_anju_article_dialog_get_field (dialog, "category")), "年审");

  anju_desktop_test_click (_anju_article_dialog_get_save_button (dialog));
  g_assert_true (anju_test_display_wait_for (article_dialog_gone, fixture, "the dialog to close"));
  fixture->dialog = NULL;
}

static void
check_notice_on_server (Fixture    *fixture,
                        const char *status)
{
  g_autofree char *token = anju_test_login (fixture->server, "center", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *path = g_strdup_printf ("/api/v1/articles/%" G_GINT64_FORMAT, fixture->id);
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *article;
  JsonArray *targets;
  JsonArray *attachments;
  guint http_status = 0;

  answer = anju_test_request (fixture->server, token, "GET", path, NULL, &http_status);
  g_assert_cmpuint (http_status, ==, 200);
  article = json_node_get_object (answer);
  g_assert_cmpstr (json_object_get_string_member (article, "kind"), ==, "notice");
  g_assert_cmpstr (json_object_get_string_member (article, "status"), ==, status);
  g_assert_cmpstr (json_object_get_string_member (article, "body"), ==, NOTICE_BODY);
  targets = json_object_get_array_member (article, "targets");
  g_assert_cmpuint (json_array_get_length (targets), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (targets, 0), "name"),
                   ==, TARGET_STREET);
  attachments = json_object_get_array_member (article, "attachments");
  g_assert_cmpuint (json_array_get_length (attachments), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (attachments, 0), "content_type"),
                   ==, "image/png");
}

static void
write_and_publish (AnjuWindow *window,
                   gpointer    data)
{
  Fixture *fixture = data;
  AnjuRecord *draft;

  fixture->page = anju_desktop_test_open_page (window, "notices");
  g_assert_true (ANJU_IS_NOTICES_PAGE (fixture->page));

  write_notice (fixture);

  /* A writer sees the draft, which readers do not yet. */
  wait_until_listed (fixture, NOTICE_TITLE, "draft");
  draft = listed_record (fixture, NOTICE_TITLE, NULL);
  fixture->id = anju_record_get_id (draft);
  check_notice_on_server (fixture, "draft");

  select_listed (fixture, NOTICE_TITLE);
  click_when_ready (fixture, "articles.publish");
  wait_until_listed (fixture, NOTICE_TITLE, "published");
  check_notice_on_server (fixture, "published");
}

/* Notices: reading */

static gboolean
reader_shows_article (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *view = anju_desktop_test_find_type (fixture->page, ANJU_TYPE_ARTICLE_VIEW);

  return view != NULL && gtk_widget_get_mapped (view)
         && anju_article_view_get_article (ANJU_ARTICLE_VIEW (view)) != NULL;
}

static gboolean
reader_gone (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* What Save… does once the user has chosen where. */
static void
save_attachment (Fixture    *fixture,
                 JsonObject *file)
{
  g_autofree char *path = g_build_filename (fixture->dir, "saved.png", NULL);
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  anju_file_save_to_async (anju_window_get_client (fixture->window),
                           json_object_get_int_member (file, "id"), destination, NULL,
                           store_result_cb, &result);
  g_assert_true (anju_test_display_wait_for (result_arrived, &result, "the download"));
  g_assert_true (anju_file_save_to_finish (result, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (fixture->picture, NULL), g_bytes_get_size (fixture->picture));
}

static void
read_notice (AnjuWindow *window,
             gpointer    data)
{
  Fixture *fixture = data;
  GtkWidget *view;
  GtkWidget *attachment_row;
  AnjuRecord *article;
  JsonArray *attachments;

  fixture->window = window;
  fixture->page = anju_desktop_test_open_page (window, "notices");
  wait_until_listed (fixture, NOTICE_TITLE, NULL);

  /* A reader has nothing to write with. */
  g_assert_false (gtk_widget_get_visible (anju_desktop_test_find_button (fixture->page, "articles.create")));
  g_assert_false (gtk_widget_get_visible (anju_desktop_test_find_button (fixture->page, "articles.publish")));

  select_listed (fixture, NOTICE_TITLE);
  g_signal_emit_by_name (anju_desktop_test_find_type (fixture->page, GTK_TYPE_COLUMN_VIEW), "activate",
                         gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (page_selection (fixture))));
  g_assert_true (anju_test_display_wait_for (reader_shows_article, fixture, "the notice in the reader"));

  view = anju_desktop_test_find_type (fixture->page, ANJU_TYPE_ARTICLE_VIEW);
  g_assert_nonnull (anju_desktop_test_find_label (view, NOTICE_TITLE));
  g_assert_nonnull (anju_desktop_test_find_label (view, NOTICE_BODY));
  attachment_row = anju_desktop_test_find_row (view, PICTURE_NAME);
  g_assert_nonnull (attachment_row);
  g_assert_true (gtk_widget_get_mapped (attachment_row));

  article = anju_article_view_get_article (ANJU_ARTICLE_VIEW (view));
  attachments = anju_record_get_member_array (article, "attachments");
  save_attachment (fixture, json_array_get_object_element (attachments, 0));

  anju_desktop_test_click (anju_desktop_test_find_button (fixture->page, "articles.back"));
  g_assert_true (anju_test_display_wait_for (reader_gone, view, "the list again"));
}

/* Another street's worker is not among the readers. */
static void
check_hidden_from_other_street (Fixture *fixture)
{
  g_autofree char *token = anju_test_login (fixture->server, "street_wyh", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *path = g_strdup_printf ("/api/v1/articles/%" G_GINT64_FORMAT, fixture->id);
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = anju_test_request (fixture->server, token, "GET", path, NULL, &status);
  g_assert_cmpuint (status, ==, 404);
}

static void
make_picture (Fixture *fixture)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 16, 16);
  g_autoptr(GError) error = NULL;
  gchar *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL));
  g_assert_no_error (error);
  fixture->picture = g_bytes_new_take (buffer, size);

  fixture->picture_path = g_build_filename (fixture->dir, PICTURE_NAME, NULL);
  g_assert_true (g_file_set_contents (fixture->picture_path, buffer, (gssize) size, NULL));
}

static void
fixture_set_up (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->server = anju_test_server_start (TRUE);
  fixture->dir = g_dir_make_tmp ("anju-content-XXXXXX", &error);
  g_assert_no_error (error);
  make_picture (fixture);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture *fixture)
{
  anju_test_server_stop (fixture->server);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->picture_path);
  g_bytes_unref (fixture->picture);
}

static void
test_notice (void)
{
  Fixture fixture = { NULL, };

  fixture_set_up (&fixture);
  anju_desktop_test_run (fixture.server, "center", ANJU_TEST_DEMO_PASSWORD, write_and_publish, &fixture);
  anju_desktop_test_run (fixture.server, "street_ypl", ANJU_TEST_DEMO_PASSWORD, read_notice, &fixture);
  check_hidden_from_other_street (&fixture);
  fixture_tear_down (&fixture);
}

/* Feedback */

static gboolean
feedback_dialog_gone (gpointer data)
{
  return anju_desktop_test_find_window (ANJU_TYPE_FEEDBACK_DIALOG) == NULL;
}

static gboolean
reply_dialog_gone (gpointer data)
{
  return anju_desktop_test_find_window (ANJU_TYPE_FEEDBACK_REPLY_DIALOG) == NULL;
}

static void
submit_feedback (AnjuWindow *window,
                 gpointer    data)
{
  Fixture *fixture = data;
  AnjuFeedbackDialog *dialog;

  fixture->page = anju_desktop_test_open_page (window, "feedback");
  g_assert_true (ANJU_IS_FEEDBACK_PAGE (fixture->page));
  /* Only those who answer feedback may. */
  g_assert_false (gtk_widget_get_visible (anju_desktop_test_find_button (fixture->page, "feedback.reply")));

  click_when_ready (fixture, "feedback.create");
  fixture->dialog = anju_test_display_wait_for_window (ANJU_TYPE_FEEDBACK_DIALOG);
  dialog = ANJU_FEEDBACK_DIALOG (fixture->dialog);

  /* Empty text is caught before asking the server. */
  gtk_editable_set_text (GTK_EDITABLE (_anju_feedback_dialog_get_field (dialog, "title")), FEEDBACK_TITLE);
  anju_desktop_test_click (_anju_feedback_dialog_get_save_button (dialog));
  g_assert_nonnull (_anju_feedback_dialog_get_field_error (dialog, "content"));

  /* The third type is 技术问题, "technical". */
  adw_combo_row_set_selected (ADW_COMBO_ROW (_anju_feedback_dialog_get_field (dialog, "type")), 2);
  set_text_view (_anju_feedback_dialog_get_field (dialog, "content"), FEEDBACK_TEXT);
  anju_desktop_test_click (_anju_feedback_dialog_get_save_button (dialog));
  g_assert_true (anju_test_display_wait_for (feedback_dialog_gone, fixture, "the dialog to close"));

  wait_until_listed (fixture, FEEDBACK_TITLE, "open");
  fixture->id = anju_record_get_id (listed_record (fixture, FEEDBACK_TITLE, NULL));
  g_assert_cmpstr (anju_record_get_string (listed_record (fixture, FEEDBACK_TITLE, NULL), "type"), ==, "technical");
  select_listed (fixture, FEEDBACK_TITLE);
  g_assert_nonnull (anju_desktop_test_find_label (fixture->page, FEEDBACK_TEXT));
  /* Still the author's to change. */
  g_assert_true (gtk_widget_is_sensitive (anju_desktop_test_find_button (fixture->page, "feedback.edit")));
}

static void
reply_to_feedback (AnjuWindow *window,
                   gpointer    data)
{
  Fixture *fixture = data;
  AnjuFeedbackReplyDialog *dialog;

  fixture->page = anju_desktop_test_open_page (window, "feedback");
  wait_until_listed (fixture, FEEDBACK_TITLE, "open");
  select_listed (fixture, FEEDBACK_TITLE);
  /* Someone else's feedback is for answering, not for changing. */
  g_assert_false (gtk_widget_is_sensitive (anju_desktop_test_find_button (fixture->page, "feedback.edit")));

  click_when_ready (fixture, "feedback.reply");
  fixture->dialog = anju_test_display_wait_for_window (ANJU_TYPE_FEEDBACK_REPLY_DIALOG);
  dialog = ANJU_FEEDBACK_REPLY_DIALOG (fixture->dialog);
  g_assert_nonnull (anju_desktop_test_find_label (fixture->dialog, FEEDBACK_TEXT));

  set_text_view (GTK_WIDGET (_anju_feedback_reply_dialog_get_reply_view (dialog)), REPLY_TEXT);
  anju_desktop_test_click (_anju_feedback_reply_dialog_get_send_button (dialog));
  g_assert_true (anju_test_display_wait_for (reply_dialog_gone, fixture, "the reply dialog to close"));

  wait_until_listed (fixture, FEEDBACK_TITLE, "replied");
}

static void
read_reply (AnjuWindow *window,
            gpointer    data)
{
  Fixture *fixture = data;

  fixture->page = anju_desktop_test_open_page (window, "feedback");
  wait_until_listed (fixture, FEEDBACK_TITLE, "replied");
  select_listed (fixture, FEEDBACK_TITLE);
  g_assert_nonnull (anju_desktop_test_find_label (fixture->page, REPLY_TEXT));
  /* Answered feedback is closed to changes. */
  g_assert_false (gtk_widget_is_sensitive (anju_desktop_test_find_button (fixture->page, "feedback.edit")));
}

static void
test_feedback (void)
{
  Fixture fixture = { NULL, };

  fixture_set_up (&fixture);
  anju_desktop_test_run (fixture.server, "street_ypl", ANJU_TEST_DEMO_PASSWORD, submit_feedback, &fixture);
  anju_desktop_test_run (fixture.server, "center", ANJU_TEST_DEMO_PASSWORD, reply_to_feedback, &fixture);
  anju_desktop_test_run (fixture.server, "street_ypl", ANJU_TEST_DEMO_PASSWORD, read_reply, &fixture);
  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_display_init (&argc, &argv);

  g_test_add_func ("/portal/notices/write-publish-read  F-PORTAL-004", test_notice);
  g_test_add_func ("/portal/feedback/submit-reply-read  F-PORTAL-014", test_feedback);

  return g_test_run ();
}
