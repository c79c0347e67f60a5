/* anju-id-card.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "anju-id-card.h"

/* explicit_bzero() rather than memset(): the compiler may drop a memset()
 * of memory that is freed right after. */
static void
wipe_string (char **str)
{
  if (*str == NULL)
    return;
  explicit_bzero (*str, strlen (*str));
  g_clear_pointer (str, g_free);
}

static void
wipe_bytes (GBytes **bytes)
{
  gsize size = 0;
  guint8 *data = NULL;

  if (*bytes == NULL)
    return;
  /* Takes the data over when this is the last reference, copies it
   * otherwise: either way the wiped block is ours. */
  data = g_bytes_unref_to_data (g_steal_pointer (bytes), &size);
  if (size > 0)
    explicit_bzero (data, size);
  g_free (data);
}

AnjuIdCard *
anju_id_card_new (void)
{
  return g_new0 (AnjuIdCard, 1);
}

AnjuIdCard *
anju_id_card_copy (const AnjuIdCard *card)
{
  AnjuIdCard *copy = NULL;

  g_return_val_if_fail (card != NULL, NULL);

  copy = anju_id_card_new ();
  copy->name = g_strdup (card->name);
  copy->sex = g_strdup (card->sex);
  copy->nation_code = g_strdup (card->nation_code);
  copy->nation = g_strdup (card->nation);
  copy->birth_date = g_strdup (card->birth_date);
  copy->address = g_strdup (card->address);
  copy->id_no = g_strdup (card->id_no);
  copy->authority = g_strdup (card->authority);
  copy->valid_from = g_strdup (card->valid_from);
  copy->valid_to = g_strdup (card->valid_to);
  /* A copy of its own, not a reference: freeing one card wipes only its
   * own photo, and a shared block would survive the other's wipe. */
  if (card->photo_wlt != NULL)
    copy->photo_wlt = g_bytes_new (g_bytes_get_data (card->photo_wlt, NULL),
                                   g_bytes_get_size (card->photo_wlt));
  return copy;
}

void
anju_id_card_free (AnjuIdCard *card)
{
  if (card == NULL)
    return;

  wipe_string (&card->name);
  wipe_string (&card->sex);
  wipe_string (&card->nation_code);
  wipe_string (&card->nation);
  wipe_string (&card->birth_date);
  wipe_string (&card->address);
  wipe_string (&card->id_no);
  wipe_string (&card->authority);
  wipe_string (&card->valid_from);
  wipe_string (&card->valid_to);
  wipe_bytes (&card->photo_wlt);
  g_free (card);
}
