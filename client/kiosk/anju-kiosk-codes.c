/* anju-kiosk-codes.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "anju-kiosk-codes.h"
#include "anju-record.h"

typedef struct
{
  const char *code;
  const char *name;
} County;

/* GB/T 2260 codes of Changsha's districts, counties and county-level
 * cities; 430104 (Yuelu) holds most of the Xiangjiang New Area. */
static const County counties[] = {
  { "430104", N_("Yuelu District") },
  { "430102", N_("Furong District") },
  { "430103", N_("Tianxin District") },
  { "430105", N_("Kaifu District") },
  { "430111", N_("Yuhua District") },
  { "430112", N_("Wangcheng District") },
  { "430121", N_("Changsha County") },
  { "430181", N_("Liuyang City") },
  { "430182", N_("Ningxiang City") },
};

static JsonArray *
get_set (JsonObject *codes,
         const char *set)
{
  return anju_json_get_array (codes, set);
}

const char *
anju_kiosk_codes_find_by_seed (JsonObject *codes,
                               const char *set,
                               const char *seed_code)
{
  JsonArray *items = get_set (codes, set);

  if (items == NULL || seed_code == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (anju_json_get_string (item, "seed_code"), seed_code) == 0)
        return anju_json_get_string (item, "code");
    }

  return NULL;
}

const char *
anju_kiosk_codes_get_name (JsonObject *codes,
                           const char *set,
                           const char *code)
{
  JsonArray *items = get_set (codes, set);

  if (items == NULL || code == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (anju_json_get_string (item, "code"), code) == 0)
        return anju_json_get_string (item, "name");
    }

  return NULL;
}

const char *
anju_kiosk_codes_get_code_at (JsonObject *codes,
                              const char *set,
                              guint       position)
{
  JsonArray *items = get_set (codes, set);

  if (items == NULL || position >= json_array_get_length (items))
    return NULL;

  return anju_json_get_string (json_array_get_object_element (items, position), "code");
}

GtkStringList *
anju_kiosk_codes_names (JsonObject *codes,
                        const char *set,
                        const char *skip)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  JsonArray *items = get_set (codes, set);

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *name = anju_json_get_string (item, "name");

      if (name != NULL && g_strcmp0 (anju_json_get_string (item, "code"), skip) != 0)
        gtk_string_list_append (names, name);
    }

  return names;
}

const char *
anju_kiosk_codes_code_of_position (JsonObject *codes,
                                   const char *set,
                                   const char *skip,
                                   guint       position)
{
  JsonArray *items = get_set (codes, set);
  guint seen = 0;

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *code = anju_json_get_string (item, "code");

      if (anju_json_get_string (item, "name") == NULL || g_strcmp0 (code, skip) == 0)
        continue;
      if (seen++ == position)
        return code;
    }

  return NULL;
}

guint
anju_kiosk_counties_get_n (void)
{
  return G_N_ELEMENTS (counties);
}

const char *
anju_kiosk_counties_get_code (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (counties), NULL);

  return counties[position].code;
}

const char *
anju_kiosk_counties_get_name (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (counties), NULL);

  return _(counties[position].name);
}
