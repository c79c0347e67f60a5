/* anju-honor-roll-page.c: the honor roll's sections (F-TERM-014).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-honor-entry-dialog.h"
#include "anju-honor-roll-page.h"
#include "anju-page-confirm.h"
#include "anju-page-feedback.h"
#include "anju-page-request.h"
#include "anju-record-column.h"
#include "anju-terminal-content-labels.h"

#define HONOR_ROLL_PATH "/api/v1/honor-roll"

struct _AnjuHonorRollPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkDropDown         *category_filter;
  GtkSpinner          *spinner;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  AdwStatusPage       *error_page;

  /* Borrowed: columns of column_view */
  GtkColumnViewColumn *subtitle_column;
  GtkColumnViewColumn *community_column;

  /* Owned */
  AnjuApiClient       *client;
  GListStore          *entries;       /* of AnjuRecord, by rank */
  GtkSingleSelection  *selection;     /* over entries */
  GCancellable        *cancellable;   /* the page's changes */
  GCancellable        *load;          /* (nullable) the list being fetched */
  gint64               select_after_load;
  guint                n_changes;     /* changes on their way */
  guint                loaded : 1;
};

G_DEFINE_FINAL_TYPE (AnjuHonorRollPage, anju_honor_roll_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AnjuRecord *
get_selected (AnjuHonorRollPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

static void
actions_update (AnjuHonorRollPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  gboolean idle = self->load == NULL && self->n_changes == 0;
  gboolean selected = get_selected (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "honor.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "honor.delete", selected && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "honor.move-up", selected && idle && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "honor.move-down", selected && idle && position + 1 < n_items);
  gtk_spinner_set_spinning (self->spinner, !idle);
}

/* Loading */

static int
compare_rank (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  gint64 rank_a = anju_record_get_int (ANJU_RECORD ((gpointer) a), "rank", 0);
  gint64 rank_b = anju_record_get_int (ANJU_RECORD ((gpointer) b), "rank", 0);

  return (rank_a > rank_b) - (rank_a < rank_b);
}

static void
select_id (AnjuHonorRollPage *self,
           gint64             id)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnjuRecord) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (anju_record_get_id (entry) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
fill_entries (AnjuHonorRollPage *self,
              JsonArray         *items)
{
  guint n_items = items != NULL ? json_array_get_length (items) : 0;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_items; i++)
    {
      JsonNode *node = json_array_get_element (items, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        g_ptr_array_add (records, anju_record_new (json_node_get_object (node)));
    }

  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       records->pdata, records->len);
  g_list_store_sort (self->entries, compare_rank, NULL);
}

static void
entries_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AnjuHonorRollPage) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->load);
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      g_list_store_remove_all (self->entries);
      if (error == NULL)
        g_set_error_literal (&error, ANJU_ERROR, ANJU_ERROR_MALFORMED,
                             _("The server sent an answer this program does not understand."));
      anju_page_show_load_error (self->stack, self->error_page, self->client, error);
      actions_update (self);
      return;
    }

  fill_entries (self, anju_json_get_array (json_node_get_object (answer), "items"));
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->entries)) > 0 ? "table" : "empty");
  select_id (self, self->select_after_load);
  actions_update (self);
}

static void
load_entries (AnjuHonorRollPage *self)
{
  g_autofree char *path = NULL;

  g_cancellable_cancel (self->load);
  g_clear_object (&self->load);

  self->loaded = TRUE;
  self->load = g_cancellable_new ();
  path = g_strdup_printf (HONOR_ROLL_PATH "?category=%s", anju_honor_roll_page_get_category (self));
  anju_api_client_request_async (self->client, "GET", path, NULL, self->load,
                                 entries_loaded_cb, g_object_ref (self));
  actions_update (self);
}

static void
reload_selecting (AnjuHonorRollPage *self,
                  gint64             id)
{
  self->select_after_load = id;
  load_entries (self);
}

/* A column's title says what the subtitle holds in this section; only
 * staff have an estate. */
static void
update_columns (AnjuHonorRollPage *self)
{
  const char *category = anju_honor_roll_page_get_category (self);

  gtk_column_view_column_set_title (self->subtitle_column, anju_honor_category_subtitle_title (category));
  gtk_column_view_column_set_visible (self->community_column, anju_honor_category_has_community (category));
}

static void
category_changed_cb (AnjuHonorRollPage *self)
{
  update_columns (self);
  g_list_store_remove_all (self->entries);
  reload_selecting (self, 0);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_honor_roll_page_reload (ANJU_HONOR_ROLL_PAGE (widget));
}

/* Adding and editing */

static void
dialog_saved_cb (AnjuHonorRollPage *self,
                 AnjuRecord        *record)
{
  g_autofree char *message = NULL;

  /* Translators: %1$s names an entry of the honor roll */
  message = g_strdup_printf (_("Saved “%1$s”"), anju_record_get_string (record, "name"));
  anju_page_toast (GTK_WIDGET (self), message);
  /* The entry may have moved to another section: show that one. */
  anju_honor_roll_page_set_category (self, anju_record_get_string (record, "category"));
  reload_selecting (self, anju_record_get_id (record));
}

