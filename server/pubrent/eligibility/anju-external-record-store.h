/* anju-external-record-store.h: rows of pubrent_external_records and
 * their JSON (docs/api.md "Eligibility pre-review").
 *
 * ExternalRecord: {"id","id_no" (always masked),"name","kind","data",
 * "source","imported_at"}.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"

G_BEGIN_DECLS

/* The columns anju_external_record_json_from_row() reads, in order. */
#define ANJU_EXTERNAL_RECORD_COLUMNS "id, id_no, name, kind, data, source, imported_at"

typedef struct
{
  char *id_no;    /* upper-case X */
  char *name;
  char *kind;     /* a code of anju_external_kinds */
  char *data;     /* normalised */
  char *source;   /* (nullable) */
} AnjuExternalRecord;

void      anju_external_record_clear         (AnjuExternalRecord  *record);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuExternalRecord, anju_external_record_clear)

JsonNode *anju_external_record_json_from_row (sqlite3_stmt              *stmt);
/* The record's JSON before it has an id (import previews). */
JsonNode *anju_external_record_to_json       (const AnjuExternalRecord  *record);

/* Whether the same fact (person, kind and data) is stored already. */
gboolean  anju_external_record_exists        (AnjuDb                    *db,
                                              const AnjuExternalRecord  *record,
                                              gboolean                  *out_exists,
                                              GError                   **error);
/* The new row's id, or 0 with error set. */
gint64    anju_external_record_insert        (AnjuDb                    *db,
                                              const AnjuExternalRecord  *record,
                                              gint64                     imported_by,
                                              gint64                     now,
                                              GError                   **error);

G_END_DECLS
