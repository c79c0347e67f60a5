/* anju-test-workflow.h: shortcuts over the workflow API for server tests.
 *
 * A demo server (docs/demo.md) whose accounts sign in when a test first
 * needs them, helpers that go through HTTPS like a client and fail the
 * test on any unexpected answer, and a recorder of the events the engine
 * emits (the listener runs on the server's thread).
 */
#pragma once

#include "anju-test-identity.h"

G_BEGIN_DECLS

typedef struct
{
  AnjuTestServer *srv;
  GHashTable     *tokens;          /* username → token */
  GHashTable     *passwords;       /* username → password, of users tests made */
  gint64          ypl_community;   /* 银盆岭社区 (银盆岭街道) */
  gint64          wyh_community;   /* 望月湖第一社区 (望月湖街道) */
  gint64          enterprise;      /* 湘江新区安居运营有限公司 */
  GMutex          lock;
  GPtrArray      *events;          /* (owned) of AnjuWfTestEvent, under lock */
  char           *failing_event;   /* (owned) (nullable) type the recorder fails, under lock */
} AnjuWfFixture;

typedef struct
{
  char   *type;
  char   *variables;    /* JSON text */
  GArray *user_ids;     /* of gint64 */
  gint64  instance_id;
} AnjuWfTestEvent;

/* A three-step process created through the API by the tests: the
 * applicant's community takes it in, its street reviews it (skipped for
 * directed applications), the center decides; every step allows every
 * action, with time limits of 5, 10 and 15 days. */
#define ANJU_WF_THREE_STEPS \
  "[{\"key\":\"community_intake\",\"name\":\"社区受理\",\"role\":\"community_worker\"," \
  "\"level\":\"community\",\"actions\":[\"approve\",\"reject\",\"return\",\"transfer\"," \
  "\"withdraw\"],\"time_limit_days\":5}," \
  "{\"key\":\"street_review\",\"name\":\"街道审核\",\"role\":\"street_staff\"," \
  "\"level\":\"street\",\"actions\":[\"approve\",\"reject\",\"return\",\"transfer\"," \
  "\"withdraw\"],\"time_limit_days\":10," \
  "\"skip_when\":[{\"field\":\"directed\",\"op\":\"eq\",\"value\":true}]}," \
  "{\"key\":\"center_review\",\"name\":\"中心审批\",\"role\":\"center_staff\"," \
  "\"level\":\"center\",\"actions\":[\"approve\",\"reject\",\"return\",\"transfer\"," \
  "\"withdraw\"],\"time_limit_days\":15}]"

void        anju_wf_fixture_set_up       (AnjuWfFixture  *fixture,
                                          gconstpointer   data);
/* The same with the overdue sweep every second. */
void        anju_wf_fixture_set_up_sweeping (AnjuWfFixture *fixture,
                                             gconstpointer  data);
/* The same with one task a batch ([sweeps] batch_size=1). */
void        anju_wf_fixture_set_up_sweeping_by_one (AnjuWfFixture *fixture,
                                                    gconstpointer  data);
void        anju_wf_fixture_tear_down    (AnjuWfFixture  *fixture,
                                          gconstpointer   data);

/* The token of a demo account, signing in on first use. */
const char *anju_wf_token                (AnjuWfFixture  *fixture,
                                          const char     *username);
gint64      anju_wf_user_id              (AnjuWfFixture  *fixture,
                                          const char     *username);
/* Creates a ready user of the system role role_code at org_id, who signs
 * in like a demo account from then on; returns the user's id. */
gint64      anju_wf_add_user             (AnjuWfFixture  *fixture,
                                          const char     *username,
                                          gint64          org_id,
                                          const char     *role_code);
/* The same with a role made by the test. */
gint64      anju_wf_add_user_with_role   (AnjuWfFixture  *fixture,
                                          const char     *username,
                                          gint64          org_id,
                                          gint64          role_id);
/* Moves the server's clock on; the sessions that expire meanwhile are
 * replaced at the next anju_wf_token(). */
void        anju_wf_advance_days         (AnjuWfFixture  *fixture,
                                          int             days);

/* POST /workflow/templates as admin; returns the id (fails unless 201).
 * on_complete NULL is null. */
gint64      anju_wf_create_template      (AnjuWfFixture  *fixture,
                                          const char     *code,
                                          const char     *steps_json,
                                          const char     *on_complete);
/* POST /workflow/instances as admin (the submitter); fields_json NULL
 * for none.  Returns the instance id (fails unless 201). */
gint64      anju_wf_start                (AnjuWfFixture  *fixture,
                                          const char     *code,
                                          gint64          record_id,
                                          gint64          org_id,
                                          const char     *fields_json);
/* POST /workflow/instances/{id}/actions with the body as a format. */
JsonNode   *anju_wf_act                  (AnjuWfFixture  *fixture,
                                          const char     *username,
                                          gint64          instance_id,
                                          guint          *out_status,
                                          const char     *body_format,
                                          ...) G_GNUC_PRINTF (5, 6);
/* The same, failing the test unless 200; returns the Instance. */
JsonNode   *anju_wf_act_ok               (AnjuWfFixture  *fixture,
                                          const char     *username,
                                          gint64          instance_id,
                                          const char     *body_format,
                                          ...) G_GNUC_PRINTF (4, 5);
/* GET /workflow/instances/{id}; fails unless 200. */
JsonNode   *anju_wf_instance             (AnjuWfFixture  *fixture,
                                          const char     *username,
                                          gint64          instance_id);
/* Fails the test unless the answer is 409 with a message. */
void        anju_wf_assert_refused       (guint           status,
                                          JsonNode       *reply);
/* The first column of the first row of the query as an integer (0 when
 * there is no row): counts straight from the database. */
gint64      anju_wf_db_int               (AnjuWfFixture  *fixture,
                                          const char     *sql_format,
                                          ...) G_GNUC_PRINTF (2, 3);

/* Events recorded so far of type about the instance. */
guint       anju_wf_count_events         (AnjuWfFixture  *fixture,
                                          const char     *type,
                                          gint64          instance_id);
/* (transfer full) The last such event's copy, or NULL. */
AnjuWfTestEvent *anju_wf_last_event      (AnjuWfFixture  *fixture,
                                          const char     *type,
                                          gint64          instance_id);
void        anju_wf_test_event_free      (AnjuWfTestEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuWfTestEvent, anju_wf_test_event_free)
gboolean    anju_wf_event_has_user       (const AnjuWfTestEvent *event,
                                          gint64                 user_id);

/* Makes the event recorder fail every event of type (NULL: none), as a
 * broken listener would. */
void        anju_wf_fail_events          (AnjuWfFixture  *fixture,
                                          const char     *type);
/* Runs func on the server's thread (its database connection lives
 * there) and returns when it has. */
void        anju_wf_run_on_server        (AnjuWfFixture  *fixture,
                                          void          (*func) (AnjuServer *server,
                                                                 gpointer    data),
                                          gpointer        data);

/* Runs a private main loop until ready() says so, checking every 50 ms;
 * for work the server does on its own (the overdue sweep).  A hang-guard
 * of a minute fails the test; nothing is asserted about the time taken. */
void        anju_wf_wait_until           (AnjuWfFixture  *fixture,
                                          gboolean      (*ready) (AnjuWfFixture *fixture,
                                                                  gpointer       data),
                                          gpointer        data);

G_END_DECLS
