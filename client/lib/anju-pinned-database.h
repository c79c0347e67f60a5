/* anju-pinned-database.h: a GTlsDatabase that trusts exactly one
 * certificate.
 *
 * Used as the "tls-database" of the client's SoupSession.  A peer is
 * accepted only when its leaf certificate is byte-for-byte the pinned one
 * (and is valid now, for the host dialled); no system CA is consulted, so a
 * publicly signed certificate for the same host is refused too.  With no
 * pinned certificate every peer is refused, which is what the certificate
 * probe relies on.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ANJU_TYPE_PINNED_DATABASE (anju_pinned_database_get_type ())
G_DECLARE_FINAL_TYPE (AnjuPinnedDatabase, anju_pinned_database, ANJU, PINNED_DATABASE, GTlsDatabase)

/* pinned may be NULL: trust nothing. */
GTlsDatabase *anju_pinned_database_new (GTlsCertificate *pinned);

G_END_DECLS
