/* test-json-text.c: AnjuJsonText writes the JSON text a list page is
 * made of: the separators of nested objects and arrays, every scalar,
 * and strings escaped as JSON asks (quotes, backslash, control
 * characters, embedded NUL as \u0000) with UTF-8 (CJK, emoji) passed
 * through and invalid bytes made U+FFFD.  Each text is also parsed back
 * with json-glib, which must read the value that was written.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <json-glib/json-glib.h>

#include "anju-json-text.h"
#include "anju-test-server.h"

/* The text of one string written alone. */
static char *
string_text (const char *value,
             gssize      length)
{
  GString *out = g_string_new (NULL);
  g_autoptr(AnjuJsonText) text = anju_json_text_new (out);

  if (length < 0)
    anju_json_text_string (text, value);
  else
    anju_json_text_string_len (text, value, length);
  return g_string_free (out, FALSE);
}

/* text parsed by json-glib must be the string expected. */
static void
assert_reads_back (const char *text,
                   const char *expected,
                   gsize       expected_length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (text, &error);
  const char *value;

  g_assert_no_error (error);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  value = json_node_get_string (node);
  /* json-glib's strings end at a NUL: compare what it can hold. */
  g_assert_cmpmem (value, strlen (value), expected, MIN (expected_length, strlen (value)));
}

static void
assert_string (const char *value,
               gssize      length,
               const char *expected_text)
{
  g_autofree char *text = string_text (value, length);

  g_assert_cmpstr (text, ==, expected_text);
}

static void
test_escapes (void)
{
  g_autofree char *all_controls = NULL;
  char controls[32];

  assert_string ("plain", -1, "\"plain\"");
  assert_string ("", -1, "\"\"");
  assert_string ("say \"hi\"", -1, "\"say \\\"hi\\\"\"");
  assert_string ("C:\\dir\\", -1, "\"C:\\\\dir\\\\\"");
  assert_string ("a/b", -1, "\"a/b\"");
  assert_string ("\b\f\n\r\t", -1, "\"\\b\\f\\n\\r\\t\"");
  assert_string ("\x01\x1f\x7f", -1, "\"\\u0001\\u001f\x7f\"");
  assert_reads_back ("\"say \\\"hi\\\"\\\\\\n\"", "say \"hi\"\\\n", 11);

  /* Every control character, each read back as itself. */
  for (guint i = 1; i < 32; i++)
    controls[i - 1] = (char) i;
  controls[31] = '\0';
  all_controls = string_text (controls, -1);
  g_assert_null (strpbrk (all_controls + 1, "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c"
                                            "\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18"
                                            "\x19\x1a\x1b\x1c\x1d\x1e\x1f"));
  assert_reads_back (all_controls, controls, 31);
}

