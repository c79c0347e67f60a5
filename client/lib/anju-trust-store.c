/* anju-trust-store.c: pinned server certificates in a GKeyFile.
 *
 * File layout, one group per server:
 *
 *   [127.0.0.1:8443]
 *   fingerprint=AB:CD:…
 *   pinned-at=2026-11-29T17:00:00+08:00
 *   certificate=-----BEGIN CERTIFICATE-----\n…
 *
 * The fingerprint and time are for a human reading the file; only the
 * certificate is trusted, and it is re-parsed on every lookup.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "anju-error.h"
#include "anju-trust-store.h"

#define KEY_CERTIFICATE "certificate"
#define KEY_FINGERPRINT "fingerprint"
#define KEY_PINNED_AT   "pinned-at"

struct _AnjuTrustStore
{
  GObject parent_instance;

  char *path;                   /* (owned) */
};

G_DEFINE_FINAL_TYPE (AnjuTrustStore, anju_trust_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A missing file is an empty store, not an error. */
static GKeyFile *
load_key_file (AnjuTrustStore  *self,
               GError         **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;

  if (!g_key_file_load_from_file (key_file, self->path, G_KEY_FILE_KEEP_COMMENTS,
                                  &local_error) &&
      !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&key_file);
}

/* The pins decide whom the user talks to, so other local users must not
 * be able to read or change them: directory 0700, file 0600. */
static gboolean
save_key_file (AnjuTrustStore  *self,
               GKeyFile        *key_file,
               GError         **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *data = NULL;
  gsize length;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: %1$s is a folder, %2$s the system's reason */
                   _("Could not create the folder %1$s: %2$s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  data = g_key_file_to_data (key_file, &length, NULL);
  return g_file_set_contents_full (self->path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static void
anju_trust_store_finalize (GObject *object)
{
  AnjuTrustStore *self = ANJU_TRUST_STORE (object);

  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (anju_trust_store_parent_class)->finalize (object);
}

static void
anju_trust_store_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AnjuTrustStore *self = ANJU_TRUST_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_trust_store_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AnjuTrustStore *self = ANJU_TRUST_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      if (self->path == NULL)
        self->path = g_build_filename (g_get_user_config_dir (), "anju",
                                       "trusted-servers.ini", NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_trust_store_class_init (AnjuTrustStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anju_trust_store_finalize;
  object_class->get_property = anju_trust_store_get_property;
  object_class->set_property = anju_trust_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anju_trust_store_init (AnjuTrustStore *self)
{
}

AnjuTrustStore *
anju_trust_store_new (const char *path)
{
  return g_object_new (ANJU_TYPE_TRUST_STORE, "path", path, NULL);
}

const char *
anju_trust_store_get_path (AnjuTrustStore *self)
{
  g_return_val_if_fail (ANJU_IS_TRUST_STORE (self), NULL);

  return self->path;
}

char *
anju_trust_store_lookup (AnjuTrustStore *self,
                         const char     *server_key)
{
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pem = NULL;

  g_return_val_if_fail (ANJU_IS_TRUST_STORE (self), NULL);
  g_return_val_if_fail (server_key != NULL, NULL);

  key_file = load_key_file (self, &error);
  if (key_file == NULL)
    {
      g_message ("Ignoring unreadable trust store %s: %s", self->path, error->message);
      return NULL;
    }
  if (!g_key_file_has_group (key_file, server_key))
    return NULL;

  pem = g_key_file_get_string (key_file, server_key, KEY_CERTIFICATE, NULL);
  if (pem != NULL)
    certificate = g_tls_certificate_new_from_pem (pem, -1, &error);
  if (certificate == NULL)
    {
      g_message ("Ignoring unreadable pin for %s in %s", server_key, self->path);
      return NULL;
    }
  return g_steal_pointer (&pem);
}

gboolean
anju_trust_store_pin (AnjuTrustStore   *self,
                      const char       *server_key,
                      GTlsCertificate  *certificate,
                      GError          **error)
{
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *pem = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *pinned_at = NULL;

  g_return_val_if_fail (ANJU_IS_TRUST_STORE (self), FALSE);
  g_return_val_if_fail (server_key != NULL && *server_key != '\0', FALSE);
  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), FALSE);

  key_file = load_key_file (self, error);
  if (key_file == NULL)
    return FALSE;

  g_object_get (certificate, "certificate-pem", &pem, NULL);
  fingerprint = anju_certificate_get_fingerprint (certificate);
  now = g_date_time_new_now_local ();
  pinned_at = g_date_time_format_iso8601 (now);

  g_key_file_set_string (key_file, server_key, KEY_FINGERPRINT, fingerprint);
  g_key_file_set_string (key_file, server_key, KEY_PINNED_AT, pinned_at);
  g_key_file_set_string (key_file, server_key, KEY_CERTIFICATE, pem);

  return save_key_file (self, key_file, error);
}

gboolean
anju_trust_store_forget (AnjuTrustStore  *self,
                         const char      *server_key,
                         GError         **error)
{
  g_autoptr(GKeyFile) key_file = NULL;

  g_return_val_if_fail (ANJU_IS_TRUST_STORE (self), FALSE);
  g_return_val_if_fail (server_key != NULL, FALSE);

  key_file = load_key_file (self, error);
  if (key_file == NULL)
    return FALSE;
  if (!g_key_file_remove_group (key_file, server_key, NULL))
    return TRUE;

  return save_key_file (self, key_file, error);
}

char *
anju_trust_store_key_for_uri (const char  *uri,
                              GError     **error)
{
  g_autoptr(GUri) parsed = NULL;
  const char *host;
  int port;

  g_return_val_if_fail (uri != NULL, NULL);

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  host = parsed != NULL ? g_uri_get_host (parsed) : NULL;
  if (host == NULL || *host == '\0' ||
      g_ascii_strcasecmp (g_uri_get_scheme (parsed), "https") != 0)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   /* Translators: %1$s is what the user typed as the server address */
                   _("“%1$s” is not an https:// server address"), uri);
      return NULL;
    }

  port = g_uri_get_port (parsed);
  if (port == -1)
    port = 443;
  return g_strdup_printf ("%s:%d", host, port);
}

char *
anju_certificate_get_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  GString *out;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, der->data, der->len);
  g_checksum_get_digest (checksum, digest, &digest_len);

  out = g_string_sized_new (digest_len * 3);
  for (gsize i = 0; i < digest_len; i++)
    g_string_append_printf (out, i == 0 ? "%02X" : ":%02X", digest[i]);
  return g_string_free (out, FALSE);
}
