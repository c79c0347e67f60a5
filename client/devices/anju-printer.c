/* anju-printer.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtkunixprint.h>

#include "anju-pdf-print-job.h"
#include "anju-printer.h"
#include "anju-receipt-print-job.h"

struct _AnjuPrinter
{
  GObject          parent_instance;

  char            *printer_name;    /* (owned) (nullable): CUPS */
  char            *output_dir;      /* (owned) (nullable): simulator, absolute */
  char            *last_output;     /* (owned) (nullable) */

  AnjuDeviceState  state;
  char            *status_message;  /* (owned) (nullable) */
};

static void anju_printer_device_init (AnjuDeviceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnjuPrinter, anju_printer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ANJU_TYPE_DEVICE, anju_printer_device_init))

enum {
  PROP_0,
  PROP_STATE,
  PROP_STATUS_MESSAGE,
  N_PROPS
};

typedef struct
{
  const char *name;
  gboolean    found;
} PrinterLookup;

static void
set_device_state (AnjuPrinter     *self,
                  AnjuDeviceState  state,
                  const char      *message)
{
  if (self->state != state)
    {
      self->state = state;
      g_object_notify (G_OBJECT (self), "state");
    }
  if (g_strcmp0 (self->status_message, message) != 0)
    {
      g_free (self->status_message);
      self->status_message = g_strdup (message);
      g_object_notify (G_OBJECT (self), "status-message");
    }
}

/* The device's state and the caller's error carry the same sentence. */
static void
fail (AnjuPrinter      *self,
      AnjuDeviceState   state,
      GError          **error,
      int               code,
      const char       *message)
{
  set_device_state (self, state, message);
  g_set_error_literal (error, G_IO_ERROR, code, message);
}

static gboolean
printer_found_cb (GtkPrinter *printer,
                  gpointer    user_data)
{
  PrinterLookup *lookup = user_data;

  /* "Print to File" and its kind are not a kiosk's printer. */
  lookup->found = !gtk_printer_is_virtual (printer)
                  && g_strcmp0 (gtk_printer_get_name (printer), lookup->name) == 0;
  return lookup->found;
}

static gboolean
printer_is_installed (AnjuPrinter  *self,
                      GError      **error)
{
  PrinterLookup lookup = { self->printer_name, FALSE };
  g_autofree char *message = NULL;

  /* wait: returns once every print backend has listed its printers. */
  gtk_enumerate_printers (printer_found_cb, &lookup, NULL, TRUE);
  if (lookup.found)
    return TRUE;

  /* Translators: %1$s is a CUPS printer name */
  message = g_strdup_printf (_("Printer “%1$s” is not installed"), self->printer_name);
  fail (self, ANJU_DEVICE_STATE_MISSING, error, G_IO_ERROR_NOT_FOUND, message);
  return FALSE;
}

/* <job>-<time>.pdf, with what a file name cannot hold replaced; the
 * microseconds keep two jobs of one second apart. */
static char *
output_path (AnjuPrinter *self,
             const char  *job_name)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S-%f");
  g_autofree char *job = g_strdup (job_name);
  g_autofree char *file_name = NULL;

  g_strdelimit (job, "/\\:*?\"<>|\n\r\t", '_');
  file_name = g_strdup_printf ("%s-%s.pdf", job, stamp);
  return g_build_filename (self->output_dir, file_name, NULL);
}

