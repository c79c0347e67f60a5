/* anju-terminal-auth.h: requests signed by a service terminal.
 *
 * A terminal signs every request with
 *
 *   Authorization: Terminal <sn>:<credential>
 *
 * and runs as its service user (docs/api.md "How a terminal signs its
 * requests").  The server keeps only the credential's SHA-256 and
 * compares digests in constant time.  A wrong SN or credential is
 * ANJU_ERROR_UNAUTHORIZED; a revoked credential is too, with a message of
 * its own, from the very next request; a disabled or deleted terminal is
 * ANJU_ERROR_FORBIDDEN.  The caller returned has terminal_id set.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anju-caller.h"
#include "anju-request.h"

G_BEGIN_DECLS

/* The scheme word of the Authorization header, with its space. */
#define ANJU_TERMINAL_AUTH_SCHEME "Terminal "

/* sn_and_credential is what follows the scheme: "<sn>:<credential>". */
AnjuCaller *anju_terminal_authenticate     (AnjuRequest  *request,
                                            const char   *sn_and_credential,
                                            GError      **error);

/* The stored form of a credential: its SHA-256, hex. */
char       *anju_terminal_credential_hash  (const char   *credential);

G_END_DECLS
