/* test-todo.c: the unified to-do and done lists over HTTPS (docs/api.md,
 * "To-do and done").
 *
 * F-PORTAL-005 统一待办/已办 (PORTAL-016 … 021): the open tasks each user
 * may act on across every domain, with counts per type, sorting by due
 * date, the overdue filter, and the done list with the action taken.
 */

#include <string.h>

#include "anju-test-workflow.h"

/* The street reviews within the given days (or without a limit), then
 * the center decides. */
#define STREET_THEN_CENTER(days) \
  "[{\"key\":\"street_review\",\"name\":\"街道审核\",\"role\":\"street_staff\"," \
  "\"level\":\"street\",\"actions\":[\"approve\",\"reject\",\"return\"]," \
  "\"time_limit_days\":" days "}," \
  "{\"key\":\"center_review\",\"name\":\"中心审批\",\"role\":\"center_staff\"," \
  "\"level\":\"center\",\"actions\":[\"approve\",\"reject\"]}]"

static JsonNode *
get_ok (AnjuWfFixture *fixture,
        const char    *username,
        const char    *path)
{
  JsonNode *reply;
  guint status = 0;

  reply = anju_test_request (fixture->srv, anju_wf_token (fixture, username), "GET", path, NULL,
                             &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  return reply;
}

/* GET /todo/counts: the entry of type, (count, overdue), 0 when absent;
 * also checks that the totals add up. */
static void
count_type (AnjuWfFixture *fixture,
            const char    *username,
            const char    *type,
            gint64        *out_count,
            gint64        *out_overdue)
{
  g_autoptr(JsonNode) counts = get_ok (fixture, username, "/api/v1/todo/counts");
  JsonArray *types = json_node_get_array (anju_test_json_lookup (counts, "types"));
  gint64 total = 0;
  gint64 overdue = 0;

  *out_count = 0;
  *out_overdue = 0;
  for (guint i = 0; i < json_array_get_length (types); i++)
    {
      JsonObject *entry = json_array_get_object_element (types, i);

      total += json_object_get_int_member (entry, "count");
      overdue += json_object_get_int_member (entry, "overdue");
      g_assert_cmpstr (json_object_get_string_member (entry, "name"), !=, "");
      if (g_str_equal (json_object_get_string_member (entry, "type"), type))
        {
          *out_count = json_object_get_int_member (entry, "count");
          *out_overdue = json_object_get_int_member (entry, "overdue");
        }
    }
  g_assert_cmpint (anju_test_json_int (counts, "total"), ==, total);
  g_assert_cmpint (anju_test_json_int (counts, "overdue"), ==, overdue);
}

static void
assert_count (AnjuWfFixture *fixture,
              const char    *username,
              const char    *type,
              gint64         expected,
              gint64         expected_overdue)
{
  gint64 count;
  gint64 overdue;

  g_test_message ("%s: %s", username, type);
  count_type (fixture, username, type, &count, &overdue);
  g_assert_cmpint (count, ==, expected);
  g_assert_cmpint (overdue, ==, expected_overdue);
}

/* Index of the to-do item of instance_id in a list answer, or -1. */
static int
item_of (JsonNode *list,
         gint64    instance_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, instance_id);

  return anju_test_json_find (list, "items", "instance_id", id);
}

/* PORTAL-016, PORTAL-021: each user sees the tasks of their role in their
 * scope, and only those. */
