/* anju-initial-password.h: random first passwords for new accounts.
 *
 * Twelve characters from OpenSSL's random generator, at least one of each
 * class the password policy asks for (shared/anju-password-policy.h), and
 * never containing the username, so the policy always accepts it.  The
 * letters and digits that people confuse when reading a text message
 * (0 O o 1 l I) are left out.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* NULL with error only when the system has no random bytes. */
char *anju_initial_password_new (const char  *username,
                                 GError     **error);

G_END_DECLS
