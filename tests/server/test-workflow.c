/* test-workflow.c: the workflow engine over HTTPS (docs/api.md, "Workflow
 * templates" and "Workflow instances").
 *
 * F-PRH-026 / F-AHR-028 process configuration: templates as versioned
 * data (PRH-151 … 159), instances over business records, every action
 * from every state, conditions, time limits and reminders, pause,
 * resume and cancel, data scope, the audit trail.
 */

#include <string.h>

#include "anju-audit.h"
#include "anju-test-workflow.h"
#include "anju-time.h"
#include "anju-transaction.h"
#include "anju-workflow-org-cache.h"
#include "anju-workflow-private.h"
#include "anju-workflow-template-store.h"
#include "anju-workflow.h"

#define SECONDS_PER_DAY (24 * 60 * 60)

/* ---- helpers ---------------------------------------------------------- */

static JsonNode *
get_as (AnjuWfFixture *fixture,
        const char    *username,
        guint         *out_status,
        const char    *format,
        ...) G_GNUC_PRINTF (4, 5);

static JsonNode *
get_as (AnjuWfFixture *fixture,
        const char    *username,
        guint         *out_status,
        const char    *format,
        ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  return anju_test_request (fixture->srv, anju_wf_token (fixture, username), "GET", path, NULL,
                            out_status);
}

static JsonNode *
post_as (AnjuWfFixture *fixture,
         const char    *username,
         const char    *path,
         guint         *out_status,
         const char    *body)
{
  return anju_test_request (fixture->srv, anju_wf_token (fixture, username), "POST", path, body,
                            out_status);
}

/* POST /workflow/instances/{id}/{operation} with a reason (or none). */
static JsonNode *
admin_op (AnjuWfFixture *fixture,
          const char    *username,
          gint64         instance_id,
          const char    *operation,
          const char    *reason,
          guint         *out_status)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/workflow/instances/%" G_GINT64_FORMAT "/%s",
                                           instance_id, operation);
  g_autofree char *body = reason != NULL ? g_strdup_printf ("{\"reason\":\"%s\"}", reason)
                                         : g_strdup ("{}");

  return post_as (fixture, username, path, out_status, body);
}

static void
admin_op_ok (AnjuWfFixture *fixture,
             gint64         instance_id,
             const char    *operation)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = admin_op (fixture, "admin", instance_id, operation, "测试需要", &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
}

static char *
instance_state (AnjuWfFixture *fixture,
                gint64         instance_id)
{
  g_autoptr(JsonNode) instance = anju_wf_instance (fixture, "admin", instance_id);

  return g_strdup (anju_test_json_string (instance, "state"));
}

static char *
current_step_key (JsonNode *instance)
{
  if (anju_test_json_is_null (instance, "current_step"))
    return NULL;
  return g_strdup (anju_test_json_string (instance, "current_step.key"));
}

static gint64
parse_time (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 secs = 0;

  anju_time_parse_iso8601 (text, &secs, &error);
  g_assert_no_error (error);
  return secs;
}

static gboolean
history_has (JsonNode   *instance,
             const char *action,
             const char *step_key)
{
  JsonNode *history = anju_test_json_lookup (instance, "history");
  JsonArray *rows = json_node_get_array (history);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *key = json_object_get_null_member (row, "step_key")
                        ? NULL : json_object_get_string_member (row, "step_key");

      if (g_str_equal (json_object_get_string_member (row, "action"), action)
          && (step_key == NULL || g_strcmp0 (key, step_key) == 0))
        return TRUE;
    }
  return FALSE;
}

/* When the first history row of action happened. */
static gint64
history_at (JsonNode   *instance,
            const char *action)
{
  int row = anju_test_json_find (instance, "history", "action", action);
  g_autofree char *path = g_strdup_printf ("history.%d.at", row);

  g_assert_cmpint (row, >=, 0);
  return parse_time (anju_test_json_string (instance, path));
}

/* The three approvals that take a three-step instance to its end. */
static void
approve_through (AnjuWfFixture *fixture,
                 gint64         instance_id)
{
  static const char * const approvers[] = { "community_ypl", "street_ypl", "center" };

  for (guint i = 0; i < G_N_ELEMENTS (approvers); i++)
    json_node_unref (anju_wf_act_ok (fixture, approvers[i], instance_id,
                                     "{\"action\":\"approve\",\"comment\":\"同意\"}"));
}

/* Field names hold dots and brackets ("steps[2].role"), which the
 * dotted paths of anju_test_json_lookup() cannot say. */
static gboolean
has_field_error (JsonNode   *reply,
                 const char *field)
{
  JsonNode *fields = anju_test_json_lookup (reply, "error.fields");

  return fields != NULL && JSON_NODE_HOLDS_OBJECT (fields)
         && json_object_has_member (json_node_get_object (fields), field);
}

/* ---- templates ---------------------------------------------------------- */

/* F-PRH-026, F-AHR-028: the processes later issues run ship as data. */
static void
test_seed_templates (AnjuWfFixture *fixture,
                     gconstpointer  data)
{
  static const char * const seeds[] = {
    "pubrent.application.review", "affordable.enterprise.onboarding",
    "affordable.project.filing", "operations.contract.approval", "operations.tenancy.change",
  };
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) pubrent = NULL;
  g_autoptr(JsonNode) hooks = NULL;
  guint status = 0;
  int index;

  /* Any signed-in user reads templates. */
  list = get_as (fixture, "street_ypl", &status, "/api/v1/workflow/templates?page_size=200");
  anju_assert_status (status, SOUP_STATUS_OK, list);
  anju_test_assert_page (list);
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *item = NULL;

      index = anju_test_json_find (list, "items", "code", seeds[i]);
      g_assert_cmpint (index, >=, 0);
      item = g_strdup_printf ("items.%d", index);
      g_assert_false (anju_test_json_has (anju_test_json_lookup (list, item), "steps"));
      g_assert_true (anju_test_json_bool (anju_test_json_lookup (list, item), "is_current"));
      /* Issue 4 made version 2 of the public rental review current. */
      g_assert_cmpint (anju_test_json_int (anju_test_json_lookup (list, item), "version"), ==,
                       g_str_equal (seeds[i], "pubrent.application.review") ? 2 : 1);
    }

  index = anju_test_json_find (list, "items", "code", "pubrent.application.review");
  {
    g_autofree char *id_path = g_strdup_printf ("items.%d.id", index);

    pubrent = get_as (fixture, "community_ypl", &status, "/api/v1/workflow/templates/%"
                      G_GINT64_FORMAT, anju_test_json_int (list, id_path));
  }
  anju_assert_status (status, SOUP_STATUS_OK, pubrent);
  g_assert_cmpstr (anju_test_json_string (pubrent, "name"), ==, "公租房申请审核");
  g_assert_cmpint (anju_test_json_int (pubrent, "step_count"), ==, 5);
  g_assert_cmpstr (anju_test_json_string (pubrent, "steps.0.role"), ==, "street_staff");
  g_assert_cmpstr (anju_test_json_string (pubrent, "steps.0.key"), ==, "street_review");
  g_assert_cmpstr (anju_test_json_string (pubrent, "steps.0.level"), ==, "street");
  g_assert_cmpstr (anju_test_json_string (pubrent, "steps.0.skip_when.0.field"), ==, "directed");
  g_assert_true (anju_test_json_bool (pubrent, "steps.0.skip_when.0.value"));
  g_assert_cmpstr (anju_test_json_string (pubrent, "steps.1.key"), ==, "street_publicity");
  g_assert_cmpstr (anju_test_json_string (pubrent, "steps.2.level"), ==, "center");
  g_assert_cmpstr (anju_test_json_string (pubrent, "steps.2.on_enter"), ==,
                   "pubrent.application.stage");
  g_assert_cmpstr (anju_test_json_string (pubrent, "on_complete"), ==,
                   "pubrent.application.decided");
  g_assert_true (anju_test_json_is_null (pubrent, "created_by"));

  hooks = get_as (fixture, "street_ypl", &status, "/api/v1/workflow/hooks");
  anju_assert_status (status, SOUP_STATUS_OK, hooks);
  index = anju_test_json_find (hooks, "items", "name", "workflow.record_result");
  g_assert_cmpint (index, >=, 0);
  {
    g_autofree char *kind = g_strdup_printf ("items.%d.kind", index);

    g_assert_cmpstr (anju_test_json_string (hooks, kind), ==, "process");
  }
}

/* PRH-151: every problem of a template is named by its member. */
static void
test_template_validation (AnjuWfFixture *fixture,
                          gconstpointer  data)
{
  static const char *bad_template =
    "{\"code\":\"Bad Code\",\"name\":\"  \",\"domain\":\"test.records\","
    "\"on_complete\":\"no.such.hook\",\"colour\":\"red\",\"steps\":["
    "{\"key\":\"9bad\",\"name\":\"受理\",\"role\":\"no_such_role\",\"level\":\"district\","
    "\"actions\":[\"reject\"],\"time_limit_days\":0,\"colour\":\"red\"},"
    "{\"key\":\"same\",\"name\":\"审核\",\"role\":\"street_staff\",\"level\":\"street\","
    "\"actions\":[\"approve\",\"fly\"],"
    "\"branches\":[{\"when\":[],\"goto\":\"nowhere\"}]},"
    "{\"key\":\"same\",\"name\":\"审批\",\"role\":\"center_staff\",\"level\":\"center\","
    "\"actions\":[\"approve\"],"
    "\"skip_when\":[{\"field\":\"x\",\"op\":\"near\",\"value\":1},"
    "{\"field\":\"y\",\"op\":\"in\",\"value\":[]},{\"field\":\"z\",\"op\":\"set\",\"value\":1}],"
    "\"on_enter\":\"workflow.record_result\"}]}";
  static const char * const expected[] = {
    "code", "name", "on_complete", "colour", "steps[0].key", "steps[0].role", "steps[0].level",
    "steps[0].actions", "steps[0].time_limit_days", "steps[0].colour", "steps[1].actions",
    "steps[1].branches[0].goto", "steps[2].key", "steps[2].skip_when[0].op",
    "steps[2].skip_when[1].value", "steps[2].skip_when[2].value", "steps[2].on_enter",
  };
  g_autofree char *before = anju_test_db_dump (fixture->srv, "workflow_templates");
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) checked = NULL;
  g_autoptr(JsonNode) valid = NULL;
  g_autoptr(JsonNode) forbidden = NULL;
  g_autoptr(JsonNode) twice = NULL;
  g_autoptr(JsonNode) empty = NULL;
  g_autoptr(GString) many = g_string_new ("{\"steps\":[");
  g_autoptr(JsonNode) too_many = NULL;
  guint status = 0;

  reply = post_as (fixture, "admin", "/api/v1/workflow/templates", &status, bad_template);
  anju_assert_error (status, reply, SOUP_STATUS_UNPROCESSABLE_ENTITY, "validation_failed");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!has_field_error (reply, expected[i]))
      g_error ("no field error for %s in %s", expected[i], anju_test_json_to_string (reply));
  after = anju_test_db_dump (fixture->srv, "workflow_templates");
  g_assert_cmpstr (before, ==, after);

  /* The editor's check before saving: the same reader. */
  checked = post_as (fixture, "street_ypl", "/api/v1/workflow/templates/validate", &status,
                     "{\"steps\":[{\"key\":\"a\",\"name\":\"受理\",\"role\":\"nobody\","
                     "\"level\":\"community\",\"actions\":[\"approve\"]}]}");
  anju_assert_error (status, checked, SOUP_STATUS_UNPROCESSABLE_ENTITY, "validation_failed");
  g_assert_true (has_field_error (checked, "steps[0].role"));
  valid = post_as (fixture, "admin", "/api/v1/workflow/templates/validate", &status,
                   "{\"on_complete\":\"workflow.record_result\",\"steps\":" ANJU_WF_THREE_STEPS "}");
  anju_assert_status (status, SOUP_STATUS_OK, valid);
  g_assert_true (anju_test_json_bool (valid, "valid"));

  empty = post_as (fixture, "admin", "/api/v1/workflow/templates/validate", &status,
                   "{\"steps\":[]}");
  anju_assert_error (status, empty, SOUP_STATUS_UNPROCESSABLE_ENTITY, "validation_failed");
  g_assert_true (anju_test_json_has (empty, "error.fields.steps"));
  for (guint i = 0; i < 31; i++)
    g_string_append_printf (many, "%s{\"key\":\"s%u\",\"name\":\"步骤%u\",\"role\":\"center_staff\","
                            "\"level\":\"center\",\"actions\":[\"approve\"]}", i > 0 ? "," : "", i, i);
  g_string_append (many, "]}");
  too_many = post_as (fixture, "admin", "/api/v1/workflow/templates/validate", &status, many->str);
  anju_assert_error (status, too_many, SOUP_STATUS_UNPROCESSABLE_ENTITY, "validation_failed");
  g_assert_true (anju_test_json_has (too_many, "error.fields.steps"));

  /* Writing needs workflow.template.write; a code is unique. */
  forbidden = post_as (fixture, "street_ypl", "/api/v1/workflow/templates", &status,
                       "{\"code\":\"test.x\",\"name\":\"x\",\"domain\":\"test.x\",\"steps\":"
                       ANJU_WF_THREE_STEPS "}");
  anju_assert_error (status, forbidden, SOUP_STATUS_FORBIDDEN, "forbidden");
  anju_wf_create_template (fixture, "test.unique", ANJU_WF_THREE_STEPS, NULL);
  twice = post_as (fixture, "center", "/api/v1/workflow/templates", &status,
                   "{\"code\":\"test.unique\",\"name\":\"x\",\"domain\":\"test.x\",\"steps\":"
                   ANJU_WF_THREE_STEPS "}");
  anju_assert_error (status, twice, SOUP_STATUS_CONFLICT, "conflict");
}

