/* test-review-flow.c: the review of public rental applications after
 * submission, over HTTPS with the server's clock moved (docs/api.md
 * "Review, publicity and announcement"; F-PRH-005 publicity and
 * announcements, F-PRH-006 confirmation form, F-PRH-008 eligibility
 * review, F-PRH-003 withdrawal and progress, F-PRH-002 directed).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "anju-application-test.h"
#include "anju-clock.h"
#include "anju-fake-sms.h"

#define SECONDS_PER_DAY  (24 * 60 * 60)
#define WAIT_SECONDS     60
#define PUBLICITY        "/api/v1/pubrent/publicity"
#define APPLICANT_PHONE  "13812345678"
#define PROGRESS_LIMIT   5

typedef struct
{
  AnjuTestServer *srv;
  AnjuFakeSms    *fake;
  char           *community;   /* community_ypl: enters open applications */
  char           *street;      /* street_ypl: street review */
  char           *center;      /* center: the center's three steps */
  char           *employer;    /* employer: directed applications */
} Flow;

static void
edit_config (AnjuConfig *config,
             gpointer    data)
{
  anju_fake_sms_configure (data, config);
  config->sms_dispatch_interval_seconds = 1;
  config->pubrent_sweep_interval_seconds = 1;
  config->pubrent_progress_per_minute = PROGRESS_LIMIT;
}

static void log_in (Flow *flow);

static void
flow_set_up (Flow          *flow,
             gconstpointer  data)
{
  flow->fake = anju_fake_sms_start (0);
  flow->srv = anju_test_server_start_with (TRUE, edit_config, flow->fake);
  anju_test_db_drop_orphan_processes (flow->srv);
  log_in (flow);
}

static void
flow_tear_down (Flow          *flow,
                gconstpointer  data)
{
  g_free (flow->community);
  g_free (flow->street);
  g_free (flow->center);
  g_free (flow->employer);
  g_clear_pointer (&flow->srv, anju_test_server_stop);
  g_clear_pointer (&flow->fake, anju_fake_sms_stop);
}

/* ---- helpers --------------------------------------------------------------- */

static char *
status_sql (gint64 id)
{
  return g_strdup_printf ("SELECT status FROM pubrent_applications WHERE id = %" G_GINT64_FORMAT,
                          id);
}

/* Waits until sql reads expected: the sweep runs in the server's thread
 * every second, so the test waits for it (a hang guard, not a timing
 * assertion). */
static void
wait_for_db (Flow       *flow,
             const char *sql,
             const char *expected)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  g_autofree char *value = NULL;

  while (TRUE)
    {
      g_free (value);
      value = anju_test_db_query (flow->srv, sql);
      if (g_strcmp0 (value, expected) == 0)
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("%s reads %s, expected %s", sql, value, expected);
      g_usleep (20 * 1000);
    }
}

static void
wait_for_status (Flow       *flow,
                 gint64      id,
                 const char *status)
{
  g_autofree char *sql = status_sql (id);

  wait_for_db (flow, sql, status);
}

static char *db_value (Flow       *flow,
                       const char *format,
                       ...) G_GNUC_PRINTF (2, 3);

/* The first value sql (a printf format) reads. */
static char *
db_value (Flow       *flow,
          const char *format,
          ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return anju_test_db_query (flow->srv, sql);
}

static void
log_in (Flow *flow)
{
  g_free (flow->community);
  g_free (flow->street);
  g_free (flow->center);
  g_free (flow->employer);
  flow->community = anju_test_login_demo (flow->srv, "community_ypl");
  flow->street = anju_test_login_demo (flow->srv, "street_ypl");
  flow->center = anju_test_login_demo (flow->srv, "center");
  flow->employer = anju_test_login_demo (flow->srv, "employer");
}

/* Days go by; the sessions of the morning have ended, so everyone signs
 * in again. */
static void
advance_days (Flow *flow,
              int   days)
{
  anju_clock_advance (flow->srv->clock, (gint64) days * SECONDS_PER_DAY * G_USEC_PER_SEC);
  log_in (flow);
}

/* A household of one (the applicant) that passes every pre-review rule:
 * a Changsha hukou for five years, low income and area. */
