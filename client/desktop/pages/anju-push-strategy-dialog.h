/* anju-push-strategy-dialog.h: how one event's messages go out (推送策略,
 * support.message.manage, F-SUPPORT-004).
 *
 * Whether the event sends at all, through which channels (in-site
 * message, SMS), and the quiet hours during which text messages wait
 * (docs/api.md "Message settings").  Quiet hours are checked as typed
 * (anju-quiet-hours.h); the server's refusal shows at its field.  On
 * success ::saved is emitted and the dialog closes.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_PUSH_STRATEGY_DIALOG (anju_push_strategy_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuPushStrategyDialog, anju_push_strategy_dialog,
                      ANJU, PUSH_STRATEGY_DIALOG, AdwWindow)

/* strategy: a Strategy of GET /api/v1/push-strategies. */
GtkWidget *anju_push_strategy_dialog_new (AnjuApiClient *client,
                                          AnjuRecord    *strategy);

G_END_DECLS
