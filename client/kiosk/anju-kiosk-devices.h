/* anju-kiosk-devices.h: the terminal's four peripherals, made from its
 * configuration.
 *
 * Which backend each one uses comes from the config only: a configured
 * real device that is missing stays missing (and is reported in the
 * heartbeat), never swapped for its simulator.  In "simulator" mode the
 * ID-card reader starts the simulator program on a pseudo-terminal and
 * reads it through the same serial code.  A getter answers NULL for a
 * device whose backend is "none".
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-camera.h"
#include "anju-fingerprint.h"
#include "anju-id-reader.h"
#include "anju-kiosk-config.h"
#include "anju-printer.h"

G_BEGIN_DECLS

#define ANJU_TYPE_KIOSK_DEVICES (anju_kiosk_devices_get_type ())
G_DECLARE_FINAL_TYPE (AnjuKioskDevices, anju_kiosk_devices, ANJU, KIOSK_DEVICES, GObject)

AnjuKioskDevices *anju_kiosk_devices_new             (const AnjuKioskConfig *config,
                                                      GError               **error);

AnjuCamera       *anju_kiosk_devices_get_camera      (AnjuKioskDevices *self);
AnjuFingerprint  *anju_kiosk_devices_get_fingerprint (AnjuKioskDevices *self);
AnjuIdReader     *anju_kiosk_devices_get_id_reader   (AnjuKioskDevices *self);
AnjuPrinter      *anju_kiosk_devices_get_printer     (AnjuKioskDevices *self);

/* The heartbeat's "peripherals": [{"kind","state","message"}] for all
 * four kinds ("disabled" for a device that is "none"), including the
 * last failure a flow reported. */
JsonArray        *anju_kiosk_devices_get_status      (AnjuKioskDevices *self);

/* Additions beyond the first contract: */

/* Writes one command line ("insert FILE", "remove", "corrupt-next",
 * "unplug" …) to the ID-card simulator's stdin and waits for its
 * acknowledgement: how tests play the card.  G_IO_ERROR_NOT_SUPPORTED
 * unless the reader is the simulator. */
gboolean          anju_kiosk_devices_send_simulator_command (AnjuKioskDevices  *self,
                                                             const char        *command,
                                                             GError           **error);

G_END_DECLS
