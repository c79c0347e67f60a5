/* anju-honor-entry-dialog-private.h: what the desktop UI test needs to
 * fill in the dialog the way a person would.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "anju-honor-entry-dialog.h"

G_BEGIN_DECLS

/* Uploads file as if it had been chosen with Choose Photo…; the native
 * chooser cannot be driven from a test. */
void          _anju_honor_entry_dialog_choose_photo    (AnjuHonorEntryDialog *self,
                                                        GFile                *file);
/* TRUE while a photo is uploading or loading. */
gboolean      _anju_honor_entry_dialog_is_busy         (AnjuHonorEntryDialog *self);
/* (nullable) the photo shown. */
GdkPaintable *_anju_honor_entry_dialog_get_photo       (AnjuHonorEntryDialog *self);
/* The widget of an API field: "category" (AdwComboRow), "rank"
 * (GtkSpinButton), "name", "subtitle", "community", "rating"
 * (GtkEditables), "description" (GtkTextView), or NULL. */
GtkWidget    *_anju_honor_entry_dialog_get_field       (AnjuHonorEntryDialog *self,
                                                        const char           *field);
GtkWidget    *_anju_honor_entry_dialog_get_save_button (AnjuHonorEntryDialog *self);
/* (nullable) the message shown at a field, or about the whole form. */
const char   *_anju_honor_entry_dialog_get_field_error (AnjuHonorEntryDialog *self,
                                                        const char           *field);
const char   *_anju_honor_entry_dialog_get_message     (AnjuHonorEntryDialog *self);

G_END_DECLS
