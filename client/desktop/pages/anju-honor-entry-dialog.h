/* anju-honor-entry-dialog.h: add an entry to the honor roll (光荣榜), or
 * edit one (F-TERM-014).
 *
 * Section (quality enterprises, quality suppliers, excellent service
 * staff), rank, name, the service field / products / post (the row's
 * title follows the section), the estate served (staff only), rating,
 * description and a photo.  The photo is a PNG or JPEG uploaded as soon
 * as it is chosen (POST /api/v1/files) and previewed; saving waits for
 * it.  Like the other record dialogs it sends the entry itself (POST
 * /api/v1/honor-roll, or PATCH …/{id}), keeps everything typed when the
 * server refuses and shows each field message beside its field; on
 * success it emits ::saved with the server's HonorEntry and closes.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_HONOR_ENTRY_DIALOG (anju_honor_entry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuHonorEntryDialog, anju_honor_entry_dialog, ANJU, HONOR_ENTRY_DIALOG, AdwWindow)

/* entry: (nullable) the HonorEntry to edit; NULL adds one to category
 * at rank (the page offers the next free one). */
GtkWidget *anju_honor_entry_dialog_new (AnjuApiClient *client,
                                        AnjuRecord    *entry,
                                        const char    *category,
                                        int            rank);

G_END_DECLS
