/* anju-messages-page.c: the signed-in user's inbox. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-display-time.h"
#include "anju-inbox-item.h"
#include "anju-list-loader.h"
#include "anju-message-event.h"
#include "anju-messages-page.h"
#include "anju-page-feedback.h"
#include "anju-page-request.h"
#include "anju-paged-model.h"
#include "anju-permissions.h"
#include "anju-send-message-dialog.h"

/* The page's name in the window's sidebar (anju-window-pages.c). */
#define PAGE_NAME "messages"

/* The handler of a bound cell's item's notify::unread (GtkListItem data). */
#define UNREAD_HANDLER_KEY "anju-unread-handler"

typedef char *(*InboxTextFunc) (AnjuInboxItem *item);

struct _AnjuMessagesPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *event_filter;
  GtkCheckButton     *unread_check;
  GtkButton          *send_button;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *error_page;
  GtkStack           *detail_stack;
  GtkLabel           *detail_title;
  GtkLabel           *detail_meta;
  GtkLabel           *detail_body;
  GtkButton          *open_record_button;
  GtkLabel           *count_label;
  GtkSpinner         *spinner;

  /* Borrowed */
  GtkWidget          *window;             /* (nullable) the root while the page has one */

  /* Owned */
  AnjuApiClient      *client;             /* (owned) */
  AnjuPagedModel     *messages;           /* (owned) of AnjuRecord */
  GtkMapListModel    *items;              /* (owned) messages as AnjuInboxItem */
  GtkSingleSelection *selection;          /* (owned) over items */
  GHashTable         *read_here;          /* (owned) ids (gint64 *) read since the last load */
  GCancellable       *cancellable;        /* (owned) loads and actions */
  AnjuListLoader      loader;
  GCancellable       *count_cancellable;  /* (owned) (nullable) the unread count in flight */
  guint               poll_source;        /* every ANJU_MESSAGES_UNREAD_POLL_SECONDS while shown */
  guint               unread_count;
  guint               loaded : 1;
};

G_DEFINE_FINAL_TYPE (AnjuMessagesPage, anju_messages_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AnjuInboxItem *
get_selected (AnjuMessagesPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return ANJU_IS_INBOX_ITEM (item) ? ANJU_INBOX_ITEM (item) : NULL;
}

static void
actions_update (AnjuMessagesPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "messages.read-all", self->unread_count > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "messages.send",
                                 anju_api_client_has_permission (self->client, ANJU_PERM_MESSAGE_SEND));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "messages.load-more",
                                 anju_paged_model_get_has_more (self->messages)
                                 && !anju_paged_model_get_loading (self->messages));
}

static char *
count_text (guint shown,
            guint total)
{
  /* Translators: %1$u messages of %2$u matching ones are in the list */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u message", "%1$u of %2$u messages", total),
                          shown, total);
}

/* Unread count and sidebar badge */

static void
unread_count_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AnjuMessagesPage) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 unread;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->count_cancellable);

  /* A badge that cannot be fetched keeps its last number: the next poll
   * tries again, and the page itself says what is wrong when opened. */
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      if (error != NULL)
        g_debug ("Could not fetch the unread count: %s", error->message);
      return;
    }

  unread = anju_json_get_int (json_node_get_object (answer), "unread", 0);
  self->unread_count = (guint) CLAMP (unread, 0, G_MAXUINT32);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-page-badge", "(su)",
                              PAGE_NAME, (guint32) self->unread_count);
  actions_update (self);
}

static gboolean
poll_cb (gpointer user_data)
{
  anju_messages_page_refresh_unread_count (user_data);
  return G_SOURCE_CONTINUE;
}

static void
stop_polling (AnjuMessagesPage *self)
{
  g_clear_handle_id (&self->poll_source, g_source_remove);
}

/* The window is shown: the count now, then every minute until hidden. */
static void
window_mapped_cb (AnjuMessagesPage *self)
{
  anju_messages_page_refresh_unread_count (self);
  if (self->poll_source == 0)
    self->poll_source = g_timeout_add_seconds (ANJU_MESSAGES_UNREAD_POLL_SECONDS, poll_cb, self);
}

