/* anju-id-card-file.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "anju-id-card-file.h"
#include "anju-nation.h"

#define GROUP "card"

static char *
read_key (GKeyFile    *file,
          const char  *path,
          const char  *key,
          GError     **error)
{
  g_autofree char *value = g_key_file_get_string (file, GROUP, key, NULL);

  if (value == NULL || *g_strstrip (value) == '\0')
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                   _("%s: the key “%s” of the group [%s] is missing or empty"),
                   path, key, GROUP);
      return NULL;
    }
  return g_steal_pointer (&value);
}

AnjuIdCard *
anju_id_card_load_key_file (const char  *path,
                            GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(AnjuIdCard) card = anju_id_card_new ();

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  if ((card->name = read_key (file, path, "name", error)) == NULL ||
      (card->sex = read_key (file, path, "sex", error)) == NULL ||
      (card->nation_code = read_key (file, path, "nation_code", error)) == NULL ||
      (card->birth_date = read_key (file, path, "birth_date", error)) == NULL ||
      (card->address = read_key (file, path, "address", error)) == NULL ||
      (card->id_no = read_key (file, path, "id_no", error)) == NULL ||
      (card->authority = read_key (file, path, "authority", error)) == NULL ||
      (card->valid_from = read_key (file, path, "valid_from", error)) == NULL ||
      (card->valid_to = read_key (file, path, "valid_to", error)) == NULL)
    return NULL;

  card->nation = g_strdup (anju_nation_get_card_name (card->nation_code));
  return g_steal_pointer (&card);
}

AnjuIdCard *
anju_id_card_new_sample (void)
{
  AnjuIdCard *card = anju_id_card_new ();

  card->name = g_strdup ("王小湘");
  card->sex = g_strdup ("2");
  card->nation_code = g_strdup ("01");
  card->nation = g_strdup (anju_nation_get_card_name ("01"));
  card->birth_date = g_strdup ("1990-05-12");
  card->address = g_strdup ("湖南省长沙市岳麓区银盆岭街道银盆南路88号");
  card->id_no = g_strdup ("430104199005120020");
  card->authority = g_strdup ("长沙市公安局岳麓分局");
  card->valid_from = g_strdup ("2015-06-01");
  card->valid_to = g_strdup ("2035-06-01");
  return card;
}
