/* anju-workflow-api.c: pieces the workflow endpoints share. */
#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-validation.h"
#include "anju-workflow-api.h"
#include "anju-workflow-json.h"
#include "anju-workflow.h"

AnjuWfInstance *
anju_wf_api_load_instance (AnjuRequest *request,
                           gint64       id)
{
  g_autoptr(GError) error = NULL;
  AnjuWfInstance *instance = anju_wf_instance_load (anju_request_get_db (request), id, &error);

  if (instance == NULL)
    anju_request_reply_error (request, error);
  return instance;
}

JsonNode *
anju_wf_api_instance_json (AnjuRequest          *request,
                           const AnjuWfInstance *instance,
                           gboolean              details,
                           GError              **error)
{
  AnjuDb *db = anju_request_get_db (request);
  AnjuCaller *caller = anju_request_get_caller (request);
  AnjuWfRelation relation;

  if (!anju_wf_relation_load (db, caller->user_id, caller->org_path, instance, &relation, error))
    return NULL;
  return anju_wf_instance_to_json (db, instance,
                                   anju_clock_now_secs (anju_request_get_clock (request)),
                                   &relation, details, error);
}

void
anju_wf_api_reply_instance (AnjuRequest          *request,
                            guint                 status,
                            const AnjuWfInstance *instance)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = anju_wf_api_instance_json (request, instance, TRUE, &error);

  if (node == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, status, node);
}

void
anju_wf_api_run_init (AnjuWfRun      *run,
                      AnjuRequest    *request,
                      AnjuAuditActor *actor)
{
  AnjuServer *server = anju_request_get_server (request);

  anju_workflow_actor_from_request (request, actor);
  anju_wf_run_init_for_server (run, anju_workflow_get (server), server, actor);
}

JsonObject *
anju_wf_api_read_body (AnjuRequest *request)
{
  SoupServerMessage *msg = anju_request_get_message (request);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length == 0 || !json_parser_load_from_data (parser, data, length, &parse_error))
    {
      g_autoptr(GError) error = g_error_new (ANJU_ERROR, ANJU_ERROR_MALFORMED,
                                             _("The request body is not valid JSON: %s"),
                                             parse_error != NULL ? parse_error->message
                                                                 : _("it is empty"));

      anju_request_reply_error (request, error);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      anju_reply_error_code (request, ANJU_ERROR_MALFORMED,
                             _("The request body must be a JSON object"));
      return NULL;
    }
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

void
anju_wf_api_check_members (AnjuWfCheck        *check,
                           JsonObject         *body,
                           const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (body);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      anju_wf_check_add (check, l->data, _("Unknown field"));
}

void
anju_wf_api_reply_check (AnjuRequest *request,
                         AnjuWfCheck *check)
{
  g_autoptr(GList) members = NULL;

  if (check->error != NULL)
    {
      anju_request_reply_error (request, check->error);
      return;
    }
  members = json_object_get_members (check->problems);
  for (GList *l = members; l != NULL; l = l->next)
    anju_request_add_field_error (request, l->data,
                                  json_object_get_string_member (check->problems, l->data));
  anju_reply_validation_failed (request);
}