static void
signed_in_changed_cb (AnjuMessagesPage *self)
{
  /* Signing in again after the session expired: whatever arrived
   * meanwhile shows at once. */
  if (anju_api_client_is_signed_in (self->client) && self->window != NULL
      && gtk_widget_get_mapped (self->window))
    anju_messages_page_refresh_unread_count (self);
}

/* The list */

static gpointer
map_message_cb (gpointer item,
                gpointer user_data)
{
  g_autoptr(AnjuRecord) message = item;
  AnjuMessagesPage *self = user_data;
  gint64 id = anju_record_get_id (message);
  gboolean unread = anju_record_get_string (message, "read_at") == NULL
                    && !g_hash_table_contains (self->read_here, &id);

  return anju_inbox_item_new (message, unread);
}

static void
reload_list (AnjuMessagesPage *self)
{
  self->loaded = TRUE;
  g_hash_table_remove_all (self->read_here);
  anju_paged_model_reset (self->messages);
  anju_list_loader_load_more (&self->loader);
}

static void
filter_changed_cb (AnjuMessagesPage *self)
{
  const char * const *events = anju_message_inbox_events ();
  guint position = gtk_drop_down_get_selected (self->event_filter);
  g_autofree char *q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  const char *event = NULL;
  gboolean changed;

  /* Filling the filters while the page is built is no choice of the user's. */
  if (self->messages == NULL)
    return;

  /* Position 0 is "All kinds"; the others follow the events' order. */
  if (position != GTK_INVALID_LIST_POSITION && position > 0
      && position <= g_strv_length ((char **) events))
    event = events[position - 1];

  changed = anju_list_loader_apply_filter (&self->loader, "q", q);
  changed |= anju_list_loader_apply_filter (&self->loader, "event", event);
  changed |= anju_list_loader_apply_filter (&self->loader, "unread",
                                            gtk_check_button_get_active (self->unread_check) ? "true" : NULL);
  if (changed && self->loaded)
    anju_list_loader_load_more (&self->loader);
}

static void
fill_event_filter (AnjuMessagesPage *self)
{
  const char * const *events = anju_message_inbox_events ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("All kinds"));
  for (guint i = 0; events[i] != NULL; i++)
    gtk_string_list_append (names, anju_message_event_name (events[i]));

  gtk_drop_down_set_model (self->event_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->event_filter, 0);
}

/* Reading a message */

typedef struct
{
  AnjuMessagesPage *page;   /* (owned) */
  AnjuInboxItem    *item;   /* (owned) */
} MarkRead;

static void
mark_read_free (MarkRead *mark)
{
  g_clear_object (&mark->page);
  g_clear_object (&mark->item);
  g_free (mark);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MarkRead, mark_read_free)

static void
mark_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(MarkRead) mark = user_data;
  AnjuMessagesPage *self = mark->page;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (answer == NULL)
    {
      anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not mark the message read"), error);
      return;
    }

  id = anju_record_get_id (anju_inbox_item_get_message (mark->item));
  g_hash_table_add (self->read_here, g_memdup2 (&id, sizeof id));
  anju_inbox_item_set_unread (mark->item, FALSE);
  anju_messages_page_refresh_unread_count (self);
}

static void
mark_read (AnjuMessagesPage *self,
           AnjuInboxItem    *item)
{
  g_autofree char *path = NULL;
  MarkRead *mark;

  path = g_strdup_printf ("/api/v1/messages/%" G_GINT64_FORMAT "/read",
                          anju_record_get_id (anju_inbox_item_get_message (item)));
  mark = g_new0 (MarkRead, 1);
  mark->page = g_object_ref (self);
  mark->item = g_object_ref (item);
  anju_api_client_request_async (self->client, "POST", path, NULL, self->cancellable,
                                 mark_read_cb, mark);
}

/* The link of a message as the (sxx) parameter of win.open-record, or
 * NULL when it is about no record. */
static GVariant *
link_target (AnjuRecord *message)
{
  JsonObject *link = anju_record_get_member_object (message, "link");
  const char *domain = anju_json_get_string (link, "domain");
  gint64 record_id = anju_json_get_int (link, "record_id", 0);

  if (domain == NULL || record_id <= 0)
    return NULL;

  return g_variant_new ("(sxx)", domain, record_id, anju_json_get_int (link, "instance_id", 0));
}

