/* anju-error-message.h: one sentence a person can act on, for a GError.
 *
 * Errors from AnjuApiClient carry technical detail; a window shows this
 * sentence instead.  For validation failures, conflicts and locked
 * accounts the server's own message is specific ("until 17:15"), so it
 * wins; other codes get a fixed translated sentence.  Errors of other
 * domains keep their own message.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* server_uri (nullable) names the server in network messages.  Returns
 * NULL for G_IO_ERROR_CANCELLED: a cancelled call has nothing to tell. */
char *anju_error_message_for (const GError *error,
                              const char   *server_uri);

G_END_DECLS
