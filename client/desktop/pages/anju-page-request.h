/* anju-page-request.h: one API call from a page whose outcome is a toast.
 *
 * Most actions of the administration pages (delete, move, disable,
 * unlock …) are one request: on success the page says so and refreshes,
 * on failure it says what failed and why.  The page is kept alive until
 * the answer arrives; a cancelled request reports nothing.
 */
#pragma once

#include <gtk/gtk.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

/* Called after a successful request with the parsed answer. */
typedef void (*AnjuPageRequestDone) (GtkWidget *page,
                                     JsonNode  *answer);

/* body: (transfer none) (nullable).  success_message is toasted on
 * success (nullable: no toast); failure_message heads the toast of a
 * failure ("Could not unlock the account").  done may be NULL. */
void anju_page_request (GtkWidget           *page,
                        AnjuApiClient       *client,
                        const char          *method,
                        const char          *path,
                        JsonNode            *body,
                        GCancellable        *cancellable,
                        const char          *success_message,
                        const char          *failure_message,
                        AnjuPageRequestDone  done);

/* The "id" of the record an answer holds, 0 when it holds none (a
 * DELETE answers with no body), so a page can select it after reloading. */
gint64 anju_page_answer_id (JsonNode *answer);

G_END_DECLS
