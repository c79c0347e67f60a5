#include "config.h"

#include <glib/gi18n.h>

#include "anju-applications.h"
#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-content.h"
#include "anju-db-checkpointer.h"
#include "anju-db-worker.h"
#include "anju-enterprises.h"
#include "anju-documents.h"
#include "anju-eligibility.h"
#include "anju-event-bus.h"
#include "anju-housing.h"
#include "anju-identity.h"
#include "anju-kiosk.h"
#include "anju-listen-socket.h"
#include "anju-messages.h"
#include "anju-metrics.h"
#include "anju-openapi.h"
#include "anju-request-private.h"
#include "anju-review.h"
#include "anju-route-table.h"
#include "anju-server.h"
#include "anju-session-cache.h"
#include "anju-sessions.h"
#include "anju-statistics.h"
#include "anju-terminal-auth.h"
#include "anju-terminals.h"
#include "anju-time.h"
#include "anju-tls.h"
#include "anju-web.h"
#include "anju-web-session.h"
#include "anju-workflow.h"

#define SHUTDOWN_GRACE_SECONDS 30

/* Signed-in callers kept (anju-session-cache.h): more than the people
 * of a city deployment use the platform at once, and at a few KiB each
 * (an administrator's permission set is most of it) a few MiB at most.
 * A session pushed out is only built again. */
#define SESSION_CACHE_ENTRIES 2048

/* Writes that share one COMMIT at most (anju-commit-group.h): a turn of
 * the main loop rarely has more ready; the bound keeps a group's
 * answers from waiting behind an unusually long turn. */
#define GROUP_COMMIT_MAX_WRITES 64

struct _AnjuServer
{
  GObject           parent_instance;

  const AnjuConfig *config;        /* (unowned) outlives the server */
  AnjuClock        *clock;         /* (owned) */
  AnjuDb           *db;            /* (owned) (nullable) after shutdown */
  AnjuDbWorker     *db_worker;     /* (owned) (nullable) after shutdown */
  AnjuDbCheckpointer *checkpointer; /* (owned) (nullable) after shutdown */
  SoupServer       *soup;          /* (owned) */
  GTlsCertificate  *certificate;   /* (owned) (nullable) plain HTTP */
  char             *fingerprint;   /* (owned) (nullable) */
  GBytes           *audit_key;     /* (owned) */
  AnjuRouteTable   *routes;        /* (owned) */
  GPtrArray        *route_list;    /* (owned) of const AnjuRoute*, for openapi */
  AnjuMetrics      *metrics;       /* (owned) */
  AnjuEventBus     *events;        /* (owned) */
  AnjuSessionCache *sessions;      /* (owned) */
  GPtrArray        *periodic;      /* (owned) of GSource, attached */
  GPtrArray        *sweeps;        /* (owned) (nullable) after shutdown, of AnjuSweep */
  GHashTable       *services;      /* (owned) name → (owned) object */
  guint16           port;
  guint             in_flight;
  gboolean          shutting_down;
};

G_DEFINE_FINAL_TYPE (AnjuServer, anju_server, G_TYPE_OBJECT)

/* What the metrics hook needs to know about a message once it is done,
 * and the route the early handler found for it. */
typedef struct
{
  AnjuServer      *server;      /* (unowned) */
  const char      *route;       /* (unowned) static pattern */
  gint64           started;
  gboolean         in_flight;   /* counted in server->in_flight */
  gboolean         looked_up;   /* found and path_known are set */
  const AnjuRoute *found;       /* (unowned) (nullable) */
  gboolean         path_known;
} MessageInfo;

/* An answer waiting for its group commit. */
typedef struct
{
  SoupServerMessage *msg;      /* (owned) */
  AnjuServer        *server;   /* (weak) */
} HeldAnswer;

static void register_core_routes (AnjuServer *self);

static void
stop_periodic (AnjuServer *self)
{
  for (guint i = 0; self->periodic != NULL && i < self->periodic->len; i++)
    g_source_destroy (g_ptr_array_index (self->periodic, i));
  g_clear_pointer (&self->periodic, g_ptr_array_unref);
}

