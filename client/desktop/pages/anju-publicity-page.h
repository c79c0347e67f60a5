/* anju-publicity-page.h: street publicity and New Area announcements
 * (sidebar "pubrent-publicity", permission pubrent.application.review,
 * F-PRH public notices; D03 公示信息表 and D04 公示期间举报信息表).
 *
 * A list of publicity (filter by kind, open or ended, and a search) and
 * beside it the selected one's period, location, outcome and objections.
 * Objections are recorded while the publicity is open and verified as
 * substantiated or unfounded.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_PUBLICITY_PAGE (anju_publicity_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuPublicityPage, anju_publicity_page, ANJU, PUBLICITY_PAGE, AdwBin)

GtkWidget *anju_publicity_page_new    (AnjuApiClient     *client);
void       anju_publicity_page_reload (AnjuPublicityPage *self);

G_END_DECLS
