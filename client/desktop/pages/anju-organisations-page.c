#include "config.h"

#include <glib/gi18n.h>

#include "anju-load-all.h"
#include "anju-organisation-dialog.h"
#include "anju-organisation-kind.h"
#include "anju-organisations-page.h"
#include "anju-page-confirm.h"
#include "anju-page-feedback.h"
#include "anju-page-request.h"
#include "anju-paged-model.h"
#include "anju-permissions.h"
#include "anju-record-column.h"

struct _AnjuOrganisationsPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *error_page;

  /* Owned */
  AnjuApiClient      *client;       /* (owned) */
  AnjuPagedModel     *flat;         /* (owned) every organisation in scope, by path */
  GHashTable         *ids;          /* (owned) set of the ids (gint64*) in flat */
  GHashTable         *children;     /* (owned) parent id (gint64*) -> GListStore of AnjuRecord */
  GtkSingleSelection *selection;    /* (owned) over a GtkTreeListModel */
  GCancellable       *cancellable;  /* (owned) the load and actions of this page */
  gint64              select_after_load;
  guint               loaded : 1;
};

G_DEFINE_FINAL_TYPE (AnjuOrganisationsPage, anju_organisations_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static AnjuRecord *
get_selected (AnjuOrganisationsPage *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? anju_record_column_item_record (row) : NULL;
}

static gint64
parent_id_of (AnjuRecord *record)
{
  return anju_record_get_int (record, "parent_id", 0);
}

/* Organisations the selected one could be moved under: those of the kind
 * its parent must have, other than its present parent. */
static GPtrArray *
move_candidates (AnjuOrganisationsPage *self,
                 AnjuRecord            *record)
{
  const char *parent_kind = anju_organisation_kind_parent_kind (anju_record_get_string (record, "kind"));
  GPtrArray *candidates = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->flat));

  if (parent_kind == NULL)
    return candidates;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnjuRecord) other = g_list_model_get_item (G_LIST_MODEL (self->flat), i);

      if (g_strcmp0 (anju_record_get_string (other, "kind"), parent_kind) == 0
          && anju_record_get_id (other) != parent_id_of (record))
        g_ptr_array_add (candidates, g_steal_pointer (&other));
    }

  return candidates;
}

static gboolean
can_hold_any_kind (const char *parent_kind)
{
  const char * const *kinds = anju_organisation_kinds ();

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      if (anju_organisation_kind_can_hold (parent_kind, kinds[i]))
        return TRUE;
    }

  return FALSE;
}

static void
actions_update (AnjuOrganisationsPage *self)
{
  AnjuRecord *selected = get_selected (self);
  gboolean can_write = anju_api_client_has_permission (self->client, ANJU_PERM_ORG_WRITE);
  gboolean can_move = FALSE;

  if (can_write && selected != NULL)
    {
      g_autoptr(GPtrArray) candidates = move_candidates (self, selected);

      can_move = candidates->len > 0;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orgs.create-child",
                                 can_write && selected != NULL
                                 && can_hold_any_kind (anju_record_get_string (selected, "kind")));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orgs.edit", can_write && selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orgs.move", can_move);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "orgs.delete", can_write && selected != NULL);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  AnjuOrganisationsPage *self = user_data;
  gint64 id = anju_record_get_id (ANJU_RECORD (item));
  GListStore *store = g_hash_table_lookup (self->children, &id);

  return store != NULL ? g_object_ref (G_LIST_MODEL (store)) : NULL;
}

