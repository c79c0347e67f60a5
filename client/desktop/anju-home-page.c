/* anju-home-page.c: the workbench: greeting, shortcuts, overview, to-do
 * summary, business handling and the latest news and notices. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-desktop-private.h"
#include "anju-display-time.h"
#include "anju-error-message.h"
#include "anju-home-page.h"
#include "anju-page-feedback.h"
#include "anju-record.h"
#include "anju-shortcuts-dialog.h"
#include "anju-window-pages.h"

/* How many tasks the summary shows; the to-do page has them all. */
#define TODO_SUMMARY_SIZE 5

typedef struct
{
  const char *member;    /* of the overview's "tiles" */
  const char *caption;   /* N_() */
  const char *page;      /* where the tile leads */
} Tile;

static const Tile tiles[] = {
  { "users",             N_("Users"),             "users" },
  { "organisations",     N_("Organisations"),     "organisations" },
  { "open_tasks",        N_("Open tasks"),        "todo" },
  { "overdue_tasks",     N_("Overdue tasks"),     "todo" },
  { "unread_messages",   N_("Unread messages"),   "messages" },
  { "published_notices", N_("Published notices"), "notices" },
};

struct _AnjuHomePage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkLabel            *welcome_label;
  GtkLabel            *organisation_label;
  GtkFlowBox          *shortcuts_box;
  GtkLabel            *shortcuts_label;
  GtkFlowBox          *tiles_box;
  AdwPreferencesGroup *todo_group;
  GtkListBox          *todo_list;
  GtkWidget           *business_group;
  GtkListBox          *business_list;
  GtkWidget           *latest_group;
  GtkListBox          *latest_list;

  /* Borrowed: the buttons in tiles_box, in the order of tiles[] */
  GtkWidget           *tile_buttons[G_N_ELEMENTS (tiles)];

  /* Owned */
  AnjuApiClient       *client;       /* (owned) */
  GStrv                shortcuts;    /* (owned) (nullable) as the server has them */
  GCancellable        *cancellable;  /* (owned) the loads of the last reload */
};

G_DEFINE_FINAL_TYPE (AnjuHomePage, anju_home_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Server text is not markup: rows show it as it is. */
static GtkWidget *
text_row_new (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
link_row_new (const char *title,
              const char *subtitle,
              const char *action_name,
              GVariant   *target)
{
  GtkWidget *row = text_row_new (title, subtitle);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

/* Greeting */

static char *
roles_text (JsonObject *user)
{
  JsonArray *roles = anju_json_get_array (user, "roles");
  guint n_roles = roles != NULL ? json_array_get_length (roles) : 0;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < n_roles; i++)
    {
      JsonNode *node = json_array_get_element (roles, i);
      const char *name = JSON_NODE_HOLDS_OBJECT (node)
                         ? anju_json_get_string (json_node_get_object (node), "name") : NULL;

      if (name != NULL)
        g_strv_builder_add (names, name);
    }

  strv = g_strv_builder_end (names);
  /* Translators: separates the names of a user's roles */
  return g_strjoinv (_(", "), strv);
}

static void
greet (AnjuHomePage *self)
{
  JsonObject *user = anju_api_client_get_user (self->client);
  const char *name = anju_json_get_string (user, "name");
  const char *organisation = anju_json_get_string (anju_json_get_object (user, "organisation"), "name");
  g_autofree char *roles = roles_text (user);
  g_autofree char *welcome = NULL;
  g_autofree char *where = NULL;

  /* After sign-out the user is gone; keep showing who it was. */
  if (user == NULL)
    return;

  /* Translators: %1$s is the signed-in person's name */
  welcome = g_strdup_printf (_("Welcome, %1$s"), name != NULL ? name : anju_json_get_string (user, "username"));
  if (*roles != '\0')
    /* Translators: %1$s is an organisation, %2$s the user's roles in it */
    where = g_strdup_printf (_("%1$s · %2$s"), organisation != NULL ? organisation : "", roles);
  gtk_label_set_label (self->welcome_label, welcome);
  gtk_label_set_label (self->organisation_label, where != NULL ? where : organisation);
}

/* Shortcuts */

static GtkWidget *
shortcut_button_new (const AnjuWindowPage *page)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_(page->title));

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (page->icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "anju-shortcut");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-page");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", page->name);
  gtk_widget_set_tooltip_text (button, _(page->title));
  return button;
}

