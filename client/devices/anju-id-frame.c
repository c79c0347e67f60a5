/* anju-id-frame.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "anju-id-frame.h"
#include "anju-id-number.h"
#include "anju-nation.h"

G_DEFINE_QUARK (anju-id-frame-error-quark, anju_id_frame_error)

static const guint8 preamble[] = { 0xAA, 0xAA, 0xAA, 0x96, 0x69 };

#define PREAMBLE_BYTES  5
#define LENGTH_BYTES    2
/* A request is CMD PARA, a response at least SW1 SW2 SW3; the largest
 * known reply (text, photo and fingerprint) is 2312 bytes.  A length
 * outside these bounds is line noise that happened to follow a preamble. */
#define MIN_FRAME_LEN   3
#define MAX_FRAME_LEN   4096

/* The read reply's text block: each field's size in bytes of UCS-2LE,
 * in the card's order (FEASIBILITY §4). */
typedef enum
{
  FIELD_NAME,
  FIELD_SEX,
  FIELD_NATION,
  FIELD_BIRTH,
  FIELD_ADDRESS,
  FIELD_ID_NO,
  FIELD_AUTHORITY,
  FIELD_VALID_FROM,
  FIELD_VALID_TO,
  FIELD_RESERVED,
  N_FIELDS,
} TextField;

static const gsize field_bytes[N_FIELDS] = { 30, 2, 4, 16, 70, 36, 30, 16, 16, 36 };

#define LONG_TERM "长期"

static guint8
xor_of (const guint8 *data,
        gsize         len)
{
  guint8 sum = 0;

  for (gsize i = 0; i < len; i++)
    sum ^= data[i];
  return sum;
}

static GBytes *
encode_frame (const guint8 *payload,
              gsize         payload_len)
{
  gsize frame_len = PREAMBLE_BYTES + LENGTH_BYTES + payload_len + 1;
  guint8 *frame = g_malloc (frame_len);
  gsize len_field = payload_len + 1;

  memcpy (frame, preamble, PREAMBLE_BYTES);
  frame[5] = (len_field >> 8) & 0xFF;
  frame[6] = len_field & 0xFF;
  memcpy (frame + 7, payload, payload_len);
  frame[frame_len - 1] = xor_of (frame + PREAMBLE_BYTES, LENGTH_BYTES + payload_len);
  return g_bytes_new_take (frame, frame_len);
}

GBytes *
anju_id_frame_encode_command (guint8 cmd,
                              guint8 para)
{
  const guint8 payload[] = { cmd, para };

  return encode_frame (payload, sizeof payload);
}

GBytes *
anju_id_frame_encode_response (guint8        sw1,
                               guint8        sw2,
                               guint8        sw3,
                               const guint8 *data,
                               gsize         data_len)
{
  g_autofree guint8 *payload = NULL;

  g_return_val_if_fail (data != NULL || data_len == 0, NULL);
  g_return_val_if_fail (data_len + 4 <= MAX_FRAME_LEN, NULL);

  payload = g_malloc (3 + data_len);
  payload[0] = sw1;
  payload[1] = sw2;
  payload[2] = sw3;
  if (data_len > 0)
    memcpy (payload + 3, data, data_len);
  return encode_frame (payload, 3 + data_len);
}

/* The offset of the first preamble in buf, or of the longest tail that
 * could still become one (len when there is none of it). */
static gsize
find_preamble (const guint8 *buf,
               gsize         len)
{
  for (gsize start = 0; start < len; start++)
    {
      gsize n = MIN (PREAMBLE_BYTES, len - start);

      if (memcmp (buf + start, preamble, n) == 0)
        return start;
    }
  return len;
}