static void
show_message (AnjuMessagesPage *self,
              AnjuRecord       *message)
{
  const char *title = anju_record_get_string (message, "title");
  const char *body = anju_record_get_string (message, "body");
  const char *event = anju_message_event_name (anju_record_get_string (message, "event"));
  g_autofree char *time = anju_display_time (anju_record_get_string (message, "created_at"));
  g_autofree char *meta = NULL;
  GVariant *target = link_target (message);

  /* Translators: %1$s is the kind of a message ("New task"), %2$s when it arrived */
  meta = g_strdup_printf (_("%1$s · %2$s"), event != NULL ? event : "", time != NULL ? time : "");
  gtk_label_set_text (self->detail_title, title != NULL ? title : "");
  gtk_label_set_text (self->detail_meta, meta);
  gtk_label_set_text (self->detail_body, body != NULL ? body : "");

  /* The button's action may not exist (no page opens records yet): GTK
   * then keeps the button insensitive, which is the honest answer. */
  gtk_widget_set_visible (GTK_WIDGET (self->open_record_button), target != NULL);
  if (target != NULL)
    {
      /* The target first: an action of type (sxx) refuses a button
       * without one, loudly. */
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->open_record_button), target);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_record_button), "win.open-record");
    }

  gtk_stack_set_visible_child_name (self->detail_stack, "message");
}

static void
selection_changed_cb (AnjuMessagesPage *self)
{
  AnjuInboxItem *item = get_selected (self);

  if (item == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  show_message (self, anju_inbox_item_get_message (item));
  if (anju_inbox_item_get_unread (item))
    mark_read (self, item);
}

static void
row_activated_cb (AnjuMessagesPage *self,
                  guint             position)
{
  g_autoptr(AnjuInboxItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  GVariant *target = item != NULL ? link_target (anju_inbox_item_get_message (item)) : NULL;

  if (target == NULL)
    return;

  g_variant_ref_sink (target);
  if (!gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.open-record", target))
    anju_page_toast (GTK_WIDGET (self), _("Records cannot be opened from messages in this version"));
  g_variant_unref (target);
}

/* Actions */

static void
read_all_done_cb (GtkWidget *widget,
                  JsonNode  *answer)
{
  anju_messages_page_reload (ANJU_MESSAGES_PAGE (widget));
}

static void
read_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AnjuMessagesPage *self = ANJU_MESSAGES_PAGE (widget);

  anju_page_request (widget, self->client, "POST", "/api/v1/messages/read-all", NULL, self->cancellable,
                     _("Marked every message read"), _("Could not mark the messages read"),
                     read_all_done_cb);
}

static void
message_sent_cb (AnjuMessagesPage *self,
                 guint             recipients,
                 guint             sms_queued)
{
  g_autofree char *sent = NULL;
  g_autofree char *message = NULL;

  /* Translators: %1$u is how many people a message went to */
  sent = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Message sent to %1$u recipient",
                                       "Message sent to %1$u recipients", recipients),
                          recipients);
  if (sms_queued > 0)
    {
      /* Translators: %1$s is "Message sent to 3 recipients", %2$u how
       * many text messages wait to be sent */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s; %2$u text message queued",
                                              "%1$s; %2$u text messages queued", sms_queued),
                                 sent, sms_queued);
    }
  anju_page_toast (GTK_WIDGET (self), message != NULL ? message : sent);

  /* The sender may be among the recipients. */
  anju_messages_page_reload (self);
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuMessagesPage *self = ANJU_MESSAGES_PAGE (widget);
  GtkWidget *dialog = anju_send_message_dialog_new (self->client);

  g_signal_connect_object (dialog, "sent", G_CALLBACK (message_sent_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  anju_list_loader_load_more (&ANJU_MESSAGES_PAGE (widget)->loader);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_messages_page_reload (ANJU_MESSAGES_PAGE (widget));
}

/* Reaching the bottom of what is loaded asks for the next page. */
static void
edge_reached_cb (AnjuMessagesPage *self,
                 GtkPositionType   position)
{
  anju_list_loader_edge_reached (&self->loader, position);
}

/* Columns: one label per cell, bold while its message is unread */

static void
cell_update (GtkListItem *list_item)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  AnjuInboxItem *item = gtk_list_item_get_item (list_item);
  InboxTextFunc text_func = g_object_get_data (G_OBJECT (label), "anju-text-func");
  g_autofree char *text = NULL;

  if (!ANJU_IS_INBOX_ITEM (item))
    return;

  text = text_func (item);
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, text != NULL && *text != '\0' ? text : NULL);
  if (anju_inbox_item_get_unread (item))
    gtk_widget_add_css_class (label, "anju-unread");
  else
    gtk_widget_remove_css_class (label, "anju-unread");
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  text_func)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  g_object_set_data (G_OBJECT (label), "anju-text-func", text_func);
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  gpointer item = gtk_list_item_get_item (list_item);
  gulong handler;

  cell_update (list_item);
  handler = g_signal_connect_object (item, "notify::unread", G_CALLBACK (cell_update),
                                     list_item, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (list_item), UNREAD_HANDLER_KEY, GSIZE_TO_POINTER (handler));
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), UNREAD_HANDLER_KEY));
  gpointer item = gtk_list_item_get_item (list_item);

  if (handler != 0 && item != NULL)
    g_signal_handler_disconnect (item, handler);
  g_object_set_data (G_OBJECT (list_item), UNREAD_HANDLER_KEY, NULL);
}

