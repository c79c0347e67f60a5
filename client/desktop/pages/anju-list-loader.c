#include "config.h"

#include "anju-list-loader.h"
#include "anju-page-feedback.h"
#include "anju-record.h"

typedef struct
{
  AnjuListLoader          *loader;
  GtkLabel                *label;
  AnjuListLoaderCountText  count_text;
} CountLabel;

static void
count_update (CountLabel *count)
{
  GListModel *model = G_LIST_MODEL (count->loader->model);
  g_autofree char *text = count->count_text (g_list_model_get_n_items (model),
                                             anju_paged_model_get_total (count->loader->model));

  gtk_label_set_text (count->label, text);
}

static void
count_label_free (gpointer  data,
                  GClosure *closure)
{
  g_free (data);
}

/* Like g_signal_connect_object (…, G_CONNECT_SWAPPED) on the page, with
 * the CountLabel as the data: the handler goes when the page does. */
static void
connect_count (AnjuListLoader *loader,
               const char     *signal,
               CountLabel     *count)
{
  GClosure *closure = g_cclosure_new_swap (G_CALLBACK (count_update),
                                           g_memdup2 (count, sizeof *count),
                                           count_label_free);

  g_object_watch_closure (G_OBJECT (loader->page), closure);
  g_signal_connect_closure (loader->model, signal, closure, FALSE);
}

void
anju_list_loader_init (AnjuListLoader     *loader,
                       GtkWidget          *page,
                       AnjuPagedModel     *model,
                       GtkSingleSelection *selection,
                       GtkStack           *stack,
                       AdwStatusPage      *error_page,
                       GCancellable       *cancellable,
                       const char         *load_more_failed)
{
  *loader = (AnjuListLoader) {
    .page = page,
    .client = anju_paged_model_get_client (model),
    .model = model,
    .selection = selection,
    .stack = stack,
    .error_page = error_page,
    .cancellable = cancellable,
    .load_more_failed = load_more_failed,
  };
}

void
anju_list_loader_show_count (AnjuListLoader          *loader,
                             GtkLabel                *label,
                             AnjuListLoaderCountText  count_text)
{
  CountLabel count = { loader, label, count_text };

  connect_count (loader, "notify::total", &count);
  connect_count (loader, "items-changed", &count);
  count_update (&count);
}

void
anju_list_loader_select_id (AnjuListLoader *loader,
                            gint64          id)
{
  GListModel *model = G_LIST_MODEL (loader->model);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnjuRecord) record = g_list_model_get_item (model, i);

      if (anju_record_get_id (record) == id)
        {
          gtk_single_selection_set_selected (loader->selection, i);
          return;
        }
    }
}

static void
load_more_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AnjuPagedModel *model = ANJU_PAGED_MODEL (object);
  AnjuListLoader *loader = user_data;
  /* The reference load_more() took; the loader lives inside the page. */
  g_autoptr(GtkWidget) page = loader->page;
  g_autoptr(GError) error = NULL;

  if (!anju_paged_model_load_more_finish (model, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
        return;

      if (g_list_model_get_n_items (G_LIST_MODEL (model)) > 0)
        anju_page_toast_error (page, loader->client, loader->load_more_failed, error);
      else
        anju_page_show_load_error (loader->stack, loader->error_page, loader->client, error);
      return;
    }

  gtk_stack_set_visible_child_name (loader->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (model)) > 0 ? "table" : "empty");
  if (loader->select_after_load != 0 && loader->selection != NULL)
    anju_list_loader_select_id (loader, loader->select_after_load);
  loader->select_after_load = 0;
  if (loader->loaded != NULL)
    loader->loaded (page);
}

void
anju_list_loader_load_more (AnjuListLoader *loader)
{
  if (loader->model == NULL
      || anju_paged_model_get_loading (loader->model)
      || !anju_paged_model_get_has_more (loader->model))
    return;

  g_object_ref (loader->page);
  anju_paged_model_load_more_async (loader->model, loader->cancellable, load_more_cb, loader);
}

void
anju_list_loader_reload_selecting (AnjuListLoader *loader,
                                   gint64          id)
{
  loader->select_after_load = id;
  anju_paged_model_reset (loader->model);
  anju_list_loader_load_more (loader);
}

gboolean
anju_list_loader_apply_filter (AnjuListLoader *loader,
                               const char     *name,
                               const char     *value)
{
  /* A template may report its filters' first values before the page
   * made its model. */
  if (loader->model == NULL)
    return FALSE;

  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (anju_paged_model_get_filter (loader->model, name), value) == 0)
    return FALSE;

  anju_paged_model_set_filter (loader->model, name, value);
  return TRUE;
}

void
anju_list_loader_edge_reached (AnjuListLoader  *loader,
                               GtkPositionType  position)
{
  if (position == GTK_POS_BOTTOM)
    anju_list_loader_load_more (loader);
}
