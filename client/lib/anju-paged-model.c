/* anju-paged-model.c: pages of a list endpoint appended to a GListModel.
 *
 * A reset bumps `generation`; a page that arrives for an older generation
 * is dropped even if its cancellation lost the race, so a slow first page
 * of the old filter can never land in the list of the new one.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "anju-paged-model.h"
#include "anju-record.h"

struct _AnjuPagedModel
{
  GObject parent_instance;

  AnjuApiClient *client;          /* (owned) */
  char          *path;            /* (owned) */
  guint          page_size;
  GHashTable    *filters;         /* (owned) name -> value */

  GPtrArray     *items;           /* (owned) (element-type AnjuRecord) */
  guint          total;
  guint          next_page;       /* 0: the server said there is no more */
  guint          generation;
  GCancellable  *load_cancellable; /* (owned) (nullable) set while loading */
};

static void anju_paged_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnjuPagedModel, anju_paged_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      anju_paged_model_list_model_init))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_PATH,
  PROP_PAGE_SIZE,
  PROP_TOTAL,
  PROP_LOADING,
  PROP_HAS_MORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  guint         generation;
  GCancellable *outer;            /* (owned) (nullable) the caller's */
  gulong        outer_handler;
} LoadData;

static void
load_data_free (gpointer pointer)
{
  LoadData *data = pointer;

  if (data->outer != NULL)
    g_cancellable_disconnect (data->outer, data->outer_handler);
  g_clear_object (&data->outer);
  g_free (data);
}

static GType
anju_paged_model_get_item_type (GListModel *model)
{
  return ANJU_TYPE_RECORD;
}

static guint
anju_paged_model_get_n_items (GListModel *model)
{
  return ANJU_PAGED_MODEL (model)->items->len;
}

static gpointer
anju_paged_model_get_item (GListModel *model,
                           guint       position)
{
  AnjuPagedModel *self = ANJU_PAGED_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
anju_paged_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = anju_paged_model_get_item_type;
  iface->get_n_items = anju_paged_model_get_n_items;
  iface->get_item = anju_paged_model_get_item;
}

static void
set_loading (AnjuPagedModel *self,
             GCancellable   *cancellable)
{
  gboolean was_loading = self->load_cancellable != NULL;

  g_set_object (&self->load_cancellable, cancellable);
  if (was_loading != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_total_and_next (AnjuPagedModel *self,
                    guint           total,
                    guint           next_page)
{
  gboolean had_more = self->next_page != 0;

  self->next_page = next_page;
  if (self->total != total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }
  if (had_more != (next_page != 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_MORE]);
}

static char *
build_page_path (AnjuPagedModel *self)
{
  g_autoptr(GList) names = g_hash_table_get_keys (self->filters);
  GString *path = g_string_new (self->path);

  /* A stable order keeps the request line predictable in server logs. */
  names = g_list_sort (names, (GCompareFunc) g_strcmp0);

  g_string_append_c (path, '?');
  for (const GList *l = names; l != NULL; l = l->next)
    {
      g_string_append_uri_escaped (path, l->data, NULL, FALSE);
      g_string_append_c (path, '=');
      g_string_append_uri_escaped (path, g_hash_table_lookup (self->filters, l->data), NULL, FALSE);
      g_string_append_c (path, '&');
    }
  g_string_append_printf (path, "page=%u&page_size=%u", self->next_page, self->page_size);
  return g_string_free (path, FALSE);
}

/* Checks the whole page before touching the model, so a malformed answer
 * leaves the list as it was. */
static GPtrArray *
parse_page (JsonNode  *node,
            guint     *out_total,
            guint     *out_next,
            GError   **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonArray *items = anju_json_get_array (object, "items");
  gint64 total = anju_json_get_int (object, "total", -1);
  gint64 next = anju_json_get_int (object, "next", 0);
  guint n = items != NULL ? json_array_get_length (items) : 0;

  if (items == NULL || total < 0 || total > G_MAXUINT || next < 0 || next > G_MAXUINT)
    goto malformed;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (items, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        goto malformed;
      g_ptr_array_add (records, anju_record_new (json_node_get_object (element)));
    }

  *out_total = (guint) total;
  *out_next = (guint) next;
  return g_steal_pointer (&records);

malformed:
  g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_MALFORMED,
                       _("The server’s list answer is not in the expected form"));
  return NULL;
}

static void
page_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AnjuPagedModel *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) records = NULL;
  guint total = 0;
  guint next = 0;
  guint position;

  node = anju_api_client_request_finish (ANJU_API_CLIENT (source), result, &error);

  if (data->generation != self->generation)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The list was reset while loading"));
      return;
    }
  set_loading (self, NULL);

  if (node != NULL)
    records = parse_page (node, &total, &next, &error);
  if (records == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  position = self->items->len;
  g_ptr_array_extend_and_steal (self->items, g_steal_pointer (&records));
  set_total_and_next (self, total, next);
  if (self->items->len > position)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, self->items->len - position);

  g_task_return_boolean (task, TRUE);
}