static gint64
create_application (Flow       *flow,
                    const char *token,
                    const char *business_type,
                    const char *name,
                    const char *seq)
{
  g_autofree char *id_no = anju_app_test_id ("19880512", seq);
  g_autofree char *extra = g_strdup_printf (
    ",\"employer_name\":\"湖南湘江智造科技有限公司\","
    "\"members\":[{\"relation\":\"self\",\"name\":\"%s\",\"id_doc_type\":\"resident_id\","
    "\"id_no\":\"%s\",\"hukou_years\":5}]",
    name, id_no);
  g_autofree char *body = anju_app_test_body (business_type, name, id_no, extra);

  return anju_app_test_create (flow->srv, token, body);
}

static JsonNode *
submit (Flow       *flow,
        const char *token,
        gint64      id)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_item_request (flow->srv, token, "POST", APPLICATIONS, id, "submit", NULL,
                                  &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  return g_steal_pointer (&reply);
}

static gint64
instance_of (Flow   *flow,
             gint64  id)
{
  g_autofree char *value = db_value (flow,
                                     "SELECT max(id) FROM workflow_instances"
                                     " WHERE domain = 'pubrent.application'"
                                     " AND record_id = %" G_GINT64_FORMAT,
                                     id);

  g_assert_nonnull (value);
  return g_ascii_strtoll (value, NULL, 10);
}

/* POST an action on the application's process; returns the status. */
static guint
act (Flow       *flow,
     const char *token,
     gint64      id,
     const char *action,
     const char *comment)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/workflow/instances/%" G_GINT64_FORMAT
                                           "/actions", instance_of (flow, id));
  guint status = 0;

  if (comment != NULL)
    reply = anju_test_requestf (flow->srv, token, "POST", path, &status,
                                "{\"action\":\"%s\",\"comment\":\"%s\"}", action, comment);
  else
    reply = anju_test_requestf (flow->srv, token, "POST", path, &status,
                                "{\"action\":\"%s\"}", action);
  return status;
}

static void
approve (Flow       *flow,
         const char *token,
         gint64      id)
{
  g_assert_cmpuint (act (flow, token, id, "approve", "同意"), ==, SOUP_STATUS_OK);
}

/* The open publicity of kind for the application, its id. */
static gint64
publicity_of (Flow       *flow,
              gint64      id,
              const char *kind)
{
  g_autofree char *sql = g_strdup_printf ("SELECT max(id) FROM pubrent_publicity"
                                          " WHERE application_id = %" G_GINT64_FORMAT
                                          " AND kind = '%s'", id, kind);
  g_autofree char *value = anju_test_db_query (flow->srv, sql);

  g_assert_nonnull (value);
  return g_ascii_strtoll (value, NULL, 10);
}

static JsonNode *
timeline (Flow       *flow,
          const char *token,
          gint64      id)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_item_request (flow->srv, token, "GET", APPLICATIONS, id, "timeline", NULL,
                                  &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  return g_steal_pointer (&reply);
}

static const char *
node_state (JsonNode   *timeline,
            const char *key)
{
  int index = anju_test_json_find (timeline, "nodes", "key", key);
  g_autofree char *path = NULL;

  g_assert_cmpint (index, >=, 0);
  path = g_strdup_printf ("nodes.%d.state", index);
  return anju_test_json_string (timeline, path);
}

/* Street review and the street publicity period without objection. */
static void
through_street (Flow   *flow,
                gint64  id)
{
  approve (flow, flow->street, id);
  wait_for_status (flow, id, "street_publicity");
  advance_days (flow, 8);
  wait_for_status (flow, id, "center_review");
}

static void
through_center (Flow   *flow,
                gint64  id)
{
  approve (flow, flow->center, id);
  approve (flow, flow->center, id);
  approve (flow, flow->center, id);
  wait_for_status (flow, id, "announcement");
}

/* ---- the full path, per business type -------------------------------------- */

typedef struct
{
  const char *business_type;
  const char *seq;
  gboolean    directed;
} PathCase;

static const PathCase path_cases[] = {
  { "open_physical", "011", FALSE },
  { "open_subsidy", "021", FALSE },
  { "directed_physical", "031", TRUE },
  { "directed_subsidy", "041", TRUE },
};

/* F-PRH-008, F-PRH-005, F-PRH-006: submission → street review → street
 * publicity (ends by the clock) → center first, second review and
 * decision → New Area announcement (ends by the clock) → confirmed, with
 * the confirmation form and a text to the applicant. */
