/* anju-initial-password.c: random first passwords for new accounts.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <openssl/rand.h>

#include "anju-error.h"
#include "anju-initial-password.h"
#include "anju-password-policy.h"

#define PASSWORD_LENGTH 12

static const char * const classes[] = {
  "ABCDEFGHJKLMNPQRSTUVWXYZ",
  "abcdefghijkmnpqrstuvwxyz",
  "23456789",
  "#@!?=-*",
};

/* A uniform index below n from one random byte, rejecting the bytes
 * past the last whole multiple of n so no character is favoured. */
static gboolean
random_below (guint    n,
              guint   *out_index,
              GError **error)
{
  guint limit = 256 - 256 % n;
  unsigned char byte;

  do
    {
      if (RAND_bytes (&byte, 1) != 1)
        {
          g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_INTERNAL,
                               "No random bytes for an initial password");
          return FALSE;
        }
    }
  while (byte >= limit);
  *out_index = byte % n;
  return TRUE;
}

static gboolean
random_char (const char  *alphabet,
             char        *out_char,
             GError     **error)
{
  guint index;

  if (!random_below (strlen (alphabet), &index, error))
    return FALSE;
  *out_char = alphabet[index];
  return TRUE;
}

/* One character of each class first, the rest from all of them, then a
 * Fisher-Yates shuffle so the classes are not in a known order. */
static char *
draw_password (GError **error)
{
  g_autofree char *all = g_strjoinv ("", (char **) classes);
  char password[PASSWORD_LENGTH + 1] = { 0, };

  for (guint i = 0; i < PASSWORD_LENGTH; i++)
    {
      const char *alphabet = i < G_N_ELEMENTS (classes) ? classes[i] : all;

      if (!random_char (alphabet, &password[i], error))
        return NULL;
    }
  for (guint i = PASSWORD_LENGTH - 1; i > 0; i--)
    {
      guint j;
      char swap;

      if (!random_below (i + 1, &j, error))
        return NULL;
      swap = password[i];
      password[i] = password[j];
      password[j] = swap;
    }
  return g_strdup (password);
}

char *
anju_initial_password_new (const char  *username,
                           GError     **error)
{
  /* A draw that happens to contain the username is drawn again; with
   * usernames of at least three characters that is rare. */
  for (;;)
    {
      g_autofree char *password = draw_password (error);

      if (password == NULL)
        return NULL;
      if (anju_password_policy_check (password, username, NULL))
        return g_steal_pointer (&password);
    }
}
