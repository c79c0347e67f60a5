/* anju-content-write.h: one write of the portal content, with its audit
 * row, in one transaction.
 *
 * Articles and feedback write the same way: read the record as it was
 * (unless the write creates it), write, read it as it is (unless the
 * write deletes it), audit both, commit, and answer the record (or 204).
 * Any failure rolls everything back and is the answer instead.
 */
#pragma once

#include "anju-request.h"

G_BEGIN_DECLS

/* The record's API object. */
typedef JsonNode *(*AnjuContentToJson) (AnjuDb   *db,
                                        gint64    id,
                                        GError  **error);
/* The write itself; a create sets *inout_id to the new record's id. */
typedef gboolean  (*AnjuContentWrite)  (AnjuRequest  *request,
                                        gpointer      data,
                                        gint64       *inout_id,
                                        GError      **error);

typedef struct
{
  const char        *entity;    /* "article", the audit row's entity */
  AnjuContentToJson  to_json;
} AnjuContentKind;

/* id 0: write creates the record.  status SOUP_STATUS_NO_CONTENT: write
 * deletes it.  action is the audit action, "article.publish". */
void anju_content_run_write (AnjuRequest            *request,
                             const AnjuContentKind  *kind,
                             const char             *action,
                             gint64                  id,
                             AnjuContentWrite        write,
                             gpointer                data,
                             guint                   status);

G_END_DECLS
