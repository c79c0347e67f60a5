#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "anju-config.h"
#include "anju-error.h"

#define DEFAULT_PORT 8443
#define DEFAULT_MAX_JSON_BODY (10 * 1024 * 1024)

/* The keys an admin may write; anything else stops the start, so a typo
 * never silently falls back to a default. */
static const char * const server_keys[] = {
  "listen", "tls_certificate", "tls_key", "allow_plain_http", "max_json_body", NULL
};
static const char * const database_keys[] = { "path", "worker_threads", "record_threads", NULL };
static const char * const security_keys[] = {
  "audit_key_file", "session_idle_minutes", "session_lifetime_hours",
  "lockout_attempts", "lockout_window_minutes", "lockout_minutes", NULL
};

static const char * const workflow_keys[] = { "reminder_interval_seconds", NULL };
static const char * const sms_keys[] = {
  "gateway_url", "account", "secret", "signature", "rate_per_second", "daily_cap",
  "max_attempts", "retry_base_seconds", "dispatch_interval_seconds", NULL
};
static const char * const files_keys[] = { "max_upload_bytes", NULL };
static const char * const pubrent_keys[] = {
  "sweep_interval_seconds", "progress_per_minute", NULL
};
static const char * const documents_keys[] = { "verify_base_url", NULL };
static const char * const terminals_keys[] = {
  "offline_after_seconds", "sweep_interval_seconds", NULL
};
static const char * const identity_capture_keys[] = { "sm4_key_file", NULL };
static const char * const sweeps_keys[] = { "batch_size", NULL };

static const struct
{
  const char         *group;
  const char * const *keys;
} known_groups[] = {
  { "server", server_keys },
  { "database", database_keys },
  { "security", security_keys },
  { "workflow", workflow_keys },
  { "sms", sms_keys },
  { "files", files_keys },
  { "pubrent", pubrent_keys },
  { "documents", documents_keys },
  { "terminals", terminals_keys },
  { "identity_capture", identity_capture_keys },
  { "sweeps", sweeps_keys },
};

#define DEFAULT_SMS_SIGNATURE "【湘江安居】"
#define DEFAULT_MAX_UPLOAD (20 * 1024 * 1024)
#define DEFAULT_VERIFY_BASE_URL "https://127.0.0.1:8443"

AnjuConfig *
anju_config_new_default (void)
{
  AnjuConfig *self = g_new0 (AnjuConfig, 1);

  self->listen_host = g_strdup ("127.0.0.1");
  self->listen_port = DEFAULT_PORT;
  self->max_json_body = DEFAULT_MAX_JSON_BODY;
  self->database_path = g_build_filename (g_get_user_data_dir (), "anju", "anju.db", NULL);
  self->database_worker_threads = 2;
  self->database_record_threads = 1;
  self->session_idle_minutes = 30;
  self->session_lifetime_hours = 12;
  self->lockout_attempts = 5;
  self->lockout_window_minutes = 15;
  self->lockout_minutes = 15;
  self->reminder_interval_seconds = 300;
  self->sms_signature = g_strdup (DEFAULT_SMS_SIGNATURE);
  self->sms_rate_per_second = 20;
  self->sms_daily_cap = 20000;
  self->sms_max_attempts = 5;
  self->sms_retry_base_seconds = 30;
  self->sms_dispatch_interval_seconds = 5;
  self->max_upload_bytes = DEFAULT_MAX_UPLOAD;
  self->pubrent_sweep_interval_seconds = 60;
  self->pubrent_progress_per_minute = 10;
  self->documents_verify_base_url = g_strdup (DEFAULT_VERIFY_BASE_URL);
  self->terminals_offline_after_seconds = 180;
  self->terminals_sweep_interval_seconds = 30;
  self->sweep_batch_size = 32;

  return self;
}

