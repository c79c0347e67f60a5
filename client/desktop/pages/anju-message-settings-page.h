/* anju-message-settings-page.h: message settings (消息设置,
 * support.message.manage, F-SUPPORT-004).
 *
 * A line saying whether SMS goes out (anju-sms-status-row.h) over three
 * views: the message templates (one per event, edited in
 * anju-message-template-dialog.h), the push strategies (one per event,
 * anju-push-strategy-dialog.h) and the SMS send log
 * (anju-sms-log-view.h).
 *
 * Created by AnjuWindow by GType with the construct-only property
 * "client" (AnjuApiClient).  Everything loads when the page is first
 * shown; results and failures are toasts (win.toast).
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_MESSAGE_SETTINGS_PAGE (anju_message_settings_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuMessageSettingsPage, anju_message_settings_page,
                      ANJU, MESSAGE_SETTINGS_PAGE, AdwBin)

GtkWidget *anju_message_settings_page_new    (AnjuApiClient           *client);
/* Fetches the SMS status and every view's list again. */
void       anju_message_settings_page_reload (AnjuMessageSettingsPage *self);

G_END_DECLS
