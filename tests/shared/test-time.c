/* Times on the wire, data-model AD-10 (dates "YYYY-MM-DD") and AD-11
 * (date-times "YYYY-MM-DDTHH:MM:SS+08:00"), docs/api.md "Times". */
#include "config.h"

#include "anju-time.h"
#include "shared-test-assert.h"

/* 2026-11-29T17:00:00+08:00, the example in docs/api.md. */
#define API_EXAMPLE_SECS G_GINT64_CONSTANT (1795942800)

static void
test_format (void)
{
  static const struct { gint64 secs; const char *text; } cases[] = {
    { 0, "1970-01-01T08:00:00+08:00" },
    { API_EXAMPLE_SECS, "2026-11-29T17:00:00+08:00" },
    /* 16:00 UTC is already the next day in Shanghai. */
    { G_GINT64_CONSTANT (1709136000), "2024-02-29T00:00:00+08:00" },
    { -1, "1970-01-01T07:59:59+08:00" },
    { G_GINT64_CONSTANT (-2208988800), "1900-01-01T08:00:00+08:00" },
    { G_GINT64_CONSTANT (253402271999), "9999-12-31T23:59:59+08:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = anju_time_format_iso8601 (cases[i].secs);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The arithmetic of anju_time_format_iso8601 () against GDateTime, which
 * it replaced for speed: the same text for any time of years 1 … 9999. */
static void
test_format_like_gdatetime (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
  const gint64 first = G_GINT64_CONSTANT (-62135596800);
  const gint64 last = G_GINT64_CONSTANT (253402300799) - 8 * 3600;
  const gint64 fixed[] = {
    first, first + 1, last, last - 1, 0, -1, 86399, 86400, -28800, -28801,
    G_GINT64_CONSTANT (951753600), G_GINT64_CONSTANT (4107456000),
    G_GINT64_CONSTANT (-59011459200), G_GINT64_CONSTANT (-12219292800),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixed) + 20000; i++)
    {
      gint64 value = i < G_N_ELEMENTS (fixed)
                     ? fixed[i]
                     : first + (gint64) (g_test_rand_double () * (double) (last - first));
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (value);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
      g_autofree char *expected = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
      g_autofree char *text = anju_time_format_iso8601 (value);

      g_assert_cmpstr (text, ==, expected);
    }
}

/* Messages and texts: minutes in Shanghai, the day already changed at
 * 16:00 UTC. */
static void
test_format_display (void)
{
  static const struct { gint64 secs; const char *text; } cases[] = {
    { API_EXAMPLE_SECS, "2026-11-29 17:00" },
    { G_GINT64_CONSTANT (1709136000), "2024-02-29 00:00" },
    { G_GINT64_CONSTANT (1709135999), "2024-02-28 23:59" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = anju_time_format_display (cases[i].secs);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_parse (void)
{
  static const struct { const char *text; gint64 secs; } cases[] = {
    { "2026-11-29T17:00:00+08:00", API_EXAMPLE_SECS },
    /* The same instant written with other offsets. */
    { "2026-11-29T09:00:00Z", API_EXAMPLE_SECS },
    { "2026-11-29T09:00:00+00:00", API_EXAMPLE_SECS },
    { "2026-11-29T10:00:00+01:00", API_EXAMPLE_SECS },
    { "2026-11-29T04:00:00-05:00", API_EXAMPLE_SECS },
    { "2026-11-29T18:00:00+09:00", API_EXAMPLE_SECS },
    /* No offset: Shanghai time, whatever the host's zone. */
    { "2026-11-29T17:00:00", API_EXAMPLE_SECS },
    /* Fractions of a second are dropped. */
    { "2026-11-29T17:00:00.75+08:00", API_EXAMPLE_SECS },
    /* A plain date is midnight in Shanghai, 16:00 UTC the day before. */
    { "2026-11-29", G_GINT64_CONSTANT (1795881600) },
    { "2024-02-29", G_GINT64_CONSTANT (1709136000) },
    { "1970-01-01", -8 * 3600 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 secs = 0;

      g_test_message ("%s", cases[i].text);
      g_assert_true (anju_time_parse_iso8601 (cases[i].text, &secs, &error));
      g_assert_no_error (error);
      g_assert_cmpint (secs, ==, cases[i].secs);
    }
}

static void
test_parse_refused (void)
{
  static const struct { const char *text; const char *fragment; } cases[] = {
    { "", "is not a date and time" },
    { "yesterday", "“yesterday” is not a date and time" },
    { "2026/11/29", "is not a date and time" },
    { "29-11-2026", "is not a date and time" },
    { "2026-11-29 ", "is not a date and time" },
    { "2026-11-29T25:00:00+08:00", "is not a date and time" },
    { "2026-11-29T17:60:00+08:00", "is not a date and time" },
    { "2026-11-29T17:00:00+08:00junk", "is not a date and time" },
    { "2026-02-30", "2026-02-30 is not a real date" },
    { "2023-02-29", "2023-02-29 is not a real date" },
    { "2026-13-01", "2026-13-01 is not a real date" },
    { "2026-00-10", "is not a real date" },
    { "2026-01-00", "is not a real date" },
    { "0000-01-01", "is not a real date" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 secs = 42;

      g_test_message ("“%s”", cases[i].text);
      g_assert_false (anju_time_parse_iso8601 (cases[i].text, &secs, &error));
      assert_validation_error (error, cases[i].fragment);
      g_assert_cmpint (secs, ==, 42);
    }
}

static void
test_round_trip (void)
{
  static const gint64 fixed[] = {
    0, 1, -1, API_EXAMPLE_SECS, G_GINT64_CONSTANT (-2208988800),
    G_GINT64_CONSTANT (253402271999), G_GINT64_CONSTANT (4102444800),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      g_autofree char *text = anju_time_format_iso8601 (fixed[i]);
      g_autoptr(GError) error = NULL;
      gint64 secs = 0;

      g_assert_true (anju_time_parse_iso8601 (text, &secs, &error));
      g_assert_no_error (error);
      g_assert_cmpint (secs, ==, fixed[i]);
    }

  /* g_test_rand_* prints its seed, so a failure replays with --seed. */
  for (guint i = 0; i < 2000; i++)
    {
      gint64 value = (gint64) g_test_rand_int () * 4 + g_test_rand_int_range (0, 4);
      g_autofree char *text = anju_time_format_iso8601 (value);
      g_autoptr(GError) error = NULL;
      gint64 secs = 0;

      g_assert_true (g_str_has_suffix (text, "+08:00"));
      g_assert_true (anju_time_parse_iso8601 (text, &secs, &error));
      g_assert_no_error (error);
      g_assert_cmpint (secs, ==, value);
    }
}

/* The host's zone must not leak in: the same results under a zone far
 * from Shanghai.  TZ is read again by GLib for each new local zone. */
static void
test_host_zone_ignored (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 secs = 0;

  g_setenv ("TZ", "America/New_York", TRUE);

  text = anju_time_format_iso8601 (API_EXAMPLE_SECS);
  g_assert_cmpstr (text, ==, "2026-11-29T17:00:00+08:00");

  g_assert_true (anju_time_parse_iso8601 ("2026-11-29T17:00:00", &secs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (secs, ==, API_EXAMPLE_SECS);

  g_assert_true (anju_time_parse_iso8601 ("2026-11-29", &secs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (secs, ==, G_GINT64_CONSTANT (1795881600));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shared/time/format", test_format);
  g_test_add_func ("/shared/time/format-like-gdatetime", test_format_like_gdatetime);
  g_test_add_func ("/shared/time/format-display", test_format_display);
  g_test_add_func ("/shared/time/parse", test_parse);
  g_test_add_func ("/shared/time/parse-refused", test_parse_refused);
  g_test_add_func ("/shared/time/round-trip", test_round_trip);
  g_test_add_func ("/shared/time/host-zone-ignored", test_host_zone_ignored);

  return g_test_run ();
}
