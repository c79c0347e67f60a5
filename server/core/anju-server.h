/* anju-server.h: the HTTPS API server.
 *
 * Owns the SoupServer, the database connection, the clock, the TLS
 * certificate, the audit key and the route table.  It runs on the
 * thread-default main context current when anju_server_listen() is called,
 * which lets tests run a whole server in a thread of their own.
 */
#pragma once

#include <gio/gio.h>

#include "anju-clock.h"
#include "anju-config.h"
#include "anju-db.h"
#include "anju-event-bus.h"
#include "anju-route.h"
#include "anju-sweep.h"

G_BEGIN_DECLS

typedef struct _AnjuDbWorker AnjuDbWorker;
typedef struct _AnjuSessionCache AnjuSessionCache;

#define ANJU_TYPE_SERVER (anju_server_get_type ())
G_DECLARE_FINAL_TYPE (AnjuServer, anju_server, ANJU, SERVER, GObject)

/* Opens (and migrates) the database, loads or makes the TLS certificate and
 * the audit key, and registers every domain's routes.  clock may be NULL
 * for the real clock.  Takes a copy of nothing: config must outlive it. */
AnjuServer      *anju_server_new                  (const AnjuConfig *config,
                                                   AnjuClock        *clock,
                                                   GError          **error);
gboolean         anju_server_listen               (AnjuServer  *self,
                                                   GError     **error);
/* Stop accepting; returns once every in-flight request has been answered
 * (iterating the server's main context), then closes the database. */
void             anju_server_shutdown             (AnjuServer  *self);

guint16          anju_server_get_port             (AnjuServer  *self);
gboolean         anju_server_is_https             (AnjuServer  *self);
GTlsCertificate *anju_server_get_certificate      (AnjuServer  *self);
/* "AB:CD:…" SHA-256 of the certificate's DER. */
const char      *anju_server_get_fingerprint      (AnjuServer  *self);
AnjuDb          *anju_server_get_db               (AnjuServer  *self);
/* Long reads off the main loop (anju-db-worker.h); NULL after shutdown. */
AnjuDbWorker    *anju_server_get_db_worker        (AnjuServer  *self);
/* The callers signed in with a session token (anju-session-cache.h):
 * this server's own, used on its main context. */
AnjuSessionCache*anju_server_get_session_cache    (AnjuServer  *self);
AnjuClock       *anju_server_get_clock            (AnjuServer  *self);
const AnjuConfig*anju_server_get_config           (AnjuServer  *self);
GBytes          *anju_server_get_audit_key        (AnjuServer  *self);

void             anju_server_add_routes           (AnjuServer      *self,
                                                   const AnjuRoute *routes,
                                                   guint            n_routes);
/* All registered routes, in registration order (for openapi.json). */
const AnjuRoute *const *anju_server_get_routes    (AnjuServer  *self,
                                                   guint       *n_routes);

/* Module events (anju-event-bus.h). */
AnjuEventBus    *anju_server_get_event_bus        (AnjuServer  *self);

/* Runs func every interval_ms on the main context the server was made in,
 * until shutdown.  For work bounded by itself (queued SMS, at most a
 * rate's worth a run): func must not block for long, and reads the time
 * from the server's AnjuClock.  A job over however many items the data
 * holds is a sweep (anju_server_add_sweep). */
typedef void (*AnjuPeriodicFunc) (AnjuServer *server,
                                  gpointer    user_data);
void             anju_server_add_periodic         (AnjuServer       *self,
                                                   guint             interval_ms,
                                                   AnjuPeriodicFunc  func,
                                                   gpointer          user_data);

/* A sweep (anju-sweep.h): every interval_ms, a run in short batches
 * ([sweeps] batch_size items at most) on the main context the server
 * was made in, never two runs at once, until shutdown.  funcs and
 * user_data must outlive the server's sweeps (they end at shutdown or
 * dispose).  Returns the sweep, owned by the server. */
AnjuSweep       *anju_server_add_sweep            (AnjuServer           *self,
                                                   guint                 interval_ms,
                                                   const AnjuSweepFuncs *funcs,
                                                   gpointer              user_data);
/* (nullable) (transfer none): the sweep funcs->name names (tests). */
AnjuSweep       *anju_server_get_sweep            (AnjuServer           *self,
                                                   const char           *name);

/* Long-lived module objects (the workflow engine, the message center),
 * looked up by name so modules need not know each other's headers to
 * reach them.  The server holds a reference until it is disposed. */
void             anju_server_set_service          (AnjuServer  *self,
                                                   const char  *name,
                                                   gpointer     service);
/* (nullable) (transfer none) */
gpointer         anju_server_get_service          (AnjuServer  *self,
                                                   const char  *name);

G_END_DECLS