static void
test_full_path (Flow          *flow,
                gconstpointer  data)
{
  const PathCase *path = data;
  const char *entering = path->directed ? flow->employer : flow->community;
  g_autoptr(JsonNode) submitted = NULL;
  g_autoptr(JsonNode) line = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *application_no = NULL;
  g_autofree char *inbox = NULL;
  gint64 id = create_application (flow, entering, path->business_type, "王晓芳", path->seq);
  gboolean found = FALSE;

  submitted = submit (flow, entering, id);
  g_assert_cmpstr (anju_test_json_string (submitted, "status"), ==,
                   path->directed ? "center_review" : "street_review");
  application_no = g_strdup (anju_test_json_string (submitted, "application_no"));

  if (!path->directed)
    {
      /* Street publicity ends by the clock, not by the street's hand. */
      approve (flow, flow->street, id);
      wait_for_status (flow, id, "street_publicity");
      g_assert_cmpuint (act (flow, flow->street, id, "approve", "提前通过"), ==,
                        SOUP_STATUS_CONFLICT);
      advance_days (flow, 8);
      wait_for_status (flow, id, "center_review");
      {
        g_autofree char *passed = db_value (flow, "SELECT passed FROM pubrent_publicity"
                                            " WHERE application_id = %" G_GINT64_FORMAT
                                            " AND kind = 'street'", id);

        g_assert_cmpstr (passed, ==, "1");
      }
    }
  through_center (flow, id);

  /* The announcement runs its period, then the sweep confirms. */
  advance_days (flow, 8);
  wait_for_status (flow, id, "confirmed");
  {
    g_autofree char *confirmed_at = db_value (flow, "SELECT confirmed_at IS NOT NULL AND"
                                              " decided_at IS NOT NULL FROM pubrent_applications"
                                              " WHERE id = %" G_GINT64_FORMAT, id);

    g_assert_cmpstr (confirmed_at, ==, "1");
  }
  documents = db_value (flow, "SELECT COUNT(*) FROM pubrent_document_applications da"
                        " JOIN pubrent_documents d ON d.id = da.document_id"
                        " WHERE d.kind = 'confirmation' AND da.application_id = %"
                        G_GINT64_FORMAT, id);
  g_assert_cmpstr (documents, ==, "1");

  /* The applicant's phone gets the text at the fake gateway. */
  for (guint n = 1; !found; n++)
    {
      anju_fake_sms_wait_for (flow->fake, n);
      {
        g_autoptr(JsonNode) record = anju_fake_sms_get (flow->fake, n - 1);
        const char *text = anju_test_json_string (record, "text");

        found = g_str_equal (anju_test_json_string (record, "phone"), APPLICANT_PHONE)
                && strstr (text, application_no) != NULL && strstr (text, "资格确认") != NULL;
      }
    }
  /* … and the organisation that entered it its inbox. */
  inbox = db_value (flow, "SELECT COUNT(*) FROM messages m JOIN users u ON u.id = m.user_id"
                    " WHERE m.event = 'pubrent.application.confirmed'"
                    " AND m.link_record_id = %" G_GINT64_FORMAT
                    " AND u.org_id = (SELECT org_id FROM pubrent_applications WHERE id = m.link_record_id)",
                    id);
  g_assert_cmpint (g_ascii_strtoll (inbox, NULL, 10), >=, 1);

  /* The timeline shows every node; directed ones skip the street. */
  line = timeline (flow, flow->center, id);
  g_assert_cmpuint (anju_test_json_length (line, "nodes"), ==, 9);
  g_assert_cmpstr (node_state (line, "submitted"), ==, "done");
  g_assert_cmpstr (node_state (line, "prereview"), ==, "done");
  g_assert_cmpstr (node_state (line, "street_review"), ==, path->directed ? "skipped" : "done");
  g_assert_cmpstr (node_state (line, "street_publicity"), ==,
                   path->directed ? "skipped" : "done");
  g_assert_cmpstr (node_state (line, "center_first"), ==, "done");
  g_assert_cmpstr (node_state (line, "center_decision"), ==, "done");
  g_assert_cmpstr (node_state (line, "announcement"), ==, "done");
  g_assert_cmpstr (node_state (line, "confirmed"), ==, "done");
  {
    int index = anju_test_json_find (line, "nodes", "key", "center_first");
    g_autofree char *owner = g_strdup_printf ("nodes.%d.owner.name", index);
    g_autofree char *opinion = g_strdup_printf ("nodes.%d.opinion", index);

    g_assert_cmpstr (anju_test_json_string (line, owner), ==, "周敏");
    g_assert_cmpstr (anju_test_json_string (line, opinion), ==, "同意");
  }
}

