/* test-str-hash.c: anju_str_hash () (server/core/anju-str-hash.h), the
 * hash of the server's tables keyed by SQL text.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "anju-str-hash.h"

#define SEARCH_SQL "SELECT COUNT(*) FROM (SELECT a.id AS id, a.created_at AS created_at" \
                   " FROM pubrent_applications a WHERE a.applicant_name >= '%s'" \
                   " AND a.applicant_name < '%s\xef\xbf\xbf' UNION SELECT a.id …)"

/* The same text at another address, and at every alignment, hashes the
 * same: the table finds what it kept whatever buffer asks. */
static void
test_same_text (void)
{
  const char *text = "SELECT version FROM pubrent_applications_version WHERE id = 1";
  char buffer[128];
  guint expected = anju_str_hash (text);

  for (gsize offset = 0; offset < 8; offset++)
    {
      memcpy (buffer + offset, text, strlen (text) + 1);
      g_assert_cmpuint (anju_str_hash (buffer + offset), ==, expected);
    }
  g_assert_cmpuint (anju_str_hash (""), ==, anju_str_hash (""));
}

/* Texts that differ in one byte, anywhere (the last word's bytes too),
 * or only in length, hash apart; so do the lengths 0 to 17 of one text. */
static void
test_one_byte_apart (void)
{
  const char *text = "SELECT name FROM names WHERE name = 'x'";
  gsize length = strlen (text);
  GHashTable *seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  char buffer[64];

  for (gsize i = 0; i < length; i++)
    {
      memcpy (buffer, text, length + 1);
      buffer[i] ^= 0x01;
      g_assert_cmpuint (anju_str_hash (buffer), !=, anju_str_hash (text));
    }
  for (gsize n = 0; n <= 17; n++)
    {
      memcpy (buffer, text, n);
      buffer[n] = '\0';
      g_assert_false (g_hash_table_contains (seen, GUINT_TO_POINTER (anju_str_hash (buffer))));
      g_hash_table_add (seen, GUINT_TO_POINTER (anju_str_hash (buffer)));
    }
  g_hash_table_unref (seen);
}

/* F-PRH-014: the city search's 2,000 names, as the kept totals key
 * them, spread over 1,024 buckets (the low bits) as evenly as random
 * numbers would: a chi-squared per degree of freedom near 1.
 * g_str_hash () gives 5.4 here (buckets of up to 10 keys), so a table
 * of them also walks longer chains. */
static void
test_spreads_search_keys (void)
{
  guint buckets[1024] = { 0 };
  double expected = 2000.0 / G_N_ELEMENTS (buckets);
  double chi_squared = 0;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *name = g_strdup_printf ("欧阳%04u", i);
      g_autofree char *sql = g_strdup_printf (SEARCH_SQL, name, name);

      buckets[anju_str_hash (sql) % G_N_ELEMENTS (buckets)]++;
    }
  for (guint i = 0; i < G_N_ELEMENTS (buckets); i++)
    chi_squared += (buckets[i] - expected) * (buckets[i] - expected) / expected;
  g_assert_cmpfloat (chi_squared / (G_N_ELEMENTS (buckets) - 1), <, 1.5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/str-hash/same-text", test_same_text);
  g_test_add_func ("/str-hash/one-byte-apart", test_one_byte_apart);
  g_test_add_func ("/str-hash/F-PRH-014/spreads-search-keys", test_spreads_search_keys);
  return g_test_run ();
}
