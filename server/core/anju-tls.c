#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gnutls/abstract.h>
#include <gnutls/x509.h>
#include <string.h>

#include "anju-error.h"
#include "anju-tls.h"

#define VALID_DAYS (3650)

static gboolean
gnutls_failed (int       rc,
               GError  **error)
{
  if (rc >= 0)
    return FALSE;
  g_set_error (error, ANJU_ERROR, ANJU_ERROR_CERTIFICATE,
               _("Cannot make the TLS certificate: %s"), gnutls_strerror (rc));
  return TRUE;
}

static char *
export_pem (int (*export) (void *, gnutls_x509_crt_fmt_t, gnutls_datum_t *),
            void    *object,
            GError **error)
{
  gnutls_datum_t out = { NULL, 0 };
  char *pem;

  if (gnutls_failed (export (object, GNUTLS_X509_FMT_PEM, &out), error))
    return NULL;
  pem = g_strndup ((const char *) out.data, out.size);
  gnutls_free (out.data);
  return pem;
}

static int
set_subject_alt_names (gnutls_x509_crt_t  crt,
                       const char        *host)
{
  static const guint8 ipv4_loopback[4] = { 127, 0, 0, 1 };
  static const guint8 ipv6_loopback[16] = { [15] = 1 };
  g_autoptr(GInetAddress) address = NULL;
  int rc;

  rc = gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_DNSNAME, "localhost",
                                             strlen ("localhost"), GNUTLS_FSAN_APPEND);
  if (rc >= 0)
    rc = gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_IPADDRESS, ipv4_loopback,
                                               sizeof ipv4_loopback, GNUTLS_FSAN_APPEND);
  if (rc >= 0)
    rc = gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_IPADDRESS, ipv6_loopback,
                                               sizeof ipv6_loopback, GNUTLS_FSAN_APPEND);
  if (rc < 0 || host == NULL || g_str_equal (host, "127.0.0.1") ||
      g_str_equal (host, "localhost") || g_str_equal (host, "0.0.0.0"))
    return rc;

  /* Clients dial the configured host, so it must be named too. */
  address = g_inet_address_new_from_string (host);
  if (address != NULL)
    return gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_IPADDRESS,
                                                 g_inet_address_to_bytes (address),
                                                 g_inet_address_get_native_size (address),
                                                 GNUTLS_FSAN_APPEND);
  return gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_DNSNAME, host,
                                               strlen (host), GNUTLS_FSAN_APPEND);
}

static int
fill_certificate (gnutls_x509_crt_t      crt,
                  gnutls_x509_privkey_t  key,
                  const char            *host)
{
  guint8 serial[16];
  time_t now = time (NULL);
  int rc;

  for (guint i = 0; i < sizeof serial; i++)
    serial[i] = (guint8) g_random_int_range (0, 256);
  serial[0] &= 0x7f;   /* a positive serial number */

  rc = gnutls_x509_crt_set_key (crt, key);
  if (rc >= 0) rc = gnutls_x509_crt_set_version (crt, 3);
  if (rc >= 0) rc = gnutls_x509_crt_set_serial (crt, serial, sizeof serial);
  if (rc >= 0) rc = gnutls_x509_crt_set_activation_time (crt, now - 3600);
  if (rc >= 0) rc = gnutls_x509_crt_set_expiration_time (crt, now + (time_t) VALID_DAYS * 86400);
  if (rc >= 0) rc = gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0,
                                                   host, strlen (host));
  if (rc >= 0) rc = gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_ORGANIZATION_NAME, 0,
                                                   "Anju", strlen ("Anju"));
  if (rc >= 0) rc = set_subject_alt_names (crt, host);
  /* CA:TRUE lets a client use this very certificate as its one trust anchor. */
  if (rc >= 0) rc = gnutls_x509_crt_set_basic_constraints (crt, 1, -1);
  if (rc >= 0) rc = gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE |
                                                   GNUTLS_KEY_KEY_CERT_SIGN);
  if (rc >= 0) rc = gnutls_x509_crt_set_key_purpose_oid (crt, GNUTLS_KP_TLS_WWW_SERVER, 0);
  if (rc >= 0) rc = gnutls_x509_crt_sign2 (crt, crt, key, GNUTLS_DIG_SHA256, 0);
  return rc;
}

