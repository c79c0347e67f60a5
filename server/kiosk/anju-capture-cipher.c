/* anju-capture-cipher.c: SM4-CBC through OpenSSL EVP.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <string.h>

#include "anju-capture-cipher.h"
#include "anju-error.h"

#define KEY_SIZE 16

struct _AnjuCaptureCipher
{
  GObject  parent_instance;

  gboolean configured;
  guint8   key[KEY_SIZE];
};

G_DEFINE_FINAL_TYPE (AnjuCaptureCipher, anju_capture_cipher, G_TYPE_OBJECT)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVP_CIPHER_CTX, EVP_CIPHER_CTX_free)

static void
anju_capture_cipher_finalize (GObject *object)
{
  AnjuCaptureCipher *self = ANJU_CAPTURE_CIPHER (object);

  OPENSSL_cleanse (self->key, sizeof self->key);
  G_OBJECT_CLASS (anju_capture_cipher_parent_class)->finalize (object);
}

static void
anju_capture_cipher_class_init (AnjuCaptureCipherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = anju_capture_cipher_finalize;
}

static void
anju_capture_cipher_init (AnjuCaptureCipher *self)
{
}

/* 32 hexadecimal characters (surrounding white space allowed) into key. */
static gboolean
parse_key (const char *text,
           guint8     *key)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (strlen (trimmed) != KEY_SIZE * 2)
    return FALSE;
  for (guint i = 0; i < KEY_SIZE; i++)
    {
      int high = g_ascii_xdigit_value (trimmed[2 * i]);
      int low = g_ascii_xdigit_value (trimmed[2 * i + 1]);

      if (high < 0 || low < 0)
        return FALSE;
      key[i] = (guint8) (high << 4 | low);
    }
  OPENSSL_cleanse (trimmed, strlen (trimmed));
  return TRUE;
}

AnjuCaptureCipher *
anju_capture_cipher_new (const char  *key_path,
                         GError     **error)
{
  g_autoptr(AnjuCaptureCipher) self = g_object_new (ANJU_TYPE_CAPTURE_CIPHER, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  if (key_path == NULL)
    return g_steal_pointer (&self);

  if (!g_file_get_contents (key_path, &text, &length, &local_error))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG,
                   /* Translators: %1$s is a file, %2$s the reason */
                   _("[identity_capture] sm4_key_file %1$s: %2$s"), key_path,
                   local_error->message);
      return NULL;
    }
  self->configured = parse_key (text, self->key);
  OPENSSL_cleanse (text, length);
  if (!self->configured)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG,
                   /* Translators: %s is a file */
                   _("[identity_capture] sm4_key_file %s: must hold 32 hexadecimal characters "
                     "(openssl rand -hex 16)"),
                   key_path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

gboolean
anju_capture_cipher_is_configured (AnjuCaptureCipher *self)
{
  g_return_val_if_fail (ANJU_IS_CAPTURE_CIPHER (self), FALSE);

  return self->configured;
}

static gboolean
check_configured (AnjuCaptureCipher  *self,
                  GError            **error)
{
  if (self->configured)
    return TRUE;
  g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_CONFLICT,
                       _("Identity capture is not configured on this server"));
  return FALSE;
}

/* Runs the whole of input through ctx (set up for one direction). */
static GBytes *
run_cipher (EVP_CIPHER_CTX  *ctx,
            GBytes          *input,
            GError         **error)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (input, &size);
  g_autofree guint8 *output = NULL;
  int written = 0, last = 0;

  if (size > G_MAXINT - 2 * EVP_MAX_BLOCK_LENGTH)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_TOO_LARGE, _("The capture is too large"));
      return NULL;
    }
  output = g_malloc (size + 2 * EVP_MAX_BLOCK_LENGTH);
  if (EVP_CipherUpdate (ctx, output, &written, data, (int) size) != 1
      || EVP_CipherFinal_ex (ctx, output + written, &last) != 1)
    {
      OPENSSL_cleanse (output, size + 2 * EVP_MAX_BLOCK_LENGTH);
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_DATABASE,
                           _("The capture could not be encrypted or decrypted with the "
                             "configured key"));
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&output), (gsize) (written + last));
}

static GBytes *
cipher_with (AnjuCaptureCipher  *self,
             const guint8       *iv,
             GBytes             *input,
             int                 encrypt,
             GError            **error)
{
  g_autoptr(EVP_CIPHER_CTX) ctx = EVP_CIPHER_CTX_new ();

  if (ctx == NULL
      || EVP_CipherInit_ex (ctx, EVP_sm4_cbc (), NULL, self->key, iv, encrypt) != 1)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_INTERNAL,
                           _("SM4 is not available in this OpenSSL"));
      return NULL;
    }
  return run_cipher (ctx, input, error);
}

gboolean
anju_capture_cipher_encrypt (AnjuCaptureCipher  *self,
                             GBytes             *plaintext,
                             GBytes            **out_iv,
                             GBytes            **out_ciphertext,
                             GError            **error)
{
  guint8 iv[ANJU_CAPTURE_CIPHER_IV_SIZE];
  GBytes *ciphertext;

  g_return_val_if_fail (ANJU_IS_CAPTURE_CIPHER (self), FALSE);

  if (!check_configured (self, error))
    return FALSE;
  if (RAND_bytes (iv, sizeof iv) != 1)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_INTERNAL,
                           _("No random numbers for the capture's IV"));
      return FALSE;
    }
  ciphertext = cipher_with (self, iv, plaintext, 1, error);
  if (ciphertext == NULL)
    return FALSE;
  *out_iv = g_bytes_new (iv, sizeof iv);
  *out_ciphertext = ciphertext;
  return TRUE;
}

GBytes *
anju_capture_cipher_decrypt (AnjuCaptureCipher  *self,
                             GBytes             *iv,
                             GBytes             *ciphertext,
                             GError            **error)
{
  g_return_val_if_fail (ANJU_IS_CAPTURE_CIPHER (self), NULL);

  if (!check_configured (self, error))
    return NULL;
  if (g_bytes_get_size (iv) != ANJU_CAPTURE_CIPHER_IV_SIZE)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_DATABASE,
                           _("The stored capture has no valid IV"));
      return NULL;
    }
  return cipher_with (self, g_bytes_get_data (iv, NULL), ciphertext, 0, error);
}
