#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "anju-error.h"
#include "anju-uscc.h"

#define USCC_LENGTH      18
#define USCC_BODY_LENGTH 17
#define USCC_MODULUS     31

/* A character's value is its index here; I, O, Z, S and V are left out
 * because they are too easily mistaken for 1, 0, 2, 5 and U. */
static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* 3^i mod 31 for i = 0 … 16. */
static const guint8 check_weights[USCC_BODY_LENGTH] = {
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
};

/* The index of c in the alphabet, or -1; strchr would also match the
 * terminating NUL. */
static int
alphabet_value (char c)
{
  const char *found;

  if (c == '\0')
    return -1;
  found = strchr (alphabet, c);
  return found != NULL ? (int) (found - alphabet) : -1;
}

char
anju_uscc_check_char (const char *first17)
{
  guint sum = 0;
  guint check;

  g_return_val_if_fail (first17 != NULL, '\0');

  /* A shorter string stops at its NUL, which has no value. */
  for (guint i = 0; i < USCC_BODY_LENGTH; i++)
    {
      int value = alphabet_value (first17[i]);

      if (value < 0)
        return '\0';
      sum += (guint) value * check_weights[i];
    }

  check = USCC_MODULUS - sum % USCC_MODULUS;
  return alphabet[check == USCC_MODULUS ? 0 : check];
}

/* Every position, including the registration authority, the entity type
 * and the 9-character organisation code, must come from the alphabet.
 * Positions count characters, not bytes, as the user sees them. */
static gboolean
check_alphabet (const char  *code,
                GError     **error)
{
  int position = 1;

  for (const char *p = code; *p != '\0'; p = g_utf8_next_char (p), position++)
    {
      gunichar c = g_utf8_get_char (p);
      char shown[8] = { 0 };

      if (c < 0x80 && alphabet_value ((char) c) >= 0)
        continue;

      g_unichar_to_utf8 (c, shown);
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   /* Translators: %1$d is a position (1 to 18), %2$s the character found there */
                   _("Character %1$d of the unified social credit code, “%2$s”, is not allowed: "
                     "use digits and capital letters other than I, O, Z, S and V"),
                   position, shown);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_shape (const char  *code,
             GError     **error)
{
  glong n_chars;

  if (!g_utf8_validate (code, -1, NULL))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   _("The unified social credit code contains invalid characters"));
      return FALSE;
    }

  n_chars = g_utf8_strlen (code, -1);
  if (n_chars != USCC_LENGTH)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   /* Translators: %1$d is how many characters were entered */
                   _("The unified social credit code must have 18 characters, not %1$d"),
                   (int) n_chars);
      return FALSE;
    }

  return check_alphabet (code, error);
}

/* Characters 3 to 8 are a GB/T 2260 administrative division code. */
static gboolean
check_region (const char  *code,
              GError     **error)
{
  for (guint i = 2; i < 8; i++)
    if (!g_ascii_isdigit (code[i]))
      {
        g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                     _("Characters 3 to 8 of the unified social credit code are the region code "
                       "and must be digits"));
        return FALSE;
      }
  return TRUE;
}

static gboolean
check_check_char (const char  *code,
                  GError     **error)
{
  char expected = anju_uscc_check_char (code);

  if (code[USCC_BODY_LENGTH] != expected)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   /* Translators: %1$c is the expected check character */
                   _("The check character of the unified social credit code should be %1$c"),
                   expected);
      return FALSE;
    }
  return TRUE;
}

gboolean
anju_uscc_validate (const char  *code,
                    GError     **error)
{
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_shape (code, error) &&
         check_region (code, error) &&
         check_check_char (code, error);
}
