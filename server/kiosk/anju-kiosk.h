/* anju-kiosk.h: what the service terminals show and send, server side
 * (docs/api.md "Service terminals": the kiosk's own endpoints but home,
 * banner and heartbeat, which the registry serves; the honor roll; the
 * identity captures).
 *
 * The kiosk endpoints need terminal.kiosk.operate and run as the
 * terminal's service user (a request signed "Terminal <sn>:<credential>",
 * AnjuCaller.terminal_id set): articles of the terminal's street inside
 * their display period, the honor roll, face and fingerprint captures
 * (encrypted with SM4, anju-capture-cipher.h), an application's QR code,
 * the progress query and the printing of documents by ID number.  Staff
 * keep the honor roll (terminal.device.manage) and read the captures
 * (terminal.capture.read).
 */
#pragma once

#include "anju-capture-cipher.h"
#include "anju-db.h"
#include "anju-server.h"

G_BEGIN_DECLS

/* Loads the capture key ([identity_capture] sm4_key_file: a configured
 * file that is missing or malformed is an ANJU_ERROR_CONFIG, and the
 * server does not start), makes the service "capture-cipher" and adds
 * the routes.  Called once from anju_server_new(). */
gboolean           anju_kiosk_register      (AnjuServer  *server,
                                             GError     **error);
/* (transfer none) */
AnjuCaptureCipher *anju_kiosk_get_cipher    (AnjuServer  *server);

/* anju-server init --demo: publicity and policy articles with display
 * periods around now, and five honor-roll entries per category. */
gboolean           anju_kiosk_populate_demo (AnjuDb      *db,
                                             GBytes      *audit_key,
                                             gint64       now,
                                             GError     **error);

G_END_DECLS
