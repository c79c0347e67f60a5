/* test-kiosk-apply.c: the public-rental application at the kiosk, end to
 * end, against a real server with every peripheral simulated: the ID card
 * fills the form (F-TERM-005), a face is photographed and a finger
 * enrolled on libfprint's virtual device (F-TERM-006), a member is added
 * from a second card, the application is submitted and the server holds
 * it with both captures, and the printed receipt carries its number
 * (F-TERM-009).  A reader failure offers retry and manual entry; reset
 * wipes the form.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "anju-application-test.h"
#include "anju-kiosk-apply-screen.h"
#include "anju-kiosk-test.h"
#include "anju-test-json.h"

#define APPLICANT_NAME  "王小湘"
#define MEMBER_NAME     "王小明"
#define APPLICANT_PHONE "13812345678"
#define FINGER          "finger-a"

static AnjuTestServer *
start_server (void)
{
  AnjuTestServer *server = anju_test_server_start (TRUE);

  anju_test_db_drop_orphan_processes (server);

  return server;
}

static const char *
entry_text (GtkWidget  *screen,
            const char *id)
{
  return gtk_editable_get_text (GTK_EDITABLE (anju_kiosk_test_child (screen, id)));
}

/* ---- waiting ------------------------------------------------------ */

typedef struct
{
  GtkWidget  *root;
  const char *text;
} Wanted;

static gboolean
step_is (gpointer data)
{
  Wanted *wanted = data;

  return g_strcmp0 (anju_kiosk_apply_screen_get_step_name (ANJU_KIOSK_APPLY_SCREEN (wanted->root)),
                    wanted->text) == 0;
}

/* What the screen's messages say, for a test that got stuck. */
static char *
describe_step (GtkWidget *screen)
{
  static const char * const labels[] = {
    "card_status_label", "face_status_label", "finger_status_label", "member_status_label",
    "type_error_label", "card_error_label", "details_error_label", "members_error_label",
    "review_error_label",
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    g_string_append_printf (text, "%s “%s”; ", labels[i],
                            gtk_label_get_text (GTK_LABEL (anju_kiosk_test_child (screen, labels[i]))));

  return g_string_free (text, FALSE);
}

static void
wait_for_step (GtkWidget  *screen,
               const char *step)
{
  Wanted wanted = { screen, step };
  g_autofree char *what = g_strdup_printf ("the step “%s”", step);

  if (!anju_test_display_wait_for (step_is, &wanted, what))
    g_error ("Still on the step “%s”, which says: %s",
             anju_kiosk_apply_screen_get_step_name (ANJU_KIOSK_APPLY_SCREEN (screen)),
             describe_step (screen));
}

static gboolean
button_sensitive (gpointer data)
{
  Wanted *wanted = data;
  GtkWidget *button = anju_kiosk_test_find_button (wanted->root, wanted->text);

  return button != NULL && gtk_widget_is_sensitive (button) && gtk_widget_get_mapped (button);
}

/* Waits until the button labelled label can be pressed, and presses it. */
static void
press (GtkWidget  *screen,
       const char *label)
{
  Wanted wanted = { screen, label };
  g_autofree char *what = g_strdup_printf ("the button “%s”", label);

  g_assert_true (anju_test_display_wait_for (button_sensitive, &wanted, what));
  anju_kiosk_test_click_label (screen, label);
}

static gboolean
entry_filled (gpointer data)
{
  Wanted *wanted = data;

  return g_strcmp0 (entry_text (wanted->root, "name_entry"), wanted->text) == 0;
}

static gboolean
label_visible (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data))
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (data)), "") != 0;
}

static gboolean
list_has_rows (gpointer data)
{
  return gtk_widget_get_first_child (GTK_WIDGET (data)) != NULL;
}

static gboolean
printed (gpointer data)
{
  AnjuKioskTest *kiosk = data;
  g_autoptr(GDir) dir = g_dir_open (kiosk->print_dir, 0, NULL);

  return dir != NULL && g_dir_read_name (dir) != NULL;
}

