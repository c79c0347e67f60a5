#include "config.h"

#include <glib/gi18n.h>

#include "anju-load-all.h"

static void load_next (GTask *task);

static void
load_more_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AnjuPagedModel *model = ANJU_PAGED_MODEL (object);
  g_autoptr(GTask) task = user_data;
  guint n_before = GPOINTER_TO_UINT (g_task_get_task_data (task));
  GError *error = NULL;

  if (!anju_paged_model_load_more_finish (model, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!anju_paged_model_get_has_more (model))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* A server that keeps naming a next page but sends nothing would
   * otherwise keep us here for ever. */
  if (g_list_model_get_n_items (G_LIST_MODEL (model)) == n_before)
    {
      g_task_return_new_error (task, ANJU_ERROR, ANJU_ERROR_INTERNAL,
                               _("The server’s list did not advance"));
      return;
    }

  load_next (g_steal_pointer (&task));
}

static void
load_next (GTask *task)
{
  AnjuPagedModel *model = g_task_get_source_object (task);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

  g_task_set_task_data (task, GUINT_TO_POINTER (n_items), NULL);
  anju_paged_model_load_more_async (model,
                                    g_task_get_cancellable (task),
                                    load_more_cb,
                                    task);
}

void
anju_load_all_async (AnjuPagedModel      *model,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ANJU_IS_PAGED_MODEL (model));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (model, cancellable, callback, user_data);
  g_task_set_source_tag (task, anju_load_all_async);

  load_next (task);
}

gboolean
anju_load_all_finish (AnjuPagedModel  *model,
                      GAsyncResult    *result,
                      GError         **error)
{
  g_return_val_if_fail (ANJU_IS_PAGED_MODEL (model), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, model), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == anju_load_all_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
