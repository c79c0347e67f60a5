/* anju-date-picker.h: a date typed as YYYY-MM-DD, or picked from a
 * calendar.
 *
 * The API speaks dates as "2026-12-01".  Forms keep such a date in an
 * AdwEntryRow, so it can be typed, pasted and cleared like any text;
 * anju_date_picker_attach() adds a calendar button to the row whose
 * popover writes the picked day into it.  The form still checks the
 * text with anju_date_text_is_valid() before saving.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* label: the button's accessible name ("Choose the start date"). */
void     anju_date_picker_attach (AdwEntryRow *row,
                                  const char  *label);

/* TRUE for "" (no date) and for YYYY-MM-DD naming a real day. */
gboolean anju_date_text_is_valid (const char  *text);

/* The date part of an API date or time ("2026-12-01T00:00:00+08:00" or
 * "2026-12-01") as "2026-12-01" (transfer full), or NULL. */
char    *anju_date_text_from_api (const char  *value);

G_END_DECLS
