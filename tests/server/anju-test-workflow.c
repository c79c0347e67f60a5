/* anju-test-workflow.c: shortcuts over the workflow API for server tests. */

#include "anju-test-workflow.h"

#include "anju-event-bus.h"

#define HANG_GUARD_SECONDS 60
#define SECONDS_PER_DAY    (24 * 60 * 60)
#define READY_PASSWORD     "Ready#2026go"

void
anju_wf_test_event_free (AnjuWfTestEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->type);
  g_free (event->variables);
  g_clear_pointer (&event->user_ids, g_array_unref);
  g_free (event);
}

static AnjuWfTestEvent *
copy_event (const AnjuWfTestEvent *event)
{
  AnjuWfTestEvent *copy = g_new0 (AnjuWfTestEvent, 1);

  copy->type = g_strdup (event->type);
  copy->variables = g_strdup (event->variables);
  copy->user_ids = g_array_copy (event->user_ids);
  copy->instance_id = event->instance_id;
  return copy;
}

/* On the server's thread, inside the emitter's transaction. */
static gboolean
record_event_cb (const AnjuEvent  *event,
                 gpointer          user_data,
                 GError          **error)
{
  AnjuWfFixture *fixture = user_data;
  AnjuWfTestEvent *recorded = g_new0 (AnjuWfTestEvent, 1);
  g_autoptr(JsonNode) variables = NULL;
  gboolean failing;

  variables = json_node_init_object (json_node_alloc (), event->variables);
  recorded->type = g_strdup (event->type);
  recorded->variables = json_to_string (variables, FALSE);
  recorded->user_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (recorded->user_ids, event->user_ids, event->n_user_ids);
  recorded->instance_id = event->link_instance_id;

  g_mutex_lock (&fixture->lock);
  g_ptr_array_add (fixture->events, recorded);
  failing = g_strcmp0 (fixture->failing_event, event->type) == 0;
  g_mutex_unlock (&fixture->lock);

  if (failing)
    g_set_error (error, ANJU_ERROR, ANJU_ERROR_INTERNAL, "test listener fails %s", event->type);
  return !failing;
}

typedef struct
{
  AnjuServer  *server;
  void       (*func) (AnjuServer *server,
                      gpointer    data);
  gpointer     data;
  GMutex       lock;
  GCond        cond;
  gboolean     done;
} ServerCall;

static gboolean
server_call_cb (gpointer user_data)
{
  ServerCall *call = user_data;

  call->func (call->server, call->data);
  g_mutex_lock (&call->lock);
  call->done = TRUE;
  g_cond_signal (&call->cond);
  g_mutex_unlock (&call->lock);
  return G_SOURCE_REMOVE;
}

void
anju_wf_run_on_server (AnjuWfFixture  *fixture,
                       void          (*func) (AnjuServer *server,
                                              gpointer    data),
                       gpointer        data)
{
  ServerCall call = { fixture->srv->server, func, data };

  g_mutex_init (&call.lock);
  g_cond_init (&call.cond);
  g_main_context_invoke (fixture->srv->context, server_call_cb, &call);
  g_mutex_lock (&call.lock);
  while (!call.done)
    g_cond_wait (&call.cond, &call.lock);
  g_mutex_unlock (&call.lock);
  g_mutex_clear (&call.lock);
  g_cond_clear (&call.cond);
}

static void
add_listener (AnjuServer *server,
              gpointer    data)
{
  anju_event_bus_add_listener (anju_server_get_event_bus (server), record_event_cb, data, NULL);
}

void
anju_wf_fail_events (AnjuWfFixture *fixture,
                     const char    *type)
{
  g_mutex_lock (&fixture->lock);
  g_free (fixture->failing_event);
  fixture->failing_event = g_strdup (type);
  g_mutex_unlock (&fixture->lock);
}

static void
set_up_on (AnjuWfFixture  *fixture,
           AnjuTestServer *srv)
{
  const char *admin;

  fixture->srv = srv;
  fixture->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fixture->passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init (&fixture->lock);
  fixture->events = g_ptr_array_new_with_free_func ((GDestroyNotify) anju_wf_test_event_free);
  /* The bus belongs to the server's thread: add the recorder there. */
  anju_wf_run_on_server (fixture, add_listener, fixture);

  admin = anju_wf_token (fixture, "admin");
  fixture->ypl_community = anju_test_find_org (srv, admin, "银盆岭社区");
  fixture->wyh_community = anju_test_find_org (srv, admin, "望月湖第一社区");
  fixture->enterprise = anju_test_find_org (srv, admin, "湘江新区安居运营有限公司");
}

void
anju_wf_fixture_set_up (AnjuWfFixture *fixture,
                        gconstpointer  data)
{
  set_up_on (fixture, anju_test_server_start (TRUE));
}

static void
sweep_every_second (AnjuConfig *config,
                    gpointer    data)
{
  config->reminder_interval_seconds = 1;
}

void
anju_wf_fixture_set_up_sweeping (AnjuWfFixture *fixture,
                                 gconstpointer  data)
{
  set_up_on (fixture, anju_test_server_start_with (TRUE, sweep_every_second, NULL));
}

