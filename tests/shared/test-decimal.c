/* Two-decimal numbers (areas, amounts of the pubrent contract) as integer
 * hundredths: anju-decimal.h. */
#include "config.h"

#include "anju-decimal.h"
#include "shared-test-assert.h"

/* The formatter writes digits itself (lists format thousands); it must
 * give what printf gives, allocating or not. */
static void
test_format_like_printf (void)
{
  static const gint64 values[] = {
    0, 1, 9, 10, 99, 100, 101, 1550, 4231, 50700, 123456789,
    -1, -99, -100, -1550, G_MAXINT64, G_MININT64 + 1,
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      gint64 v = values[i];
      g_autofree char *expected = g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02" G_GUINT64_FORMAT,
                                                   v < 0 ? "-" : "",
                                                   (v < 0 ? -(guint64) v : (guint64) v) / 100,
                                                   (v < 0 ? -(guint64) v : (guint64) v) % 100);
      g_autofree char *text = anju_decimal_format_hundredths (v);
      char buffer[ANJU_DECIMAL_HUNDREDTHS_SIZE];
      gsize length = anju_decimal_format_hundredths_into (v, buffer);

      g_assert_cmpstr (text, ==, expected);
      g_assert_cmpuint (length, ==, strlen (expected));
      g_assert_cmpstr (buffer, ==, expected);
    }
}

/* The smallest number has no positive twin: it still formats. */
static void
test_format_extremes (void)
{
  char buffer[ANJU_DECIMAL_HUNDREDTHS_SIZE];

  g_assert_cmpuint (anju_decimal_format_hundredths_into (G_MININT64, buffer), ==,
                    strlen ("-92233720368547758.08"));
  g_assert_cmpstr (buffer, ==, "-92233720368547758.08");
}

static void
test_round_trip (void)
{
  static const char * const texts[] = { "0.00", "15.50", "42.31", "60000.00", "0.07" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *back = NULL;
      gint64 value = -1;

      g_assert_true (anju_decimal_parse_hundredths (texts[i], &value, &error));
      g_assert_no_error (error);
      back = anju_decimal_format_hundredths (value);
      g_assert_cmpstr (back, ==, texts[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shared/decimal/format-like-printf", test_format_like_printf);
  g_test_add_func ("/shared/decimal/format-extremes", test_format_extremes);
  g_test_add_func ("/shared/decimal/round-trip", test_round_trip);

  return g_test_run ();
}
