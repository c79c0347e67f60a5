#include "config.h"

#include <glib/gi18n.h>

#include "anju-load-all.h"
#include "anju-page-confirm.h"
#include "anju-page-feedback.h"
#include "anju-page-request.h"
#include "anju-paged-model.h"
#include "anju-permission-matrix.h"
#include "anju-permissions.h"
#include "anju-role-dialog.h"
#include "anju-roles-page.h"

struct _AnjuRolesPage
{
  AdwBin                parent_instance;

  /* Template widgets */
  GtkStack             *list_stack;
  GtkListView          *role_list;
  AdwStatusPage        *error_page;
  GtkStack             *detail_stack;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  AnjuPermissionMatrix *matrix;

  /* Owned */
  AnjuApiClient        *client;        /* (owned) */
  AnjuPagedModel       *roles;         /* (owned) every role */
  GtkSingleSelection   *selection;     /* (owned) over roles */
  AnjuRecord           *shown;         /* (owned) (nullable) the role in the matrix */
  GCancellable         *cancellable;   /* (owned) the loads and actions of this page */
  gint64                select_after_load;
  guint                 loaded : 1;
  guint                 dirty : 1;     /* the matrix differs from shown */
  guint                 reverting_selection : 1;
};

G_DEFINE_FINAL_TYPE (AnjuRolesPage, anju_roles_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_role (AnjuRolesPage *self, AnjuRecord *role);

static gboolean
is_system (AnjuRecord *role)
{
  return anju_record_get_boolean (role, "system", FALSE);
}

/* The role's permissions as a NULL-terminated array. */
static char **
role_permissions (AnjuRecord *role)
{
  JsonArray *array = anju_record_get_member_array (role, "permissions");
  guint n_items = array != NULL ? json_array_get_length (array) : 0;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < n_items; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }

  return g_strv_builder_end (builder);
}

static gboolean
same_set (const char * const *a,
          const char * const *b)
{
  if (g_strv_length ((char **) a) != g_strv_length ((char **) b))
    return FALSE;

  for (guint i = 0; a[i] != NULL; i++)
    {
      if (!g_strv_contains (b, a[i]))
        return FALSE;
    }

  return TRUE;
}

static AnjuRecord *
get_selected (AnjuRolesPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

static gboolean
can_change (AnjuRolesPage *self,
            AnjuRecord    *role)
{
  return role != NULL
         && !is_system (role)
         && anju_api_client_has_permission (self->client, ANJU_PERM_ROLE_WRITE);
}

static void
actions_update (AnjuRolesPage *self)
{
  gboolean changeable = can_change (self, self->shown);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roles.create",
                                 anju_api_client_has_permission (self->client, ANJU_PERM_ROLE_WRITE));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roles.rename", changeable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roles.delete", changeable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roles.save", changeable && self->dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roles.revert", changeable && self->dirty);
}

/* The permissions the signed-in user may put into a role: the server
 * refuses to grant more than the granter holds. */
static char **
grantable_permissions (AnjuRolesPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const AnjuPermission *permissions;
  guint n_permissions;

  permissions = anju_permissions_all (&n_permissions);
  for (guint i = 0; i < n_permissions; i++)
    {
      if (anju_api_client_has_permission (self->client, permissions[i].id))
        g_strv_builder_add (builder, permissions[i].id);
    }

  return g_strv_builder_end (builder);
}

static void
show_role (AnjuRolesPage *self,
           AnjuRecord    *role)
{
  g_auto(GStrv) granted = NULL;
  g_auto(GStrv) grantable = NULL;
  const char *description;

  g_set_object (&self->shown, role);
  self->dirty = FALSE;

  if (role == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      actions_update (self);
      return;
    }

  description = anju_record_get_string (role, "description");
  gtk_label_set_text (self->title_label, anju_record_get_string (role, "name"));
  if (is_system (role))
    gtk_label_set_text (self->subtitle_label, _("A system role: its permissions are fixed."));
  else
    gtk_label_set_text (self->subtitle_label, description != NULL ? description : "");

  granted = role_permissions (role);
  anju_permission_matrix_set_granted (self->matrix, (const char * const *) granted);
  if (can_change (self, role))
    grantable = grantable_permissions (self);
  anju_permission_matrix_set_editable (self->matrix, (const char * const *) grantable);

  gtk_stack_set_visible_child_name (self->detail_stack, "role");
  actions_update (self);
}

