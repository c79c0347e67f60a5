#include "config.h"

#include <glib/gi18n.h>

#include "anju-article-dialog.h"
#include "anju-article-view.h"
#include "anju-articles-browser.h"
#include "anju-content-labels.h"
#include "anju-date-picker.h"
#include "anju-display-time.h"
#include "anju-list-loader.h"
#include "anju-page-confirm.h"
#include "anju-page-feedback.h"
#include "anju-page-request.h"
#include "anju-paged-model.h"
#include "anju-permissions.h"
#include "anju-record-column.h"

/* Positions in the status filter of the template. */
static const char * const status_filter_values[] = { NULL, "draft", "published", "unpublished" };

/* What differs between the kinds, as people read it. */
typedef struct
{
  const char *kind;
  const char *list_name;       /* N_() the table's accessible name */
  const char *empty_title;     /* N_() */
  const char *icon_name;
  const char *category_title;  /* N_() the category column's title */
  const char *targets_title;   /* N_() (nullable) a column of the target organisations */
  const char *withdraw_body;   /* N_() what withdrawing does */
} KindText;

static const KindText kind_texts[] = {
  { "news", N_("News"), N_("No News"), "view-paged-symbolic", N_("Category"), NULL,
    N_("Readers no longer see it. You can publish it again later.") },
  { "notice", N_("Notices"), N_("No Notices"), "emblem-documents-symbolic", N_("Category"), NULL,
    N_("Readers no longer see it. You can publish it again later.") },
  { "guide", N_("Business guides"), N_("No Business Guides"), "help-contents-symbolic", N_("Category"), NULL,
    N_("Readers no longer see it. You can publish it again later.") },
  { "publicity", N_("Terminal publicity"), N_("No Publicity"), "video-display-symbolic", N_("Category"),
    N_("Streets"),
    N_("The service terminals of its streets stop showing it at once. You can publish it again later.") },
  { "policy", N_("Policy publicity"), N_("No Policy Publicity"), "emblem-important-symbolic", N_("Policy area"),
    N_("Readers"),
    N_("The service terminals stop showing it at once. You can publish it again later.") },
};

struct _AnjuArticlesBrowser
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *view_stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_filter;
  GtkWidget          *create_button;
  GtkWidget          *edit_button;
  GtkWidget          *publish_button;
  GtkWidget          *menu_button;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *error_page;
  GtkLabel           *count_label;
  GtkSpinner         *spinner;
  GtkBox             *reader_box;
  GtkWidget          *back_button;
  GtkWidget          *reader_edit_button;

  /* Borrowed: a child of reader_box */
  AnjuArticleView    *reader;

  /* Owned */
  AnjuApiClient      *client;
  char               *kind;          /* "news", "notice" or "guide" */
  AnjuPagedModel     *articles;
  GtkSingleSelection *selection;     /* over articles */
  GCancellable       *cancellable;   /* the loads and actions of this page */
  AnjuListLoader      loader;
  guint               loaded : 1;
};

G_DEFINE_FINAL_TYPE (AnjuArticlesBrowser, anju_articles_browser, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const KindText *
kind_text (AnjuArticlesBrowser *self)
{
  const char *kind = anju_articles_browser_get_kind (self);

  for (guint i = 0; i < G_N_ELEMENTS (kind_texts); i++)
    if (g_strcmp0 (kind_texts[i].kind, kind) == 0)
      return &kind_texts[i];

  g_return_val_if_reached (&kind_texts[0]);
}

static gboolean
can_write (AnjuArticlesBrowser *self)
{
  return anju_api_client_has_permission (self->client, ANJU_PERM_CONTENT_WRITE);
}

static AnjuRecord *
get_selected (AnjuArticlesBrowser *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

static gboolean
reading (AnjuArticlesBrowser *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "reader") == 0;
}

/* The article the actions apply to: the one being read, or else the
 * selected row. */
static AnjuRecord *
get_current (AnjuArticlesBrowser *self)
{
  if (reading (self))
    return anju_article_view_get_article (self->reader);

  return get_selected (self);
}

static void
actions_update (AnjuArticlesBrowser *self)
{
  AnjuRecord *current = get_current (self);
  gboolean writer = can_write (self);
  gboolean acting = writer && current != NULL;
  const char *status = current != NULL ? anju_record_get_string (current, "status") : NULL;
  gboolean published = g_strcmp0 (status, "published") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "articles.create", writer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "articles.edit", acting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "articles.publish", acting && !published);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "articles.unpublish", acting && published);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "articles.delete", acting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "articles.open", get_selected (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "articles.load-more",
                                 anju_paged_model_get_has_more (self->articles)
                                 && !anju_paged_model_get_loading (self->articles));
}

