#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "anju-error.h"
#include "anju-phone.h"

#define MOBILE_LENGTH 11

/* Only the bare 11 digits are stored and compared, so separators and a
 * +86 prefix are refused here rather than silently stripped: two spellings
 * of one number would defeat the uniqueness and lookup checks. */
gboolean
anju_phone_validate_mobile (const char  *phone,
                            GError     **error)
{
  glong n_chars;

  g_return_val_if_fail (phone != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (const char *p = phone; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      {
        g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                     _("The mobile number may contain only digits"));
        return FALSE;
      }

  /* All ASCII from here on, so bytes are characters. */
  n_chars = (glong) strlen (phone);
  if (n_chars != MOBILE_LENGTH)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   /* Translators: %1$d is how many digits were entered */
                   _("The mobile number must have 11 digits, not %1$d"),
                   (int) n_chars);
      return FALSE;
    }

  if (phone[0] != '1' || phone[1] < '3')
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   _("A mobile number starts with 13 to 19"));
      return FALSE;
    }

  return TRUE;
}