void
anju_config_free (AnjuConfig *self)
{
  if (self == NULL)
    return;

  g_free (self->listen_host);
  g_free (self->tls_certificate);
  g_free (self->tls_key);
  g_free (self->mobile_web_dir);
  g_free (self->database_path);
  g_free (self->audit_key_file);
  g_free (self->sms_gateway_url);
  g_free (self->sms_account);
  g_free (self->sms_secret);
  g_free (self->documents_verify_base_url);
  g_free (self->identity_capture_sm4_key_file);
  g_free (self->sms_signature);
  g_free (self);
}

static gboolean
check_known_keys (GKeyFile    *keyfile,
                  const char  *path,
                  GError     **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char * const *known = NULL;
      g_auto(GStrv) keys = NULL;

      for (guint g = 0; g < G_N_ELEMENTS (known_groups); g++)
        if (g_str_equal (known_groups[g].group, groups[i]))
          known = known_groups[g].keys;

      if (known == NULL)
        {
          g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG,
                       /* Translators: %1$s is a file, %2$s a [group] name */
                       _("%1$s: unknown group [%2$s]"), path, groups[i]);
          return FALSE;
        }

      keys = g_key_file_get_keys (keyfile, groups[i], NULL, NULL);
      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        if (!g_strv_contains (known, keys[k]))
          {
            g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG,
                         /* Translators: %1$s is a file, %2$s a group, %3$s a key */
                         _("%1$s: unknown key “%3$s” in [%2$s]"),
                         path, groups[i], keys[k]);
            return FALSE;
          }
    }

  return TRUE;
}

static void
set_bad_value (GError     **error,
               const char  *path,
               const char  *group,
               const char  *key,
               const char  *why)
{
  g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG,
               /* Translators: %1$s file, %2$s group, %3$s key, %4$s what is wrong */
               _("%1$s: [%2$s] %3$s: %4$s"), path, group, key, why);
}

/* Reads an unsigned number in [min, max] if the key is present. */
static gboolean
read_uint (GKeyFile    *keyfile,
           const char  *path,
           const char  *group,
           const char  *key,
           guint64      min,
           guint64      max,
           guint64     *inout)
{
  g_autofree char *text = NULL;
  guint64 value;

  if (!g_key_file_has_key (keyfile, group, key, NULL))
    return TRUE;

  text = g_key_file_get_value (keyfile, group, key, NULL);
  g_strstrip (text);
  if (!g_ascii_string_to_unsigned (text, 10, min, max, &value, NULL))
    return FALSE;

  *inout = value;
  return TRUE;
}

static gboolean
read_uint_or_error (GKeyFile    *keyfile,
                    const char  *path,
                    const char  *group,
                    const char  *key,
                    guint64      min,
                    guint64      max,
                    guint64     *inout,
                    GError     **error)
{
  g_autofree char *why = NULL;

  if (read_uint (keyfile, path, group, key, min, max, inout))
    return TRUE;

  /* Translators: %1$lu and %2$lu are the allowed range */
  why = g_strdup_printf (_("must be a whole number from %1$lu to %2$lu"),
                         (unsigned long) min, (unsigned long) max);
  set_bad_value (error, path, group, key, why);
  return FALSE;
}

/* Empty string means "not set"; relative paths are relative to the file. */
static char *
read_path (GKeyFile   *keyfile,
           const char *config_dir,
           const char *group,
           const char *key)
{
  g_autofree char *value = g_key_file_get_string (keyfile, group, key, NULL);

  if (value == NULL)
    return NULL;
  g_strstrip (value);
  if (*value == '\0')
    return NULL;
  if (g_path_is_absolute (value))
    return g_steal_pointer (&value);
  return g_build_filename (config_dir, value, NULL);
}

