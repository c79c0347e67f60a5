/* anju-str-hash.c: a hash of a string, eight bytes at a time.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anju-str-hash.h"

/* One round: the word in, then a multiply that spreads every bit of it
 * over the high half, folded back down.  Constants of MurmurHash3's
 * 64-bit finaliser. */
static inline guint64
mix (guint64 h,
     guint64 word)
{
  h = (h ^ word) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  return h ^ (h >> 32);
}

guint
anju_str_hash (gconstpointer key)
{
  const char *p = key;
  gsize length = strlen (p);
  guint64 h = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ length;
  guint64 word;

  /* memcpy, not a cast: the text need not be aligned. */
  for (; length >= 8; p += 8, length -= 8)
    {
      memcpy (&word, p, 8);
      h = mix (h, word);
    }
  if (length > 0)
    {
      word = 0;
      memcpy (&word, p, length);
      h = mix (h, word);
    }
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  h ^= h >> 33;
  return (guint) h;
}
