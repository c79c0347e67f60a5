/* anju-shortcuts-dialog.c: the editor of the workbench's shortcuts. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-error-message.h"
#include "anju-shortcuts-dialog-private.h"
#include "anju-window-pages.h"

#define CHECK_KEY "anju-check"
#define UP_KEY    "anju-up"
#define DOWN_KEY  "anju-down"

struct _AnjuShortcutsDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkButton           *save_button;
  GtkSpinner          *spinner;
  GtkLabel            *error_label;
  AdwPreferencesGroup *pages_group;
  GtkListBox          *pages_list;

  /* Owned */
  AnjuApiClient       *client;       /* (owned) */
  GStrv                initial;      /* (owned) (nullable) the list given */
  GPtrArray           *chosen;       /* (owned) page names (owned), in order */
  GHashTable          *rows;         /* (owned) page name (owned) → its row (owned) */
  GCancellable        *cancellable;  /* (owned) (nullable) the save on its way */
};

G_DEFINE_FINAL_TYPE (AnjuShortcutsDialog, anju_shortcuts_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_SHORTCUTS,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_chosen (AnjuShortcutsDialog *self,
           const char          *name,
           guint               *index)
{
  return name != NULL && g_ptr_array_find_with_equal_func (self->chosen, name, g_str_equal, index);
}

/* The chosen pages in their order, then the others in sidebar order. */
static GPtrArray *
display_order (AnjuShortcutsDialog *self)
{
  GPtrArray *order = g_ptr_array_new ();
  const AnjuWindowPage *pages;
  guint n_pages;

  for (guint i = 0; i < self->chosen->len; i++)
    g_ptr_array_add (order, g_ptr_array_index (self->chosen, i));

  pages = anju_window_pages (&n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      if (g_hash_table_contains (self->rows, pages[i].name) && !is_chosen (self, pages[i].name, NULL))
        g_ptr_array_add (order, (gpointer) pages[i].name);
    }

  return order;
}

static void
update_rows (AnjuShortcutsDialog *self)
{
  gboolean room = self->chosen->len < ANJU_SHORTCUTS_MAX;
  GHashTableIter iter;
  gpointer name;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &name, &row))
    {
      guint index = 0;
      gboolean chosen = is_chosen (self, name, &index);
      GtkWidget *check = g_object_get_data (row, CHECK_KEY);

      /* Ticking follows the choice; no "toggled" feedback loop, since
       * the value is already the one set. */
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen);
      gtk_widget_set_sensitive (check, chosen || room);
      gtk_widget_set_sensitive (g_object_get_data (row, UP_KEY), chosen && index > 0);
      gtk_widget_set_sensitive (g_object_get_data (row, DOWN_KEY), chosen && index + 1 < self->chosen->len);
      gtk_widget_set_tooltip_text (row, chosen || room ? NULL
                                   : _("You have as many shortcuts as the workbench holds."));
    }
}

/* Puts the rows in display order; the rows and the focus stay. */
static void
reorder_rows (AnjuShortcutsDialog *self)
{
  g_autoptr(GPtrArray) order = display_order (self);
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  if (focus != NULL)
    g_object_ref (focus);

  for (guint i = 0; i < order->len; i++)
    {
      GtkWidget *row = g_hash_table_lookup (self->rows, g_ptr_array_index (order, i));

      if (gtk_widget_get_parent (row) != NULL)
        gtk_list_box_remove (self->pages_list, row);
      gtk_list_box_append (self->pages_list, row);
    }

  update_rows (self);
  if (focus != NULL)
    {
      gtk_widget_grab_focus (focus);
      g_object_unref (focus);
    }
}

static const char *
row_page (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return row != NULL ? gtk_widget_get_name (row) : NULL;
}

static void
check_toggled_cb (GtkCheckButton      *check,
                  AnjuShortcutsDialog *self)
{
  const char *name = row_page (GTK_WIDGET (check));
  gboolean active = gtk_check_button_get_active (check);
  guint index;
  gboolean chosen = is_chosen (self, name, &index);

  if (active == chosen)
    return;

  if (active && self->chosen->len < ANJU_SHORTCUTS_MAX)
    g_ptr_array_add (self->chosen, g_strdup (name));
  else if (!active)
    g_ptr_array_remove_index (self->chosen, index);

  reorder_rows (self);
}

