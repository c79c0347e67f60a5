/* anju-workflow-templates-api.c: /workflow/templates and /workflow/hooks
 * (docs/api.md, "Workflow templates"; F-PRH-026, F-AHR-028). */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-permissions.h"
#include "anju-sql-pattern.h"
#include "anju-transaction.h"
#include "anju-validation.h"
#include "anju-workflow-api.h"
#include "anju-workflow-private.h"
#include "anju-workflow-template-store.h"

#define MAX_CODE_LENGTH        64
#define MAX_NAME_LENGTH        100
#define MAX_DESCRIPTION_LENGTH 500

/* ---- reading template bodies -------------------------------------------- */

/* "pubrent.application.review": dot-separated lower-case words. */
static gboolean
is_dotted_name (const char *text)
{
  gboolean word_start = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '.' && !word_start)
        word_start = TRUE;
      else if (word_start ? g_ascii_islower (*p)
                          : (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
        word_start = FALSE;
      else
        return FALSE;
    }
  return !word_start;
}

static char *
read_dotted (AnjuWfCheck *check,
             JsonObject  *body,
             const char  *member)
{
  g_autofree char *text = anju_wf_read_text (check, NULL, body, member, MAX_CODE_LENGTH);

  if (text != NULL && !is_dotted_name (text))
    {
      anju_wf_check_add (check, member,
                         _("Must be lower-case words of a–z, 0–9 and “_” joined by dots, "
                           "such as pubrent.application.review"));
      return NULL;
    }
  return g_steal_pointer (&text);
}

/* Optional and nullable: absent keeps *inout_value, null or blank clears
 * it. */
static void
read_description (AnjuWfCheck  *check,
                  JsonObject   *body,
                  char        **inout_value)
{
  JsonNode *node = json_object_get_member (body, "description");
  g_autofree char *text = NULL;

  if (node == NULL)
    return;
  g_clear_pointer (inout_value, g_free);
  if (JSON_NODE_HOLDS_NULL (node))
    return;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      /* Translators: %s is a type such as “a string” */
      g_autofree char *why = g_strdup_printf (_("Must be %s"), _("a string"));

      anju_wf_check_add (check, "description", why);
      return;
    }
  text = g_strstrip (g_strdup (json_node_get_string (node)));
  if (g_utf8_strlen (text, -1) > MAX_DESCRIPTION_LENGTH)
    {
      g_autofree char *why = g_strdup_printf (_("Must be at most %u characters"),
                                              MAX_DESCRIPTION_LENGTH);

      anju_wf_check_add (check, "description", why);
    }
  else if (*text != '\0')
    *inout_value = g_steal_pointer (&text);
}

/* Absent keeps *inout_value; null clears it. */
static void
read_process_hook (AnjuWfCheck  *check,
                   JsonObject   *body,
                   char        **inout_value)
{
  JsonNode *node = json_object_get_member (body, "on_complete");

  if (node == NULL)
    return;
  g_clear_pointer (inout_value, g_free);
  *inout_value = anju_wf_hook_read (check, "on_complete", node, ANJU_WORKFLOW_HOOK_PROCESS);
}

static void
read_steps (AnjuWfCheck    *check,
            JsonObject     *body,
            AnjuWfTemplate *template)
{
  g_clear_pointer (&template->steps, g_ptr_array_unref);
  template->steps = anju_wf_steps_read (check, json_object_get_member (body, "steps"));
}

/* A checker naming roles in the store and hooks in the engine. */
static void
check_init (AnjuWfCheck *check,
            AnjuRequest *request)
{
  anju_wf_check_init (check, anju_request_get_db (request),
                      anju_workflow_get (anju_request_get_server (request)));
}

/* ---- writing ------------------------------------------------------------- */

/* Inserts the new version and its audit row in one transaction; answers
 * 201 with it.  before (nullable) is the version it replaces. */
static void
save_version (AnjuRequest          *request,
              const AnjuWfTemplate *template,
              const char           *action,
              JsonNode             *before)
{
  AnjuDb *db = anju_request_get_db (request);
  AnjuCaller *caller = anju_request_get_caller (request);
  gint64 now = anju_clock_now_secs (anju_request_get_clock (request));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) after = NULL;
  gint64 id = 0;
  gboolean ok;

  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = (id = anju_wf_template_store_insert (db, template, caller->user_id, now, &error)) != 0
       && (after = anju_wf_template_store_to_json (db, id, TRUE, &error)) != NULL
       && anju_audit_record (request, NULL, action, "workflow_template", id, before, after,
                             &error);
  if (!anju_transaction_end (db, ok, &error))
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_CREATED, g_steal_pointer (&after));
}

