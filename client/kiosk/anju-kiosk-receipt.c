/* anju-kiosk-receipt.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "anju-kiosk-receipt.h"
#include "anju-mask.h"

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

GStrv
anju_kiosk_receipt_lines (const char *application_no,
                          const char *applicant_name,
                          const char *business_type_label,
                          const char *submitted_at,
                          const char *terminal_name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *masked = anju_mask_name (or_empty (applicant_name));
  g_autofree char *number = NULL;
  g_autofree char *applicant = NULL;
  g_autofree char *type = NULL;
  g_autofree char *at = NULL;
  g_autofree char *terminal = NULL;

  /* Translators: a line of the kiosk's receipt */
  number = g_strdup_printf (_("Application number: %s"), or_empty (application_no));
  /* Translators: a line of the kiosk's receipt; %s is the masked name */
  applicant = g_strdup_printf (_("Applicant: %s"), masked);
  /* Translators: a line of the kiosk's receipt */
  type = g_strdup_printf (_("Business type: %s"), or_empty (business_type_label));
  /* Translators: a line of the kiosk's receipt */
  at = g_strdup_printf (_("Submitted: %s"), or_empty (submitted_at));
  /* Translators: a line of the kiosk's receipt: the terminal's name */
  terminal = g_strdup_printf (_("Terminal: %s"), or_empty (terminal_name));

  g_strv_builder_add_many (builder, number, applicant, type, at, terminal,
                           _("Please bring the originals of your documents to the street office for checking."),
                           NULL);

  return g_strv_builder_end (builder);
}

gboolean
anju_kiosk_receipt_print (AnjuPrinter  *printer,
                          GtkWindow    *parent,
                          const char   *application_no,
                          const char   *applicant_name,
                          const char   *business_type_label,
                          const char   *submitted_at,
                          const char   *terminal_name,
                          GBytes       *qr_png,
                          GError      **error)
{
  g_auto(GStrv) lines = anju_kiosk_receipt_lines (application_no, applicant_name,
                                                  business_type_label, submitted_at,
                                                  terminal_name);

  return anju_printer_print_receipt (printer, parent, _("Public rental housing application receipt"),
                                     (const char * const *) lines, qr_png, error);
}
