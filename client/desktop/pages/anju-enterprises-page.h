/* anju-enterprises-page.h: operating enterprises of public rental housing
 * (sidebar "pubrent-enterprises", permission pubrent.enterprise.manage,
 * F-PRH-011).
 *
 * A list of enterprises (name, USCC, contact, account, state, created)
 * with a search and a state filter, and beside it the selected one's
 * profile, account and projects.  Actions: add and edit an enterprise,
 * open its account (the first password goes by SMS to the contact), and
 * purge it after a confirmation that asks the reason.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_ENTERPRISES_PAGE (anju_enterprises_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuEnterprisesPage, anju_enterprises_page, ANJU, ENTERPRISES_PAGE, AdwBin)

GtkWidget *anju_enterprises_page_new    (AnjuApiClient       *client);
void       anju_enterprises_page_reload (AnjuEnterprisesPage *self);

G_END_DECLS
