#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "anju-error.h"
#include "anju-money.h"

#define MAX_FEN  G_GINT64_CONSTANT (1000000000000000)   /* 10^15 */
#define MAX_YUAN (MAX_FEN / 100)

static gboolean
skip_prefix (const char **p,
             const char  *prefix)
{
  if (!g_str_has_prefix (*p, prefix))
    return FALSE;
  *p += strlen (prefix);
  return TRUE;
}

static gboolean
set_not_an_amount (const char  *text,
                   GError     **error)
{
  g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
               /* Translators: %1$s is what the user typed */
               _("“%1$s” is not an amount of money"),
               text);
  return FALSE;
}

static gboolean
set_too_large (GError **error)
{
  g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
               _("The amount is too large"));
  return FALSE;
}

/* Whole yuan with optional thousands separators.  Separators must group
 * by three ("1,234,567"), because "1,23" is more likely a mistyped decimal
 * point than a number, and guessing would move money. */
static gboolean
parse_yuan (const char  **p,
            const char   *text,
            gint64       *out_yuan,
            GError      **error)
{
  gint64 yuan = 0;
  guint n_digits = 0;
  guint group_len = 0;
  gboolean grouped = FALSE;

  for (;; (*p)++)
    {
      char c = **p;

      if (g_ascii_isdigit (c))
        {
          yuan = yuan * 10 + (c - '0');
          if (yuan > MAX_YUAN)
            return set_too_large (error);
          n_digits++;
          group_len++;
        }
      else if (c == ',')
        {
          if (group_len == 0 || group_len > 3 || (grouped && group_len != 3))
            return set_not_an_amount (text, error);
          grouped = TRUE;
          group_len = 0;
        }
      else
        break;
    }

  if (n_digits == 0 || (grouped && group_len != 3))
    return set_not_an_amount (text, error);

  *out_yuan = yuan;
  return TRUE;
}

/* ".5" or ".50" after the yuan; nothing at all is zero fen. */
static gboolean
parse_fen_part (const char  **p,
                const char   *text,
                gint64       *out_fen,
                GError      **error)
{
  gint64 fen = 0;
  guint n_decimals = 0;

  if (**p != '.')
    {
      *out_fen = 0;
      return TRUE;
    }

  for ((*p)++; g_ascii_isdigit (**p); (*p)++)
    {
      if (n_decimals == 2)
        {
          g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                       _("An amount of money can have at most two decimals"));
          return FALSE;
        }
      fen = fen * 10 + (**p - '0');
      n_decimals++;
    }

  if (n_decimals == 0)
    return set_not_an_amount (text, error);

  *out_fen = n_decimals == 1 ? fen * 10 : fen;
  return TRUE;
}

gboolean
anju_money_parse_fen (const char  *text,
                      gint64      *out_fen,
                      GError     **error)
{
  g_autofree char *trimmed = NULL;
  const char *p;
  gboolean negative = FALSE;
  gint64 yuan;
  gint64 fen;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_fen != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   _("The amount of money is empty"));
      return FALSE;
    }

  /* Both "-¥5" and "¥-5" are how people write a refund. */
  p = trimmed;
  negative = skip_prefix (&p, "-");
  if (skip_prefix (&p, "¥") || skip_prefix (&p, "￥"))
    negative = negative || skip_prefix (&p, "-");

  if (!parse_yuan (&p, trimmed, &yuan, error) ||
      !parse_fen_part (&p, trimmed, &fen, error))
    return FALSE;

  skip_prefix (&p, "元");
  if (*p != '\0')
    return set_not_an_amount (trimmed, error);

  fen += yuan * 100;
  if (fen > MAX_FEN)
    return set_too_large (error);

  *out_fen = negative ? -fen : fen;
  return TRUE;
}

char *
anju_money_format_fen (gint64 fen)
{
  /* Through guint64 so that G_MININT64 has a magnitude too. */
  guint64 magnitude = fen < 0 ? (guint64) 0 - (guint64) fen : (guint64) fen;
  g_autofree char *yuan = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 100);
  gsize n_yuan = strlen (yuan);
  GString *out = g_string_new (fen < 0 ? "-" : NULL);

  for (gsize i = 0; i < n_yuan; i++)
    {
      if (i > 0 && (n_yuan - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, yuan[i]);
    }
  g_string_append_printf (out, ".%02u", (guint) (magnitude % 100));

  return g_string_free (out, FALSE);
}