/* A run going on stops between two batches, its state freed. */
static void
stop_sweeps (AnjuServer *self)
{
  g_clear_pointer (&self->sweeps, g_ptr_array_unref);
}

/* Held answers go out while their connections are still there. */
static void
commit_pending_writes (AnjuServer *self)
{
  AnjuCommitGroup *group = self->db != NULL ? anju_db_get_commit_group (self->db) : NULL;
  g_autoptr(GError) error = NULL;

  if (group != NULL && !anju_commit_group_flush (group, &error))
    g_warning ("The last writes were not saved: %s", error->message);
}

static void
anju_server_dispose (GObject *object)
{
  AnjuServer *self = ANJU_SERVER (object);

  stop_sweeps (self);
  stop_periodic (self);
  commit_pending_writes (self);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_pointer (&self->services, g_hash_table_unref);
  g_clear_pointer (&self->events, anju_event_bus_free);
  g_clear_pointer (&self->db_worker, anju_db_worker_free);
  g_clear_pointer (&self->checkpointer, anju_db_checkpointer_free);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (anju_server_parent_class)->dispose (object);
}

static void
anju_server_finalize (GObject *object)
{
  AnjuServer *self = ANJU_SERVER (object);

  g_clear_object (&self->clock);
  g_clear_object (&self->certificate);
  g_clear_pointer (&self->fingerprint, g_free);
  g_clear_pointer (&self->audit_key, g_bytes_unref);
  g_clear_pointer (&self->routes, anju_route_table_free);
  g_clear_pointer (&self->route_list, g_ptr_array_unref);
  g_clear_pointer (&self->sessions, anju_session_cache_free);
  g_clear_pointer (&self->metrics, anju_metrics_free);

  G_OBJECT_CLASS (anju_server_parent_class)->finalize (object);
}

static void
anju_server_class_init (AnjuServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anju_server_dispose;
  object_class->finalize = anju_server_finalize;
}

