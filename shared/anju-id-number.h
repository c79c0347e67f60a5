/* anju-id-number.h: citizen identity numbers (GB 11643-1999).
 *
 * 18 characters: 6-digit region, 8-digit birth date, 3-digit sequence
 * (odd = male), and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ANJU_SEX_UNKNOWN,
  ANJU_SEX_MALE,
  ANJU_SEX_FEMALE,
} AnjuSex;

/* The check character for the first 17 digits, or '\0' if they are not
 * 17 digits. */
char     anju_id_number_check_char     (const char *first17);
/* ANJU_ERROR_VALIDATION with a translated message naming what is wrong
 * (length, a non-digit, an impossible birth date, a future birth date,
 * the check character).  A lower-case x is accepted. */
gboolean anju_id_number_validate       (const char  *id_number,
                                        GError     **error);
/* Birth date of a valid number as a GDate (invalid GDate otherwise). */
gboolean anju_id_number_get_birth_date (const char *id_number,
                                        GDate      *out_date);
AnjuSex  anju_id_number_get_sex        (const char *id_number);

G_END_DECLS
