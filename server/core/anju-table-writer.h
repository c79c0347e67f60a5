/* anju-table-writer.h: exports as CSV or XLSX.
 *
 * Every export (units, applications, publicity lists) writes through
 * this.  CSV is UTF-8 with a BOM (so spreadsheet programs show Chinese)
 * and RFC 4180 quoting; XLSX is one worksheet written by libxlsxwriter
 * with a bold header row and column widths fitted to the text.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AnjuTableWriter AnjuTableWriter;

/* format is "csv" or "xlsx" (ANJU_ERROR_VALIDATION otherwise);
 * sheet_name names the XLSX worksheet. */
AnjuTableWriter *anju_table_writer_new              (const char       *format,
                                                     const char       *sheet_name,
                                                     GError          **error);
/* The first row added is the header.  NULL cells are written empty. */
void             anju_table_writer_add_row          (AnjuTableWriter  *self,
                                                     const char * const *cells,
                                                     guint             n_cells);
/* "text/csv; charset=utf-8" or the XLSX media type. */
const char      *anju_table_writer_get_content_type (AnjuTableWriter  *self);
/* "csv" or "xlsx", for the file name. */
const char      *anju_table_writer_get_extension    (AnjuTableWriter  *self);
/* The whole file; the writer takes no more rows afterwards. */
GBytes          *anju_table_writer_finish           (AnjuTableWriter  *self,
                                                     GError          **error);
void             anju_table_writer_free             (AnjuTableWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuTableWriter, anju_table_writer_free)

G_END_DECLS
