/* anju-terminal-layout.h: a terminal's home screen (F-TERM-002, business
 * configuration of spec §A.10).
 *
 * The Layout of docs/api.md: a title, the seven modules in display order
 * with each one on or off, an optional banner image and a theme.  A
 * terminal without a saved layout has the default one: the default title,
 * all seven modules on, in the order of anju_terminal_layout_modules, no
 * banner, the standard theme.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"

G_BEGIN_DECLS

typedef struct
{
  const char *key;   /* "publicity" */
  const char *name;  /* "公示信息": data the kiosk shows, as the contract gives it */
} AnjuTerminalModule;

/* The modules in their default order, ending with { NULL, NULL }. */
extern const AnjuTerminalModule anju_terminal_layout_modules[];

#define ANJU_TERMINAL_LAYOUT_DEFAULT_TITLE "湘江新区住房保障服务终端"

/* The terminal's Layout, saved or default. */
JsonNode *anju_terminal_layout_to_json    (AnjuDb   *db,
                                           gint64    terminal_id,
                                           GError  **error);
/* The saved banner's file id, or 0. */
gboolean  anju_terminal_layout_get_banner (AnjuDb   *db,
                                           gint64    terminal_id,
                                           gint64   *out_file_id,
                                           GError  **error);
/* Saves a layout; modules is [{"key","enabled"}] already checked. */
gboolean  anju_terminal_layout_save       (AnjuDb      *db,
                                           gint64       terminal_id,
                                           const char  *title,
                                           JsonArray   *modules,
                                           gint64       banner_file_id,
                                           const char  *theme,
                                           gint64       updated_by,
                                           gint64       now,
                                           GError     **error);

G_END_DECLS
