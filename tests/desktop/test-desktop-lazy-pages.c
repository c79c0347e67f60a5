/* test-desktop-lazy-pages.c: the main window builds a page when it is
 * first shown (issue 7: sign-in to the first unit page), and pages built
 * late work like the others.
 *
 * A center clerk signs in: every page of theirs has its sidebar row, but
 * only the home page and the messages page (whose unread badge works
 * while hidden) exist.  Activating the Housing row builds that page,
 * which loads its units; win.show-page builds another; a page without a
 * row is never built.
 */
#include "config.h"

#include "anju-desktop-test.h"
#include "anju-pubrent-units-page-private.h"

static gboolean
has_row (AnjuWindow *window,
         const char *name)
{
  GtkWidget *sidebar = GTK_WIDGET (_anju_window_get_sidebar (window));

  for (GtkWidget *row = gtk_widget_get_first_child (sidebar); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
units_listed (gpointer data)
{
  AnjuPagedModel *units = _anju_pubrent_units_page_get_model (data);

  return g_list_model_get_n_items (G_LIST_MODEL (units)) > 0;
}

static void
build_when_shown (AnjuWindow *window,
                  gpointer    data)
{
  GtkStack *stack = _anju_window_get_stack (window);
  const char * const not_yet[] = { "todo", "pubrent-units", "pubrent-projects", "pubrent-applications" };
  GtkWidget *units;

  /* The sidebar is complete; the widgets are not. */
  g_assert_true (_anju_window_page_is_built (window, "home"));
  g_assert_true (_anju_window_page_is_built (window, "messages"));
  for (guint i = 0; i < G_N_ELEMENTS (not_yet); i++)
    {
      g_assert_true (has_row (window, not_yet[i]));
      g_assert_false (_anju_window_page_is_built (window, not_yet[i]));
      g_assert_null (gtk_stack_get_child_by_name (stack, not_yet[i]));
    }

  /* The row builds the page, which then works as always. */
  units = anju_desktop_test_open_page (window, "pubrent-units");
  g_assert_true (ANJU_IS_PUBRENT_UNITS_PAGE (units));
  g_assert_true (_anju_window_page_is_built (window, "pubrent-units"));
  g_assert_false (_anju_window_page_is_built (window, "pubrent-projects"));
  g_assert_true (anju_test_display_wait_for (units_listed, units, "the first page of units"));

  /* So does the action the pages use to switch. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "pubrent-projects");
  g_assert_true (_anju_window_page_is_built (window, "pubrent-projects"));
  g_assert_true (gtk_stack_get_visible_child (stack) == gtk_stack_get_child_by_name (stack, "pubrent-projects"));

  /* Showing a page again keeps the one widget. */
  g_assert_true (anju_desktop_test_open_page (window, "pubrent-units") == units);

  /* No row, no page. */
  g_assert_false (anju_window_show_page (window, "no-such-page"));
  g_assert_null (_anju_window_get_page (window, "no-such-page"));
  g_assert_false (_anju_window_page_is_built (window, "no-such-page"));
}

static void
test_lazy_pages (void)
{
  AnjuTestServer *server = anju_test_server_start (TRUE);

  anju_desktop_test_run (server, "center", ANJU_TEST_DEMO_PASSWORD, build_when_shown, NULL);
  anju_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_display_init (&argc, &argv);

  g_test_add_func ("/desktop/window/pages-built-when-shown", test_lazy_pages);

  return g_test_run ();
}
