/* anju-sms-log-view.c: the SMS send log. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-display-time.h"
#include "anju-list-loader.h"
#include "anju-message-event.h"
#include "anju-page-feedback.h"
#include "anju-page-request.h"
#include "anju-paged-model.h"
#include "anju-record-column.h"
#include "anju-sms-log-view.h"
#include "anju-sms-status.h"

struct _AnjuSmsLogView
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_filter;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *error_page;
  GtkLabel           *count_label;
  GtkSpinner         *spinner;

  /* Owned */
  AnjuApiClient      *client;       /* (owned) */
  AnjuPagedModel     *records;      /* (owned) of AnjuRecord (SmsRecord) */
  GtkSingleSelection *selection;    /* (owned) over records */
  GCancellable       *cancellable;  /* (owned) loads and actions */
  AnjuListLoader      loader;
  guint               loaded : 1;
};

G_DEFINE_FINAL_TYPE (AnjuSmsLogView, anju_sms_log_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AnjuRecord *
get_selected (AnjuSmsLogView *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

static void
actions_update (AnjuSmsLogView *self)
{
  AnjuRecord *selected = get_selected (self);

  if (self->records == NULL)
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sms.resend",
                                 selected != NULL
                                 && anju_sms_status_can_resend (anju_record_get_string (selected, "status")));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sms.load-more",
                                 anju_paged_model_get_has_more (self->records)
                                 && !anju_paged_model_get_loading (self->records));
}

static char *
count_text (guint shown,
            guint total)
{
  /* Translators: %1$u text messages of %2$u matching ones are in the list */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u text message",
                                       "%1$u of %2$u text messages", total),
                          shown, total);
}

static void
reload_selecting (AnjuSmsLogView *self,
                  gint64          id)
{
  self->loaded = TRUE;
  anju_list_loader_reload_selecting (&self->loader, id);
}

static void
filter_changed_cb (AnjuSmsLogView *self)
{
  const char * const *statuses = anju_sms_statuses ();
  guint position = gtk_drop_down_get_selected (self->status_filter);
  g_autofree char *q = NULL;
  const char *status = NULL;
  gboolean changed;

  /* Filling the filter while the view is built is no choice of the user's. */
  if (self->records == NULL)
    return;

  /* Position 0 is "All statuses"; the others follow the statuses' order. */
  if (position != GTK_INVALID_LIST_POSITION && position > 0
      && position <= g_strv_length ((char **) statuses))
    status = statuses[position - 1];

  q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  changed = anju_list_loader_apply_filter (&self->loader, "q", q);
  changed |= anju_list_loader_apply_filter (&self->loader, "status", status);
  if (changed && self->loaded)
    anju_list_loader_load_more (&self->loader);
}

static void
fill_status_filter (AnjuSmsLogView *self)
{
  const char * const *statuses = anju_sms_statuses ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("All statuses"));
  for (guint i = 0; statuses[i] != NULL; i++)
    gtk_string_list_append (names, anju_sms_status_label (statuses[i]));

  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->status_filter, 0);
}

/* Actions */

static void
resend_done_cb (GtkWidget *widget,
                JsonNode  *answer)
{
  reload_selecting (ANJU_SMS_LOG_VIEW (widget), anju_page_answer_id (answer));
}

static void
resend_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuSmsLogView *self = ANJU_SMS_LOG_VIEW (widget);
  AnjuRecord *selected = get_selected (self);
  const char *phone;
  g_autofree char *path = NULL;
  g_autofree char *success = NULL;

  if (selected == NULL)
    return;

  phone = anju_record_get_string (selected, "phone");
  path = g_strdup_printf ("/api/v1/sms/%" G_GINT64_FORMAT "/resend", anju_record_get_id (selected));
  /* Translators: %1$s is a (masked) phone number */
  success = g_strdup_printf (_("The text message to %1$s waits to be sent again"), phone != NULL ? phone : "");
  anju_page_request (widget, self->client, "POST", path, NULL, self->cancellable,
                     success, _("Could not send the text message again"), resend_done_cb);
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  anju_list_loader_load_more (&ANJU_SMS_LOG_VIEW (widget)->loader);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_sms_log_view_reload (ANJU_SMS_LOG_VIEW (widget));
}

/* Reaching the bottom of what is loaded asks for the next page. */
static void
edge_reached_cb (AnjuSmsLogView  *self,
                 GtkPositionType  position)
{
  anju_list_loader_edge_reached (&self->loader, position);
}

