/* anju-workflow.c: AnjuWorkflow, the engine as a server service: its
 * hook registry and the C API of anju-workflow.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-caller.h"
#include "anju-workflow-access.h"
#include "anju-workflow-engine.h"
#include "anju-workflow-private.h"
#include "anju-workflow-rules.h"
#include "anju-workflow-template-store.h"

#define SERVICE_NAME "workflow"

struct _AnjuWorkflow
{
  GObject     parent_instance;

  AnjuServer *server;      /* (unowned) (nullable) owns us as a service */
  GHashTable *hooks;       /* (owned) name → (owned) AnjuWfHook */
  /* (owned) ancestors and role holders per identity generation */
  AnjuWfOrgCache *org_cache;

  /* An offline engine (no server): where and when it works. */
  AnjuDb     *db;          /* (owned) (nullable) */
  GBytes     *audit_key;   /* (owned) (nullable) */
  gint64      audit_at;
  gint64      now;
};

G_DEFINE_FINAL_TYPE (AnjuWorkflow, anju_workflow, G_TYPE_OBJECT)

static void
hook_free (gpointer data)
{
  AnjuWfHook *hook = data;

  if (hook->destroy != NULL)
    hook->destroy (hook->user_data);
  g_free (hook->name);
  g_free (hook->description);
  g_free (hook);
}

static void
anju_workflow_finalize (GObject *object)
{
  AnjuWorkflow *self = ANJU_WORKFLOW (object);

  g_clear_pointer (&self->hooks, g_hash_table_unref);
  g_clear_pointer (&self->org_cache, anju_wf_org_cache_free);
  g_clear_object (&self->db);
  g_clear_pointer (&self->audit_key, g_bytes_unref);

  G_OBJECT_CLASS (anju_workflow_parent_class)->finalize (object);
}

static void
anju_workflow_class_init (AnjuWorkflowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anju_workflow_finalize;
}

static void
anju_workflow_init (AnjuWorkflow *self)
{
  self->hooks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, hook_free);
  self->org_cache = anju_wf_org_cache_new ();
}

AnjuWorkflow *
_anju_workflow_new_detached (void)
{
  AnjuWorkflow *self = g_object_new (ANJU_TYPE_WORKFLOW, NULL);

  _anju_workflow_add_builtin_hooks (self);
  return self;
}

AnjuWfOrgCache *
_anju_workflow_get_org_cache (AnjuWorkflow *self)
{
  return self != NULL ? self->org_cache : NULL;
}

const AnjuWfHook *
_anju_workflow_find_hook (AnjuWorkflow *self,
                          const char   *name)
{
  g_return_val_if_fail (ANJU_IS_WORKFLOW (self), NULL);

  return name != NULL ? g_hash_table_lookup (self->hooks, name) : NULL;
}

static int
compare_hooks (gconstpointer a,
               gconstpointer b)
{
  const AnjuWfHook *x = *(const AnjuWfHook * const *) a;
  const AnjuWfHook *y = *(const AnjuWfHook * const *) b;

  return g_strcmp0 (x->name, y->name);
}

GPtrArray *
_anju_workflow_list_hooks (AnjuWorkflow *self)
{
  GPtrArray *hooks = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer hook;

  g_hash_table_iter_init (&iter, self->hooks);
  while (g_hash_table_iter_next (&iter, NULL, &hook))
    g_ptr_array_add (hooks, hook);
  g_ptr_array_sort (hooks, compare_hooks);
  return hooks;
}

/* The store the engine works on: the server's, or the offline one. */
static AnjuDb *
workflow_db (AnjuWorkflow *self)
{
  return self->server != NULL ? anju_server_get_db (self->server) : self->db;
}

/* A run as actor: on the server's store, clock and bus, or offline at
 * the time set, audited as anju-server. */
static void
init_run (AnjuWorkflow         *self,
          AnjuWfRun            *run,
          const AnjuAuditActor *actor)
{
  static const AnjuAuditActor system_actor = { .actor = ANJU_AUDIT_SYSTEM_ACTOR };

  if (self->server != NULL)
    {
      anju_wf_run_init_for_server (run, self, self->server, actor);
      return;
    }
  *run = (AnjuWfRun) {
    .workflow = self,
    .db = self->db,
    .audit_key = self->audit_key,
    .now = self->now,
    .actor = actor,
    .audit_actor = &system_actor,
    .audit_at = self->audit_at,
  };
}