static void
sweep_every_second_by_one (AnjuConfig *config,
                           gpointer    data)
{
  config->reminder_interval_seconds = 1;
  config->sweep_batch_size = 1;
}

void
anju_wf_fixture_set_up_sweeping_by_one (AnjuWfFixture *fixture,
                                        gconstpointer  data)
{
  set_up_on (fixture, anju_test_server_start_with (TRUE, sweep_every_second_by_one, NULL));
}

void
anju_wf_fixture_tear_down (AnjuWfFixture *fixture,
                           gconstpointer  data)
{
  /* The server (and its listener) first, then what the listener fills. */
  g_clear_pointer (&fixture->srv, anju_test_server_stop);
  g_clear_pointer (&fixture->tokens, g_hash_table_unref);
  g_clear_pointer (&fixture->passwords, g_hash_table_unref);
  g_clear_pointer (&fixture->events, g_ptr_array_unref);
  g_clear_pointer (&fixture->failing_event, g_free);
  g_mutex_clear (&fixture->lock);
}

const char *
anju_wf_token (AnjuWfFixture *fixture,
               const char    *username)
{
  const char *token = g_hash_table_lookup (fixture->tokens, username);
  const char *password = g_hash_table_lookup (fixture->passwords, username);

  if (token == NULL)
    {
      char *new_token = anju_test_login (fixture->srv, username,
                                         password != NULL ? password : ANJU_TEST_DEMO_PASSWORD);

      g_hash_table_insert (fixture->tokens, g_strdup (username), new_token);
      token = new_token;
    }
  return token;
}

gint64
anju_wf_add_user_with_role (AnjuWfFixture *fixture,
                            const char    *username,
                            gint64         org_id,
                            gint64         role_id)
{
  const char *admin = anju_wf_token (fixture, "admin");
  char *token = anju_test_make_ready_user (fixture->srv, admin, username, org_id, role_id,
                                           READY_PASSWORD);

  g_hash_table_replace (fixture->tokens, g_strdup (username), token);
  g_hash_table_replace (fixture->passwords, g_strdup (username), g_strdup (READY_PASSWORD));
  return anju_test_find_user (fixture->srv, admin, username);
}

gint64
anju_wf_add_user (AnjuWfFixture *fixture,
                  const char    *username,
                  gint64         org_id,
                  const char    *role_code)
{
  gint64 role = anju_test_find_role (fixture->srv, anju_wf_token (fixture, "admin"), role_code);

  return anju_wf_add_user_with_role (fixture, username, org_id, role);
}

void
anju_wf_advance_days (AnjuWfFixture *fixture,
                      int            days)
{
  anju_clock_advance (fixture->srv->clock, (gint64) days * SECONDS_PER_DAY * G_USEC_PER_SEC);
  /* Idle sessions end long before a day has passed. */
  g_hash_table_remove_all (fixture->tokens);
}

gint64
anju_wf_user_id (AnjuWfFixture *fixture,
                 const char    *username)
{
  return anju_test_find_user (fixture->srv, anju_wf_token (fixture, "admin"), username);
}

gint64
anju_wf_create_template (AnjuWfFixture *fixture,
                         const char    *code,
                         const char    *steps_json,
                         const char    *on_complete)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *hook = on_complete != NULL ? g_strdup_printf ("\"%s\"", on_complete)
                                              : g_strdup ("null");
  guint status = 0;

  reply = anju_test_requestf (fixture->srv, anju_wf_token (fixture, "admin"), "POST",
                              "/api/v1/workflow/templates", &status,
                              "{\"code\":\"%s\",\"name\":\"测试流程 %s\",\"domain\":\"test.records\","
                              "\"description\":\"tests\",\"on_complete\":%s,\"steps\":%s}",
                              code, code, hook, steps_json);
  anju_assert_status (status, SOUP_STATUS_CREATED, reply);
  g_assert_cmpint (anju_test_json_int (reply, "version"), ==, 1);
  return anju_test_json_int (reply, "id");
}

gint64
anju_wf_start (AnjuWfFixture *fixture,
               const char    *code,
               gint64         record_id,
               gint64         org_id,
               const char    *fields_json)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_requestf (fixture->srv, anju_wf_token (fixture, "admin"), "POST",
                              "/api/v1/workflow/instances", &status,
                              "{\"template\":\"%s\",\"record_id\":%" G_GINT64_FORMAT ","
                              "\"record_label\":\"测试记录 %" G_GINT64_FORMAT "\","
                              "\"org_id\":%" G_GINT64_FORMAT ",\"fields\":%s}",
                              code, record_id, record_id, org_id,
                              fields_json != NULL ? fields_json : "null");
  anju_assert_status (status, SOUP_STATUS_CREATED, reply);
  g_assert_cmpstr (anju_test_json_string (reply, "state"), ==, "running");
  return anju_test_json_int (reply, "id");
}