/* pdftotext drops the spaces between CJK and digits, so both sides are
 * compared without any white space. */
static char *
printed_text (AnjuKioskTest *kiosk)
{
  g_autoptr(GDir) dir = g_dir_open (kiosk->print_dir, 0, NULL);
  g_autofree char *file = g_build_filename (kiosk->print_dir, g_dir_read_name (dir), NULL);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", file, "-", NULL };
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GString *compact = g_string_new (NULL);
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &text, NULL, &wait_status, &error);
  g_assert_no_error (error);
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (compact, *p);

  return g_string_free (compact, FALSE);
}

/* ---- libfprint's virtual device ---------------------------------- */

typedef struct
{
  const char *socket_path;
  const char *command;
  int         done;
} FingerCommand;

/* One command per connection, then read until the driver closes it:
 * that EOF says the command was taken (FEASIBILITY §2).  A thread of its
 * own, since the driver listens in the main context the test iterates. */
static gpointer
send_finger_command_thread (gpointer data)
{
  FingerCommand *command = data;
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  int fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  char buffer[256];

  g_assert_cmpint (fd, >=, 0);
  g_strlcpy (address.sun_path, command->socket_path, sizeof address.sun_path);
  g_assert_cmpint (connect (fd, (struct sockaddr *) &address, sizeof address), ==, 0);
  g_assert_cmpint (write (fd, command->command, strlen (command->command)), ==,
                   (gssize) strlen (command->command));
  while (read (fd, buffer, sizeof buffer) > 0)
    ;
  close (fd);
  g_atomic_int_set (&command->done, 1);

  return NULL;
}

static gboolean
command_done (gpointer data)
{
  return g_atomic_int_get (&((FingerCommand *) data)->done) != 0;
}

static void
send_finger_command (AnjuKioskTest *kiosk,
                     const char    *text)
{
  FingerCommand command = { kiosk->fingerprint_socket, text, 0 };
  GThread *thread = g_thread_new ("finger", send_finger_command_thread, &command);

  g_assert_true (anju_test_display_wait_for (command_done, &command, "the virtual device"));
  g_thread_join (thread);
}

static gboolean
socket_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

typedef struct
{
  GtkWidget *screen;
  double     before;
} Progress;

static gboolean
finger_progressed (gpointer data)
{
  Progress *progress = data;
  GtkProgressBar *bar = GTK_PROGRESS_BAR (anju_kiosk_test_child (progress->screen, "finger_progress"));

  gboolean left = g_strcmp0 (anju_kiosk_apply_screen_get_step_name (ANJU_KIOSK_APPLY_SCREEN (progress->screen)),
                             "finger") != 0;
  double fraction = gtk_progress_bar_get_fraction (bar);

  /* After the last stage the enrolment still has to end: another SCAN
   * would be one too many. */
  if (fraction >= 1.0)
    return left;
  return fraction > progress->before || left;
}

/* One SCAN per stage, each once the previous one counted. */
static void
enroll_finger (AnjuKioskTest *kiosk,
               GtkWidget     *screen)
{
  GtkProgressBar *bar = GTK_PROGRESS_BAR (anju_kiosk_test_child (screen, "finger_progress"));

  g_assert_true (anju_test_display_wait_for (socket_exists, kiosk->fingerprint_socket,
                                             "the virtual device's socket"));
  for (int scans = 0; scans < 10; scans++)
    {
      Progress progress = { screen, gtk_progress_bar_get_fraction (bar) };

      if (g_strcmp0 (anju_kiosk_apply_screen_get_step_name (ANJU_KIOSK_APPLY_SCREEN (screen)),
                     "finger") != 0)
        return;
      send_finger_command (kiosk, "SCAN " FINGER);
      g_assert_true (anju_test_display_wait_for (finger_progressed, &progress, "an enrolment stage"));
    }
  g_assert_not_reached ();
}

