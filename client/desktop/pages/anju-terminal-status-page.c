/* anju-terminal-status-page.c: the peripheral status board and alerts. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-display-time.h"
#include "anju-housing-prompt.h"
#include "anju-list-loader.h"
#include "anju-page-feedback.h"
#include "anju-page-request.h"
#include "anju-paged-model.h"
#include "anju-record-column.h"
#include "anju-terminal-labels.h"
#include "anju-terminal-status-page.h"

/* How often the board asks again while it is shown: a heartbeat comes
 * every 60 s, so this shows each within half a beat. */
#define REFRESH_SECONDS 30

/* Positions in the alert state filter of the template. */
static const char * const alert_state_values[] = { NULL, "open", "handled", "recovered" };

struct _AnjuTerminalStatusPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *view_stack;
  GtkStack           *board_stack;
  GtkListView        *board_view;
  AdwStatusPage      *board_error_page;
  GtkWidget          *alert_tools;
  GtkDropDown        *alert_state_filter;
  GtkStack           *alerts_stack;
  GtkColumnView      *alerts_view;
  AdwStatusPage      *alerts_error_page;
  GtkLabel           *count_label;

  /* Owned */
  AnjuApiClient      *client;          /* (owned) */
  GListStore         *board;           /* (owned) of AnjuRecord (terminal status) */
  AnjuPagedModel     *alerts;          /* (owned) */
  GtkSingleSelection *alert_selection; /* (owned) over alerts */
  GCancellable       *cancellable;     /* (owned) every load and action of the page */
  GCancellable       *board_load;      /* (owned) (nullable) the board load in flight */
  AnjuListLoader      loader;
  guint               refresh_id;      /* the timer while mapped, or 0 */
};

G_DEFINE_FINAL_TYPE (AnjuTerminalStatusPage, anju_terminal_status_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AnjuRecord *
selected_alert (AnjuTerminalStatusPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->alert_selection);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

/* An open alert, or one whose cause went away before anyone looked at
 * it, still wants a note of what was done. */
static gboolean
can_handle (AnjuRecord *alert)
{
  const char *state = alert != NULL ? anju_record_get_string (alert, "state") : NULL;

  return g_strcmp0 (state, "open") == 0 || g_strcmp0 (state, "recovered") == 0;
}

static void
actions_update (AnjuTerminalStatusPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "terminal-status.handle", can_handle (selected_alert (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "terminal-status.load-more",
                                 anju_paged_model_get_has_more (self->alerts)
                                 && !anju_paged_model_get_loading (self->alerts));
}

/* The board */

static GtkWidget *
styled_label (const char *text,
              const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

/* "ID card reader: Fault — 读卡失败", coloured by its severity. */
static GtkWidget *
peripheral_label (JsonObject *peripheral)
{
  const char *kind = anju_json_get_string (peripheral, "kind");
  const char *state = anju_json_get_string (peripheral, "state");
  const char *message = anju_json_get_string (peripheral, "message");
  AnjuTerminalSeverity severity = anju_terminal_peripheral_severity (state);
  g_autofree char *text = NULL;

  if (message != NULL && *message != '\0')
    /* Translators: %1$s a peripheral, %2$s its state, %3$s the device's message */
    text = g_strdup_printf (_("%1$s: %2$s — %3$s"), anju_terminal_peripheral_label (kind),
                            anju_terminal_peripheral_state_label (state), message);
  else
    /* Translators: %1$s a peripheral, %2$s its state */
    text = g_strdup_printf (_("%1$s: %2$s"), anju_terminal_peripheral_label (kind),
                            anju_terminal_peripheral_state_label (state));

  return styled_label (text, anju_terminal_severity_style (severity));
}

static char *
card_heading (AnjuRecord *status)
{
  const char *number = anju_record_get_path_string (status, "terminal.terminal_no");
  const char *name = anju_record_get_path_string (status, "terminal.name");

  /* Translators: %1$s a terminal number, %2$s its name */
  return g_strdup_printf (_("%1$s · %2$s"), number != NULL ? number : "", name != NULL ? name : "");
}

static char *
card_details (AnjuRecord *status)
{
  g_autofree char *heartbeat = anju_display_time (anju_record_get_string (status, "last_heartbeat_at"));
  const char *version = anju_record_get_string (status, "app_version");
  const char *location = anju_record_get_path_string (status, "terminal.location");
  const char *org = anju_record_get_path_string (status, "terminal.org.name");

  /* Translators: %1$s the street, %2$s the location, %3$s the time of
   * the last heartbeat, %4$s the kiosk's version */
  return g_strdup_printf (_("%1$s %2$s · Last heartbeat %3$s · Version %4$s"),
                          org != NULL ? org : "", location != NULL ? location : "",
                          heartbeat != NULL ? heartbeat : C_("heartbeat", "Never"),
                          version != NULL ? version : "—");
}

static void
fill_card (GtkBox     *card,
           AnjuRecord *status)
{
  gboolean online = anju_record_get_boolean (status, "online", FALSE);
  JsonArray *peripherals = anju_record_get_member_array (status, "peripherals");
  guint n_peripherals = peripherals != NULL ? json_array_get_length (peripherals) : 0;
  g_autofree char *heading = card_heading (status);
  g_autofree char *details = card_details (status);
  g_autofree char *online_text = NULL;
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *devices = gtk_flow_box_new ();

  /* Translators: a coloured dot, then "Online" or "Offline" */
  online_text = g_strdup_printf (_("● %1$s"), anju_terminal_online_label (online));
  gtk_box_append (GTK_BOX (top), styled_label (heading, "heading"));
  gtk_box_append (GTK_BOX (top), styled_label (online_text, online ? "success" : "error"));
  /* Disabled terminals stay on the board, marked so: nobody should
   * chase their silence. */
  if (g_strcmp0 (anju_record_get_path_string (status, "terminal.state"), "disabled") == 0)
    gtk_box_append (GTK_BOX (top), styled_label (anju_terminal_state_label ("disabled"), "dim-label"));
  gtk_box_append (card, top);
  gtk_box_append (card, styled_label (details, "dim-label"));

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (devices), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (devices), 24);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (devices), 4);
  for (guint i = 0; i < n_peripherals; i++)
    {
      JsonNode *node = json_array_get_element (peripherals, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        gtk_flow_box_append (GTK_FLOW_BOX (devices), peripheral_label (json_node_get_object (node)));
    }
  if (n_peripherals == 0)
    gtk_flow_box_append (GTK_FLOW_BOX (devices),
                         styled_label (_("No peripheral report yet"), "dim-label"));
  gtk_box_append (card, devices);
}

/* A card holds a padded box, which bind fills. */
static void
card_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_bottom (card, 12);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (card), content);
  gtk_list_item_set_child (item, card);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

/* A card's content depends on the whole record: build it afresh. */
static void
card_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *card = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  AnjuRecord *status = gtk_list_item_get_item (item);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (card)) != NULL)
    gtk_box_remove (GTK_BOX (card), child);

  if (ANJU_IS_RECORD (status))
    fill_card (GTK_BOX (card), status);
}

