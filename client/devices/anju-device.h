/* anju-device.h: what every kiosk peripheral tells about itself.
 *
 * The camera, fingerprint reader, ID-card reader and printer each have one
 * class with a real backend and a simulator (client/devices/README in
 * HACKING.md); all of them implement this interface so that the kiosk's
 * heartbeat can report each one's state without knowing which it is.
 *
 * A configured real device that is absent is ANJU_DEVICE_STATE_MISSING
 * with a message naming it: it is never replaced by the simulator.  A
 * device that failed in the middle of a flow is ANJU_DEVICE_STATE_ERROR
 * until its next success.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ANJU_DEVICE_STATE_OK,
  ANJU_DEVICE_STATE_MISSING,
  ANJU_DEVICE_STATE_ERROR,
  ANJU_DEVICE_STATE_DISABLED,
} AnjuDeviceState;

#define ANJU_TYPE_DEVICE_STATE (anju_device_state_get_type ())
GType anju_device_state_get_type (void);

#define ANJU_TYPE_DEVICE (anju_device_get_type ())
G_DECLARE_INTERFACE (AnjuDevice, anju_device, ANJU, DEVICE, GObject)

struct _AnjuDeviceInterface
{
  GTypeInterface parent_iface;

  /* "camera", "fingerprint", "id_reader", "printer": the heartbeat's
   * peripheral kinds. */
  const char *(*get_kind) (AnjuDevice *self);
};

/* Implementations override the properties "state" (AnjuDeviceState) and
 * "status-message" (a translated sentence, or NULL when all is well). */
const char      *anju_device_get_kind            (AnjuDevice *self);
AnjuDeviceState  anju_device_get_state           (AnjuDevice *self);
const char      *anju_device_get_status_message  (AnjuDevice *self);

/* "ok", "missing", "error", "disabled": the heartbeat's words. */
const char      *anju_device_state_to_string     (AnjuDeviceState state);

G_END_DECLS
