/* anju-document-template-store.h: document templates in
 * pubrent_document_templates and their JSON (docs/api.md, Template).
 *
 * Exactly one template per kind is active; activating one deactivates
 * the others of its kind.  Writes open no transaction and write no
 * audit row: the callers do both.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *kind;
  char   *name;
  char   *title;
  char   *issuer;
  char   *body;
  gint64  logo_file_id;   /* 0: none */
  int     font_size;
  gboolean active;
} AnjuDocumentTemplate;

void      anju_document_template_clear       (AnjuDocumentTemplate  *template);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuDocumentTemplate, anju_document_template_clear)

/* ANJU_ERROR_NOT_FOUND when there is none. */
gboolean  anju_document_template_load        (AnjuDb                *db,
                                              gint64                 id,
                                              AnjuDocumentTemplate  *out_template,
                                              GError               **error);
/* ANJU_ERROR_CONFLICT when kind has no active template. */
gboolean  anju_document_template_load_active (AnjuDb                *db,
                                              const char            *kind,
                                              AnjuDocumentTemplate  *out_template,
                                              GError               **error);
/* Inserts template (id and active ignored: a new one is inactive). */
gint64    anju_document_template_insert      (AnjuDb                      *db,
                                              const AnjuDocumentTemplate  *template,
                                              gint64                       user_id,
                                              gint64                       now,
                                              GError                     **error);
/* Saves every member but kind, active and the usage. */
gboolean  anju_document_template_update      (AnjuDb                      *db,
                                              const AnjuDocumentTemplate  *template,
                                              gint64                       user_id,
                                              gint64                       now,
                                              GError                     **error);
gboolean  anju_document_template_activate    (AnjuDb                *db,
                                              gint64                 id,
                                              gint64                 user_id,
                                              gint64                 now,
                                              GError               **error);
/* One more use, now. */
gboolean  anju_document_template_count_use   (AnjuDb                *db,
                                              gint64                 id,
                                              gint64                 now,
                                              GError               **error);

JsonNode *anju_document_template_to_json     (AnjuDb                *db,
                                              gint64                 id,
                                              GError               **error);
/* The Template object from a row of ANJU_DOCUMENT_TEMPLATE_COLUMNS. */
JsonNode *anju_document_template_json_from_row (sqlite3_stmt        *stmt);

#define ANJU_DOCUMENT_TEMPLATE_COLUMNS \
  "t.id, t.kind, t.name, t.title, t.issuer, t.body, t.logo_file_id, t.font_size, t.active," \
  " t.usage_count, t.last_used_at, t.created_at, t.updated_at, t.created_by, cu.name"
#define ANJU_DOCUMENT_TEMPLATE_JOIN \
  "pubrent_document_templates t LEFT JOIN users cu ON cu.id = t.created_by"

G_END_DECLS