void
anju_workflow_register (AnjuServer *server)
{
  typedef const AnjuRoute *(*RoutesFunc) (guint *n_routes);
  static const RoutesFunc tables[] = {
    _anju_workflow_template_routes,
    _anju_workflow_instance_routes,
    _anju_workflow_todo_routes,
  };
  g_autoptr(AnjuWorkflow) self = NULL;
  const AnjuConfig *config;

  g_return_if_fail (ANJU_IS_SERVER (server));

  self = _anju_workflow_new_detached ();
  self->server = server;
  anju_server_set_service (server, SERVICE_NAME, self);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      guint n_routes = 0;
      const AnjuRoute *routes = tables[i] (&n_routes);

      anju_server_add_routes (server, routes, n_routes);
    }

  anju_wf_register_file_reader (server);

  /* The server holds the engine until it is disposed, after its sweeps
   * are gone, so the sweep may borrow it. */
  config = anju_server_get_config (server);
  anju_server_add_sweep (server, config->reminder_interval_seconds * 1000,
                         &_anju_workflow_overdue_sweep, self);
}

AnjuWorkflow *
anju_workflow_get (AnjuServer *server)
{
  return anju_server_get_service (server, SERVICE_NAME);
}

void
anju_workflow_register_hook (AnjuWorkflow         *self,
                             const char           *name,
                             AnjuWorkflowHookKind  kind,
                             const char           *description,
                             AnjuWorkflowHookFunc  func,
                             gpointer              user_data,
                             GDestroyNotify        destroy)
{
  AnjuWfHook *hook;

  g_return_if_fail (ANJU_IS_WORKFLOW (self));
  g_return_if_fail (name != NULL && description != NULL && func != NULL);
  g_return_if_fail (!g_hash_table_contains (self->hooks, name));

  hook = g_new0 (AnjuWfHook, 1);
  *hook = (AnjuWfHook) {
    .name = g_strdup (name),
    .kind = kind,
    .description = g_strdup (description),
    .func = func,
    .user_data = user_data,
    .destroy = destroy,
  };
  g_hash_table_insert (self->hooks, hook->name, hook);
}

void
anju_workflow_actor_from_request (AnjuRequest    *request,
                                  AnjuAuditActor *out_actor)
{
  AnjuCaller *caller = anju_request_get_caller (request);

  g_return_if_fail (caller != NULL);

  *out_actor = (AnjuAuditActor) {
    .actor_id = caller->user_id,
    .actor = caller->username,
    .org_id = caller->org_id,
    .org_path = caller->org_path,
    .client_address = anju_request_get_client_address (request),
  };
}

gboolean
anju_workflow_start (AnjuWorkflow          *self,
                     const AnjuAuditActor  *actor,
                     const char            *template_code,
                     const char            *domain,
                     gint64                 record_id,
                     const char            *record_label,
                     gint64                 org_id,
                     JsonObject            *fields,
                     gint64                *out_instance_id,
                     GError               **error)
{
  g_auto(AnjuWfRun) run = { 0, };
  g_autoptr(AnjuWfTemplate) template = NULL;
  g_autoptr(AnjuWfInstance) instance = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *field = NULL;
  AnjuDb *db;

  g_return_val_if_fail (ANJU_IS_WORKFLOW (self) && (self->server != NULL || self->db != NULL),
                        FALSE);
  g_return_val_if_fail (actor != NULL && template_code != NULL && record_label != NULL, FALSE);
  db = workflow_db (self);
  /* The instance commits with the domain's own write, or not at all. */
  g_return_val_if_fail (!sqlite3_get_autocommit (anju_db_get_handle (db)), FALSE);

  template = anju_wf_template_store_load_current (db, template_code, &local_error);
  if (template == NULL)
    {
      if (g_error_matches (local_error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND))
        g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                     /* Translators: %s is a template code such as pubrent.application.review */
                     _("There is no process template with the code “%s”"), template_code);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (domain == NULL)
    domain = template->domain;
  if (!anju_wf_engine_check_start (self->org_cache, db, template, domain, record_id, org_id,
                                   fields, &field, error))
    {
      if (field != NULL)
        g_prefix_error (error, "%s: ", field);
      return FALSE;
    }

  init_run (self, &run, actor);
  instance = anju_wf_engine_start (&run, g_steal_pointer (&template), domain, record_id,
                                   record_label, org_id, fields, error);
  if (instance == NULL)
    return FALSE;
  if (out_instance_id != NULL)
    *out_instance_id = instance->id;
  return TRUE;
}