static char *
count_text (guint shown,
            guint total)
{
  /* Translators: %1$u articles of %2$u matching ones are in the list */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u article", "%1$u of %2$u articles", total),
                          shown, total);
}

static void
search_changed_cb (AnjuArticlesBrowser *self)
{
  g_autofree char *q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (anju_list_loader_apply_filter (&self->loader, "q", q))
    anju_list_loader_load_more (&self->loader);
}

static void
filter_changed_cb (AnjuArticlesBrowser *self)
{
  guint position = gtk_drop_down_get_selected (self->status_filter);
  const char *status = position < G_N_ELEMENTS (status_filter_values) ? status_filter_values[position] : NULL;

  if (anju_list_loader_apply_filter (&self->loader, "status", status))
    anju_list_loader_load_more (&self->loader);
}

static void
reload_selecting (AnjuArticlesBrowser *self,
                  gint64            id)
{
  self->loaded = TRUE;
  anju_list_loader_reload_selecting (&self->loader, id);
}

/* Reader */

static void
show_list (AnjuArticlesBrowser *self)
{
  gtk_stack_set_visible_child_name (self->view_stack, "list");
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  actions_update (self);
}

static void
open_article (AnjuArticlesBrowser *self,
              gint64            id)
{
  anju_article_view_load (self->reader, id);
  /* Typing in the reader selects or copies text; it is no search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  gtk_stack_set_visible_child_name (self->view_stack, "reader");
  gtk_widget_grab_focus (self->back_button);
  actions_update (self);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuArticlesBrowser *self = ANJU_ARTICLES_BROWSER (widget);
  AnjuRecord *selected = get_selected (self);

  if (selected != NULL)
    open_article (self, anju_record_get_id (selected));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  show_list (ANJU_ARTICLES_BROWSER (widget));
}

static void
row_activated_cb (AnjuArticlesBrowser *self,
                  guint             position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "articles.open", NULL);
}

/* Whatever changed, the list and (when it is open) the reader show the
 * server's state afterwards. */
static void
refresh_after_change (AnjuArticlesBrowser *self,
                      gint64            id)
{
  if (reading (self) && id != 0)
    anju_article_view_load (self->reader, id);
  reload_selecting (self, id);
}

/* Writing */

static void
dialog_saved_cb (AnjuArticlesBrowser *self,
                 AnjuRecord       *record)
{
  g_autofree char *message = NULL;

  /* Translators: %1$s is the title of an article */
  message = g_strdup_printf (_("Saved “%1$s”"), anju_record_get_string (record, "title"));
  anju_page_toast (GTK_WIDGET (self), message);
  refresh_after_change (self, anju_record_get_id (record));
}

static void
present_dialog (AnjuArticlesBrowser *self,
                AnjuRecord       *article)
{
  GtkWidget *dialog = anju_article_dialog_new (self->client, anju_articles_browser_get_kind (self), article);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  present_dialog (ANJU_ARTICLES_BROWSER (widget), NULL);
}

/* List items carry no text: the editor gets the whole article. */
static void
edit_loaded_cb (GtkWidget *page,
                JsonNode  *answer)
{
  g_autoptr(AnjuRecord) article = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (answer))
    return;

  article = anju_record_new (json_node_get_object (answer));
  present_dialog (ANJU_ARTICLES_BROWSER (page), article);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuArticlesBrowser *self = ANJU_ARTICLES_BROWSER (widget);
  AnjuRecord *current = get_current (self);
  g_autofree char *path = NULL;

  if (current == NULL)
    return;

  if (reading (self))
    {
      present_dialog (self, current);
      return;
    }

  path = g_strdup_printf ("/api/v1/articles/%" G_GINT64_FORMAT, anju_record_get_id (current));
  anju_page_request (widget, self->client, "GET", path, NULL, self->cancellable,
                     NULL, _("Could not open the article"), edit_loaded_cb);
}

static void
request_done_cb (GtkWidget *widget,
                 JsonNode  *answer)
{
  refresh_after_change (ANJU_ARTICLES_BROWSER (widget), anju_page_answer_id (answer));
}

