/* anju-pubrent-settings-page.h: public rental housing settings
 * (公租房业务设置; F-PRH-008 eligibility review, F-PRH-026 application
 * conditions).
 *
 * The pre-review rules (each with a switch and, where it has one, its
 * threshold in years, yuan or m²), the street publicity and New Area
 * announcement periods, saved together with PUT /api/v1/pubrent/settings
 * (a toast on success, the server's messages at their fields on a 422);
 * and the external records the rules check: a searchable list and an
 * import of a CSV or XLSX file, previewed by a dry run first.
 *
 * Shown to holders of pubrent.rules.write.  Created by AnjuWindow by
 * GType with the construct-only property "client" (AnjuApiClient).
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_PUBRENT_SETTINGS_PAGE (anju_pubrent_settings_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuPubrentSettingsPage, anju_pubrent_settings_page, ANJU,
                      PUBRENT_SETTINGS_PAGE, AdwBin)

GtkWidget *anju_pubrent_settings_page_new    (AnjuApiClient           *client);
void       anju_pubrent_settings_page_reload (AnjuPubrentSettingsPage *self);
/* The threshold spin button of a rule (for tests), or NULL. */
GtkSpinButton *anju_pubrent_settings_page_get_threshold (AnjuPubrentSettingsPage *self,
                                                         const char              *code);
/* Sends the import of a file's contents, previewing it first (tests
 * call it instead of the file chooser). */
void       anju_pubrent_settings_page_import_bytes (AnjuPubrentSettingsPage *self,
                                                    GBytes                  *bytes,
                                                    const char              *format);

G_END_DECLS
