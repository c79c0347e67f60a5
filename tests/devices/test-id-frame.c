/* test-id-frame.c: the GA/T 467 frames and the card's text block, on the
 * byte vectors of FEASIBILITY §4 (F-TERM-005 identity capture).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "anju-id-card-file.h"
#include "anju-id-frame.h"
#include "anju-nation.h"

static GBytes *
bytes_from_hex (const char *hex)
{
  gsize len = strlen (hex) / 2;
  guint8 *data = g_malloc (len);

  for (gsize i = 0; i < len; i++)
    data[i] = (g_ascii_xdigit_value (hex[2 * i]) << 4) | g_ascii_xdigit_value (hex[2 * i + 1]);
  return g_bytes_new_take (data, len);
}

static char *
hex_from_bytes (GBytes *bytes)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  GString *hex = g_string_new (NULL);

  for (gsize i = 0; i < len; i++)
    g_string_append_printf (hex, "%02X", data[i]);
  return g_string_free (hex, FALSE);
}

static void
assert_encodes (GBytes     *frame,
                const char *expected)
{
  g_autofree char *hex = hex_from_bytes (frame);

  g_assert_cmpstr (hex, ==, expected);
  g_bytes_unref (frame);
}

static void
test_encode_commands (void)
{
  assert_encodes (anju_id_frame_encode_command (ANJU_ID_CMD_FIND_CARD), "AAAAAA96690003200122");
  assert_encodes (anju_id_frame_encode_command (ANJU_ID_CMD_SELECT_CARD), "AAAAAA96690003200221");
  assert_encodes (anju_id_frame_encode_command (ANJU_ID_CMD_READ_TEXT), "AAAAAA96690003300132");
  assert_encodes (anju_id_frame_encode_command (ANJU_ID_CMD_SAM_STATUS), "AAAAAA9669000311FFED");
}

static void
test_encode_responses (void)
{
  static const guint8 find_data[4] = { 0 };

  assert_encodes (anju_id_frame_encode_response (0, 0, ANJU_ID_SW3_SUCCESS, NULL, 0),
                  "AAAAAA9669000400009094");
  assert_encodes (anju_id_frame_encode_response (0, 0, ANJU_ID_SW3_NO_CARD, NULL, 0),
                  "AAAAAA9669000400008084");
  assert_encodes (anju_id_frame_encode_response (0, 0, ANJU_ID_SW3_FIND_OK, find_data, 4),
                  "AAAAAA9669000800009F0000000097");
}

static GBytes *
parse_ok (GBytes *input,
          gsize   expected_consumed)
{
  g_autoptr(GError) error = NULL;
  GBytes *payload = NULL;
  gsize consumed = 0;
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (input, &len);

  g_assert_true (anju_id_frame_parse (data, len, &consumed, &payload, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (consumed, ==, expected_consumed);
  return payload;
}

static void
test_parse_good (void)
{
  g_autoptr(GBytes) input = bytes_from_hex ("AAAAAA9669000400009094");
  g_autoptr(GBytes) payload = parse_ok (input, 11);
  g_autofree char *hex = hex_from_bytes (payload);

  g_assert_cmpstr (hex, ==, "000090");
}

static void
test_parse_garbage_before_preamble (void)
{
  /* Noise, a lone AA and a broken preamble, then a frame, then the start
   * of the next one, which stays for the next call. */
  g_autoptr(GBytes) input = bytes_from_hex ("0D0A11AAAAAA96AAAAAA9669000400008084AAAA");
  g_autoptr(GBytes) payload = parse_ok (input, 18);
  g_autofree char *hex = hex_from_bytes (payload);

  g_assert_cmpstr (hex, ==, "000080");
}

static void
test_parse_split (void)
{
  g_autoptr(GBytes) input = bytes_from_hex ("AAAAAA9669000800009F0000000097");
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (input, &len);

  /* Every prefix is "more bytes needed", with nothing to drop. */
  for (gsize n = 0; n < len; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) payload = NULL;
      gsize consumed = 99;

      g_assert_false (anju_id_frame_parse (data, n, &consumed, &payload, &error));
      g_assert_no_error (error);
      g_assert_null (payload);
      g_assert_cmpuint (consumed, ==, 0);
    }
  g_bytes_unref (parse_ok (input, len));
}

