/* anju-sms-log-view.h: the SMS send log (短信发送记录, support.message.manage,
 * F-SUPPORT-004).
 *
 * A paged table of GET /api/v1/sms, newest first: when, to which phone
 * (masked unless the caller holds portal.user.pii), for which event, the
 * text, the status in words, the attempts and the last error; filtered
 * by status and searched by phone.  A text that did not go out (failed,
 * not sent because SMS was disabled, deferred past the daily cap) can be
 * sent again.  Results and failures are toasts (win.toast).
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_SMS_LOG_VIEW (anju_sms_log_view_get_type ())
G_DECLARE_FINAL_TYPE (AnjuSmsLogView, anju_sms_log_view, ANJU, SMS_LOG_VIEW, AdwBin)

GtkWidget *anju_sms_log_view_new    (AnjuApiClient  *client);
void       anju_sms_log_view_reload (AnjuSmsLogView *self);

G_END_DECLS