/* PRH-153: saving makes a new version; running instances keep theirs. */
static void
test_template_versions (AnjuWfFixture *fixture,
                        gconstpointer  data)
{
  static const char *two_steps =
    "[{\"key\":\"first_look\",\"name\":\"社区初核\",\"role\":\"community_worker\","
    "\"level\":\"community\",\"actions\":[\"approve\"],\"time_limit_days\":3},"
    "{\"key\":\"decision\",\"name\":\"中心决定\",\"role\":\"center_staff\",\"level\":\"center\","
    "\"actions\":[\"approve\",\"reject\"]}]";
  gint64 v1 = anju_wf_create_template (fixture, "test.versions", ANJU_WF_THREE_STEPS, NULL);
  gint64 old_instance = anju_wf_start (fixture, "test.versions", 1, fixture->ypl_community, NULL);
  g_autofree char *path = g_strdup_printf ("/api/v1/workflow/templates/%" G_GINT64_FORMAT
                                           "/versions", v1);
  g_autofree char *body = g_strdup_printf ("{\"name\":\"改过的流程\",\"steps\":%s}", two_steps);
  g_autoptr(JsonNode) v2 = NULL;
  g_autoptr(JsonNode) stale = NULL;
  g_autoptr(JsonNode) old_v1 = NULL;
  g_autoptr(JsonNode) moved = NULL;
  g_autoptr(JsonNode) fresh = NULL;
  g_autoptr(JsonNode) versions = NULL;
  g_autoptr(JsonNode) current_only = NULL;
  g_autoptr(JsonNode) all = NULL;
  g_autofree char *step = NULL;
  gint64 v2_id;
  gint64 new_instance;
  guint status = 0;

  v2 = post_as (fixture, "center", path, &status, body);
  anju_assert_status (status, SOUP_STATUS_CREATED, v2);
  v2_id = anju_test_json_int (v2, "id");
  g_assert_cmpint (anju_test_json_int (v2, "version"), ==, 2);
  g_assert_cmpstr (anju_test_json_string (v2, "code"), ==, "test.versions");
  g_assert_cmpstr (anju_test_json_string (v2, "name"), ==, "改过的流程");
  g_assert_cmpstr (anju_test_json_string (v2, "description"), ==, "tests");
  g_assert_cmpint (anju_test_json_int (v2, "step_count"), ==, 2);
  g_assert_true (anju_test_json_bool (v2, "is_current"));
  g_assert_cmpstr (anju_test_json_string (v2, "created_by.name"), ==, "周敏");

  /* Saving over the old version again would lose the new one. */
  stale = post_as (fixture, "admin", path, &status, body);
  anju_assert_error (status, stale, SOUP_STATUS_CONFLICT, "conflict");
  old_v1 = get_as (fixture, "admin", &status, "/api/v1/workflow/templates/%" G_GINT64_FORMAT, v1);
  anju_assert_status (status, SOUP_STATUS_OK, old_v1);
  g_assert_false (anju_test_json_bool (old_v1, "is_current"));
  g_assert_cmpint (anju_test_json_int (old_v1, "instance_count"), ==, 1);

  /* The running instance goes on through version 1's steps. */
  moved = anju_wf_act_ok (fixture, "community_ypl", old_instance, "{\"action\":\"approve\"}");
  g_assert_cmpint (anju_test_json_int (moved, "template.version"), ==, 1);
  g_assert_cmpint (anju_test_json_int (moved, "template.id"), ==, v1);
  step = current_step_key (moved);
  g_assert_cmpstr (step, ==, "street_review");

  /* A new one starts on version 2. */
  new_instance = anju_wf_start (fixture, "test.versions", 2, fixture->ypl_community, NULL);
  fresh = anju_wf_instance (fixture, "admin", new_instance);
  g_assert_cmpint (anju_test_json_int (fresh, "template.version"), ==, 2);
  g_assert_cmpstr (anju_test_json_string (fresh, "template.name"), ==, "改过的流程");
  g_assert_cmpstr (anju_test_json_string (fresh, "current_step.key"), ==, "first_look");

  versions = get_as (fixture, "street_ypl", &status, "/api/v1/workflow/templates/%" G_GINT64_FORMAT
                     "/versions", v2_id);
  anju_assert_status (status, SOUP_STATUS_OK, versions);
  g_assert_cmpint (anju_test_json_int (versions, "total"), ==, 2);
  g_assert_cmpint (anju_test_json_int (versions, "items.0.version"), ==, 2);
  g_assert_cmpint (anju_test_json_int (versions, "items.1.version"), ==, 1);

  current_only = get_as (fixture, "admin", &status, "/api/v1/workflow/templates?q=test.versions");
  anju_assert_status (status, SOUP_STATUS_OK, current_only);
  g_assert_cmpint (anju_test_json_int (current_only, "total"), ==, 1);
  all = get_as (fixture, "admin", &status,
                "/api/v1/workflow/templates?q=test.versions&all_versions=true&domain=test.records");
  anju_assert_status (status, SOUP_STATUS_OK, all);
  g_assert_cmpint (anju_test_json_int (all, "total"), ==, 2);

  g_assert_cmpint (anju_wf_db_int (fixture, "SELECT COUNT(*) FROM audit_log WHERE action ="
                                   " 'workflow_template.update' AND entity_id = %" G_GINT64_FORMAT,
                                   v2_id), ==, 1);
}

/* PRH-154: deleting is refused while instances use the template. */
static void
test_template_delete (AnjuWfFixture *fixture,
                      gconstpointer  data)
{
  gint64 used = anju_wf_create_template (fixture, "test.used", ANJU_WF_THREE_STEPS, NULL);
  gint64 unused = anju_wf_create_template (fixture, "test.unused", ANJU_WF_THREE_STEPS, NULL);
  g_autofree char *used_path = g_strdup_printf ("/api/v1/workflow/templates/%" G_GINT64_FORMAT,
                                                used);
  g_autofree char *unused_path = g_strdup_printf ("/api/v1/workflow/templates/%" G_GINT64_FORMAT,
                                                  unused);
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) forbidden = NULL;
  g_autoptr(JsonNode) deleted = NULL;
  g_autoptr(JsonNode) gone = NULL;
  guint status = 0;

  anju_wf_start (fixture, "test.used", 1, fixture->ypl_community, NULL);
  refused = anju_test_request (fixture->srv, anju_wf_token (fixture, "admin"), "DELETE", used_path,
                               NULL, &status);
  anju_assert_error (status, refused, SOUP_STATUS_CONFLICT, "conflict");
  g_assert_nonnull (strstr (anju_test_json_string (refused, "error.message"), "1"));

  forbidden = anju_test_request (fixture->srv, anju_wf_token (fixture, "street_ypl"), "DELETE",
                                 unused_path, NULL, &status);
  anju_assert_error (status, forbidden, SOUP_STATUS_FORBIDDEN, "forbidden");

  deleted = anju_test_request (fixture->srv, anju_wf_token (fixture, "center"), "DELETE",
                               unused_path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_NO_CONTENT, deleted);
  gone = get_as (fixture, "admin", &status, "%s", unused_path);
  anju_assert_error (status, gone, SOUP_STATUS_NOT_FOUND, "not_found");
  g_assert_cmpint (anju_wf_db_int (fixture, "SELECT COUNT(*) FROM workflow_templates"
                                   " WHERE code = 'test.unused'"), ==, 0);
  g_assert_cmpint (anju_wf_db_int (fixture, "SELECT COUNT(*) FROM audit_log WHERE action ="
                                   " 'workflow_template.delete' AND entity_id = %" G_GINT64_FORMAT,
                                   unused), ==, 1);
}

/* Every act loads its template: the steps of a version are read once
 * per connection and shared while the row holds the same text, but an
 * id that comes back with other steps (delete every version of a code,
 * create it again) is read anew, and each connection has its own. */