static void
anju_server_init (AnjuServer *self)
{
  self->routes = anju_route_table_new ();
  self->route_list = g_ptr_array_new ();
  self->metrics = anju_metrics_new ();
  self->events = anju_event_bus_new ();
  self->sessions = anju_session_cache_new (SESSION_CACHE_ENTRIES);
  self->periodic = g_ptr_array_new_with_free_func ((GDestroyNotify) g_source_unref);
  self->sweeps = g_ptr_array_new_with_free_func ((GDestroyNotify) anju_sweep_free);
  self->services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/* ---- routing ---------------------------------------------------------- */

void
anju_server_add_routes (AnjuServer      *self,
                        const AnjuRoute *routes,
                        guint            n_routes)
{
  g_return_if_fail (ANJU_IS_SERVER (self));

  for (guint i = 0; i < n_routes; i++)
    {
      anju_route_table_add (self->routes, &routes[i]);
      g_ptr_array_add (self->route_list, (gpointer) &routes[i]);
    }
}

const AnjuRoute *const *
anju_server_get_routes (AnjuServer *self,
                        guint      *n_routes)
{
  *n_routes = self->route_list->len;
  return (const AnjuRoute *const *) self->route_list->pdata;
}

/* ---- request pipeline ------------------------------------------------- */

/* A request without Authorization but with the web's session cookie: the
 * cookie authenticates it, and a write also needs its CSRF token.  An
 * unknown or expired cookie is cleared while the 401 goes out, so the
 * browser stops sending it. */
static AnjuCaller *
authenticate_cookie (AnjuRequest  *request,
                     const char   *token,
                     GError      **error)
{
  AnjuCaller *caller;

  _anju_request_set_token (request, token);
  caller = anju_sessions_authenticate (request, token, error);
  if (caller == NULL)
    {
      if (g_error_matches (*error, ANJU_ERROR, ANJU_ERROR_UNAUTHORIZED))
        anju_web_session_clear_cookie (anju_request_get_message (request));
      return NULL;
    }
  if (!anju_web_session_check_write (request, token, error))
    {
      anju_caller_free (caller);
      return NULL;
    }
  return caller;
}

static gboolean
check_access (AnjuRequest     *request,
              const AnjuRoute *route)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cookie = NULL;
  const char *authorization = anju_request_get_header (request, "Authorization");
  AnjuCaller *caller;

  if (authorization == NULL)
    cookie = anju_web_session_get_cookie (anju_request_get_message (request));

  if (authorization != NULL && g_str_has_prefix (authorization, ANJU_TERMINAL_AUTH_SCHEME))
    caller = anju_terminal_authenticate (request,
                                         authorization + strlen (ANJU_TERMINAL_AUTH_SCHEME),
                                         &error);
  else if (cookie != NULL)
    caller = authenticate_cookie (request, cookie, &error);
  else if (authorization == NULL || !g_str_has_prefix (authorization, "Bearer ") ||
           authorization[strlen ("Bearer ")] == '\0')
    {
      error = g_error_new_literal (ANJU_ERROR, ANJU_ERROR_UNAUTHORIZED,
                                   _("Sign in first: this request needs a session token"));
      anju_request_reply_error (request, error);
      return FALSE;
    }
  else
    {
      _anju_request_set_token (request, authorization + strlen ("Bearer "));
      caller = anju_sessions_authenticate (request, anju_request_get_token (request), &error);
    }
  if (caller == NULL)
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  _anju_request_set_caller (request, caller);

  if (caller->must_change_password && (route->flags & ANJU_ROUTE_DURING_PASSWORD_CHANGE) == 0)
    error = g_error_new_literal (ANJU_ERROR, ANJU_ERROR_PASSWORD_CHANGE_REQUIRED,
                                 _("Change your password before doing anything else"));
  else if (route->permission != NULL && !anju_caller_has_permission (caller, route->permission))
    error = g_error_new (ANJU_ERROR, ANJU_ERROR_FORBIDDEN,
                         _("Your role does not allow this (needs %s)"), route->permission);

  if (error != NULL)
    {
      anju_request_reply_error (request, error);
      return FALSE;
    }
  return TRUE;
}

/* The most a request body may hold: uploads have a limit of their own. */
static gsize
body_limit (AnjuServer      *self,
            const AnjuRoute *route)
{
  if (route != NULL && (route->flags & ANJU_ROUTE_UPLOAD) != 0)
    return self->config->max_upload_bytes;
  return self->config->max_json_body;
}

static gboolean
body_has_json_type (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);

  if (body->length == 0)
    return TRUE;
  return content_type != NULL && g_ascii_strcasecmp (content_type, "application/json") == 0;
}

/* The route of msg: the one the early handler found, when it ran (it
 * always does for a request read from a client), and its captures. */
static const AnjuRoute *
route_for (AnjuServer        *self,
           SoupServerMessage *msg,
           MessageInfo       *info,
           const char        *path,
           GHashTable        *params,
           gboolean          *out_path_known)
{
  const char *method = soup_server_message_get_method (msg);

  if (info == NULL || !info->looked_up)
    return anju_route_table_lookup (self->routes, method, path, params, out_path_known);

  *out_path_known = info->path_known;
  /* Only a pattern with captures needs the path again. */
  if (info->found != NULL && strchr (info->found->pattern, '{') != NULL)
    return anju_route_table_lookup (self->routes, method, path, params, out_path_known);
  return info->found;
}

/* The answer to a grouped write goes out once the group is committed;
 * if the COMMIT failed, none of the group's writes is kept, and the
 * answer says so instead. */