static void
show_shortcuts (AnjuHomePage *self)
{
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->shortcuts_box))) != NULL)
    gtk_flow_box_remove (self->shortcuts_box, child);

  for (guint i = 0; self->shortcuts != NULL && self->shortcuts[i] != NULL; i++)
    {
      /* A page the user lost the permission for is left out. */
      if (!anju_shortcut_is_usable (self->client, self->shortcuts[i]))
        continue;
      gtk_flow_box_append (self->shortcuts_box,
                           shortcut_button_new (anju_window_page_lookup (self->shortcuts[i])));
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->shortcuts_box), shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->shortcuts_label), shown == 0);
  gtk_label_set_text (self->shortcuts_label,
                      _("No shortcuts yet. Choose the pages you use most with “Edit…”."));
}

static void
shortcuts_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AnjuHomePage) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) pages = g_strv_builder_new ();
  JsonArray *array;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      g_autofree char *reason = error != NULL ? anju_error_message_for (error, NULL) : NULL;
      g_autofree char *message = NULL;

      /* Translators: %1$s says why */
      message = g_strdup_printf (_("Your shortcuts could not be loaded: %1$s"),
                                 reason != NULL ? reason : _("The server’s answer is not a list of pages"));
      gtk_label_set_text (self->shortcuts_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->shortcuts_label), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->shortcuts_box), FALSE);
      return;
    }

  array = anju_json_get_array (json_node_get_object (answer), "pages");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (pages, json_node_get_string (node));
    }

  g_strfreev (self->shortcuts);
  self->shortcuts = g_strv_builder_end (pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "home.edit-shortcuts", TRUE);
  show_shortcuts (self);
}

static void
shortcuts_saved_cb (AnjuHomePage *self,
                    GStrv         pages)
{
  g_strfreev (self->shortcuts);
  self->shortcuts = g_strdupv (pages);
  show_shortcuts (self);
  anju_page_toast (GTK_WIDGET (self), _("Saved your shortcuts"));
}

static void
edit_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AnjuHomePage *self = ANJU_HOME_PAGE (widget);
  GtkWidget *dialog = anju_shortcuts_dialog_new (self->client, (const char * const *) self->shortcuts);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (shortcuts_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overview: tiles, business handling, latest news and notices */

static GtkWidget *
tile_new (const Tile *tile)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *value = gtk_label_new ("—");
  GtkWidget *caption = gtk_label_new (_(tile->caption));

  gtk_widget_add_css_class (value, "title-1");
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "anju-tile");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-page");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", tile->page);
  g_object_set_data (G_OBJECT (button), "anju-value", value);
  return button;
}

/* text NULL hides the tile (the caller may not see that number). */
static void
set_tile (AnjuHomePage *self,
          guint         index,
          const char   *text)
{
  GtkWidget *button = self->tile_buttons[index];
  GtkWidget *value = g_object_get_data (G_OBJECT (button), "anju-value");
  g_autofree char *accessible = NULL;

  /* The flow box wraps each tile in a child of its own: hide that. */
  gtk_widget_set_visible (gtk_widget_get_parent (button), text != NULL);
  if (text == NULL)
    return;

  gtk_label_set_text (GTK_LABEL (value), text);
  /* Translators: %1$s names a number ("Open tasks"), %2$s is the number */
  accessible = g_strdup_printf (_("%1$s: %2$s"), _(tiles[index].caption), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
show_tiles (AnjuHomePage *self,
            JsonObject   *values)
{
  for (guint i = 0; i < G_N_ELEMENTS (tiles); i++)
    {
      JsonNode *node = values != NULL ? json_object_get_member (values, tiles[i].member) : NULL;
      g_autofree char *text = NULL;

      if (values == NULL)
        text = g_strdup ("—");
      else if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
        text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      set_tile (self, i, text);

      /* Overdue tasks are a warning; none is nothing to warn about. */
      if (g_str_equal (tiles[i].member, "overdue_tasks") && anju_json_get_int (values, "overdue_tasks", 0) > 0)
        gtk_widget_add_css_class (self->tile_buttons[i], "anju-overdue");
      else
        gtk_widget_remove_css_class (self->tile_buttons[i], "anju-overdue");
    }
}

static void
show_business (AnjuHomePage *self,
               JsonArray    *business)
{
  guint n_rows = business != NULL ? json_array_get_length (business) : 0;

  clear_list (self->business_list);
  for (guint i = 0; i < n_rows; i++)
    {
      JsonNode *node = json_array_get_element (business, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      gint64 overdue = anju_json_get_int (item, "overdue", 0);
      g_autofree char *numbers = NULL;
      GtkWidget *row;

      if (item == NULL)
        continue;
      /* Translators: %1$d processes running, %2$d completed in the last 30 days, %3$d overdue */
      numbers = g_strdup_printf (_("In progress: %1$d · Completed in the last 30 days: %2$d · Overdue: %3$d"),
                                 (int) anju_json_get_int (item, "running", 0),
                                 (int) anju_json_get_int (item, "completed_30d", 0),
                                 (int) overdue);
      row = text_row_new (anju_json_get_string (item, "name"), numbers);
      if (overdue > 0)
        gtk_widget_add_css_class (row, "anju-overdue");
      gtk_list_box_append (self->business_list, row);
    }
  gtk_widget_set_visible (self->business_group, n_rows > 0);
}

static void
show_latest (AnjuHomePage *self,
             JsonArray    *latest)
{
  guint n_rows = latest != NULL ? json_array_get_length (latest) : 0;

  clear_list (self->latest_list);
  for (guint i = 0; i < n_rows; i++)
    {
      JsonNode *node = json_array_get_element (latest, i);
      JsonObject *article = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      gboolean notice = g_strcmp0 (anju_json_get_string (article, "kind"), "notice") == 0;
      g_autofree char *published = anju_display_time (anju_json_get_string (article, "published_at"));
      g_autofree char *subtitle = NULL;

      if (article == NULL)
        continue;
      /* Translators: %1$s is "News" or "Notice", %2$s when it was published */
      subtitle = g_strdup_printf (_("%1$s · %2$s"), notice ? _("Notice") : _("News"),
                                  published != NULL ? published : "—");
      gtk_list_box_append (self->latest_list,
                           link_row_new (anju_json_get_string (article, "title"), subtitle, "win.show-page",
                                         g_variant_new_string (notice ? "notices" : "news")));
    }
  gtk_widget_set_visible (self->latest_group, n_rows > 0);
}

static void
overview_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AnjuHomePage) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *overview;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      /* A server without the overview answers 404: the numbers are
       * simply not there.  Anything else is worth a word. */
      if (error != NULL && !g_error_matches (error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND))
        anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not load the overview"), error);
      show_tiles (self, NULL);
      show_business (self, NULL);
      show_latest (self, NULL);
      return;
    }

  overview = json_node_get_object (answer);
  show_tiles (self, anju_json_get_object (overview, "tiles"));
  show_business (self, anju_json_get_array (overview, "business"));
  show_latest (self, anju_json_get_array (overview, "latest"));
}