static void
board_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AnjuTerminalStatusPage) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GListStore) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->board_load);
  if (answer != NULL)
    records = anju_terminal_records_from_answer (answer, &error);
  if (records == NULL)
    {
      /* A refresh that fails keeps the last board in view. */
      if (g_list_model_get_n_items (G_LIST_MODEL (self->board)) == 0)
        anju_page_show_load_error (self->board_stack, self->board_error_page, self->client, error);
      else
        anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not refresh the board"), error);
      return;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (records));
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (records), i));
  g_list_store_splice (self->board, 0, g_list_model_get_n_items (G_LIST_MODEL (self->board)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->board_stack, n_items > 0 ? "list" : "empty");
}

static void
load_board (AnjuTerminalStatusPage *self)
{
  /* The newest request wins. */
  if (self->board_load != NULL)
    g_cancellable_cancel (self->board_load);
  g_clear_object (&self->board_load);
  self->board_load = g_cancellable_new ();
  anju_api_client_request_async (self->client, "GET", "/api/v1/terminals/status", NULL, self->board_load,
                                 board_loaded_cb, g_object_ref (self));
}

static gboolean
refresh_tick_cb (gpointer user_data)
{
  anju_terminal_status_page_reload (ANJU_TERMINAL_STATUS_PAGE (user_data));
  return G_SOURCE_CONTINUE;
}

/* The alerts */

static char *
count_text (guint shown,
            guint total)
{
  /* Translators: %1$u alerts of %2$u matching ones are in the list */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u alert", "%1$u of %2$u alerts", total),
                          shown, total);
}

static void
alert_filter_changed_cb (AnjuTerminalStatusPage *self)
{
  guint position = gtk_drop_down_get_selected (self->alert_state_filter);
  const char *state = position < G_N_ELEMENTS (alert_state_values) ? alert_state_values[position] : NULL;

  if (anju_list_loader_apply_filter (&self->loader, "state", state))
    anju_list_loader_load_more (&self->loader);
}

