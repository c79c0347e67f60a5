/* anju-organisation-kind.h: the kinds of organisation and the tree rules
 * between them, as docs/api.md states them.
 *
 * Exactly one "center" is the root; a "street" hangs under the center, a
 * "community" under a street, and enterprises and suppliers under the
 * center.  The server enforces these rules; the desktop uses the same
 * table to offer only the kinds and parents the server would accept.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every kind, in the order the desktop offers them (NULL-terminated). */
const char * const *anju_organisation_kinds            (void);
gboolean            anju_organisation_kind_is_known    (const char *kind);
/* The translated name of a kind; an unknown kind is returned as is. */
const char         *anju_organisation_kind_label       (const char *kind);
/* The kind the parent of a `kind` organisation must have, or NULL for
 * the center (and for unknown kinds). */
const char         *anju_organisation_kind_parent_kind (const char *kind);
/* Whether an organisation of child_kind may be placed under one of
 * parent_kind. */
gboolean            anju_organisation_kind_can_hold    (const char *parent_kind,
                                                        const char *child_kind);

G_END_DECLS