/* ---- the steps ---------------------------------------------------- */

static GtkWidget *
open_apply (AnjuKioskTest *kiosk)
{
  GtkWidget *screen = anju_kiosk_test_show_screen (kiosk, "apply");

  wait_for_step (screen, "type");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (anju_kiosk_test_child (screen, "physical_button")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (anju_kiosk_test_child (screen, "consent_check")), TRUE);
  press (screen, "Next");
  wait_for_step (screen, "card");

  return screen;
}

static void
wait_for_card (GtkWidget  *screen,
               const char *name)
{
  Wanted wanted = { screen, name };

  g_assert_true (anju_test_display_wait_for (entry_filled, &wanted, "the card's name in the form"));
}

static void
fill_details (GtkWidget *screen)
{
  anju_kiosk_test_set_text (anju_kiosk_test_child (screen, "phone_entry"), APPLICANT_PHONE);
  anju_kiosk_test_set_text (anju_kiosk_test_child (screen, "income_entry"), "30000");
  anju_kiosk_test_set_text (anju_kiosk_test_child (screen, "area_entry"), "10");
  press (screen, "Next");
  wait_for_step (screen, "face");
}

static void
take_face (GtkWidget *screen)
{
  press (screen, "Take photo");
  g_assert_nonnull (gtk_picture_get_paintable (GTK_PICTURE (anju_kiosk_test_child (screen, "photo_picture"))));
  press (screen, "Use this photo");
  wait_for_step (screen, "finger");
}

/* ---- the tests ---------------------------------------------------- */