/* The alert filter and "Handle" only mean something beside the alerts. */
static void
tab_changed_cb (AnjuTerminalStatusPage *self)
{
  /* The stack may announce its first child while the template is built. */
  if (self->alert_tools == NULL)
    return;

  gtk_widget_set_visible (self->alert_tools,
                          g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "alerts") == 0);
}

static void
edge_reached_cb (AnjuTerminalStatusPage *self,
                 GtkPositionType         position)
{
  anju_list_loader_edge_reached (&self->loader, position);
}

static void
alert_activated_cb (AnjuTerminalStatusPage *self,
                    guint                   position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "terminal-status.handle", NULL);
}

static void
handled_cb (GtkWidget *widget,
            JsonNode  *answer)
{
  AnjuTerminalStatusPage *self = ANJU_TERMINAL_STATUS_PAGE (widget);

  anju_list_loader_reload_selecting (&self->loader, anju_page_answer_id (answer));
}

static void
handle_answered_cb (GtkWidget  *page,
                    AnjuRecord *alert,
                    JsonNode   *body)
{
  AnjuTerminalStatusPage *self = ANJU_TERMINAL_STATUS_PAGE (page);
  g_autofree char *path = NULL;

  path = g_strdup_printf ("/api/v1/terminals/alerts/%" G_GINT64_FORMAT "/handle", anju_record_get_id (alert));
  anju_page_request (page, self->client, "POST", path, body, self->cancellable,
                     _("Marked the alert handled"), _("Could not handle the alert"), handled_cb);
}

static void
handle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuTerminalStatusPage *self = ANJU_TERMINAL_STATUS_PAGE (widget);
  AnjuRecord *alert = selected_alert (self);
  AnjuHousingPrompt *prompt;

  if (!can_handle (alert))
    return;

  prompt = anju_housing_prompt_new (widget, alert, _("Handle the Alert"),
                                    anju_record_get_string (alert, "message"),
                                    "handle", _("_Handle"), FALSE);
  anju_housing_prompt_add_entry (prompt, "note", _("What was done"), NULL, FALSE, FALSE);
  anju_housing_prompt_present (prompt, handle_answered_cb);
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  anju_list_loader_load_more (&ANJU_TERMINAL_STATUS_PAGE (widget)->loader);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  anju_terminal_status_page_reload (ANJU_TERMINAL_STATUS_PAGE (widget));
}

static char *
raised_text (AnjuRecord *record)
{
  return anju_display_time (anju_record_get_string (record, "raised_at"));
}

static char *
terminal_text (AnjuRecord *record)
{
  const char *number = anju_record_get_path_string (record, "terminal.terminal_no");
  const char *name = anju_record_get_path_string (record, "terminal.name");

  /* Translators: %1$s a terminal number, %2$s its name */
  return g_strdup_printf (_("%1$s · %2$s"), number != NULL ? number : "", name != NULL ? name : "");
}

static char *
peripheral_text (AnjuRecord *record)
{
  const char *kind = anju_record_get_string (record, "peripheral");

  return g_strdup (kind != NULL ? anju_terminal_peripheral_label (kind) : "—");
}

static char *
kind_text (AnjuRecord *record)
{
  return g_strdup (anju_terminal_alert_kind_label (anju_record_get_string (record, "kind")));
}

static char *
alert_state_text (AnjuRecord *record)
{
  return g_strdup (anju_terminal_alert_state_label (anju_record_get_string (record, "state")));
}

static void
append_column (AnjuTerminalStatusPage *self,
               GtkColumnViewColumn    *column)
{
  gtk_column_view_append_column (self->alerts_view, column);
  g_object_unref (column);
}