static void
test_visibility_per_role (AnjuWfFixture *fixture,
                          gconstpointer  data)
{
  g_autoptr(JsonNode) ypl_list = NULL;
  g_autoptr(JsonNode) wyh_list = NULL;
  g_autoptr(JsonNode) center_list = NULL;
  gint64 ypl_first;
  gint64 wyh_only;

  anju_wf_create_template (fixture, "test.todo", STREET_THEN_CENTER ("10"), NULL);
  ypl_first = anju_wf_start (fixture, "test.todo", 1, fixture->ypl_community, NULL);
  anju_wf_start (fixture, "test.todo", 2, fixture->ypl_community, NULL);
  wyh_only = anju_wf_start (fixture, "test.todo", 3, fixture->wyh_community, NULL);

  assert_count (fixture, "street_ypl", "test.todo", 2, 0);
  assert_count (fixture, "street_wyh", "test.todo", 1, 0);
  assert_count (fixture, "center", "test.todo", 0, 0);
  assert_count (fixture, "community_ypl", "test.todo", 0, 0);
  assert_count (fixture, "admin", "test.todo", 0, 0);

  ypl_list = get_ok (fixture, "street_ypl", "/api/v1/todo?type=test.todo");
  anju_test_assert_page (ypl_list);
  g_assert_cmpint (anju_test_json_int (ypl_list, "total"), ==, 2);
  g_assert_cmpint (item_of (ypl_list, wyh_only), ==, -1);
  g_assert_cmpstr (anju_test_json_string (ypl_list, "items.0.type"), ==, "test.todo");
  g_assert_cmpstr (anju_test_json_string (ypl_list, "items.0.type_name"), ==, "测试流程 test.todo");
  g_assert_cmpstr (anju_test_json_string (ypl_list, "items.0.domain"), ==, "test.records");
  g_assert_cmpstr (anju_test_json_string (ypl_list, "items.0.step_name"), ==, "街道审核");
  g_assert_cmpstr (anju_test_json_string (ypl_list, "items.0.kind"), ==, "review");
  g_assert_cmpstr (anju_test_json_string (ypl_list, "items.0.organisation.name"), ==, "银盆岭街道");
  g_assert_false (anju_test_json_bool (ypl_list, "items.0.overdue"));
  g_assert_true (anju_test_json_has (ypl_list, "items.0.task_id"));
  g_assert_true (anju_test_json_has (ypl_list, "items.0.record_id"));
  g_assert_true (anju_test_json_has (ypl_list, "items.0.record_label"));
  g_assert_true (anju_test_json_has (ypl_list, "items.0.created_at"));
  g_assert_true (anju_test_json_has (ypl_list, "items.0.due_at"));

  wyh_list = get_ok (fixture, "street_wyh", "/api/v1/todo?type=test.todo");
  g_assert_cmpint (anju_test_json_int (wyh_list, "total"), ==, 1);
  g_assert_cmpint (item_of (wyh_list, wyh_only), ==, 0);
  g_assert_cmpstr (anju_test_json_string (wyh_list, "items.0.organisation.name"), ==, "望月湖街道");

  /* Approved at the street, the task moves to the center. */
  json_node_unref (anju_wf_act_ok (fixture, "street_ypl", ypl_first, "{\"action\":\"approve\"}"));
  assert_count (fixture, "street_ypl", "test.todo", 1, 0);
  assert_count (fixture, "center", "test.todo", 1, 0);
  assert_count (fixture, "admin", "test.todo", 0, 0);
  center_list = get_ok (fixture, "center", "/api/v1/todo?type=test.todo");
  g_assert_cmpint (item_of (center_list, ypl_first), ==, 0);
  g_assert_true (anju_test_json_is_null (center_list, "items.0.due_at"));
}

/* docs/demo.md: the demo accounts open to real to-do items. */
static void
test_demo_items (AnjuWfFixture *fixture,
                 gconstpointer  data)
{
  static const char *type = "pubrent.application.review";
  g_autoptr(JsonNode) community = NULL;

  assert_count (fixture, "street_ypl", type, 2, 1);
  assert_count (fixture, "center", type, 2, 0);
  assert_count (fixture, "community_ypl", type, 2, 0);
  assert_count (fixture, "street_wyh", type, 0, 0);
  assert_count (fixture, "enterprise", type, 0, 0);

  /* 刘芳 takes one application in and supplements another. */
  community = get_ok (fixture, "community_ypl", "/api/v1/todo?type=pubrent.application.review");
  g_assert_true (anju_test_json_find (community, "items", "kind", "supplement") >= 0);
  g_assert_true (anju_test_json_find (community, "items", "kind", "review") >= 0);
  g_assert_nonnull (strstr (anju_test_json_string (community, "items.0.record_label"),
                            "公租房申请 GZF-2026-"));
}

