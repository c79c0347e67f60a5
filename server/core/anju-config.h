/* anju-config.h: anju-server.conf, a GKeyFile.
 *
 * Every key is validated when loaded: an unknown group or key, or a value
 * of the wrong type or range, is an ANJU_ERROR_CONFIG naming the key.
 * Relative paths are resolved against the config file's directory.
 * resources/anju-server.conf.sample documents every key.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AnjuConfig
{
  /* [server] */
  char     *listen_host;            /* "127.0.0.1" */
  guint16   listen_port;            /* 8443; 0 = any free port */
  char     *tls_certificate;        /* (nullable): made at first start */
  char     *tls_key;                /* (nullable) */
  gboolean  allow_plain_http;       /* only honoured on loopback */
  gsize     max_json_body;          /* bytes, default 10 MiB */
  char     *mobile_web_dir;         /* (nullable) reserved */

  /* [database] */
  char     *database_path;          /* default $XDG_DATA_HOME/anju/anju.db */
  guint     database_worker_threads; /* 2: threads per lane for long reads (anju-db-worker.h) */
  guint     database_record_threads; /* 1: threads reading one record by id (the same) */

  /* [security] */
  char     *audit_key_file;         /* default beside the database */
  guint     session_idle_minutes;   /* 30 */
  guint     session_lifetime_hours; /* 12 */
  guint     lockout_attempts;       /* 5 */
  guint     lockout_window_minutes; /* 15 */
  guint     lockout_minutes;        /* 15 */

  /* [workflow] */
  guint     reminder_interval_seconds; /* 300: overdue sweep */

  /* [sms] — no gateway_url means SMS is disabled (and says so) */
  char     *sms_gateway_url;        /* (nullable) http only on loopback */
  char     *sms_account;            /* (nullable) HTTP basic user */
  char     *sms_secret;             /* (nullable) HTTP basic password */
  char     *sms_signature;          /* "【湘江安居】" */
  guint     sms_rate_per_second;    /* 20 */
  guint     sms_daily_cap;          /* 20000 */
  guint     sms_max_attempts;       /* 5 */
  guint     sms_retry_base_seconds; /* 30, doubled on each retry */
  guint     sms_dispatch_interval_seconds; /* 5 */

  /* [files] */
  gsize     max_upload_bytes;       /* 20 MiB */

  /* [pubrent] */
  guint     pubrent_sweep_interval_seconds; /* 60: publicity / announcement ends */
  guint     pubrent_progress_per_minute;    /* 10: citizen progress queries per address */

  /* [documents] */
  char     *documents_verify_base_url; /* "https://127.0.0.1:8443": QR codes point here */

  /* [terminals] */
  guint     terminals_offline_after_seconds;  /* 180: no heartbeat for longer = offline */
  guint     terminals_sweep_interval_seconds; /* 30: the alert sweep */

  /* [identity_capture] */
  char     *identity_capture_sm4_key_file; /* (nullable): captures refused without it */

  /* [sweeps] */
  guint     sweep_batch_size;       /* 32: items a sweep does before it yields (anju-sweep.h) */
} AnjuConfig;

AnjuConfig *anju_config_new_default   (void);
AnjuConfig *anju_config_load          (const char  *path,
                                       GError     **error);
/* Loads the config file, or the defaults when path is NULL. */
AnjuConfig *anju_config_load_or_default (const char  *path,
                                         GError     **error);
/* Directory holding the database: the self-signed certificate and the
 * audit key go beside it when not configured. */
char       *anju_config_get_data_dir  (const AnjuConfig *self);
char       *anju_config_get_audit_key_path (const AnjuConfig *self);
void        anju_config_free          (AnjuConfig *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuConfig, anju_config_free)

G_END_DECLS
