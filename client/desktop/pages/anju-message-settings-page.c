/* anju-message-settings-page.c: templates, push strategies and the SMS log. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-message-settings-page-private.h"
#include "anju-message-template-dialog.h"
#include "anju-page-feedback.h"
#include "anju-push-strategy-dialog.h"

struct _AnjuMessageSettingsPage
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkBox            *status_box;
  AdwViewStack      *view_stack;

  /* Borrowed: children made in constructed, once the client is known */
  AnjuSmsStatusRow  *status_row;
  AnjuEventListView *templates;
  AnjuEventListView *strategies;
  AnjuSmsLogView    *sms_log;

  /* Owned */
  AnjuApiClient     *client;   /* (owned) */
  guint              loaded : 1;
};

G_DEFINE_FINAL_TYPE (AnjuMessageSettingsPage, anju_message_settings_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
template_subtitle (AnjuRecord *template)
{
  const char *title = anju_record_get_string (template, "title");

  if (anju_record_get_boolean (template, "is_default", TRUE))
    /* Translators: %1$s is the title a template gives its messages */
    return g_strdup_printf (_("Default · %1$s"), title != NULL ? title : "");

  /* Translators: %1$s is the title a template gives its messages */
  return g_strdup_printf (_("Edited · %1$s"), title != NULL ? title : "");
}

static const char *
channels_text (AnjuRecord *strategy)
{
  gboolean inbox = anju_record_get_boolean (strategy, "inbox", FALSE);
  gboolean sms = anju_record_get_boolean (strategy, "sms", FALSE);

  if (inbox && sms)
    return _("In-site message and SMS");
  if (inbox)
    return _("In-site message only");
  if (sms)
    return _("SMS only");
  return _("No channel");
}

/* "…" plus, when the strategy restricts its audience, how many roles it
 * keeps to. */
static char *
with_audience (AnjuRecord *strategy,
               char       *text)
{
  JsonArray *roles = anju_record_get_member_array (strategy, "roles");
  guint n_roles = roles != NULL ? json_array_get_length (roles) : 0;
  char *result;

  if (n_roles == 0)
    return text;
  /* Translators: %1$s is the rest of the summary, %2$u how many roles
   * the recipients must hold one of */
  result = g_strdup_printf (ngettext ("%1$s · only holders of %2$u role",
                                      "%1$s · only holders of %2$u roles", n_roles),
                            text, n_roles);
  g_free (text);
  return result;
}

static char *
strategy_subtitle (AnjuRecord *strategy)
{
  const char *start = anju_record_get_string (strategy, "quiet_start");
  const char *end = anju_record_get_string (strategy, "quiet_end");

  if (!anju_record_get_boolean (strategy, "enabled", TRUE))
    return g_strdup (_("Off: sends nothing"));

  if (start == NULL || end == NULL)
    /* Translators: %1$s says through which channels messages go */
    return with_audience (strategy, g_strdup_printf (_("%1$s · no quiet hours"),
                                                     channels_text (strategy)));

  /* Translators: %1$s says through which channels messages go, %2$s and
   * %3$s are when the quiet hours start and end ("22:00", "07:00") */
  return with_audience (strategy, g_strdup_printf (_("%1$s · quiet %2$s–%3$s"),
                                                   channels_text (strategy), start, end));
}

static void
template_saved_cb (AnjuMessageSettingsPage *self)
{
  anju_page_toast (GTK_WIDGET (self), _("Saved the message template"));
  anju_event_list_view_reload (self->templates);
}

static void
template_activated_cb (AnjuMessageSettingsPage *self,
                       AnjuRecord              *template)
{
  GtkWidget *dialog = anju_message_template_dialog_new (self->client, template);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (template_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
strategy_saved_cb (AnjuMessageSettingsPage *self)
{
  anju_page_toast (GTK_WIDGET (self), _("Saved the push strategy"));
  anju_event_list_view_reload (self->strategies);
}

static void
strategy_activated_cb (AnjuMessageSettingsPage *self,
                       AnjuRecord              *strategy)
{
  GtkWidget *dialog = anju_push_strategy_dialog_new (self->client, strategy);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (strategy_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_message_settings_page_reload (ANJU_MESSAGE_SETTINGS_PAGE (widget));
}

static void
add_view (AnjuMessageSettingsPage *self,
          GtkWidget               *view,
          const char              *name,
          const char              *title,
          const char              *icon_name)
{
  AdwViewStackPage *page = adw_view_stack_add_titled (self->view_stack, view, name, title);

  adw_view_stack_page_set_icon_name (page, icon_name);
}

/* GObject */

static void
anju_message_settings_page_map (GtkWidget *widget)
{
  AnjuMessageSettingsPage *self = ANJU_MESSAGE_SETTINGS_PAGE (widget);

  GTK_WIDGET_CLASS (anju_message_settings_page_parent_class)->map (widget);

  if (!self->loaded)
    anju_message_settings_page_reload (self);
}

static void
anju_message_settings_page_constructed (GObject *object)
{
  AnjuMessageSettingsPage *self = ANJU_MESSAGE_SETTINGS_PAGE (object);
  GtkWidget *widget;

  G_OBJECT_CLASS (anju_message_settings_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  widget = anju_sms_status_row_new (self->client);
  gtk_box_append (self->status_box, widget);
  self->status_row = ANJU_SMS_STATUS_ROW (widget);

  widget = anju_event_list_view_new (self->client, "/api/v1/message-templates",
                                     _("Message templates"), template_subtitle);
  g_signal_connect_object (widget, "activated", G_CALLBACK (template_activated_cb), self, G_CONNECT_SWAPPED);
  add_view (self, widget, "templates", _("Templates"), "document-edit-symbolic");
  self->templates = ANJU_EVENT_LIST_VIEW (widget);

  widget = anju_event_list_view_new (self->client, "/api/v1/push-strategies",
                                     _("Push strategies"), strategy_subtitle);
  g_signal_connect_object (widget, "activated", G_CALLBACK (strategy_activated_cb), self, G_CONNECT_SWAPPED);
  add_view (self, widget, "strategies", _("Push Strategies"), "emblem-system-symbolic");
  self->strategies = ANJU_EVENT_LIST_VIEW (widget);

  widget = anju_sms_log_view_new (self->client);
  add_view (self, widget, "sms", _("SMS Log"), "mail-send-symbolic");
  self->sms_log = ANJU_SMS_LOG_VIEW (widget);
}

static void
anju_message_settings_page_dispose (GObject *object)
{
  AnjuMessageSettingsPage *self = ANJU_MESSAGE_SETTINGS_PAGE (object);

  self->status_row = NULL;
  self->templates = NULL;
  self->strategies = NULL;
  self->sms_log = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_MESSAGE_SETTINGS_PAGE);

  G_OBJECT_CLASS (anju_message_settings_page_parent_class)->dispose (object);
}

static void
anju_message_settings_page_finalize (GObject *object)
{
  AnjuMessageSettingsPage *self = ANJU_MESSAGE_SETTINGS_PAGE (object);

  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_message_settings_page_parent_class)->finalize (object);
}

static void
anju_message_settings_page_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  AnjuMessageSettingsPage *self = ANJU_MESSAGE_SETTINGS_PAGE (object);

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
anju_message_settings_page_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  AnjuMessageSettingsPage *self = ANJU_MESSAGE_SETTINGS_PAGE (object);

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
anju_message_settings_page_class_init (AnjuMessageSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_message_settings_page_constructed;
  object_class->dispose = anju_message_settings_page_dispose;
  object_class->finalize = anju_message_settings_page_finalize;
  object_class->get_property = anju_message_settings_page_get_property;
  object_class->set_property = anju_message_settings_page_set_property;

  widget_class->map = anju_message_settings_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-message-settings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuMessageSettingsPage, status_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessageSettingsPage, view_stack);

  gtk_widget_class_install_action (widget_class, "message-settings.reload", NULL, reload_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "message-settings.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "message-settings.reload", NULL);
}

static void
anju_message_settings_page_init (AnjuMessageSettingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
anju_message_settings_page_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_MESSAGE_SETTINGS_PAGE, "client", client, NULL);
}

void
anju_message_settings_page_reload (AnjuMessageSettingsPage *self)
{
  g_return_if_fail (ANJU_IS_MESSAGE_SETTINGS_PAGE (self));

  self->loaded = TRUE;
  anju_sms_status_row_reload (self->status_row);
  anju_event_list_view_reload (self->templates);
  anju_event_list_view_reload (self->strategies);
  anju_sms_log_view_reload (self->sms_log);
}

/* Private API for tests (anju-message-settings-page-private.h) */

AnjuSmsStatusRow *
_anju_message_settings_page_get_status_row (AnjuMessageSettingsPage *self)
{
  return self->status_row;
}

AnjuEventListView *
_anju_message_settings_page_get_templates (AnjuMessageSettingsPage *self)
{
  return self->templates;
}

AnjuEventListView *
_anju_message_settings_page_get_strategies (AnjuMessageSettingsPage *self)
{
  return self->strategies;
}

AnjuSmsLogView *
_anju_message_settings_page_get_sms_log (AnjuMessageSettingsPage *self)
{
  return self->sms_log;
}

AdwViewStack *
_anju_message_settings_page_get_view_stack (AnjuMessageSettingsPage *self)
{
  return self->view_stack;
}
