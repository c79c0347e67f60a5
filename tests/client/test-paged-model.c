/* test-paged-model.c: AnjuPagedModel paging through the real server.
 *
 * A demo server, a client signed in as the demo admin through pinned
 * HTTPS, and small pages so that several loads are needed.
 */
#include "config.h"

#include "anju-api-client.h"
#include "anju-paged-model.h"
#include "anju-record.h"
#include "anju-test-server.h"

typedef struct
{
  AnjuTestServer *srv;
  AnjuApiClient  *client;
} Fixture;

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonObject) response = NULL;
  g_autoptr(GError) error = NULL;

  fixture->srv = anju_test_server_start (TRUE);
  fixture->client = anju_api_client_new (fixture->srv->base_uri, fixture->srv->cert_pem);
  anju_api_client_login_async (fixture->client, "admin", ANJU_TEST_DEMO_PASSWORD, NULL,
                               store_result_cb, &result);
  response = anju_api_client_login_finish (fixture->client, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (response);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->client);
  anju_test_server_stop (fixture->srv);
}

static gboolean
load_more (AnjuPagedModel  *model,
           GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anju_paged_model_load_more_async (model, NULL, store_result_cb, &result);
  return anju_paged_model_load_more_finish (model, wait_for (&result), error);
}

/* The server's own count of organisations matching query ("" for all). */
static gint64
server_total (Fixture    *fixture,
              const char *query)
{
  g_autofree char *token = anju_test_login (fixture->srv, "admin", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *path = g_strdup_printf ("/api/v1/organisations?page_size=1%s", query);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (fixture->srv, token, "GET", path, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_object_get_int_member (json_node_get_object (reply), "total");
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_added)
{
  *n_added += added;
}

/* Pages of two append until the server says there is no next page; the
 * items are the server's total, each once. */
static void
test_pages_until_done (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AnjuPagedModel) model = anju_paged_model_new (fixture->client, "/api/v1/organisations", 2);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  gint64 expected = server_total (fixture, "");
  guint n_added = 0;
  guint loads = 0;
  guint n;

  /* The demo tree is more than one page of two, or this proves nothing. */
  g_assert_cmpint (expected, >, 2);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &n_added);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_true (anju_paged_model_get_has_more (model));

  while (anju_paged_model_get_has_more (model))
    {
      g_assert_true (load_more (model, &error));
      g_assert_no_error (error);
      g_assert_false (anju_paged_model_get_loading (model));
      loads++;
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), <=, loads * 2);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (loads, ==, (expected + 1) / 2);
  g_assert_cmpuint (n, ==, expected);
  g_assert_cmpuint (n_added, ==, expected);
  g_assert_cmpuint (anju_paged_model_get_total (model), ==, expected);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnjuRecord) record = g_list_model_get_item (G_LIST_MODEL (model), i);
      gint64 *id = g_new (gint64, 1);

      *id = anju_record_get_id (record);
      g_assert_cmpint (*id, >, 0);
      g_assert_nonnull (anju_record_get_string (record, "name"));
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, id);
    }

  /* Done: loading more succeeds and changes nothing. */
  g_assert_true (load_more (model, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
}

/* A filter change empties the model and starts again at page 1 with the
 * filter in the query. */
static void
test_filter_resets (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AnjuPagedModel) model = anju_paged_model_new (fixture->client, "/api/v1/organisations", 50);
  g_autoptr(GError) error = NULL;
  gint64 streets = server_total (fixture, "&kind=street");
  guint n;

  g_assert_true (load_more (model, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, streets);

  anju_paged_model_set_filter (model, "kind", "street");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpuint (anju_paged_model_get_total (model), ==, 0);
  g_assert_true (anju_paged_model_get_has_more (model));
  g_assert_cmpstr (anju_paged_model_get_filter (model, "kind"), ==, "street");

  g_assert_true (load_more (model, &error));
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, streets);
  g_assert_cmpuint (anju_paged_model_get_total (model), ==, streets);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnjuRecord) record = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpstr (anju_record_get_string (record, "kind"), ==, "street");
    }

  /* Setting the same value again is not a change. */
  anju_paged_model_set_filter (model, "kind", "street");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
}

/* A reset while a page is on its way: the old page never lands. */
static void
test_reset_while_loading (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AnjuPagedModel) model = anju_paged_model_new (fixture->client, "/api/v1/organisations", 50);
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  gint64 streets = server_total (fixture, "&kind=street");

  anju_paged_model_load_more_async (model, NULL, store_result_cb, &first);
  g_assert_true (anju_paged_model_get_loading (model));

  /* A second load while one runs is refused, not queued. */
  anju_paged_model_load_more_async (model, NULL, store_result_cb, &second);
  g_assert_false (anju_paged_model_load_more_finish (model, wait_for (&second), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&error);

  anju_paged_model_set_filter (model, "kind", "street");
  g_assert_false (anju_paged_model_get_loading (model));
  g_assert_false (anju_paged_model_load_more_finish (model, wait_for (&first), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  g_assert_true (load_more (model, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, streets);
}

int
main (int   argc,
      char *argv[])
{
  /* Tests never leave the machine, and isolated dirs hide the proxy
   * settings' schema that the system resolver would need. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  anju_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/client/paged-model/pages-until-done", test_pages_until_done);
  ADD ("/client/paged-model/filter-resets", test_filter_resets);
  ADD ("/client/paged-model/reset-while-loading", test_reset_while_loading);
#undef ADD

  return g_test_run ();
}
