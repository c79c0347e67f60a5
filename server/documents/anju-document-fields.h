/* anju-document-fields.h: the {{field}} names a template body may use.
 *
 * Each kind has its own set (GET …/document-templates/fields): the list
 * kinds know the number of households and the publicity period, the
 * confirmation form knows the applicant.  A body naming anything else is
 * refused when the template is saved.  The values come from the
 * document's content, so a preview with example content fills exactly
 * what a real document would.
 */
#pragma once

#include "anju-document-content.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  const char *label;    /* translatable (N_) */
  const char *example;
} AnjuDocumentField;

/* NULL (and *n_fields 0) for an unknown kind. */
const AnjuDocumentField *anju_document_fields_for_kind (const char                *kind,
                                                        guint                     *n_fields);
/* TRUE when every {{name}} of body is a field of kind; otherwise the
 * first unknown name (without braces) in *out_unknown. */
gboolean                 anju_document_fields_check    (const char                *kind,
                                                        const char                *body,
                                                        char                     **out_unknown);
/* body with every {{name}} of content's kind replaced by its value. */
char                    *anju_document_fields_fill     (const char                *body,
                                                        const AnjuDocumentContent *content);

G_END_DECLS
