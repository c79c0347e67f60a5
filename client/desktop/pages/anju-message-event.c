/* anju-message-event.c: the events messages come from, named for people. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-message-event.h"

typedef struct
{
  const char *event;
  const char *name;
} EventName;

/* The same words as the server's event table (server/messages/
 * anju-message-events.c), so both share one translation. */
static const EventName event_names[] = {
  { "workflow.task.assigned",      N_("Task assigned") },
  { "workflow.task.overdue",       N_("Task overdue") },
  { "workflow.instance.completed", N_("Process completed") },
  { "workflow.instance.rejected",  N_("Process rejected") },
  { "workflow.instance.returned",  N_("Returned for supplement") },
  { "workflow.instance.cancelled", N_("Process cancelled") },
  { "feedback.replied",            N_("Feedback replied") },
  { "message.manual",              N_("Message sent by hand") },
  { "account.initial_password",    N_("Initial password of a new account") },
};

static const char * const inbox_events[] = {
  "workflow.task.assigned",
  "workflow.task.overdue",
  "workflow.instance.completed",
  "workflow.instance.rejected",
  "workflow.instance.returned",
  "workflow.instance.cancelled",
  "feedback.replied",
  "message.manual",
  NULL
};

const char * const *
anju_message_inbox_events (void)
{
  return inbox_events;
}

const char *
anju_message_event_name (const char *event)
{
  if (event == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (event_names); i++)
    {
      if (g_str_equal (event_names[i].event, event))
        return _(event_names[i].name);
    }

  return event;
}
