/* anju-kiosk-context.h: what every kiosk screen may use.
 *
 * One per running terminal (no globals: tests make several): the config,
 * the API client that signs each request with the terminal's credential
 * (Authorization: Terminal <sn>:<credential>), the peripherals, the
 * "home" the terminal got from the server, and a way back home.
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "anju-api-client.h"
#include "anju-kiosk-config.h"
#include "anju-kiosk-devices.h"

G_BEGIN_DECLS

#define ANJU_TYPE_KIOSK_CONTEXT (anju_kiosk_context_get_type ())
G_DECLARE_FINAL_TYPE (AnjuKioskContext, anju_kiosk_context, ANJU, KIOSK_CONTEXT, GObject)

/* Takes config. */
AnjuKioskContext      *anju_kiosk_context_new         (AnjuKioskConfig  *config,
                                                       AnjuKioskDevices *devices);
const AnjuKioskConfig *anju_kiosk_context_get_config  (AnjuKioskContext *self);
AnjuApiClient         *anju_kiosk_context_get_api     (AnjuKioskContext *self);
AnjuKioskDevices      *anju_kiosk_context_get_devices (AnjuKioskContext *self);

/* GET /api/v1/kiosk/home's answer, NULL until it came. */
JsonObject            *anju_kiosk_context_get_home    (AnjuKioskContext *self);

/* Emits ::go-home: the window resets every screen and shows the home. */
void                   anju_kiosk_context_go_home     (AnjuKioskContext *self);
/* Emits ::show-screen (const char *key). */
void                   anju_kiosk_context_show_screen (AnjuKioskContext *self,
                                                       const char       *key);
/* A toast on the kiosk window (translated text). */
void                   anju_kiosk_context_notify      (AnjuKioskContext *self,
                                                       const char       *message);
/* The kiosk window, as parent for printing. */
GtkWindow             *anju_kiosk_context_get_window  (AnjuKioskContext *self);
void                   anju_kiosk_context_set_window  (AnjuKioskContext *self,
                                                       GtkWindow        *window);

/* Additions beyond the first contract: */

/* Keeps (a reference to) GET /api/v1/kiosk/home's answer. */
void                   anju_kiosk_context_set_home    (AnjuKioskContext *self,
                                                       JsonObject       *home);
/* notify emits ::message (const char *message), which the window shows
 * as a toast. */

G_END_DECLS
