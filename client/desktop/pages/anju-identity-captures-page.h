/* anju-identity-captures-page.h: the face and fingerprint captures the
 * service terminals took (身份采集; sidebar "identity-captures",
 * permission terminal.capture.read; F-TERM-005, 006, spec §A.10).
 *
 * A paged list (GET /api/v1/identity-captures): kind, person, masked ID
 * number, application number, terminal, capture time and stored size,
 * narrowed by kind and searched by name or full ID number.  Beside it
 * the selected capture's details; a face image is fetched (GET
 * …/{id}/content, decrypted by the server and audited there) only when
 * the user asks, shown as a GdkTexture in a GtkPicture and dropped again
 * when another capture is selected or the page is left.  A fingerprint
 * template is no image: the page says so and gives its size.  A banner
 * reminds that viewing is audited.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_IDENTITY_CAPTURES_PAGE (anju_identity_captures_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuIdentityCapturesPage, anju_identity_captures_page, ANJU, IDENTITY_CAPTURES_PAGE, AdwBin)

GtkWidget    *anju_identity_captures_page_new      (AnjuApiClient            *client);
void          anju_identity_captures_page_reload   (AnjuIdentityCapturesPage *self);
/* (nullable) the face image shown for the selected capture. */
GdkPaintable *anju_identity_captures_page_get_face (AnjuIdentityCapturesPage *self);

G_END_DECLS
