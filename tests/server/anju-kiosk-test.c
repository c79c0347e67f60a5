/* anju-kiosk-test.c: helpers of the kiosk tests.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "anju-clock.h"
#include "anju-kiosk-test.h"

#define SECONDS_PER_DAY (24 * 60 * 60)
#define WAIT_SECONDS    60

static void
edit_config (AnjuConfig *config,
             gpointer    data)
{
  config->pubrent_sweep_interval_seconds = 1;
  config->pubrent_progress_per_minute = ANJU_KIOSK_PROGRESS_LIMIT;
}

static void
log_in (AnjuKioskFixture *fixture)
{
  g_free (fixture->admin);
  g_free (fixture->center);
  g_free (fixture->street);
  fixture->admin = anju_test_login_demo (fixture->srv, "admin");
  fixture->center = anju_test_login_demo (fixture->srv, "center");
  fixture->street = anju_test_login_demo (fixture->srv, "street_ypl");
}

void
anju_kiosk_fixture_set_up (AnjuKioskFixture *fixture,
                           gconstpointer     data)
{
  fixture->srv = anju_test_server_start_with (TRUE, edit_config, NULL);
  anju_test_db_drop_orphan_processes (fixture->srv);
  log_in (fixture);
  fixture->ypl_terminal = anju_kiosk_test_add_terminal (fixture, "T-TEST-YPL", "银盆岭街道",
                                                        &fixture->ypl_terminal_id);
  fixture->wyh_terminal = anju_kiosk_test_add_terminal (fixture, "T-TEST-WYH", "望月湖街道", NULL);
}

void
anju_kiosk_fixture_tear_down (AnjuKioskFixture *fixture,
                              gconstpointer     data)
{
  g_free (fixture->admin);
  g_free (fixture->center);
  g_free (fixture->street);
  g_free (fixture->ypl_terminal);
  g_free (fixture->wyh_terminal);
  g_clear_pointer (&fixture->srv, anju_test_server_stop);
}

char *
anju_kiosk_test_add_terminal (AnjuKioskFixture *fixture,
                              const char       *sn,
                              const char       *org_name,
                              gint64           *out_id)
{
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) credential = NULL;
  gint64 org = anju_test_find_org (fixture->srv, fixture->admin, org_name);
  guint status = 0;
  gint64 id;

  created = anju_test_requestf (fixture->srv, fixture->admin, "POST", "/api/v1/terminals",
                                &status,
                                "{\"sn\":\"%s\",\"terminal_no\":\"%s\",\"name\":\"%s服务终端\","
                                "\"person_in_charge\":\"李娜\",\"org_id\":%" G_GINT64_FORMAT ","
                                "\"location\":\"%s政务服务大厅\"}",
                                sn, sn, org_name, org, org_name);
  anju_assert_status (status, SOUP_STATUS_CREATED, created);
  id = anju_test_json_int (created, "id");
  credential = anju_test_item_request (fixture->srv, fixture->admin, "POST", "/api/v1/terminals",
                                       id, "credential", NULL, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, credential);
  if (out_id != NULL)
    *out_id = id;
  return g_strdup_printf ("Terminal %s:%s", sn, anju_test_json_string (credential, "credential"));
}

gint64
anju_kiosk_test_apply (AnjuKioskFixture *fixture,
                       const char       *terminal,
                       const char       *name,
                       const char       *seq,
                       char            **out_number)
{
  g_autofree char *id_no = anju_app_test_id ("19880512", seq);
  g_autofree char *extra = g_strdup_printf (
    ",\"members\":[{\"relation\":\"self\",\"name\":\"%s\",\"id_doc_type\":\"resident_id\","
    "\"id_no\":\"%s\",\"hukou_years\":5}]", name, id_no);
  g_autofree char *body = anju_app_test_body ("open_physical", name, id_no, extra);
  g_autoptr(JsonNode) submitted = NULL;
  guint status = 0;
  gint64 id = anju_app_test_create (fixture->srv, terminal, body);

  submitted = anju_test_item_request (fixture->srv, terminal, "POST", APPLICATIONS, id, "submit",
                                      NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, submitted);
  g_assert_cmpstr (anju_test_json_string (submitted, "status"), ==, "street_review");
  if (out_number != NULL)
    *out_number = g_strdup (anju_test_json_string (submitted, "application_no"));
  return id;
}

/* The sweep runs in the server's thread every second: a hang guard, not
 * a timing assertion. */
static void
wait_for_status (AnjuKioskFixture *fixture,
                 gint64            id,
                 const char       *expected)
{
  g_autofree char *sql = g_strdup_printf ("SELECT status FROM pubrent_applications"
                                          " WHERE id = %" G_GINT64_FORMAT, id);
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (TRUE)
    {
      g_autofree char *value = anju_test_db_query (fixture->srv, sql);

      if (g_strcmp0 (value, expected) == 0)
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("application %" G_GINT64_FORMAT " is %s, expected %s", id, value, expected);
      g_usleep (20 * 1000);
    }
}

static void
approve (AnjuKioskFixture *fixture,
         const char       *token,
         gint64            id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT max(id) FROM workflow_instances"
                                          " WHERE domain = 'pubrent.application'"
                                          " AND record_id = %" G_GINT64_FORMAT, id);
  g_autofree char *instance = anju_test_db_query (fixture->srv, sql);
  g_autofree char *path = g_strdup_printf ("/api/v1/workflow/instances/%s/actions", instance);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_requestf (fixture->srv, token, "POST", path, &status,
                              "{\"action\":\"approve\",\"comment\":\"同意\"}");
  anju_assert_status (status, SOUP_STATUS_OK, reply);
}

void
anju_kiosk_test_advance_days (AnjuKioskFixture *fixture,
                              int               days)
{
  anju_clock_advance (fixture->srv->clock, (gint64) days * SECONDS_PER_DAY * G_USEC_PER_SEC);
  log_in (fixture);
}

void
anju_kiosk_test_street_approves (AnjuKioskFixture *fixture,
                                 gint64            id)
{
  approve (fixture, fixture->street, id);
  wait_for_status (fixture, id, "street_publicity");
}

void
anju_kiosk_test_through_street (AnjuKioskFixture *fixture,
                                gint64            id)
{
  anju_kiosk_test_street_approves (fixture, id);
  anju_kiosk_test_advance_days (fixture, 8);
  wait_for_status (fixture, id, "center_review");
}

void
anju_kiosk_test_through_center (AnjuKioskFixture *fixture,
                                gint64            id)
{
  approve (fixture, fixture->center, id);
  approve (fixture, fixture->center, id);
  approve (fixture, fixture->center, id);
  wait_for_status (fixture, id, "announcement");
  anju_kiosk_test_advance_days (fixture, 8);
  wait_for_status (fixture, id, "confirmed");
}