static void
test_template_steps_cache (AnjuWfFixture *fixture,
                           gconstpointer  data)
{
  gint64 id = anju_wf_create_template (fixture, "test.cached", ANJU_WF_THREE_STEPS, NULL);
  const char *path = fixture->srv->config->database_path;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuDb) db = anju_db_open (path, &error);
  g_autoptr(AnjuDb) other = NULL;
  g_autoptr(AnjuWfTemplate) first = NULL;
  g_autoptr(AnjuWfTemplate) again = NULL;
  g_autoptr(AnjuWfTemplate) elsewhere = NULL;
  g_autoptr(AnjuWfTemplate) changed = NULL;
  g_autofree char *swap = NULL;

  g_assert_no_error (error);
  other = anju_db_open (path, &error);
  g_assert_no_error (error);

  first = anju_wf_template_store_load (db, id, &error);
  g_assert_no_error (error);
  again = anju_wf_template_store_load (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->steps->len, ==, 3);
  g_assert_true (again->steps == first->steps);

  elsewhere = anju_wf_template_store_load (other, id, &error);
  g_assert_no_error (error);
  g_assert_true (elsewhere->steps != first->steps);
  g_assert_cmpuint (elsewhere->steps->len, ==, 3);

  /* The same id now holding the five steps of the public rental review. */
  swap = g_strdup_printf ("UPDATE workflow_templates SET steps_json ="
                          " (SELECT steps_json FROM workflow_templates"
                          "  WHERE code = 'pubrent.application.review' AND is_current = 1)"
                          " WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_true (anju_db_exec (db, swap, &error));
  g_assert_no_error (error);
  changed = anju_wf_template_store_load (db, id, &error);
  g_assert_no_error (error);
  g_assert_true (changed->steps != first->steps);
  g_assert_cmpuint (changed->steps->len, ==, 5);
  g_assert_cmpstr (anju_wf_template_find_step (changed, "street_publicity", NULL)->key, ==,
                   "street_publicity");
  /* What was handed out before stays whole. */
  g_assert_cmpuint (first->steps->len, ==, 3);
  g_assert_nonnull (anju_wf_template_find_step (first, "community_intake", NULL));
}

/* ---- the state machine ---------------------------------------------------- */

typedef enum
{
  RUNNING,
  RETURNED,
  PAUSED,
  COMPLETED,
  REJECTED,
  WITHDRAWN,
  CANCELLED,
  N_STATES
} State;

static const char * const state_names[] = {
  "running", "returned", "paused", "completed", "rejected", "withdrawn", "cancelled",
};

static const char * const actions[] = {
  "approve", "reject", "return", "resubmit", "transfer", "withdraw",
};

#define REASONED "{\"action\":\"%s\",\"comment\":\"理由\"}"

/* An instance of test.matrix (submitted by admin, at 银盆岭社区) brought
 * into state. */
static gint64
instance_in (AnjuWfFixture *fixture,
             State          state,
             gint64        *next_record)
{
  gint64 id = anju_wf_start (fixture, "test.matrix", (*next_record)++, fixture->ypl_community, NULL);

  switch (state)
    {
    case RETURNED:
      json_node_unref (anju_wf_act_ok (fixture, "community_ypl", id, REASONED, "return"));
      break;
    case PAUSED:
      admin_op_ok (fixture, id, "pause");
      break;
    case COMPLETED:
      approve_through (fixture, id);
      break;
    case REJECTED:
      json_node_unref (anju_wf_act_ok (fixture, "community_ypl", id, REASONED, "reject"));
      break;
    case WITHDRAWN:
      json_node_unref (anju_wf_act_ok (fixture, "admin", id, REASONED, "withdraw"));
      break;
    case CANCELLED:
      admin_op_ok (fixture, id, "cancel");
      break;
    case RUNNING:
    case N_STATES:
    default:
      break;
    }
  return id;
}

/* The person each action belongs to: the submitter resubmits and
 * withdraws, the assignee of the step the instance is (or ended) at does
 * the rest; a completed instance ended at the center. */
static const char *
actor_for (State       state,
           const char *action)
{
  if (g_str_equal (action, "resubmit") || g_str_equal (action, "withdraw"))
    return "admin";
  return state == COMPLETED ? "center" : "community_ypl";
}

static gboolean
allowed_in (State       state,
            const char *action)
{
  if (state == RUNNING)
    return !g_str_equal (action, "resubmit");
  if (state == RETURNED)
    return g_str_equal (action, "resubmit") || g_str_equal (action, "withdraw");
  return FALSE;
}

static JsonNode *
try_action (AnjuWfFixture *fixture,
            State          state,
            gint64         instance_id,
            const char    *action,
            gint64         transfer_to,
            guint         *out_status)
{
  return anju_wf_act (fixture, actor_for (state, action), instance_id, out_status,
                      "{\"action\":\"%s\",\"comment\":\"意见\",\"transfer_to\":%" G_GINT64_FORMAT "}",
                      action, transfer_to);
}

/* What an allowed action must have done. */
static void
assert_moved_on (const char *action,
                 JsonNode   *instance,
                 gint64      transferee)
{
  const char *state = anju_test_json_string (instance, "state");
  g_autofree char *step = current_step_key (instance);
  guint n_tasks = anju_test_json_length (instance, "tasks");
  g_autofree char *last_task = g_strdup_printf ("tasks.%u", n_tasks - 1);
  JsonNode *task = anju_test_json_lookup (instance, last_task);

  if (g_str_equal (action, "approve"))
    {
      g_assert_cmpstr (state, ==, "running");
      g_assert_cmpstr (step, ==, "street_review");
    }
  else if (g_str_equal (action, "reject"))
    g_assert_cmpstr (state, ==, "rejected");
  else if (g_str_equal (action, "return"))
    {
      g_assert_cmpstr (state, ==, "returned");
      g_assert_cmpstr (anju_test_json_string (task, "kind"), ==, "supplement");
    }
  else if (g_str_equal (action, "transfer"))
    {
      g_assert_cmpstr (state, ==, "running");
      g_assert_cmpint (anju_test_json_int (task, "assignee.id"), ==, transferee);
      g_assert_cmpstr (anju_test_json_string (task, "state"), ==, "open");
    }
  else if (g_str_equal (action, "withdraw"))
    g_assert_cmpstr (state, ==, "withdrawn");
  else
    {
      g_assert_cmpstr (state, ==, "running");
      g_assert_cmpstr (step, ==, "community_intake");
      g_assert_cmpstr (anju_test_json_string (task, "kind"), ==, "review");
    }
  g_assert_true (history_has (instance, action, NULL));
}

static void
check_state (AnjuWfFixture *fixture,
             State          state,
             gint64         transferee,
             gint64        *next_record)
{
  /* Refusals change nothing, so one instance serves them all. */
  gint64 shared = instance_in (fixture, state, next_record);

  for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
    {
      const char *action = actions[a];
      gboolean allowed = allowed_in (state, action);
      gint64 id = allowed ? instance_in (fixture, state, next_record) : shared;
      g_autoptr(JsonNode) before = anju_wf_instance (fixture, actor_for (state, action), id);
      g_autoptr(JsonNode) reply = NULL;
      guint status = 0;

      g_test_message ("%s: %s", state_names[state], action);
      g_assert_cmpint (anju_test_json_array_has_string (before, "my_actions", action), ==, allowed);
      reply = try_action (fixture, state, id, action, transferee, &status);
      if (allowed)
        {
          anju_assert_status (status, SOUP_STATUS_OK, reply);
          assert_moved_on (action, reply, transferee);
        }
      else
        {
          g_autofree char *now = NULL;

          anju_wf_assert_refused (status, reply);
          now = instance_state (fixture, id);
          g_assert_cmpstr (now, ==, state_names[state]);
        }
    }
}

/* PRH-156 … 158, F-PRH-003: every action from every state; the allowed
 * ones move on, the others are refused with the reason, and my_actions
 * says which is which beforehand. */
static void
test_action_matrix (AnjuWfFixture *fixture,
                    gconstpointer  data)
{
  gint64 transferee = anju_wf_add_user (fixture, "community_ypl2", fixture->ypl_community,
                                "community_worker");
  gint64 next_record = 1;

  anju_wf_create_template (fixture, "test.matrix", ANJU_WF_THREE_STEPS, NULL);
  for (State state = RUNNING; state < N_STATES; state++)
    check_state (fixture, state, transferee, &next_record);
}

/* A step that does not list an action refuses it with that reason. */
static void
test_step_refuses_action (AnjuWfFixture *fixture,
                          gconstpointer  data)
{
  gint64 id;
  g_autoptr(JsonNode) instance = NULL;

  anju_wf_create_template (fixture, "test.approve_only",
                           "[{\"key\":\"check\",\"name\":\"核对\",\"role\":\"community_worker\","
                           "\"level\":\"community\",\"actions\":[\"approve\"]}]", NULL);
  id = anju_wf_start (fixture, "test.approve_only", 1, fixture->ypl_community, NULL);
  instance = anju_wf_instance (fixture, "community_ypl", id);
  g_assert_cmpuint (anju_test_json_length (instance, "my_actions"), ==, 1);
  g_assert_true (anju_test_json_array_has_string (instance, "my_actions", "approve"));

  for (guint i = 0; i < 3; i++)
    {
      static const char * const refused[] = { "reject", "return", "transfer" };
      g_autoptr(JsonNode) reply = NULL;
      guint status = 0;

      reply = anju_wf_act (fixture, "community_ypl", id, &status,
                           "{\"action\":\"%s\",\"comment\":\"不行\",\"transfer_to\":1}", refused[i]);
      anju_wf_assert_refused (status, reply);
    }
  {
    g_autoptr(JsonNode) reply = NULL;
    guint status = 0;

    reply = anju_wf_act (fixture, "admin", id, &status, "{\"action\":\"withdraw\"}");
    anju_wf_assert_refused (status, reply);
  }
}

/* Rejecting and returning need a reason; a refused request writes
 * nothing. */
static void
test_reason_required (AnjuWfFixture *fixture,
                      gconstpointer  data)
{
  static const char * const tables[] = {
    "workflow_instances", "workflow_tasks", "workflow_history", "audit_log",
  };
  static const char * const bodies[] = {
    "{\"action\":\"reject\"}",
    "{\"action\":\"reject\",\"comment\":\"   \"}",
    "{\"action\":\"return\",\"comment\":null}",
  };
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  gint64 id;

  anju_wf_create_template (fixture, "test.reasons", ANJU_WF_THREE_STEPS, NULL);
  id = anju_wf_start (fixture, "test.reasons", 1, fixture->ypl_community, NULL);
  /* Signing in writes an audit row: do it before looking. */
  anju_wf_token (fixture, "community_ypl");
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_ptr_array_add (before, anju_test_db_dump (fixture->srv, tables[i]));

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(JsonNode) reply = NULL;
      guint status = 0;

      reply = anju_wf_act (fixture, "community_ypl", id, &status, "%s", bodies[i]);
      anju_assert_error (status, reply, SOUP_STATUS_UNPROCESSABLE_ENTITY, "validation_failed");
      g_assert_true (anju_test_json_has (reply, "error.fields.comment"));
    }
  {
    g_autoptr(JsonNode) reply = NULL;
    guint status = 0;

    reply = anju_wf_act (fixture, "community_ypl", id, &status, "{\"action\":\"sing\"}");
    anju_assert_error (status, reply, SOUP_STATUS_UNPROCESSABLE_ENTITY, "validation_failed");
    g_assert_true (anju_test_json_has (reply, "error.fields.action"));
  }

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *after = anju_test_db_dump (fixture->srv, tables[i]);

      g_assert_cmpstr (g_ptr_array_index (before, i), ==, after);
    }
}

/* Return for supplement: the submitter gets a supplement task, resubmits,
 * and the same step gets a new task with a new time limit. */
