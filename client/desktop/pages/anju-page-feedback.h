/* anju-page-feedback.h: how the administration pages tell the user what
 * happened.
 *
 * Every outcome of a request is one toast in the main window, through
 * the window's "win.toast" action (a string parameter), so pages need no
 * pointer to the window.  Failures say what was attempted and why it
 * failed, in the words of anju_error_message_for().
 */
#pragma once

#include <adwaita.h>
#include <gtk/gtk.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

void anju_page_toast       (GtkWidget     *widget,
                            const char    *message);
/* what: "Could not delete the organisation".  Shows nothing for a
 * cancelled request, nor for an ended session: the window then brings
 * back the sign-in dialog, which says it better. */
void anju_page_toast_error (GtkWidget     *widget,
                            AnjuApiClient *client,
                            const char    *what,
                            const GError  *error);
/* A page whose list could not load shows why in its error_page and
 * turns its stack to the child named "error". */
void anju_page_show_load_error (GtkStack      *stack,
                                AdwStatusPage *error_page,
                                AnjuApiClient *client,
                                const GError  *error);

G_END_DECLS
