/* anju-documents-page.h: generated documents (F-PRH-005, F-PRH-006): the
 * history of street publicity lists, New Area announcements and
 * confirmation forms, searchable by number, applicant, application no.
 * and date, filtered by kind; the selected one is previewed, and can be
 * printed, saved as PDF and (lists) exported as XLSX.  With
 * pubrent.document.write, "Generate List…" makes a publicity or
 * announcement list from applications in the right status.
 *
 * Created by AnjuWindow by GType with the construct-only property
 * "client"; loads nothing until shown or reloaded.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_DOCUMENTS_PAGE (anju_documents_page_get_type ())
G_DECLARE_FINAL_TYPE (AnjuDocumentsPage, anju_documents_page, ANJU, DOCUMENTS_PAGE, AdwBin)

GtkWidget *anju_documents_page_new    (AnjuApiClient     *client);
void       anju_documents_page_reload (AnjuDocumentsPage *self);

G_END_DECLS
