/* anju-honor-roll-page.h: the honor roll (光荣榜) the service terminals
 * show (sidebar "honor-roll", permission terminal.device.manage,
 * F-TERM-014).
 *
 * One section at a time (quality enterprises, quality suppliers,
 * excellent service staff), by rank: rank, name, the service field /
 * products / post, the estate served (staff), rating.  Actions: add and
 * edit an entry (AnjuHonorEntryDialog), move it up or down one rank
 * (it trades ranks with its neighbour), delete it after asking.  The
 * terminals show the first five of each section (GET
 * /api/v1/kiosk/honor-roll); the credit ranking of a later issue will
 * feed this list.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_HONOR_ROLL_PAGE (anju_honor_roll_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuHonorRollPage, anju_honor_roll_page, ANJU, HONOR_ROLL_PAGE, AdwBin)

GtkWidget  *anju_honor_roll_page_new          (AnjuApiClient     *client);
void        anju_honor_roll_page_reload       (AnjuHonorRollPage *self);
/* "enterprise", "supplier" or "staff": the section shown. */
const char *anju_honor_roll_page_get_category (AnjuHonorRollPage *self);
void        anju_honor_roll_page_set_category (AnjuHonorRollPage *self,
                                               const char        *category);
/* TRUE while the list is loading or a change is on its way. */
gboolean    anju_honor_roll_page_is_busy      (AnjuHonorRollPage *self);

G_END_DECLS
