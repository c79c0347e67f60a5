/* anju-password-policy.h: the seed's password rule, shared so the client
 * can say what is wrong before the server does.
 *
 * At least 8 characters with an upper-case letter, a lower-case letter, a
 * digit and a special character (ASCII punctuation), at most 128 bytes,
 * and not containing the username (case-insensitive).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ANJU_ERROR_VALIDATION with a translated message naming the first rule
 * the password breaks.  username may be NULL. */
gboolean anju_password_policy_check (const char  *password,
                                     const char  *username,
                                     GError     **error);

G_END_DECLS