gboolean
anju_id_frame_parse (const guint8  *buf,
                     gsize          len,
                     gsize         *consumed,
                     GBytes       **payload,
                     GError       **error)
{
  gsize start = 0;
  gsize frame_len = 0;
  gsize len_field = 0;
  const guint8 *frame = NULL;

  g_return_val_if_fail (buf != NULL || len == 0, FALSE);
  g_return_val_if_fail (consumed != NULL, FALSE);
  g_return_val_if_fail (payload != NULL && *payload == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Whatever comes before a preamble can never be part of a frame. */
  start = find_preamble (buf, len);
  *consumed = start;
  if (len - start < PREAMBLE_BYTES + LENGTH_BYTES)
    return FALSE;

  frame = buf + start;
  len_field = ((gsize) frame[5] << 8) | frame[6];
  if (len_field < MIN_FRAME_LEN || len_field > MAX_FRAME_LEN)
    {
      /* Drop just the first preamble byte: a real frame may start inside
       * what this impossible length claimed. */
      *consumed = start + 1;
      g_set_error (error, ANJU_ID_FRAME_ERROR, ANJU_ID_FRAME_ERROR_LENGTH,
                   _("A frame claims an impossible length of %u bytes"),
                   (guint) len_field);
      return FALSE;
    }

  frame_len = PREAMBLE_BYTES + LENGTH_BYTES + len_field;
  if (len - start < frame_len)
    return FALSE;

  *consumed = start + frame_len;
  if (xor_of (frame + PREAMBLE_BYTES, frame_len - PREAMBLE_BYTES - 1) != frame[frame_len - 1])
    {
      g_set_error_literal (error, ANJU_ID_FRAME_ERROR, ANJU_ID_FRAME_ERROR_CHECKSUM,
                           _("A frame's checksum does not match its contents"));
      return FALSE;
    }

  *payload = g_bytes_new (frame + PREAMBLE_BYTES + LENGTH_BYTES, len_field - 1);
  return TRUE;
}

/* Text block: decoding. */

static gsize
field_offset (TextField field)
{
  gsize offset = 0;

  for (TextField i = 0; i < field; i++)
    offset += field_bytes[i];
  return offset;
}

/* One field as UTF-8 without its space (or NUL) padding; NULL when the
 * UCS-2 is not valid, e.g. a lone surrogate. */
static char *
decode_field (const guint8 *text,
              TextField     field)
{
  const guint8 *bytes = text + field_offset (field);
  gsize size = field_bytes[field] / 2;
  gsize n_units = size;
  g_autofree gunichar2 *units = g_new0 (gunichar2, size + 1);
  char *utf8 = NULL;

  for (gsize i = 0; i < size; i++)
    units[i] = bytes[2 * i] | (bytes[2 * i + 1] << 8);
  while (n_units > 0 && (units[n_units - 1] == ' ' || units[n_units - 1] == 0))
    n_units--;

  utf8 = g_utf16_to_utf8 (units, n_units, NULL, NULL, NULL);
  explicit_bzero (units, size * sizeof (gunichar2));
  return utf8;
}

static gboolean
is_digits (const char *str,
           gsize       n)
{
  if (strlen (str) != n)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (str[i]))
      return FALSE;
  return TRUE;
}

/* "YYYYMMDD" → "YYYY-MM-DD", NULL when it is not a calendar date. */
static char *
card_date_to_iso (const char *yyyymmdd)
{
  guint64 number = 0;
  int year = 0;
  int month = 0;
  int day = 0;

  if (yyyymmdd == NULL || !is_digits (yyyymmdd, 8))
    return NULL;
  number = g_ascii_strtoull (yyyymmdd, NULL, 10);
  year = number / 10000;
  month = (number / 100) % 100;
  day = number % 100;
  if (!g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* Personal data does not outlive its use in the heap (anju-id-card.h). */
static void
wipe_free (char *str)
{
  if (str == NULL)
    return;
  explicit_bzero (str, strlen (str));
  g_free (str);
}

typedef char WipedString;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WipedString, wipe_free)

static gboolean
text_error (GError    **error,
            const char *message)
{
  g_set_error_literal (error, ANJU_ID_FRAME_ERROR, ANJU_ID_FRAME_ERROR_TEXT, message);
  return FALSE;
}

static gboolean
decode_dates (AnjuIdCard    *card,
              const guint8  *text,
              GError       **error)
{
  g_autoptr(WipedString) birth = decode_field (text, FIELD_BIRTH);
  g_autoptr(WipedString) from = decode_field (text, FIELD_VALID_FROM);
  g_autoptr(WipedString) to = decode_field (text, FIELD_VALID_TO);

  if ((card->birth_date = card_date_to_iso (birth)) == NULL)
    return text_error (error, _("The card's birth date is not a date"));
  if ((card->valid_from = card_date_to_iso (from)) == NULL)
    return text_error (error, _("The card's start of validity is not a date"));
  if (g_strcmp0 (to, LONG_TERM) == 0)
    card->valid_to = g_strdup (LONG_TERM);
  else if ((card->valid_to = card_date_to_iso (to)) == NULL)
    return text_error (error, _("The card's end of validity is neither a date nor 长期"));
  return TRUE;
}

static gboolean
decode_text_block (AnjuIdCard    *card,
                   const guint8  *text,
                   GError       **error)
{
  g_autoptr(GError) id_error = NULL;

  card->name = decode_field (text, FIELD_NAME);
  card->sex = decode_field (text, FIELD_SEX);
  card->nation_code = decode_field (text, FIELD_NATION);
  card->address = decode_field (text, FIELD_ADDRESS);
  card->id_no = decode_field (text, FIELD_ID_NO);
  card->authority = decode_field (text, FIELD_AUTHORITY);

  if (card->name == NULL || *card->name == '\0')
    return text_error (error, _("The card holds no name"));
  if (g_strcmp0 (card->sex, "1") != 0 && g_strcmp0 (card->sex, "2") != 0)
    return text_error (error, _("The card's sex is neither 1 nor 2"));
  if (card->nation_code == NULL || !is_digits (card->nation_code, 2))
    return text_error (error, _("The card's nation code is not two digits"));
  if (card->address == NULL || *card->address == '\0')
    return text_error (error, _("The card holds no address"));
  if (card->authority == NULL || *card->authority == '\0')
    return text_error (error, _("The card holds no issuing authority"));
  if (card->id_no == NULL || !anju_id_number_validate (card->id_no, &id_error))
    {
      g_set_error (error, ANJU_ID_FRAME_ERROR, ANJU_ID_FRAME_ERROR_TEXT,
                   _("The card's ID number is not valid: %s"),
                   id_error != NULL ? id_error->message : _("it is not text"));
      return FALSE;
    }
  /* The validator accepts a typed lower-case x; a card holds X. */
  card->id_no[17] = g_ascii_toupper (card->id_no[17]);
  card->nation = g_strdup (anju_nation_get_card_name (card->nation_code));
  return decode_dates (card, text, error);
}

AnjuIdCard *
anju_id_card_decode_read_data (const guint8  *data,
                               gsize          len,
                               GError       **error)
{
  g_autoptr(AnjuIdCard) card = NULL;
  gsize text_len = 0;
  gsize photo_len = 0;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len >= 4)
    {
      text_len = ((gsize) data[0] << 8) | data[1];
      photo_len = ((gsize) data[2] << 8) | data[3];
    }
  if (len < 4 || text_len != ANJU_ID_TEXT_BYTES ||
      (photo_len != 0 && photo_len != ANJU_ID_PHOTO_BYTES) ||
      len != 4 + text_len + photo_len)
    {
      g_set_error (error, ANJU_ID_FRAME_ERROR, ANJU_ID_FRAME_ERROR_LENGTH,
                   _("The card data has %u bytes, not a text block and a photo"),
                   (guint) len);
      return NULL;
    }

  card = anju_id_card_new ();
  if (!decode_text_block (card, data + 4, error))
    return NULL;
  if (photo_len > 0)
    card->photo_wlt = g_bytes_new (data + 4 + text_len, photo_len);
  return g_steal_pointer (&card);
}

