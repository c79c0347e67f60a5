#include "config.h"

#include <string.h>

#include "anju-mask.h"

/* Keeps the first n_head and the last n_tail characters (not bytes: names
 * are Chinese) and writes one '*' for each character in between, so the
 * masked value still shows how long the original was.  When nothing would
 * be hidden, everything is: a three-digit "phone" must not leak whole.
 *
 * NULL stays NULL, so optional columns can be masked without a check.
 * Invalid UTF-8 is repaired first; masking must never fail. */
static char *
mask_utf8 (const char *text,
           glong       n_head,
           glong       n_tail)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  glong n_chars = g_utf8_strlen (valid, -1);
  GString *out;
  const char *tail;

  if (n_chars <= n_head + n_tail)
    {
      n_head = 0;
      n_tail = 0;
    }

  out = g_string_sized_new ((gsize) n_chars + 8);
  tail = g_utf8_offset_to_pointer (valid, n_chars - n_tail);
  g_string_append_len (out, valid, g_utf8_offset_to_pointer (valid, n_head) - valid);
  for (glong i = n_head; i < n_chars - n_tail; i++)
    g_string_append_c (out, '*');
  g_string_append (out, tail);

  return g_string_free (out, FALSE);
}

/* The same for ASCII, a byte a character: one allocation, where the
 * repair, the counting and the GString took three and two passes.  ID
 * numbers and phones are ASCII, and a list masks two a row. */
static char *
mask_ascii (const char *text,
            gsize       length,
            gsize       n_head,
            gsize       n_tail)
{
  char *out = g_malloc (length + 1);

  if (length <= n_head + n_tail)
    {
      n_head = 0;
      n_tail = 0;
    }
  memcpy (out, text, n_head);
  memset (out + n_head, '*', length - n_head - n_tail);
  memcpy (out + length - n_tail, text + length - n_tail, n_tail);
  out[length] = '\0';
  return out;
}

/* Keeps the first n_head and the last n_tail characters (not bytes: names
 * are Chinese) and writes one '*' for each character in between, so the
 * masked value still shows how long the original was.  When nothing would
 * be hidden, everything is: a three-digit "phone" must not leak whole.
 *
 * NULL stays NULL, so optional columns can be masked without a check.
 * Invalid UTF-8 is repaired first; masking must never fail. */
static char *
mask_keeping (const char *text,
              glong       n_head,
              glong       n_tail)
{
  gsize length;

  if (text == NULL)
    return NULL;
  for (length = 0; text[length] != '\0'; length++)
    if ((guchar) text[length] >= 0x80)
      return mask_utf8 (text, n_head, n_tail);
  return mask_ascii (text, length, n_head, n_tail);
}

char *
anju_mask_id_number (const char *id_number)
{
  return mask_keeping (id_number, 6, 4);
}

char *
anju_mask_phone (const char *phone)
{
  return mask_keeping (phone, 3, 4);
}

char *
anju_mask_name (const char *name)
{
  return mask_keeping (name, 1, 0);
}
