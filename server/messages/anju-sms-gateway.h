/* anju-sms-gateway.h: the HTTP SMS provider, as docs/api.md describes it.
 *
 *   POST gateway_url, HTTP basic auth account:secret,
 *   {"id": outbox id, "phone", "sign": signature, "text"}
 *   → 2xx {"message_id": "…"}: sent; anything else, or no answer within
 *     10 s, a failed attempt.
 *
 * The SoupSession belongs to the thread-default main context current when
 * the gateway is made (the server's): start sends from there only.  A
 * send never blocks; cancelling it (or disposing the gateway, which
 * aborts every request) ends it with G_IO_ERROR_CANCELLED.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ANJU_SMS_GATEWAY_TIMEOUT_SECONDS 10

#define ANJU_TYPE_SMS_GATEWAY (anju_sms_gateway_get_type ())
G_DECLARE_FINAL_TYPE (AnjuSmsGateway, anju_sms_gateway, ANJU, SMS_GATEWAY, GObject)

/* account and secret may be NULL: no Authorization header then. */
AnjuSmsGateway *anju_sms_gateway_new         (const char           *url,
                                              const char           *account,
                                              const char           *secret,
                                              const char           *signature);
void            anju_sms_gateway_send_async  (AnjuSmsGateway       *self,
                                              gint64                id,
                                              const char           *phone,
                                              const char           *text,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
/* The provider's message id, or NULL with error saying why the attempt
 * failed (in words fit for the send log). */
char           *anju_sms_gateway_send_finish (AnjuSmsGateway       *self,
                                              GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
