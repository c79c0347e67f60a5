/* anju-fake-sms.h: the fake SMS gateway inside a test process.
 *
 * Runs AnjuFakeSmsGateway (server/tools/anju-fake-sms-gateway.h, the code
 * of the anju-fake-sms-gateway program) in a thread of its own with its
 * own main context, so it answers while the test thread waits in a
 * synchronous request.  Point a test server at it with
 * anju_fake_sms_configure() from the config edit of
 * anju_test_server_start_with().  Records are the gateway's JSON objects
 * (status, account, id, phone, sign, text, message_id), in arrival order.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-config.h"

G_BEGIN_DECLS

typedef struct _AnjuFakeSms AnjuFakeSms;

/* The account and secret the gateway requires and the server is given. */
#define ANJU_FAKE_SMS_ACCOUNT "anju-test"
#define ANJU_FAKE_SMS_SECRET  "s3cret-sms"

/* fail_first: how many requests get 503 before the gateway answers. */
AnjuFakeSms *anju_fake_sms_start      (guint        fail_first);
void         anju_fake_sms_stop       (AnjuFakeSms *self);
/* Sets [sms] gateway_url, account and secret of config to this gateway. */
void         anju_fake_sms_configure  (AnjuFakeSms *self,
                                       AnjuConfig  *config);
guint        anju_fake_sms_count      (AnjuFakeSms *self);
/* (transfer full): a copy of record index. */
JsonNode    *anju_fake_sms_get        (AnjuFakeSms *self,
                                       guint        index);
/* Blocks until at least n requests have arrived; fails the test when
 * they do not within a minute (a hang, not a timing assertion). */
void         anju_fake_sms_wait_for   (AnjuFakeSms *self,
                                       guint        n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuFakeSms, anju_fake_sms_stop)

G_END_DECLS