static void
setup_columns (AnjuTerminalStatusPage *self)
{
  append_column (self, anju_record_column_new_with_func (_("Raised"), raised_text, ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new_with_func (_("Terminal"), terminal_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Peripheral"), peripheral_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Kind"), kind_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (_("Message"), "message", ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new_with_func (_("State"), alert_state_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (_("Note"), "note", ANJU_RECORD_COLUMN_DEFAULT));
}

/* Life cycle */

static void
anju_terminal_status_page_map (GtkWidget *widget)
{
  AnjuTerminalStatusPage *self = ANJU_TERMINAL_STATUS_PAGE (widget);

  GTK_WIDGET_CLASS (anju_terminal_status_page_parent_class)->map (widget);

  anju_terminal_status_page_reload (self);
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_tick_cb, self);
}

/* Nobody looks at a hidden board: stop asking. */
static void
anju_terminal_status_page_unmap (GtkWidget *widget)
{
  AnjuTerminalStatusPage *self = ANJU_TERMINAL_STATUS_PAGE (widget);

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  GTK_WIDGET_CLASS (anju_terminal_status_page_parent_class)->unmap (widget);
}

static void
anju_terminal_status_page_constructed (GObject *object)
{
  AnjuTerminalStatusPage *self = ANJU_TERMINAL_STATUS_PAGE (object);
  GtkListItemFactory *factory;

  G_OBJECT_CLASS (anju_terminal_status_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (card_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (card_bind_cb), NULL);
  gtk_list_view_set_factory (self->board_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->board_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->board)))));

  self->alerts = anju_paged_model_new (self->client, "/api/v1/terminals/alerts", 0);
  gtk_single_selection_set_model (self->alert_selection, G_LIST_MODEL (self->alerts));
  g_signal_connect_object (self->alerts, "notify::loading", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->alerts, "notify::has-more", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  anju_list_loader_init (&self->loader, GTK_WIDGET (self), self->alerts, self->alert_selection,
                         self->alerts_stack, self->alerts_error_page, self->cancellable,
                         _("Could not load more alerts"));
  anju_list_loader_show_count (&self->loader, self->count_label, count_text);

  actions_update (self);
}

static void
anju_terminal_status_page_dispose (GObject *object)
{
  AnjuTerminalStatusPage *self = ANJU_TERMINAL_STATUS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->board_load);
  g_clear_object (&self->board_load);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_TERMINAL_STATUS_PAGE);
  g_clear_object (&self->alert_selection);
  g_clear_object (&self->alerts);
  g_clear_object (&self->board);

  G_OBJECT_CLASS (anju_terminal_status_page_parent_class)->dispose (object);
}

static void
anju_terminal_status_page_finalize (GObject *object)
{
  AnjuTerminalStatusPage *self = ANJU_TERMINAL_STATUS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_terminal_status_page_parent_class)->finalize (object);
}

static void
anju_terminal_status_page_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  AnjuTerminalStatusPage *self = ANJU_TERMINAL_STATUS_PAGE (object);

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
anju_terminal_status_page_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  AnjuTerminalStatusPage *self = ANJU_TERMINAL_STATUS_PAGE (object);

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
anju_terminal_status_page_class_init (AnjuTerminalStatusPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_terminal_status_page_constructed;
  object_class->dispose = anju_terminal_status_page_dispose;
  object_class->finalize = anju_terminal_status_page_finalize;
  object_class->get_property = anju_terminal_status_page_get_property;
  object_class->set_property = anju_terminal_status_page_set_property;

  widget_class->map = anju_terminal_status_page_map;
  widget_class->unmap = anju_terminal_status_page_unmap;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-terminal-status-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalStatusPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalStatusPage, board_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalStatusPage, board_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalStatusPage, board_error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalStatusPage, alert_tools);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalStatusPage, alert_state_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalStatusPage, alerts_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalStatusPage, alerts_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalStatusPage, alerts_error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalStatusPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, alert_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tab_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, alert_activated_cb);

  gtk_widget_class_install_action (widget_class, "terminal-status.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "terminal-status.load-more", NULL, load_more_action);
  gtk_widget_class_install_action (widget_class, "terminal-status.handle", NULL, handle_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "terminal-status.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "terminal-status.refresh", NULL);
}

static void
anju_terminal_status_page_init (AnjuTerminalStatusPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->board = g_list_store_new (ANJU_TYPE_RECORD);
  self->alert_selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->alert_selection, "notify::selected-item",
                           G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->alerts_view, GTK_SELECTION_MODEL (self->alert_selection));

  setup_columns (self);
}

GtkWidget *
anju_terminal_status_page_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_TERMINAL_STATUS_PAGE, "client", client, NULL);
}

void
anju_terminal_status_page_reload (AnjuTerminalStatusPage *self)
{
  AnjuRecord *alert;

  g_return_if_fail (ANJU_IS_TERMINAL_STATUS_PAGE (self));

  alert = selected_alert (self);
  load_board (self);
  anju_list_loader_reload_selecting (&self->loader, alert != NULL ? anju_record_get_id (alert) : 0);
}

void
_anju_terminal_status_page_show (AnjuTerminalStatusPage *self,
                                 const char             *tab)
{
  g_return_if_fail (ANJU_IS_TERMINAL_STATUS_PAGE (self));

  gtk_stack_set_visible_child_name (self->view_stack, tab);
}