/* ---- objections during publicity ------------------------------------------- */

static gint64
record_objection (Flow   *flow,
                  gint64  publicity_id)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_item_request (flow->srv, flow->street, "POST", PUBLICITY, publicity_id,
                                  "objections",
                                  "{\"content\":\"申请人名下有商品房\",\"method\":\"phone\","
                                  "\"reporter_name\":\"张三\",\"reporter_phone\":\"13900001111\"}",
                                  &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, reply);
  g_assert_cmpstr (anju_test_json_string (reply, "result"), ==, "pending");
  g_assert_cmpstr (anju_test_json_string (reply, "reporter_phone"), ==, "139****1111");
  return anju_test_json_int (reply, "id");
}

static void
verify (Flow       *flow,
        gint64      objection_id,
        const char *result)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/pubrent/objections/%" G_GINT64_FORMAT
                                           "/verify", objection_id);
  guint status = 0;

  reply = anju_test_requestf (flow->srv, flow->street, "POST", path, &status,
                              "{\"result\":\"%s\",\"method\":\"visit\",\"opinion\":\"已入户核实\"}",
                              result);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  g_assert_cmpstr (anju_test_json_string (reply, "result"), ==, result);
}

/* F-PRH-005: a pending objection holds the publicity open past its
 * period; a substantiated one fails it and the street rejects; an
 * unfounded one lets the process move on. */
static void
test_objections (Flow          *flow,
                 gconstpointer  data)
{
  gint64 held = create_application (flow, flow->community, "open_physical", "李建国", "051");
  gint64 cleared = create_application (flow, flow->community, "open_subsidy", "赵丽", "062");
  gint64 control = create_application (flow, flow->community, "open_subsidy", "钱芳", "064");
  g_autoptr(JsonNode) detail = NULL;
  g_autoptr(JsonNode) late = NULL;
  g_autofree char *passed = NULL;
  g_autofree char *held_sql = NULL;
  gint64 held_publicity, cleared_publicity, first, second;
  guint status = 0;

  json_node_unref (submit (flow, flow->community, held));
  json_node_unref (submit (flow, flow->community, cleared));
  json_node_unref (submit (flow, flow->community, control));
  approve (flow, flow->street, held);
  approve (flow, flow->street, cleared);
  approve (flow, flow->street, control);
  held_publicity = publicity_of (flow, held, "street");
  cleared_publicity = publicity_of (flow, cleared, "street");

  first = record_objection (flow, held_publicity);
  second = record_objection (flow, cleared_publicity);
  detail = anju_test_item_request (flow->srv, flow->street, "GET", PUBLICITY, held_publicity,
                                   NULL, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, detail);
  g_assert_cmpint (anju_test_json_int (detail, "pending_objections"), ==, 1);
  g_assert_cmpuint (anju_test_json_length (detail, "objections"), ==, 1);
  g_assert_true (anju_test_json_is_null (detail, "passed"));
  g_assert_cmpstr (anju_test_json_string (detail, "state"), ==, "open");

  /* The period is over: the control moves on, pending objections hold
   * the other two, and objections can no longer come in. */
  advance_days (flow, 8);
  wait_for_status (flow, control, "center_review");
  held_sql = status_sql (held);
  g_free (passed);
  passed = anju_test_db_query (flow->srv, held_sql);
  g_assert_cmpstr (passed, ==, "street_publicity");
  late = anju_test_item_request (flow->srv, flow->street, "POST", PUBLICITY, held_publicity,
                                 "objections", "{\"content\":\"迟到的举报\",\"method\":\"letter\"}",
                                 &status);
  anju_assert_status (status, SOUP_STATUS_CONFLICT, late);

  /* Substantiated: passed false, the task stays with the street. */
  verify (flow, first, "substantiated");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT passed FROM pubrent_publicity WHERE id = %"
                                            G_GINT64_FORMAT, held_publicity);

    wait_for_db (flow, sql, "0");
  }
  wait_for_status (flow, held, "street_publicity");
  g_assert_cmpuint (act (flow, flow->street, held, "reject", NULL), ==,
                    SOUP_STATUS_UNPROCESSABLE_ENTITY);
  g_assert_cmpuint (act (flow, flow->street, held, "reject", "举报查证属实，不符合条件"), ==,
                    SOUP_STATUS_OK);
  wait_for_status (flow, held, "rejected");

  /* Unfounded: the sweep ends it and the center takes over. */
  verify (flow, second, "unfounded");
  wait_for_status (flow, cleared, "center_review");
  g_free (passed);
  passed = db_value (flow, "SELECT passed FROM pubrent_publicity WHERE id = %" G_GINT64_FORMAT,
                     cleared_publicity);
  g_assert_cmpstr (passed, ==, "1");
}