static void
test_parse_noise_only (void)
{
  g_autoptr(GBytes) input = bytes_from_hex ("0102030405AAAA");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) payload = NULL;
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (input, &len);
  gsize consumed = 0;

  /* The noise goes, the two AA that may start a preamble stay. */
  g_assert_false (anju_id_frame_parse (data, len, &consumed, &payload, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (consumed, ==, 5);
}

static void
test_parse_bad_xor (void)
{
  g_autoptr(GBytes) input = bytes_from_hex ("AAAAAA9669000400009095AAAAAA9669000400009094");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) next = NULL;
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (input, &len);
  gsize consumed = 0;

  g_assert_false (anju_id_frame_parse (data, len, &consumed, &payload, &error));
  g_assert_error (error, ANJU_ID_FRAME_ERROR, ANJU_ID_FRAME_ERROR_CHECKSUM);
  g_assert_null (payload);
  g_assert_cmpuint (consumed, ==, 11);

  /* The good frame after the bad one is found. */
  g_clear_error (&error);
  g_assert_true (anju_id_frame_parse (data + consumed, len - consumed, &consumed, &next, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (next), ==, 3);
}

static void
test_parse_bad_length (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) payload = NULL;
  gsize consumed = 0;
  g_autoptr(GBytes) too_short = bytes_from_hex ("00AAAAAA966900010001");
  g_autoptr(GBytes) too_long = bytes_from_hex ("AAAAAA9669FFFF00");
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (too_short, &len);

  g_assert_false (anju_id_frame_parse (data, len, &consumed, &payload, &error));
  g_assert_error (error, ANJU_ID_FRAME_ERROR, ANJU_ID_FRAME_ERROR_LENGTH);
  /* The noise byte and the first preamble byte: resynchronise after it. */
  g_assert_cmpuint (consumed, ==, 2);

  g_clear_error (&error);
  data = g_bytes_get_data (too_long, &len);
  g_assert_false (anju_id_frame_parse (data, len, &consumed, &payload, &error));
  g_assert_error (error, ANJU_ID_FRAME_ERROR, ANJU_ID_FRAME_ERROR_LENGTH);
  g_assert_cmpuint (consumed, ==, 1);
}

static void
assert_same_card (const AnjuIdCard *a,
                  const AnjuIdCard *b)
{
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->sex, ==, b->sex);
  g_assert_cmpstr (a->nation_code, ==, b->nation_code);
  g_assert_cmpstr (a->nation, ==, b->nation);
  g_assert_cmpstr (a->birth_date, ==, b->birth_date);
  g_assert_cmpstr (a->address, ==, b->address);
  g_assert_cmpstr (a->id_no, ==, b->id_no);
  g_assert_cmpstr (a->authority, ==, b->authority);
  g_assert_cmpstr (a->valid_from, ==, b->valid_from);
  g_assert_cmpstr (a->valid_to, ==, b->valid_to);
  g_assert_true ((a->photo_wlt == NULL) == (b->photo_wlt == NULL));
  if (a->photo_wlt != NULL)
    g_assert_true (g_bytes_equal (a->photo_wlt, b->photo_wlt));
}

static AnjuIdCard *
feasibility_card (void)
{
  AnjuIdCard *card = anju_id_card_new ();

  card->name = g_strdup ("张三丰");
  card->sex = g_strdup ("1");
  card->nation_code = g_strdup ("01");
  card->nation = g_strdup ("汉");
  card->birth_date = g_strdup ("1949-12-31");
  card->address = g_strdup ("北京市东城区景山前街4号故宫博物院");
  card->id_no = g_strdup ("11010519491231002X");
  card->authority = g_strdup ("北京市公安局东城分局");
  card->valid_from = g_strdup ("2020-01-01");
  card->valid_to = g_strdup ("长期");
  return card;
}

