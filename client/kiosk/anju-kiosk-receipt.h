/* anju-kiosk-receipt.h: the receipt of a public-rental application
 * submitted at the kiosk.
 *
 * 公租房申请回执: the application number, the applicant's name masked
 * (the slip may be lost), the business type, when it was submitted, at
 * which terminal, a hint to bring the originals to the street office,
 * and the application's QR code (GET /api/v1/kiosk/applications/{id}/qr),
 * which street staff scan to open the application.
 */
#pragma once

#include "anju-printer.h"

G_BEGIN_DECLS

/* The lines below the title, NULL-terminated, translated. */
GStrv    anju_kiosk_receipt_lines (const char   *application_no,
                                   const char   *applicant_name,
                                   const char   *business_type_label,
                                   const char   *submitted_at,
                                   const char   *terminal_name);

/* qr_png: (nullable) */
gboolean anju_kiosk_receipt_print (AnjuPrinter  *printer,
                                   GtkWindow    *parent,
                                   const char   *application_no,
                                   const char   *applicant_name,
                                   const char   *business_type_label,
                                   const char   *submitted_at,
                                   const char   *terminal_name,
                                   GBytes       *qr_png,
                                   GError      **error);

G_END_DECLS