static void
test_return_and_resubmit (AnjuWfFixture *fixture,
                          gconstpointer  data)
{
  gint64 admin_id = anju_wf_user_id (fixture, "admin");
  gint64 street_id = anju_wf_user_id (fixture, "street_ypl");
  g_autoptr(JsonNode) returned = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) todo = NULL;
  g_autoptr(JsonNode) street_todo = NULL;
  g_autoptr(JsonNode) resubmitted = NULL;
  g_autoptr(AnjuWfTestEvent) returned_event = NULL;
  g_autoptr(AnjuWfTestEvent) assigned = NULL;
  g_autofree char *step = NULL;
  gint64 old_due;
  gint64 new_due;
  guint status = 0;
  gint64 id;

  anju_wf_create_template (fixture, "test.supplement", ANJU_WF_THREE_STEPS, NULL);
  id = anju_wf_start (fixture, "test.supplement", 1, fixture->ypl_community, NULL);
  json_node_unref (anju_wf_act_ok (fixture, "community_ypl", id, "{\"action\":\"approve\"}"));
  {
    g_autoptr(JsonNode) at_street = anju_wf_instance (fixture, "street_ypl", id);

    old_due = parse_time (anju_test_json_string (at_street, "current_step.due_at"));
  }

  returned = anju_wf_act_ok (fixture, "street_ypl", id,
                             "{\"action\":\"return\",\"comment\":\"请补充收入证明\"}");
  g_assert_cmpstr (anju_test_json_string (returned, "state"), ==, "returned");
  step = current_step_key (returned);
  g_assert_cmpstr (step, ==, "street_review");
  g_assert_false (anju_test_json_bool (returned, "current_step.overdue"));

  /* The submitter sees the supplement task in the to-do list, the
   * reviewer no longer sees anything, and cannot act. */
  todo = get_as (fixture, "admin", &status, "/api/v1/todo?type=test.supplement");
  anju_assert_status (status, SOUP_STATUS_OK, todo);
  g_assert_cmpint (anju_test_json_int (todo, "total"), ==, 1);
  g_assert_cmpstr (anju_test_json_string (todo, "items.0.kind"), ==, "supplement");
  street_todo = get_as (fixture, "street_ypl", &status, "/api/v1/todo?type=test.supplement");
  anju_assert_status (status, SOUP_STATUS_OK, street_todo);
  g_assert_cmpint (anju_test_json_int (street_todo, "total"), ==, 0);
  refused = anju_wf_act (fixture, "street_ypl", id, &status, "{\"action\":\"approve\"}");
  anju_wf_assert_refused (status, refused);

  returned_event = anju_wf_last_event (fixture, "workflow.instance.returned", id);
  g_assert_nonnull (returned_event);
  g_assert_true (anju_wf_event_has_user (returned_event, admin_id));
  g_assert_nonnull (strstr (returned_event->variables, "请补充收入证明"));
  g_assert_nonnull (strstr (returned_event->variables, "街道审核"));

  anju_wf_advance_days (fixture, 2);
  resubmitted = anju_wf_act_ok (fixture, "admin", id,
                                "{\"action\":\"resubmit\",\"comment\":\"已补充\"}");
  g_assert_cmpstr (anju_test_json_string (resubmitted, "state"), ==, "running");
  g_assert_cmpstr (anju_test_json_string (resubmitted, "current_step.key"), ==, "street_review");
  new_due = parse_time (anju_test_json_string (resubmitted, "current_step.due_at"));
  g_assert_cmpint (new_due, >, old_due);
  g_assert_true (history_has (resubmitted, "return", "street_review"));
  g_assert_true (history_has (resubmitted, "resubmit", "street_review"));
  g_assert_cmpuint (anju_test_json_length (resubmitted, "tasks"), ==, 4);

  assigned = anju_wf_last_event (fixture, "workflow.task.assigned", id);
  g_assert_nonnull (assigned);
  g_assert_true (anju_wf_event_has_user (assigned, street_id));
  g_assert_cmpuint (anju_wf_count_events (fixture, "workflow.task.assigned", id), ==, 3);

  json_node_unref (anju_wf_act_ok (fixture, "street_ypl", id, "{\"action\":\"approve\"}"));
}

/* skip_when and branches over the instance's fields. */
static void
test_conditions (AnjuWfFixture *fixture,
                 gconstpointer  data)
{
  static const char *branching =
    "[{\"key\":\"intake\",\"name\":\"受理\",\"role\":\"community_worker\",\"level\":\"community\","
    "\"actions\":[\"approve\"],\"branches\":["
    "{\"when\":[{\"field\":\"amount\",\"op\":\"gt\",\"value\":1000}],\"goto\":\"center_review\"},"
    "{\"when\":[{\"field\":\"kind\",\"op\":\"in\",\"value\":[\"renewal\",\"exchange\"]}],"
    "\"goto\":\"end\"}]},"
    "{\"key\":\"street_review\",\"name\":\"街道审核\",\"role\":\"street_staff\",\"level\":\"street\","
    "\"actions\":[\"approve\"],\"skip_when\":[{\"field\":\"urgent\",\"op\":\"set\"},"
    "{\"field\":\"kind\",\"op\":\"ne\",\"value\":\"move_out\"}]},"
    "{\"key\":\"center_review\",\"name\":\"中心审批\",\"role\":\"center_staff\",\"level\":\"center\","
    "\"actions\":[\"approve\"]}]";
  struct
  {
    const char *fields;
    const char *state;
    const char *step;       /* after the first approval */
  } cases[] = {
    { "{\"amount\":5000}", "running", "center_review" },
    { "{\"amount\":10,\"kind\":\"renewal\"}", "completed", NULL },
    { "{\"amount\":10}", "running", "street_review" },
    { "{\"urgent\":false}", "running", "center_review" },
    { "{\"urgent\":true,\"kind\":\"move_out\"}", "running", "street_review" },
  };
  g_autoptr(JsonNode) directed = NULL;
  gint64 id;

  /* The three-step process skips the street for directed applications. */
  anju_wf_create_template (fixture, "test.skip", ANJU_WF_THREE_STEPS, NULL);
  id = anju_wf_start (fixture, "test.skip", 1, fixture->ypl_community, "{\"directed\":true}");
  directed = anju_wf_act_ok (fixture, "community_ypl", id, "{\"action\":\"approve\"}");
  g_assert_cmpstr (anju_test_json_string (directed, "current_step.key"), ==, "center_review");
  g_assert_true (history_has (directed, "skip", "street_review"));
  g_assert_false (history_has (directed, "approve", "street_review"));
  g_assert_true (anju_test_json_bool (directed, "fields.directed"));

  anju_wf_create_template (fixture, "test.branch", branching, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) after = NULL;
      g_autofree char *step = NULL;

      g_test_message ("fields %s", cases[i].fields);
      id = anju_wf_start (fixture, "test.branch", 100 + i, fixture->ypl_community, cases[i].fields);
      after = anju_wf_act_ok (fixture, "community_ypl", id, "{\"action\":\"approve\"}");
      step = current_step_key (after);
      g_assert_cmpstr (anju_test_json_string (after, "state"), ==, cases[i].state);
      g_assert_cmpstr (step, ==, cases[i].step);
    }
}

static gboolean
reminded (AnjuWfFixture *fixture,
          gpointer       data)
{
  gint64 *instance_id = data;

  return anju_wf_db_int (fixture, "SELECT COUNT(*) FROM workflow_history WHERE action = 'remind'"
                         " AND instance_id = %" G_GINT64_FORMAT, *instance_id) > 0;
}

/* Overdue from the clock; the sweep reminds each overdue task once, as
 * anju-server, and tells the assignees. */
static void
test_overdue_reminder (AnjuWfFixture *fixture,
                       gconstpointer  data)
{
  gint64 community_id = anju_wf_user_id (fixture, "community_ypl");
  g_autoptr(JsonNode) fresh = NULL;
  g_autoptr(JsonNode) late = NULL;
  g_autoptr(JsonNode) overdue_todo = NULL;
  g_autoptr(JsonNode) with_reminder = NULL;
  g_autoptr(AnjuWfTestEvent) event = NULL;
  guint status = 0;
  gint64 first;
  gint64 second;
  int row;

  anju_wf_create_template (fixture, "test.overdue", ANJU_WF_THREE_STEPS, NULL);
  first = anju_wf_start (fixture, "test.overdue", 1, fixture->ypl_community, NULL);
  fresh = anju_wf_instance (fixture, "community_ypl", first);
  g_assert_false (anju_test_json_bool (fresh, "current_step.overdue"));
  g_assert_false (anju_test_json_bool (fresh, "tasks.0.overdue"));

  /* The community step has five days. */
  anju_wf_advance_days (fixture, 6);
  late = anju_wf_instance (fixture, "community_ypl", first);
  g_assert_true (anju_test_json_bool (late, "current_step.overdue"));
  g_assert_true (anju_test_json_bool (late, "tasks.0.overdue"));
  overdue_todo = get_as (fixture, "community_ypl", &status,
                         "/api/v1/todo?type=test.overdue&overdue=true");
  anju_assert_status (status, SOUP_STATUS_OK, overdue_todo);
  g_assert_cmpint (anju_test_json_int (overdue_todo, "total"), ==, 1);
  g_assert_true (anju_test_json_bool (overdue_todo, "items.0.overdue"));

  anju_wf_wait_until (fixture, reminded, &first);
  g_assert_cmpint (anju_wf_db_int (fixture, "SELECT COUNT(*) FROM audit_log"
                                   " WHERE action = 'workflow.remind' AND actor = 'anju-server'"
                                   " AND entity_id = %" G_GINT64_FORMAT, first), ==, 1);
  with_reminder = anju_wf_instance (fixture, "admin", first);
  row = anju_test_json_find (with_reminder, "history", "action", "remind");
  g_assert_cmpint (row, >=, 0);
  {
    g_autofree char *actor = g_strdup_printf ("history.%d.actor", row);
    g_autofree char *step = g_strdup_printf ("history.%d.step_key", row);

    g_assert_true (anju_test_json_is_null (with_reminder, actor));
    g_assert_cmpstr (anju_test_json_string (with_reminder, step), ==, "community_intake");
  }
  event = anju_wf_last_event (fixture, "workflow.task.overdue", first);
  g_assert_nonnull (event);
  g_assert_true (anju_wf_event_has_user (event, community_id));
  g_assert_nonnull (strstr (event->variables, "社区受理"));

  /* Once only: by the time a later task is reminded, sweeps have gone
   * over the first one again. */
  second = anju_wf_start (fixture, "test.overdue", 2, fixture->ypl_community, NULL);
  anju_wf_advance_days (fixture, 6);
  anju_wf_wait_until (fixture, reminded, &second);
  anju_wf_wait_until (fixture, reminded, &second);
  g_assert_cmpint (anju_wf_db_int (fixture, "SELECT COUNT(*) FROM workflow_history"
                                   " WHERE action = 'remind' AND instance_id = %" G_GINT64_FORMAT,
                                   first), ==, 1);
  g_assert_cmpuint (anju_wf_count_events (fixture, "workflow.task.overdue", first), ==, 1);
}

#define N_OVERDUE 3

/* Every reminder the sweep has written, of any task. */
static gint64
count_reminders (AnjuWfFixture *fixture)
{
  return anju_wf_db_int (fixture, "SELECT COUNT(*) FROM workflow_history"
                         " WHERE action = 'remind'");
}

/* Issue 7: the overdue sweep goes one task a batch here; its test gate
 * holds the run after the first, and the main loop answers meanwhile
 * (no timing: the gate, not the clock, keeps the rest waiting).  Let go,
 * the run reminds every task, each once. */