static void
held_answer_committed (const GError *error,
                       gpointer      user_data)
{
  HeldAnswer *held = user_data;

  /* The group's failure is logged once, where it is committed. */
  if (error != NULL)
    {
      /* A cached caller may have been read from the lost writes. */
      if (held->server != NULL)
        anju_session_cache_clear (held->server->sessions);
      /* set_response appends: the handler's answer goes first. */
      soup_message_body_truncate (soup_server_message_get_response_body (held->msg));
      soup_message_headers_remove (soup_server_message_get_response_headers (held->msg),
                                   "Location");
      _anju_reply_message_error (held->msg, ANJU_ERROR_INTERNAL, _("Internal server error"));
    }
  soup_server_message_unpause (held->msg);
}

static void
held_answer_free (gpointer user_data)
{
  HeldAnswer *held = user_data;

  g_clear_weak_pointer (&held->server);
  g_object_unref (held->msg);
  g_free (held);
}

/* Writes of a handler that answered at once wait for their group; one
 * that answers later (from a thread, say) commits now, as it cannot be
 * held. */
static void
run_handler (AnjuServer        *self,
             SoupServerMessage *msg,
             AnjuRequest       *request,
             const AnjuRoute   *route)
{
  AnjuCommitGroup *group = anju_db_get_commit_group (self->db);
  HeldAnswer *held;

  if (group == NULL)
    {
      route->handler (request);
      return;
    }
  anju_commit_group_hold (group);
  route->handler (request);
  if (anju_commit_group_release (group) == 0 || !anju_commit_group_pending (group))
    return;
  if (soup_server_message_get_status (msg) == SOUP_STATUS_NONE)
    {
      g_autoptr(GError) error = NULL;

      if (!anju_commit_group_flush (group, &error))
        g_warning ("%s %s: %s", soup_server_message_get_method (msg), route->pattern,
                   error->message);
      return;
    }
  held = g_new0 (HeldAnswer, 1);
  held->msg = g_object_ref (msg);
  g_set_weak_pointer (&held->server, self);
  soup_server_message_pause (msg);
  anju_commit_group_when_committed (group, held_answer_committed, held, held_answer_free);
}

static void
dispatch (AnjuServer        *self,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query)
{
  g_autoptr(GHashTable) params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(AnjuRequest) request = NULL;
  const AnjuRoute *route;
  MessageInfo *info = g_object_get_data (G_OBJECT (msg), "anju-info");
  gboolean path_known;

  if (anju_web_handles_path (path))
    {
      if (info != NULL)
        info->route = ANJU_WEB_PREFIX "/";
      anju_web_serve (msg, path);
      return;
    }

  route = route_for (self, msg, info, path, params, &path_known);
  if (route == NULL)
    {
      if (path_known)
        _anju_reply_message_error (msg, ANJU_ERROR_METHOD_NOT_ALLOWED,
                                   _("This method is not allowed here"));
      else
        _anju_reply_message_error (msg, ANJU_ERROR_NOT_FOUND, _("No such endpoint"));
      return;
    }
  if (info != NULL)
    info->route = route->pattern;

  if (soup_server_message_get_request_body (msg)->length > (goffset) body_limit (self, route))
    {
      _anju_reply_message_error (msg, ANJU_ERROR_TOO_LARGE, _("The request body is too large"));
      return;
    }
  if ((route->flags & ANJU_ROUTE_UPLOAD) == 0 && !body_has_json_type (msg))
    {
      _anju_reply_message_error (msg, ANJU_ERROR_UNSUPPORTED_MEDIA,
                                 _("The request body must be sent as application/json"));
      return;
    }

  request = _anju_request_new (self, msg, route, params, query);
  if ((route->flags & ANJU_ROUTE_PUBLIC) == 0 && !check_access (request, route))
    return;

  run_handler (self, msg, request, route);
}

static void
server_callback (SoupServer        *soup,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  AnjuServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  MessageInfo *info = g_object_get_data (G_OBJECT (msg), "anju-info");

  /* In flight from here until written out or aborted: shutdown waits. */
  if (info != NULL && !info->in_flight)
    {
      info->in_flight = TRUE;
      self->in_flight++;
    }

  /* Responses carry personal data: never cache them anywhere. */
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");

  if (self->shutting_down)
    {
      soup_message_headers_replace (headers, "Connection", "close");
      _anju_reply_message_error (msg, ANJU_ERROR_UNAVAILABLE, _("The server is shutting down"));
      return;
    }

  dispatch (self, msg, path, query);
}