static gboolean
parse_listen (const char  *text,
              char       **out_host,
              guint16     *out_port)
{
  const char *colon = strrchr (text, ':');
  guint64 port;

  if (colon == NULL || colon == text)
    return FALSE;
  if (!g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &port, NULL))
    return FALSE;

  /* "[::1]:8443" */
  if (text[0] == '[' && colon[-1] == ']')
    *out_host = g_strndup (text + 1, colon - text - 2);
  else
    *out_host = g_strndup (text, colon - text);
  *out_port = (guint16) port;
  return TRUE;
}

static gboolean
load_server_group (AnjuConfig  *self,
                   GKeyFile    *keyfile,
                   const char  *path,
                   const char  *config_dir,
                   GError     **error)
{
  guint64 max_body = self->max_json_body;

  if (g_key_file_has_key (keyfile, "server", "listen", NULL))
    {
      g_autofree char *listen = g_key_file_get_string (keyfile, "server", "listen", NULL);
      g_autofree char *host = NULL;

      if (listen == NULL || !parse_listen (g_strstrip (listen), &host, &self->listen_port))
        {
          set_bad_value (error, path, "server", "listen",
                         _("must be host:port, for example 127.0.0.1:8443"));
          return FALSE;
        }
      g_free (self->listen_host);
      self->listen_host = g_steal_pointer (&host);
    }

  self->tls_certificate = read_path (keyfile, config_dir, "server", "tls_certificate");
  self->tls_key = read_path (keyfile, config_dir, "server", "tls_key");
  if ((self->tls_certificate == NULL) != (self->tls_key == NULL))
    {
      set_bad_value (error, path, "server",
                     self->tls_certificate == NULL ? "tls_certificate" : "tls_key",
                     _("tls_certificate and tls_key must be set together"));
      return FALSE;
    }

  if (g_key_file_has_key (keyfile, "server", "allow_plain_http", NULL))
    {
      g_autoptr(GError) local_error = NULL;

      self->allow_plain_http = g_key_file_get_boolean (keyfile, "server", "allow_plain_http",
                                                       &local_error);
      if (local_error != NULL)
        {
          set_bad_value (error, path, "server", "allow_plain_http",
                         _("must be true or false"));
          return FALSE;
        }
    }

  if (!read_uint_or_error (keyfile, path, "server", "max_json_body",
                           1024, G_GUINT64_CONSTANT (1) << 30, &max_body, error))
    return FALSE;
  self->max_json_body = max_body;

  return TRUE;
}

/* Reads each key of numbers in [min, max] into the guint at its offset. */
typedef struct
{
  const char *key;
  gsize       offset;
  guint64     min;
  guint64     max;
} UintKey;

static gboolean
read_uint_keys (AnjuConfig    *self,
                GKeyFile      *keyfile,
                const char    *path,
                const char    *group,
                const UintKey *numbers,
                guint          n_numbers,
                GError       **error)
{
  for (guint i = 0; i < n_numbers; i++)
    {
      guint *field = G_STRUCT_MEMBER_P (self, numbers[i].offset);
      guint64 value = *field;

      if (!read_uint_or_error (keyfile, path, group, numbers[i].key,
                               numbers[i].min, numbers[i].max, &value, error))
        return FALSE;
      *field = (guint) value;
    }
  return TRUE;
}

static gboolean
load_security_group (AnjuConfig  *self,
                     GKeyFile    *keyfile,
                     const char  *path,
                     const char  *config_dir,
                     GError     **error)
{
  static const UintKey numbers[] = {
    { "session_idle_minutes", G_STRUCT_OFFSET (AnjuConfig, session_idle_minutes), 1, 24 * 60 },
    { "session_lifetime_hours", G_STRUCT_OFFSET (AnjuConfig, session_lifetime_hours), 1, 24 * 30 },
    { "lockout_attempts", G_STRUCT_OFFSET (AnjuConfig, lockout_attempts), 1, 100 },
    { "lockout_window_minutes", G_STRUCT_OFFSET (AnjuConfig, lockout_window_minutes), 1, 24 * 60 },
    { "lockout_minutes", G_STRUCT_OFFSET (AnjuConfig, lockout_minutes), 1, 24 * 60 },
  };

  self->audit_key_file = read_path (keyfile, config_dir, "security", "audit_key_file");
  return read_uint_keys (self, keyfile, path, "security", numbers, G_N_ELEMENTS (numbers), error);
}

