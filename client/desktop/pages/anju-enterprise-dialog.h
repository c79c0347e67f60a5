/* anju-enterprise-dialog.h: add an operating enterprise, or edit one's
 * profile (F-PRH-011).
 *
 * Like the other record dialogs it sends the request itself, so that a
 * refusal leaves everything typed and shows the server's reasons at their
 * fields.  On success it emits ::saved with the server's Enterprise and
 * closes.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_ENTERPRISE_DIALOG (anju_enterprise_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuEnterpriseDialog, anju_enterprise_dialog, ANJU, ENTERPRISE_DIALOG, AdwWindow)

/* enterprise: (nullable) NULL adds a new one. */
GtkWidget *anju_enterprise_dialog_new (AnjuApiClient *client,
                                       AnjuRecord    *enterprise);

G_END_DECLS
