/* anju-kiosk-screen.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "anju-kiosk-context.h"
#include "anju-kiosk-screen.h"

G_DEFINE_INTERFACE (AnjuKioskScreen, anju_kiosk_screen, GTK_TYPE_WIDGET)

static void
anju_kiosk_screen_default_init (AnjuKioskScreenInterface *iface)
{
  g_object_interface_install_property (iface,
    g_param_spec_object ("context", NULL, NULL,
                         ANJU_TYPE_KIOSK_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
}

void
anju_kiosk_screen_activate (AnjuKioskScreen *self)
{
  AnjuKioskScreenInterface *iface;

  g_return_if_fail (ANJU_IS_KIOSK_SCREEN (self));

  iface = ANJU_KIOSK_SCREEN_GET_IFACE (self);
  if (iface->activate != NULL)
    iface->activate (self);
}

void
anju_kiosk_screen_reset (AnjuKioskScreen *self)
{
  g_return_if_fail (ANJU_IS_KIOSK_SCREEN (self));

  ANJU_KIOSK_SCREEN_GET_IFACE (self)->reset (self);
}