/* Refuses an oversized body from its Content-Length before reading it;
 * the route decides the limit (uploads have their own). */
static void
early_callback (SoupServer        *soup,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  AnjuServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  goffset length = soup_message_headers_get_content_length (headers);
  MessageInfo *info = g_object_get_data (G_OBJECT (msg), "anju-info");
  const AnjuRoute *route;
  gboolean path_known;

  route = anju_route_table_lookup (self->routes, soup_server_message_get_method (msg), path,
                                   NULL, &path_known);
  /* Kept for the dispatch: the method and path stay what they are. */
  if (info != NULL)
    {
      info->looked_up = TRUE;
      info->found = route;
      info->path_known = path_known;
    }
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      length > (goffset) body_limit (self, route))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Connection", "close");
      _anju_reply_message_error (msg, ANJU_ERROR_TOO_LARGE, _("The request body is too large"));
    }
}

static void
settle_message (MessageInfo *info)
{
  if (!info->in_flight)
    return;
  info->in_flight = FALSE;
  g_assert (info->server->in_flight > 0);
  info->server->in_flight--;
}

/* The client went away before the answer was written: no ::finished. */
static void
request_aborted_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    AnjuServer        *self)
{
  MessageInfo *info = g_object_get_data (G_OBJECT (msg), "anju-info");

  if (info != NULL)
    settle_message (info);
}

static void
message_finished_cb (SoupServerMessage *msg,
                     MessageInfo       *info)
{
  AnjuServer *self = info->server;
  double seconds = (g_get_monotonic_time () - info->started) / (double) G_USEC_PER_SEC;
  guint status = soup_server_message_get_status (msg);
  char status_text[16];

  g_snprintf (status_text, sizeof status_text, "%u", status);
  anju_metrics_observe (self->metrics, info->route, soup_server_message_get_method (msg),
                        status, seconds);
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_INFO,
                    "ANJU_ROUTE", info->route,
                    "ANJU_STATUS", status_text,
                    "ANJU_CLIENT", soup_server_message_get_remote_host (msg),
                    "MESSAGE", "%s %s %u %.1f ms", soup_server_message_get_method (msg),
                    g_uri_get_path (soup_server_message_get_uri (msg)), status, seconds * 1000);

  settle_message (info);
}

static void
request_started_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    AnjuServer        *self)
{
  MessageInfo *info = g_new0 (MessageInfo, 1);

  info->server = self;
  info->route = "unmatched";
  info->started = g_get_monotonic_time ();

  g_object_set_data_full (G_OBJECT (msg), "anju-info", info, g_free);
  /* Set before anything can answer, so every error carries them too. */
  anju_web_set_security_headers (soup_server_message_get_response_headers (msg));
  g_signal_connect (msg, "finished", G_CALLBACK (message_finished_cb), info);
}

/* ---- construction ----------------------------------------------------- */

static gboolean
is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
setup_tls (AnjuServer  *self,
           GError     **error)
{
  g_autofree char *data_dir = anju_config_get_data_dir (self->config);
  gboolean created;

  if (self->config->allow_plain_http)
    {
      if (!is_loopback (self->config->listen_host))
        {
          g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG,
                       _("[server] allow_plain_http: plain HTTP is only allowed on a loopback "
                         "address, not on %s"), self->config->listen_host);
          return FALSE;
        }
      return TRUE;
    }

  self->certificate = anju_tls_load_or_create (self->config->tls_certificate, self->config->tls_key,
                                               data_dir, self->config->listen_host, &created, error);
  if (self->certificate == NULL)
    return FALSE;

  self->fingerprint = anju_tls_fingerprint (self->certificate);
  if (created)
    g_message ("Made a self-signed certificate in %s; SHA-256 fingerprint %s",
               data_dir, self->fingerprint);
  return TRUE;
}