static void
test_text_block_long_term (void)
{
  g_autoptr(AnjuIdCard) card = feasibility_card ();
  g_autoptr(AnjuIdCard) decoded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  guint8 photo[ANJU_ID_PHOTO_BYTES];
  const guint8 *bytes = NULL;
  gsize len = 0;

  for (gsize i = 0; i < sizeof photo; i++)
    photo[i] = i * 7;
  card->photo_wlt = g_bytes_new (photo, sizeof photo);

  data = anju_id_card_encode_read_data (card);
  bytes = g_bytes_get_data (data, &len);
  g_assert_cmpuint (len, ==, 4 + ANJU_ID_TEXT_BYTES + ANJU_ID_PHOTO_BYTES);
  /* 01 00 04 00, then 张 as UCS-2LE (U+5F20), and 长期 (U+957F U+671F) at
   * the valid-to field's offset 204, padded with spaces. */
  g_assert_cmpmem (bytes, 4, "\x01\x00\x04\x00", 4);
  g_assert_cmpmem (bytes + 4, 2, "\x20\x5F", 2);
  g_assert_cmpmem (bytes + 4 + 204, 6, "\x7F\x95\x1F\x67\x20\x00", 6);

  decoded = anju_id_card_decode_read_data (bytes, len, &error);
  g_assert_no_error (error);
  assert_same_card (decoded, card);
  g_assert_cmpstr (decoded->valid_to, ==, "长期");

  /* The whole read reply is the 1295-byte frame of FEASIBILITY §4. */
  {
    g_autoptr(GBytes) frame = anju_id_frame_encode_response (0, 0, ANJU_ID_SW3_SUCCESS, bytes, len);
    g_autoptr(GBytes) head = g_bytes_new_from_bytes (frame, 0, 14);
    g_autofree char *hex = hex_from_bytes (head);

    g_assert_cmpuint (g_bytes_get_size (frame), ==, 1295);
    g_assert_cmpstr (hex, ==, "AAAAAA96690508000090010004" "00");
  }
}

static void
test_text_block_sample_card (void)
{
  g_autoptr(AnjuIdCard) card = anju_id_card_new_sample ();
  g_autoptr(AnjuIdCard) copy = anju_id_card_copy (card);
  g_autoptr(AnjuIdCard) decoded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = anju_id_card_encode_read_data (card);
  gsize len = 0;
  const guint8 *bytes = g_bytes_get_data (data, &len);

  /* No photo: a text block alone. */
  g_assert_cmpuint (len, ==, 4 + ANJU_ID_TEXT_BYTES);
  decoded = anju_id_card_decode_read_data (bytes, len, &error);
  g_assert_no_error (error);
  assert_same_card (decoded, copy);
  g_assert_cmpstr (decoded->nation, ==, "汉");
  g_assert_true (g_str_has_prefix (decoded->address, "湖南省长沙市岳麓区"));
}

static void
assert_text_error (AnjuIdCard *card)
{
  g_autoptr(GBytes) data = anju_id_card_encode_read_data (card);
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  const guint8 *bytes = g_bytes_get_data (data, &len);
  g_autoptr(AnjuIdCard) decoded = anju_id_card_decode_read_data (bytes, len, &error);

  g_assert_error (error, ANJU_ID_FRAME_ERROR, ANJU_ID_FRAME_ERROR_TEXT);
  g_assert_null (decoded);
}

static void
test_text_block_bad_card (void)
{
  g_autoptr(AnjuIdCard) card = feasibility_card ();

  /* The check character of 110105194912310021 is X, not 1. */
  g_free (card->id_no);
  card->id_no = g_strdup ("110105194912310021");
  assert_text_error (card);

  g_free (card->id_no);
  card->id_no = g_strdup ("11010519491231002X");
  g_free (card->sex);
  card->sex = g_strdup ("3");
  assert_text_error (card);

  g_free (card->sex);
  card->sex = g_strdup ("1");
  g_free (card->valid_from);
  card->valid_from = g_strdup ("2020-02-30");
  assert_text_error (card);
}