gboolean
anju_workflow_find (AnjuWorkflow  *self,
                    const char    *domain,
                    gint64         record_id,
                    gint64        *out_instance_id,
                    char         **out_state,
                    GError       **error)
{
  g_return_val_if_fail (ANJU_IS_WORKFLOW (self) && (self->server != NULL || self->db != NULL),
                        FALSE);
  g_return_val_if_fail (domain != NULL && out_instance_id != NULL, FALSE);

  return anju_wf_instance_find_latest (workflow_db (self), domain, record_id,
                                       out_instance_id, out_state, error);
}

/* 403 or 409 when the rules of the actions table refuse it.  anju-server
 * (actor_id 0) stands in for the assignee and the submitter: what it may
 * not do is only what the state and the step refuse. */
static gboolean
check_allowed (AnjuDb                *db,
               const AnjuAuditActor  *actor,
               const AnjuWfInstance  *instance,
               AnjuWfAction           action,
               GError               **error)
{
  AnjuWfRelation relation = { .is_assignee = TRUE, .is_submitter = TRUE };
  const char *reason = NULL;

  if (actor->actor_id != 0
      && !anju_wf_relation_load (db, actor->actor_id, actor->org_path, instance, &relation,
                                 error))
    return FALSE;
  switch (anju_wf_judge (instance, &relation, action, &reason))
    {
    case ANJU_WF_ALLOWED:
      return TRUE;
    case ANJU_WF_FORBIDDEN:
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_FORBIDDEN, reason);
      return FALSE;
    case ANJU_WF_REFUSED:
    default:
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_CONFLICT, reason);
      return FALSE;
    }
}

gboolean
anju_workflow_act (AnjuWorkflow          *self,
                   const AnjuAuditActor  *actor,
                   gint64                 instance_id,
                   const char            *action,
                   const char            *comment,
                   GError               **error)
{
  g_auto(AnjuWfRun) run = { 0, };
  g_autoptr(AnjuWfInstance) instance = NULL;
  AnjuWfActRequest request = { 0, };
  AnjuDb *db;

  g_return_val_if_fail (ANJU_IS_WORKFLOW (self) && (self->server != NULL || self->db != NULL),
                        FALSE);
  g_return_val_if_fail (actor != NULL && action != NULL, FALSE);
  db = workflow_db (self);
  g_return_val_if_fail (!sqlite3_get_autocommit (anju_db_get_handle (db)), FALSE);

  request.action = anju_wf_action_from_name (action);
  request.comment = comment != NULL && *comment != '\0' ? comment : NULL;
  if (request.action == 0 || request.action == ANJU_WF_TRANSFER)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   /* Translators: %s is a workflow action name such as approve */
                   _("action: “%s” is not an action the server can take"), action);
      return FALSE;
    }

  instance = anju_wf_instance_load (db, instance_id, error);
  if (instance == NULL || !check_allowed (db, actor, instance, request.action, error))
    return FALSE;
  if ((request.action == ANJU_WF_REJECT || request.action == ANJU_WF_RETURN)
      && request.comment == NULL)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                           _("comment: Give the reason: the submitter reads it"));
      return FALSE;
    }

  init_run (self, &run, actor);
  return anju_wf_engine_act (&run, instance, &request, error);
}

AnjuWorkflow *
anju_workflow_new_offline (AnjuDb *db,
                           GBytes *audit_key,
                           gint64  audit_at)
{
  AnjuWorkflow *self;

  g_return_val_if_fail (ANJU_IS_DB (db) && audit_key != NULL, NULL);

  self = _anju_workflow_new_detached ();
  self->db = g_object_ref (db);
  self->audit_key = g_bytes_ref (audit_key);
  self->audit_at = audit_at;
  self->now = audit_at;
  return self;
}

void
anju_workflow_set_offline_time (AnjuWorkflow *self,
                                gint64        now)
{
  g_return_if_fail (ANJU_IS_WORKFLOW (self) && self->server == NULL);

  self->now = now;
}
