/* anju-device.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "anju-device.h"

G_DEFINE_INTERFACE (AnjuDevice, anju_device, G_TYPE_OBJECT)

GType
anju_device_state_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { ANJU_DEVICE_STATE_OK, "ANJU_DEVICE_STATE_OK", "ok" },
        { ANJU_DEVICE_STATE_MISSING, "ANJU_DEVICE_STATE_MISSING", "missing" },
        { ANJU_DEVICE_STATE_ERROR, "ANJU_DEVICE_STATE_ERROR", "error" },
        { ANJU_DEVICE_STATE_DISABLED, "ANJU_DEVICE_STATE_DISABLED", "disabled" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static ("AnjuDeviceState", values);

      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

static void
anju_device_default_init (AnjuDeviceInterface *iface)
{
  g_object_interface_install_property (iface,
    g_param_spec_enum ("state", NULL, NULL,
                       ANJU_TYPE_DEVICE_STATE, ANJU_DEVICE_STATE_OK,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_interface_install_property (iface,
    g_param_spec_string ("status-message", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

const char *
anju_device_get_kind (AnjuDevice *self)
{
  g_return_val_if_fail (ANJU_IS_DEVICE (self), NULL);

  return ANJU_DEVICE_GET_IFACE (self)->get_kind (self);
}

AnjuDeviceState
anju_device_get_state (AnjuDevice *self)
{
  AnjuDeviceState state = ANJU_DEVICE_STATE_OK;

  g_return_val_if_fail (ANJU_IS_DEVICE (self), ANJU_DEVICE_STATE_ERROR);

  g_object_get (self, "state", &state, NULL);
  return state;
}

/* The string lives as long as the device's current message: the property
 * is read into the object's own data so callers need not free it. */
const char *
anju_device_get_status_message (AnjuDevice *self)
{
  char *message = NULL;

  g_return_val_if_fail (ANJU_IS_DEVICE (self), NULL);

  g_object_get (self, "status-message", &message, NULL);
  g_object_set_data_full (G_OBJECT (self), "anju-device-last-message", message, g_free);
  return message;
}

const char *
anju_device_state_to_string (AnjuDeviceState state)
{
  switch (state)
    {
    case ANJU_DEVICE_STATE_OK:
      return "ok";
    case ANJU_DEVICE_STATE_MISSING:
      return "missing";
    case ANJU_DEVICE_STATE_ERROR:
      return "error";
    case ANJU_DEVICE_STATE_DISABLED:
      return "disabled";
    default:
      g_return_val_if_reached ("error");
    }
}