/* POST /api/v1/articles/{id}/<verb> with the outcome as a toast. */
static void
article_request (AnjuArticlesBrowser *self,
                 AnjuRecord       *article,
                 const char       *verb,
                 const char       *success_message,
                 const char       *failure_message)
{
  g_autofree char *path = NULL;

  path = g_strdup_printf ("/api/v1/articles/%" G_GINT64_FORMAT "/%s", anju_record_get_id (article), verb);
  anju_page_request (GTK_WIDGET (self), self->client, "POST", path, NULL, self->cancellable,
                     success_message, failure_message, request_done_cb);
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AnjuArticlesBrowser *self = ANJU_ARTICLES_BROWSER (widget);
  AnjuRecord *current = get_current (self);
  g_autofree char *success = NULL;

  if (current == NULL)
    return;

  /* Translators: %1$s is the title of an article */
  success = g_strdup_printf (_("Published “%1$s”"), anju_record_get_string (current, "title"));
  article_request (self, current, "publish", success, _("Could not publish the article"));
}

static void
unpublish_confirmed_cb (GtkWidget  *page,
                        AnjuRecord *article)
{
  g_autofree char *success = NULL;

  /* Translators: %1$s is the title of an article */
  success = g_strdup_printf (_("Withdrew “%1$s”; readers no longer see it"),
                             anju_record_get_string (article, "title"));
  article_request (ANJU_ARTICLES_BROWSER (page), article, "unpublish", success,
                   _("Could not withdraw the article"));
}

/* Withdrawing (撤除) takes a notice off every terminal and screen at
 * once, so it asks first. */
static void
unpublish_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AnjuArticlesBrowser *self = ANJU_ARTICLES_BROWSER (widget);
  AnjuRecord *current = get_current (self);
  g_autofree char *heading = NULL;

  if (current == NULL)
    return;

  /* Translators: %1$s is the title of an article */
  heading = g_strdup_printf (_("Withdraw “%1$s”?"), anju_record_get_string (current, "title"));
  anju_page_confirm (widget, current, heading, _(kind_text (self)->withdraw_body),
                     "withdraw", _("_Withdraw"), unpublish_confirmed_cb);
}

static void
deleted_cb (GtkWidget *widget,
            JsonNode  *answer)
{
  AnjuArticlesBrowser *self = ANJU_ARTICLES_BROWSER (widget);

  if (reading (self))
    show_list (self);
  reload_selecting (self, 0);
}

static void
delete_confirmed_cb (GtkWidget  *page,
                     AnjuRecord *article)
{
  AnjuArticlesBrowser *self = ANJU_ARTICLES_BROWSER (page);
  g_autofree char *path = NULL;
  g_autofree char *success = NULL;

  path = g_strdup_printf ("/api/v1/articles/%" G_GINT64_FORMAT, anju_record_get_id (article));
  /* Translators: %1$s is the title of an article */
  success = g_strdup_printf (_("Deleted “%1$s”"), anju_record_get_string (article, "title"));
  anju_page_request (page, self->client, "DELETE", path, NULL, self->cancellable,
                     success, _("Could not delete the article"), deleted_cb);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuRecord *current = get_current (ANJU_ARTICLES_BROWSER (widget));
  g_autofree char *heading = NULL;

  if (current == NULL)
    return;

  /* Translators: %1$s is the title of an article */
  heading = g_strdup_printf (_("Delete “%1$s”?"), anju_record_get_string (current, "title"));
  anju_page_confirm (widget, current, heading,
                     _("Readers can no longer find it, and it cannot be brought back. "
                       "To hide it for a while, withdraw it instead."),
                     "delete", _("_Delete"), delete_confirmed_cb);
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  anju_list_loader_load_more (&ANJU_ARTICLES_BROWSER (widget)->loader);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_articles_browser_reload (ANJU_ARTICLES_BROWSER (widget));
}

/* Reaching the bottom of what is loaded asks for the next page. */
static void
edge_reached_cb (AnjuArticlesBrowser *self,
                 GtkPositionType   position)
{
  anju_list_loader_edge_reached (&self->loader, position);
}

/* Columns */

static char *
status_text (AnjuRecord *record)
{
  return g_strdup (anju_article_status_label (anju_record_get_string (record, "status")));
}

/* Today as the server counts display periods: in Shanghai. */
static char *
today_text (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) now = NULL;

  if (zone == NULL)
    zone = g_time_zone_new_local ();
  now = g_date_time_new_now (zone);
  return g_date_time_format (now, "%Y-%m-%d");
}

