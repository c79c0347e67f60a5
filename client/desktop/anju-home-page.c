/* anju-home-page.c: welcome, organisation, roles, and the user's pages. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-home-page.h"
#include "anju-record.h"
#include "anju-window-pages.h"

struct _AnjuHomePage
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkLabel             *welcome_label;
  GtkLabel             *organisation_label;
  AdwPreferencesGroup  *roles_group;
  AdwPreferencesGroup  *work_group;

  /* Owned */
  AnjuApiClient        *client;
  GPtrArray            *rows;     /* rows added to the groups, to remove on refresh */
};

G_DEFINE_FINAL_TYPE (AnjuHomePage, anju_home_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  AdwPreferencesGroup *group;
  GtkWidget           *row;
} AddedRow;

static void
add_row (AnjuHomePage        *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  AddedRow *added = g_new (AddedRow, 1);

  added->group = group;
  added->row = row;
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, added);
}

static void
remove_rows (AnjuHomePage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      AddedRow *added = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (added->group, added->row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_role_rows (AnjuHomePage *self,
               JsonObject   *user)
{
  JsonArray *roles = anju_json_get_array (user, "roles");
  guint n = roles != NULL ? json_array_get_length (roles) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (roles, i);
      JsonObject *role = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *name = anju_json_get_string (role, "name");
      GtkWidget *row;

      if (name == NULL)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), anju_json_get_string (role, "code"));
      add_row (self, self->roles_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->roles_group), n > 0);
}

static void
add_work_rows (AnjuHomePage *self)
{
  const AnjuWindowPage *pages;
  guint n_pages;

  pages = anju_window_pages (&n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      const AnjuWindowPage *page = &pages[i];
      GtkWidget *row;

      if (g_str_equal (page->name, "home") ||
          (page->permission != NULL && !anju_api_client_has_permission (self->client, page->permission)))
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(page->title));
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), page->icon_name);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-page");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", page->name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      add_row (self, self->work_group, row);
    }
}

static void
refresh (AnjuHomePage *self)
{
  JsonObject *user = self->client != NULL ? anju_api_client_get_user (self->client) : NULL;
  const char *name = anju_json_get_string (user, "name");
  const char *organisation = anju_json_get_string (anju_json_get_object (user, "organisation"), "name");
  g_autofree char *welcome = NULL;

  remove_rows (self);
  if (user == NULL)
    return;

  /* Translators: %1$s is the signed-in person's name */
  welcome = g_strdup_printf (_("Welcome, %1$s"), name != NULL ? name : anju_json_get_string (user, "username"));
  gtk_label_set_label (self->welcome_label, welcome);
  gtk_label_set_label (self->organisation_label, organisation != NULL ? organisation : "");
  add_role_rows (self, user);
  add_work_rows (self);
}

static void
anju_home_page_dispose (GObject *object)
{
  AnjuHomePage *self = ANJU_HOME_PAGE (object);

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_HOME_PAGE);
  g_clear_object (&self->client);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (anju_home_page_parent_class)->dispose (object);
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
      if (self->client != NULL)
        g_signal_connect_swapped (self->client, "notify::user", G_CALLBACK (refresh), self);
      refresh (self);
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

  object_class->dispose = anju_home_page_dispose;
  object_class->get_property = anju_home_page_get_property;
  object_class->set_property = anju_home_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/anju-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuHomePage, welcome_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuHomePage, organisation_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuHomePage, roles_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuHomePage, work_group);
}

static void
anju_home_page_init (AnjuHomePage *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
anju_home_page_new (AnjuApiClient *client)
{
  return g_object_new (ANJU_TYPE_HOME_PAGE, "client", client, NULL);
}