/* ---- rejection and resubmission -------------------------------------------- */

/* F-PRH-008: the center rejects only with a reason; the entering
 * organisation may then submit again, which starts a new process. */
static void
test_reject_and_resubmit (Flow          *flow,
                          gconstpointer  data)
{
  gint64 id = create_application (flow, flow->community, "open_subsidy", "孙丽", "072");
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) line = NULL;
  g_autofree char *archived = NULL;

  json_node_unref (submit (flow, flow->community, id));
  through_street (flow, id);
  g_assert_cmpuint (act (flow, flow->center, id, "reject", NULL), ==,
                    SOUP_STATUS_UNPROCESSABLE_ENTITY);
  g_assert_cmpuint (act (flow, flow->center, id, "reject", "家庭人均收入超标"), ==,
                    SOUP_STATUS_OK);
  wait_for_status (flow, id, "rejected");
  line = timeline (flow, flow->community, id);
  g_assert_cmpstr (node_state (line, "center_first"), ==, "failed");

  again = submit (flow, flow->community, id);
  g_assert_cmpstr (anju_test_json_string (again, "status"), ==, "street_review");
  archived = db_value (flow, "SELECT COUNT(*) FROM workflow_instances"
                       " WHERE domain = 'pubrent.application' AND record_id = %" G_GINT64_FORMAT,
                       id);
  g_assert_cmpstr (archived, ==, "2");
  through_street (flow, id);
  through_center (flow, id);
}

/* ---- withdrawal ---------------------------------------------------------------- */

static guint
withdraw (Flow       *flow,
          const char *token,
          gint64      id,
          const char *body)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_item_request (flow->srv, token, "POST", APPLICATIONS, id, "withdraw", body,
                                  &status);
  return status;
}

/* F-PRH-003: withdrawn before the decision (with the process, and as a
 * draft without one), refused after it; a reason is required. */
static void
test_withdraw (Flow          *flow,
               gconstpointer  data)
{
  gint64 live = create_application (flow, flow->community, "open_physical", "周平", "083");
  gint64 draft = create_application (flow, flow->community, "open_physical", "吴兰", "094");
  gint64 decided = create_application (flow, flow->employer, "directed_subsidy", "陈军", "105");
  g_autofree char *state = NULL;

  json_node_unref (submit (flow, flow->community, live));
  approve (flow, flow->street, live);
  wait_for_status (flow, live, "street_publicity");

  g_assert_cmpuint (withdraw (flow, flow->community, live, "{}"), ==,
                    SOUP_STATUS_UNPROCESSABLE_ENTITY);
  g_assert_cmpuint (withdraw (flow, flow->employer, live, "{\"reason\":\"不想申请了\"}"), ==,
                    SOUP_STATUS_NOT_FOUND);
  g_assert_cmpuint (withdraw (flow, flow->community, live, "{\"reason\":\"申请人已购房\"}"), ==,
                    SOUP_STATUS_OK);
  wait_for_status (flow, live, "withdrawn");
  state = db_value (flow, "SELECT state FROM workflow_instances WHERE id = %" G_GINT64_FORMAT,
                    instance_of (flow, live));
  g_assert_cmpstr (state, ==, "withdrawn");
  g_free (state);
  state = db_value (flow, "SELECT closed_at IS NOT NULL FROM pubrent_publicity"
                    " WHERE application_id = %" G_GINT64_FORMAT, live);
  g_assert_cmpstr (state, ==, "1");

  g_assert_cmpuint (withdraw (flow, flow->community, draft, "{\"reason\":\"重复录入\"}"), ==,
                    SOUP_STATUS_OK);
  wait_for_status (flow, draft, "withdrawn");
  g_assert_cmpuint (withdraw (flow, flow->community, draft, "{\"reason\":\"再次\"}"), ==,
                    SOUP_STATUS_CONFLICT);

  /* After the decision: 409. */
  json_node_unref (submit (flow, flow->employer, decided));
  through_center (flow, decided);
  g_assert_cmpuint (withdraw (flow, flow->employer, decided, "{\"reason\":\"太晚了\"}"), ==,
                    SOUP_STATUS_CONFLICT);
}

