/* anju-message-listener.c: the event bus listener of the message center. */
#include "config.h"

#include "anju-inbox-store.h"
#include "anju-message-events.h"
#include "anju-message-listener.h"
#include "anju-message-recipients.h"
#include "anju-message-settings.h"
#include "anju-message-template.h"
#include "anju-messages.h"
#include "anju-sms-outbox.h"
#include "anju-sms-schedule.h"

/* The event's texts, rendered once for every recipient. */
typedef struct
{
  char *title;
  char *body;
  char *sms;
} Rendered;

static void
rendered_clear (Rendered *rendered)
{
  g_free (rendered->title);
  g_free (rendered->body);
  g_free (rendered->sms);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Rendered, rendered_clear)

static gboolean
wants_sms (const AnjuEvent        *event,
           const AnjuPushStrategy *strategy)
{
  const char *asked;

  if (!strategy->sms)
    return FALSE;
  if (!g_str_equal (event->type, ANJU_EVENT_MANUAL))
    return TRUE;
  asked = event->variables != NULL
          ? json_object_get_string_member_with_default (event->variables, "sms", NULL) : NULL;
  return g_strcmp0 (asked, "true") == 0;
}

static gboolean
write_inbox (const AnjuEvent  *event,
             const Rendered   *rendered,
             GArray           *recipients,
             GError          **error)
{
  for (guint i = 0; i < recipients->len; i++)
    {
      const AnjuRecipient *recipient = &g_array_index (recipients, AnjuRecipient, i);
      AnjuInboxEntry entry = {
        .user_id = recipient->user_id,
        .event = event->type,
        .title = rendered->title,
        .body = rendered->body,
        .link_domain = event->link_domain,
        .link_record_id = event->link_record_id,
        .link_instance_id = event->link_instance_id,
        .created_at = event->at,
      };

      if (anju_inbox_insert (event->db, &entry, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* Queues one text per recipient with a phone; TRUE in *out_queued when
 * any may be sent (so the dispatcher should look).  An event about a
 * citizen without an account (recipient_phone) is texted to that phone
 * only: its text speaks to the citizen, and the staff it names read it in
 * their inbox. */
static gboolean
write_outbox (const AnjuEvent         *event,
              const AnjuMessageEvent  *known,
              const AnjuPushStrategy  *strategy,
              const Rendered          *rendered,
              GArray                  *recipients,
              AnjuSmsDispatcher       *dispatcher,
              gboolean                *out_queued,
              GError                 **error)
{
  const char *disabled_reason = anju_sms_dispatcher_get_disabled_reason (dispatcher);
  gint64 due = anju_sms_after_quiet_hours (event->at, strategy->quiet_start, strategy->quiet_end);

  *out_queued = FALSE;
  if (event->recipient_phone != NULL && *event->recipient_phone != '\0')
    {
      AnjuSmsNew row = {
        .event = event->type,
        .phone = event->recipient_phone,
        .text = rendered->sms,
        .secret = known->secret,
        .disabled_reason = disabled_reason,
        .next_attempt_at = due,
        .created_at = event->at,
      };

      if (anju_sms_outbox_insert (event->db, &row, error) == 0)
        return FALSE;
      *out_queued = disabled_reason == NULL;
      return TRUE;
    }
  for (guint i = 0; i < recipients->len; i++)
    {
      const AnjuRecipient *recipient = &g_array_index (recipients, AnjuRecipient, i);
      AnjuSmsNew row = {
        .event = event->type,
        .user_id = recipient->user_id,
        .phone = recipient->phone,
        .text = rendered->sms,
        .secret = known->secret,
        .disabled_reason = disabled_reason,
        .next_attempt_at = due,
        .created_at = event->at,
      };

      if (recipient->phone == NULL || *recipient->phone == '\0')
        continue;
      if (anju_sms_outbox_insert (event->db, &row, error) == 0)
        return FALSE;
      *out_queued = *out_queued || disabled_reason == NULL;
    }
  return TRUE;
}

gboolean
anju_message_listener_deliver (const AnjuEvent  *event,
                               gpointer          user_data,
                               GError          **error)
{
  AnjuMessages *messages = ANJU_MESSAGES (user_data);
  const AnjuMessageEvent *known = anju_message_event_lookup (event->type);
  g_auto(AnjuPushStrategy) strategy = { 0, };
  g_auto(AnjuMessageTexts) texts = { 0, };
  g_auto(Rendered) rendered = { 0, };
  g_autoptr(GArray) recipients = NULL;
  gboolean inbox, sms, queued = FALSE;

  if (known == NULL)
    return TRUE;
  if (!anju_push_strategy_load (event->db, event->type, &strategy, error))
    return FALSE;
  inbox = strategy.enabled && strategy.inbox && !known->secret;
  sms = strategy.enabled && wants_sms (event, &strategy);
  if (!inbox && !sms)
    return TRUE;

  recipients = anju_message_recipients_resolve (event->db, event->user_ids, event->n_user_ids,
                                                event->recipient_org_id, event->recipient_role,
                                                error);
  if (recipients == NULL
      || !anju_message_recipients_keep_roles (event->db, recipients,
                                              (const char * const *) strategy.roles, error)
      || !anju_message_texts_load (event->db, event->type, &texts, error))
    return FALSE;
  rendered.title = anju_message_template_render (texts.title, event->variables);
  rendered.body = anju_message_template_render (texts.body, event->variables);
  rendered.sms = anju_message_template_render (texts.sms, event->variables);

  if ((inbox && !write_inbox (event, &rendered, recipients, error))
      || (sms && !write_outbox (event, known, &strategy, &rendered, recipients,
                                anju_messages_get_dispatcher (messages), &queued, error)))
    return FALSE;
  if (queued)
    anju_sms_dispatcher_kick (anju_messages_get_dispatcher (messages));
  return TRUE;
}
