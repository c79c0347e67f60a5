/* anju-kiosk-maintenance-dialog.h: the only way out of the kiosk.
 *
 * Opened by a long press (or five taps) on the clock.  A PIN pad asks
 * for the maintenance PIN of the config (anju_kiosk_config_check_pin);
 * a wrong one is refused with a message and the pad is cleared.  The
 * right one shows each peripheral's state and "Quit terminal", which
 * emits ::quit-requested.
 */
#pragma once

#include <adwaita.h>

#include "anju-kiosk-context.h"

G_BEGIN_DECLS

#define ANJU_TYPE_KIOSK_MAINTENANCE_DIALOG (anju_kiosk_maintenance_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuKioskMaintenanceDialog, anju_kiosk_maintenance_dialog, ANJU, KIOSK_MAINTENANCE_DIALOG, AdwWindow)

AnjuKioskMaintenanceDialog *anju_kiosk_maintenance_dialog_new       (GtkWindow                  *parent,
                                                                     AnjuKioskContext           *context);
/* Checks pin as the pad's "OK" does; TRUE when it was right. */
gboolean                    anju_kiosk_maintenance_dialog_enter_pin (AnjuKioskMaintenanceDialog *self,
                                                                     const char                 *pin);

G_END_DECLS