static gboolean
open_database (AnjuServer  *self,
               GError     **error)
{
  int version;

  self->db = anju_db_open (self->config->database_path, error);
  if (self->db == NULL)
    return FALSE;

  version = anju_db_get_schema_version (self->db);
  if (version == 0)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_DATABASE,
                   _("The database %s is empty: run “anju-server init” first"),
                   self->config->database_path);
      return FALSE;
    }
  if (version != anju_db_get_latest_version ())
    {
      /* anju_db_migrate explains a newer schema; an older one needs an
       * admin to back up and migrate on purpose. */
      if (version > anju_db_get_latest_version ())
        return anju_db_migrate (self->db, error);
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_DATABASE,
                   _("The database %s has schema version %d; run “anju-server migrate” "
                     "to bring it to version %d"),
                   self->config->database_path, version, anju_db_get_latest_version ());
      return FALSE;
    }
  return TRUE;
}

AnjuServer *
anju_server_new (const AnjuConfig *config,
                 AnjuClock        *clock,
                 GError          **error)
{
  g_autoptr(AnjuServer) self = NULL;
  g_autofree char *key_path = NULL;

  g_return_val_if_fail (config != NULL, NULL);

  self = g_object_new (ANJU_TYPE_SERVER, NULL);
  self->config = config;
  self->clock = clock != NULL ? g_object_ref (clock) : anju_clock_new ();

  if (!open_database (self, error) || !setup_tls (self, error))
    return NULL;
  anju_db_enable_group_commit (self->db, GROUP_COMMIT_MAX_WRITES);
  self->checkpointer = anju_db_checkpointer_new (self->db, ANJU_DB_CHECKPOINT_FRAMES,
                                                 ANJU_DB_CHECKPOINT_LIMIT_FRAMES, error);
  if (self->checkpointer == NULL)
    return NULL;
  self->db_worker = anju_db_worker_new (config->database_path, config->database_worker_threads,
                                        config->database_record_threads);

  key_path = anju_config_get_audit_key_path (config);
  self->audit_key = anju_audit_load_key (key_path, error);
  if (self->audit_key == NULL)
    return NULL;

  register_core_routes (self);
  anju_identity_register_routes (self);
  anju_content_register (self);
  anju_messages_register (self);
  anju_workflow_register (self);
  anju_enterprises_register (self);
  anju_applications_register (self);
  anju_eligibility_register (self);
  anju_statistics_register (self);
  anju_documents_register (self);
  anju_housing_register (self);
  anju_review_register (self);
  if (!anju_kiosk_register (self, error))
    return NULL;
  anju_terminals_register (self);
  return g_steal_pointer (&self);
}

gboolean
anju_server_listen (AnjuServer  *self,
                    GError     **error)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GError) local_error = NULL;
  GSList *uris;

  g_return_val_if_fail (ANJU_IS_SERVER (self), FALSE);
  g_return_val_if_fail (self->soup == NULL, FALSE);

  address = g_inet_address_new_from_string (self->config->listen_host);
  if (address == NULL)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG,
                   _("[server] listen: “%s” is not an IP address"), self->config->listen_host);
      return FALSE;
    }

  self->soup = soup_server_new ("server-header", "anju-server/" PACKAGE_VERSION,
                                "tls-certificate", self->certificate,
                                NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started_cb), self);
  g_signal_connect (self->soup, "request-aborted", G_CALLBACK (request_aborted_cb), self);
  soup_server_add_early_handler (self->soup, NULL, early_callback, self, NULL);
  soup_server_add_handler (self->soup, NULL, server_callback, self, NULL);

  socket_address = g_inet_socket_address_new (address, self->config->listen_port);
  socket = anju_listen_socket_new (socket_address, &local_error);
  if (socket == NULL
      || !soup_server_listen_socket (self->soup, socket,
                                     self->certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0,
                                     &local_error))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG,
                   /* Translators: %1$s host, %2$u port, %3$s reason */
                   _("Cannot listen on %1$s:%2$u: %3$s"), self->config->listen_host,
                   self->config->listen_port, local_error->message);
      return FALSE;
    }

  uris = soup_server_get_uris (self->soup);
  self->port = uris != NULL ? (guint16) g_uri_get_port (uris->data) : self->config->listen_port;
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return TRUE;
}

