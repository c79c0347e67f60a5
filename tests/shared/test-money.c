/* Money as integer fen, data-model AD-9 ("INTEGER in fen (1/100 yuan),
 * never REAL"): rents, deposits, subsidies. */
#include "config.h"

#include "anju-money.h"
#include "shared-test-assert.h"

#define MAX_FEN G_GINT64_CONSTANT (1000000000000000)

static void
test_parse_valid (void)
{
  static const struct { const char *text; gint64 fen; } cases[] = {
    { "0", 0 },
    { "-0", 0 },
    { "-0.00", 0 },
    { "1234", 123400 },
    { "1234.5", 123450 },
    { "1234.05", 123405 },
    { "1,234.56", 123456 },
    { "1,234,567.89", 123456789 },
    { "-0.01", -1 },
    { "-1,234.50", -123450 },
    { "007", 700 },
    { "¥12.30", 1230 },
    { "￥1,000元", 100000 },
    { "12元", 1200 },
    { "-¥5", -500 },
    { "¥-5", -500 },
    { "  7.05\t", 705 },
    /* The limits themselves are allowed. */
    { "10000000000000", MAX_FEN },
    { "10,000,000,000,000.00", MAX_FEN },
    { "-10000000000000.00", -MAX_FEN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = G_MININT64;

      g_test_message ("“%s”", cases[i].text);
      g_assert_true (anju_money_parse_fen (cases[i].text, &fen, &error));
      g_assert_no_error (error);
      g_assert_cmpint (fen, ==, cases[i].fen);
    }
}

static void
test_parse_refused (void)
{
  static const struct { const char *text; const char *fragment; } cases[] = {
    { "", "empty" },
    { "   ", "empty" },
    { "1.234", "at most two decimals" },
    { "0.001", "at most two decimals" },
    { "1.2.3", "“1.2.3” is not an amount" },
    { "abc", "“abc” is not an amount" },
    { "1.", "not an amount" },
    { ".5", "not an amount" },
    { "-", "not an amount" },
    { "¥", "not an amount" },
    { "元", "not an amount" },
    { "--5", "not an amount" },
    { "-¥-5", "not an amount" },
    { "+5", "not an amount" },
    { "5-", "not an amount" },
    { "5元元", "not an amount" },
    { "1e3", "not an amount" },
    { "0x10", "not an amount" },
    { "1 234", "not an amount" },
    /* Separators group by three, or "1,23" could be a mistyped 1.23. */
    { "1,23", "not an amount" },
    { "12,3456", "not an amount" },
    { "1234,567", "not an amount" },
    { ",123", "not an amount" },
    { "1,,234", "not an amount" },
    { "1,23,456", "not an amount" },
    { "1,2345,678", "not an amount" },
    { "1,234,", "not an amount" },
    { "１２", "not an amount" },
    /* Beyond ±10^15 fen, and far beyond gint64. */
    { "10000000000000.01", "too large" },
    { "-10000000000000.01", "too large" },
    { "10000000000001", "too large" },
    { "99999999999999999999", "too large" },
    { "99999999999999999999999999999999999999.00", "too large" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = 42;

      g_test_message ("“%s”", cases[i].text);
      g_assert_false (anju_money_parse_fen (cases[i].text, &fen, &error));
      assert_validation_error (error, cases[i].fragment);
      /* A refusal leaves the output alone. */
      g_assert_cmpint (fen, ==, 42);
    }
}

static void
test_format (void)
{
  static const struct { gint64 fen; const char *text; } cases[] = {
    { 0, "0.00" },
    { 5, "0.05" },
    { 99, "0.99" },
    { -1, "-0.01" },
    { 100, "1.00" },
    { 123450, "1,234.50" },
    { -123450, "-1,234.50" },
    { 99999, "999.99" },
    { 100000, "1,000.00" },
    { 100000000, "1,000,000.00" },
    { MAX_FEN, "10,000,000,000,000.00" },
    { G_MAXINT64, "92,233,720,368,547,758.07" },
    { G_MININT64, "-92,233,720,368,547,758.08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = anju_money_format_fen (cases[i].fen);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_round_trip (void)
{
  static const gint64 fixed[] = {
    0, 1, -1, 10, 99, 100, 101, 999, 1000, 123456, -987654321,
    MAX_FEN, -MAX_FEN, MAX_FEN - 1,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      g_autofree char *text = anju_money_format_fen (fixed[i]);
      g_autoptr(GError) error = NULL;
      gint64 fen = 0;

      g_assert_true (anju_money_parse_fen (text, &fen, &error));
      g_assert_no_error (error);
      g_assert_cmpint (fen, ==, fixed[i]);
    }

  /* g_test_rand_* is seeded per run and the seed is printed, so a
   * failure can be replayed with --seed. */
  for (guint i = 0; i < 2000; i++)
    {
      gint64 value = (gint64) g_test_rand_int () * 250000 + g_test_rand_int_range (0, 100);
      g_autofree char *text = anju_money_format_fen (value);
      g_autoptr(GError) error = NULL;
      gint64 fen = 0;

      g_assert_true (anju_money_parse_fen (text, &fen, &error));
      g_assert_no_error (error);
      g_assert_cmpint (fen, ==, value);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shared/money/parse", test_parse_valid);
  g_test_add_func ("/shared/money/parse-refused", test_parse_refused);
  g_test_add_func ("/shared/money/format", test_format);
  g_test_add_func ("/shared/money/round-trip", test_round_trip);

  return g_test_run ();
}