static void
test_read_data_bad_length (void)
{
  g_autoptr(AnjuIdCard) card = feasibility_card ();
  g_autoptr(GBytes) data = anju_id_card_encode_read_data (card);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuIdCard) decoded = NULL;
  gsize len = 0;
  const guint8 *bytes = g_bytes_get_data (data, &len);

  decoded = anju_id_card_decode_read_data (bytes, len - 1, &error);
  g_assert_error (error, ANJU_ID_FRAME_ERROR, ANJU_ID_FRAME_ERROR_LENGTH);
  g_assert_null (decoded);
}

static void
test_nations (void)
{
  g_assert_cmpstr (anju_nation_get_card_name ("01"), ==, "汉");
  g_assert_cmpstr (anju_nation_get_name ("01"), ==, "汉族");
  g_assert_cmpstr (anju_nation_get_key ("01"), ==, "han");
  g_assert_cmpstr (anju_nation_get_card_name ("15"), ==, "土家");
  g_assert_cmpstr (anju_nation_get_name ("56"), ==, "基诺族");
  g_assert_null (anju_nation_get_name ("00"));
  g_assert_null (anju_nation_get_name ("57"));
  g_assert_null (anju_nation_get_name ("1"));
  g_assert_null (anju_nation_get_name (NULL));
}

static void
test_key_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("anju-id-frame-XXXXXX", &error);
  g_autofree char *good = g_build_filename (dir, "good.card", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.card", NULL);
  g_autoptr(AnjuIdCard) card = NULL;
  g_autoptr(AnjuIdCard) missing = NULL;

  g_assert_no_error (error);
  g_file_set_contents (good,
                       "[card]\nname=李长沙\nsex=1\nnation_code=15\nbirth_date=1958-03-02\n"
                       "address=湖南省长沙市岳麓区望月湖街道\nid_no=430104195803020018\n"
                       "authority=长沙市公安局岳麓分局\nvalid_from=2010-01-01\nvalid_to=长期\n",
                       -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (bad, "[card]\nname=李长沙\n", -1, &error);
  g_assert_no_error (error);

  card = anju_id_card_load_key_file (good, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (card->nation, ==, "土家");
  g_assert_cmpstr (card->valid_to, ==, "长期");

  missing = anju_id_card_load_key_file (bad, &error);
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND);
  g_assert_null (missing);

  g_unlink (good);
  g_unlink (bad);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/devices/id-frame/F-TERM-005/encode-commands", test_encode_commands);
  g_test_add_func ("/devices/id-frame/F-TERM-005/encode-responses", test_encode_responses);
  g_test_add_func ("/devices/id-frame/F-TERM-005/parse-good", test_parse_good);
  g_test_add_func ("/devices/id-frame/F-TERM-005/parse-garbage", test_parse_garbage_before_preamble);
  g_test_add_func ("/devices/id-frame/F-TERM-005/parse-split", test_parse_split);
  g_test_add_func ("/devices/id-frame/F-TERM-005/parse-noise-only", test_parse_noise_only);
  g_test_add_func ("/devices/id-frame/F-TERM-005/parse-bad-xor", test_parse_bad_xor);
  g_test_add_func ("/devices/id-frame/F-TERM-005/parse-bad-length", test_parse_bad_length);
  g_test_add_func ("/devices/id-frame/F-TERM-005/text-long-term", test_text_block_long_term);
  g_test_add_func ("/devices/id-frame/F-TERM-005/text-sample-card", test_text_block_sample_card);
  g_test_add_func ("/devices/id-frame/F-TERM-005/text-bad-card", test_text_block_bad_card);
  g_test_add_func ("/devices/id-frame/F-TERM-005/read-data-bad-length", test_read_data_bad_length);
  g_test_add_func ("/devices/id-frame/F-TERM-005/nations", test_nations);
  g_test_add_func ("/devices/id-frame/F-TERM-005/key-file", test_key_file);

  return g_test_run ();
}