void
anju_server_shutdown (AnjuServer *self)
{
  GMainContext *context = g_main_context_get_thread_default ();
  gint64 deadline = g_get_monotonic_time () + SHUTDOWN_GRACE_SECONDS * G_USEC_PER_SEC;

  g_return_if_fail (ANJU_IS_SERVER (self));

  /* New requests get 503 from here on; the ones already running (a login
   * hashing in a thread, say) finish and are written out first. */
  self->shutting_down = TRUE;
  /* No batch may start while the requests finish: the database goes. */
  stop_sweeps (self);
  if (self->in_flight > 0)
    {
      /* Wakes the loop so the deadline is seen even when nothing happens. */
      g_autoptr(GSource) tick = g_timeout_source_new (100);

      g_source_set_dummy_callback (tick);
      g_source_attach (tick, context);
      while (self->in_flight > 0 && g_get_monotonic_time () < deadline)
        g_main_context_iteration (context, TRUE);
      g_source_destroy (tick);
    }
  if (self->in_flight > 0)
    g_warning ("Shutting down with %u requests still running", self->in_flight);

  /* Every job's request was in flight, so none is left but after the
   * grace time; freeing the worker waits for those. */
  g_clear_pointer (&self->db_worker, anju_db_worker_free);
  stop_periodic (self);
  commit_pending_writes (self);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_pointer (&self->checkpointer, anju_db_checkpointer_free);
  g_clear_object (&self->db);
}

guint16
anju_server_get_port (AnjuServer *self)
{
  return self->port;
}

gboolean
anju_server_is_https (AnjuServer *self)
{
  return self->certificate != NULL;
}

GTlsCertificate *
anju_server_get_certificate (AnjuServer *self)
{
  return self->certificate;
}

const char *
anju_server_get_fingerprint (AnjuServer *self)
{
  return self->fingerprint;
}

AnjuDb *
anju_server_get_db (AnjuServer *self)
{
  return self->db;
}

AnjuDbWorker *
anju_server_get_db_worker (AnjuServer *self)
{
  return self->db_worker;
}

AnjuSessionCache *
anju_server_get_session_cache (AnjuServer *self)
{
  g_return_val_if_fail (ANJU_IS_SERVER (self), NULL);
  return self->sessions;
}

AnjuClock *
anju_server_get_clock (AnjuServer *self)
{
  return self->clock;
}

const AnjuConfig *
anju_server_get_config (AnjuServer *self)
{
  return self->config;
}

GBytes *
anju_server_get_audit_key (AnjuServer *self)
{
  return self->audit_key;
}

AnjuEventBus *
anju_server_get_event_bus (AnjuServer *self)
{
  g_return_val_if_fail (ANJU_IS_SERVER (self), NULL);
  return self->events;
}

typedef struct
{
  AnjuServer      *server;     /* (unowned) the source dies first */
  AnjuPeriodicFunc func;
  gpointer         user_data;
} Periodic;

static gboolean
periodic_cb (gpointer data)
{
  Periodic *periodic = data;

  /* After shutdown began the database may be gone. */
  if (!periodic->server->shutting_down && periodic->server->db != NULL)
    periodic->func (periodic->server, periodic->user_data);
  return G_SOURCE_CONTINUE;
}

void
anju_server_add_periodic (AnjuServer       *self,
                          guint             interval_ms,
                          AnjuPeriodicFunc  func,
                          gpointer          user_data)
{
  g_autoptr(GSource) source = NULL;
  Periodic *periodic;

  g_return_if_fail (ANJU_IS_SERVER (self));
  g_return_if_fail (interval_ms > 0 && func != NULL);
  g_return_if_fail (self->periodic != NULL);

  periodic = g_new0 (Periodic, 1);
  *periodic = (Periodic) { self, func, user_data };
  source = g_timeout_source_new (interval_ms);
  g_source_set_name (source, "anju-server periodic");
  g_source_set_callback (source, periodic_cb, periodic, g_free);
  g_source_attach (source, g_main_context_get_thread_default ());
  g_ptr_array_add (self->periodic, g_steal_pointer (&source));
}