/* A trimmed string value; NULL when absent or empty. */
static char *
read_text (GKeyFile   *keyfile,
           const char *group,
           const char *key)
{
  g_autofree char *value = g_key_file_get_string (keyfile, group, key, NULL);

  if (value == NULL || *g_strstrip (value) == '\0')
    return NULL;
  return g_steal_pointer (&value);
}

/* http:// is only for a gateway on this machine (the fake one of the
 * demo and the tests); anything that leaves the host must be https. */
static gboolean
check_gateway_url (const char  *url,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GInetAddress) address = NULL;
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL
      || (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0))
    {
      set_bad_value (error, path, "sms", "gateway_url",
                     _("must be an https:// address"));
      return FALSE;
    }
  if (g_str_equal (scheme, "https"))
    return TRUE;
  address = g_inet_address_new_from_string (g_uri_get_host (uri));
  if (address == NULL || !g_inet_address_get_is_loopback (address))
    {
      set_bad_value (error, path, "sms", "gateway_url",
                     _("http:// is only allowed for a gateway on a loopback address"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_messaging_groups (AnjuConfig  *self,
                       GKeyFile    *keyfile,
                       const char  *path,
                       GError     **error)
{
  static const UintKey workflow_numbers[] = {
    { "reminder_interval_seconds", G_STRUCT_OFFSET (AnjuConfig, reminder_interval_seconds),
      1, 24 * 3600 },
  };
  static const UintKey pubrent_numbers[] = {
    { "sweep_interval_seconds",
      G_STRUCT_OFFSET (AnjuConfig, pubrent_sweep_interval_seconds), 1, 24 * 3600 },
    { "progress_per_minute",
      G_STRUCT_OFFSET (AnjuConfig, pubrent_progress_per_minute), 1, 10000 },
  };
  static const UintKey terminals_numbers[] = {
    { "offline_after_seconds",
      G_STRUCT_OFFSET (AnjuConfig, terminals_offline_after_seconds), 10, 7 * 24 * 3600 },
    { "sweep_interval_seconds",
      G_STRUCT_OFFSET (AnjuConfig, terminals_sweep_interval_seconds), 1, 3600 },
  };
  static const UintKey sweeps_numbers[] = {
    { "batch_size", G_STRUCT_OFFSET (AnjuConfig, sweep_batch_size), 1, 10000 },
  };
  static const UintKey sms_numbers[] = {
    { "rate_per_second", G_STRUCT_OFFSET (AnjuConfig, sms_rate_per_second), 1, 1000 },
    { "daily_cap", G_STRUCT_OFFSET (AnjuConfig, sms_daily_cap), 1, 10000000 },
    { "max_attempts", G_STRUCT_OFFSET (AnjuConfig, sms_max_attempts), 1, 20 },
    { "retry_base_seconds", G_STRUCT_OFFSET (AnjuConfig, sms_retry_base_seconds), 1, 3600 },
    { "dispatch_interval_seconds",
      G_STRUCT_OFFSET (AnjuConfig, sms_dispatch_interval_seconds), 1, 3600 },
  };
  g_autofree char *signature = read_text (keyfile, "sms", "signature");
  g_autofree char *verify_base_url = read_text (keyfile, "documents", "verify_base_url");
  guint64 max_upload = self->max_upload_bytes;

  if (!read_uint_keys (self, keyfile, path, "workflow", workflow_numbers,
                       G_N_ELEMENTS (workflow_numbers), error)
      || !read_uint_keys (self, keyfile, path, "sms", sms_numbers,
                          G_N_ELEMENTS (sms_numbers), error)
      || !read_uint_keys (self, keyfile, path, "pubrent", pubrent_numbers,
                          G_N_ELEMENTS (pubrent_numbers), error)
      || !read_uint_keys (self, keyfile, path, "terminals", terminals_numbers,
                          G_N_ELEMENTS (terminals_numbers), error)
      || !read_uint_keys (self, keyfile, path, "sweeps", sweeps_numbers,
                          G_N_ELEMENTS (sweeps_numbers), error)
      || !read_uint_or_error (keyfile, path, "files", "max_upload_bytes",
                              1024, G_GUINT64_CONSTANT (1) << 30, &max_upload, error))
    return FALSE;
  self->max_upload_bytes = max_upload;

  if (verify_base_url != NULL)
    {
      if (!g_str_has_prefix (verify_base_url, "https://"))
        {
          set_bad_value (error, path, "documents", "verify_base_url",
                         _("must be an https:// address"));
          return FALSE;
        }
      g_free (self->documents_verify_base_url);
  g_free (self->identity_capture_sm4_key_file);
      self->documents_verify_base_url = g_steal_pointer (&verify_base_url);
    }

  self->sms_gateway_url = read_text (keyfile, "sms", "gateway_url");
  self->sms_account = read_text (keyfile, "sms", "account");
  self->sms_secret = read_text (keyfile, "sms", "secret");
  if (signature != NULL)
    {
      g_free (self->sms_signature);
      self->sms_signature = g_steal_pointer (&signature);
    }
  return self->sms_gateway_url == NULL || check_gateway_url (self->sms_gateway_url, path, error);
}

AnjuConfig *
anju_config_load (const char  *path,
                  GError     **error)
{
  static const UintKey database_numbers[] = {
    { "worker_threads", G_STRUCT_OFFSET (AnjuConfig, database_worker_threads), 1, 64 },
    { "record_threads", G_STRUCT_OFFSET (AnjuConfig, database_record_threads), 1, 64 },
  };
  g_autoptr(AnjuConfig) self = anju_config_new_default ();
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *config_dir = NULL;
  g_autofree char *db_path = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG,
                   /* Translators: %1$s is a file, %2$s the reason */
                   _("Cannot read the configuration %1$s: %2$s"), path, local_error->message);
      return NULL;
    }

  if (!check_known_keys (keyfile, path, error))
    return NULL;

  config_dir = g_path_get_dirname (path);
  if (!load_server_group (self, keyfile, path, config_dir, error) ||
      !load_security_group (self, keyfile, path, config_dir, error) ||
      !load_messaging_groups (self, keyfile, path, error))
    return NULL;

  /* The key itself is read (and checked) when the server starts. */
  self->identity_capture_sm4_key_file = read_path (keyfile, config_dir, "identity_capture",
                                                   "sm4_key_file");
  db_path = read_path (keyfile, config_dir, "database", "path");
  if (db_path != NULL)
    {
      g_free (self->database_path);
      self->database_path = g_steal_pointer (&db_path);
    }
  if (!read_uint_keys (self, keyfile, path, "database", database_numbers,
                      G_N_ELEMENTS (database_numbers), error))
    return NULL;

  return g_steal_pointer (&self);
}

AnjuConfig *
anju_config_load_or_default (const char  *path,
                             GError     **error)
{
  if (path == NULL)
    return anju_config_new_default ();
  return anju_config_load (path, error);
}

char *
anju_config_get_data_dir (const AnjuConfig *self)
{
  return g_path_get_dirname (self->database_path);
}

char *
anju_config_get_audit_key_path (const AnjuConfig *self)
{
  g_autofree char *dir = NULL;

  if (self->audit_key_file != NULL)
    return g_strdup (self->audit_key_file);

  dir = anju_config_get_data_dir (self);
  return g_build_filename (dir, "audit.key", NULL);
}
