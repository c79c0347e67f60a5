/* anju-message-events.c: the event table of docs/api.md "Messages". */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-message-events.h"

static const char * const task_variables[] = {
  "record_label", "template_name", "step_name", "due_at", NULL
};
static const char * const completed_variables[] = { "record_label", "template_name", NULL };
static const char * const verdict_variables[] = {
  "record_label", "template_name", "step_name", "comment", NULL
};
static const char * const cancelled_variables[] = {
  "record_label", "template_name", "comment", NULL
};
static const char * const feedback_variables[] = { "title", "reply", NULL };
static const char * const account_variables[] = { "name", "username", "password", NULL };
static const char * const manual_variables[] = { "title", "body", NULL };
static const char * const prereview_failed_variables[] = {
  "application_no", "applicant_name", "reasons", NULL
};
static const char * const confirmed_variables[] = {
  "application_no", "applicant_name", "business_type", "document_number", NULL
};

static const char * const terminal_alert_variables[] = {
  "terminal_no", "terminal_name", "location", "message", NULL
};

static const AnjuMessageEvent events[] = {
  { "workflow.task.assigned", N_("Task assigned"), task_variables, FALSE },
  { "workflow.task.overdue", N_("Task overdue"), task_variables, FALSE },
  { "workflow.instance.completed", N_("Process completed"), completed_variables, FALSE },
  { "workflow.instance.rejected", N_("Process rejected"), verdict_variables, FALSE },
  { "workflow.instance.returned", N_("Returned for supplement"), verdict_variables, FALSE },
  { "workflow.instance.cancelled", N_("Process cancelled"), cancelled_variables, FALSE },
  { "feedback.replied", N_("Feedback replied"), feedback_variables, FALSE },
  { ANJU_EVENT_INITIAL_PASSWORD, N_("Initial password of a new account"), account_variables,
    TRUE },
  { ANJU_EVENT_MANUAL, N_("Message sent by hand"), manual_variables, FALSE },
  { "pubrent.application.prereview_failed", N_("Application failed pre-review"),
    prereview_failed_variables, FALSE },
  { "pubrent.application.confirmed", N_("Public rental qualification confirmed"),
    confirmed_variables, FALSE },
  { "terminal.alert", N_("Service terminal alert"), terminal_alert_variables, FALSE },
};

const AnjuMessageEvent *
anju_message_event_lookup (const char *type)
{
  for (guint i = 0; type != NULL && i < G_N_ELEMENTS (events); i++)
    {
      if (g_str_equal (events[i].type, type))
        return &events[i];
    }
  return NULL;
}

const AnjuMessageEvent *
anju_message_event_get_all (guint *n_events)
{
  *n_events = G_N_ELEMENTS (events);
  return events;
}

const char *
anju_message_event_get_name (const AnjuMessageEvent *event)
{
  return _(event->name);
}