AnjuSweep *
anju_server_add_sweep (AnjuServer           *self,
                       guint                 interval_ms,
                       const AnjuSweepFuncs *funcs,
                       gpointer              user_data)
{
  AnjuSweep *sweep;

  g_return_val_if_fail (ANJU_IS_SERVER (self), NULL);
  g_return_val_if_fail (self->sweeps != NULL, NULL);
  g_return_val_if_fail (funcs != NULL && anju_server_get_sweep (self, funcs->name) == NULL, NULL);

  sweep = anju_sweep_new (self, interval_ms, self->config->sweep_batch_size, funcs, user_data);
  g_ptr_array_add (self->sweeps, sweep);
  return sweep;
}

AnjuSweep *
anju_server_get_sweep (AnjuServer *self,
                       const char *name)
{
  g_return_val_if_fail (ANJU_IS_SERVER (self), NULL);

  for (guint i = 0; self->sweeps != NULL && i < self->sweeps->len; i++)
    {
      AnjuSweep *sweep = g_ptr_array_index (self->sweeps, i);

      if (g_str_equal (anju_sweep_get_name (sweep), name))
        return sweep;
    }
  return NULL;
}

void
anju_server_set_service (AnjuServer *self,
                         const char *name,
                         gpointer    service)
{
  g_return_if_fail (ANJU_IS_SERVER (self));
  g_return_if_fail (name != NULL && G_IS_OBJECT (service));

  g_hash_table_replace (self->services, g_strdup (name), g_object_ref (service));
}

gpointer
anju_server_get_service (AnjuServer *self,
                         const char *name)
{
  g_return_val_if_fail (ANJU_IS_SERVER (self), NULL);
  return self->services != NULL ? g_hash_table_lookup (self->services, name) : NULL;
}

/* ---- platform endpoints ----------------------------------------------- */

static void
handle_health (AnjuRequest *request)
{
  AnjuServer *self = anju_request_get_server (request);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *now = anju_time_format_iso8601 (anju_clock_now_secs (self->clock));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ok");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, anju_db_get_schema_version (self->db));
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, now);
  json_builder_end_object (builder);

  anju_request_reply_json (request, SOUP_STATUS_OK, json_builder_get_root (builder));
}

static void
handle_openapi (AnjuRequest *request)
{
  AnjuServer *self = anju_request_get_server (request);

  anju_request_reply_json (request, SOUP_STATUS_OK,
                           anju_openapi_build ((const AnjuRoute *const *) self->route_list->pdata,
                                               self->route_list->len, PACKAGE_VERSION));
}

static void
handle_metrics (AnjuRequest *request)
{
  AnjuServer *self = anju_request_get_server (request);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) body = NULL;

  anju_metrics_write (self->metrics, anju_db_size_bytes (self->db), text);
  body = g_bytes_new (text->str, text->len);
  anju_request_reply_text (request, SOUP_STATUS_OK, "text/plain; version=0.0.4; charset=utf-8", body);
}

static const AnjuRoute core_routes[] = {
  { "GET", "/api/v1/health", NULL, ANJU_ROUTE_PUBLIC, handle_health,
    "Liveness and version", NULL, "platform" },
  { "GET", "/api/v1/openapi.json", NULL, ANJU_ROUTE_PUBLIC, handle_openapi,
    "This document", NULL, "platform" },
  { "GET", "/metrics", NULL, ANJU_ROUTE_PUBLIC, handle_metrics,
    "Prometheus metrics", NULL, "platform" },
};

static void
register_core_routes (AnjuServer *self)
{
  anju_server_add_routes (self, core_routes, G_N_ELEMENTS (core_routes));
}
