/* anju-kdf.h: password hashing.
 *
 * PBKDF2-HMAC-SM3 (OpenSSL), 200 000 iterations, 16-byte random salt, a
 * 32-byte result, stored as "pbkdf2-sm3$200000$<b64 salt>$<b64 hash>".
 * The iteration count is read back from the stored string, so raising it
 * later does not break old hashes.
 *
 * One hash costs about 0.14 s of CPU.  The server must not spend that on
 * its main loop: handlers use the _async variants, which run in a GTask
 * thread and finish on the caller's thread-default main context.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ANJU_KDF_ITERATIONS 200000

char     *anju_kdf_hash          (const char  *password,
                                  GError     **error);
/* TRUE when password matches stored.  A stored string that is not in the
 * format above is an error, never a match. */
gboolean  anju_kdf_verify        (const char  *password,
                                  const char  *stored,
                                  GError     **error);

void      anju_kdf_hash_async    (const char          *password,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
char     *anju_kdf_hash_finish   (GAsyncResult  *result,
                                  GError       **error);

/* Finishes with TRUE for a match, FALSE (no error) for a mismatch, FALSE
 * with error when stored is malformed. */
void      anju_kdf_verify_async  (const char          *password,
                                  const char          *stored,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
gboolean  anju_kdf_verify_finish (GAsyncResult  *result,
                                  GError       **error);

/* A well-formed hash of no password anyone can type.  Verifying against it
 * costs the same as a real check, so an unknown username takes as long to
 * refuse as a wrong password. */
const char *anju_kdf_get_decoy_hash (void);

G_END_DECLS
