/* anju-record-openers.h: which page shows a business record.
 *
 * A to-do item, a message or an instance in the monitor points at a
 * business record as (domain, record_id, instance_id) (docs/api.md,
 * "To-do and done").  The main window's "win.open-record" action asks
 * this registry to show it: the opener registered for the domain
 * ("pubrent" …) shows the domain's own record page, where the action
 * buttons are (AnjuWorkflowActionBar); a domain without a page of its
 * own yet gets the fallback, the generic instance dialog, which needs
 * the instance id.
 *
 * A domain adds its opener where the window makes its registry
 * (anju-window.c), one line per domain.  The registry is plain data
 * owned by its window: no state is shared between windows.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The window is the AnjuWindow that asked (an opaque pointer here, so
 * that the registry needs no display and can be tested alone).
 * instance_id is 0 for a record without a process instance. */
typedef void (*AnjuRecordOpener) (gpointer    window,
                                  const char *domain,
                                  gint64      record_id,
                                  gint64      instance_id);

typedef struct _AnjuRecordOpeners AnjuRecordOpeners;

/* fallback: used for a domain without an opener of its own. */
AnjuRecordOpeners *anju_record_openers_new    (AnjuRecordOpener    fallback);
void               anju_record_openers_free   (AnjuRecordOpeners  *self);
/* A second opener for the same domain replaces the first. */
void               anju_record_openers_add    (AnjuRecordOpeners  *self,
                                               const char         *domain,
                                               AnjuRecordOpener    opener);
/* The domain's own opener, or NULL. */
AnjuRecordOpener   anju_record_openers_lookup (AnjuRecordOpeners  *self,
                                               const char         *domain);
/* Shows the record through the domain's opener, or the fallback when
 * the domain has none and there is an instance to show.  Fails with
 * ANJU_ERROR_VALIDATION for a missing domain or a negative id, and with
 * ANJU_ERROR_NOT_FOUND when nothing can show the record. */
gboolean           anju_record_openers_open   (AnjuRecordOpeners  *self,
                                               gpointer            window,
                                               const char         *domain,
                                               gint64              record_id,
                                               gint64              instance_id,
                                               GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuRecordOpeners, anju_record_openers_free)

G_END_DECLS
