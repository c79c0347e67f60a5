/* anju-application-json.c: masking and labels of applications.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-application-fields.h"
#include "anju-application-json.h"
#include "anju-mask.h"
#include "anju-permissions.h"

static void
mask_member (JsonObject *object,
             const char *member,
             char     *(*mask) (const char *))
{
  const char *value = anju_app_record_get_string (object, member);
  g_autofree char *masked = NULL;

  if (value == NULL)
    return;
  masked = mask (value);
  json_object_set_string_member (object, member, masked);
}

/* The personal data of docs/api.md: ID numbers and phones, the
 * applicant's, the agent's and each member's (who has no agent_…). */
static const struct
{
  const char              *member;
  AnjuApplicationMaskFunc  mask;
} masked_members[] = {
  { "id_no", anju_mask_id_number },
  { "phone", anju_mask_phone },
  { "agent_id_no", anju_mask_id_number },
  { "agent_phone", anju_mask_phone },
};

static void
mask_object (JsonObject *object)
{
  for (guint i = 0; i < G_N_ELEMENTS (masked_members); i++)
    mask_member (object, masked_members[i].member, masked_members[i].mask);
}

void
anju_application_mask (JsonObject *record)
{
  JsonArray *members = json_object_get_array_member (record, "members");

  mask_object (record);
  for (guint i = 0; members != NULL && i < json_array_get_length (members); i++)
    mask_object (json_array_get_object_element (members, i));
}

AnjuApplicationMaskFunc
anju_application_mask_of (const char *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (masked_members); i++)
    if (g_str_equal (masked_members[i].member, member))
      return masked_members[i].mask;
  return NULL;
}

gboolean
anju_application_caller_sees_pii (const AnjuCaller *caller,
                                  gint64            org_id)
{
  return anju_caller_has_permission (caller, "pubrent.application.review")
         || caller->org_id == org_id;
}

static JsonNode *
copy_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(JsonObject) copy = anju_application_record_copy (json_node_get_object (node));

      return json_node_init_object (json_node_alloc (), copy);
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(JsonArray) copy = json_array_sized_new (json_array_get_length (array));

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (copy, copy_node (json_array_get_element (array, i)));
      return json_node_init_array (json_node_alloc (), copy);
    }
  return json_node_copy (node);
}

JsonObject *
anju_application_record_copy (JsonObject *record)
{
  JsonObject *copy = json_object_new ();
  g_autoptr(GList) names = json_object_get_members (record);

  /* In the record's member order, which the audit row's JSON keeps. */
  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (copy, l->data, copy_node (json_object_get_member (record, l->data)));
  return copy;
}

JsonNode *
anju_application_audit_node (JsonObject *record)
{
  /* The wrapping node is ours to drop: keeping it leaked the record. */
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), record);
  g_autoptr(JsonNode) copy = json_node_copy (node);

  anju_application_mask (json_node_get_object (copy));
  return g_steal_pointer (&copy);
}

char *
anju_application_label (const char *application_no,
                        const char *applicant_name)
{
  g_autofree char *name = anju_mask_name (applicant_name);

  return g_strdup_printf ("公租房申请 %s %s", application_no, name);
}