static void
test_overdue_batches (AnjuWfFixture *fixture,
                      gconstpointer  data)
{
  AnjuSweep *sweep = anju_server_get_sweep (fixture->srv->server,
                                            ANJU_WORKFLOW_OVERDUE_SWEEP_NAME);
  g_autoptr(JsonNode) todo = NULL;
  gint64 ids[N_OVERDUE];
  gint64 before;
  guint status = 0;

  g_assert_nonnull (sweep);
  anju_wf_create_template (fixture, "test.overdue", ANJU_WF_THREE_STEPS, NULL);
  for (guint i = 0; i < N_OVERDUE; i++)
    ids[i] = anju_wf_start (fixture, "test.overdue", i + 1, fixture->ypl_community, NULL);

  anju_sweep_wait_idle_for_test (sweep);
  before = count_reminders (fixture);
  anju_sweep_hold_for_test (sweep, 1);
  anju_wf_advance_days (fixture, 6);
  anju_sweep_wait_held_for_test (sweep);
  g_assert_cmpint (count_reminders (fixture), ==, before + 1);

  todo = get_as (fixture, "community_ypl", &status,
                 "/api/v1/todo?type=test.overdue&overdue=true");
  anju_assert_status (status, SOUP_STATUS_OK, todo);
  g_assert_cmpint (anju_test_json_int (todo, "total"), ==, N_OVERDUE);
  g_assert_cmpint (count_reminders (fixture), ==, before + 1);

  anju_sweep_release_for_test (sweep);
  for (guint i = 0; i < N_OVERDUE; i++)
    anju_wf_wait_until (fixture, reminded, &ids[i]);
  anju_sweep_wait_idle_for_test (sweep);
  for (guint i = 0; i < N_OVERDUE; i++)
    {
      g_assert_cmpint (anju_wf_db_int (fixture, "SELECT COUNT(*) FROM workflow_history"
                                       " WHERE action = 'remind' AND instance_id = %"
                                       G_GINT64_FORMAT, ids[i]), ==, 1);
      g_assert_cmpint (anju_wf_db_int (fixture, "SELECT COUNT(*) FROM audit_log"
                                       " WHERE action = 'workflow.remind'"
                                       " AND actor = 'anju-server' AND entity_id = %"
                                       G_GINT64_FORMAT, ids[i]), ==, 1);
      g_assert_cmpuint (anju_wf_count_events (fixture, "workflow.task.overdue", ids[i]), ==, 1);
    }
}

/* Pause, resume and cancel by administrators, with a reason; resuming
 * moves the due date on by the paused time. */
static void
test_pause_resume_cancel (AnjuWfFixture *fixture,
                          gconstpointer  data)
{
  static const char * const manager_permissions[] = { "workflow.instance.manage", NULL };
  gint64 admin_id = anju_wf_user_id (fixture, "admin");
  g_autoptr(JsonNode) running = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) paused = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) resumed = NULL;
  g_autoptr(JsonNode) cancelled = NULL;
  g_autoptr(JsonNode) outside = NULL;
  g_autoptr(AnjuWfTestEvent) event = NULL;
  gint64 due_before;
  gint64 due_after;
  gint64 wyh_street;
  gint64 role;
  guint status = 0;
  gint64 id;

  anju_wf_create_template (fixture, "test.pause", ANJU_WF_THREE_STEPS, NULL);
  id = anju_wf_start (fixture, "test.pause", 1, fixture->ypl_community, NULL);
  running = anju_wf_instance (fixture, "admin", id);
  due_before = parse_time (anju_test_json_string (running, "current_step.due_at"));

  reply = admin_op (fixture, "admin", id, "pause", NULL, &status);
  anju_assert_error (status, reply, SOUP_STATUS_UNPROCESSABLE_ENTITY, "validation_failed");
  g_assert_true (anju_test_json_has (reply, "error.fields.reason"));
  g_clear_pointer (&reply, json_node_unref);
  reply = admin_op (fixture, "street_ypl", id, "pause", "想暂停", &status);
  anju_assert_error (status, reply, SOUP_STATUS_FORBIDDEN, "forbidden");

  /* A manager outside the instance's organisation may not touch it. */
  wyh_street = anju_test_find_org (fixture->srv, anju_wf_token (fixture, "admin"), "望月湖街道");
  role = anju_test_create_role (fixture->srv, anju_wf_token (fixture, "admin"), "街道流程管理员",
                                manager_permissions);
  anju_wf_add_user_with_role (fixture, "wyh_manager", wyh_street, role);
  outside = admin_op (fixture, "wyh_manager", id, "pause", "越权", &status);
  anju_assert_error (status, outside, SOUP_STATUS_FORBIDDEN, "forbidden");

  paused = admin_op (fixture, "center", id, "pause", "等待政策调整", &status);
  anju_assert_status (status, SOUP_STATUS_OK, paused);
  g_assert_cmpstr (anju_test_json_string (paused, "state"), ==, "paused");
  refused = admin_op (fixture, "center", id, "pause", "再停", &status);
  anju_wf_assert_refused (status, refused);
  g_clear_pointer (&refused, json_node_unref);
  refused = anju_wf_act (fixture, "community_ypl", id, &status, "{\"action\":\"approve\"}");
  anju_wf_assert_refused (status, refused);
  {
    g_autoptr(JsonNode) seen = anju_wf_instance (fixture, "community_ypl", id);

    g_assert_cmpuint (anju_test_json_length (seen, "my_actions"), ==, 0);
  }

  /* Three days paused; the time limit does not run meanwhile. */
  anju_wf_advance_days (fixture, 3);
  resumed = admin_op (fixture, "admin", id, "resume", "政策已明确", &status);
  anju_assert_status (status, SOUP_STATUS_OK, resumed);
  g_assert_cmpstr (anju_test_json_string (resumed, "state"), ==, "running");
  due_after = parse_time (anju_test_json_string (resumed, "current_step.due_at"));
  /* By exactly the paused time, as the history tells it. */
  g_assert_cmpint (due_after - due_before, ==, history_at (resumed, "resume") -
                                               history_at (resumed, "pause"));
  g_assert_cmpint (due_after - due_before, >=, 3 * SECONDS_PER_DAY);
  g_clear_pointer (&refused, json_node_unref);
  refused = admin_op (fixture, "admin", id, "resume", "再恢复", &status);
  anju_wf_assert_refused (status, refused);

  cancelled = admin_op (fixture, "admin", id, "cancel", "申请人已搬离本区", &status);
  anju_assert_status (status, SOUP_STATUS_OK, cancelled);
  g_assert_cmpstr (anju_test_json_string (cancelled, "state"), ==, "cancelled");
  g_assert_true (anju_test_json_is_null (cancelled, "current_step"));
  g_assert_false (anju_test_json_is_null (cancelled, "finished_at"));
  g_assert_true (history_has (cancelled, "pause", NULL));
  g_assert_true (history_has (cancelled, "resume", NULL));
  g_assert_true (history_has (cancelled, "cancel", NULL));
  g_assert_cmpstr (anju_test_json_string (cancelled, "tasks.0.state"), ==, "cancelled");
  g_clear_pointer (&refused, json_node_unref);
  refused = admin_op (fixture, "admin", id, "cancel", "再取消", &status);
  anju_wf_assert_refused (status, refused);

  event = anju_wf_last_event (fixture, "workflow.instance.cancelled", id);
  g_assert_nonnull (event);
  g_assert_true (anju_wf_event_has_user (event, admin_id));
  g_assert_nonnull (strstr (event->variables, "申请人已搬离本区"));
  g_assert_cmpint (anju_wf_db_int (fixture, "SELECT COUNT(*) FROM audit_log WHERE entity_id = %"
                                   G_GINT64_FORMAT " AND entity = 'workflow_instance' AND action IN"
                                   " ('workflow.pause', 'workflow.resume', 'workflow.cancel')", id),
                   ==, 3);
}

/* F-PORTAL-018 data scope: a street user cannot act on, or even see,
 * another street's task. */
static void
test_scope (AnjuWfFixture *fixture,
            gconstpointer  data)
{
  g_autoptr(JsonNode) forbidden = NULL;
  g_autoptr(JsonNode) hidden = NULL;
  g_autoptr(JsonNode) mine = NULL;
  g_autoptr(JsonNode) held = NULL;
  g_autoptr(JsonNode) not_submitter = NULL;
  g_autoptr(JsonNode) at_center = NULL;
  guint status = 0;
  gint64 id;

  anju_wf_create_template (fixture, "test.scope", ANJU_WF_THREE_STEPS, NULL);
  id = anju_wf_start (fixture, "test.scope", 1, fixture->ypl_community, NULL);
  json_node_unref (anju_wf_act_ok (fixture, "community_ypl", id, "{\"action\":\"approve\"}"));

  forbidden = anju_wf_act (fixture, "street_wyh", id, &status, "{\"action\":\"approve\"}");
  anju_assert_error (status, forbidden, SOUP_STATUS_FORBIDDEN, "forbidden");
  not_submitter = anju_wf_act (fixture, "street_wyh", id, &status, "{\"action\":\"withdraw\"}");
  anju_assert_error (status, not_submitter, SOUP_STATUS_FORBIDDEN, "forbidden");
  hidden = get_as (fixture, "street_wyh", &status, "/api/v1/workflow/instances/%" G_GINT64_FORMAT,
                   id);
  anju_assert_error (status, hidden, SOUP_STATUS_NOT_FOUND, "not_found");

  mine = anju_wf_instance (fixture, "street_ypl", id);
  for (guint i = 0; i < 4; i++)
    {
      static const char * const expected[] = { "approve", "reject", "return", "transfer" };

      g_assert_true (anju_test_json_array_has_string (mine, "my_actions", expected[i]));
    }
  g_assert_cmpuint (anju_test_json_length (mine, "my_actions"), ==, 4);
  g_assert_cmpstr (anju_test_json_string (mine, "current_step.organisation.name"), ==,
                   "银盆岭街道");

  /* Whoever held a task still reads the instance, with nothing to do. */
  held = anju_wf_instance (fixture, "community_ypl", id);
  g_assert_cmpuint (anju_test_json_length (held, "my_actions"), ==, 0);

  json_node_unref (anju_wf_act_ok (fixture, "street_ypl", id, "{\"action\":\"approve\"}"));
  at_center = anju_wf_instance (fixture, "center", id);
  g_assert_true (anju_test_json_array_has_string (at_center, "my_actions", "approve"));
  g_assert_cmpstr (anju_test_json_string (at_center, "history.2.actor.name"), ==, "李娜");
  g_assert_cmpstr (anju_test_json_string (at_center, "history.2.organisation.name"), ==,
                   "银盆岭街道");
}

/* A task goes to one named user who holds the step's role in scope;
 * the due date stays. */
