/* anju-trust-store.h: the certificates the user chose to trust.
 *
 * One pinned certificate per server, keyed by "host:port", kept in a
 * GKeyFile (by default g_get_user_config_dir()/anju/trusted-servers.ini,
 * written atomically, mode 0600).  A pin is only ever added by an explicit
 * user decision (the trust dialog) and only removed by an explicit "forget"
 * action; nothing here replaces a pin on its own.  The file is read again
 * on every lookup so two running clients see each other's decisions.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ANJU_TYPE_TRUST_STORE (anju_trust_store_get_type ())
G_DECLARE_FINAL_TYPE (AnjuTrustStore, anju_trust_store, ANJU, TRUST_STORE, GObject)

/* path NULL: the default file under the user's config directory. */
AnjuTrustStore *anju_trust_store_new            (const char      *path);
const char     *anju_trust_store_get_path       (AnjuTrustStore  *self);

/* The pinned certificate as PEM, or NULL when none is stored (or the
 * stored one is unreadable, which counts as none but is logged). */
char           *anju_trust_store_lookup         (AnjuTrustStore  *self,
                                                 const char      *server_key);
gboolean        anju_trust_store_pin            (AnjuTrustStore  *self,
                                                 const char      *server_key,
                                                 GTlsCertificate *certificate,
                                                 GError         **error);
/* Removing a pin that does not exist is not an error. */
gboolean        anju_trust_store_forget         (AnjuTrustStore  *self,
                                                 const char      *server_key,
                                                 GError         **error);

/* "host:port" of an https URI ("https://[::1]/" -> "::1:443"); NULL with
 * ANJU_ERROR_VALIDATION if uri is not an absolute https URI. */
char           *anju_trust_store_key_for_uri    (const char      *uri,
                                                 GError         **error);

/* "AB:CD:…": upper-case hex of the SHA-256 of the certificate's DER. */
char           *anju_certificate_get_fingerprint (GTlsCertificate *certificate);

G_END_DECLS