/* F-TERM-009 with F-TERM-005 and F-TERM-006: the whole application. */
static void
test_apply_end_to_end (void)
{
  AnjuTestServer *server = start_server ();
  AnjuKioskTest *kiosk = anju_kiosk_test_new (server, NULL, NULL);
  g_autofree char *id_no = anju_app_test_id ("19900101", "024");
  g_autofree char *member_id = anju_app_test_id ("20150601", "013");
  g_autofree char *application_no = NULL;
  g_autofree char *path = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) found = NULL;
  g_autoptr(JsonNode) application = NULL;
  g_autoptr(JsonNode) captures = NULL;
  const char *status;
  GtkWidget *screen;
  guint http = 0;

  /* (a) type and consent, (b) the card fills the form. */
  anju_kiosk_test_insert_card (kiosk, APPLICANT_NAME, "2", id_no);
  screen = open_apply (kiosk);
  wait_for_card (screen, APPLICANT_NAME);
  g_assert_cmpstr (entry_text (screen, "id_no_entry"), ==, id_no);
  g_assert_cmpstr (entry_text (screen, "birth_entry"), ==, "1990-01-01");
  g_assert_cmpstr (entry_text (screen, "sex_entry"), ==, "女");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (anju_kiosk_test_child (screen, "name_entry"))));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (anju_kiosk_test_child (screen, "id_no_entry"))));
  press (screen, "Next");

  /* (c) details, (d) the face, (e) the finger. */
  wait_for_step (screen, "details");
  fill_details (screen);
  take_face (screen);
  enroll_finger (kiosk, screen);
  wait_for_step (screen, "members");

  /* (f) a member from a second card; the applicant's card is known. */
  anju_kiosk_test_insert_card (kiosk, MEMBER_NAME, "1", member_id);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (anju_kiosk_test_child (screen, "relation_dropdown")), 1);
  press (screen, "Read their ID card");
  g_assert_true (anju_test_display_wait_for (list_has_rows, anju_kiosk_test_child (screen, "members_list"),
                                             "the member in the list"));
  g_assert_true (anju_kiosk_test_shows_text (screen, MEMBER_NAME));
  press (screen, "Next");

  /* (g) review and submit. */
  wait_for_step (screen, "review");
  g_assert_true (anju_kiosk_test_shows_text (screen, "2 people"));
  press (screen, "Submit application");
  wait_for_step (screen, "done");
  application_no = g_strdup (anju_kiosk_apply_screen_get_application_no (ANJU_KIOSK_APPLY_SCREEN (screen)));
  g_assert_nonnull (application_no);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (anju_kiosk_test_child (screen, "number_label"))), ==, application_no);

  /* The receipt holds the number, the masked name and the hint. */
  g_assert_true (anju_test_display_wait_for (printed, kiosk, "the printed receipt"));
  text = printed_text (kiosk);
  g_assert_nonnull (strstr (text, application_no));
  g_assert_null (strstr (text, APPLICANT_NAME));

  /* The server holds it, submitted, with both members … */
  escaped = g_uri_escape_string (application_no, NULL, FALSE);
  path = g_strdup_printf ("/api/v1/pubrent/applications?q=%s", escaped);
  found = anju_kiosk_test_admin_request (kiosk, "GET", path, NULL, &http);
  anju_assert_status (http, SOUP_STATUS_OK, found);
  g_assert_cmpuint (anju_test_json_length (found, "items"), ==, 1);
  g_free (path);
  path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT,
                          anju_test_json_int (found, "items.0.id"));
  application = anju_kiosk_test_admin_request (kiosk, "GET", path, NULL, &http);
  anju_assert_status (http, SOUP_STATUS_OK, application);
  status = anju_test_json_string (application, "status");
  g_assert_true (g_str_equal (status, "street_review") || g_str_equal (status, "prereview_failed"));
  g_assert_cmpuint (anju_test_json_length (application, "members"), ==, 2);
  g_assert_cmpstr (anju_test_json_string (application, "members.0.id_no"), ==, id_no);
  g_assert_cmpstr (anju_test_json_string (application, "members.1.id_no"), ==, member_id);
  g_assert_cmpstr (anju_test_json_string (application, "members.1.relation"), ==, "child");
  g_assert_cmpstr (anju_test_json_string (application, "phone"), ==, APPLICANT_PHONE);

  /* … and a face and a fingerprint of the applicant. */
  g_free (path);
  path = g_strdup_printf ("/api/v1/identity-captures?q=%s", id_no);
  captures = anju_kiosk_test_admin_request (kiosk, "GET", path, NULL, &http);
  anju_assert_status (http, SOUP_STATUS_OK, captures);
  g_assert_cmpuint (anju_test_json_length (captures, "items"), ==, 2);
  g_assert_cmpint (anju_test_json_find (captures, "items", "kind", "face"), >=, 0);
  g_assert_cmpint (anju_test_json_find (captures, "items", "kind", "fingerprint"), >=, 0);

  /* Done: home, and nothing of the citizen is left. */
  press (screen, "Done");
  anju_test_display_wait_for_screen (kiosk, "home");
  g_assert_false (anju_kiosk_test_shows_text (screen, application_no));
  g_assert_cmpstr (entry_text (screen, "name_entry"), ==, "");

  anju_kiosk_test_free (kiosk);
  anju_test_server_stop (server);
}

/* F-TERM-005: a reader failure mid-flow offers retry and, when it goes
 * on, manual entry by staff. */