static void
test_utf8 (void)
{
  const char *cjk = "银盆岭街道 张三";
  const char *emoji = "房屋 🏠 ok 👨‍👩‍👧";
  g_autofree char *cjk_text = g_strdup_printf ("\"%s\"", cjk);
  g_autofree char *emoji_text = g_strdup_printf ("\"%s\"", emoji);
  g_autofree char *text = NULL;

  /* Passed through as they are, not as \u escapes. */
  assert_string (cjk, -1, cjk_text);
  assert_string (emoji, -1, emoji_text);
  assert_reads_back (emoji_text, emoji, strlen (emoji));

  /* Bytes that are no UTF-8 (a lone continuation byte, a cut-off
   * sequence, an overlong '/'), one U+FFFD each: the text stays JSON. */
  assert_string ("a\x80" "b", -1, "\"a\xef\xbf\xbd" "b\"");
  assert_string ("\xe9\x93", -1, "\"\xef\xbf\xbd\xef\xbf\xbd\"");
  assert_string ("\xc0\xaf", -1, "\"\xef\xbf\xbd\xef\xbf\xbd\"");
  /* At the edges of RFC 3629: a surrogate (U+D800), past U+10FFFF, an
   * overlong three-byte form; then the highest valid ones of each length. */
  assert_string ("\xed\xa0\x80", -1, "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
  assert_string ("\xf4\x90\x80\x80", -1,
                 "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
  assert_string ("\xe0\x80\xaf", -1, "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
  assert_string ("\xdf\xbf\xed\x9f\xbf\xef\xbf\xbf\xf4\x8f\xbf\xbf", -1,
                 "\"\xdf\xbf\xed\x9f\xbf\xef\xbf\xbf\xf4\x8f\xbf\xbf\"");
  text = string_text ("x\xff\xfey", -1);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  assert_reads_back (text, "x\xef\xbf\xbd\xef\xbf\xbdy", 8);
}

static void
test_embedded_nul (void)
{
  static const char value[] = { 'a', '\0', 'b' };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  /* A NUL inside the length given is JSON's \u0000, never a raw byte
   * that would end the text early for a C reader. */
  assert_string (value, sizeof value, "\"a\\u0000b\"");
  node = json_from_string ("\"a\\u0000b\"", &error);
  g_assert_no_error (error);
  /* NUL-terminated: the string ends at its terminator. */
  assert_string ("a", -1, "\"a\"");
}

static void
test_scalars (void)
{
  GString *out = g_string_new (NULL);
  g_autoptr(AnjuJsonText) text = anju_json_text_new (out);
  g_autofree char *result = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  anju_json_text_begin_array (text);
  anju_json_text_int (text, 0);
  anju_json_text_int (text, -42);
  anju_json_text_int (text, G_MAXINT64);
  anju_json_text_int (text, G_MININT64);
  anju_json_text_double (text, 2.0);
  anju_json_text_double (text, -0.125);
  anju_json_text_double (text, 1e300);
  anju_json_text_double (text, NAN);
  anju_json_text_double (text, INFINITY);
  anju_json_text_bool (text, TRUE);
  anju_json_text_bool (text, FALSE);
  anju_json_text_null (text);
  anju_json_text_string (text, NULL);
  anju_json_text_end_array (text);
  result = g_string_free (out, FALSE);

  g_assert_cmpstr (result, ==,
                   "[0,-42,9223372036854775807,-9223372036854775808,2.0,-0.125,1e+300,"
                   "null,null,true,false,null,null]");
  node = json_from_string (result, &error);
  g_assert_no_error (error);
  array = json_node_get_array (node);
  g_assert_cmpint (json_array_get_int_element (array, 2), ==, G_MAXINT64);
  g_assert_cmpint (json_array_get_int_element (array, 3), ==, G_MININT64);
  g_assert_cmpint (json_node_get_value_type (json_array_get_element (array, 4)), ==,
                   G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_array_get_double_element (array, 6), ==, 1e300);
}

static void
test_nesting (void)
{
  GString *out = g_string_new (NULL);
  g_autoptr(AnjuJsonText) text = anju_json_text_new (out);
  g_autofree char *result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  anju_json_text_begin_object (text);
  anju_json_text_member (text, "items");
  anju_json_text_begin_array (text);
  anju_json_text_begin_object (text);
  anju_json_text_end_object (text);
  anju_json_text_begin_object (text);
  anju_json_text_member (text, "a");
  anju_json_text_begin_array (text);
  anju_json_text_end_array (text);
  anju_json_text_member (text, "b\"");
  anju_json_text_begin_object (text);
  anju_json_text_member (text, "c");
  anju_json_text_null (text);
  anju_json_text_end_object (text);
  anju_json_text_member (text, "名");
  anju_json_text_string (text, "值");
  anju_json_text_end_object (text);
  anju_json_text_end_array (text);
  anju_json_text_member (text, "total");
  anju_json_text_int (text, 2);
  anju_json_text_end_object (text);
  result = g_string_free (out, FALSE);

  g_assert_cmpstr (result, ==,
                   "{\"items\":[{},{\"a\":[],\"b\\\"\":{\"c\":null},\"名\":\"值\"}],\"total\":2}");
  node = json_from_string (result, &error);
  g_assert_no_error (error);
}

/* A value written already (a stored report) goes in with the commas
 * around it as any other value. */
static void
test_raw (void)
{
  GString *out = g_string_new (NULL);
  g_autoptr(AnjuJsonText) text = anju_json_text_new (out);
  g_autofree char *result = NULL;

  anju_json_text_begin_array (text);
  anju_json_text_int (text, 1);
  anju_json_text_raw (text, "{\"a\":[1,2]}", 11);
  anju_json_text_raw (text, "null", 4);
  anju_json_text_begin_object (text);
  anju_json_text_member (text, "r");
  anju_json_text_raw (text, "[]", 2);
  anju_json_text_member (text, "s");
  anju_json_text_string (text, "x");
  anju_json_text_end_object (text);
  anju_json_text_end_array (text);
  result = g_string_free (out, FALSE);

  g_assert_cmpstr (result, ==, "[1,{\"a\":[1,2]},null,{\"r\":[],\"s\":\"x\"}]");
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  g_test_add_func ("/json-text/escapes", test_escapes);
  g_test_add_func ("/json-text/utf8", test_utf8);
  g_test_add_func ("/json-text/embedded-nul", test_embedded_nul);
  g_test_add_func ("/json-text/scalars", test_scalars);
  g_test_add_func ("/json-text/nesting", test_nesting);
  g_test_add_func ("/json-text/raw", test_raw);
  return g_test_run ();
}
