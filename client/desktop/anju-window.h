/* anju-window.h: the main window of a signed-in user (F-PORTAL-001).
 *
 * A sidebar of the pages the user's permissions open (anju-window-pages.h),
 * a header bar naming the user and organisation with a sign-out button,
 * and a toast overlay over the pages.
 *
 * Widget actions for the pages:
 *   win.toast (s)             show a toast with that text
 *   win.show-page (s)         switch to the page of that name
 *   win.set-page-badge (su)   anju_window_set_page_badge() for a page
 *   win.reload                reload the visible page (F5, Ctrl+R)
 *   win.open-record (sxx)     show a business record: (domain, record_id,
 *                             instance_id), instance_id 0 for none; the
 *                             domain's record page, or the process
 *                             instance dialog (anju-record-openers.h)
 *   win.record-changed (sxx)  a record page changed that record (an
 *                             action on its process); the to-do page and
 *                             the workbench reload
 *   win.sign-out              end this session
 *   win.sign-out-everywhere   end every session of this user, after asking
 *
 * When the session expires the window keeps everything as it is and asks
 * for the password again in a modal sign-in window over itself.
 * ::signed-out is emitted once the user signed out (or gave up signing in
 * again); the application then closes this window.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-trust-store.h"

G_BEGIN_DECLS

#define ANJU_TYPE_WINDOW (anju_window_get_type ())
G_DECLARE_FINAL_TYPE (AnjuWindow, anju_window, ANJU, WINDOW, AdwApplicationWindow)

AnjuWindow    *anju_window_new            (GtkApplication *application,
                                           AnjuApiClient  *client,
                                           AnjuTrustStore *trust_store);
AnjuApiClient *anju_window_get_client     (AnjuWindow     *self);
/* FALSE when the user may not see that page. */
gboolean       anju_window_show_page      (AnjuWindow     *self,
                                           const char     *name);
void           anju_window_toast          (AnjuWindow     *self,
                                           const char     *message);
/* A number beside the page's sidebar entry (unread messages …), also in
 * the entry's accessible name; 0 hides it.  Nothing happens for a page
 * the user may not see. */
void           anju_window_set_page_badge (AnjuWindow     *self,
                                           const char     *name,
                                           guint           count);

G_END_DECLS
