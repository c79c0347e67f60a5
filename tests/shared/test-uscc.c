/* Unified social credit codes (GB 32100-2015), data-model AD-5: the
 * certificate number of a participant organisation (项目参与单位.证件号码).
 *
 * 91350100M000100Y43 is the sample code the standard's readers all quote;
 * the other check characters were computed independently of the code under
 * test (weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28, check =
 * 31 - sum % 31, 31 → 0). */
#include "config.h"

#include "anju-uscc.h"
#include "shared-test-assert.h"

static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static const char *valid_codes[] = {
  "91350100M000100Y43",
  "91430100MA4L0XXXXD",   /* an enterprise registered in Changsha */
  "12430000444885312D",   /* a public institution (机构编制, 1 + 2) */
  "91430104MA4RABCM10",   /* sum ≡ 0 (mod 31): the "31 → 0" case */
  "92430104MA4L2B3C4Y",   /* an individual business, check Y */
  "9143010070718765XY",   /* an X inside the organisation code */
};

static void
test_check_char (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_codes); i++)
    {
      g_autofree char *body = g_strndup (valid_codes[i], 17);

      g_assert_cmpint (anju_uscc_check_char (body), ==, valid_codes[i][17]);
    }

  g_assert_cmpint (anju_uscc_check_char ("91350100M000100Y"), ==, '\0');
  g_assert_cmpint (anju_uscc_check_char ("91350100M000100I4"), ==, '\0');
  g_assert_cmpint (anju_uscc_check_char ("91350100m000100y4"), ==, '\0');
  g_assert_cmpint (anju_uscc_check_char (""), ==, '\0');
}

static void
test_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_codes); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", valid_codes[i]);
      g_assert_true (anju_uscc_validate (valid_codes[i], &error));
      g_assert_no_error (error);
    }
}

/* The weights are all prime to 31, so any single substitution changes the
 * sum; whichever rule notices first, the code must be refused. */
static void
test_flipped_char (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_codes); i++)
    for (guint pos = 0; pos < 18; pos++)
      {
        g_autofree char *code = g_strdup (valid_codes[i]);
        g_autoptr(GError) error = NULL;
        const char *found = strchr (alphabet, code[pos]);

        g_assert_nonnull (found);
        code[pos] = alphabet[(found - alphabet + 1) % 31];

        g_test_message ("%s", code);
        g_assert_false (anju_uscc_validate (code, &error));
        g_assert_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION);
      }
}

static void
test_wrong_check_char_named (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (anju_uscc_validate ("91350100M000100Y44", &error));
  assert_validation_error (error, "should be 3");

  g_assert_false (anju_uscc_validate ("91430104MA4RABCM1Y", &error));
  assert_validation_error (error, "should be 0");
}

/* I, O, Z, S and V are outside the alphabet anywhere, the organisation
 * code (characters 9 to 17) included. */
static void
test_forbidden_letters (void)
{
  static const char forbidden[] = "IOZSV";

  for (guint i = 0; forbidden[i] != '\0'; i++)
    for (guint pos = 8; pos < 18; pos++)
      {
        g_autofree char *code = g_strdup ("91350100M000100Y43");
        g_autofree char *fragment = NULL;
        g_autoptr(GError) error = NULL;

        code[pos] = forbidden[i];
        fragment = g_strdup_printf ("Character %u of the unified social credit code, “%c”",
                                    pos + 1, forbidden[i]);
        g_assert_false (anju_uscc_validate (code, &error));
        assert_validation_error (error, fragment);
      }
}

static void
test_bad_characters (void)
{
  static const struct { const char *code; const char *fragment; } cases[] = {
    /* Upper case only, as printed on the licence. */
    { "91350100m000100y43", "Character 9 " },
    { "91350100M000100Y4-", "Character 18 " },
    { "91350100M000 100Y4", "Character 13 " },
    /* Positions count characters: 中 is three bytes. */
    { "91350100M000100Y4中", "Character 18 of the unified social credit code, “中”" },
    { "9中350100M000100Y43", "Character 2 " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("“%s”", cases[i].code);
      g_assert_false (anju_uscc_validate (cases[i].code, &error));
      assert_validation_error (error, cases[i].fragment);
    }
}

static void
test_length (void)
{
  static const struct { const char *code; const char *fragment; } cases[] = {
    { "", "not 0" },
    { "91350100M000100Y4", "not 17" },
    { "91350100M000100Y433", "not 19" },
    { "91350100M000100Y4中中", "not 19" },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_false (anju_uscc_validate (cases[i].code, &error));
      assert_validation_error (error, cases[i].fragment);
    }

  g_assert_false (anju_uscc_validate ("91350100M000100\xff\xfe\xfd", &error));
  assert_validation_error (error, "invalid characters");
}

/* Characters 3 to 8 are a division code; a letter there is refused even
 * with a matching check character, while the same code with digits is
 * accepted. */
static void
test_region_digits (void)
{
  static const char *bodies[] = {
    "91A50100M000100Y4",
    "9135010AM000100Y4",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *code = g_strdup_printf ("%s%c", bodies[i],
                                               anju_uscc_check_char (bodies[i]));

      g_test_message ("%s", code);
      g_assert_false (anju_uscc_validate (code, &error));
      assert_validation_error (error, "region code");
    }

  g_assert_true (anju_uscc_validate ("91350100M000100Y43", &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shared/uscc/check-char", test_check_char);
  g_test_add_func ("/shared/uscc/valid", test_valid);
  g_test_add_func ("/shared/uscc/flipped-char", test_flipped_char);
  g_test_add_func ("/shared/uscc/wrong-check-char", test_wrong_check_char_named);
  g_test_add_func ("/shared/uscc/forbidden-letters", test_forbidden_letters);
  g_test_add_func ("/shared/uscc/bad-characters", test_bad_characters);
  g_test_add_func ("/shared/uscc/length", test_length);
  g_test_add_func ("/shared/uscc/region-digits", test_region_digits);

  return g_test_run ();
}
