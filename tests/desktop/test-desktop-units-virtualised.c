/* test-desktop-units-virtualised.c: the unit list stays virtualised at
 * city scale (issue 7, point 3), through the desktop's real windows
 * against a real anju-server, signed in as the center's staff.
 *
 *   virtualised  F-PRH-012  the units page shows its first page from the
 *                           server; then its GtkColumnView is given
 *                           100,000 units (records shaped like the
 *                           server's, each its own unit number) and holds
 *                           a few hundred row widgets at most, at the
 *                           top, scrolled to the middle and scrolled to
 *                           the end; and the rows it holds there show the
 *                           units of that part of the list (it really
 *                           scrolled)
 *
 * Why not 2,000 pages of the server's list: every page of
 * GET /pubrent/units sorts all matching units on the server, so filling
 * the paged model with 100,000 takes many minutes (bench/RESULTS.md has
 * the numbers); the view does not care where its items come from.
 * Not timed: bench/run-bench.sh measures; this proves the structure.
 */
#include "config.h"

#include "anju-desktop-test.h"
#include "anju-pubrent-units-page-private.h"
#include "anju-record.h"

#define N_UNITS      100000
/* Far more than a 1280×1024 screen shows, far fewer than N_UNITS. */
#define MAX_ROWS     300

typedef struct
{
  AnjuTestServer *server;
  GtkWidget      *page;
  GtkWidget      *view;
  GHashTable     *positions;   /* (owned) unit_no -> position + 1 in the model */
  guint           target;      /* the model position scrolled to */
} Fixture;

/* The first page of the server's list, as the page shows it */

static gboolean
first_page_listed (gpointer data)
{
  AnjuPagedModel *model = data;

  return !anju_paged_model_get_loading (model) && g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;
}

/* N_UNITS copies of a unit the server listed, each with its own id and
 * unit number. */
static GListModel *
make_units (AnjuRecord *listed)
{
  GListStore *store = g_list_store_new (ANJU_TYPE_RECORD);
  g_autoptr(GPtrArray) units = g_ptr_array_new_full (N_UNITS, g_object_unref);
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), anju_record_get_object (listed));
  g_autofree char *json = json_to_string (root, FALSE);

  for (guint i = 0; i < N_UNITS; i++)
    {
      g_autoptr(JsonNode) node = json_from_string (json, NULL);
      JsonObject *object = json_node_get_object (node);
      g_autofree char *unit_no = g_strdup_printf ("V01-%06u", i);

      json_object_set_int_member (object, "id", 1000000 + i);
      json_object_set_string_member (object, "unit_no", unit_no);
      g_ptr_array_add (units, anju_record_new (object));
    }
  g_list_store_splice (store, 0, 0, units->pdata, units->len);
  return G_LIST_MODEL (store);
}

static GHashTable *
index_positions (GListModel *model)
{
  GHashTable *positions = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnjuRecord) unit = g_list_model_get_item (model, i);

      /* The records live as long as the model, and so do their strings. */
      g_hash_table_insert (positions, (gpointer) anju_record_get_string (unit, "unit_no"), GUINT_TO_POINTER (i + 1));
    }
  return positions;
}

/* The row widgets */

static guint
count_rows (GtkWidget *widget)
{
  guint rows = g_str_equal (gtk_widget_get_css_name (widget), "row") ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rows += count_rows (child);
  return rows;
}

/* Whether a mapped label below widget shows a unit within 2,000
 * positions of the target. */
static gboolean
shows_near_target (Fixture   *fixture,
                   GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->positions,
                                                              gtk_label_get_text (GTK_LABEL (widget))));

      if (position != 0 && position - 1 + 2000 >= fixture->target && position - 1 <= fixture->target + 2000)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_near_target (fixture, child))
      return TRUE;
  return FALSE;
}

static gboolean
scrolled_to_target (gpointer data)
{
  Fixture *fixture = data;

  return shows_near_target (fixture, fixture->view);
}

/* Scrolls as the keyboard and the scroll bar do, through the list's own
 * "list.scroll-to-item" action (GTK 4.8 has no gtk_column_view_scroll_to;
 * the column view's adjustments stay empty until a real pointer moves
 * them under Xvfb). */
static void
scroll_to (Fixture *fixture,
           double   fraction)
{
  GtkWidget *list = anju_desktop_test_find_type (fixture->view, GTK_TYPE_LIST_VIEW);
  guint n_items = g_hash_table_size (fixture->positions);
  guint rows;

  g_assert_nonnull (list);
  fixture->target = MIN ((guint) (fraction * n_items), n_items - 1);
  g_assert_true (gtk_widget_activate_action (list, "list.scroll-to-item", "u", fixture->target));
  g_assert_true (anju_test_display_wait_for (scrolled_to_target, fixture, "the rows of the scrolled-to part"));

  rows = count_rows (fixture->view);
  g_test_message ("%u row widgets for %u units at %.0f %%", rows, n_items, fraction * 100);
  g_assert_cmpuint (rows, >, 0);
  g_assert_cmpuint (rows, <=, MAX_ROWS);
}

static void
scroll_the_list (AnjuWindow *window,
                 gpointer    data)
{
  Fixture *fixture = data;
  AnjuPagedModel *paged;
  GtkSingleSelection *selection;
  g_autoptr(AnjuRecord) listed = NULL;
  g_autoptr(GListModel) units = NULL;

  fixture->page = anju_desktop_test_open_page (window, "pubrent-units");
  fixture->view = anju_desktop_test_find_type (fixture->page, GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (fixture->view);
  paged = _anju_pubrent_units_page_get_model (ANJU_PUBRENT_UNITS_PAGE (fixture->page));
  g_assert_true (anju_test_display_wait_for (first_page_listed, paged, "the first page of units"));

  /* The page's own selection keeps its columns and factories; only the
   * items change.  The page is done loading, so nothing races. */
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (fixture->view)));
  g_assert_true (gtk_single_selection_get_model (selection) == G_LIST_MODEL (paged));
  listed = g_list_model_get_item (G_LIST_MODEL (paged), 0);
  units = make_units (listed);
  gtk_single_selection_set_model (selection, units);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, N_UNITS);
  fixture->positions = index_positions (units);

  scroll_to (fixture, 0.0);
  scroll_to (fixture, 0.5);
  scroll_to (fixture, 1.0);

  g_clear_pointer (&fixture->positions, g_hash_table_unref);
  /* The page outlives this: give it back its own model. */
  gtk_single_selection_set_model (selection, G_LIST_MODEL (paged));
}

static void
test_units_virtualised (void)
{
  Fixture fixture = { NULL, };

  fixture.server = anju_test_server_start (TRUE);

  anju_desktop_test_run (fixture.server, "center", ANJU_TEST_DEMO_PASSWORD, scroll_the_list, &fixture);

  anju_test_server_stop (fixture.server);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_display_init (&argc, &argv);

  g_test_add_func ("/pubrent/units/virtualised  F-PRH-012", test_units_virtualised);

  return g_test_run ();
}
