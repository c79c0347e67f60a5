/* test-desktop-pubrent-settings.c: the public rental settings and
 * statistics pages.
 *
 *   settings    F-PRH-008  a changed income limit is saved (toast, stored),
 *                          external records are previewed by a dry run,
 *                          imported and listed
 *   statistics  F-PRH-001  the demo's charts show its housing stock
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-chart.h"
#include "anju-desktop-test.h"
#include "anju-external-import-dialog.h"
#include "anju-id-number.h"
#include "anju-pubrent-settings-page.h"
#include "anju-pubrent-statistics-page.h"

typedef struct
{
  AnjuTestServer *server;
  GtkWidget      *page;
  AnjuWindow     *window;
} Fixture;

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
rules_shown (gpointer data)
{
  Fixture *fixture = data;

  return anju_pubrent_settings_page_get_threshold (ANJU_PUBRENT_SETTINGS_PAGE (fixture->page),
                                                   "income_per_capita") != NULL;
}

static gboolean
threshold_stored (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *value = anju_test_db_query (fixture->server,
                                               "SELECT threshold FROM pubrent_rules"
                                               " WHERE code = 'income_per_capita'");

  return g_strcmp0 (value, "2500000") == 0;
}

static gboolean
saved_toast_shown (gpointer data)
{
  Fixture *fixture = data;

  return anju_desktop_test_find_label_starting (GTK_WIDGET (fixture->window),
                                                _("Settings saved")) != NULL;
}

static gboolean
records_listed (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *view = anju_desktop_test_find_type (fixture->page, GTK_TYPE_COLUMN_VIEW);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));

  return g_list_model_get_n_items (model) == 2;
}

static char *
id_number (const char *seq)
{
  g_autofree char *first17 = g_strconcat ("43010419800101", seq, NULL);

  return g_strdup_printf ("%s%c", first17, anju_id_number_check_char (first17));
}

static void
change_settings (AnjuWindow *window,
                 gpointer    data)
{
  Fixture *fixture = data;
  g_autofree char *a = id_number ("101");
  g_autofree char *b = id_number ("203");
  g_autofree char *csv = g_strdup_printf ("身份证号,姓名,类别,数据,来源\n"
                                          "%s,李娜,户籍,\"430104,2019-05-01\",公安户籍\n"
                                          "%s,王强,低保,DB2024-0001,民政\n"
                                          "12345,错误,户籍,x,\n", a, b);
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autofree char *stored = NULL;
  GtkWidget *dialog;

  fixture->window = window;
  fixture->page = anju_desktop_test_open_page (window, "pubrent-settings");
  g_assert_true (ANJU_IS_PUBRENT_SETTINGS_PAGE (fixture->page));
  g_assert_true (anju_test_display_wait_for (rules_shown, fixture, "the rules"));

  gtk_spin_button_set_value (anju_pubrent_settings_page_get_threshold (ANJU_PUBRENT_SETTINGS_PAGE (fixture->page),
                                                                       "income_per_capita"),
                             25000.0);
  anju_desktop_test_click (find_button_labelled (fixture->page, _("_Save")));
  g_assert_true (anju_test_display_wait_for (saved_toast_shown, fixture, "the toast"));
  g_assert_true (threshold_stored (fixture));

  /* The dry run's report first: two valid rows, one error. */
  anju_pubrent_settings_page_import_bytes (ANJU_PUBRENT_SETTINGS_PAGE (fixture->page), bytes, "csv");
  dialog = anju_test_display_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (anju_desktop_test_find_label_starting (dialog, _("Row 4")));
  stored = anju_test_db_query (fixture->server, "SELECT COUNT(*) FROM pubrent_external_records");
  g_assert_cmpstr (stored, ==, "0");
  anju_desktop_test_answer (dialog, ANJU_EXTERNAL_IMPORT_RESPONSE);
  anju_test_display_wait_for_window_gone (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (anju_test_display_wait_for (records_listed, fixture, "the imported records"));
}

static gboolean
charts_filled (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) charts = NULL;

  charts = anju_pubrent_statistics_page_get_charts (ANJU_PUBRENT_STATISTICS_PAGE (fixture->page));
  for (guint i = 0; i < charts->len; i++)
    if (anju_chart_get_n_categories (g_ptr_array_index (charts, i)) == 0)
      return FALSE;
  return TRUE;
}

static void
show_statistics (AnjuWindow *window,
                 gpointer    data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) charts = NULL;
  g_autofree char *description = NULL;
  AnjuChart *units_by_state;

  fixture->page = anju_desktop_test_open_page (window, "pubrent-statistics");
  g_assert_true (ANJU_IS_PUBRENT_STATISTICS_PAGE (fixture->page));
  g_assert_true (anju_test_display_wait_for (charts_filled, fixture, "the charts"));

  charts = anju_pubrent_statistics_page_get_charts (ANJU_PUBRENT_STATISTICS_PAGE (fixture->page));
  g_assert_cmpuint (charts->len, ==, 5);
  g_assert_cmpuint (anju_chart_get_n_categories (g_ptr_array_index (charts, 0)), ==, 4);
  g_assert_cmpuint (anju_chart_get_n_categories (g_ptr_array_index (charts, 2)), ==, 12);
  units_by_state = g_ptr_array_index (charts, 3);
  g_assert_cmpfloat (anju_chart_get_total (units_by_state), >, 0);
  g_assert_cmpfloat (anju_chart_get_total (g_ptr_array_index (charts, 4)), >, 0);
  description = anju_chart_dup_description (units_by_state);
  g_assert_nonnull (strstr (description, anju_chart_get_title (units_by_state)));
}

static void
test_settings (void)
{
  Fixture fixture = { anju_test_server_start (TRUE), NULL, NULL };

  anju_desktop_test_run (fixture.server, "center", ANJU_TEST_DEMO_PASSWORD, change_settings, &fixture);
  anju_test_server_stop (fixture.server);
}

static void
test_statistics (void)
{
  Fixture fixture = { anju_test_server_start (TRUE), NULL, NULL };

  anju_desktop_test_run (fixture.server, "center", ANJU_TEST_DEMO_PASSWORD, show_statistics, &fixture);
  anju_test_server_stop (fixture.server);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_display_init (&argc, &argv);

  g_test_add_func ("/desktop/pubrent/F-PRH-008/settings", test_settings);
  g_test_add_func ("/desktop/pubrent/F-PRH-001/statistics", test_statistics);

  return g_test_run ();
}