static void
select_id (AnjuOrganisationsPage *self,
           gint64                 id)
{
  GListModel *rows = gtk_single_selection_get_model (self->selection);
  guint n_rows = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);

      if (anju_record_get_id (anju_record_column_item_record (row)) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

/* The server gives a flat list ordered by path; the view wants a tree.
 * An organisation whose parent is outside the caller's scope becomes a
 * root, so a street's staff see their street at the top. */
static void
build_tree (AnjuOrganisationsPage *self)
{
  GListModel *flat = G_LIST_MODEL (self->flat);
  guint n_items = g_list_model_get_n_items (flat);
  GListStore *roots = g_list_store_new (ANJU_TYPE_RECORD);
  GtkTreeListModel *tree;

  g_hash_table_remove_all (self->ids);
  g_hash_table_remove_all (self->children);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnjuRecord) record = g_list_model_get_item (flat, i);

      g_hash_table_add (self->ids, id_key (anju_record_get_id (record)));
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnjuRecord) record = g_list_model_get_item (flat, i);
      gint64 parent_id = parent_id_of (record);
      GListStore *siblings;

      if (!g_hash_table_contains (self->ids, &parent_id))
        {
          g_list_store_append (roots, record);
          continue;
        }

      siblings = g_hash_table_lookup (self->children, &parent_id);
      if (siblings == NULL)
        {
          siblings = g_list_store_new (ANJU_TYPE_RECORD);
          g_hash_table_insert (self->children, id_key (parent_id), siblings);
        }
      g_list_store_append (siblings, record);
    }

  tree = gtk_tree_list_model_new (G_LIST_MODEL (roots), FALSE, TRUE,
                                  create_children_cb, self, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (tree));
  g_object_unref (tree);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(AnjuOrganisationsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!anju_load_all_finish (ANJU_PAGED_MODEL (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      anju_page_show_load_error (self->stack, self->error_page, self->client, error);
      return;
    }

  build_tree (self);
  if (self->select_after_load != 0)
    select_id (self, self->select_after_load);
  self->select_after_load = 0;

  gtk_stack_set_visible_child_name (self->stack, "tree");
  actions_update (self);
}

static void
reload_selecting (AnjuOrganisationsPage *self,
                  gint64                 id)
{
  self->loaded = TRUE;
  self->select_after_load = id;

  anju_paged_model_reset (self->flat);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  anju_load_all_async (self->flat, self->cancellable, load_cb, g_object_ref (self));
}

/* After an action: refresh, keeping the affected organisation selected. */
static void
request_done_cb (GtkWidget *widget,
                 JsonNode  *answer)
{
  reload_selecting (ANJU_ORGANISATIONS_PAGE (widget), anju_page_answer_id (answer));
}

static void
dialog_saved_cb (AnjuOrganisationsPage *self,
                 AnjuRecord            *record)
{
  g_autofree char *message = NULL;

  /* Translators: %1$s is the name of an organisation */
  message = g_strdup_printf (_("Saved “%1$s”"), anju_record_get_string (record, "name"));
  anju_page_toast (GTK_WIDGET (self), message);
  reload_selecting (self, anju_record_get_id (record));
}

static void
present_dialog (AnjuOrganisationsPage *self,
                GtkWidget             *dialog)
{
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_child_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AnjuOrganisationsPage *self = ANJU_ORGANISATIONS_PAGE (widget);
  AnjuRecord *selected = get_selected (self);

  if (selected != NULL)
    present_dialog (self, anju_organisation_dialog_new_child (self->client, selected));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuOrganisationsPage *self = ANJU_ORGANISATIONS_PAGE (widget);
  AnjuRecord *selected = get_selected (self);

  if (selected != NULL)
    present_dialog (self, anju_organisation_dialog_new_edit (self->client, selected));
}

static void
row_activated_cb (AnjuOrganisationsPage *self,
                  guint                  position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "orgs.edit", NULL);
}

typedef struct
{
  AnjuOrganisationsPage *self;        /* (owned) */
  AnjuRecord            *record;      /* (owned) the one to move */
  GPtrArray             *candidates;  /* (owned) of AnjuRecord, parallel to the drop-down */
  GtkDropDown           *drop_down;   /* (unowned) the dialog's extra child */
} MoveData;

static void
move_data_free (MoveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->record);
  g_clear_pointer (&data->candidates, g_ptr_array_unref);
  g_free (data);
}

static void
move_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  MoveData         *data)
{
  AnjuOrganisationsPage *self = data->self;
  guint position = gtk_drop_down_get_selected (data->drop_down);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  g_autofree char *success = NULL;
  AnjuRecord *parent;

  if (!g_str_equal (response, "move") || position >= data->candidates->len)
    return;

  parent = g_ptr_array_index (data->candidates, position);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "parent_id");
  json_builder_add_int_value (builder, anju_record_get_id (parent));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = g_strdup_printf ("/api/v1/organisations/%" G_GINT64_FORMAT "/move",
                          anju_record_get_id (data->record));
  /* Translators: %1$s is the organisation moved, %2$s its new parent */
  success = g_strdup_printf (_("Moved “%1$s” under “%2$s”"),
                             anju_record_get_string (data->record, "name"),
                             anju_record_get_string (parent, "name"));
  anju_page_request (GTK_WIDGET (self), self->client, "POST", path, body,
                     self->cancellable, success, _("Could not move the organisation"),
                     request_done_cb);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuOrganisationsPage *self = ANJU_ORGANISATIONS_PAGE (widget);
  AnjuRecord *selected = get_selected (self);
  g_autoptr(GtkStringList) names = NULL;
  GtkWidget *dialog;
  MoveData *data;

  if (selected == NULL)
    return;

  data = g_new0 (MoveData, 1);
  data->self = g_object_ref (self);
  data->record = g_object_ref (selected);
  data->candidates = move_candidates (self, selected);

  names = gtk_string_list_new (NULL);
  for (guint i = 0; i < data->candidates->len; i++)
    gtk_string_list_append (names, anju_record_get_string (g_ptr_array_index (data->candidates, i), "name"));
  data->drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New parent organisation"),
                                  -1);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                                   _("Choose the organisation to place it under."));
  /* Translators: %1$s is the name of an organisation */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Move “%1$s”"),
                                     anju_record_get_string (selected, "name"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (data->drop_down));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "move", _("_Move"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* The data lives as long as the dialog that shows its drop-down. */
  g_object_set_data_full (G_OBJECT (dialog), "anju-move-data", data, (GDestroyNotify) move_data_free);
  g_signal_connect (dialog, "response", G_CALLBACK (move_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_confirmed_cb (GtkWidget  *page,
                     AnjuRecord *record)
{
  AnjuOrganisationsPage *self = ANJU_ORGANISATIONS_PAGE (page);
  g_autofree char *path = NULL;
  g_autofree char *success = NULL;

  path = g_strdup_printf ("/api/v1/organisations/%" G_GINT64_FORMAT, anju_record_get_id (record));
  /* Translators: %1$s is the name of an organisation */
  success = g_strdup_printf (_("Deleted “%1$s”"), anju_record_get_string (record, "name"));
  anju_page_request (page, self->client, "DELETE", path, NULL,
                     self->cancellable, success, _("Could not delete the organisation"),
                     request_done_cb);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuRecord *selected = get_selected (ANJU_ORGANISATIONS_PAGE (widget));
  g_autofree char *heading = NULL;

  if (selected == NULL)
    return;

  /* Translators: %1$s is the name of an organisation */
  heading = g_strdup_printf (_("Delete “%1$s”?"), anju_record_get_string (selected, "name"));
  anju_page_confirm (widget, selected, heading,
                     _("The server refuses while the organisation still has "
                       "child organisations, users or records."),
                     "delete", _("_Delete"), delete_confirmed_cb);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_organisations_page_reload (ANJU_ORGANISATIONS_PAGE (widget));
}

static void
name_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (list_item, expander);
}

static void
name_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  AnjuRecord *record = anju_record_column_item_record (row);
  const char *name = anju_record_get_string (record, "name");

  gtk_tree_expander_set_list_row (expander, row);
  gtk_label_set_text (GTK_LABEL (gtk_tree_expander_get_child (expander)), name != NULL ? name : "");
}

static char *
kind_text (AnjuRecord *record)
{
  const char *kind = anju_record_get_string (record, "kind");

  return g_strdup (kind != NULL ? anju_organisation_kind_label (kind) : "");
}

static char *
user_count_text (AnjuRecord *record)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, anju_record_get_int (record, "user_count", 0));
}

