/* anju-document-kind.h: the kinds of generated documents (docs/api.md,
 * "Documents") and their names, for the document pages. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* street_publicity, announcement, confirmation; NULL-terminated. */
const char * const *anju_document_kind_codes (void);
/* Translated name; the code itself when unknown. */
const char         *anju_document_kind_label (const char *code);

G_END_DECLS
