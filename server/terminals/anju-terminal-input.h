/* anju-terminal-input.h: a registry body (POST or PATCH), read and checked.
 *
 * Every member is merged over the terminal's current values (none when
 * creating), trimmed, and checked; each bad member adds its own field
 * error (docs/api.md "Terminal registry": lengths, the SN's characters,
 * the phone, the organisation being a street or community, the
 * peripherals' kinds), so the desktop can show them all at once.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anju-org-store.h"
#include "anju-request.h"

G_BEGIN_DECLS

typedef struct
{
  char       *sn;
  char       *terminal_no;
  char       *name;
  char       *person_in_charge;
  char       *person_phone;      /* (nullable) */
  gint64      org_id;
  AnjuOrgRef  org;               /* loaded when org_id is a street or community */
  char       *location;
  char       *network;           /* (nullable) */
  char       *model;             /* (nullable) */
  JsonNode   *peripherals;       /* every kind present */
} AnjuTerminalInput;

void  anju_terminal_input_clear (AnjuTerminalInput *input);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuTerminalInput, anju_terminal_input_clear)

/* The body specs of POST (members required) and PATCH (all optional). */
extern const AnjuFieldSpec anju_terminal_create_body[];
extern const AnjuFieldSpec anju_terminal_update_body[];

/* Reads body over current (a Terminal, or NULL when creating) into input
 * and adds field errors.  FALSE only for a store error. */
gboolean anju_terminal_input_read (AnjuRequest        *request,
                                   JsonObject         *body,
                                   JsonObject         *current,
                                   AnjuTerminalInput  *input,
                                   GError            **error);

/* The peripherals' text as stored. */
char    *anju_terminal_input_peripherals_text (const AnjuTerminalInput *input);

G_END_DECLS
