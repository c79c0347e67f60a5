/* anju-sms-status-row.h: one line across the message settings saying
 * whether SMS goes out (F-SUPPORT-004).
 *
 * From GET /api/v1/sms/status: when no gateway is configured SMS is
 * disabled, and the line says so plainly, with the server's reason and
 * what happens to the texts meanwhile (kept, not sent); either way it
 * shows today's count against the daily cap and what waits or failed.
 * libadwaita 1.2 has no AdwBanner, so this is a box styled
 * .anju-status-row (resources/style.css), with the "status" role so a
 * screen reader announces a change.
 */
#pragma once

#include <gtk/gtk.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_SMS_STATUS_ROW (anju_sms_status_row_get_type ())
G_DECLARE_FINAL_TYPE (AnjuSmsStatusRow, anju_sms_status_row, ANJU, SMS_STATUS_ROW, GtkBox)

GtkWidget  *anju_sms_status_row_new    (AnjuApiClient    *client);
/* Asks the server again. */
void        anju_sms_status_row_reload (AnjuSmsStatusRow *self);
/* What the line says now ("" before the first answer). */
const char *anju_sms_status_row_get_text (AnjuSmsStatusRow *self);

G_END_DECLS