/* PORTAL-016: by due date (none last) or by age; the overdue filter. */
static void
test_sort_and_overdue (AnjuWfFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) by_due = NULL;
  g_autoptr(JsonNode) by_created = NULL;
  g_autoptr(JsonNode) overdue = NULL;
  g_autoptr(JsonNode) bad_sort = NULL;
  g_autoptr(JsonNode) bad_overdue = NULL;
  g_autofree char *last = NULL;
  guint status = 0;
  gint64 none;
  gint64 ten;
  gint64 three;

  anju_wf_create_template (fixture, "test.todo.none", STREET_THEN_CENTER ("null"), NULL);
  anju_wf_create_template (fixture, "test.todo.ten", STREET_THEN_CENTER ("10"), NULL);
  anju_wf_create_template (fixture, "test.todo.three", STREET_THEN_CENTER ("3"), NULL);
  none = anju_wf_start (fixture, "test.todo.none", 1, fixture->ypl_community, NULL);
  ten = anju_wf_start (fixture, "test.todo.ten", 2, fixture->ypl_community, NULL);
  three = anju_wf_start (fixture, "test.todo.three", 3, fixture->ypl_community, NULL);

  by_due = get_ok (fixture, "street_ypl", "/api/v1/todo?page_size=200");
  g_assert_cmpint (item_of (by_due, three), <, item_of (by_due, ten));
  g_assert_cmpint (item_of (by_due, ten), <, item_of (by_due, none));
  last = g_strdup_printf ("items.%u.instance_id", anju_test_json_length (by_due, "items") - 1);
  g_assert_cmpint (anju_test_json_int (by_due, last), ==, none);
  g_assert_cmpint (anju_test_json_int (by_due, "total"), ==,
                   anju_test_json_length (by_due, "items"));

  by_created = get_ok (fixture, "street_ypl", "/api/v1/todo?sort=created&page_size=200");
  g_assert_cmpint (item_of (by_created, none), <, item_of (by_created, ten));
  g_assert_cmpint (item_of (by_created, ten), <, item_of (by_created, three));

  /* Four days on, only the three-day task is late (and the demo's). */
  anju_wf_advance_days (fixture, 4);
  overdue = get_ok (fixture, "street_ypl", "/api/v1/todo?overdue=true&page_size=200");
  g_assert_cmpint (item_of (overdue, three), >=, 0);
  g_assert_cmpint (item_of (overdue, ten), ==, -1);
  g_assert_cmpint (item_of (overdue, none), ==, -1);
  for (guint i = 0; i < anju_test_json_length (overdue, "items"); i++)
    {
      g_autofree char *path = g_strdup_printf ("items.%u.overdue", i);

      g_assert_true (anju_test_json_bool (overdue, path));
    }
  assert_count (fixture, "street_ypl", "test.todo.three", 1, 1);
  assert_count (fixture, "street_ypl", "test.todo.ten", 1, 0);

  bad_sort = anju_test_request (fixture->srv, anju_wf_token (fixture, "street_ypl"), "GET",
                                "/api/v1/todo?sort=importance", NULL, &status);
  anju_assert_error (status, bad_sort, SOUP_STATUS_UNPROCESSABLE_ENTITY, "validation_failed");
  g_assert_true (anju_test_json_has (bad_sort, "error.fields.sort"));
  bad_overdue = anju_test_request (fixture->srv, anju_wf_token (fixture, "street_ypl"), "GET",
                                   "/api/v1/todo?overdue=maybe", NULL, &status);
  anju_assert_error (status, bad_overdue, SOUP_STATUS_UNPROCESSABLE_ENTITY, "validation_failed");
}