gboolean
anju_tls_create_self_signed (const char  *host,
                             char       **out_cert_pem,
                             char       **out_key_pem,
                             GError     **error)
{
  gnutls_x509_privkey_t key = NULL;
  gnutls_x509_crt_t crt = NULL;
  g_autofree char *cert_pem = NULL;
  g_autofree char *key_pem = NULL;
  gboolean ok = FALSE;

  if (host == NULL || *host == '\0')
    host = "127.0.0.1";

  if (gnutls_failed (gnutls_x509_privkey_init (&key), error) ||
      gnutls_failed (gnutls_x509_privkey_generate (key, GNUTLS_PK_ECDSA,
                                                   GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1),
                                                   0), error) ||
      gnutls_failed (gnutls_x509_crt_init (&crt), error) ||
      gnutls_failed (fill_certificate (crt, key, host), error))
    goto out;

  cert_pem = export_pem ((gpointer) gnutls_x509_crt_export2, crt, error);
  if (cert_pem == NULL)
    goto out;
  key_pem = export_pem ((gpointer) gnutls_x509_privkey_export2, key, error);
  if (key_pem == NULL)
    goto out;

  *out_cert_pem = g_steal_pointer (&cert_pem);
  *out_key_pem = g_steal_pointer (&key_pem);
  ok = TRUE;

out:
  if (crt != NULL)
    gnutls_x509_crt_deinit (crt);
  if (key != NULL)
    gnutls_x509_privkey_deinit (key);
  return ok;
}

static gboolean
create_into (const char  *cert_path,
             const char  *key_path,
             const char  *listen_host,
             GError     **error)
{
  g_autofree char *cert_pem = NULL;
  g_autofree char *key_pem = NULL;
  g_autofree char *dir = g_path_get_dirname (cert_path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CERTIFICATE,
                   _("Cannot create the directory %s: %s"), dir, g_strerror (errno));
      return FALSE;
    }

  /* The key is written first and only its owner may read it. */
  return anju_tls_create_self_signed (listen_host, &cert_pem, &key_pem, error) &&
         g_file_set_contents_full (key_path, key_pem, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0600, error) &&
         g_file_set_contents_full (cert_path, cert_pem, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0644, error);
}

GTlsCertificate *
anju_tls_load_or_create (const char  *cert_path,
                         const char  *key_path,
                         const char  *data_dir,
                         const char  *listen_host,
                         gboolean    *out_created,
                         GError     **error)
{
  g_autofree char *own_cert = NULL;
  g_autofree char *own_key = NULL;
  g_autoptr(GError) local_error = NULL;
  GTlsCertificate *certificate;

  *out_created = FALSE;

  if (cert_path == NULL)
    {
      own_cert = g_build_filename (data_dir, "server.crt", NULL);
      own_key = g_build_filename (data_dir, "server.key", NULL);
      cert_path = own_cert;
      key_path = own_key;

      if (!g_file_test (cert_path, G_FILE_TEST_EXISTS))
        {
          if (!create_into (cert_path, key_path, listen_host, error))
            return NULL;
          *out_created = TRUE;
        }
    }

  certificate = g_tls_certificate_new_from_files (cert_path, key_path, &local_error);
  if (certificate == NULL)
    g_set_error (error, ANJU_ERROR, ANJU_ERROR_CERTIFICATE,
                 /* Translators: %1$s and %2$s are files, %3$s the reason */
                 _("Cannot load the TLS certificate %1$s and key %2$s: %3$s"),
                 cert_path, key_path, local_error->message);
  return certificate;
}

char *
anju_tls_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  GString *out = g_string_new (NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  g_checksum_update (checksum, der->data, der->len);
  g_checksum_get_digest (checksum, digest, &digest_len);

  for (gsize i = 0; i < digest_len; i++)
    g_string_append_printf (out, i == 0 ? "%02X" : ":%02X", digest[i]);
  return g_string_free (out, FALSE);
}