static GtkPageSetup *
a4_page_setup (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

/* Where the job goes: an absolute export file for the simulator (GTK
 * refuses a relative one), the named CUPS printer otherwise. */
static gboolean
aim_operation (AnjuPrinter               *self,
               GtkPrintOperation         *operation,
               const char                *job_name,
               GtkPrintOperationAction   *action,
               char                     **path,
               GError                   **error)
{
  g_autofree char *message = NULL;

  if (self->printer_name != NULL)
    {
      g_autoptr(GtkPrintSettings) settings = NULL;

      if (!printer_is_installed (self, error))
        return FALSE;

      settings = gtk_print_settings_new ();
      gtk_print_settings_set_printer (settings, self->printer_name);
      gtk_print_operation_set_print_settings (operation, settings);
      *action = GTK_PRINT_OPERATION_ACTION_PRINT;
      return TRUE;
    }

  if (g_mkdir_with_parents (self->output_dir, 0700) != 0)
    {
      int saved_errno = errno;

      /* Translators: %1$s is a folder, %2$s says why */
      message = g_strdup_printf (_("Cannot create the print folder %1$s: %2$s"),
                                 self->output_dir, g_strerror (saved_errno));
      fail (self, ANJU_DEVICE_STATE_ERROR, error, g_io_error_from_errno (saved_errno), message);
      return FALSE;
    }

  *path = output_path (self, job_name);
  gtk_print_operation_set_export_filename (operation, *path);
  *action = GTK_PRINT_OPERATION_ACTION_EXPORT;
  return TRUE;
}

/* Runs a job synchronously and without any dialog. */
static gboolean
run_operation (AnjuPrinter        *self,
               GtkPrintOperation  *operation,
               GtkWindow          *parent,
               const char         *job_name,
               GError            **error)
{
  g_autoptr(GtkPageSetup) setup = a4_page_setup ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  GtkPrintOperationAction action;
  GtkPrintOperationResult result;

  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_show_progress (operation, FALSE);
  gtk_print_operation_set_allow_async (operation, FALSE);

  if (!aim_operation (self, operation, job_name, &action, &path, error))
    return FALSE;

  result = gtk_print_operation_run (operation, action, parent, &local_error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR || result == GTK_PRINT_OPERATION_RESULT_CANCEL)
    {
      /* Translators: %1$s says why */
      message = g_strdup_printf (_("Printing failed: %1$s"),
                                 local_error != NULL ? local_error->message : _("the job was cancelled"));
      fail (self, ANJU_DEVICE_STATE_ERROR, error, G_IO_ERROR_FAILED, message);
      return FALSE;
    }

  g_free (self->last_output);
  self->last_output = g_steal_pointer (&path);
  set_device_state (self, ANJU_DEVICE_STATE_OK, NULL);
  return TRUE;
}

static const char *
anju_printer_get_kind (AnjuDevice *device)
{
  return "printer";
}

static void
anju_printer_device_init (AnjuDeviceInterface *iface)
{
  iface->get_kind = anju_printer_get_kind;
}

static void
anju_printer_finalize (GObject *object)
{
  AnjuPrinter *self = ANJU_PRINTER (object);

  g_free (self->printer_name);
  g_free (self->output_dir);
  g_free (self->last_output);
  g_free (self->status_message);

  G_OBJECT_CLASS (anju_printer_parent_class)->finalize (object);
}

static void
anju_printer_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AnjuPrinter *self = ANJU_PRINTER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_STATUS_MESSAGE:
      g_value_set_string (value, self->status_message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_printer_class_init (AnjuPrinterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anju_printer_finalize;
  object_class->get_property = anju_printer_get_property;

  g_object_class_override_property (object_class, PROP_STATE, "state");
  g_object_class_override_property (object_class, PROP_STATUS_MESSAGE, "status-message");
}

static void
anju_printer_init (AnjuPrinter *self)
{
  self->state = ANJU_DEVICE_STATE_OK;
}

AnjuPrinter *
anju_printer_new_cups (const char *printer_name)
{
  AnjuPrinter *self;

  g_return_val_if_fail (printer_name != NULL && *printer_name != '\0', NULL);

  self = g_object_new (ANJU_TYPE_PRINTER, NULL);
  self->printer_name = g_strdup (printer_name);
  return self;
}

AnjuPrinter *
anju_printer_new_file (const char *output_dir)
{
  AnjuPrinter *self;

  g_return_val_if_fail (output_dir != NULL && *output_dir != '\0', NULL);

  self = g_object_new (ANJU_TYPE_PRINTER, NULL);
  self->output_dir = g_canonicalize_filename (output_dir, NULL);
  return self;
}

gboolean
anju_printer_check (AnjuPrinter  *self,
                    GError      **error)
{
  g_return_val_if_fail (ANJU_IS_PRINTER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->printer_name != NULL && !printer_is_installed (self, error))
    return FALSE;

  if (self->state == ANJU_DEVICE_STATE_MISSING)
    set_device_state (self, ANJU_DEVICE_STATE_OK, NULL);
  return TRUE;
}

const char *
anju_printer_get_last_output (AnjuPrinter *self)
{
  g_return_val_if_fail (ANJU_IS_PRINTER (self), NULL);

  return self->last_output;
}

gboolean
anju_printer_print_pdf (AnjuPrinter  *self,
                        GtkWindow    *parent,
                        GBytes       *pdf,
                        const char   *job_name,
                        GError      **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (ANJU_IS_PRINTER (self), FALSE);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (pdf != NULL, FALSE);
  g_return_val_if_fail (job_name != NULL && *job_name != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A document that is not a PDF is the caller's fault, not the
   * printer's: the device state stays as it is. */
  operation = anju_pdf_print_job_new (pdf, error);
  if (operation == NULL)
    return FALSE;

  return run_operation (self, operation, parent, job_name, error);
}

gboolean
anju_printer_print_receipt (AnjuPrinter        *self,
                            GtkWindow          *parent,
                            const char         *title,
                            const char * const *lines,
                            GBytes             *qr_png,
                            GError            **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (ANJU_IS_PRINTER (self), FALSE);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  operation = anju_receipt_print_job_new (title, lines, qr_png, now, error);
  if (operation == NULL)
    return FALSE;

  return run_operation (self, operation, parent, title, error);
}