/* Columns */

static char *
time_text (AnjuRecord *record)
{
  return anju_display_time (anju_record_get_string (record, "created_at"));
}

static char *
sent_text (AnjuRecord *record)
{
  return anju_display_time (anju_record_get_string (record, "sent_at"));
}

static char *
event_text (AnjuRecord *record)
{
  return g_strdup (anju_message_event_name (anju_record_get_string (record, "event")));
}

static char *
status_text (AnjuRecord *record)
{
  return g_strdup (anju_sms_status_label (anju_record_get_string (record, "status")));
}

static char *
attempts_text (AnjuRecord *record)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, anju_record_get_int (record, "attempts", 0));
}

static void
append_column (AnjuSmsLogView      *self,
               GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
setup_columns (AnjuSmsLogView *self)
{
  append_column (self, anju_record_column_new_with_func (_("Created"), time_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (_("Mobile phone"), "phone", ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new_with_func (_("Kind"), event_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (_("Text"), "text", ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new_with_func (_("Status"), status_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Attempts"), attempts_text, ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new (_("Last error"), "last_error", ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new_with_func (_("Sent"), sent_text, ANJU_RECORD_COLUMN_DEFAULT));
}

/* GObject */

static void
anju_sms_log_view_map (GtkWidget *widget)
{
  AnjuSmsLogView *self = ANJU_SMS_LOG_VIEW (widget);

  GTK_WIDGET_CLASS (anju_sms_log_view_parent_class)->map (widget);

  if (!self->loaded)
    anju_sms_log_view_reload (self);
}

static void
anju_sms_log_view_constructed (GObject *object)
{
  AnjuSmsLogView *self = ANJU_SMS_LOG_VIEW (object);

  G_OBJECT_CLASS (anju_sms_log_view_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->records = anju_paged_model_new (self->client, "/api/v1/sms", 0);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->records));

  g_object_bind_property (self->records, "loading", self->spinner, "spinning", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->records, "notify::loading", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->records, "notify::has-more", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  anju_list_loader_init (&self->loader, GTK_WIDGET (self), self->records, self->selection,
                         self->stack, self->error_page, self->cancellable,
                         _("Could not load more text messages"));
  anju_list_loader_show_count (&self->loader, self->count_label, count_text);

  actions_update (self);
}

static void
anju_sms_log_view_dispose (GObject *object)
{
  AnjuSmsLogView *self = ANJU_SMS_LOG_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_SMS_LOG_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->records);

  G_OBJECT_CLASS (anju_sms_log_view_parent_class)->dispose (object);
}

static void
anju_sms_log_view_finalize (GObject *object)
{
  AnjuSmsLogView *self = ANJU_SMS_LOG_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_sms_log_view_parent_class)->finalize (object);
}

static void
anju_sms_log_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AnjuSmsLogView *self = ANJU_SMS_LOG_VIEW (object);

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
anju_sms_log_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AnjuSmsLogView *self = ANJU_SMS_LOG_VIEW (object);

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
anju_sms_log_view_class_init (AnjuSmsLogViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_sms_log_view_constructed;
  object_class->dispose = anju_sms_log_view_dispose;
  object_class->finalize = anju_sms_log_view_finalize;
  object_class->get_property = anju_sms_log_view_get_property;
  object_class->set_property = anju_sms_log_view_set_property;

  widget_class->map = anju_sms_log_view_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-sms-log-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuSmsLogView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuSmsLogView, status_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuSmsLogView, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuSmsLogView, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuSmsLogView, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuSmsLogView, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuSmsLogView, spinner);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);

  gtk_widget_class_install_action (widget_class, "sms.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "sms.load-more", NULL, load_more_action);
  gtk_widget_class_install_action (widget_class, "sms.resend", NULL, resend_action);
}

static void
anju_sms_log_view_init (AnjuSmsLogView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  fill_status_filter (self);
  setup_columns (self);
}

GtkWidget *
anju_sms_log_view_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_SMS_LOG_VIEW, "client", client, NULL);
}

void
anju_sms_log_view_reload (AnjuSmsLogView *self)
{
  AnjuRecord *selected;

  g_return_if_fail (ANJU_IS_SMS_LOG_VIEW (self));

  selected = get_selected (self);
  reload_selecting (self, selected != NULL ? anju_record_get_id (selected) : 0);
}
