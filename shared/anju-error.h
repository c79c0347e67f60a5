/* anju-error.h: the one error domain every layer speaks.
 *
 * The server maps each code to an HTTP status and a stable machine code
 * ("validation_failed" …); the client maps the machine code back to the
 * same enum, so a GError means the same thing on both sides of the wire.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ANJU_ERROR (anju_error_quark ())

typedef enum
{
  ANJU_ERROR_MALFORMED = 1,           /* 400 malformed_request   */
  ANJU_ERROR_VALIDATION,              /* 422 validation_failed   */
  ANJU_ERROR_UNAUTHORIZED,            /* 401 unauthorized        */
  ANJU_ERROR_INVALID_CREDENTIALS,     /* 401 invalid_credentials */
  ANJU_ERROR_ACCOUNT_LOCKED,          /* 423 account_locked      */
  ANJU_ERROR_ACCOUNT_DISABLED,        /* 403 account_disabled    */
  ANJU_ERROR_PASSWORD_CHANGE_REQUIRED,/* 403 password_change_required */
  ANJU_ERROR_FORBIDDEN,               /* 403 forbidden           */
  ANJU_ERROR_NOT_FOUND,               /* 404 not_found           */
  ANJU_ERROR_CONFLICT,                /* 409 conflict            */
  ANJU_ERROR_TOO_LARGE,               /* 413 payload_too_large   */
  ANJU_ERROR_UNSUPPORTED_MEDIA,       /* 415 unsupported_media_type */
  ANJU_ERROR_METHOD_NOT_ALLOWED,      /* 405 method_not_allowed  */
  ANJU_ERROR_INTERNAL,                /* 500 internal_error      */
  ANJU_ERROR_UNAVAILABLE,             /* 503 unavailable         */
  ANJU_ERROR_CONFIG,                  /* bad configuration (never on the wire) */
  ANJU_ERROR_DATABASE,                /* store failure; 500 on the wire */
  ANJU_ERROR_CERTIFICATE,             /* TLS pinning / certificate problem */
  ANJU_ERROR_NETWORK,                 /* client could not reach the server */
  ANJU_ERROR_TOO_MANY_REQUESTS,       /* 429 too_many_requests   */
  ANJU_ERROR_CSRF_FAILED,             /* 403 csrf_failed: cookie write without its token */
  ANJU_ERROR_NO_CODE,                 /* 422 no_code: no QR code in a picture */
} AnjuErrorCode;

GQuark       anju_error_quark           (void);
const char  *anju_error_code_to_string  (AnjuErrorCode code);
AnjuErrorCode anju_error_code_from_string (const char *str);
guint        anju_error_code_to_status  (AnjuErrorCode code);
AnjuErrorCode anju_error_code_from_status (guint status);

G_END_DECLS
