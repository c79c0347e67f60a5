/* anju-recipient-picker.h: choose some organisations, or some people, to
 * send a message to.
 *
 * A search field over a paged, checkable list of GET /api/v1/organisations
 * or GET /api/v1/users (the server searches, so a city's thousands of
 * accounts never load at once), and a line naming what is chosen.  The
 * choice outlives a search: ticking two streets, then searching for a
 * third, sends to all three.  Every list is in the caller's data scope,
 * as the server answers it.
 */
#pragma once

#include <gtk/gtk.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

typedef enum
{
  ANJU_RECIPIENT_ORGANISATIONS,
  ANJU_RECIPIENT_USERS,
} AnjuRecipientKind;

#define ANJU_TYPE_RECIPIENT_PICKER (anju_recipient_picker_get_type ())
G_DECLARE_FINAL_TYPE (AnjuRecipientPicker, anju_recipient_picker, ANJU, RECIPIENT_PICKER, GtkBox)

GtkWidget *anju_recipient_picker_new            (AnjuApiClient       *client,
                                                 AnjuRecipientKind    kind);
/* The ids chosen (gint64), in no particular order (transfer full). */
GArray    *anju_recipient_picker_get_chosen_ids (AnjuRecipientPicker *self);
guint      anju_recipient_picker_get_n_chosen   (AnjuRecipientPicker *self);

G_END_DECLS