static void
outer_cancelled_cb (GCancellable *outer,
                    gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static void
anju_paged_model_dispose (GObject *object)
{
  AnjuPagedModel *self = ANJU_PAGED_MODEL (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_paged_model_parent_class)->dispose (object);
}

static void
anju_paged_model_finalize (GObject *object)
{
  AnjuPagedModel *self = ANJU_PAGED_MODEL (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->filters, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (anju_paged_model_parent_class)->finalize (object);
}

static void
anju_paged_model_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AnjuPagedModel *self = ANJU_PAGED_MODEL (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;

    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, anju_paged_model_get_loading (self));
      break;

    case PROP_HAS_MORE:
      g_value_set_boolean (value, anju_paged_model_get_has_more (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_paged_model_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AnjuPagedModel *self = ANJU_PAGED_MODEL (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    case PROP_PAGE_SIZE:
      self->page_size = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_paged_model_class_init (AnjuPagedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = anju_paged_model_dispose;
  object_class->finalize = anju_paged_model_finalize;
  object_class->get_property = anju_paged_model_get_property;
  object_class->set_property = anju_paged_model_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The API caps page_size at 200 (larger is a 422). */
  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL,
                       1, 200, ANJU_PAGED_MODEL_DEFAULT_PAGE_SIZE,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HAS_MORE] =
    g_param_spec_boolean ("has-more", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
anju_paged_model_init (AnjuPagedModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->filters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->page_size = ANJU_PAGED_MODEL_DEFAULT_PAGE_SIZE;
  self->next_page = 1;
}

AnjuPagedModel *
anju_paged_model_new (AnjuApiClient *client,
                      const char    *path,
                      guint          page_size)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (path != NULL && path[0] == '/' && strchr (path, '?') == NULL, NULL);
  g_return_val_if_fail (page_size <= 200, NULL);

  return g_object_new (ANJU_TYPE_PAGED_MODEL,
                       "client", client,
                       "path", path,
                       "page-size", page_size != 0 ? page_size : ANJU_PAGED_MODEL_DEFAULT_PAGE_SIZE,
                       NULL);
}

AnjuApiClient *
anju_paged_model_get_client (AnjuPagedModel *self)
{
  g_return_val_if_fail (ANJU_IS_PAGED_MODEL (self), NULL);

  return self->client;
}

const char *
anju_paged_model_get_path (AnjuPagedModel *self)
{
  g_return_val_if_fail (ANJU_IS_PAGED_MODEL (self), NULL);

  return self->path;
}

void
anju_paged_model_reset (AnjuPagedModel *self)
{
  guint removed;

  g_return_if_fail (ANJU_IS_PAGED_MODEL (self));

  self->generation++;
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  set_loading (self, NULL);

  removed = self->items->len;
  g_ptr_array_set_size (self->items, 0);
  set_total_and_next (self, 0, 1);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
}

void
anju_paged_model_set_filter (AnjuPagedModel *self,
                             const char     *name,
                             const char     *value)
{
  const char *old;

  g_return_if_fail (ANJU_IS_PAGED_MODEL (self));
  g_return_if_fail (name != NULL && *name != '\0');

  if (value != NULL && *value == '\0')
    value = NULL;
  old = g_hash_table_lookup (self->filters, name);
  if (g_strcmp0 (old, value) == 0)
    return;

  if (value == NULL)
    g_hash_table_remove (self->filters, name);
  else
    g_hash_table_replace (self->filters, g_strdup (name), g_strdup (value));
  anju_paged_model_reset (self);
}

const char *
anju_paged_model_get_filter (AnjuPagedModel *self,
                             const char     *name)
{
  g_return_val_if_fail (ANJU_IS_PAGED_MODEL (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (self->filters, name);
}

void
anju_paged_model_clear_filters (AnjuPagedModel *self)
{
  g_return_if_fail (ANJU_IS_PAGED_MODEL (self));

  if (g_hash_table_size (self->filters) == 0)
    return;
  g_hash_table_remove_all (self->filters);
  anju_paged_model_reset (self);
}

guint
anju_paged_model_get_total (AnjuPagedModel *self)
{
  g_return_val_if_fail (ANJU_IS_PAGED_MODEL (self), 0);

  return self->total;
}

gboolean
anju_paged_model_get_loading (AnjuPagedModel *self)
{
  g_return_val_if_fail (ANJU_IS_PAGED_MODEL (self), FALSE);

  return self->load_cancellable != NULL;
}

gboolean
anju_paged_model_get_has_more (AnjuPagedModel *self)
{
  g_return_val_if_fail (ANJU_IS_PAGED_MODEL (self), FALSE);

  return self->next_page != 0;
}

void
anju_paged_model_load_more_async (AnjuPagedModel      *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GCancellable) load_cancellable = NULL;
  g_autofree char *path = NULL;
  LoadData *data;

  g_return_if_fail (ANJU_IS_PAGED_MODEL (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, anju_paged_model_load_more_async);

  if (self->load_cancellable != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The list is already loading"));
      return;
    }
  if (self->next_page == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Our own cancellable, so a reset can stop the request; the caller's
   * still cancels it through the connection below. */
  load_cancellable = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->generation = self->generation;
  if (cancellable != NULL)
    {
      data->outer = g_object_ref (cancellable);
      data->outer_handler = g_cancellable_connect (cancellable, G_CALLBACK (outer_cancelled_cb),
                                                   g_object_ref (load_cancellable),
                                                   g_object_unref);
    }
  g_task_set_task_data (task, data, load_data_free);

  set_loading (self, load_cancellable);
  path = build_page_path (self);
  anju_api_client_request_async (self->client, "GET", path, NULL, load_cancellable,
                                 page_loaded_cb, g_steal_pointer (&task));
}

gboolean
anju_paged_model_load_more_finish (AnjuPagedModel  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (ANJU_IS_PAGED_MODEL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        anju_paged_model_load_more_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
