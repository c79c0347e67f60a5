/* anju-sms-status-row.c: whether SMS goes out, in one line. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-error-message.h"
#include "anju-record.h"
#include "anju-sms-status-row.h"

struct _AnjuSmsStatusRow
{
  GtkBox         parent_instance;

  /* Template widgets */
  GtkImage      *icon;
  GtkLabel      *label;

  /* Owned */
  AnjuApiClient *client;       /* (owned) */
  GCancellable  *cancellable;  /* (owned) (nullable) the question in flight */
};

G_DEFINE_FINAL_TYPE (AnjuSmsStatusRow, anju_sms_status_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_text (AnjuSmsStatusRow *self,
           const char       *text,
           const char       *icon_name,
           gboolean          warning)
{
  gtk_label_set_text (self->label, text);
  gtk_image_set_from_icon_name (self->icon, icon_name);
  if (warning)
    gtk_widget_add_css_class (GTK_WIDGET (self), "anju-status-warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "anju-status-warning");
}

/* A count from the answer; counts are never negative nor near 2³². */
static guint
count_of (JsonObject *status,
          const char *member)
{
  return (guint) CLAMP (anju_json_get_int (status, member, 0), 0, G_MAXUINT32);
}

static char *
counts_text (JsonObject *status)
{
  guint daily_cap = count_of (status, "daily_cap");
  g_autofree char *today = NULL;

  if (daily_cap > 0)
    /* Translators: %1$u texts were sent today out of a daily cap of %2$u */
    today = g_strdup_printf (_("Sent today: %1$u of at most %2$u."),
                             count_of (status, "sent_today"), daily_cap);
  else
    /* Translators: %1$u texts were sent today; there is no daily cap */
    today = g_strdup_printf (_("Sent today: %1$u, no daily cap."), count_of (status, "sent_today"));

  /* Translators: %1$s is "Sent today: …", %2$u how many texts wait to
   * go out, %3$u how many failed */
  return g_strdup_printf (_("%1$s Waiting: %2$u. Failed: %3$u."), today,
                          count_of (status, "pending"), count_of (status, "failed"));
}

static void
status_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AnjuApiClient *client = ANJU_API_CLIENT (object);
  g_autoptr(AnjuSmsStatusRow) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *text = NULL;
  JsonObject *status;
  const char *reason;

  answer = anju_api_client_request_finish (client, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      g_autofree char *why = NULL;

      why = error != NULL ? anju_error_message_for (error, anju_api_client_get_base_uri (client))
                          : g_strdup (_("The server sent an answer this program does not understand."));
      /* Translators: %1$s is why the SMS status could not be read */
      text = g_strdup_printf (_("Could not read the SMS status: %1$s"), why != NULL ? why : "");
      show_text (self, text, "dialog-error-symbolic", TRUE);
      return;
    }

  status = json_node_get_object (answer);
  counts = counts_text (status);

  if (anju_json_get_boolean (status, "enabled", FALSE))
    {
      /* Translators: %1$s is today's count and what waits or failed */
      text = g_strdup_printf (_("SMS is on. %1$s"), counts);
      show_text (self, text, "mail-send-symbolic", FALSE);
      return;
    }

  reason = anju_json_get_string (status, "reason");
  /* Translators: %1$s is why SMS is off ("未配置短信网关"), %2$s today's
   * count and what waits or failed */
  text = g_strdup_printf (_("SMS is disabled: %1$s. No text message goes out; each one is kept in "
                            "the log as not sent, and can be resent once a gateway is configured. %2$s"),
                          reason != NULL ? reason : _("no reason given"), counts);
  show_text (self, text, "dialog-warning-symbolic", TRUE);
}

static void
anju_sms_status_row_dispose (GObject *object)
{
  AnjuSmsStatusRow *self = ANJU_SMS_STATUS_ROW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_SMS_STATUS_ROW);

  G_OBJECT_CLASS (anju_sms_status_row_parent_class)->dispose (object);
}

static void
anju_sms_status_row_finalize (GObject *object)
{
  AnjuSmsStatusRow *self = ANJU_SMS_STATUS_ROW (object);

  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_sms_status_row_parent_class)->finalize (object);
}

static void
anju_sms_status_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnjuSmsStatusRow *self = ANJU_SMS_STATUS_ROW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_sms_status_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AnjuSmsStatusRow *self = ANJU_SMS_STATUS_ROW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_sms_status_row_class_init (AnjuSmsStatusRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_sms_status_row_dispose;
  object_class->finalize = anju_sms_status_row_finalize;
  object_class->get_property = anju_sms_status_row_get_property;
  object_class->set_property = anju_sms_status_row_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-sms-status-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuSmsStatusRow, icon);
  gtk_widget_class_bind_template_child (widget_class, AnjuSmsStatusRow, label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
anju_sms_status_row_init (AnjuSmsStatusRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
anju_sms_status_row_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_SMS_STATUS_ROW, "client", client, NULL);
}

void
anju_sms_status_row_reload (AnjuSmsStatusRow *self)
{
  g_return_if_fail (ANJU_IS_SMS_STATUS_ROW (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  anju_api_client_request_async (self->client, "GET", "/api/v1/sms/status", NULL, self->cancellable,
                                 status_cb, g_object_ref (self));
}

const char *
anju_sms_status_row_get_text (AnjuSmsStatusRow *self)
{
  g_return_val_if_fail (ANJU_IS_SMS_STATUS_ROW (self), NULL);

  return gtk_label_get_text (self->label);
}
