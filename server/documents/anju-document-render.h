/* anju-document-render.h: the one renderer of every generated document.
 *
 * Draws an AnjuDocumentContent on A4 pages of a cairo PDF surface with
 * PangoCairo in the CJK font "WenQuanYi Micro Hei" (fontconfig picks a
 * fallback where it is missing, so install fonts-wqy-microhei):
 *   - every kind: the logo (PNG) and the title, the document number, the
 *     body, the issuer and the date, "第 n 页" at the foot of each page;
 *   - lists (street publicity, announcement): a table of the applicants
 *     (application no., masked name, street/community, household size,
 *     business type), its header repeated after each page break;
 *   - the confirmation form: the applicant's details, the review of
 *     every step, the conclusion, and the QR code of its verify URL.
 * The printed labels are Chinese whatever the server's locale: these are
 * official documents of the New Area, like the templates' own text.
 */
#pragma once

#include "anju-document-content.h"

G_BEGIN_DECLS

/* The PDF, or NULL with error (a logo that is not a PNG is
 * ANJU_ERROR_VALIDATION on "logo_file_id"). */
GBytes *anju_document_render (const AnjuDocumentContent  *content,
                              GError                    **error);

/* "2026年11月29日" in Asia/Shanghai. */
char   *anju_document_format_date (gint64 unix_secs);

G_END_DECLS
