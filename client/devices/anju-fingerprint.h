/* anju-fingerprint.h: the kiosk fingerprint reader, through libfprint.
 *
 * The real backend opens the first device libfprint finds; the simulator
 * is libfprint's own "virtual_device" driver, whose UNIX socket
 * (FP_VIRTUAL_DEVICE, set before the FpContext is made) takes the
 * commands "SCAN <finger>", "RETRY <n>", "ERROR <n>" one connection at a
 * time.  With an autoscan finger set, the simulator feeds its own SCAN
 * commands so that a demo terminal completes an enrolment; tests leave it
 * unset and write their own.
 *
 * Enrolled prints leave as fp_print_serialize() bytes, opaque to the
 * server.  Implements AnjuDevice (kind "fingerprint"): no device found is
 * MISSING; a failed action is ERROR until the next success.
 */
#pragma once

#include <gio/gio.h>

#include "anju-device.h"

G_BEGIN_DECLS

#define ANJU_TYPE_FINGERPRINT (anju_fingerprint_get_type ())
G_DECLARE_FINAL_TYPE (AnjuFingerprint, anju_fingerprint, ANJU, FINGERPRINT, GObject)

AnjuFingerprint *anju_fingerprint_new_real        (void);
/* autoscan_finger: (nullable) */
AnjuFingerprint *anju_fingerprint_new_virtual     (const char          *socket_path,
                                                   const char          *autoscan_finger);

void             anju_fingerprint_open_async      (AnjuFingerprint     *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean         anju_fingerprint_open_finish     (AnjuFingerprint     *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* Emits ::enroll-progress (int stage, int n_stages) after each good scan
 * and ::retry (const char *message) for a scan to repeat.  Returns the
 * serialized print. */
void             anju_fingerprint_enroll_async    (AnjuFingerprint     *self,
                                                   const char          *person,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GBytes          *anju_fingerprint_enroll_finish   (AnjuFingerprint     *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

void             anju_fingerprint_verify_async    (AnjuFingerprint     *self,
                                                   GBytes              *serialized_print,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/* TRUE with *matched set, FALSE on error. */
gboolean         anju_fingerprint_verify_finish   (AnjuFingerprint     *self,
                                                   GAsyncResult        *result,
                                                   gboolean            *matched,
                                                   GError             **error);

int              anju_fingerprint_get_enroll_stages (AnjuFingerprint   *self);

G_END_DECLS