/* Text block: encoding, for the simulator and the tests. */

/* Writes value into its field as UCS-2LE padded with spaces; a value too
 * long for the field is cut at the field's end, as a card printer would. */
static void
encode_field (guint8     *text,
              TextField   field,
              const char *value)
{
  guint8 *bytes = text + field_offset (field);
  gsize n_units = field_bytes[field] / 2;
  glong n_value = 0;
  g_autofree gunichar2 *units = NULL;

  if (value != NULL)
    units = g_utf8_to_utf16 (value, -1, NULL, &n_value, NULL);
  for (gsize i = 0; i < n_units; i++)
    {
      gunichar2 unit = (units != NULL && (glong) i < n_value) ? units[i] : ' ';

      bytes[2 * i] = unit & 0xFF;
      bytes[2 * i + 1] = unit >> 8;
    }
  if (units != NULL && n_value > 0)
    explicit_bzero (units, n_value * sizeof (gunichar2));
}

/* "YYYY-MM-DD" → "YYYYMMDD"; anything else (长期) as it is. */
static char *
iso_to_card_date (const char *date)
{
  if (date == NULL)
    return NULL;
  if (strlen (date) == 10 && date[4] == '-' && date[7] == '-')
    return g_strdup_printf ("%.4s%.2s%.2s", date, date + 5, date + 8);
  return g_strdup (date);
}

GBytes *
anju_id_card_encode_read_data (const AnjuIdCard *card)
{
  gsize photo_len = 0;
  guint8 *data = NULL;
  guint8 *text = NULL;
  g_autoptr(WipedString) birth = NULL;
  g_autoptr(WipedString) from = NULL;
  g_autoptr(WipedString) to = NULL;

  g_return_val_if_fail (card != NULL, NULL);
  g_return_val_if_fail (card->photo_wlt == NULL ||
                        g_bytes_get_size (card->photo_wlt) == ANJU_ID_PHOTO_BYTES, NULL);

  photo_len = card->photo_wlt != NULL ? ANJU_ID_PHOTO_BYTES : 0;
  data = g_malloc0 (4 + ANJU_ID_TEXT_BYTES + photo_len);
  data[0] = ANJU_ID_TEXT_BYTES >> 8;
  data[1] = ANJU_ID_TEXT_BYTES & 0xFF;
  data[2] = photo_len >> 8;
  data[3] = photo_len & 0xFF;

  birth = iso_to_card_date (card->birth_date);
  from = iso_to_card_date (card->valid_from);
  to = iso_to_card_date (card->valid_to);
  text = data + 4;
  encode_field (text, FIELD_NAME, card->name);
  encode_field (text, FIELD_SEX, card->sex);
  encode_field (text, FIELD_NATION, card->nation_code);
  encode_field (text, FIELD_BIRTH, birth);
  encode_field (text, FIELD_ADDRESS, card->address);
  encode_field (text, FIELD_ID_NO, card->id_no);
  encode_field (text, FIELD_AUTHORITY, card->authority);
  encode_field (text, FIELD_VALID_FROM, from);
  encode_field (text, FIELD_VALID_TO, to);
  encode_field (text, FIELD_RESERVED, NULL);
  if (photo_len > 0)
    memcpy (text + ANJU_ID_TEXT_BYTES, g_bytes_get_data (card->photo_wlt, NULL), photo_len);

  return g_bytes_new_take (data, 4 + ANJU_ID_TEXT_BYTES + photo_len);
}
