/* anju-kiosk-heartbeat.h: the terminal tells the server it is alive.
 *
 * Every [terminal] heartbeat_seconds, POST /api/v1/kiosk/heartbeat with
 * the app version and each peripheral's state
 * (anju_kiosk_devices_get_status), so a device that failed in a flow is
 * on the status board at the next beat; after each beat the ID reader is
 * checked on its own (SAM status), so that an unplugged reader, or one
 * that recovered, shows in the beat after.  A refused beat (revoked or
 * disabled terminal) surfaces through the API client's
 * ::terminal-refused; the window then stops the heartbeat.
 */
#pragma once

#include <glib-object.h>

#include "anju-kiosk-context.h"

G_BEGIN_DECLS

#define ANJU_TYPE_KIOSK_HEARTBEAT (anju_kiosk_heartbeat_get_type ())
G_DECLARE_FINAL_TYPE (AnjuKioskHeartbeat, anju_kiosk_heartbeat, ANJU, KIOSK_HEARTBEAT, GObject)

AnjuKioskHeartbeat *anju_kiosk_heartbeat_new         (AnjuKioskContext   *context);
/* Beats now, then every heartbeat_seconds until stop. */
void                anju_kiosk_heartbeat_start       (AnjuKioskHeartbeat *self);
void                anju_kiosk_heartbeat_stop        (AnjuKioskHeartbeat *self);
/* One beat now, besides the timer's. */
void                anju_kiosk_heartbeat_beat        (AnjuKioskHeartbeat *self);
/* Beats answered so far, well or not, with the reader's check after
 * them done; each also emits ::answered (gboolean accepted). */
guint               anju_kiosk_heartbeat_get_n_answered (AnjuKioskHeartbeat *self);

G_END_DECLS