static void
test_transfer (AnjuWfFixture *fixture,
               gconstpointer  data)
{
  gint64 ypl_street = anju_test_find_org (fixture->srv, anju_wf_token (fixture, "admin"),
                                          "银盆岭街道");
  gint64 colleague = anju_wf_add_user (fixture, "street_ypl2", ypl_street, "street_staff");
  g_autofree char *wyh_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             anju_wf_user_id (fixture, "street_wyh"));
  g_autofree char *community_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                   anju_wf_user_id (fixture, "community_ypl"));
  g_autofree char *self_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              anju_wf_user_id (fixture, "street_ypl"));
  /* Nobody, no such user, another street, not a street_staff, oneself. */
  const char *bad[] = { "null", "999999", wyh_id, community_id, self_id };
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) transferred = NULL;
  g_autoptr(JsonNode) taken = NULL;
  g_autoptr(JsonNode) done = NULL;
  g_autoptr(AnjuWfTestEvent) event = NULL;
  guint status = 0;
  gint64 id;

  anju_wf_create_template (fixture, "test.transfer", ANJU_WF_THREE_STEPS, NULL);
  id = anju_wf_start (fixture, "test.transfer", 1, fixture->ypl_community, NULL);
  json_node_unref (anju_wf_act_ok (fixture, "community_ypl", id, "{\"action\":\"approve\"}"));
  before = anju_wf_instance (fixture, "street_ypl", id);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) reply = NULL;

      reply = anju_wf_act (fixture, "street_ypl", id, &status,
                           "{\"action\":\"transfer\",\"transfer_to\":%s}", bad[i]);
      anju_assert_error (status, reply, SOUP_STATUS_UNPROCESSABLE_ENTITY, "validation_failed");
      g_assert_true (anju_test_json_has (reply, "error.fields.transfer_to"));
    }

  transferred = anju_wf_act_ok (fixture, "street_ypl", id, "{\"action\":\"transfer\","
                                "\"comment\":\"请同事办理\",\"transfer_to\":%" G_GINT64_FORMAT "}",
                                colleague);
  g_assert_cmpstr (anju_test_json_string (transferred, "tasks.1.action"), ==, "transfer");
  g_assert_cmpstr (anju_test_json_string (transferred, "tasks.2.state"), ==, "open");
  g_assert_cmpint (anju_test_json_int (transferred, "tasks.2.assignee.id"), ==, colleague);
  g_assert_cmpstr (anju_test_json_string (transferred, "current_step.due_at"), ==,
                   anju_test_json_string (before, "current_step.due_at"));
  g_assert_cmpuint (anju_test_json_length (transferred, "my_actions"), ==, 0);

  event = anju_wf_last_event (fixture, "workflow.task.assigned", id);
  g_assert_cmpuint (event->user_ids->len, ==, 1);
  g_assert_true (anju_wf_event_has_user (event, colleague));

  /* Only the named user may act now. */
  taken = anju_wf_act (fixture, "street_ypl", id, &status, "{\"action\":\"approve\"}");
  anju_assert_error (status, taken, SOUP_STATUS_FORBIDDEN, "forbidden");
  json_node_unref (anju_wf_act_ok (fixture, "street_ypl2", id, "{\"action\":\"approve\"}"));

  done = get_as (fixture, "street_ypl", &status, "/api/v1/done");
  anju_assert_status (status, SOUP_STATUS_OK, done);
  g_assert_cmpstr (anju_test_json_string (done, "items.0.action"), ==, "transfer");
  g_assert_cmpstr (anju_test_json_string (done, "items.0.comment"), ==, "请同事办理");
}

/* Starting by hand, and what makes a start impossible. */
static void
test_start (AnjuWfFixture *fixture,
            gconstpointer  data)
{
  struct
  {
    const char *template;
    gint64      record_id;
    const char *label;
    gint64      org_id;       /* 0: 银盆岭社区 */
    const char *field;
  } cases[] = {
    { "no.such", 1, "x", 0, "template" },
    { "test.start", 0, "x", 0, "record_id" },
    { "test.start", 1, " ", 0, "record_label" },
    { "test.start", 1, "x", 999999, "org_id" },
    /* An enterprise has no community for the first step. */
    { "test.start", 1, "x", fixture->enterprise, "org_id" },
  };
  g_autoptr(JsonNode) twice = NULL;
  g_autoptr(JsonNode) forbidden = NULL;
  g_autoptr(JsonNode) started = NULL;
  g_autoptr(AnjuWfTestEvent) event = NULL;
  g_autofree char *body = NULL;
  gint64 community_id = anju_wf_user_id (fixture, "community_ypl");
  guint status = 0;
  gint64 id;

  anju_wf_create_template (fixture, "test.start", ANJU_WF_THREE_STEPS, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *field = g_strdup_printf ("error.fields.%s", cases[i].field);
      g_autoptr(JsonNode) reply = NULL;

      text = g_strdup_printf ("{\"template\":\"%s\",\"record_id\":%" G_GINT64_FORMAT ","
                              "\"record_label\":\"%s\",\"org_id\":%" G_GINT64_FORMAT "}",
                              cases[i].template, cases[i].record_id, cases[i].label,
                              cases[i].org_id != 0 ? cases[i].org_id : fixture->ypl_community);
      reply = post_as (fixture, "admin", "/api/v1/workflow/instances", &status, text);
      anju_assert_error (status, reply, SOUP_STATUS_UNPROCESSABLE_ENTITY, "validation_failed");
      g_assert_true (anju_test_json_has (reply, field));
    }

  body = g_strdup_printf ("{\"template\":\"test.start\",\"record_id\":1,\"record_label\":\"x\","
                          "\"org_id\":%" G_GINT64_FORMAT "}", fixture->ypl_community);
  forbidden = post_as (fixture, "street_ypl", "/api/v1/workflow/instances", &status, body);
  anju_assert_error (status, forbidden, SOUP_STATUS_FORBIDDEN, "forbidden");

  id = anju_wf_start (fixture, "test.start", 1, fixture->ypl_community, "{\"household_size\":3}");
  started = anju_wf_instance (fixture, "admin", id);
  g_assert_cmpstr (anju_test_json_string (started, "domain"), ==, "test.records");
  g_assert_cmpstr (anju_test_json_string (started, "submitter.name"), ==, "管理员");
  g_assert_cmpstr (anju_test_json_string (started, "organisation.name"), ==, "银盆岭社区");
  g_assert_cmpint (anju_test_json_int (started, "fields.household_size"), ==, 3);
  g_assert_cmpstr (anju_test_json_string (started, "history.0.action"), ==, "start");
  g_assert_cmpstr (anju_test_json_string (started, "current_step.organisation.name"), ==,
                   "银盆岭社区");
  g_assert_true (anju_test_json_is_null (started, "finished_at"));

  event = anju_wf_last_event (fixture, "workflow.task.assigned", id);
  g_assert_nonnull (event);
  g_assert_true (anju_wf_event_has_user (event, community_id));
  g_assert_nonnull (strstr (event->variables, "\"record_label\":\"测试记录 1\""));
  g_assert_nonnull (strstr (event->variables, "\"due_at\":\"20"));
  /* For people: no seconds, no offset. */
  g_assert_null (strstr (event->variables, "+08:00"));

  /* One live process per record. */
  twice = post_as (fixture, "center", "/api/v1/workflow/instances", &status, body);
  anju_assert_error (status, twice, SOUP_STATUS_CONFLICT, "conflict");
}

/* The built-in hook records the outcome in the fields, however the
 * process ends. */
static void
test_record_result_hook (AnjuWfFixture *fixture,
                         gconstpointer  data)
{
  g_autoptr(JsonNode) completed = NULL;
  g_autoptr(JsonNode) rejected = NULL;
  g_autoptr(JsonNode) cancelled = NULL;
  gint64 a;
  gint64 b;
  gint64 c;

  anju_wf_create_template (fixture, "test.result", ANJU_WF_THREE_STEPS, "workflow.record_result");
  a = anju_wf_start (fixture, "test.result", 1, fixture->ypl_community, NULL);
  b = anju_wf_start (fixture, "test.result", 2, fixture->ypl_community, NULL);
  c = anju_wf_start (fixture, "test.result", 3, fixture->ypl_community, NULL);

  approve_through (fixture, a);
  completed = anju_wf_instance (fixture, "admin", a);
  g_assert_cmpstr (anju_test_json_string (completed, "state"), ==, "completed");
  g_assert_cmpstr (anju_test_json_string (completed, "fields.outcome"), ==, "completed");
  g_assert_true (anju_test_json_has (completed, "fields.outcome_at"));
  g_assert_true (history_has (completed, "complete", NULL));
  g_assert_cmpuint (anju_wf_count_events (fixture, "workflow.instance.completed", a), ==, 1);

  rejected = anju_wf_act_ok (fixture, "community_ypl", b,
                             "{\"action\":\"reject\",\"comment\":\"不符合条件\"}");
  g_assert_cmpstr (anju_test_json_string (rejected, "fields.outcome"), ==, "rejected");
  g_assert_cmpuint (anju_wf_count_events (fixture, "workflow.instance.rejected", b), ==, 1);

  admin_op_ok (fixture, c, "cancel");
  cancelled = anju_wf_instance (fixture, "admin", c);
  g_assert_cmpstr (anju_test_json_string (cancelled, "fields.outcome"), ==, "cancelled");
}

/* The upload endpoint is another module's: the files go straight into
 * the store, as an upload leaves them. */
#define PDF_SHA256 "0c5f2b6dbd0bd4c38c7c1e2c4a1f3e1b9e0d6f6a7b8c9d0e1f2a3b4c5d6e7f80"

