/* anju-fake-sms-gateway.h: a stand-in SMS provider for tests and the demo.
 *
 * Speaks the provider protocol of docs/api.md "Message settings" on
 * http://127.0.0.1:PORT/ (any path): POST with HTTP basic auth and
 * {"id","phone","sign","text"}; answers 200 {"message_id": "fake-N"}.
 * Every request is recorded as one JSON object — received_at, status
 * (the answer it got), account (basic-auth user or null), id, phone,
 * sign, text, message_id — handed to the "received" signal and, with a
 * record file, appended to it as one line.
 *
 * Ways to fail, for tests of the server's retries: the first fail_first
 * requests get 503; with credentials set, any other user or password gets
 * 401; a body that is not such an object gets 400.  (A gateway that is
 * down is one not running.)
 *
 * The SoupServer runs on the thread-default main context current at
 * listen time; use the object from that thread only.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ANJU_TYPE_FAKE_SMS_GATEWAY (anju_fake_sms_gateway_get_type ())
G_DECLARE_FINAL_TYPE (AnjuFakeSmsGateway, anju_fake_sms_gateway, ANJU, FAKE_SMS_GATEWAY, GObject)

AnjuFakeSmsGateway *anju_fake_sms_gateway_new             (void);
void                anju_fake_sms_gateway_set_fail_first  (AnjuFakeSmsGateway  *self,
                                                           guint                n_requests);
/* NULL account: any credentials, or none, are accepted. */
void                anju_fake_sms_gateway_set_credentials (AnjuFakeSmsGateway  *self,
                                                           const char          *account,
                                                           const char          *secret);
/* Appends one line per request to path (made if missing). */
gboolean            anju_fake_sms_gateway_set_record_file (AnjuFakeSmsGateway  *self,
                                                           const char          *path,
                                                           GError             **error);
/* Listens on 127.0.0.1:port; port 0 picks a free one. */
gboolean            anju_fake_sms_gateway_listen          (AnjuFakeSmsGateway  *self,
                                                           guint16              port,
                                                           GError             **error);
guint16             anju_fake_sms_gateway_get_port        (AnjuFakeSmsGateway  *self);
/* "http://127.0.0.1:PORT/sms", for [sms] gateway_url. */
char               *anju_fake_sms_gateway_get_url         (AnjuFakeSmsGateway  *self);

G_END_DECLS
