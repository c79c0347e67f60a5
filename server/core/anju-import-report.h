/* anju-import-report.h: the answer of every import.
 *
 * {"rows": N, "valid": n, "imported": n_or_0,
 *  "errors": [{"row", "column", "reason"}], "preview": [first 20 valid]}
 * as docs/api.md ("Imports") describes; rows are spreadsheet row numbers
 * (the header is row 1).
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How many valid rows the answer shows. */
#define ANJU_IMPORT_PREVIEW_MAX 20

typedef struct _AnjuImportReport AnjuImportReport;

AnjuImportReport *anju_import_report_new         (void);
/* column is the Chinese header of the offending column, or NULL when
 * the whole row is at fault. */
void              anju_import_report_add_error   (AnjuImportReport *self,
                                                  guint             row,
                                                  const char       *column,
                                                  const char       *reason);
/* Counts one valid row; preview_row (transfer full) is kept for the
 * first ANJU_IMPORT_PREVIEW_MAX and dropped after. */
void              anju_import_report_add_valid   (AnjuImportReport *self,
                                                  JsonNode         *preview_row);
void              anju_import_report_set_imported (AnjuImportReport *self,
                                                  guint             n);
void              anju_import_report_set_rows    (AnjuImportReport *self,
                                                  guint             n);
guint             anju_import_report_get_n_errors (AnjuImportReport *self);
guint             anju_import_report_get_n_valid (AnjuImportReport *self);
JsonNode         *anju_import_report_to_json     (AnjuImportReport *self);
void              anju_import_report_free        (AnjuImportReport *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuImportReport, anju_import_report_free)

G_END_DECLS