static char *
unread_text (AnjuInboxItem *item)
{
  /* Words, not only weight: a screen reader says it, and so does a
   * glance in high contrast. */
  return g_strdup (anju_inbox_item_get_unread (item) ? _("Unread") : "");
}

static char *
title_text (AnjuInboxItem *item)
{
  return g_strdup (anju_record_get_string (anju_inbox_item_get_message (item), "title"));
}

static char *
event_text (AnjuInboxItem *item)
{
  return g_strdup (anju_message_event_name (anju_record_get_string (anju_inbox_item_get_message (item), "event")));
}

static char *
time_text (AnjuInboxItem *item)
{
  return anju_display_time (anju_record_get_string (anju_inbox_item_get_message (item), "created_at"));
}

static void
append_column (AnjuMessagesPage *self,
               const char       *title,
               InboxTextFunc     text_func,
               gboolean          expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), text_func);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), NULL);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
setup_columns (AnjuMessagesPage *self)
{
  append_column (self, _("Status"), unread_text, FALSE);
  append_column (self, _("Title"), title_text, TRUE);
  append_column (self, _("Kind"), event_text, FALSE);
  append_column (self, _("Received"), time_text, FALSE);
}

/* GObject */

static void
anju_messages_page_map (GtkWidget *widget)
{
  AnjuMessagesPage *self = ANJU_MESSAGES_PAGE (widget);

  GTK_WIDGET_CLASS (anju_messages_page_parent_class)->map (widget);

  if (!self->loaded)
    anju_messages_page_reload (self);
}

/* The badge belongs to the window, so its polling follows the window
 * being shown, not this page. */