static void
move (AnjuShortcutsDialog *self,
      const char          *name,
      int                  delta)
{
  guint index;
  gpointer swap;

  if (!is_chosen (self, name, &index) || (int) index + delta < 0 || index + delta >= self->chosen->len)
    return;

  swap = self->chosen->pdata[index];
  self->chosen->pdata[index] = self->chosen->pdata[index + delta];
  self->chosen->pdata[index + delta] = swap;
  reorder_rows (self);
}

static void
up_clicked_cb (GtkButton           *button,
               AnjuShortcutsDialog *self)
{
  move (self, row_page (GTK_WIDGET (button)), -1);
}

static void
down_clicked_cb (GtkButton           *button,
                 AnjuShortcutsDialog *self)
{
  move (self, row_page (GTK_WIDGET (button)), 1);
}

static GtkWidget *
move_button_new (AnjuShortcutsDialog *self,
                 const char          *icon_name,
                 const char          *label,
                 GCallback            clicked)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (button, "clicked", clicked, self, 0);
  return button;
}

static GtkWidget *
page_row_new (AnjuShortcutsDialog  *self,
              const AnjuWindowPage *page)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *up_label = NULL;
  g_autofree char *down_label = NULL;
  GtkWidget *up;
  GtkWidget *down;

  /* Translators: %1$s is a page's name */
  up_label = g_strdup_printf (_("Move “%1$s” up"), _(page->title));
  /* Translators: %1$s is a page's name */
  down_label = g_strdup_printf (_("Move “%1$s” down"), _(page->title));
  up = move_button_new (self, "go-up-symbolic", up_label, G_CALLBACK (up_clicked_cb));
  down = move_button_new (self, "go-down-symbolic", down_label, G_CALLBACK (down_clicked_cb));

  gtk_widget_set_name (row, page->name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(page->title));
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), page->icon_name);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _(page->title), -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);

  g_object_set_data (G_OBJECT (row), CHECK_KEY, check);
  g_object_set_data (G_OBJECT (row), UP_KEY, up);
  g_object_set_data (G_OBJECT (row), DOWN_KEY, down);
  return row;
}

static void
add_rows (AnjuShortcutsDialog *self)
{
  const AnjuWindowPage *pages;
  guint n_pages;

  pages = anju_window_pages (&n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      if (anju_shortcut_is_usable (self->client, pages[i].name))
        g_hash_table_insert (self->rows, g_strdup (pages[i].name),
                             g_object_ref_sink (page_row_new (self, &pages[i])));
    }

  /* What the server had, less pages this user can no longer open. */
  for (guint i = 0; self->initial != NULL && self->initial[i] != NULL; i++)
    {
      const char *name = self->initial[i];

      if (g_hash_table_contains (self->rows, name) && !is_chosen (self, name, NULL)
          && self->chosen->len < ANJU_SHORTCUTS_MAX)
        g_ptr_array_add (self->chosen, g_strdup (name));
    }

  reorder_rows (self);
}

