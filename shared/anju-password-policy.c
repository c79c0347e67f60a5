#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "anju-error.h"
#include "anju-password-policy.h"

#define MIN_CHARS 8
#define MAX_BYTES 128

typedef struct
{
  gboolean upper;
  gboolean lower;
  gboolean digit;
  gboolean special;
} CharClasses;

/* Only ASCII counts towards a class: a Chinese character is allowed in a
 * password but is neither upper- nor lower-case, and the special characters
 * must be ones every keyboard, kiosk included, can type. */
static CharClasses
find_classes (const char *password)
{
  CharClasses classes = { FALSE, FALSE, FALSE, FALSE };

  for (const char *p = password; *p != '\0'; p++)
    {
      classes.upper |= g_ascii_isupper (*p);
      classes.lower |= g_ascii_islower (*p);
      classes.digit |= g_ascii_isdigit (*p);
      classes.special |= g_ascii_ispunct (*p);
    }
  return classes;
}

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_VALIDATION, message);
  return FALSE;
}

static gboolean
contains_username (const char *password,
                   const char *username)
{
  g_autofree char *folded_password = NULL;
  g_autofree char *folded_username = NULL;

  if (username == NULL || *username == '\0' || !g_utf8_validate (username, -1, NULL))
    return FALSE;

  folded_password = g_utf8_casefold (password, -1);
  folded_username = g_utf8_casefold (username, -1);
  return strstr (folded_password, folded_username) != NULL;
}

/* SEC-001: the rules are checked in the order a user fixes them, so the
 * message always names the first thing to change. */
gboolean
anju_password_policy_check (const char  *password,
                            const char  *username,
                            GError     **error)
{
  CharClasses classes;

  g_return_val_if_fail (password != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (password, -1, NULL))
    return fail (error, _("The password contains invalid characters"));
  if (g_utf8_strlen (password, -1) < MIN_CHARS)
    return fail (error, _("The password must have at least 8 characters"));
  if (strlen (password) > MAX_BYTES)
    return fail (error, _("The password is too long: at most 128 bytes are allowed"));

  classes = find_classes (password);
  if (!classes.upper)
    return fail (error, _("The password must contain an upper-case letter"));
  if (!classes.lower)
    return fail (error, _("The password must contain a lower-case letter"));
  if (!classes.digit)
    return fail (error, _("The password must contain a digit"));
  if (!classes.special)
    return fail (error, _("The password must contain a special character such as ! # or @"));

  if (contains_username (password, username))
    return fail (error, _("The password must not contain the username"));

  return TRUE;
}