static void
test_reader_failure (void)
{
  AnjuTestServer *server = start_server ();
  AnjuKioskTest *kiosk = anju_kiosk_test_new (server, NULL, NULL);
  g_autofree char *id_no = anju_app_test_id ("19900101", "036");
  GtkWidget *screen;

  anju_kiosk_test_insert_card (kiosk, APPLICANT_NAME, "2", id_no);
  anju_kiosk_test_simulator (kiosk, "corrupt-next");
  screen = open_apply (kiosk);
  g_assert_true (anju_test_display_wait_for ((AnjuTestCondition) gtk_widget_get_visible,
                                             anju_kiosk_test_child (screen, "card_failure_box"), "retry and manual entry"));
  g_assert_true (anju_kiosk_test_shows_text (screen, "could not be read"));

  /* Retry reads the card. */
  press (screen, "Retry");
  wait_for_card (screen, APPLICANT_NAME);
  g_assert_false (gtk_widget_get_visible (anju_kiosk_test_child (screen, "card_failure_box")));

  /* A fresh start with the reader failing again: staff type it in. */
  anju_kiosk_screen_reset (ANJU_KIOSK_SCREEN (screen));
  anju_kiosk_test_simulator (kiosk, "corrupt-next");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (anju_kiosk_test_child (screen, "subsidy_button")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (anju_kiosk_test_child (screen, "consent_check")), TRUE);
  press (screen, "Next");
  g_assert_true (anju_test_display_wait_for ((AnjuTestCondition) gtk_widget_get_visible,
                                             anju_kiosk_test_child (screen, "card_failure_box"), "the failure again"));
  press (screen, "Ask the staff to enter it by hand");
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (anju_kiosk_test_child (screen, "name_entry"))));
  anju_kiosk_test_set_text (anju_kiosk_test_child (screen, "name_entry"), "王手录");
  anju_kiosk_test_set_text (anju_kiosk_test_child (screen, "id_no_entry"), "11010519491231002X");
  g_assert_cmpstr (entry_text (screen, "birth_entry"), ==, "1949-12-31");
  press (screen, "Next");
  wait_for_step (screen, "details");
  /* A subsidy asks no income or floor area. */
  g_assert_false (gtk_widget_get_visible (anju_kiosk_test_child (screen, "income_entry")));

  anju_kiosk_test_free (kiosk);
  anju_test_server_stop (server);
}

/* The idle timeout's reset leaves nothing of the citizen on screen or
 * in the form. */