static void
db_exec (AnjuWfFixture *fixture,
         const char    *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
db_exec (AnjuWfFixture *fixture,
         const char    *format,
         ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  g_free (anju_test_db_query (fixture->srv, sql));
}

/* Attachments are the caller's own uploads; attached, they are archived. */
static void
test_attachments (AnjuWfFixture *fixture,
                  gconstpointer  data)
{
  gint64 community_id = anju_wf_user_id (fixture, "community_ypl");
  gint64 street_id = anju_wf_user_id (fixture, "street_ypl");
  g_autoptr(JsonNode) approved = NULL;
  char *bad_lists[3];
  gint64 mine;
  gint64 theirs;
  gint64 id;
  int row;

  db_exec (fixture, "INSERT INTO file_blobs (sha256, data) VALUES ('%s', x'255044462d312e340a')",
           PDF_SHA256);
  db_exec (fixture, "INSERT INTO files (sha256, name, content_type, size, uploaded_by, uploaded_at)"
           " VALUES ('%s', '受理回执.pdf', 'application/pdf', 9, %" G_GINT64_FORMAT ", 1767225600)",
           PDF_SHA256, community_id);
  mine = anju_wf_db_int (fixture, "SELECT MAX(id) FROM files");
  db_exec (fixture, "INSERT INTO files (sha256, name, content_type, size, uploaded_by, uploaded_at)"
           " VALUES ('%s', '别人的.pdf', 'application/pdf', 9, %" G_GINT64_FORMAT ", 1767225600)",
           PDF_SHA256, street_id);
  theirs = anju_wf_db_int (fixture, "SELECT MAX(id) FROM files");

  anju_wf_create_template (fixture, "test.files", ANJU_WF_THREE_STEPS, NULL);
  id = anju_wf_start (fixture, "test.files", 1, fixture->ypl_community, NULL);
  /* Someone else's file, one file twice, no such file. */
  bad_lists[0] = g_strdup_printf ("%" G_GINT64_FORMAT, theirs);
  bad_lists[1] = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, mine, mine);
  bad_lists[2] = g_strdup ("424242");
  for (guint i = 0; i < G_N_ELEMENTS (bad_lists); i++)
    {
      g_autoptr(JsonNode) reply = NULL;
      guint status = 0;

      reply = anju_wf_act (fixture, "community_ypl", id, &status,
                           "{\"action\":\"approve\",\"attachments\":[%s]}", bad_lists[i]);
      anju_assert_error (status, reply, SOUP_STATUS_UNPROCESSABLE_ENTITY, "validation_failed");
      g_assert_true (anju_test_json_has (reply, "error.fields.attachments"));
      g_free (bad_lists[i]);
    }

  approved = anju_wf_act_ok (fixture, "community_ypl", id,
                             "{\"action\":\"approve\",\"comment\":\"收件\",\"attachments\":[%"
                             G_GINT64_FORMAT "]}", mine);
  row = anju_test_json_find (approved, "history", "action", "approve");
  g_assert_cmpint (row, >=, 0);
  {
    g_autofree char *name = g_strdup_printf ("history.%d.attachments.0.name", row);
    g_autofree char *archived = g_strdup_printf ("history.%d.attachments.0.archived", row);
    g_autofree char *uploader = g_strdup_printf ("history.%d.attachments.0.uploaded_by.name", row);

    g_assert_cmpstr (anju_test_json_string (approved, name), ==, "受理回执.pdf");
    g_assert_true (anju_test_json_bool (approved, archived));
    g_assert_cmpstr (anju_test_json_string (approved, uploader), ==, "刘芳");
  }
  g_assert_cmpint (anju_wf_db_int (fixture, "SELECT COUNT(*) FROM files WHERE id = %"
                                   G_GINT64_FORMAT " AND archived_at IS NOT NULL", mine), ==, 1);

  /* Whoever may read the instance may read its attachments (the street
   * reviewer now holds its task); another street may not even see it. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/files/%" G_GINT64_FORMAT "/content", mine);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GBytes) refused = NULL;
    guint status = 0;

    bytes = anju_test_request_raw (fixture->srv, anju_wf_token (fixture, "street_ypl"), "GET",
                                   path, NULL, NULL, &status);
    g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
    g_assert_cmpuint (g_bytes_get_size (bytes), ==, 9);
    refused = anju_test_request_raw (fixture->srv, anju_wf_token (fixture, "street_wyh"), "GET",
                                     path, NULL, NULL, &status);
    g_assert_cmpuint (status, ==, SOUP_STATUS_NOT_FOUND);
  }
}

/* F-PORTAL-021: every action is one audit row by its actor, and the chain
 * still verifies. */
static void
test_audit (AnjuWfFixture *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuDb) db = NULL;
  g_autoptr(JsonNode) audit = NULL;
  gint64 checked = 0;
  gint64 broken = 0;
  guint status = 0;
  gint64 id;

  anju_wf_create_template (fixture, "test.audit", ANJU_WF_THREE_STEPS, NULL);
  id = anju_wf_start (fixture, "test.audit", 1, fixture->ypl_community, NULL);
  json_node_unref (anju_wf_act_ok (fixture, "community_ypl", id,
                                   "{\"action\":\"return\",\"comment\":\"缺材料\"}"));
  json_node_unref (anju_wf_act_ok (fixture, "admin", id, "{\"action\":\"resubmit\"}"));
  json_node_unref (anju_wf_act_ok (fixture, "community_ypl", id, "{\"action\":\"approve\"}"));

  g_assert_cmpint (anju_wf_db_int (fixture, "SELECT COUNT(*) FROM audit_log WHERE entity ="
                                   " 'workflow_instance' AND entity_id = %" G_GINT64_FORMAT, id),
                   ==, 4);
  g_assert_cmpint (anju_wf_db_int (fixture, "SELECT COUNT(*) FROM audit_log WHERE action ="
                                   " 'workflow.return' AND actor = 'community_ypl'"
                                   " AND entity_id = %" G_GINT64_FORMAT, id), ==, 1);
  g_assert_cmpint (anju_wf_db_int (fixture, "SELECT COUNT(*) FROM audit_log WHERE action ="
                                   " 'workflow.resubmit' AND actor = 'admin'"
                                   " AND entity_id = %" G_GINT64_FORMAT, id), ==, 1);
  audit = get_as (fixture, "admin", &status,
                  "/api/v1/audit?entity=workflow_instance&action=workflow.start&actor=admin");
  anju_assert_status (status, SOUP_STATUS_OK, audit);
  g_assert_cmpint (anju_test_json_int (audit, "total"), ==, 1);

  db = anju_db_open (fixture->srv->config->database_path, &error);
  g_assert_no_error (error);
  anju_audit_verify (db, anju_server_get_audit_key (fixture->srv->server), &checked, &broken,
                     &error);
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
}

/* PRH-155 / 157: the instance monitor for managers, in their scope. */
static void
test_instance_list (AnjuWfFixture *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) rejected = NULL;
  g_autoptr(JsonNode) overdue = NULL;
  g_autoptr(JsonNode) searched = NULL;
  g_autoptr(JsonNode) forbidden = NULL;
  g_autoptr(JsonNode) bad = NULL;
  g_autoptr(JsonNode) demo = NULL;
  guint status = 0;
  gint64 first;
  gint64 second;

  anju_wf_create_template (fixture, "test.monitor", ANJU_WF_THREE_STEPS, NULL);
  first = anju_wf_start (fixture, "test.monitor", 11, fixture->ypl_community, NULL);
  second = anju_wf_start (fixture, "test.monitor", 12, fixture->ypl_community, NULL);
  json_node_unref (anju_wf_act_ok (fixture, "community_ypl", first,
                                   "{\"action\":\"reject\",\"comment\":\"不符合\"}"));

  all = get_as (fixture, "center", &status, "/api/v1/workflow/instances?template=test.monitor");
  anju_assert_status (status, SOUP_STATUS_OK, all);
  anju_test_assert_page (all);
  g_assert_cmpint (anju_test_json_int (all, "total"), ==, 2);
  g_assert_cmpint (anju_test_json_int (all, "items.0.id"), ==, second);
  g_assert_false (anju_test_json_has (all, "items.0.history"));
  g_assert_false (anju_test_json_has (all, "items.0.tasks"));

  rejected = get_as (fixture, "center", &status,
                     "/api/v1/workflow/instances?template=test.monitor&state=rejected");
  anju_assert_status (status, SOUP_STATUS_OK, rejected);
  g_assert_cmpint (anju_test_json_int (rejected, "total"), ==, 1);
  g_assert_cmpint (anju_test_json_int (rejected, "items.0.id"), ==, first);

  anju_wf_advance_days (fixture, 6);
  overdue = get_as (fixture, "center", &status,
                    "/api/v1/workflow/instances?template=test.monitor&overdue=true");
  anju_assert_status (status, SOUP_STATUS_OK, overdue);
  g_assert_cmpint (anju_test_json_int (overdue, "total"), ==, 1);
  g_assert_cmpint (anju_test_json_int (overdue, "items.0.id"), ==, second);

  searched = get_as (fixture, "center", &status, "/api/v1/workflow/instances?q=%s",
                     "%E6%B5%8B%E8%AF%95%E8%AE%B0%E5%BD%95%2012");
  anju_assert_status (status, SOUP_STATUS_OK, searched);
  g_assert_cmpint (anju_test_json_int (searched, "total"), ==, 1);

  forbidden = get_as (fixture, "street_ypl", &status, "/api/v1/workflow/instances");
  anju_assert_error (status, forbidden, SOUP_STATUS_FORBIDDEN, "forbidden");
  bad = get_as (fixture, "center", &status, "/api/v1/workflow/instances?state=sleeping");
  anju_assert_error (status, bad, SOUP_STATUS_UNPROCESSABLE_ENTITY, "validation_failed");

  /* The demo's applications (docs/demo.md). */
  demo = get_as (fixture, "center", &status,
                 "/api/v1/workflow/instances?template=pubrent.application.review&domain=pubrent.application");
  anju_assert_status (status, SOUP_STATUS_OK, demo);
  g_assert_cmpint (anju_test_json_int (demo, "total"), ==, 9);
}

/* Nothing is half-written: a listener that fails takes the whole
 * action back with it. */
static void
test_atomic (AnjuWfFixture *fixture,
             gconstpointer  data)
{
  static const char * const tables[] = {
    "workflow_instances", "workflow_tasks", "workflow_history", "audit_log",
  };
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) failed = NULL;
  g_autoptr(JsonNode) moved = NULL;
  guint status = 0;
  gint64 id;

  anju_wf_create_template (fixture, "test.atomic", ANJU_WF_THREE_STEPS, NULL);
  id = anju_wf_start (fixture, "test.atomic", 1, fixture->ypl_community, NULL);
  anju_wf_token (fixture, "community_ypl");
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_ptr_array_add (before, anju_test_db_dump (fixture->srv, tables[i]));

  /* The approval's own rows come first, the event for the next step's
   * task last: all of them must go. */
  anju_wf_fail_events (fixture, "workflow.task.assigned");
  g_test_expect_message ("anju-server", G_LOG_LEVEL_WARNING, "*test listener fails*");
  failed = anju_wf_act (fixture, "community_ypl", id, &status, "{\"action\":\"approve\"}");
  g_test_assert_expected_messages ();
  anju_assert_error (status, failed, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal_error");
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *after = anju_test_db_dump (fixture->srv, tables[i]);

      g_assert_cmpstr (g_ptr_array_index (before, i), ==, after);
    }

  anju_wf_fail_events (fixture, NULL);
  moved = anju_wf_act_ok (fixture, "community_ypl", id, "{\"action\":\"approve\"}");
  g_assert_cmpstr (anju_test_json_string (moved, "current_step.key"), ==, "street_review");
}

/* ---- the C API of the domains (anju-workflow.h) ------------------------- */

/* A step hook as a domain would write one: it reads the record (here: a
 * field) and tells the process what it found. */
static gboolean
flag_subsidy_cb (const AnjuWorkflowHookContext  *context,
                 gpointer                        user_data,
                 GError                        **error)
{
  g_assert_cmpstr (context->step_key, ==, "intake");
  g_assert_cmpint (context->event, ==, ANJU_WORKFLOW_ON_ENTER);
  if (json_object_has_member (context->fields, "fail"))
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_CONFLICT, "the domain refuses");
      return FALSE;
    }
  json_object_set_boolean_member (context->fields, "subsidy", TRUE);
  json_object_set_int_member (context->fields, "hooked_record", context->record_id);
  return TRUE;
}

static void
register_hook (AnjuServer *server,
               gpointer    data)
{
  anju_workflow_register_hook (anju_workflow_get (server), "test.flag_subsidy",
                               ANJU_WORKFLOW_HOOK_STEP, "Flags subsidy applications",
                               flag_subsidy_cb, NULL, NULL);
}

typedef struct
{
  const char *template;
  gint64      record_id;
  const char *fields_json;
  gint64      admin_id;
  gint64      center_id;
  gint64      org_id;
  gboolean    ok;
  gint64      instance_id;
  char       *error_message;
  gint64      found_id;
  char       *found_state;
} CStart;

/* A domain's write transaction: its record (none here) and the process
 * start commit together. */