/* ---- the citizens' progress query ---------------------------------------- */

static JsonNode *
progress (Flow       *flow,
          const char *number,
          const char *phone,
          guint      *out_status)
{
  return anju_test_requestf (flow->srv, NULL, "POST", "/api/v1/public/pubrent/progress",
                             out_status, "{\"application_no\":\"%s\",\"phone\":\"%s\"}", number,
                             phone);
}

/* F-PRH-003: no sign-in; the right pair answers the masked name and the
 * timeline without owners or opinions; a wrong phone is a 404; past the
 * limit a minute, 429 until the minute is over. */
static void
test_progress (Flow          *flow,
               gconstpointer  data)
{
  gint64 id = create_application (flow, flow->community, "open_physical", "欧阳晓明", "117");
  g_autoptr(JsonNode) submitted = submit (flow, flow->community, id);
  const char *number = anju_test_json_string (submitted, "application_no");
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) wrong = NULL;
  g_autoptr(JsonNode) limited = NULL;
  g_autoptr(JsonNode) later = NULL;
  guint status = 0;

  answer = progress (flow, number, APPLICANT_PHONE, &status);
  anju_assert_status (status, SOUP_STATUS_OK, answer);
  g_assert_cmpstr (anju_test_json_string (answer, "applicant_name"), !=, "欧阳晓明");
  g_assert_true (g_str_has_prefix (anju_test_json_string (answer, "applicant_name"), "欧"));
  g_assert_cmpstr (anju_test_json_string (answer, "status"), ==, "street_review");
  g_assert_cmpstr (node_state (anju_test_json_lookup (answer, "timeline"), "street_review"), ==,
                   "current");
  g_assert_false (anju_test_json_has (answer, "timeline.nodes.0.owner"));
  g_assert_false (anju_test_json_has (answer, "timeline.nodes.0.opinion"));

  wrong = progress (flow, number, "13900000000", &status);
  anju_assert_status (status, SOUP_STATUS_NOT_FOUND, wrong);
  for (guint i = 2; i < PROGRESS_LIMIT; i++)
    {
      g_autoptr(JsonNode) again = progress (flow, number, APPLICANT_PHONE, &status);

      anju_assert_status (status, SOUP_STATUS_OK, again);
    }
  limited = progress (flow, number, APPLICANT_PHONE, &status);
  g_assert_cmpuint (status, ==, 429);

  anju_clock_advance (flow->srv->clock, 61 * G_USEC_PER_SEC);
  later = progress (flow, number, APPLICANT_PHONE, &status);
  anju_assert_status (status, SOUP_STATUS_OK, later);
}

int
main (int   argc,
      char *argv[])
{
  anju_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (path_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/pubrent/review/full-path/%s F-PRH-006",
                                               path_cases[i].business_type);

      g_test_add (name, Flow, &path_cases[i], flow_set_up, test_full_path, flow_tear_down);
    }
  g_test_add ("/pubrent/review/objections F-PRH-005", Flow, NULL, flow_set_up, test_objections,
              flow_tear_down);
  g_test_add ("/pubrent/review/reject-and-resubmit F-PRH-008", Flow, NULL, flow_set_up,
              test_reject_and_resubmit, flow_tear_down);
  g_test_add ("/pubrent/review/withdraw F-PRH-003", Flow, NULL, flow_set_up, test_withdraw,
              flow_tear_down);
  g_test_add ("/pubrent/review/progress F-PRH-003", Flow, NULL, flow_set_up, test_progress,
              flow_tear_down);
  return g_test_run ();
}
