/* anju-api-client.h: the desktop's and kiosk's only way to the server.
 *
 * One SoupSession per client, configured in one place, that trusts exactly
 * one certificate: the one pinned for this server (see anju-trust-store.h).
 * Every call is an _async/_finish pair with a GCancellable.  API errors
 * come back as ANJU_ERROR (anju-error.h) with the server's message; the
 * "fields" object of a validation error is available from
 * anju_api_client_get_last_error_fields().  Transport failures are
 * ANJU_ERROR_NETWORK, a refused certificate is ANJU_ERROR_CERTIFICATE, an
 * answer that is not the JSON the API promises is ANJU_ERROR_MALFORMED,
 * and cancellation stays G_IO_ERROR_CANCELLED.
 *
 * After a successful login the client holds the session token and the
 * signed-in user's summary; when any call answers 401 the client emits
 * ::session-expired once, so the window can bring back the sign-in dialog
 * without throwing away what the user was typing.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "anju-error.h"

G_BEGIN_DECLS

#define ANJU_TYPE_API_CLIENT (anju_api_client_get_type ())
G_DECLARE_FINAL_TYPE (AnjuApiClient, anju_api_client, ANJU, API_CLIENT, GObject)

/* base_uri: "https://127.0.0.1:8443".  pinned_pem: the certificate to
 * trust (nullable until the user has accepted one). */
AnjuApiClient *anju_api_client_new               (const char      *base_uri,
                                                  const char      *pinned_pem);
const char    *anju_api_client_get_base_uri      (AnjuApiClient   *self);
void           anju_api_client_set_pinned_pem    (AnjuApiClient   *self,
                                                  const char      *pem);

/* Fetches the server's certificate without trusting it, so the user can
 * compare its fingerprint before pinning it. */
void             anju_api_client_probe_certificate_async  (AnjuApiClient       *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GTlsCertificate *anju_api_client_probe_certificate_finish (AnjuApiClient  *self,
                                                           GAsyncResult   *result,
                                                           GError        **error);

/* POST /api/v1/auth/login; on success keeps the token and the "user"
 * object.  Returns the whole response object. */
void        anju_api_client_login_async      (AnjuApiClient       *self,
                                              const char          *username,
                                              const char          *password,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
JsonObject *anju_api_client_login_finish     (AnjuApiClient  *self,
                                              GAsyncResult   *result,
                                              GError        **error);
void        anju_api_client_logout_async     (AnjuApiClient       *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean    anju_api_client_logout_finish    (AnjuApiClient  *self,
                                              GAsyncResult   *result,
                                              GError        **error);

/* Any API call.  method "GET" …; path "/api/v1/users?page=2" (query
 * included, already escaped); body may be NULL (transfer none).  The
 * result is the parsed JSON body, or a JSON null node for 204. */
void        anju_api_client_request_async    (AnjuApiClient       *self,
                                              const char          *method,
                                              const char          *path,
                                              JsonNode            *body,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
JsonNode   *anju_api_client_request_finish   (AnjuApiClient  *self,
                                              GAsyncResult   *result,
                                              GError        **error);

gboolean    anju_api_client_is_signed_in     (AnjuApiClient   *self);
/* The "user" object from login / GET /api/v1/auth/me (nullable). */
JsonObject *anju_api_client_get_user         (AnjuApiClient   *self);
gboolean    anju_api_client_has_permission   (AnjuApiClient   *self,
                                              const char      *permission);
void        anju_api_client_set_user         (AnjuApiClient   *self,
                                              JsonObject      *user);

/* The "fields" object of the most recent call that failed with
 * ANJU_ERROR_VALIDATION (field name -> message), or NULL. */
JsonObject *anju_api_client_get_last_error_fields (AnjuApiClient *self);

/* Additions beyond the first contract: */

/* What the user typed ("127.0.0.1:8443", "https://host/") as
 * "https://host[:port]"; ANJU_ERROR_VALIDATION unless it is an https
 * address without path, query or credentials. */
char            *anju_api_client_normalize_base_uri     (const char     *address,
                                                         GError        **error);
/* "host:port", the key of this server in the trust store. */
const char      *anju_api_client_get_server_key         (AnjuApiClient  *self);
/* (nullable) */
GTlsCertificate *anju_api_client_get_pinned_certificate (AnjuApiClient  *self);

/* POST /api/v1/auth/logout-all.  Like logout, the local token is dropped
 * whatever the server answers; FALSE means the server may not know. */
void        anju_api_client_logout_all_async  (AnjuApiClient       *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean    anju_api_client_logout_all_finish (AnjuApiClient  *self,
                                               GAsyncResult   *result,
                                               GError        **error);

/* POST /api/v1/auth/password, then GET /api/v1/auth/me so that the kept
 * user (must_change_password …) is the server's current view. */
void        anju_api_client_change_password_async  (AnjuApiClient       *self,
                                                    const char          *old_password,
                                                    const char          *new_password,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean    anju_api_client_change_password_finish (AnjuApiClient  *self,
                                                    GAsyncResult   *result,
                                                    GError        **error);

/* Files (docs/api.md, "Files"): raw bytes up and down.
 *
 * upload: POST bytes to path ("/api/v1/files?name=…", query escaped by
 * the caller) as content_type; the result is the parsed JSON answer (the
 * File), errors as for any call (413 ANJU_ERROR_TOO_LARGE, 422 with
 * fields).  download: GET path ("/api/v1/files/7/content"); the result
 * is the body, and *out_content_type (nullable) its Content-Type.  When
 * the server names the body's SHA-256 (X-Content-SHA256), bytes that do
 * not match fail with ANJU_ERROR_MALFORMED instead of being handed on. */
void        anju_api_client_upload_async     (AnjuApiClient       *self,
                                              const char          *path,
                                              GBytes              *bytes,
                                              const char          *content_type,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
JsonNode   *anju_api_client_upload_finish    (AnjuApiClient  *self,
                                              GAsyncResult   *result,
                                              GError        **error);
void        anju_api_client_download_async   (AnjuApiClient       *self,
                                              const char          *path,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GBytes     *anju_api_client_download_finish  (AnjuApiClient  *self,
                                              GAsyncResult   *result,
                                              char          **out_content_type,
                                              GError        **error);

/* A call with a JSON body whose answer is a file, not JSON (a preview
 * PDF): like request, but the result is the body's bytes.  Errors as
 * for any call. */
void        anju_api_client_request_bytes_async  (AnjuApiClient       *self,
                                                  const char          *method,
                                                  const char          *path,
                                                  JsonNode            *body,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GBytes     *anju_api_client_request_bytes_finish (AnjuApiClient  *self,
                                                  GAsyncResult   *result,
                                                  GError        **error);

/* Service terminals (docs/api.md, "How a terminal signs its requests"):
 * while no user is signed in, every call carries
 * "Authorization: Terminal <sn>:<credential>"; a signed-in user's token
 * takes precedence (a kiosk's staff mode).  A terminal call answered 401
 * or 403 emits ::terminal-refused (const char *message).  NULL, NULL
 * forgets the credential. */
void        anju_api_client_set_terminal_credential (AnjuApiClient *self,
                                                     const char    *sn,
                                                     const char    *credential);

G_END_DECLS
