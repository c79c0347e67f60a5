/* anju-sms-status.c: the states of a text message in the SMS log. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-sms-status.h"

typedef struct
{
  const char *status;
  const char *label;
  gboolean    can_resend;
} StatusRule;

static const StatusRule status_rules[] = {
  { "pending",  NC_("sms status", "Waiting to send"),             FALSE },
  { "sending",  NC_("sms status", "Sending"),                     FALSE },
  { "sent",     NC_("sms status", "Sent"),                        FALSE },
  { "failed",   NC_("sms status", "Failed"),                      TRUE },
  { "disabled", NC_("sms status", "Not sent (SMS is disabled)"),  TRUE },
  { "deferred", NC_("sms status", "Deferred"),                    TRUE },
};

static const char * const statuses[] = {
  "pending", "sending", "sent", "failed", "disabled", "deferred", NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == G_N_ELEMENTS (status_rules) + 1);

static const StatusRule *
lookup (const char *status)
{
  if (status == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (status_rules); i++)
    {
      if (g_str_equal (status_rules[i].status, status))
        return &status_rules[i];
    }

  return NULL;
}

const char * const *
anju_sms_statuses (void)
{
  return statuses;
}

const char *
anju_sms_status_label (const char *status)
{
  const StatusRule *rule = lookup (status);

  if (rule == NULL)
    return status;

  return g_dpgettext2 (NULL, "sms status", rule->label);
}

gboolean
anju_sms_status_can_resend (const char *status)
{
  const StatusRule *rule = lookup (status);

  return rule != NULL && rule->can_resend;
}
