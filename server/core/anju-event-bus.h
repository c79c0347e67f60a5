/* anju-event-bus.h: how one module tells the others what happened.
 *
 * A module that changes state (the workflow engine, feedback, content)
 * emits an AnjuEvent inside its own write transaction; listeners (the
 * message center) do their writes in that same transaction, so a message
 * is never sent for a change that was rolled back, and a change is never
 * committed without its messages.  A listener that fails fails the emit,
 * and the emitter rolls everything back.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"

G_BEGIN_DECLS

typedef struct
{
  const char   *type;              /* "workflow.task.assigned" */
  AnjuDb       *db;                /* inside the emitter's transaction */
  gint64        at;                /* seconds since the epoch (AnjuClock) */

  /* Named values for message templates ("record_label", "step_name" …),
   * every member a string. */
  JsonObject   *variables;

  /* Who should hear of it: these users, plus the users of recipient_org_id
   * that hold recipient_role (a role code; NULL = every user of the org).
   * recipient_org_id 0 means no organisation. */
  const gint64 *user_ids;
  guint         n_user_ids;
  gint64        recipient_org_id;
  const char   *recipient_role;
  /* (nullable) A citizen without an account (an applicant): the message
   * center texts this mobile number when the event's template has SMS on. */
  const char   *recipient_phone;

  /* What a message about it opens (win.open-record in the desktop). */
  const char   *link_domain;       /* (nullable) "pubrent.application" */
  gint64        link_record_id;
  gint64        link_instance_id;  /* 0 when not about a process */
} AnjuEvent;

typedef gboolean (*AnjuEventListener) (const AnjuEvent  *event,
                                       gpointer          user_data,
                                       GError          **error);

typedef struct _AnjuEventBus AnjuEventBus;

AnjuEventBus *anju_event_bus_new          (void);
void          anju_event_bus_free         (AnjuEventBus      *self);
void          anju_event_bus_add_listener (AnjuEventBus      *self,
                                           AnjuEventListener  listener,
                                           gpointer           user_data,
                                           GDestroyNotify     destroy);
/* Calls every listener in the order they were added; stops at the first
 * failure and returns FALSE with its error. */
gboolean      anju_event_bus_emit         (AnjuEventBus      *self,
                                           const AnjuEvent   *event,
                                           GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuEventBus, anju_event_bus_free)

G_END_DECLS
