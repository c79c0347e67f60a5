/* anju-web-application.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-id-number.h"
#include "anju-test-json.h"
#include "anju-web-application.h"

#define APPLICATIONS "/api/v1/pubrent/applications"
#define PHONE        "13812345678"

static char *
make_id_number (const char *seq)
{
  g_autofree char *first17 = g_strconcat ("430104", "19880512", seq, NULL);

  return g_strdup_printf ("%s%c", first17, anju_id_number_check_char (first17));
}

AnjuWebApplication *
anju_web_application_submit (AnjuTestServer *server,
                             const char     *name,
                             const char     *seq)
{
  g_autoptr(AnjuWebApplication) self = g_new0 (AnjuWebApplication, 1);
  g_autofree char *token = anju_test_login (server, "community_ypl", ANJU_TEST_DEMO_PASSWORD);
  g_autofree char *body = NULL;
  g_autofree char *submit_path = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) submitted = NULL;
  guint status = 0;

  self->name = g_strdup (name);
  self->id_no = make_id_number (seq);
  self->phone = g_strdup (PHONE);
  /* The issue-3 demo's placeholder processes would take the new
   * application's process id (anju-test-server.h). */
  anju_test_db_drop_orphan_processes (server);
  body = g_strdup_printf ("{\"business_type\":\"open_physical\",\"applicant_name\":\"%s\","
                          "\"id_no\":\"%s\",\"phone\":\"%s\",\"hukou_county_code\":\"430104\","
                          "\"household_size\":1,\"annual_income_per_capita\":\"30000.00\","
                          "\"annual_income_total\":\"30000.00\",\"floor_area_per_capita\":\"10.00\","
                          "\"floor_area_total\":\"10.00\",\"members\":[{\"relation\":\"self\","
                          "\"name\":\"%s\",\"id_doc_type\":\"resident_id\",\"id_no\":\"%s\","
                          "\"hukou_years\":5}]}",
                          name, self->id_no, self->phone, name, self->id_no);
  created = anju_test_request (server, token, "POST", APPLICATIONS, body, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, created);
  self->id = anju_test_json_int (created, "id");
  submit_path = g_strdup_printf (APPLICATIONS "/%" G_GINT64_FORMAT "/submit", self->id);
  submitted = anju_test_request (server, token, "POST", submit_path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, submitted);
  g_assert_cmpstr (anju_test_json_string (submitted, "status"), ==, "street_review");
  self->number = g_strdup (anju_test_json_string (submitted, "application_no"));
  return g_steal_pointer (&self);
}

void
anju_web_application_free (AnjuWebApplication *self)
{
  if (self == NULL)
    return;
  g_free (self->number);
  g_free (self->name);
  g_free (self->id_no);
  g_free (self->phone);
  g_free (self);
}
