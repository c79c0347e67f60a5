/* anju-trust-dialog.h: "do you trust this server's certificate?"
 *
 * Shown the first time the user signs in to a server, before anything
 * but the TLS handshake has been exchanged with it.  It names the server
 * and the certificate's SHA-256 fingerprint so the user can compare it
 * with the one the administrator published, and answers with the
 * AdwMessageDialog responses "trust" or "cancel" (closing is "cancel").
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ANJU_TRUST_DIALOG_RESPONSE_TRUST  "trust"
#define ANJU_TRUST_DIALOG_RESPONSE_CANCEL "cancel"

#define ANJU_TYPE_TRUST_DIALOG (anju_trust_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuTrustDialog, anju_trust_dialog, ANJU, TRUST_DIALOG, AdwMessageDialog)

AnjuTrustDialog *anju_trust_dialog_new         (GtkWindow       *parent,
                                                const char      *server_uri,
                                                GTlsCertificate *certificate);
GTlsCertificate *anju_trust_dialog_get_certificate (AnjuTrustDialog *self);
const char      *anju_trust_dialog_get_fingerprint (AnjuTrustDialog *self);
/* Answers as if the user had clicked (for tests and scripted use). */
void             anju_trust_dialog_answer      (AnjuTrustDialog *self,
                                                gboolean         trust);

G_END_DECLS