static void
select_id (AnjuRolesPage *self,
           gint64         id)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->roles));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnjuRecord) role = g_list_model_get_item (G_LIST_MODEL (self->roles), i);

      if (anju_record_get_id (role) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
discard_confirmed_cb (GtkWidget  *page,
                      AnjuRecord *wanted)
{
  AnjuRolesPage *self = ANJU_ROLES_PAGE (page);

  if (self->shown == NULL)
    return;

  self->dirty = FALSE;
  select_id (self, anju_record_get_id (wanted));
}

/* Moving to another role would throw the ticks away: put the selection
 * back and ask first. */
static void
ask_to_discard (AnjuRolesPage *self,
                AnjuRecord    *wanted)
{
  g_autofree char *heading = NULL;

  self->reverting_selection = TRUE;
  select_id (self, anju_record_get_id (self->shown));
  self->reverting_selection = FALSE;

  /* Translators: %1$s is the name of a role */
  heading = g_strdup_printf (_("Discard Changes to “%1$s”?"), anju_record_get_string (self->shown, "name"));
  anju_page_confirm (GTK_WIDGET (self), wanted, heading,
                     _("The permissions you changed have not been saved."),
                     "discard", _("_Discard"), discard_confirmed_cb);
}

static void
selection_changed_cb (AnjuRolesPage *self)
{
  AnjuRecord *selected = get_selected (self);

  if (self->reverting_selection || selected == self->shown)
    return;

  if (self->dirty && selected != NULL && self->shown != NULL)
    {
      ask_to_discard (self, selected);
      return;
    }

  show_role (self, selected);
}

static void
matrix_changed_cb (AnjuRolesPage *self)
{
  g_auto(GStrv) granted = anju_permission_matrix_get_granted (self->matrix);
  g_auto(GStrv) saved = NULL;

  if (self->shown == NULL)
    return;

  saved = role_permissions (self->shown);
  self->dirty = !same_set ((const char * const *) granted, (const char * const *) saved);
  actions_update (self);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(AnjuRolesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!anju_load_all_finish (ANJU_PAGED_MODEL (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      anju_page_show_load_error (self->list_stack, self->error_page, self->client, error);
      return;
    }

  gtk_stack_set_visible_child_name (self->list_stack, "list");
  if (self->select_after_load != 0)
    select_id (self, self->select_after_load);
  self->select_after_load = 0;

  /* Selecting the same position fires nothing, yet the record there is
   * a new one: show it. */
  show_role (self, get_selected (self));
}

static void
reload_selecting (AnjuRolesPage *self,
                  gint64         id)
{
  self->loaded = TRUE;
  self->select_after_load = id;
  self->dirty = FALSE;

  anju_paged_model_reset (self->roles);
  anju_load_all_async (self->roles, self->cancellable, load_cb, g_object_ref (self));
}

static void
request_done_cb (GtkWidget *widget,
                 JsonNode  *answer)
{
  reload_selecting (ANJU_ROLES_PAGE (widget), anju_page_answer_id (answer));
}

static void
dialog_saved_cb (AnjuRolesPage *self,
                 AnjuRecord    *record)
{
  g_autofree char *message = NULL;

  /* Translators: %1$s is the name of a role */
  message = g_strdup_printf (_("Saved role “%1$s”"), anju_record_get_string (record, "name"));
  anju_page_toast (GTK_WIDGET (self), message);
  reload_selecting (self, anju_record_get_id (record));
}

static void
present_dialog (AnjuRolesPage *self,
                AnjuRecord    *role)
{
  GtkWidget *dialog = anju_role_dialog_new (self->client, role);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  present_dialog (ANJU_ROLES_PAGE (widget), NULL);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuRolesPage *self = ANJU_ROLES_PAGE (widget);

  if (self->shown != NULL)
    present_dialog (self, self->shown);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuRolesPage *self = ANJU_ROLES_PAGE (widget);
  g_auto(GStrv) granted = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  g_autofree char *success = NULL;

  if (self->shown == NULL)
    return;

  granted = anju_permission_matrix_get_granted (self->matrix);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "permissions");
  json_builder_begin_array (builder);
  for (guint i = 0; granted[i] != NULL; i++)
    json_builder_add_string_value (builder, granted[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = g_strdup_printf ("/api/v1/roles/%" G_GINT64_FORMAT, anju_record_get_id (self->shown));
  /* Translators: %1$s is the name of a role */
  success = g_strdup_printf (_("Saved the permissions of “%1$s”"),
                             anju_record_get_string (self->shown, "name"));
  anju_page_request (widget, self->client, "PATCH", path, body, self->cancellable,
                     success, _("Could not save the permissions"), request_done_cb);
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuRolesPage *self = ANJU_ROLES_PAGE (widget);
  g_autoptr(AnjuRecord) shown = self->shown != NULL ? g_object_ref (self->shown) : NULL;

  show_role (self, shown);
}

static void
delete_confirmed_cb (GtkWidget  *page,
                     AnjuRecord *role)
{
  AnjuRolesPage *self = ANJU_ROLES_PAGE (page);
  g_autofree char *path = NULL;
  g_autofree char *success = NULL;

  path = g_strdup_printf ("/api/v1/roles/%" G_GINT64_FORMAT, anju_record_get_id (role));
  /* Translators: %1$s is the name of a role */
  success = g_strdup_printf (_("Deleted role “%1$s”"), anju_record_get_string (role, "name"));
  anju_page_request (page, self->client, "DELETE", path, NULL, self->cancellable,
                     success, _("Could not delete the role"), request_done_cb);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuRolesPage *self = ANJU_ROLES_PAGE (widget);
  g_autofree char *heading = NULL;

  if (self->shown == NULL)
    return;

  /* Translators: %1$s is the name of a role */
  heading = g_strdup_printf (_("Delete Role “%1$s”?"), anju_record_get_string (self->shown, "name"));
  anju_page_confirm (widget, self->shown, heading,
                     _("The server refuses while users still hold the role."),
                     "delete", _("_Delete"), delete_confirmed_cb);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_roles_page_reload (ANJU_ROLES_PAGE (widget));
}

static void
role_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (list_item, box);
}

static void
role_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  AnjuRecord *role = gtk_list_item_get_item (list_item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  guint n_users = (guint) CLAMP (anju_record_get_int (role, "user_count", 0), 0, G_MAXUINT);
  g_autofree char *users = NULL;
  g_autofree char *text = NULL;

  /* Translators: how many users hold a role */
  users = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u user", "%1$u users", n_users), n_users);
  if (is_system (role))
    /* Translators: %1$s is "3 users" */
    text = g_strdup_printf (_("System role · %1$s"), users);
  else
    text = g_steal_pointer (&users);

  gtk_label_set_text (GTK_LABEL (name), anju_record_get_string (role, "name"));
  gtk_label_set_text (GTK_LABEL (detail), text);
}

static void
anju_roles_page_map (GtkWidget *widget)
{
  AnjuRolesPage *self = ANJU_ROLES_PAGE (widget);

  GTK_WIDGET_CLASS (anju_roles_page_parent_class)->map (widget);

  if (!self->loaded)
    anju_roles_page_reload (self);
}

static void
anju_roles_page_constructed (GObject *object)
{
  AnjuRolesPage *self = ANJU_ROLES_PAGE (object);

  G_OBJECT_CLASS (anju_roles_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->roles = anju_paged_model_new (self->client, "/api/v1/roles", ANJU_LOAD_ALL_PAGE_SIZE);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->roles));
  actions_update (self);
}

static void
anju_roles_page_dispose (GObject *object)
{
  AnjuRolesPage *self = ANJU_ROLES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_ROLES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->roles);
  g_clear_object (&self->shown);

  G_OBJECT_CLASS (anju_roles_page_parent_class)->dispose (object);
}

static void
anju_roles_page_finalize (GObject *object)
{
  AnjuRolesPage *self = ANJU_ROLES_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_roles_page_parent_class)->finalize (object);
}