static void
set_busy (AnjuShortcutsDialog *self,
          gboolean             busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(AnjuShortcutsDialog) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) chosen = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (answer == NULL)
    {
      g_autofree char *message = anju_error_message_for (error, anju_api_client_get_base_uri (self->client));

      gtk_label_set_text (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  chosen = anju_shortcuts_dialog_get_chosen (self);
  g_signal_emit (self, signals[SAVED], 0, chosen);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (AnjuShortcutsDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  if (self->cancellable != NULL)
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->chosen->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->chosen, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  anju_api_client_request_async (self->client, "PUT", "/api/v1/me/shortcuts", body,
                                 self->cancellable, save_cb, g_object_ref (self));
}

static void
anju_shortcuts_dialog_constructed (GObject *object)
{
  AnjuShortcutsDialog *self = ANJU_SHORTCUTS_DIALOG (object);
  g_autofree char *description = NULL;

  G_OBJECT_CLASS (anju_shortcuts_dialog_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  /* Translators: %1$d is how many shortcuts the workbench holds */
  description = g_strdup_printf (_("Tick up to %1$d pages for the workbench and put them in the order you want."),
                                 ANJU_SHORTCUTS_MAX);
  adw_preferences_group_set_description (self->pages_group, description);
  add_rows (self);
}

static void
anju_shortcuts_dialog_dispose (GObject *object)
{
  AnjuShortcutsDialog *self = ANJU_SHORTCUTS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_SHORTCUTS_DIALOG);
  if (self->rows != NULL)
    g_hash_table_remove_all (self->rows);

  G_OBJECT_CLASS (anju_shortcuts_dialog_parent_class)->dispose (object);
}

static void
anju_shortcuts_dialog_finalize (GObject *object)
{
  AnjuShortcutsDialog *self = ANJU_SHORTCUTS_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_pointer (&self->initial, g_strfreev);
  g_clear_pointer (&self->chosen, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (anju_shortcuts_dialog_parent_class)->finalize (object);
}

static void
anju_shortcuts_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AnjuShortcutsDialog *self = ANJU_SHORTCUTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_SHORTCUTS:
      g_value_set_boxed (value, self->initial);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_shortcuts_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AnjuShortcutsDialog *self = ANJU_SHORTCUTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_SHORTCUTS:
      self->initial = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_shortcuts_dialog_class_init (AnjuShortcutsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_shortcuts_dialog_constructed;
  object_class->dispose = anju_shortcuts_dialog_dispose;
  object_class->finalize = anju_shortcuts_dialog_finalize;
  object_class->get_property = anju_shortcuts_dialog_get_property;
  object_class->set_property = anju_shortcuts_dialog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHORTCUTS] =
    g_param_spec_boxed ("shortcuts", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuShortcutsDialog::saved:
   * @pages: the page names the server now has, in order
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRV);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-shortcuts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuShortcutsDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuShortcutsDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuShortcutsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuShortcutsDialog, pages_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuShortcutsDialog, pages_list);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
anju_shortcuts_dialog_init (AnjuShortcutsDialog *self)
{
  self->chosen = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
anju_shortcuts_dialog_new (AnjuApiClient      *client,
                           const char * const *shortcuts)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_SHORTCUTS_DIALOG,
                       "client", client,
                       "shortcuts", shortcuts,
                       NULL);
}

GStrv
anju_shortcuts_dialog_get_chosen (AnjuShortcutsDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ANJU_IS_SHORTCUTS_DIALOG (self), NULL);

  for (guint i = 0; i < self->chosen->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->chosen, i));

  return g_strv_builder_end (builder);
}

gboolean
anju_shortcut_is_usable (AnjuApiClient *client,
                         const char    *name)
{
  const AnjuWindowPage *page = anju_window_page_lookup (name);

  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), FALSE);

  return page != NULL
         && !g_str_equal (page->name, "home")
         && (page->permission == NULL || anju_api_client_has_permission (client, page->permission));
}

/* Private API for tests (anju-shortcuts-dialog-private.h) */

static gpointer
row_part (AnjuShortcutsDialog *self,
          const char          *page,
          const char          *key)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, page);

  return row != NULL ? g_object_get_data (G_OBJECT (row), key) : NULL;
}

GtkWidget *
_anju_shortcuts_dialog_get_check (AnjuShortcutsDialog *self,
                                  const char          *page)
{
  return row_part (self, page, CHECK_KEY);
}

GtkWidget *
_anju_shortcuts_dialog_get_up_button (AnjuShortcutsDialog *self,
                                      const char          *page)
{
  return row_part (self, page, UP_KEY);
}

GtkWidget *
_anju_shortcuts_dialog_get_save_button (AnjuShortcutsDialog *self)
{
  return GTK_WIDGET (self->save_button);
}
