/* anju-application-test.c: helpers of the application tests.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "anju-application-test.h"
#include "anju-id-number.h"

#define ORPHANS \
  "(SELECT id FROM workflow_instances WHERE domain = 'pubrent.application'" \
  " AND record_id NOT IN (SELECT id FROM pubrent_applications))"

void
anju_app_test_set_up (AnjuTestFixture *fixture,
                      gconstpointer    data)
{
  static const char * const deletes[] = {
    "DELETE FROM workflow_history_files WHERE history_id IN"
    " (SELECT id FROM workflow_history WHERE instance_id IN " ORPHANS ")",
    "DELETE FROM workflow_history WHERE instance_id IN " ORPHANS,
    "DELETE FROM workflow_tasks WHERE instance_id IN " ORPHANS,
    "DELETE FROM workflow_instances WHERE id IN " ORPHANS,
  };

  anju_test_fixture_set_up (fixture, data);
  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    g_free (anju_test_db_query (fixture->srv, deletes[i]));
}

char *
anju_app_test_id (const char *birth,
                  const char *seq)
{
  g_autofree char *first17 = g_strconcat ("430104", birth, seq, NULL);

  return g_strdup_printf ("%s%c", first17, anju_id_number_check_char (first17));
}

char *
anju_app_test_body (const char *business_type,
                    const char *name,
                    const char *id_no,
                    const char *extra)
{
  return g_strdup_printf ("{\"business_type\":\"%s\",\"applicant_name\":\"%s\","
                          "\"id_no\":\"%s\",\"phone\":\"13812345678\","
                          "\"hukou_county_code\":\"430104\",\"household_size\":1,"
                          "\"annual_income_per_capita\":\"30000.00\","
                          "\"annual_income_total\":\"30000.00\","
                          "\"floor_area_per_capita\":\"10.00\",\"floor_area_total\":\"10.00\""
                          "%s}",
                          business_type, name, id_no, extra);
}

gint64
anju_app_test_create (AnjuTestServer *srv,
                      const char     *token,
                      const char     *body)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_request (srv, token, "POST", APPLICATIONS, body, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, reply);
  return anju_test_json_int (reply, "id");
}

JsonNode *
anju_app_test_get (AnjuTestServer *srv,
                   const char     *token,
                   gint64          id,
                   guint          *out_status)
{
  return anju_test_item_request (srv, token, "GET", APPLICATIONS, id, NULL, NULL, out_status);
}
