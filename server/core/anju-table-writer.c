/* anju-table-writer.c: exports as CSV or XLSX.
 *
 * Rows are kept until finish: CSV is then written in one go, and XLSX
 * needs every row anyway to fit the column widths.  libxlsxwriter 1.1
 * only writes to a file, so the workbook goes to a private temporary
 * file that is read back and removed.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "anju-error.h"
#include "anju-table-writer.h"

#define XLSX_CONTENT_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
/* Excel's limit for a sheet name, in characters. */
#define SHEET_NAME_MAX 31
/* Column widths in characters, so a long cell cannot make a huge column. */
#define COLUMN_WIDTH_MIN 8
#define COLUMN_WIDTH_MAX 60

struct _AnjuTableWriter
{
  gboolean   xlsx;
  char      *sheet_name;
  /* XLSX only: GStrv with exactly the cells given, kept because the
   * column widths are fitted to the whole sheet. */
  GPtrArray *rows;
  /* CSV only: the file so far.  Each row is written as it comes: an
   * export of 400 000 applications kept as rows of copied cells took
   * three times the memory of its file (issue 7, server RSS). */
  GString   *csv;
  gboolean   finished;
};

AnjuTableWriter *
anju_table_writer_new (const char  *format,
                       const char  *sheet_name,
                       GError     **error)
{
  AnjuTableWriter *self;

  g_return_val_if_fail (format != NULL, NULL);

  if (!g_str_equal (format, "csv") && !g_str_equal (format, "xlsx"))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   _("The file format must be csv or xlsx"));
      return NULL;
    }

  self = g_new0 (AnjuTableWriter, 1);
  self->xlsx = g_str_equal (format, "xlsx");
  self->sheet_name = g_strdup (sheet_name != NULL && *sheet_name != '\0' ? sheet_name : "Sheet1");
  if (self->xlsx)
    self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  else
    self->csv = g_string_new ("\xEF\xBB\xBF");
  return self;
}

static void append_csv_row (GString            *out,
                            const char * const *cells,
                            guint               n_cells);

void
anju_table_writer_add_row (AnjuTableWriter     *self,
                           const char * const  *cells,
                           guint                n_cells)
{
  char **row;

  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->finished);
  g_return_if_fail (cells != NULL || n_cells == 0);

  if (!self->xlsx)
    {
      append_csv_row (self->csv, cells, n_cells);
      return;
    }
  row = g_new0 (char *, n_cells + 1);
  for (guint i = 0; i < n_cells; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (self->rows, row);
}

const char *
anju_table_writer_get_content_type (AnjuTableWriter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->xlsx ? XLSX_CONTENT_TYPE : "text/csv; charset=utf-8";
}

const char *
anju_table_writer_get_extension (AnjuTableWriter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->xlsx ? "xlsx" : "csv";
}

/* ---- CSV ---- */

static void
append_csv_cell (GString    *out,
                 const char *cell)
{
  if (strpbrk (cell, ",\"\r\n") == NULL)
    {
      g_string_append (out, cell);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_row (GString            *out,
                const char * const *cells,
                guint               n_cells)
{
  for (guint c = 0; c < n_cells; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      append_csv_cell (out, cells[c] != NULL ? cells[c] : "");
    }
  g_string_append (out, "\r\n");
}

static GBytes *
finish_csv (AnjuTableWriter *self)
{
  return g_string_free_to_bytes (g_steal_pointer (&self->csv));
}

/* ---- XLSX ---- */

/* Excel refuses sheet names with []:*?/\ or longer than 31 characters. */
static char *
valid_sheet_name (const char *name)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = name; *p != '\0' && n < SHEET_NAME_MAX; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && strchr ("[]:*?/\\", (int) c) != NULL)
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Characters are a fair measure for Latin text; CJK glyphs are about two
 * Latin characters wide. */
static double
text_width (const char *text)
{
  double width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

static GArray *
column_widths (AnjuTableWriter *self)
{
  GArray *widths = g_array_new (FALSE, TRUE, sizeof (double));

  for (guint r = 0; r < self->rows->len; r++)
    {
      char **row = g_ptr_array_index (self->rows, r);

      for (guint c = 0; row[c] != NULL; c++)
        {
          double width = text_width (row[c]) + 2;

          if (widths->len <= c)
            g_array_set_size (widths, c + 1);
          if (width > g_array_index (widths, double, c))
            g_array_index (widths, double, c) = width;
        }
    }
  return widths;
}

static lxw_error
write_sheet (AnjuTableWriter *self,
             lxw_workbook    *workbook)
{
  g_autofree char *name = valid_sheet_name (self->sheet_name);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, name);
  lxw_format *bold = workbook_add_format (workbook);
  g_autoptr(GArray) widths = NULL;

  if (sheet == NULL || bold == NULL)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;
  format_set_bold (bold);

  widths = column_widths (self);
  for (guint c = 0; c < widths->len; c++)
    {
      double width = CLAMP (g_array_index (widths, double, c), COLUMN_WIDTH_MIN, COLUMN_WIDTH_MAX);
      lxw_error status = worksheet_set_column (sheet, c, c, width, NULL);

      if (status != LXW_NO_ERROR)
        return status;
    }

  /* Everything is written as text: unit numbers, ID numbers and amounts
   * must come back exactly as they went out. */
  for (guint r = 0; r < self->rows->len; r++)
    {
      char **row = g_ptr_array_index (self->rows, r);

      for (guint c = 0; row[c] != NULL; c++)
        {
          lxw_error status;

          if (*row[c] == '\0')
            continue;
          status = worksheet_write_string (sheet, r, c, row[c], r == 0 ? bold : NULL);
          if (status != LXW_NO_ERROR)
            return status;
        }
    }
  return LXW_NO_ERROR;
}

static GBytes *
finish_xlsx (AnjuTableWriter  *self,
             GError          **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  lxw_workbook_options options = { .tmpdir = (char *) g_get_tmp_dir () };
  lxw_workbook *workbook;
  lxw_error status;
  gsize length;
  int fd;

  /* A unique name of our own: several exports may run at once. */
  fd = g_file_open_tmp ("anju-export-XXXXXX.xlsx", &path, &local_error);
  if (fd < 0)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_INTERNAL,
                   "Cannot create a temporary file: %s", local_error->message);
      return NULL;
    }
  g_close (fd, NULL);

  workbook = workbook_new_opt (path, &options);
  if (workbook == NULL)
    {
      g_unlink (path);
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_INTERNAL, "Cannot start the workbook");
      return NULL;
    }

  status = write_sheet (self, workbook);
  /* workbook_close() frees the workbook whatever happens. */
  if (status == LXW_NO_ERROR)
    status = workbook_close (workbook);
  else
    workbook_close (workbook);

  if (status != LXW_NO_ERROR
      || !g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_unlink (path);
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_INTERNAL, "Cannot write the workbook: %s",
                   local_error != NULL ? local_error->message : lxw_strerror (status));
      return NULL;
    }
  g_unlink (path);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

GBytes *
anju_table_writer_finish (AnjuTableWriter  *self,
                          GError          **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (!self->finished, NULL);

  self->finished = TRUE;
  return self->xlsx ? finish_xlsx (self, error) : finish_csv (self);
}

void
anju_table_writer_free (AnjuTableWriter *self)
{
  if (self == NULL)
    return;

  g_free (self->sheet_name);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  if (self->csv != NULL)
    g_string_free (self->csv, TRUE);
  g_free (self);
}
