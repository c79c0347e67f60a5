/* anju-capture-cipher.h: SM4-CBC for identity captures at rest.
 *
 * Face images and fingerprint templates are kept encrypted with SM4 in
 * CBC mode (OpenSSL EVP, PKCS#7 padding) under the key of
 * [identity_capture] sm4_key_file: 32 hexadecimal characters, as
 * `openssl rand -hex 16` writes them.  Every record gets a random IV of
 * its own.  A cipher made without a key file is "not configured": it
 * refuses to encrypt or decrypt (ANJU_ERROR_CONFLICT), so a server
 * without the key still runs everything else.  The key is wiped from
 * memory when the cipher goes.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ANJU_CAPTURE_CIPHER_IV_SIZE 16

#define ANJU_TYPE_CAPTURE_CIPHER (anju_capture_cipher_get_type ())
G_DECLARE_FINAL_TYPE (AnjuCaptureCipher, anju_capture_cipher, ANJU, CAPTURE_CIPHER, GObject)

/* key_path NULL: not configured.  A key file that is missing or does not
 * hold 32 hexadecimal characters is an ANJU_ERROR_CONFIG naming it. */
AnjuCaptureCipher *anju_capture_cipher_new         (const char         *key_path,
                                                    GError            **error);
gboolean           anju_capture_cipher_is_configured (AnjuCaptureCipher *self);
/* A fresh random IV and the ciphertext of plaintext under it. */
gboolean           anju_capture_cipher_encrypt     (AnjuCaptureCipher  *self,
                                                    GBytes             *plaintext,
                                                    GBytes            **out_iv,
                                                    GBytes            **out_ciphertext,
                                                    GError            **error);
/* The plaintext; ANJU_ERROR_DATABASE when it does not decrypt (a wrong
 * key, a damaged record). */
GBytes            *anju_capture_cipher_decrypt     (AnjuCaptureCipher  *self,
                                                    GBytes             *iv,
                                                    GBytes             *ciphertext,
                                                    GError            **error);

G_END_DECLS