static void
handle_create (AnjuRequest *request)
{
  static const char * const members[] = {
    "code", "name", "domain", "description", "on_complete", "steps", NULL,
  };
  g_autoptr(JsonObject) body = anju_wf_api_read_body (request);
  g_autoptr(AnjuWfTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(AnjuWfCheck) check = { 0, };
  gboolean exists = FALSE;

  if (body == NULL)
    return;
  check_init (&check, request);
  anju_wf_api_check_members (&check, body, members);
  template = g_new0 (AnjuWfTemplate, 1);
  template->code = read_dotted (&check, body, "code");
  template->domain = read_dotted (&check, body, "domain");
  template->name = anju_wf_read_text (&check, NULL, body, "name", MAX_NAME_LENGTH);
  read_description (&check, body, &template->description);
  read_process_hook (&check, body, &template->on_complete);
  read_steps (&check, body, template);
  if (!anju_wf_check_ok (&check))
    {
      anju_wf_api_reply_check (request, &check);
      return;
    }

  if (!anju_wf_template_store_code_exists (anju_request_get_db (request), template->code, &exists,
                                           &error))
    anju_request_reply_error (request, error);
  else if (exists)
    anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                           _("A process template with this code already exists"));
  else
    save_version (request, template, "workflow_template.create", NULL);
}

/* The template {id} for a change: a 404 reply and NULL when it does not
 * exist. */
static AnjuWfTemplate *
load_template (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  AnjuWfTemplate *template;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return NULL;
  template = anju_wf_template_store_load (anju_request_get_db (request), id, &error);
  if (template == NULL)
    anju_request_reply_error (request, error);
  return template;
}

static void
handle_new_version (AnjuRequest *request)
{
  static const char * const members[] = {
    "name", "description", "on_complete", "steps", NULL,
  };
  g_autoptr(AnjuWfTemplate) template = load_template (request);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(AnjuWfCheck) check = { 0, };

  if (template == NULL || (body = anju_wf_api_read_body (request)) == NULL)
    return;
  check_init (&check, request);
  anju_wf_api_check_members (&check, body, members);
  if (json_object_has_member (body, "name"))
    {
      g_free (template->name);
      template->name = anju_wf_read_text (&check, NULL, body, "name", MAX_NAME_LENGTH);
    }
  read_description (&check, body, &template->description);
  read_process_hook (&check, body, &template->on_complete);
  read_steps (&check, body, template);
  if (!anju_wf_check_ok (&check))
    {
      anju_wf_api_reply_check (request, &check);
      return;
    }

  /* Saving over a version someone else has already replaced would
   * silently throw their changes away. */
  if (!template->is_current)
    {
      anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                             _("This is no longer the current version of the template: "
                               "someone has saved a newer one"));
      return;
    }
  before = anju_wf_template_store_to_json (anju_request_get_db (request), template->id, TRUE,
                                           &error);
  if (before == NULL)
    anju_request_reply_error (request, error);
  else
    save_version (request, template, "workflow_template.update", before);
}

