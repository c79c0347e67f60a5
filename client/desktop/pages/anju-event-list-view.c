/* anju-event-list-view.c: one row per event, for the message settings. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-error-message.h"
#include "anju-event-list-view.h"

/* The item a row stands for (owned by the row). */
#define RECORD_KEY "anju-event-record"

struct _AnjuEventListView
{
  AdwBin                     parent_instance;

  /* Template widgets */
  GtkStack                  *stack;
  GtkSpinner                *spinner;
  GtkListBox                *list_box;
  AdwStatusPage             *error_page;

  /* Owned */
  AnjuApiClient             *client;       /* (owned) */
  char                      *path;         /* (owned) */
  GCancellable              *cancellable;  /* (owned) (nullable) the load in flight */
  AnjuEventListSubtitleFunc  subtitle_func;
};

G_DEFINE_FINAL_TYPE (AnjuEventListView, anju_event_list_view, ADW_TYPE_BIN)

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
remove_rows (AnjuEventListView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
}

static GtkWidget *
create_row (AnjuEventListView *self,
            AnjuRecord        *item)
{
  const char *event = anju_record_get_string (item, "event");
  const char *name = anju_record_get_string (item, "name");
  g_autofree char *subtitle = self->subtitle_func (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : event);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_widget_set_name (row, event != NULL ? event : "");
  g_object_set_data_full (G_OBJECT (row), RECORD_KEY, g_object_ref (item), g_object_unref);

  return row;
}

static void
show_items (AnjuEventListView *self,
            JsonArray         *items)
{
  guint n_items = json_array_get_length (items);

  remove_rows (self);
  for (guint i = 0; i < n_items; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      g_autoptr(AnjuRecord) item = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      item = anju_record_new (json_node_get_object (node));
      gtk_list_box_append (self->list_box, create_row (self, item));
    }

  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AnjuApiClient *client = ANJU_API_CLIENT (object);
  g_autoptr(AnjuEventListView) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  JsonArray *items = NULL;

  answer = anju_api_client_request_finish (client, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  gtk_spinner_set_spinning (self->spinner, FALSE);

  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    items = anju_json_get_array (json_node_get_object (answer), "items");
  if (items != NULL)
    {
      show_items (self, items);
      return;
    }

  reason = error != NULL ? anju_error_message_for (error, anju_api_client_get_base_uri (client))
                         : g_strdup (_("The server sent an answer this program does not understand."));
  adw_status_page_set_description (self->error_page, reason);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
row_activated_cb (AnjuEventListView *self,
                  GtkListBoxRow     *row)
{
  AnjuRecord *item = g_object_get_data (G_OBJECT (row), RECORD_KEY);

  if (item != NULL)
    g_signal_emit (self, signals[ACTIVATED], 0, item);
}

static void
try_again_cb (AnjuEventListView *self)
{
  anju_event_list_view_reload (self);
}

static void
anju_event_list_view_dispose (GObject *object)
{
  AnjuEventListView *self = ANJU_EVENT_LIST_VIEW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_EVENT_LIST_VIEW);

  G_OBJECT_CLASS (anju_event_list_view_parent_class)->dispose (object);
}

static void
anju_event_list_view_finalize (GObject *object)
{
  AnjuEventListView *self = ANJU_EVENT_LIST_VIEW (object);

  g_clear_object (&self->client);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (anju_event_list_view_parent_class)->finalize (object);
}

static void
anju_event_list_view_class_init (AnjuEventListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_event_list_view_dispose;
  object_class->finalize = anju_event_list_view_finalize;

  /**
   * AnjuEventListView::activated:
   * @item: the item of the row the user chose
   */
  signals[ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ANJU_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-event-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuEventListView, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuEventListView, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuEventListView, list_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuEventListView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, try_again_cb);
}

static void
anju_event_list_view_init (AnjuEventListView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
anju_event_list_view_new (AnjuApiClient             *client,
                          const char                *path,
                          const char                *title,
                          AnjuEventListSubtitleFunc  subtitle_func)
{
  AnjuEventListView *self;
  g_autofree char *error_title = NULL;

  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (subtitle_func != NULL, NULL);

  self = g_object_new (ANJU_TYPE_EVENT_LIST_VIEW, NULL);
  self->client = g_object_ref (client);
  self->path = g_strdup (path);
  self->subtitle_func = subtitle_func;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  /* Translators: %1$s is what could not be loaded ("Message templates") */
  error_title = g_strdup_printf (_("Could Not Load: %1$s"), title);
  adw_status_page_set_title (self->error_page, error_title);

  return GTK_WIDGET (self);
}

void
anju_event_list_view_reload (AnjuEventListView *self)
{
  g_return_if_fail (ANJU_IS_EVENT_LIST_VIEW (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* Rows stay until the answer replaces them, so the list does not
   * flicker to a spinner on every save; only the first load shows one. */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->list_box)) == NULL)
    {
      gtk_spinner_set_spinning (self->spinner, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  anju_api_client_request_async (self->client, "GET", self->path, NULL, self->cancellable,
                                 load_cb, g_object_ref (self));
}

GtkWidget *
anju_event_list_view_get_row (AnjuEventListView *self,
                              const char        *event)
{
  g_return_val_if_fail (ANJU_IS_EVENT_LIST_VIEW (self), NULL);
  g_return_val_if_fail (event != NULL, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_str_equal (gtk_widget_get_name (child), event))
        return child;
    }

  return NULL;
}
