/* anju-sms-status.h: the states of a text message in the SMS log.
 *
 * docs/api.md ("Message settings"): pending → sending → sent | failed;
 * disabled when no gateway is configured (kept, never dropped); deferred
 * past the daily cap.  A record that did not go out (failed, disabled,
 * deferred) may be sent again.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every status, in the order the log's filter offers them
 * (NULL-terminated). */
const char * const *anju_sms_statuses          (void);
/* The translated name of a status; an unknown one is returned as is. */
const char         *anju_sms_status_label      (const char *status);
gboolean            anju_sms_status_can_resend (const char *status);

G_END_DECLS
