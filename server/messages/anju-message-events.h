/* anju-message-events.h: the event types the message center knows.
 *
 * One entry per row of the event table in docs/api.md "Messages": its
 * name for people and the variables its templates may use.  The zh_CN
 * default texts and default push strategies are seed rows of
 * resources/sql/0004-messages.sql; keep the two lists in step.  Events of
 * other types are ignored by the listener.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ANJU_EVENT_MANUAL           "message.manual"
#define ANJU_EVENT_INITIAL_PASSWORD "account.initial_password"

typedef struct
{
  const char         *type;        /* "workflow.task.assigned" */
  const char         *name;        /* N_(): translate before showing */
  const char * const *variables;   /* NULL-terminated */
  /* SMS only, never written to an inbox: the text holds a password. */
  gboolean            secret;
} AnjuMessageEvent;

/* (nullable): NULL when type is not one of the table. */
const AnjuMessageEvent *anju_message_event_lookup   (const char *type);
const AnjuMessageEvent *anju_message_event_get_all  (guint      *n_events);
/* Translated name of the event (_("Task assigned") …). */
const char             *anju_message_event_get_name (const AnjuMessageEvent *event);

G_END_DECLS
