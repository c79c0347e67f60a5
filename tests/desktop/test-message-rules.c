/* test-message-rules.c: the message center's rules that need no display
 * (F-SUPPORT-004): quiet hours as the strategy dialog checks them, the
 * SMS statuses of the log and the names of events.
 */
#include "config.h"

#include <glib.h>

#include "anju-message-event.h"
#include "anju-quiet-hours.h"
#include "anju-sms-status.h"

static void
test_quiet_time (void)
{
  const char *valid[] = { "00:00", "07:00", "22:30", "23:59" };
  const char *invalid[] = { "", "7:00", "24:00", "12:60", "12-00", "1200", "12:000", "ab:cd", " 12:00" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (anju_quiet_time_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (anju_quiet_time_is_valid (invalid[i]));
  g_assert_false (anju_quiet_time_is_valid (NULL));
}

/* Checks a pair and says which fields were judged wrong. */
static gboolean
check_pair (const char *start,
            const char *end,
            gboolean   *start_wrong,
            gboolean   *end_wrong)
{
  g_autofree char *start_error = NULL;
  g_autofree char *end_error = NULL;
  gboolean ok = anju_quiet_hours_check (start, end, &start_error, &end_error);

  *start_wrong = start_error != NULL;
  *end_wrong = end_error != NULL;
  g_assert_true (ok == (!*start_wrong && !*end_wrong));
  return ok;
}

static void
test_quiet_hours (void)
{
  gboolean start_wrong;
  gboolean end_wrong;

  /* None at all, or a span (across midnight too). */
  g_assert_true (check_pair (NULL, NULL, &start_wrong, &end_wrong));
  g_assert_true (check_pair ("", "", &start_wrong, &end_wrong));
  g_assert_true (check_pair ("22:00", "07:00", &start_wrong, &end_wrong));
  g_assert_true (check_pair ("12:00", "13:30", &start_wrong, &end_wrong));

  /* Half a span: the missing half is named. */
  g_assert_false (check_pair ("22:00", "", &start_wrong, &end_wrong));
  g_assert_false (start_wrong);
  g_assert_true (end_wrong);
  g_assert_false (check_pair (NULL, "07:00", &start_wrong, &end_wrong));
  g_assert_true (start_wrong);
  g_assert_false (end_wrong);

  /* Bad times are named where they are. */
  g_assert_false (check_pair ("25:00", "07:00", &start_wrong, &end_wrong));
  g_assert_true (start_wrong);
  g_assert_false (end_wrong);
  g_assert_false (check_pair ("22:00", "7", &start_wrong, &end_wrong));
  g_assert_false (start_wrong);
  g_assert_true (end_wrong);

  /* An empty span is refused, as the server refuses it. */
  g_assert_false (check_pair ("08:00", "08:00", &start_wrong, &end_wrong));
  g_assert_false (start_wrong);
  g_assert_true (end_wrong);
}

static void
test_sms_statuses (void)
{
  const char * const *statuses = anju_sms_statuses ();
  const char *resendable[] = { "failed", "disabled", "deferred" };
  const char *not_resendable[] = { "pending", "sending", "sent" };

  g_assert_cmpuint (g_strv_length ((char **) statuses), ==, 6);
  for (guint i = 0; statuses[i] != NULL; i++)
    g_assert_cmpstr (anju_sms_status_label (statuses[i]), !=, statuses[i]);

  for (guint i = 0; i < G_N_ELEMENTS (resendable); i++)
    g_assert_true (anju_sms_status_can_resend (resendable[i]));
  for (guint i = 0; i < G_N_ELEMENTS (not_resendable); i++)
    g_assert_false (anju_sms_status_can_resend (not_resendable[i]));

  g_assert_cmpstr (anju_sms_status_label ("disabled"), ==, "Not sent (SMS is disabled)");
  g_assert_cmpstr (anju_sms_status_label ("lost"), ==, "lost");
  g_assert_false (anju_sms_status_can_resend ("lost"));
  g_assert_false (anju_sms_status_can_resend (NULL));
}

static void
test_event_names (void)
{
  const char * const *events = anju_message_inbox_events ();

  /* Every event of docs/api.md that reaches an inbox, named; the
   * password event goes by SMS only. */
  g_assert_cmpuint (g_strv_length ((char **) events), ==, 8);
  for (guint i = 0; events[i] != NULL; i++)
    {
      g_assert_cmpstr (anju_message_event_name (events[i]), !=, events[i]);
      g_assert_cmpstr (events[i], !=, "account.initial_password");
    }

  g_assert_cmpstr (anju_message_event_name ("message.manual"), ==, "Message sent by hand");
  g_assert_cmpstr (anju_message_event_name ("account.initial_password"), ==, "Initial password of a new account");
  g_assert_cmpstr (anju_message_event_name ("lease.signed"), ==, "lease.signed");
  g_assert_null (anju_message_event_name (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/support/messages/quiet-time  F-SUPPORT-004", test_quiet_time);
  g_test_add_func ("/support/messages/quiet-hours  F-SUPPORT-004", test_quiet_hours);
  g_test_add_func ("/support/messages/sms-statuses  F-SUPPORT-004", test_sms_statuses);
  g_test_add_func ("/support/messages/event-names  F-SUPPORT-004", test_event_names);

  return g_test_run ();
}
