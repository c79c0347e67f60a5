#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "anju-error.h"
#include "anju-kdf.h"

#define KDF_SCHEME     "pbkdf2-sm3"
#define KDF_SALT_BYTES 16
#define KDF_HASH_BYTES 32
/* Bounds for a stored iteration count: below is too weak to accept, above
 * would let a corrupted row stall a worker for minutes. */
#define KDF_MIN_ITERATIONS 10000
#define KDF_MAX_ITERATIONS 10000000

/* PBKDF2-HMAC-SM3 of 30 random bytes (base64) that were thrown away. */
static const char decoy_hash[] =
  "pbkdf2-sm3$200000$71c2bJzMxfWhykcm7nw0NQ==$"
  "wHitfF6WtWAsz9di+YGq1ds/xY1TihUH+TA1UoXH0sk=";

static gboolean
derive (const char    *password,
        const guint8  *salt,
        gsize          salt_len,
        guint          iterations,
        guint8         out[KDF_HASH_BYTES],
        GError       **error)
{
  if (PKCS5_PBKDF2_HMAC (password, (int) strlen (password),
                         salt, (int) salt_len, (int) iterations,
                         EVP_sm3 (), KDF_HASH_BYTES, out) != 1)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_INTERNAL,
                   "PBKDF2-HMAC-SM3 failed");
      return FALSE;
    }
  return TRUE;
}

char *
anju_kdf_hash (const char  *password,
               GError     **error)
{
  guint8 salt[KDF_SALT_BYTES];
  guint8 hash[KDF_HASH_BYTES];
  g_autofree char *salt_b64 = NULL;
  g_autofree char *hash_b64 = NULL;

  g_return_val_if_fail (password != NULL, NULL);

  if (RAND_bytes (salt, sizeof salt) != 1)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_INTERNAL,
                   "No random bytes for a password salt");
      return NULL;
    }
  if (!derive (password, salt, sizeof salt, ANJU_KDF_ITERATIONS, hash, error))
    return NULL;

  salt_b64 = g_base64_encode (salt, sizeof salt);
  hash_b64 = g_base64_encode (hash, sizeof hash);
  OPENSSL_cleanse (hash, sizeof hash);

  return g_strdup_printf (KDF_SCHEME "$%u$%s$%s",
                          ANJU_KDF_ITERATIONS, salt_b64, hash_b64);
}

static gboolean
parse_stored (const char  *stored,
              guint       *out_iterations,
              guint8     **out_salt,
              gsize       *out_salt_len,
              guint8     **out_hash,
              GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (stored, "$", -1);
  guint64 iterations = 0;
  gsize hash_len = 0;

  if (g_strv_length (parts) != 4 || !g_str_equal (parts[0], KDF_SCHEME)
      || !g_ascii_string_to_unsigned (parts[1], 10, KDF_MIN_ITERATIONS,
                                      KDF_MAX_ITERATIONS, &iterations, NULL))
    goto malformed;

  *out_salt = g_base64_decode (parts[2], out_salt_len);
  *out_hash = g_base64_decode (parts[3], &hash_len);
  if (*out_salt_len < 8 || hash_len != KDF_HASH_BYTES)
    {
      g_clear_pointer (out_salt, g_free);
      g_clear_pointer (out_hash, g_free);
      goto malformed;
    }
  *out_iterations = (guint) iterations;
  return TRUE;

malformed:
  g_set_error (error, ANJU_ERROR, ANJU_ERROR_INTERNAL,
               "Stored password hash is not in the %s format", KDF_SCHEME);
  return FALSE;
}

gboolean
anju_kdf_verify (const char  *password,
                 const char  *stored,
                 GError     **error)
{
  g_autofree guint8 *salt = NULL;
  g_autofree guint8 *expected = NULL;
  guint8 actual[KDF_HASH_BYTES];
  gsize salt_len = 0;
  guint iterations = 0;
  gboolean match;

  g_return_val_if_fail (password != NULL, FALSE);
  g_return_val_if_fail (stored != NULL, FALSE);

  if (!parse_stored (stored, &iterations, &salt, &salt_len, &expected, error))
    return FALSE;
  if (!derive (password, salt, salt_len, iterations, actual, error))
    return FALSE;

  match = CRYPTO_memcmp (actual, expected, KDF_HASH_BYTES) == 0;
  OPENSSL_cleanse (actual, sizeof actual);
  return match;
}

const char *
anju_kdf_get_decoy_hash (void)
{
  return decoy_hash;
}

/* The secrets travel to the worker in a copy that is wiped when the task
 * lets go of it, rather than lingering in freed heap. */
typedef struct
{
  char *password;
  char *stored;
} KdfJob;

static void
wipe_string (char *str)
{
  if (str != NULL)
    OPENSSL_cleanse (str, strlen (str));
  g_free (str);
}

static void
kdf_job_free (KdfJob *job)
{
  wipe_string (job->password);
  g_free (job->stored);
  g_free (job);
}

static KdfJob *
kdf_job_new (const char *password,
             const char *stored)
{
  KdfJob *job = g_new0 (KdfJob, 1);

  job->password = g_strdup (password);
  job->stored = g_strdup (stored);
  return job;
}

/* The worker threads belong to GLib's shared pool and outlive the job.
 * OpenSSL keeps per-thread state (random generator, error queue) until a
 * thread exits; dropping it when the job ends leaves the pool's threads as
 * we found them, and nothing behind when the process exits while a pool
 * thread is still parked. */
static void
release_thread_state (void)
{
  OPENSSL_thread_stop ();
}

static void
hash_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  KdfJob *job = task_data;
  GError *error = NULL;
  char *hash = anju_kdf_hash (job->password, &error);

  release_thread_state ();
  if (hash == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hash, g_free);
}

void
anju_kdf_hash_async (const char          *password,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (password != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, anju_kdf_hash_async);
  g_task_set_task_data (task, kdf_job_new (password, NULL),
                        (GDestroyNotify) kdf_job_free);
  g_task_run_in_thread (task, hash_thread);
}

char *
anju_kdf_hash_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, anju_kdf_hash_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  KdfJob *job = task_data;
  GError *error = NULL;
  gboolean match = anju_kdf_verify (job->password, job->stored, &error);

  release_thread_state ();
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, match);
}

void
anju_kdf_verify_async (const char          *password,
                       const char          *stored,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (password != NULL);
  g_return_if_fail (stored != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, anju_kdf_verify_async);
  g_task_set_task_data (task, kdf_job_new (password, stored),
                        (GDestroyNotify) kdf_job_free);
  g_task_run_in_thread (task, verify_thread);
}

gboolean
anju_kdf_verify_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, anju_kdf_verify_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