static void
test_reset_wipes (void)
{
  AnjuTestServer *server = start_server ();
  AnjuKioskTest *kiosk = anju_kiosk_test_new (server, NULL, NULL);
  g_autofree char *id_no = anju_app_test_id ("19900101", "046");
  GtkWidget *screen;

  anju_kiosk_test_insert_card (kiosk, APPLICANT_NAME, "2", id_no);
  screen = open_apply (kiosk);
  wait_for_card (screen, APPLICANT_NAME);
  press (screen, "Next");
  wait_for_step (screen, "details");
  anju_kiosk_test_set_text (anju_kiosk_test_child (screen, "phone_entry"), APPLICANT_PHONE);
  anju_kiosk_test_set_text (anju_kiosk_test_child (screen, "income_entry"), "30000");
  anju_kiosk_test_set_text (anju_kiosk_test_child (screen, "area_entry"), "10");
  press (screen, "Next");
  wait_for_step (screen, "face");
  take_face (screen);

  /* Back to the details, the photo kept: then the terminal goes idle. */
  press (screen, "Back");
  press (screen, "Back");
  wait_for_step (screen, "details");

  anju_kiosk_context_go_home (anju_kiosk_test_get_context (kiosk));
  anju_test_display_wait_for_screen (kiosk, "home");

  g_assert_cmpstr (anju_kiosk_apply_screen_get_step_name (ANJU_KIOSK_APPLY_SCREEN (screen)), ==, "type");
  g_assert_false (anju_kiosk_test_shows_text (screen, APPLICANT_NAME));
  g_assert_false (anju_kiosk_test_shows_text (screen, id_no));
  g_assert_cmpstr (entry_text (screen, "name_entry"), ==, "");
  g_assert_cmpstr (entry_text (screen, "id_no_entry"), ==, "");
  g_assert_cmpstr (entry_text (screen, "address_entry"), ==, "");
  g_assert_cmpstr (entry_text (screen, "phone_entry"), ==, "");
  g_assert_cmpstr (entry_text (screen, "income_entry"), ==, "");
  g_assert_null (gtk_picture_get_paintable (GTK_PICTURE (anju_kiosk_test_child (screen, "photo_picture"))));
  g_assert_null (gtk_picture_get_paintable (GTK_PICTURE (anju_kiosk_test_child (screen, "camera_picture"))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (anju_kiosk_test_child (screen, "consent_check"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (anju_kiosk_test_child (screen, "physical_button"))));
  g_assert_null (gtk_widget_get_first_child (anju_kiosk_test_child (screen, "members_list")));
  g_assert_null (anju_kiosk_apply_screen_get_application_no (ANJU_KIOSK_APPLY_SCREEN (screen)));

  anju_kiosk_test_free (kiosk);
  anju_test_server_stop (server);
}

/* F-TERM-009: a server 422 brings the citizen back to the step holding
 * the field, with the server's message there. */
static void
test_server_error_on_its_step (void)
{
  AnjuTestServer *server = start_server ();
  AnjuKioskTest *kiosk = anju_kiosk_test_new (server, NULL, NULL);
  g_autofree char *id_no = anju_app_test_id ("19900101", "058");
  GtkWidget *screen;

  anju_kiosk_test_insert_card (kiosk, APPLICANT_NAME, "2", id_no);
  screen = open_apply (kiosk);
  wait_for_card (screen, APPLICANT_NAME);
  press (screen, "Next");
  wait_for_step (screen, "details");
  fill_details (screen);
  take_face (screen);
  enroll_finger (kiosk, screen);
  wait_for_step (screen, "members");

  /* The same person as a member: the server names members[1].id_no. */
  press (screen, "Enter by hand");
  anju_kiosk_test_set_text (anju_kiosk_test_child (screen, "member_name_entry"), MEMBER_NAME);
  anju_kiosk_test_set_text (anju_kiosk_test_child (screen, "member_id_entry"), id_no);
  press (screen, "Add member");
  g_assert_true (anju_kiosk_test_shows_text (screen, "already in the household"));
  g_assert_null (gtk_widget_get_first_child (anju_kiosk_test_child (screen, "members_list")));

  /* A person in an open application elsewhere: the server's 409 names
   * members[1].id_no. */
  {
    g_autofree char *other_id = anju_app_test_id ("19850101", "013");
    g_autofree char *community = anju_test_login (server, "community_ypl", ANJU_TEST_DEMO_PASSWORD);
    g_autofree char *body = anju_app_test_body ("open_physical", "李别人", other_id, "");

    anju_app_test_create (server, community, body);
    anju_kiosk_test_set_text (anju_kiosk_test_child (screen, "member_name_entry"), "李别人");
    anju_kiosk_test_set_text (anju_kiosk_test_child (screen, "member_id_entry"), other_id);
    press (screen, "Add member");
    g_assert_true (anju_test_display_wait_for (list_has_rows, anju_kiosk_test_child (screen, "members_list"),
                                               "the member in the list"));
  }
  press (screen, "Next");
  wait_for_step (screen, "review");
  press (screen, "Submit application");
  wait_for_step (screen, "members");
  g_assert_true (anju_test_display_wait_for (label_visible, anju_kiosk_test_child (screen, "members_error_label"),
                                             "the server's error on the members step"));
  g_assert_true (anju_kiosk_test_shows_text (screen, "Member 1"));

  anju_kiosk_test_free (kiosk);
  anju_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_display_init (&argc, &argv);

  g_test_add_func ("/kiosk/apply/F-TERM-009/F-TERM-005/F-TERM-006/end-to-end", test_apply_end_to_end);
  g_test_add_func ("/kiosk/apply/F-TERM-005/reader-failure", test_reader_failure);
  g_test_add_func ("/kiosk/apply/F-TERM-009/reset-wipes", test_reset_wipes);
  g_test_add_func ("/kiosk/apply/F-TERM-009/server-error-on-its-step", test_server_error_on_its_step);

  return g_test_run ();
}