static JsonNode *
act_va (AnjuWfFixture *fixture,
        const char    *username,
        gint64         instance_id,
        guint         *out_status,
        const char    *body_format,
        va_list        args)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/workflow/instances/%" G_GINT64_FORMAT
                                           "/actions", instance_id);
  g_autofree char *body = g_strdup_vprintf (body_format, args);

  return anju_test_request (fixture->srv, anju_wf_token (fixture, username), "POST", path, body,
                            out_status);
}

JsonNode *
anju_wf_act (AnjuWfFixture *fixture,
             const char    *username,
             gint64         instance_id,
             guint         *out_status,
             const char    *body_format,
             ...)
{
  JsonNode *reply;
  va_list args;

  va_start (args, body_format);
  reply = act_va (fixture, username, instance_id, out_status, body_format, args);
  va_end (args);
  return reply;
}

JsonNode *
anju_wf_act_ok (AnjuWfFixture *fixture,
                const char    *username,
                gint64         instance_id,
                const char    *body_format,
                ...)
{
  JsonNode *reply;
  guint status = 0;
  va_list args;

  va_start (args, body_format);
  reply = act_va (fixture, username, instance_id, &status, body_format, args);
  va_end (args);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  return reply;
}

JsonNode *
anju_wf_instance (AnjuWfFixture *fixture,
                  const char    *username,
                  gint64         instance_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/workflow/instances/%" G_GINT64_FORMAT,
                                           instance_id);
  JsonNode *reply;
  guint status = 0;

  reply = anju_test_request (fixture->srv, anju_wf_token (fixture, username), "GET", path, NULL,
                             &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  return reply;
}

void
anju_wf_assert_refused (guint     status,
                        JsonNode *reply)
{
  anju_assert_error (status, reply, SOUP_STATUS_CONFLICT, "conflict");
  g_assert_cmpstr (anju_test_json_string (reply, "error.message"), !=, "");
}

gint64
anju_wf_db_int (AnjuWfFixture *fixture,
                const char    *sql_format,
                ...)
{
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, sql_format);
  sql = g_strdup_vprintf (sql_format, args);
  va_end (args);
  text = anju_test_db_query (fixture->srv, sql);
  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

static gboolean
event_matches (const AnjuWfTestEvent *event,
               const char            *type,
               gint64                 instance_id)
{
  return g_str_equal (event->type, type) && event->instance_id == instance_id;
}

guint
anju_wf_count_events (AnjuWfFixture *fixture,
                      const char    *type,
                      gint64         instance_id)
{
  guint count = 0;

  g_mutex_lock (&fixture->lock);
  for (guint i = 0; i < fixture->events->len; i++)
    if (event_matches (g_ptr_array_index (fixture->events, i), type, instance_id))
      count++;
  g_mutex_unlock (&fixture->lock);
  return count;
}

AnjuWfTestEvent *
anju_wf_last_event (AnjuWfFixture *fixture,
                    const char    *type,
                    gint64         instance_id)
{
  AnjuWfTestEvent *found = NULL;

  g_mutex_lock (&fixture->lock);
  for (guint i = fixture->events->len; found == NULL && i > 0; i--)
    if (event_matches (g_ptr_array_index (fixture->events, i - 1), type, instance_id))
      found = copy_event (g_ptr_array_index (fixture->events, i - 1));
  g_mutex_unlock (&fixture->lock);
  return found;
}

gboolean
anju_wf_event_has_user (const AnjuWfTestEvent *event,
                        gint64                 user_id)
{
  for (guint i = 0; i < event->user_ids->len; i++)
    if (g_array_index (event->user_ids, gint64, i) == user_id)
      return TRUE;
  return FALSE;
}

typedef struct
{
  AnjuWfFixture *fixture;
  gboolean     (*ready) (AnjuWfFixture *fixture,
                         gpointer       data);
  gpointer       data;
  GMainLoop     *loop;
  gint64         deadline;
} Waiting;

static gboolean
check_ready_cb (gpointer user_data)
{
  Waiting *waiting = user_data;

  if (waiting->ready (waiting->fixture, waiting->data))
    {
      g_main_loop_quit (waiting->loop);
      return G_SOURCE_REMOVE;
    }
  if (g_get_monotonic_time () > waiting->deadline)
    g_error ("the server did not get there within %d seconds", HANG_GUARD_SECONDS);
  return G_SOURCE_CONTINUE;
}

void
anju_wf_wait_until (AnjuWfFixture  *fixture,
                    gboolean      (*ready) (AnjuWfFixture *fixture,
                                            gpointer       data),
                    gpointer        data)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (context, FALSE);
  g_autoptr(GSource) source = g_timeout_source_new (50);
  Waiting waiting = {
    .fixture = fixture,
    .ready = ready,
    .data = data,
    .loop = loop,
    .deadline = g_get_monotonic_time () + HANG_GUARD_SECONDS * G_USEC_PER_SEC,
  };

  if (ready (fixture, data))
    return;
  g_source_set_callback (source, check_ready_cb, &waiting, NULL);
  g_source_attach (source, context);
  g_main_loop_run (loop);
  g_source_destroy (source);
}
