/* test-todo-logic.c: the rules behind the to-do list and the record
 * pages, without a display (F-PORTAL-005).
 *
 * "win.open-record" asks the record-opener registry which page shows a
 * business record; the workflow action dialog decides which actions
 * need a reason; the history names say what was done, for people.
 */
#include "config.h"

#include <glib.h>

#include "anju-error.h"
#include "anju-record-openers.h"
#include "anju-workflow-action-dialog.h"
#include "anju-workflow-history-names.h"

typedef struct
{
  const char *opener;      /* which opener ran: "fallback", "pubrent", "other" */
  char       *domain;
  gint64      record_id;
  gint64      instance_id;
  gpointer    window;
} Opened;

/* The openers receive the window; the tests pass this record of calls
 * in its place, as the registry never looks inside. */
static void
note (gpointer    window,
      const char *opener,
      const char *domain,
      gint64      record_id,
      gint64      instance_id)
{
  Opened *opened = window;

  opened->opener = opener;
  g_free (opened->domain);
  opened->domain = g_strdup (domain);
  opened->record_id = record_id;
  opened->instance_id = instance_id;
  opened->window = window;
}

static void
fallback_opener (gpointer    window,
                 const char *domain,
                 gint64      record_id,
                 gint64      instance_id)
{
  note (window, "fallback", domain, record_id, instance_id);
}

static void
pubrent_opener (gpointer    window,
                const char *domain,
                gint64      record_id,
                gint64      instance_id)
{
  note (window, "pubrent", domain, record_id, instance_id);
}

static void
other_opener (gpointer    window,
              const char *domain,
              gint64      record_id,
              gint64      instance_id)
{
  note (window, "other", domain, record_id, instance_id);
}

static void
opened_clear (Opened *opened)
{
  g_clear_pointer (&opened->domain, g_free);
  *opened = (Opened) { NULL, };
}

/* A domain with its own page gets it; every other domain gets the
 * instance dialog, with the ids passed on unchanged. */
static void
test_openers_dispatch (void)
{
  g_autoptr(AnjuRecordOpeners) openers = anju_record_openers_new (fallback_opener);
  g_autoptr(GError) error = NULL;
  Opened opened = { NULL, };

  anju_record_openers_add (openers, "pubrent", pubrent_opener);
  g_assert_true (anju_record_openers_lookup (openers, "pubrent") == pubrent_opener);
  g_assert_null (anju_record_openers_lookup (openers, "affordable"));
  g_assert_null (anju_record_openers_lookup (openers, NULL));

  g_assert_true (anju_record_openers_open (openers, &opened, "pubrent", 12, 34, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (opened.opener, ==, "pubrent");
  g_assert_cmpstr (opened.domain, ==, "pubrent");
  g_assert_cmpint (opened.record_id, ==, 12);
  g_assert_cmpint (opened.instance_id, ==, 34);
  g_assert_true (opened.window == &opened);
  opened_clear (&opened);

  /* A domain's own page needs no instance. */
  g_assert_true (anju_record_openers_open (openers, &opened, "pubrent", 12, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (opened.opener, ==, "pubrent");
  g_assert_cmpint (opened.instance_id, ==, 0);
  opened_clear (&opened);

  g_assert_true (anju_record_openers_open (openers, &opened, "affordable", 5, 6, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (opened.opener, ==, "fallback");
  g_assert_cmpstr (opened.domain, ==, "affordable");
  g_assert_cmpint (opened.record_id, ==, 5);
  g_assert_cmpint (opened.instance_id, ==, 6);
  opened_clear (&opened);

  /* A later registration replaces the first. */
  anju_record_openers_add (openers, "pubrent", other_opener);
  g_assert_true (anju_record_openers_open (openers, &opened, "pubrent", 1, 2, &error));
  g_assert_cmpstr (opened.opener, ==, "other");
  opened_clear (&opened);
}

/* Nothing runs for a link that names no record, or one nothing can
 * show; the error says which. */
static void
test_openers_refuse (void)
{
  g_autoptr(AnjuRecordOpeners) openers = anju_record_openers_new (fallback_opener);
  Opened opened = { NULL, };
  struct
  {
    const char *domain;
    gint64      record_id;
    gint64      instance_id;
    int         code;
  } cases[] = {
    { NULL,         1,  1, ANJU_ERROR_VALIDATION },
    { "",           1,  1, ANJU_ERROR_VALIDATION },
    { "affordable", -1, 1, ANJU_ERROR_VALIDATION },
    { "affordable", 1, -1, ANJU_ERROR_VALIDATION },
    { "affordable", 1,  0, ANJU_ERROR_NOT_FOUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (anju_record_openers_open (openers, &opened, cases[i].domain, cases[i].record_id,
                                                cases[i].instance_id, &error));
      g_assert_error (error, ANJU_ERROR, cases[i].code);
      g_assert_null (opened.opener);
    }
}

/* Reject and return end with a reason the submitter reads; the others
 * may go without a comment.  Unknown actions are not offered. */
static void
test_actions_needing_reason (void)
{
  const char *optional[] = { "approve", "transfer", "withdraw", "resubmit" };

  g_assert_true (anju_workflow_action_needs_comment ("reject"));
  g_assert_true (anju_workflow_action_needs_comment ("return"));
  for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
    {
      g_assert_true (anju_workflow_action_is_known (optional[i]));
      g_assert_false (anju_workflow_action_needs_comment (optional[i]));
    }

  g_assert_false (anju_workflow_action_is_known ("archive"));
  g_assert_false (anju_workflow_action_is_known (NULL));
  g_assert_false (anju_workflow_action_needs_comment ("archive"));
  g_assert_false (anju_workflow_action_needs_comment (NULL));
}

/* The engine's ids are named for people; a newer server's unknown ones
 * still show. */
static void
test_history_names (void)
{
  g_assert_cmpstr (anju_workflow_history_action_label ("approve"), ==, "Approved");
  g_assert_cmpstr (anju_workflow_history_action_label ("return"), ==, "Returned for supplement");
  g_assert_cmpstr (anju_workflow_history_action_label ("start"), ==, "Submitted");
  g_assert_cmpstr (anju_workflow_history_action_label ("remind"), ==, "Overdue reminder");
  g_assert_cmpstr (anju_workflow_task_kind_label ("supplement"), ==, "Supplement");
  g_assert_cmpstr (anju_workflow_task_state_label ("open"), ==, "Open");

  g_assert_cmpstr (anju_workflow_history_action_label ("escalate"), ==, "escalate");
  g_assert_cmpstr (anju_workflow_task_kind_label ("escalation"), ==, "escalation");
  g_assert_null (anju_workflow_history_action_label (NULL));
  g_assert_null (anju_workflow_task_state_label (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/portal/todo/openers/dispatch  F-PORTAL-005", test_openers_dispatch);
  g_test_add_func ("/portal/todo/openers/refuse  F-PORTAL-005", test_openers_refuse);
  g_test_add_func ("/portal/todo/actions/needing-reason", test_actions_needing_reason);
  g_test_add_func ("/portal/todo/history-names", test_history_names);

  return g_test_run ();
}
