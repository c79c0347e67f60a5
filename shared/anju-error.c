#include "config.h"

#include "anju-error.h"

G_DEFINE_QUARK (anju-error-quark, anju_error)

typedef struct
{
  AnjuErrorCode code;
  const char   *name;
  guint         status;
} ErrorInfo;

static const ErrorInfo error_table[] = {
  { ANJU_ERROR_MALFORMED, "malformed_request", 400 },
  { ANJU_ERROR_VALIDATION, "validation_failed", 422 },
  { ANJU_ERROR_UNAUTHORIZED, "unauthorized", 401 },
  { ANJU_ERROR_INVALID_CREDENTIALS, "invalid_credentials", 401 },
  { ANJU_ERROR_ACCOUNT_LOCKED, "account_locked", 423 },
  { ANJU_ERROR_ACCOUNT_DISABLED, "account_disabled", 403 },
  { ANJU_ERROR_PASSWORD_CHANGE_REQUIRED, "password_change_required", 403 },
  { ANJU_ERROR_FORBIDDEN, "forbidden", 403 },
  { ANJU_ERROR_NOT_FOUND, "not_found", 404 },
  { ANJU_ERROR_CONFLICT, "conflict", 409 },
  { ANJU_ERROR_TOO_LARGE, "payload_too_large", 413 },
  { ANJU_ERROR_UNSUPPORTED_MEDIA, "unsupported_media_type", 415 },
  { ANJU_ERROR_METHOD_NOT_ALLOWED, "method_not_allowed", 405 },
  { ANJU_ERROR_INTERNAL, "internal_error", 500 },
  { ANJU_ERROR_UNAVAILABLE, "unavailable", 503 },
  { ANJU_ERROR_CONFIG, "config_error", 500 },
  { ANJU_ERROR_DATABASE, "database_error", 500 },
  { ANJU_ERROR_CERTIFICATE, "certificate_error", 495 },
  { ANJU_ERROR_NETWORK, "network_error", 0 },
  { ANJU_ERROR_TOO_MANY_REQUESTS, "too_many_requests", 429 },
  { ANJU_ERROR_CSRF_FAILED, "csrf_failed", 403 },
  { ANJU_ERROR_NO_CODE, "no_code", 422 },
};

static const ErrorInfo *
find_by_code (AnjuErrorCode code)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_table); i++)
    if (error_table[i].code == code)
      return &error_table[i];
  return NULL;
}

const char *
anju_error_code_to_string (AnjuErrorCode code)
{
  const ErrorInfo *info = find_by_code (code);

  return info != NULL ? info->name : "internal_error";
}

AnjuErrorCode
anju_error_code_from_string (const char *str)
{
  if (str != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (error_table); i++)
      if (g_str_equal (error_table[i].name, str))
        return error_table[i].code;
  return ANJU_ERROR_INTERNAL;
}

guint
anju_error_code_to_status (AnjuErrorCode code)
{
  const ErrorInfo *info = find_by_code (code);

  return info != NULL && info->status != 0 ? info->status : 500;
}

/* Used when a response carries no JSON error body (a proxy page, say). */
AnjuErrorCode
anju_error_code_from_status (guint status)
{
  switch (status)
    {
    case 400: return ANJU_ERROR_MALFORMED;
    case 401: return ANJU_ERROR_UNAUTHORIZED;
    case 403: return ANJU_ERROR_FORBIDDEN;
    case 404: return ANJU_ERROR_NOT_FOUND;
    case 405: return ANJU_ERROR_METHOD_NOT_ALLOWED;
    case 409: return ANJU_ERROR_CONFLICT;
    case 413: return ANJU_ERROR_TOO_LARGE;
    case 415: return ANJU_ERROR_UNSUPPORTED_MEDIA;
    case 422: return ANJU_ERROR_VALIDATION;
    case 423: return ANJU_ERROR_ACCOUNT_LOCKED;
    case 429: return ANJU_ERROR_TOO_MANY_REQUESTS;
    case 503: return ANJU_ERROR_UNAVAILABLE;
    default:  return ANJU_ERROR_INTERNAL;
    }
}
