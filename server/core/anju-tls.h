/* anju-tls.h: the server's certificate.
 *
 * When the config names no certificate, the server makes a self-signed
 * ECDSA P-256 one at first start (SAN 127.0.0.1, ::1 and localhost, plus
 * the listen host), stores cert and key beside the database (key 0600) and
 * reuses them afterwards, so the fingerprint clients pinned stays valid.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Loads cert_path + key_path; when both are NULL, loads or makes
 * data_dir/server.crt and data_dir/server.key.  *out_created tells whether
 * a new certificate was made. */
GTlsCertificate *anju_tls_load_or_create   (const char  *cert_path,
                                            const char  *key_path,
                                            const char  *data_dir,
                                            const char  *listen_host,
                                            gboolean    *out_created,
                                            GError     **error);
/* Makes a new self-signed certificate; returns cert and key as PEM text. */
gboolean         anju_tls_create_self_signed (const char  *host,
                                              char       **out_cert_pem,
                                              char       **out_key_pem,
                                              GError     **error);
/* "AB:CD:…": SHA-256 of the DER encoding. */
char            *anju_tls_fingerprint       (GTlsCertificate *certificate);

G_END_DECLS