static void
anju_messages_page_root (GtkWidget *widget)
{
  AnjuMessagesPage *self = ANJU_MESSAGES_PAGE (widget);

  GTK_WIDGET_CLASS (anju_messages_page_parent_class)->root (widget);

  self->window = GTK_WIDGET (gtk_widget_get_root (widget));
  g_signal_connect_object (self->window, "map", G_CALLBACK (window_mapped_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->window, "unmap", G_CALLBACK (stop_polling), self, G_CONNECT_SWAPPED);
  if (gtk_widget_get_mapped (self->window))
    window_mapped_cb (self);
}

static void
anju_messages_page_unroot (GtkWidget *widget)
{
  AnjuMessagesPage *self = ANJU_MESSAGES_PAGE (widget);

  stop_polling (self);
  if (self->window != NULL)
    g_signal_handlers_disconnect_by_data (self->window, self);
  self->window = NULL;

  GTK_WIDGET_CLASS (anju_messages_page_parent_class)->unroot (widget);
}

static void
anju_messages_page_constructed (GObject *object)
{
  AnjuMessagesPage *self = ANJU_MESSAGES_PAGE (object);

  G_OBJECT_CLASS (anju_messages_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->messages = anju_paged_model_new (self->client, "/api/v1/messages", 0);
  self->items = gtk_map_list_model_new (G_LIST_MODEL (g_object_ref (self->messages)),
                                        map_message_cb, self, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->items));

  g_object_bind_property (self->messages, "loading", self->spinner, "spinning", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->messages, "notify::loading", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->messages, "notify::has-more", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  /* No selection: the page's is over items, and it never reselects. */
  anju_list_loader_init (&self->loader, GTK_WIDGET (self), self->messages, NULL,
                         self->stack, self->error_page, self->cancellable,
                         _("Could not load more messages"));
  anju_list_loader_show_count (&self->loader, self->count_label, count_text);
  g_signal_connect_object (self->client, "notify::signed-in", G_CALLBACK (signed_in_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_visible (GTK_WIDGET (self->send_button),
                          anju_api_client_has_permission (self->client, ANJU_PERM_MESSAGE_SEND));
  actions_update (self);
}

static void
anju_messages_page_dispose (GObject *object)
{
  AnjuMessagesPage *self = ANJU_MESSAGES_PAGE (object);

  stop_polling (self);
  g_cancellable_cancel (self->cancellable);
  if (self->count_cancellable != NULL)
    g_cancellable_cancel (self->count_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_MESSAGES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_object (&self->messages);

  G_OBJECT_CLASS (anju_messages_page_parent_class)->dispose (object);
}

static void
anju_messages_page_finalize (GObject *object)
{
  AnjuMessagesPage *self = ANJU_MESSAGES_PAGE (object);

  g_clear_pointer (&self->read_here, g_hash_table_unref);
  g_clear_object (&self->count_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_messages_page_parent_class)->finalize (object);
}

static void
anju_messages_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AnjuMessagesPage *self = ANJU_MESSAGES_PAGE (object);

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
anju_messages_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AnjuMessagesPage *self = ANJU_MESSAGES_PAGE (object);

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
anju_messages_page_class_init (AnjuMessagesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_messages_page_constructed;
  object_class->dispose = anju_messages_page_dispose;
  object_class->finalize = anju_messages_page_finalize;
  object_class->get_property = anju_messages_page_get_property;
  object_class->set_property = anju_messages_page_set_property;

  widget_class->map = anju_messages_page_map;
  widget_class->root = anju_messages_page_root;
  widget_class->unroot = anju_messages_page_unroot;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-messages-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuMessagesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessagesPage, event_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessagesPage, unread_check);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessagesPage, send_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessagesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessagesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessagesPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessagesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessagesPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessagesPage, detail_meta);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessagesPage, detail_body);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessagesPage, open_record_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessagesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuMessagesPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "messages.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "messages.load-more", NULL, load_more_action);
  gtk_widget_class_install_action (widget_class, "messages.read-all", NULL, read_all_action);
  gtk_widget_class_install_action (widget_class, "messages.send", NULL, send_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "messages.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "messages.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "messages.send", NULL);
}

static void
anju_messages_page_init (AnjuMessagesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->read_here = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* Nothing is chosen until the user chooses: choosing marks read. */
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  fill_event_filter (self);
  setup_columns (self);
}

GtkWidget *
anju_messages_page_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_MESSAGES_PAGE, "client", client, NULL);
}

void
anju_messages_page_reload (AnjuMessagesPage *self)
{
  g_return_if_fail (ANJU_IS_MESSAGES_PAGE (self));

  reload_list (self);
  anju_messages_page_refresh_unread_count (self);
}

void
anju_messages_page_refresh_unread_count (AnjuMessagesPage *self)
{
  g_return_if_fail (ANJU_IS_MESSAGES_PAGE (self));

  /* The newest question wins: an older answer may predate a read. */
  if (self->count_cancellable != NULL)
    g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  self->count_cancellable = g_cancellable_new ();

  anju_api_client_request_async (self->client, "GET", "/api/v1/messages/unread-count", NULL,
                                 self->count_cancellable, unread_count_cb, g_object_ref (self));
}