static void
anju_roles_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AnjuRolesPage *self = ANJU_ROLES_PAGE (object);

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
anju_roles_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AnjuRolesPage *self = ANJU_ROLES_PAGE (object);

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
anju_roles_page_class_init (AnjuRolesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_roles_page_constructed;
  object_class->dispose = anju_roles_page_dispose;
  object_class->finalize = anju_roles_page_finalize;
  object_class->get_property = anju_roles_page_get_property;
  object_class->set_property = anju_roles_page_set_property;

  widget_class->map = anju_roles_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ANJU_TYPE_PERMISSION_MATRIX);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-roles-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuRolesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuRolesPage, role_list);
  gtk_widget_class_bind_template_child (widget_class, AnjuRolesPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuRolesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuRolesPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuRolesPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuRolesPage, matrix);
  gtk_widget_class_bind_template_callback (widget_class, matrix_changed_cb);

  gtk_widget_class_install_action (widget_class, "roles.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "roles.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "roles.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "roles.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "roles.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "roles.revert", NULL, revert_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "roles.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "roles.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "roles.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "roles.create", NULL);
}

static void
anju_roles_page_init (AnjuRolesPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (role_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (role_bind_cb), NULL);
  gtk_list_view_set_factory (self->role_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->role_list, GTK_SELECTION_MODEL (self->selection));
}

GtkWidget *
anju_roles_page_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_ROLES_PAGE, "client", client, NULL);
}

void
anju_roles_page_reload (AnjuRolesPage *self)
{
  g_return_if_fail (ANJU_IS_ROLES_PAGE (self));

  reload_selecting (self, self->shown != NULL ? anju_record_get_id (self->shown) : 0);
}