static void
start_from_c (AnjuServer *server,
              gpointer    data)
{
  CStart *start = data;
  AnjuDb *db = anju_server_get_db (server);
  AnjuWorkflow *workflow = anju_workflow_get (server);
  g_autofree char *center_path = g_strdup_printf ("/%" G_GINT64_FORMAT "/", start->center_id);
  AnjuAuditActor actor = {
    .actor_id = start->admin_id,
    .actor = "admin",
    .org_id = start->center_id,
    .org_path = center_path,
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert_true (json_parser_load_from_data (parser, start->fields_json, -1, NULL));
  g_assert_true (anju_db_begin (db, NULL));
  ok = anju_workflow_start (workflow, &actor, start->template, "test.capi.records",
                            start->record_id, "C 接口记录", start->org_id,
                            json_node_get_object (json_parser_get_root (parser)),
                            &start->instance_id, &error);
  start->ok = anju_transaction_end (db, ok, &error);
  if (!start->ok)
    start->error_message = g_strdup (error->message);
  g_clear_error (&error);
  g_assert_true (anju_workflow_find (workflow, "test.capi.records", start->record_id,
                                     &start->found_id, &start->found_state, &error));
}

static void
c_start_clear (CStart *start)
{
  g_clear_pointer (&start->error_message, g_free);
  g_clear_pointer (&start->found_state, g_free);
}

/* PRH-160: a domain starts its process from C, inside its own
 * transaction, and its hook steers the process. */
static void
test_c_api (AnjuWfFixture *fixture,
            gconstpointer  data)
{
  static const char *hooked =
    "[{\"key\":\"intake\",\"name\":\"受理\",\"role\":\"community_worker\","
    "\"level\":\"community\",\"actions\":[\"approve\"],\"on_enter\":\"test.flag_subsidy\","
    "\"branches\":[{\"when\":[{\"field\":\"subsidy\",\"op\":\"eq\",\"value\":true}],"
    "\"goto\":\"end\"}]},"
    "{\"key\":\"center_review\",\"name\":\"中心审批\",\"role\":\"center_staff\","
    "\"level\":\"center\",\"actions\":[\"approve\"]}]";
  g_autofree char *body = g_strdup_printf ("{\"steps\":%s}", hooked);
  g_autoptr(JsonNode) unknown = NULL;
  g_autoptr(JsonNode) hooks = NULL;
  g_autoptr(JsonNode) started = NULL;
  g_autoptr(JsonNode) completed = NULL;
  CStart good = {
    .template = "test.capi", .record_id = 7, .fields_json = "{\"applicant\":\"张*华\"}",
  };
  CStart refused = {
    .template = "test.capi", .record_id = 8, .fields_json = "{\"fail\":true}",
  };
  CStart no_template = {
    .template = "test.nothing", .record_id = 9, .fields_json = "{}",
  };
  CStart *starts[] = { &good, &refused, &no_template };
  guint status = 0;

  /* Templates may only name hooks the server has. */
  unknown = post_as (fixture, "admin", "/api/v1/workflow/templates/validate", &status, body);
  anju_assert_error (status, unknown, SOUP_STATUS_UNPROCESSABLE_ENTITY, "validation_failed");
  g_assert_true (has_field_error (unknown, "steps[0].on_enter"));
  anju_wf_run_on_server (fixture, register_hook, NULL);
  hooks = get_as (fixture, "street_ypl", &status, "/api/v1/workflow/hooks");
  g_assert_cmpint (anju_test_json_find (hooks, "items", "name", "test.flag_subsidy"), >=, 0);
  anju_wf_create_template (fixture, "test.capi", hooked, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      starts[i]->admin_id = anju_wf_user_id (fixture, "admin");
      starts[i]->center_id = anju_test_center_id (fixture->srv, anju_wf_token (fixture, "admin"));
      starts[i]->org_id = fixture->ypl_community;
      anju_wf_run_on_server (fixture, start_from_c, starts[i]);
    }

  g_assert_true (good.ok);
  g_assert_cmpint (good.found_id, ==, good.instance_id);
  g_assert_cmpstr (good.found_state, ==, "running");
  started = anju_wf_instance (fixture, "admin", good.instance_id);
  g_assert_cmpstr (anju_test_json_string (started, "domain"), ==, "test.capi.records");
  g_assert_cmpstr (anju_test_json_string (started, "submitter.name"), ==, "管理员");
  g_assert_true (anju_test_json_bool (started, "fields.subsidy"));
  g_assert_cmpint (anju_test_json_int (started, "fields.hooked_record"), ==, 7);
  g_assert_cmpstr (anju_test_json_string (started, "fields.applicant"), ==, "张*华");
  /* The hook's flag sends the approval straight to the end. */
  completed = anju_wf_act_ok (fixture, "community_ypl", good.instance_id,
                              "{\"action\":\"approve\"}");
  g_assert_cmpstr (anju_test_json_string (completed, "state"), ==, "completed");

  /* The hook's refusal rolls the whole start back. */
  g_assert_false (refused.ok);
  g_assert_cmpstr (refused.error_message, ==, "the domain refuses");
  g_assert_cmpint (refused.found_id, ==, 0);
  g_assert_null (refused.found_state);
  g_assert_cmpint (anju_wf_db_int (fixture, "SELECT COUNT(*) FROM workflow_instances"
                                   " WHERE record_id = 8 AND domain = 'test.capi.records'"), ==, 0);

  g_assert_false (no_template.ok);
  g_assert_nonnull (strstr (no_template.error_message, "test.nothing"));

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    c_start_clear (starts[i]);
}

typedef struct
{
  gint64   user_id;    /* to disable, or 0 */
  gboolean roll_back;  /* roll a write back first */
  guint    n_read;     /* out: answers the organisation cache read */
} OrgCacheProbe;

static void
probe_org_cache (AnjuServer *server,
                 gpointer    data)
{
  OrgCacheProbe *probe = data;

  if (probe->roll_back)
    {
      g_assert_true (anju_db_begin (anju_server_get_db (server), NULL));
      anju_db_rollback (anju_server_get_db (server));
    }
  if (probe->user_id != 0)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE users SET status = 'disabled'"
                                              " WHERE id = %" G_GINT64_FORMAT, probe->user_id);

      g_assert_true (anju_db_exec (anju_server_get_db (server), sql, NULL));
    }
  probe->n_read = anju_wf_org_cache_get_n_read (
    _anju_workflow_get_org_cache (anju_workflow_get (server)));
}

static guint
org_cache_reads_full (AnjuWfFixture *fixture,
                      gint64         disable_user_id,
                      gboolean       roll_back)
{
  OrgCacheProbe probe = { .user_id = disable_user_id, .roll_back = roll_back };

  anju_wf_run_on_server (fixture, probe_org_cache, &probe);
  return probe.n_read;
}

static guint
org_cache_reads (AnjuWfFixture *fixture,
                 gint64         disable_user_id)
{
  return org_cache_reads_full (fixture, disable_user_id, FALSE);
}

static gboolean
assigned_to (AnjuWfFixture *fixture,
             gint64         instance_id,
             gint64         user_id)
{
  g_autoptr(AnjuWfTestEvent) event = anju_wf_last_event (fixture, "workflow.task.assigned",
                                                         instance_id);

  g_assert_nonnull (event);
  return anju_wf_event_has_user (event, user_id);
}

/* The ancestors and role holders a start reads are kept between
 * operations, and never outlive a change to who holds which role or
 * who is active: such a change raises the identity generation. */
static void
test_org_cache (AnjuWfFixture *fixture,
                gconstpointer  data)
{
  gint64 community_id = anju_wf_user_id (fixture, "community_ypl");
  gint64 first, second, third, fourth, fifth, newcomer;
  guint reads;

  anju_wf_create_template (fixture, "test.orgcache", ANJU_WF_THREE_STEPS, NULL);
  first = anju_wf_start (fixture, "test.orgcache", 1, fixture->ypl_community, NULL);
  g_assert_true (assigned_to (fixture, first, community_id));
  reads = org_cache_reads (fixture, 0);
  g_assert_cmpuint (reads, >, 0);

  /* Nothing changed: the second start reads nothing again. */
  second = anju_wf_start (fixture, "test.orgcache", 2, fixture->ypl_community, NULL);
  g_assert_true (assigned_to (fixture, second, community_id));
  g_assert_cmpuint (org_cache_reads (fixture, 0), ==, reads);

  /* A new holder of the step's role is told of the next task. */
  newcomer = anju_wf_add_user (fixture, "cache_newcomer", fixture->ypl_community,
                               "community_worker");
  third = anju_wf_start (fixture, "test.orgcache", 3, fixture->ypl_community, NULL);
  g_assert_true (assigned_to (fixture, third, community_id));
  g_assert_true (assigned_to (fixture, third, newcomer));
  reads = org_cache_reads (fixture, newcomer);
  g_assert_cmpint (anju_wf_db_int (fixture, "SELECT COUNT(*) FROM users WHERE id = %"
                                   G_GINT64_FORMAT " AND status = 'disabled'", newcomer), ==, 1);

  /* Disabled, they are not. */
  fourth = anju_wf_start (fixture, "test.orgcache", 4, fixture->ypl_community, NULL);
  g_assert_true (assigned_to (fixture, fourth, community_id));
  g_assert_false (assigned_to (fixture, fourth, newcomer));
  g_assert_cmpuint (org_cache_reads (fixture, 0), >, reads);

  /* A write rolled back since they were read (it may have raised the
   * generation and taken the raise back) forgets them too. */
  reads = org_cache_reads_full (fixture, 0, TRUE);
  fifth = anju_wf_start (fixture, "test.orgcache", 5, fixture->ypl_community, NULL);
  g_assert_true (assigned_to (fixture, fifth, community_id));
  g_assert_cmpuint (org_cache_reads (fixture, 0), >, reads);
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

  add_test ("/workflow/templates/seeds", test_seed_templates);
  add_test ("/workflow/templates/validation", test_template_validation);
  add_test ("/workflow/templates/versions", test_template_versions);
  add_test ("/workflow/templates/delete", test_template_delete);
  add_test ("/workflow/templates/steps-cache", test_template_steps_cache);
  add_test ("/workflow/instances/start", test_start);
  add_test ("/workflow/instances/list", test_instance_list);
  add_test ("/workflow/instances/org-cache", test_org_cache);
  add_test ("/workflow/actions/matrix", test_action_matrix);
  add_test ("/workflow/actions/step-refuses", test_step_refuses_action);
  add_test ("/workflow/actions/reason-required", test_reason_required);
  add_test ("/workflow/actions/return-resubmit", test_return_and_resubmit);
  add_test ("/workflow/actions/transfer", test_transfer);
  add_test ("/workflow/actions/attachments", test_attachments);
  add_test ("/workflow/conditions", test_conditions);
  add_test ("/workflow/scope", test_scope);
  add_test ("/workflow/admin/pause-resume-cancel", test_pause_resume_cancel);
  add_test ("/workflow/hooks/record-result", test_record_result_hook);
  add_test ("/workflow/audit", test_audit);
  add_test ("/workflow/atomic", test_atomic);
  add_test ("/workflow/c-api", test_c_api);
  g_test_add ("/workflow/overdue/reminder", AnjuWfFixture, NULL, anju_wf_fixture_set_up_sweeping,
              test_overdue_reminder, anju_wf_fixture_tear_down);
  g_test_add ("/workflow/overdue/batches", AnjuWfFixture, NULL,
              anju_wf_fixture_set_up_sweeping_by_one, test_overdue_batches,
              anju_wf_fixture_tear_down);

  return g_test_run ();
}