/* A published terminal article is showing, not yet shown or ended;
 * any other is a draft or withdrawn. */
static char *
terminal_status_text (AnjuRecord *record)
{
  g_autofree char *from = anju_date_text_from_api (anju_record_get_string (record, "display_from"));
  g_autofree char *until = anju_date_text_from_api (anju_record_get_string (record, "display_until"));
  g_autofree char *today = NULL;

  if (g_strcmp0 (anju_record_get_string (record, "status"), "published") != 0)
    return status_text (record);

  today = today_text ();
  return g_strdup (anju_article_display_state_label (anju_article_display_state (from, until, today)));
}

static char *
period_text (AnjuRecord *record)
{
  g_autofree char *from = anju_date_text_from_api (anju_record_get_string (record, "display_from"));
  g_autofree char *until = anju_date_text_from_api (anju_record_get_string (record, "display_until"));

  return anju_article_display_period_text (from, until);
}

static char *
targets_text (AnjuRecord *record)
{
  JsonArray *targets = anju_record_get_member_array (record, "targets");
  guint n_targets = targets != NULL ? json_array_get_length (targets) : 0;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < n_targets; i++)
    {
      JsonNode *node = json_array_get_element (targets, i);
      const char *name = JSON_NODE_HOLDS_OBJECT (node)
                         ? anju_json_get_string (json_node_get_object (node), "name") : NULL;

      if (name != NULL)
        g_strv_builder_add (builder, name);
    }

  names = g_strv_builder_end (builder);
  if (names[0] == NULL)
    return g_strdup (_("Everyone"));

  /* Translators: separates the names of organisations */
  return g_strjoinv (_(", "), names);
}

static char *
views_text (AnjuRecord *record)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, anju_record_get_int (record, "view_count", 0));
}

static char *
published_text (AnjuRecord *record)
{
  return anju_display_time (anju_record_get_string (record, "published_at"));
}