static void
present_dialog (AnjuHonorRollPage *self,
                AnjuRecord        *entry)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  g_autoptr(AnjuRecord) last = n_items > 0 ? g_list_model_get_item (G_LIST_MODEL (self->entries), n_items - 1) : NULL;
  int next_rank = last != NULL ? (int) anju_record_get_int (last, "rank", 0) + 1 : 1;
  GtkWidget *dialog;

  dialog = anju_honor_entry_dialog_new (self->client, entry, anju_honor_roll_page_get_category (self), next_rank);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  present_dialog (ANJU_HONOR_ROLL_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuHonorRollPage *self = ANJU_HONOR_ROLL_PAGE (widget);
  AnjuRecord *selected = get_selected (self);

  if (selected != NULL)
    present_dialog (self, selected);
}

static void
row_activated_cb (AnjuHonorRollPage *self,
                  guint              position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "honor.edit", NULL);
}

/* Deleting */

static void
deleted_cb (GtkWidget *page,
            JsonNode  *answer)
{
  reload_selecting (ANJU_HONOR_ROLL_PAGE (page), 0);
}

static void
delete_confirmed_cb (GtkWidget  *page,
                     AnjuRecord *entry)
{
  AnjuHonorRollPage *self = ANJU_HONOR_ROLL_PAGE (page);
  g_autofree char *path = NULL;
  g_autofree char *success = NULL;

  path = g_strdup_printf (HONOR_ROLL_PATH "/%" G_GINT64_FORMAT, anju_record_get_id (entry));
  /* Translators: %1$s names an entry of the honor roll */
  success = g_strdup_printf (_("Deleted “%1$s” from the honor roll"), anju_record_get_string (entry, "name"));
  anju_page_request (page, self->client, "DELETE", path, NULL, self->cancellable,
                     success, _("Could not delete the entry"), deleted_cb);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuRecord *selected = get_selected (ANJU_HONOR_ROLL_PAGE (widget));
  g_autofree char *heading = NULL;

  if (selected == NULL)
    return;

  /* Translators: %1$s names an entry of the honor roll */
  heading = g_strdup_printf (_("Delete “%1$s” from the Honor Roll?"), anju_record_get_string (selected, "name"));
  anju_page_confirm (widget, selected, heading,
                     _("The service terminals stop showing it. The entries below keep their ranks."),
                     "delete", _("_Delete"), delete_confirmed_cb);
}

/* Moving: the entry trades ranks with its neighbour, one PATCH each. */

typedef struct
{
  AnjuHonorRollPage *self;       /* (owned) */
  gint64             moved_id;
  gint64             other_id;
  gint64             moved_rank;  /* the rank it takes */
  gint64             other_rank;  /* the rank its neighbour takes */
} Move;

static void
move_free (Move *move)
{
  g_clear_object (&move->self);
  g_free (move);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Move, move_free)

static JsonNode *
rank_body (gint64 rank)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rank");
  json_builder_add_int_value (builder, rank);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
patch_rank (Move                *move,
            gint64               id,
            gint64               rank,
            GAsyncReadyCallback  callback)
{
  g_autofree char *path = g_strdup_printf (HONOR_ROLL_PATH "/%" G_GINT64_FORMAT, id);
  g_autoptr(JsonNode) body = rank_body (rank);

  anju_api_client_request_async (move->self->client, "PATCH", path, body, move->self->cancellable,
                                 callback, move);
}

static void
move_done (Move         *move,
           const GError *error)
{
  AnjuHonorRollPage *self = move->self;

  self->n_changes--;
  if (error != NULL)
    anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not change the rank"), error);
  reload_selecting (self, move->moved_id);
}

static void
moved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Move) move = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  move_done (move, error);
}

static void
other_moved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Move) move = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 moved_id = move->moved_id;
  gint64 moved_rank = move->moved_rank;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      move_done (move, error);
      return;
    }

  patch_rank (g_steal_pointer (&move), moved_id, moved_rank, moved_cb);
}

static void
move_by (AnjuHonorRollPage *self,
         int                delta)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  g_autoptr(AnjuRecord) moved = NULL;
  g_autoptr(AnjuRecord) other = NULL;
  Move *move;

  if (position == GTK_INVALID_LIST_POSITION
      || (delta < 0 && position == 0)
      || (delta > 0 && position + 1 >= n_items))
    return;

  moved = g_list_model_get_item (G_LIST_MODEL (self->entries), position);
  other = g_list_model_get_item (G_LIST_MODEL (self->entries), position + delta);

  move = g_new0 (Move, 1);
  move->self = g_object_ref (self);
  move->moved_id = anju_record_get_id (moved);
  move->other_id = anju_record_get_id (other);
  move->moved_rank = anju_record_get_int (other, "rank", 0);
  move->other_rank = anju_record_get_int (moved, "rank", 0);

  self->n_changes++;
  actions_update (self);
  patch_rank (move, move->other_id, move->other_rank, other_moved_cb);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_by (ANJU_HONOR_ROLL_PAGE (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_by (ANJU_HONOR_ROLL_PAGE (widget), 1);
}

/* Columns */

static char *
rank_text (AnjuRecord *record)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, anju_record_get_int (record, "rank", 0));
}

