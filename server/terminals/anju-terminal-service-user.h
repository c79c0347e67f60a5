/* anju-terminal-service-user.h: the account a terminal's requests run as.
 *
 * Made with the terminal, in the same transaction: username
 * "terminal-<terminal_no>", name the terminal's name, organisation its
 * street or community, role `terminal`, users.is_service = 1 and a
 * password hash no password matches (sign-in refuses service users
 * anyway).  It follows the terminal's number, name and organisation, and
 * is disabled when the terminal is deleted.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anju-db.h"

G_BEGIN_DECLS

/* The username of terminal_no's service user (transfer full). */
char    *anju_terminal_service_username      (const char  *terminal_no);

/* Returns the new user's id, or 0 with error (ANJU_ERROR_CONFLICT when
 * the username is taken). */
gint64   anju_terminal_service_user_create   (AnjuDb      *db,
                                              const char  *terminal_no,
                                              const char  *name,
                                              gint64       org_id,
                                              gint64       now,
                                              GError     **error);
gboolean anju_terminal_service_user_update   (AnjuDb      *db,
                                              gint64       user_id,
                                              const char  *terminal_no,
                                              const char  *name,
                                              gint64       org_id,
                                              gint64       now,
                                              GError     **error);
gboolean anju_terminal_service_user_disable  (AnjuDb      *db,
                                              gint64       user_id,
                                              gint64       now,
                                              GError     **error);

G_END_DECLS
