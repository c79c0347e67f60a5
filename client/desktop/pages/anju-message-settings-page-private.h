/* anju-message-settings-page-private.h: what the desktop UI test needs to
 * reach the parts of the message settings page. */
#pragma once

#include "anju-event-list-view.h"
#include "anju-message-settings-page.h"
#include "anju-sms-log-view.h"
#include "anju-sms-status-row.h"

G_BEGIN_DECLS

AnjuSmsStatusRow  *_anju_message_settings_page_get_status_row (AnjuMessageSettingsPage *self);
AnjuEventListView *_anju_message_settings_page_get_templates  (AnjuMessageSettingsPage *self);
AnjuEventListView *_anju_message_settings_page_get_strategies (AnjuMessageSettingsPage *self);
AnjuSmsLogView    *_anju_message_settings_page_get_sms_log    (AnjuMessageSettingsPage *self);
AdwViewStack      *_anju_message_settings_page_get_view_stack (AnjuMessageSettingsPage *self);

G_END_DECLS