static void
setup_columns (AnjuOrganisationsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (name_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (name_bind_cb), NULL);
  column = gtk_column_view_column_new (C_("organisation", "Name"), factory);
  gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);

  column = anju_record_column_new_with_func (_("Kind"), kind_text, ANJU_RECORD_COLUMN_DEFAULT);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);

  column = anju_record_column_new (_("Code"), "code", ANJU_RECORD_COLUMN_DEFAULT);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);

  column = anju_record_column_new_with_func (_("Users"), user_count_text, ANJU_RECORD_COLUMN_NUMERIC);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
anju_organisations_page_map (GtkWidget *widget)
{
  AnjuOrganisationsPage *self = ANJU_ORGANISATIONS_PAGE (widget);

  GTK_WIDGET_CLASS (anju_organisations_page_parent_class)->map (widget);

  if (!self->loaded)
    anju_organisations_page_reload (self);
}

static void
anju_organisations_page_constructed (GObject *object)
{
  AnjuOrganisationsPage *self = ANJU_ORGANISATIONS_PAGE (object);

  G_OBJECT_CLASS (anju_organisations_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->flat = anju_paged_model_new (self->client, "/api/v1/organisations", ANJU_LOAD_ALL_PAGE_SIZE);
  actions_update (self);
}

static void
anju_organisations_page_dispose (GObject *object)
{
  AnjuOrganisationsPage *self = ANJU_ORGANISATIONS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_ORGANISATIONS_PAGE);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_object (&self->flat);

  G_OBJECT_CLASS (anju_organisations_page_parent_class)->dispose (object);
}

static void
anju_organisations_page_finalize (GObject *object)
{
  AnjuOrganisationsPage *self = ANJU_ORGANISATIONS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_organisations_page_parent_class)->finalize (object);
}

static void
anju_organisations_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AnjuOrganisationsPage *self = ANJU_ORGANISATIONS_PAGE (object);

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
anju_organisations_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AnjuOrganisationsPage *self = ANJU_ORGANISATIONS_PAGE (object);

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
anju_organisations_page_class_init (AnjuOrganisationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_organisations_page_constructed;
  object_class->dispose = anju_organisations_page_dispose;
  object_class->finalize = anju_organisations_page_finalize;
  object_class->get_property = anju_organisations_page_get_property;
  object_class->set_property = anju_organisations_page_set_property;

  widget_class->map = anju_organisations_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-organisations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuOrganisationsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuOrganisationsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuOrganisationsPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "orgs.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "orgs.create-child", NULL, create_child_action);
  gtk_widget_class_install_action (widget_class, "orgs.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "orgs.move", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "orgs.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "orgs.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "orgs.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "orgs.delete", NULL);
}

static void
anju_organisations_page_init (AnjuOrganisationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->children = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  setup_columns (self);
}

GtkWidget *
anju_organisations_page_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_ORGANISATIONS_PAGE, "client", client, NULL);
}

void
anju_organisations_page_reload (AnjuOrganisationsPage *self)
{
  AnjuRecord *selected;

  g_return_if_fail (ANJU_IS_ORGANISATIONS_PAGE (self));

  selected = get_selected (self);
  reload_selecting (self, selected != NULL ? anju_record_get_id (selected) : 0);
}