static void
append_column (AnjuArticlesBrowser    *self,
               GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

/* Terminal kinds add their display period, where they are shown, how
 * often they were read there, and a status that knows the period. */
static void
setup_columns (AnjuArticlesBrowser *self)
{
  const KindText *text = kind_text (self);
  gboolean terminal = anju_article_kind_is_terminal (anju_articles_browser_get_kind (self));

  append_column (self, anju_record_column_new (_("Title"), "title", ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new (_(text->category_title), "category", ANJU_RECORD_COLUMN_DEFAULT));
  if (terminal)
    append_column (self, anju_record_column_new_with_func (_("Display period"), period_text,
                                                           ANJU_RECORD_COLUMN_NUMERIC));
  if (text->targets_title != NULL)
    append_column (self, anju_record_column_new_with_func (_(text->targets_title), targets_text,
                                                           ANJU_RECORD_COLUMN_DEFAULT));
  if (can_write (self))
    append_column (self, anju_record_column_new_with_func (_("Status"), terminal ? terminal_status_text : status_text,
                                                           ANJU_RECORD_COLUMN_DEFAULT));
  if (terminal)
    append_column (self, anju_record_column_new_with_func (_("Views"), views_text, ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new_with_func (_("Published"), published_text, ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new (_("Author"), "author.name", ANJU_RECORD_COLUMN_DEFAULT));
}

/* Readers get a plain list; writers get the status and the tools. */
static void
setup_for_role (AnjuArticlesBrowser *self)
{
  const KindText *text = kind_text (self);
  gboolean writer = can_write (self);

  gtk_widget_set_visible (GTK_WIDGET (self->status_filter), writer);
  gtk_widget_set_visible (self->create_button, writer);
  gtk_widget_set_visible (self->edit_button, writer);
  gtk_widget_set_visible (self->publish_button, writer);
  gtk_widget_set_visible (self->menu_button, writer);
  gtk_widget_set_visible (self->reader_edit_button, writer);

  adw_status_page_set_title (self->empty_page, _(text->empty_title));
  adw_status_page_set_icon_name (self->empty_page, text->icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(text->list_name),
                                  -1);
  setup_columns (self);
}

static void
anju_articles_browser_map (GtkWidget *widget)
{
  AnjuArticlesBrowser *self = ANJU_ARTICLES_BROWSER (widget);

  GTK_WIDGET_CLASS (anju_articles_browser_parent_class)->map (widget);

  if (!self->loaded)
    anju_articles_browser_reload (self);
}

static void
anju_articles_browser_constructed (GObject *object)
{
  AnjuArticlesBrowser *self = ANJU_ARTICLES_BROWSER (object);

  G_OBJECT_CLASS (anju_articles_browser_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));
  g_assert (anju_articles_browser_get_kind (self) != NULL);

  self->articles = anju_paged_model_new (self->client, "/api/v1/articles", 0);
  anju_paged_model_set_filter (self->articles, "kind", anju_articles_browser_get_kind (self));
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->articles));
  g_object_bind_property (self->articles, "loading", self->spinner, "spinning", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->articles, "notify::loading", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->articles, "notify::has-more", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  anju_list_loader_init (&self->loader, GTK_WIDGET (self), self->articles, self->selection,
                         self->stack, self->error_page, self->cancellable,
                         _("Could not load more articles"));
  anju_list_loader_show_count (&self->loader, self->count_label, count_text);

  self->reader = ANJU_ARTICLE_VIEW (anju_article_view_new (self->client));
  gtk_widget_set_vexpand (GTK_WIDGET (self->reader), TRUE);
  g_signal_connect_object (self->reader, "notify::article", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->reader_box, GTK_WIDGET (self->reader));

  setup_for_role (self);
  actions_update (self);
}

static void
anju_articles_browser_dispose (GObject *object)
{
  AnjuArticlesBrowser *self = ANJU_ARTICLES_BROWSER (object);

  g_cancellable_cancel (self->cancellable);
  /* The bin's child is a template child: the bin lets go of it first,
   * or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_ARTICLES_BROWSER);
  self->reader = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->articles);

  G_OBJECT_CLASS (anju_articles_browser_parent_class)->dispose (object);
}

static void
anju_articles_browser_finalize (GObject *object)
{
  AnjuArticlesBrowser *self = ANJU_ARTICLES_BROWSER (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->kind, g_free);

  G_OBJECT_CLASS (anju_articles_browser_parent_class)->finalize (object);
}

static void
anju_articles_browser_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AnjuArticlesBrowser *self = ANJU_ARTICLES_BROWSER (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_articles_browser_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AnjuArticlesBrowser *self = ANJU_ARTICLES_BROWSER (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_articles_browser_class_init (AnjuArticlesBrowserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_articles_browser_constructed;
  object_class->dispose = anju_articles_browser_dispose;
  object_class->finalize = anju_articles_browser_finalize;
  object_class->get_property = anju_articles_browser_get_property;
  object_class->set_property = anju_articles_browser_set_property;

  widget_class->map = anju_articles_browser_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-articles-browser.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuArticlesBrowser, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticlesBrowser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticlesBrowser, status_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticlesBrowser, create_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticlesBrowser, edit_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticlesBrowser, publish_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticlesBrowser, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticlesBrowser, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticlesBrowser, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticlesBrowser, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticlesBrowser, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticlesBrowser, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticlesBrowser, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticlesBrowser, reader_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticlesBrowser, back_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticlesBrowser, reader_edit_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "articles.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "articles.load-more", NULL, load_more_action);
  gtk_widget_class_install_action (widget_class, "articles.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "articles.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "articles.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "articles.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "articles.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "articles.unpublish", NULL, unpublish_action);
  gtk_widget_class_install_action (widget_class, "articles.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "articles.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "articles.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "articles.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "articles.back", NULL);
}

static void
anju_articles_browser_init (AnjuArticlesBrowser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

GtkWidget *
anju_articles_browser_new (AnjuApiClient *client,
                           const char    *kind)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  return g_object_new (ANJU_TYPE_ARTICLES_BROWSER, "client", client, "kind", kind, NULL);
}

const char *
anju_articles_browser_get_kind (AnjuArticlesBrowser *self)
{
  g_return_val_if_fail (ANJU_IS_ARTICLES_BROWSER (self), NULL);

  return self->kind;
}

void
anju_articles_browser_reload (AnjuArticlesBrowser *self)
{
  AnjuRecord *selected;

  g_return_if_fail (ANJU_IS_ARTICLES_BROWSER (self));

  selected = get_selected (self);
  reload_selecting (self, selected != NULL ? anju_record_get_id (selected) : 0);
}

void
anju_articles_browser_open (AnjuArticlesBrowser *self,
                            gint64               article_id)
{
  g_return_if_fail (ANJU_IS_ARTICLES_BROWSER (self));
  g_return_if_fail (article_id > 0);

  open_article (self, article_id);
}
