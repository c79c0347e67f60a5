/* anju-record.c: defensive typed access to one API object. */
#include "config.h"

#include "anju-record.h"

struct _AnjuRecord
{
  GObject parent_instance;

  JsonObject *object;           /* (owned) */
};

G_DEFINE_FINAL_TYPE (AnjuRecord, anju_record, G_TYPE_OBJECT)

static JsonNode *
get_value_node (JsonObject *object,
                const char *member,
                GType       value_type)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != value_type)
    return NULL;
  return node;
}

const char *
anju_json_get_string (JsonObject *object,
                      const char *member)
{
  JsonNode *node = get_value_node (object, member, G_TYPE_STRING);

  return node != NULL ? json_node_get_string (node) : NULL;
}

gint64
anju_json_get_int (JsonObject *object,
                   const char *member,
                   gint64      fallback)
{
  JsonNode *node = get_value_node (object, member, G_TYPE_INT64);

  return node != NULL ? json_node_get_int (node) : fallback;
}

gboolean
anju_json_get_boolean (JsonObject *object,
                       const char *member,
                       gboolean    fallback)
{
  JsonNode *node = get_value_node (object, member, G_TYPE_BOOLEAN);

  return node != NULL ? json_node_get_boolean (node) : fallback;
}

JsonObject *
anju_json_get_object (JsonObject *object,
                      const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
anju_json_get_array (JsonObject *object,
                     const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  return JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static void
anju_record_finalize (GObject *object)
{
  AnjuRecord *self = ANJU_RECORD (object);

  g_clear_pointer (&self->object, json_object_unref);

  G_OBJECT_CLASS (anju_record_parent_class)->finalize (object);
}

static void
anju_record_class_init (AnjuRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = anju_record_finalize;
}

static void
anju_record_init (AnjuRecord *self)
{
}

AnjuRecord *
anju_record_new (JsonObject *object)
{
  AnjuRecord *self;

  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (ANJU_TYPE_RECORD, NULL);
  self->object = json_object_ref (object);
  return self;
}

JsonObject *
anju_record_get_object (AnjuRecord *self)
{
  g_return_val_if_fail (ANJU_IS_RECORD (self), NULL);

  return self->object;
}

gint64
anju_record_get_id (AnjuRecord *self)
{
  g_return_val_if_fail (ANJU_IS_RECORD (self), 0);

  return anju_json_get_int (self->object, "id", 0);
}

const char *
anju_record_get_string (AnjuRecord *self,
                        const char *member)
{
  g_return_val_if_fail (ANJU_IS_RECORD (self), NULL);

  return anju_json_get_string (self->object, member);
}

gint64
anju_record_get_int (AnjuRecord *self,
                     const char *member,
                     gint64      fallback)
{
  g_return_val_if_fail (ANJU_IS_RECORD (self), fallback);

  return anju_json_get_int (self->object, member, fallback);
}

gboolean
anju_record_get_boolean (AnjuRecord *self,
                         const char *member,
                         gboolean    fallback)
{
  g_return_val_if_fail (ANJU_IS_RECORD (self), fallback);

  return anju_json_get_boolean (self->object, member, fallback);
}

JsonObject *
anju_record_get_member_object (AnjuRecord *self,
                               const char *member)
{
  g_return_val_if_fail (ANJU_IS_RECORD (self), NULL);

  return anju_json_get_object (self->object, member);
}

JsonArray *
anju_record_get_member_array (AnjuRecord *self,
                              const char *member)
{
  g_return_val_if_fail (ANJU_IS_RECORD (self), NULL);

  return anju_json_get_array (self->object, member);
}

const char *
anju_record_get_path_string (AnjuRecord *self,
                             const char *dotted_path)
{
  g_auto(GStrv) parts = NULL;
  JsonObject *object;
  guint n;

  g_return_val_if_fail (ANJU_IS_RECORD (self), NULL);
  g_return_val_if_fail (dotted_path != NULL, NULL);

  parts = g_strsplit (dotted_path, ".", -1);
  n = g_strv_length (parts);
  if (n == 0)
    return NULL;

  object = self->object;
  for (guint i = 0; i + 1 < n && object != NULL; i++)
    object = anju_json_get_object (object, parts[i]);
  return anju_json_get_string (object, parts[n - 1]);
}
