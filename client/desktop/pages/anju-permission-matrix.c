#include "config.h"

#include "anju-permission-matrix.h"
#include "anju-permissions.h"

struct _AnjuPermissionMatrix
{
  AdwBin      parent_instance;

  /* Owned */
  GHashTable *checks;     /* (owned) permission id (static) -> GtkCheckButton (unowned) */
  GPtrArray  *unknown;    /* (owned) ids from set_granted the catalogue lacks */
  guint       updating : 1;
};

G_DEFINE_FINAL_TYPE (AnjuPermissionMatrix, anju_permission_matrix, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
check_toggled_cb (AnjuPermissionMatrix *self)
{
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
permission_row_new (AnjuPermissionMatrix *self,
                    const AnjuPermission *permission)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  /* The catalogue is shared/ code, whose strings live in its domain. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_dgettext (GETTEXT_PACKAGE, permission->label));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), permission->id);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, G_CONNECT_SWAPPED);

  g_hash_table_insert (self->checks, (gpointer) permission->id, check);

  return row;
}

static void
build_groups (AnjuPermissionMatrix *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  const AnjuPermissionModule *modules;
  const AnjuPermission *permissions;
  guint n_modules;
  guint n_permissions;

  modules = anju_permission_modules (&n_modules);
  permissions = anju_permissions_all (&n_permissions);

  for (guint m = 0; m < n_modules; m++)
    {
      GtkWidget *group = NULL;

      for (guint p = 0; p < n_permissions; p++)
        {
          if (!g_str_equal (permissions[p].module, modules[m].id))
            continue;

          /* A module without permissions yet gets no empty group. */
          if (group == NULL)
            {
              group = adw_preferences_group_new ();
              adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                               g_dgettext (GETTEXT_PACKAGE, modules[m].label));
              adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     permission_row_new (self, &permissions[p]));
        }
    }

  adw_bin_set_child (ADW_BIN (self), page);
}

static void
anju_permission_matrix_finalize (GObject *object)
{
  AnjuPermissionMatrix *self = ANJU_PERMISSION_MATRIX (object);

  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->unknown, g_ptr_array_unref);

  G_OBJECT_CLASS (anju_permission_matrix_parent_class)->finalize (object);
}

static void
anju_permission_matrix_class_init (AnjuPermissionMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anju_permission_matrix_finalize;

  /**
   * AnjuPermissionMatrix::changed:
   *
   * The user checked or unchecked a permission.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
anju_permission_matrix_init (AnjuPermissionMatrix *self)
{
  self->checks = g_hash_table_new (g_str_hash, g_str_equal);
  self->unknown = g_ptr_array_new_with_free_func (g_free);

  build_groups (self);
}

GtkWidget *
anju_permission_matrix_new (void)
{
  return g_object_new (ANJU_TYPE_PERMISSION_MATRIX, NULL);
}

void
anju_permission_matrix_set_granted (AnjuPermissionMatrix *self,
                                    const char * const   *granted)
{
  GHashTableIter iter;
  gpointer check;

  g_return_if_fail (ANJU_IS_PERMISSION_MATRIX (self));

  self->updating = TRUE;

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, NULL, &check))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);

  g_ptr_array_set_size (self->unknown, 0);
  for (guint i = 0; granted != NULL && granted[i] != NULL; i++)
    {
      check = g_hash_table_lookup (self->checks, granted[i]);
      if (check != NULL)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      else
        g_ptr_array_add (self->unknown, g_strdup (granted[i]));
    }

  self->updating = FALSE;
}

char **
anju_permission_matrix_get_granted (AnjuPermissionMatrix *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const AnjuPermission *permissions;
  guint n_permissions;

  g_return_val_if_fail (ANJU_IS_PERMISSION_MATRIX (self), NULL);

  permissions = anju_permissions_all (&n_permissions);
  for (guint i = 0; i < n_permissions; i++)
    {
      GtkCheckButton *check = g_hash_table_lookup (self->checks, permissions[i].id);

      if (check != NULL && gtk_check_button_get_active (check))
        g_strv_builder_add (builder, permissions[i].id);
    }

  for (guint i = 0; i < self->unknown->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->unknown, i));

  return g_strv_builder_end (builder);
}

void
anju_permission_matrix_set_editable (AnjuPermissionMatrix *self,
                                     const char * const   *editable_ids)
{
  GHashTableIter iter;
  gpointer id;
  gpointer check;

  g_return_if_fail (ANJU_IS_PERMISSION_MATRIX (self));

  /* Row by row rather than the whole page, so the page still scrolls. */
  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &id, &check))
    {
      gboolean editable = editable_ids != NULL && g_strv_contains (editable_ids, id);

      gtk_widget_set_sensitive (gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW), editable);
    }
}

GtkWidget *
anju_permission_matrix_get_check (AnjuPermissionMatrix *self,
                                  const char           *permission_id)
{
  g_return_val_if_fail (ANJU_IS_PERMISSION_MATRIX (self), NULL);
  g_return_val_if_fail (permission_id != NULL, NULL);

  return g_hash_table_lookup (self->checks, permission_id);
}
