#include "config.h"

#include <glib/gi18n-lib.h>

#include "anju-error.h"
#include "anju-id-number.h"

#define ID_NUMBER_LENGTH 18
#define ID_BODY_LENGTH   17
#define EARLIEST_YEAR    1900

/* ISO 7064 MOD 11-2: weight i is 2^(17-i) mod 11, and the remainder of the
 * weighted sum picks the check character from this map. */
static const guint8 check_weights[ID_BODY_LENGTH] = {
  7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2,
};
static const char check_map[] = "10X98765432";

/* GB/T 2260 provinces, plus 83 (Taiwan residents' residence permits) and
 * 91 (foreigners' permanent residence cards), which share this format. */
static const guint8 province_codes[] = {
  11, 12, 13, 14, 15,
  21, 22, 23,
  31, 32, 33, 34, 35, 36, 37,
  41, 42, 43, 44, 45, 46,
  50, 51, 52, 53, 54,
  61, 62, 63, 64, 65,
  71, 81, 82, 83, 91,
};

char
anju_id_number_check_char (const char *first17)
{
  guint sum = 0;

  g_return_val_if_fail (first17 != NULL, '\0');

  /* A shorter string stops at its NUL, which is not a digit. */
  for (guint i = 0; i < ID_BODY_LENGTH; i++)
    {
      if (!g_ascii_isdigit (first17[i]))
        return '\0';
      sum += (guint) (first17[i] - '0') * check_weights[i];
    }

  return check_map[sum % 11];
}

static guint
parse_digits (const char *digits,
              guint       n_digits)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    value = value * 10 + (guint) (digits[i] - '0');
  return value;
}

/* Shape only: 18 characters, 17 digits and a digit or X.  Character
 * positions in messages count characters, not bytes, so a stray Chinese
 * character is reported where the user sees it. */
static gboolean
check_shape (const char  *id_number,
             GError     **error)
{
  glong n_chars;
  int position = 1;

  if (!g_utf8_validate (id_number, -1, NULL))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   _("The ID number contains invalid characters"));
      return FALSE;
    }

  n_chars = g_utf8_strlen (id_number, -1);
  if (n_chars != ID_NUMBER_LENGTH)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   /* Translators: %1$d is how many characters were entered */
                   _("The ID number must have 18 characters, not %1$d"),
                   (int) n_chars);
      return FALSE;
    }

  for (const char *p = id_number; *p != '\0'; p = g_utf8_next_char (p), position++)
    {
      gunichar c = g_utf8_get_char (p);
      gboolean is_digit = c < 0x80 && g_ascii_isdigit ((char) c);

      if (position <= ID_BODY_LENGTH && !is_digit)
        {
          g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                       /* Translators: %1$d is a position, 1 to 17 */
                       _("Character %1$d of the ID number must be a digit"),
                       position);
          return FALSE;
        }
      if (position == ID_NUMBER_LENGTH && !is_digit && c != 'X' && c != 'x')
        {
          g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                       _("The last character of the ID number must be a digit or X"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_region (const char  *id_number,
              GError     **error)
{
  guint province = parse_digits (id_number, 2);

  for (guint i = 0; i < G_N_ELEMENTS (province_codes); i++)
    if (province_codes[i] == province)
      return TRUE;

  g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
               /* Translators: %1$02u is the two-digit province code */
               _("The ID number starts with %1$02u, which is not a province code"),
               province);
  return FALSE;
}

/* "Today" is the calendar day in Shanghai, where the numbers are issued
 * and where the server runs its business day. */
static void
get_today_in_shanghai (GDate *out_today)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);

  g_date_clear (out_today, 1);
  g_date_set_dmy (out_today,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

static gboolean
check_birth_date (const char  *id_number,
                  GDate       *out_date,
                  GError     **error)
{
  guint year = parse_digits (id_number + 6, 4);
  guint month = parse_digits (id_number + 10, 2);
  guint day = parse_digits (id_number + 12, 2);
  GDate today;

  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   /* Translators: %1$.8s is the date as written in the number, e.g. 19990230 */
                   _("The birth date %1$.8s in the ID number is not a real date"),
                   id_number + 6);
      return FALSE;
    }

  if (year < EARLIEST_YEAR)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   _("The birth date in the ID number is before 1900"));
      return FALSE;
    }

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  get_today_in_shanghai (&today);
  if (g_date_compare (out_date, &today) > 0)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   _("The birth date in the ID number is in the future"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_check_char (const char  *id_number,
                  GError     **error)
{
  char expected = anju_id_number_check_char (id_number);

  if (g_ascii_toupper (id_number[ID_BODY_LENGTH]) != expected)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   /* Translators: %1$c is the expected check character, 0-9 or X */
                   _("The check character of the ID number should be %1$c"),
                   expected);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_into (const char  *id_number,
               GDate       *out_birth,
               GError     **error)
{
  return check_shape (id_number, error) &&
         check_region (id_number, error) &&
         check_birth_date (id_number, out_birth, error) &&
         check_check_char (id_number, error);
}

gboolean
anju_id_number_validate (const char  *id_number,
                         GError     **error)
{
  GDate birth;

  g_return_val_if_fail (id_number != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return validate_into (id_number, &birth, error);
}

gboolean
anju_id_number_get_birth_date (const char *id_number,
                               GDate      *out_date)
{
  g_return_val_if_fail (id_number != NULL, FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  if (!validate_into (id_number, out_date, NULL))
    {
      g_date_clear (out_date, 1);
      return FALSE;
    }
  return TRUE;
}

AnjuSex
anju_id_number_get_sex (const char *id_number)
{
  GDate birth;
  guint sequence_last;

  g_return_val_if_fail (id_number != NULL, ANJU_SEX_UNKNOWN);

  if (!validate_into (id_number, &birth, NULL))
    return ANJU_SEX_UNKNOWN;

  sequence_last = (guint) (id_number[16] - '0');
  return sequence_last % 2 == 1 ? ANJU_SEX_MALE : ANJU_SEX_FEMALE;
}