/* PORTAL-019: what the caller acted on, newest first, with the action. */
static void
test_done (AnjuWfFixture *fixture,
           gconstpointer  data)
{
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) done = NULL;
  g_autoptr(JsonNode) todo = NULL;
  g_autoptr(JsonNode) center_done = NULL;
  gint64 approved;
  gint64 rejected;

  /* 李娜 handled demo applications before. */
  before = get_ok (fixture, "street_ypl", "/api/v1/done");
  g_assert_cmpint (anju_test_json_int (before, "total"), >, 0);

  anju_wf_create_template (fixture, "test.done", STREET_THEN_CENTER ("10"), NULL);
  approved = anju_wf_start (fixture, "test.done", 1, fixture->ypl_community, NULL);
  rejected = anju_wf_start (fixture, "test.done", 2, fixture->ypl_community, NULL);
  json_node_unref (anju_wf_act_ok (fixture, "street_ypl", approved,
                                   "{\"action\":\"approve\",\"comment\":\"同意\"}"));
  json_node_unref (anju_wf_act_ok (fixture, "street_ypl", rejected,
                                   "{\"action\":\"reject\",\"comment\":\"不符合条件\"}"));

  done = get_ok (fixture, "street_ypl", "/api/v1/done");
  anju_test_assert_page (done);
  g_assert_cmpint (anju_test_json_int (done, "total"), ==, anju_test_json_int (before, "total") + 2);
  g_assert_cmpint (anju_test_json_int (done, "items.0.instance_id"), ==, rejected);
  g_assert_cmpstr (anju_test_json_string (done, "items.0.action"), ==, "reject");
  g_assert_cmpstr (anju_test_json_string (done, "items.0.comment"), ==, "不符合条件");
  g_assert_cmpint (anju_test_json_int (done, "items.1.instance_id"), ==, approved);
  g_assert_cmpstr (anju_test_json_string (done, "items.1.action"), ==, "approve");
  g_assert_cmpstr (anju_test_json_string (done, "items.1.type"), ==, "test.done");
  g_assert_false (anju_test_json_is_null (done, "items.1.done_at"));
  g_assert_false (anju_test_json_bool (done, "items.1.overdue"));

  todo = get_ok (fixture, "street_ypl", "/api/v1/todo?type=test.done");
  g_assert_cmpint (anju_test_json_int (todo, "total"), ==, 0);
  center_done = get_ok (fixture, "center", "/api/v1/done");
  g_assert_cmpint (item_of (center_done, approved), ==, -1);
}

/* A returned process is the submitter's to-do until resubmitted; a
 * paused one is nobody's. */
static void
test_supplement_and_pause (AnjuWfFixture *fixture,
                           gconstpointer  data)
{
  g_autoptr(JsonNode) submitter = NULL;
  g_autoptr(JsonNode) paused = NULL;
  g_autofree char *pause_path = NULL;
  guint status = 0;
  gint64 id;

  anju_wf_create_template (fixture, "test.cycle", STREET_THEN_CENTER ("10"), NULL);
  id = anju_wf_start (fixture, "test.cycle", 1, fixture->ypl_community, NULL);
  json_node_unref (anju_wf_act_ok (fixture, "street_ypl", id,
                                   "{\"action\":\"return\",\"comment\":\"请补充材料\"}"));
  assert_count (fixture, "street_ypl", "test.cycle", 0, 0);
  assert_count (fixture, "admin", "test.cycle", 1, 0);
  submitter = get_ok (fixture, "admin", "/api/v1/todo?type=test.cycle");
  g_assert_cmpstr (anju_test_json_string (submitter, "items.0.kind"), ==, "supplement");
  g_assert_cmpstr (anju_test_json_string (submitter, "items.0.step_name"), ==, "街道审核");
  g_assert_true (anju_test_json_is_null (submitter, "items.0.due_at"));

  json_node_unref (anju_wf_act_ok (fixture, "admin", id, "{\"action\":\"resubmit\"}"));
  assert_count (fixture, "admin", "test.cycle", 0, 0);
  assert_count (fixture, "street_ypl", "test.cycle", 1, 0);

  pause_path = g_strdup_printf ("/api/v1/workflow/instances/%" G_GINT64_FORMAT "/pause", id);
  paused = anju_test_request (fixture->srv, anju_wf_token (fixture, "admin"), "POST", pause_path,
                              "{\"reason\":\"核查中\"}", &status);
  anju_assert_status (status, SOUP_STATUS_OK, paused);
  assert_count (fixture, "street_ypl", "test.cycle", 0, 0);
}

static void
add_test (const char *path,
          void      (*func) (AnjuWfFixture *, gconstpointer))
{
  g_test_add (path, AnjuWfFixture, NULL, anju_wf_fixture_set_up, func, anju_wf_fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  add_test ("/todo/visibility-per-role", test_visibility_per_role);
  add_test ("/todo/demo-items", test_demo_items);
  add_test ("/todo/sort-and-overdue", test_sort_and_overdue);
  add_test ("/todo/done", test_done);
  add_test ("/todo/supplement-and-pause", test_supplement_and_pause);

  return g_test_run ();
}