static GtkColumnViewColumn *
append_column (AnjuHonorRollPage   *self,
               GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  return column;
}

static void
setup_columns (AnjuHonorRollPage *self)
{
  append_column (self, anju_record_column_new_with_func (_("Rank"), rank_text, ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new (_("Name"), "name", ANJU_RECORD_COLUMN_EXPAND));
  self->subtitle_column = append_column (self, anju_record_column_new ("", "subtitle", ANJU_RECORD_COLUMN_DEFAULT));
  self->community_column = append_column (self, anju_record_column_new (_("Estate served"), "community",
                                                                        ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (_("Rating"), "rating", ANJU_RECORD_COLUMN_DEFAULT));
}

static void
fill_category_filter (AnjuHonorRollPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *codes = anju_honor_category_codes ();

  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (labels, anju_honor_category_label (codes[i]));
  gtk_drop_down_set_model (self->category_filter, G_LIST_MODEL (labels));
}

static void
anju_honor_roll_page_map (GtkWidget *widget)
{
  AnjuHonorRollPage *self = ANJU_HONOR_ROLL_PAGE (widget);

  GTK_WIDGET_CLASS (anju_honor_roll_page_parent_class)->map (widget);

  if (!self->loaded)
    anju_honor_roll_page_reload (self);
}

static void
anju_honor_roll_page_dispose (GObject *object)
{
  AnjuHonorRollPage *self = ANJU_HONOR_ROLL_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_HONOR_ROLL_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->entries);

  G_OBJECT_CLASS (anju_honor_roll_page_parent_class)->dispose (object);
}

static void
anju_honor_roll_page_finalize (GObject *object)
{
  AnjuHonorRollPage *self = ANJU_HONOR_ROLL_PAGE (object);

  g_clear_object (&self->load);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_honor_roll_page_parent_class)->finalize (object);
}

static void
anju_honor_roll_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AnjuHonorRollPage *self = ANJU_HONOR_ROLL_PAGE (object);

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
anju_honor_roll_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AnjuHonorRollPage *self = ANJU_HONOR_ROLL_PAGE (object);

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
anju_honor_roll_page_class_init (AnjuHonorRollPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_honor_roll_page_dispose;
  object_class->finalize = anju_honor_roll_page_finalize;
  object_class->get_property = anju_honor_roll_page_get_property;
  object_class->set_property = anju_honor_roll_page_set_property;

  widget_class->map = anju_honor_roll_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-honor-roll-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorRollPage, category_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorRollPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorRollPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorRollPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuHonorRollPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, category_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "honor.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "honor.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "honor.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "honor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "honor.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "honor.move-down", NULL, move_down_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "honor.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "honor.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "honor.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "honor.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "honor.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "honor.delete", NULL);
}

static void
anju_honor_roll_page_init (AnjuHonorRollPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->entries = g_list_store_new (ANJU_TYPE_RECORD);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  setup_columns (self);
  /* Filled before the handler may run: the first load is the map's. */
  g_signal_handlers_block_by_func (self->category_filter, category_changed_cb, self);
  fill_category_filter (self);
  g_signal_handlers_unblock_by_func (self->category_filter, category_changed_cb, self);
  update_columns (self);
  actions_update (self);
}

GtkWidget *
anju_honor_roll_page_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_HONOR_ROLL_PAGE, "client", client, NULL);
}

void
anju_honor_roll_page_reload (AnjuHonorRollPage *self)
{
  AnjuRecord *selected;

  g_return_if_fail (ANJU_IS_HONOR_ROLL_PAGE (self));

  selected = get_selected (self);
  reload_selecting (self, selected != NULL ? anju_record_get_id (selected) : 0);
}

const char *
anju_honor_roll_page_get_category (AnjuHonorRollPage *self)
{
  const char * const *codes = anju_honor_category_codes ();
  guint position;

  g_return_val_if_fail (ANJU_IS_HONOR_ROLL_PAGE (self), NULL);

  position = gtk_drop_down_get_selected (self->category_filter);
  return position < g_strv_length ((char **) codes) ? codes[position] : codes[0];
}

void
anju_honor_roll_page_set_category (AnjuHonorRollPage *self,
                                   const char        *category)
{
  const char * const *codes = anju_honor_category_codes ();

  g_return_if_fail (ANJU_IS_HONOR_ROLL_PAGE (self));

  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], category) == 0)
      gtk_drop_down_set_selected (self->category_filter, i);
}

gboolean
anju_honor_roll_page_is_busy (AnjuHonorRollPage *self)
{
  g_return_val_if_fail (ANJU_IS_HONOR_ROLL_PAGE (self), FALSE);

  return self->load != NULL || self->n_changes > 0;
}