static void
handle_validate (AnjuRequest *request)
{
  static const char * const members[] = { "steps", "on_complete", NULL };
  g_autoptr(JsonObject) body = anju_wf_api_read_body (request);
  g_autoptr(AnjuWfTemplate) template = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_auto(AnjuWfCheck) check = { 0, };

  if (body == NULL)
    return;
  check_init (&check, request);
  anju_wf_api_check_members (&check, body, members);
  template = g_new0 (AnjuWfTemplate, 1);
  read_process_hook (&check, body, &template->on_complete);
  read_steps (&check, body, template);
  if (!anju_wf_check_ok (&check))
    {
      anju_wf_api_reply_check (request, &check);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  anju_request_reply_json (request, SOUP_STATUS_OK, json_builder_get_root (builder));
}

static void
handle_delete (AnjuRequest *request)
{
  g_autoptr(AnjuWfTemplate) template = load_template (request);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(GError) error = NULL;
  AnjuDb *db = anju_request_get_db (request);
  gint64 instances = 0;
  gboolean ok;

  if (template == NULL)
    return;
  if (!anju_wf_template_store_count_instances (db, template->code, &instances, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (instances > 0)
    {
      /* Translators: %d is how many process instances use the template */
      g_autofree char *message = g_strdup_printf (_("Process instances use this template, so it "
                                                    "cannot be deleted: %d"), (int) instances);

      anju_reply_error_code (request, ANJU_ERROR_CONFLICT, message);
      return;
    }

  if ((before = anju_wf_template_store_to_json (db, template->id, TRUE, &error)) == NULL
      || !anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = anju_wf_template_store_delete_code (db, template->code, &error)
       && anju_audit_record (request, NULL, "workflow_template.delete", "workflow_template",
                             template->id, before, NULL, &error);
  if (!anju_transaction_end (db, ok, &error))
    anju_request_reply_error (request, error);
  else
    anju_request_reply_no_content (request);
}

/* ---- reading ------------------------------------------------------------- */

static JsonNode *
template_item (sqlite3_stmt  *stmt,
               gpointer       user_data,
               GError       **error)
{
  return anju_wf_template_json_from_row (stmt, FALSE, error);
}

/* "true", "false" or absent (FALSE); anything else is a field error. */
static gboolean
read_bool_query (AnjuRequest  *request,
                 const char   *name,
                 gboolean     *out_value)
{
  const char *text = anju_request_get_query (request, name);

  *out_value = g_strcmp0 (text, "true") == 0;
  if (text == NULL || g_str_equal (text, "true") || g_str_equal (text, "false"))
    return TRUE;
  anju_reply_field_error (request, name, _("Must be true or false"));
  return FALSE;
}

typedef struct
{
  const char *pattern;
  const char *domain;
  gboolean    all_versions;
} TemplateListFilters;

/* An absent filter stays NULL, which the WHERE clause reads as "any". */
static void
bind_list_filters (sqlite3_stmt  *stmt,
                   gconstpointer  bind_data)
{
  const TemplateListFilters *filters = bind_data;

  anju_db_bind_text (stmt, 1, filters->pattern);
  anju_db_bind_text (stmt, 2, filters->domain);
  sqlite3_bind_int (stmt, 3, filters->all_versions);
}

static void
handle_list (AnjuRequest *request)
{
#define TEMPLATE_LIST_WHERE \
  " WHERE (?1 IS NULL OR t.name LIKE ?1 ESCAPE '\\' OR t.code LIKE ?1 ESCAPE '\\')" \
  " AND (?2 IS NULL OR t.domain = ?2)" \
  " AND (?3 OR t.is_current = 1)"
  g_autofree char *pattern = anju_sql_contains_pattern (anju_request_get_query (request, "q"));
  TemplateListFilters filters = {
    .pattern = pattern,
    .domain = anju_request_get_query (request, "domain"),
  };
  g_autoptr(GError) error = NULL;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (!read_bool_query (request, "all_versions", &filters.all_versions))
    return;

  anju_request_reply_list (request,
                           "SELECT COUNT(*)" ANJU_WF_TEMPLATE_FROM TEMPLATE_LIST_WHERE,
                           "SELECT " ANJU_WF_TEMPLATE_COLUMNS ANJU_WF_TEMPLATE_FROM
                           TEMPLATE_LIST_WHERE " ORDER BY t.code, t.version DESC LIMIT ?4 OFFSET ?5",
                           4, page, page_size, bind_list_filters, &filters,
                           template_item, NULL);
#undef TEMPLATE_LIST_WHERE
}

static void
handle_get (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return;
  node = anju_wf_template_store_to_json (anju_request_get_db (request), id, TRUE, &error);
  if (node == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, node);
}

/* bind_data is the template's code. */
static void
bind_code (sqlite3_stmt  *stmt,
           gconstpointer  bind_data)
{
  anju_db_bind_text (stmt, 1, bind_data);
}

static void
handle_versions (AnjuRequest *request)
{
  g_autoptr(AnjuWfTemplate) template = load_template (request);
  g_autoptr(GError) error = NULL;
  guint page, page_size;

  if (template == NULL)
    return;
  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  anju_request_reply_list (request,
                           "SELECT COUNT(*) FROM workflow_templates t WHERE t.code = ?1",
                           "SELECT " ANJU_WF_TEMPLATE_COLUMNS ANJU_WF_TEMPLATE_FROM
                           " WHERE t.code = ?1 ORDER BY t.version DESC LIMIT ?2 OFFSET ?3",
                           2, page, page_size, bind_code, template->code,
                           template_item, NULL);
}

static void
handle_hooks (AnjuRequest *request)
{
  AnjuWorkflow *workflow = anju_workflow_get (anju_request_get_server (request));
  g_autoptr(GPtrArray) hooks = _anju_workflow_list_hooks (workflow);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < hooks->len; i++)
    {
      const AnjuWfHook *hook = g_ptr_array_index (hooks, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, hook->name);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder,
                                     hook->kind == ANJU_WORKFLOW_HOOK_STEP ? "step" : "process");
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, hook->description);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  anju_request_reply_json (request, SOUP_STATUS_OK, json_builder_get_root (builder));
}

/* For openapi.json only: the handlers read these bodies themselves,
 * since "steps" is a list of objects, which AnjuFieldSpec cannot say. */
static const AnjuFieldSpec create_body[] = {
  { "code", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, MAX_CODE_LENGTH,
    "Unique code: dotted lower-case words, e.g. pubrent.application.review" },
  { "name", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, MAX_NAME_LENGTH, "Name" },
  { "domain", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, MAX_CODE_LENGTH,
    "The business domain whose records it runs on, e.g. pubrent.application" },
  { "description", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, MAX_DESCRIPTION_LENGTH,
    "Description" },
  { "on_complete", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 0,
    "A process hook (GET /workflow/hooks) run however the process ends" },
  { "steps", ANJU_FIELD_OBJECT, ANJU_FIELD_REQUIRED, NULL, 0,
    "Array of 1-30 Step objects (docs/api.md)" },
  { NULL }
};

static const AnjuFieldSpec version_body[] = {
  { "name", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, MAX_NAME_LENGTH,
    "Name; absent keeps it" },
  { "description", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, MAX_DESCRIPTION_LENGTH,
    "Description; absent keeps it, null clears it" },
  { "on_complete", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 0,
    "Process hook; absent keeps it, null clears it" },
  { "steps", ANJU_FIELD_OBJECT, ANJU_FIELD_REQUIRED, NULL, 0,
    "Array of 1-30 Step objects (docs/api.md)" },
  { NULL }
};

static const AnjuFieldSpec validate_body[] = {
  { "steps", ANJU_FIELD_OBJECT, ANJU_FIELD_REQUIRED, NULL, 0,
    "Array of 1-30 Step objects (docs/api.md)" },
  { "on_complete", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, 0, "Process hook" },
  { NULL }
};

static const AnjuRoute template_routes[] = {
  { "GET", "/api/v1/workflow/templates", NULL, ANJU_ROUTE_DEFAULT, handle_list,
    "Process templates (current versions unless all_versions=true); filters q, domain",
    NULL, "workflow" },
  { "POST", "/api/v1/workflow/templates/validate", NULL, ANJU_ROUTE_DEFAULT, handle_validate,
    "Check steps and on_complete without saving", validate_body, "workflow" },
  { "GET", "/api/v1/workflow/templates/{id}", NULL, ANJU_ROUTE_DEFAULT, handle_get,
    "One template version with its steps", NULL, "workflow" },
  { "GET", "/api/v1/workflow/templates/{id}/versions", NULL, ANJU_ROUTE_DEFAULT,
    handle_versions, "Every version of the template's code, newest first", NULL, "workflow" },
  { "POST", "/api/v1/workflow/templates", ANJU_PERM_WF_TEMPLATE_WRITE, ANJU_ROUTE_DEFAULT,
    handle_create, "Create a template (version 1)", create_body, "workflow" },
  { "POST", "/api/v1/workflow/templates/{id}/versions", ANJU_PERM_WF_TEMPLATE_WRITE,
    ANJU_ROUTE_DEFAULT, handle_new_version,
    "Save a new version of the current version {id}; it becomes current", version_body,
    "workflow" },
  { "DELETE", "/api/v1/workflow/templates/{id}", ANJU_PERM_WF_TEMPLATE_WRITE, ANJU_ROUTE_DEFAULT,
    handle_delete, "Delete every version of a template no instance uses", NULL, "workflow" },
  { "GET", "/api/v1/workflow/hooks", NULL, ANJU_ROUTE_DEFAULT, handle_hooks,
    "The hooks templates may name", NULL, "workflow" },
};

const AnjuRoute *
_anju_workflow_template_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (template_routes);
  return template_routes;
}