/* To-do summary */

static GtkWidget *
todo_row_new (JsonObject *item)
{
  const char *domain = anju_json_get_string (item, "domain");
  const char *type = anju_json_get_string (item, "type_name");
  g_autofree char *due = anju_display_time (anju_json_get_string (item, "due_at"));
  g_autofree char *subtitle = NULL;
  GVariant *target;
  GtkWidget *row;

  if (due != NULL)
    /* Translators: %1$s is a type of business, %2$s a step, %3$s a due date */
    subtitle = g_strdup_printf (_("%1$s · %2$s · due %3$s"), type, anju_json_get_string (item, "step_name"), due);
  else
    /* Translators: %1$s is a type of business, %2$s a step */
    subtitle = g_strdup_printf (_("%1$s · %2$s"), type, anju_json_get_string (item, "step_name"));

  target = g_variant_new ("(sxx)", domain != NULL ? domain : "",
                          anju_json_get_int (item, "record_id", 0),
                          anju_json_get_int (item, "instance_id", 0));
  row = link_row_new (anju_json_get_string (item, "record_label"), subtitle, "win.open-record", target);

  if (anju_json_get_boolean (item, "overdue", FALSE))
    {
      GtkWidget *badge = gtk_label_new (_("Overdue"));

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "anju-overdue-badge");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      gtk_widget_add_css_class (row, "anju-overdue");
    }
  return row;
}

static void
show_todo_message (AnjuHomePage *self,
                   const char   *message)
{
  clear_list (self->todo_list);
  gtk_list_box_append (self->todo_list, text_row_new (message, NULL));
}

static void
todo_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(AnjuHomePage) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  JsonArray *items;
  gint64 total;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      g_autofree char *reason = error != NULL ? anju_error_message_for (error, NULL) : NULL;
      g_autofree char *message = NULL;

      /* Translators: %1$s says why */
      message = g_strdup_printf (_("Your tasks could not be loaded: %1$s"),
                                 reason != NULL ? reason : _("The server’s answer is not a list"));
      show_todo_message (self, message);
      return;
    }

  items = anju_json_get_array (json_node_get_object (answer), "items");
  total = anju_json_get_int (json_node_get_object (answer), "total", 0);
  /* Translators: %1$d open tasks wait for the user */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$d open task", "%1$d open tasks", total),
                                 (int) total);
  adw_preferences_group_set_description (self->todo_group, description);

  clear_list (self->todo_list);
  for (guint i = 0; items != NULL && i < json_array_get_length (items) && i < TODO_SUMMARY_SIZE; i++)
    {
      JsonNode *node = json_array_get_element (items, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        gtk_list_box_append (self->todo_list, todo_row_new (json_node_get_object (node)));
    }
  if (gtk_widget_get_first_child (GTK_WIDGET (self->todo_list)) == NULL)
    show_todo_message (self, _("Nothing to do: no task waits for you."));
}

