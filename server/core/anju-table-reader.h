/* anju-table-reader.h: the rows of an uploaded CSV or XLSX file.
 *
 * Every import (units, directed applications, external records) reads
 * its file through this, so they accept the same files and number rows
 * the same way: the header is spreadsheet row 1, data rows follow.  CSV
 * is UTF-8 (a BOM is skipped, RFC 4180 quoting, CRLF or LF); XLSX is the
 * first worksheet, shared and inline strings, numbers as written.  Cells
 * are trimmed; an empty cell is "" (never NULL); rows that are entirely
 * empty are skipped, but keep their number for the rows after them.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AnjuTableReader AnjuTableReader;

/* format is "csv" or "xlsx".  Errors: ANJU_ERROR_VALIDATION with a
 * translated message when the bytes are not such a file, are empty or
 * have no header row. */
AnjuTableReader    *anju_table_reader_new            (GBytes          *bytes,
                                                      const char      *format,
                                                      GError         **error);
const char * const *anju_table_reader_get_header     (AnjuTableReader *self);
/* The column whose header is name, or -1. */
int                 anju_table_reader_find_column    (AnjuTableReader *self,
                                                      const char      *name);
/* Data rows, without the header. */
guint               anju_table_reader_get_n_rows     (AnjuTableReader *self);
/* The spreadsheet's number of data row row (0-based): 2 for the first. */
guint               anju_table_reader_get_row_number (AnjuTableReader *self,
                                                      guint            row);
/* "" past the row's last cell or for a column of -1. */
const char         *anju_table_reader_get_cell       (AnjuTableReader *self,
                                                      guint            row,
                                                      int              column);
void                anju_table_reader_free           (AnjuTableReader *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuTableReader, anju_table_reader_free)

G_END_DECLS
