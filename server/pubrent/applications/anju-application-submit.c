/* anju-application-submit.c: submitting an application — validated as a
 * whole, pre-reviewed, then on to the review process or back to the
 * entering organisation (docs/api.md, POST …/submit).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-application-check.h"
#include "anju-application-json.h"
#include "anju-application-routes.h"
#include "anju-application-store.h"
#include "anju-application-writes.h"
#include "anju-applications.h"
#include "anju-event-bus.h"
#include "anju-mask.h"
#include "anju-prereview.h"
#include "anju-workflow.h"

static gboolean
status_may_submit (const char *status)
{
  static const char * const from[] = { "draft", "prereview_failed", "rejected", NULL };

  return g_strv_contains (from, status);
}

/* The whole record must pass before anything is pre-reviewed; the
 * values the check fills in (birth dates, genders) are kept. */
static gboolean
validate_whole (const AnjuApplicationWrite  *write,
                gint64                       id,
                JsonObject                  *record,
                GError                     **error)
{
  AnjuDb *db = anju_server_get_db (write->server);
  g_autoptr(JsonObject) own_errors = json_object_new ();
  JsonObject *errors = write->field_errors != NULL ? write->field_errors : own_errors;

  return anju_application_check (db, record, TRUE, errors, error)
         && anju_application_fail_validation (errors, error)
         && anju_application_check_people (db, id, record, error)
         && anju_application_store_update (db, id, record, write->now, error);
}

/* "收入超标；人均面积超标": the reasons of the failed checks. */
static char *
failed_reasons (JsonNode *report)
{
  JsonObject *object = json_node_get_object (report);
  JsonArray *checks = json_object_get_array_member (object, "checks");
  g_autoptr(GPtrArray) reasons = g_ptr_array_new ();

  for (guint i = 0; checks != NULL && i < json_array_get_length (checks); i++)
    {
      JsonObject *check = json_array_get_object_element (checks, i);

      if (!json_object_get_boolean_member_with_default (check, "passed", TRUE))
        g_ptr_array_add (reasons, (gpointer) json_object_get_string_member_with_default (check, "reason", ""));
    }
  g_ptr_array_add (reasons, NULL);
  return g_strjoinv ("；", (char **) reasons->pdata);
}

/* The applicant hears by SMS, the submitter in the inbox. */
static gboolean
emit_prereview_failed (const AnjuApplicationWrite  *write,
                       gint64                       id,
                       JsonObject                  *record,
                       JsonNode                    *report,
                       GError                     **error)
{
  g_autoptr(JsonObject) variables = json_object_new ();
  g_autofree char *reasons = failed_reasons (report);
  g_autofree char *name = anju_mask_name (json_object_get_string_member (record, "applicant_name"));
  AnjuEvent event = {
    .type = ANJU_APPLICATION_PREREVIEW_FAILED_EVENT,
    .db = anju_server_get_db (write->server),
    .at = write->now,
    .variables = variables,
    .user_ids = &write->actor->actor_id,
    .n_user_ids = write->actor->actor_id != 0 ? 1 : 0,
    .recipient_phone = json_object_get_string_member (record, "phone"),
    .link_domain = ANJU_APPLICATION_DOMAIN,
    .link_record_id = id,
  };

  json_object_set_string_member (variables, "application_no",
                                 json_object_get_string_member (record, "application_no"));
  json_object_set_string_member (variables, "applicant_name", name);
  json_object_set_string_member (variables, "reasons", reasons);
  return anju_event_bus_emit (anju_server_get_event_bus (write->server), &event, error);
}

/* The review process: the street steps are skipped for directed
 * applications (the template's condition on "directed"). */
static gboolean
start_review (const AnjuApplicationWrite  *write,
              gint64                       id,
              JsonObject                  *record,
              gint64                       org_id,
              GError                     **error)
{
  const char *business_type = json_object_get_string_member (record, "business_type");
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *label = anju_application_label (json_object_get_string_member (record,
                                                                                  "application_no"),
                                                   json_object_get_string_member (record,
                                                                                  "applicant_name"));
  gint64 instance_id;

  json_object_set_boolean_member (fields, "directed",
                                  anju_application_type_is_directed (business_type));
  json_object_set_string_member (fields, "business_type", business_type);
  return anju_workflow_start (anju_workflow_get (write->server), write->actor,
                              ANJU_APPLICATION_TEMPLATE, ANJU_APPLICATION_DOMAIN, id, label,
                              org_id, fields, &instance_id, error);
}

gboolean
anju_applications_submit (const AnjuApplicationWrite  *write,
                          gint64                       id,
                          gboolean                    *out_passed,
                          GError                     **error)
{
  AnjuDb *db = anju_server_get_db (write->server);
  g_auto(AnjuApplicationRef) ref = { 0, };
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(JsonNode) report = NULL;
  const char *status;
  gboolean passed = FALSE;

  if (!anju_application_store_load_ref (db, id, &ref, error))
    return FALSE;
  if (!status_may_submit (ref.status))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                   /* Translators: %s is a status such as center_review */
                   _("An application in status %s cannot be submitted"), ref.status);
      return FALSE;
    }
  /* Loaded once: the check changes record, the audit row shows before. */
  record = anju_application_store_load_record (db, id, error);
  if (record == NULL)
    return FALSE;
  before = anju_application_record_copy (record);
  if (!validate_whole (write, id, record, error)
      || !anju_prereview_run (db, id, write->now, &report, &passed, error))
    return FALSE;

  if (passed)
    status = anju_application_type_is_directed (ref.business_type) ? "center_review"
                                                                   : "street_review";
  else
    status = "prereview_failed";
  if (!anju_application_store_submitted (db, id, status, report, write->actor->actor_id,
                                         write->now, error)
      || (passed && !start_review (write, id, record, ref.org_id, error))
      || (!passed && !emit_prereview_failed (write, id, record, report, error))
      || !anju_application_record_change (write, id, "submit", before, error))
    return FALSE;
  if (out_passed != NULL)
    *out_passed = passed;
  return TRUE;
}

/* ---- POST …/{id}/submit ----------------------------------------------- */

static gboolean
step_submit (const AnjuApplicationWrite  *write,
             gpointer                     data,
             gint64                      *inout_id,
             GError                     **error)
{
  return anju_applications_submit (write, *inout_id, NULL, error);
}

static void
handle_submit (AnjuRequest *request)
{
  g_auto(AnjuApplicationRef) ref = { 0, };

  if (anju_application_load_visible (request, &ref))
    anju_application_run_write (request, step_submit, NULL, ref.id, SOUP_STATUS_OK);
}

static const AnjuRoute submit_routes[] = {
  { "POST", "/api/v1/pubrent/applications/{id}/submit", ANJU_PERM_APPLICATION_CREATE,
    ANJU_ROUTE_DEFAULT, handle_submit,
    "Validate as a whole, pre-review and start the review process", NULL, "pubrent" },
};

const AnjuRoute *
anju_application_submit_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (submit_routes);
  return submit_routes;
}