/* GObject */

static void
anju_home_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (anju_home_page_parent_class)->map (widget);

  /* The workbench is about now: every visit shows fresh numbers. */
  anju_home_page_reload (ANJU_HOME_PAGE (widget));
}

static void
anju_home_page_constructed (GObject *object)
{
  AnjuHomePage *self = ANJU_HOME_PAGE (object);

  G_OBJECT_CLASS (anju_home_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  greet (self);
  g_signal_connect_object (self->client, "notify::user", G_CALLBACK (greet), self, G_CONNECT_SWAPPED);
}

static void
anju_home_page_dispose (GObject *object)
{
  AnjuHomePage *self = ANJU_HOME_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_HOME_PAGE);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (anju_home_page_parent_class)->dispose (object);
}

static void
anju_home_page_finalize (GObject *object)
{
  AnjuHomePage *self = ANJU_HOME_PAGE (object);

  g_clear_object (&self->client);
  g_clear_pointer (&self->shortcuts, g_strfreev);

  G_OBJECT_CLASS (anju_home_page_parent_class)->finalize (object);
}

static void
anju_home_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AnjuHomePage *self = ANJU_HOME_PAGE (object);

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
anju_home_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AnjuHomePage *self = ANJU_HOME_PAGE (object);

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
anju_home_page_class_init (AnjuHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_home_page_constructed;
  object_class->dispose = anju_home_page_dispose;
  object_class->finalize = anju_home_page_finalize;
  object_class->get_property = anju_home_page_get_property;
  object_class->set_property = anju_home_page_set_property;

  widget_class->map = anju_home_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/anju-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuHomePage, welcome_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuHomePage, organisation_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuHomePage, shortcuts_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuHomePage, shortcuts_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuHomePage, tiles_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuHomePage, todo_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuHomePage, todo_list);
  gtk_widget_class_bind_template_child (widget_class, AnjuHomePage, business_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuHomePage, business_list);
  gtk_widget_class_bind_template_child (widget_class, AnjuHomePage, latest_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuHomePage, latest_list);

  gtk_widget_class_install_action (widget_class, "home.edit-shortcuts", NULL, edit_shortcuts_action);
}

static void
anju_home_page_init (AnjuHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (tiles); i++)
    {
      self->tile_buttons[i] = tile_new (&tiles[i]);
      gtk_flow_box_append (self->tiles_box, self->tile_buttons[i]);
    }

  /* Editing starts from the list the server has: wait for it. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "home.edit-shortcuts", FALSE);
}

GtkWidget *
anju_home_page_new (AnjuApiClient *client)
{
  return g_object_new (ANJU_TYPE_HOME_PAGE, "client", client, NULL);
}

void
anju_home_page_reload (AnjuHomePage *self)
{
  g_autofree char *todo_path = NULL;

  g_return_if_fail (ANJU_IS_HOME_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  todo_path = g_strdup_printf ("/api/v1/todo?sort=due&page_size=%d", TODO_SUMMARY_SIZE);
  anju_api_client_request_async (self->client, "GET", "/api/v1/portal/overview", NULL,
                                 self->cancellable, overview_cb, g_object_ref (self));
  anju_api_client_request_async (self->client, "GET", todo_path, NULL,
                                 self->cancellable, todo_cb, g_object_ref (self));
  anju_api_client_request_async (self->client, "GET", "/api/v1/me/shortcuts", NULL,
                                 self->cancellable, shortcuts_cb, g_object_ref (self));
}

/* Private API for tests (anju-desktop-private.h) */

const char *
_anju_home_page_get_tile (AnjuHomePage *self,
                          const char   *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (tiles); i++)
    {
      GtkWidget *button = self->tile_buttons[i];

      if (g_str_equal (tiles[i].member, member) && gtk_widget_get_visible (gtk_widget_get_parent (button)))
        return gtk_label_get_text (g_object_get_data (G_OBJECT (button), "anju-value"));
    }

  return NULL;
}

GStrv
_anju_home_page_get_shortcuts (AnjuHomePage *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->shortcuts_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));

      g_strv_builder_add (names, g_variant_get_string (target, NULL));
    }

  return g_strv_builder_end (names);
}
