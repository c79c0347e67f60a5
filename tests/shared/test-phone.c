/* Mainland mobile numbers: users' phones (docs/api.md "Phones: mainland
 * mobile numbers"), F-PORTAL-017 user management; data-model AD-4. */
#include "config.h"

#include "anju-phone.h"
#include "shared-test-assert.h"

static void
test_valid (void)
{
  static const char *phones[] = {
    "13800138000",
    "13912345678",
    "15073112345",
    "17700000000",
    "19912345678",
  };

  for (guint i = 0; i < G_N_ELEMENTS (phones); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", phones[i]);
      g_assert_true (anju_phone_validate_mobile (phones[i], &error));
      g_assert_no_error (error);
    }
}

static void
test_invalid (void)
{
  static const struct { const char *phone; const char *fragment; } cases[] = {
    { "", "not 0" },
    { "1380013800", "not 10" },
    { "138001380001", "not 12" },
    { "12345678901", "starts with 13 to 19" },
    { "10086100861", "starts with 13 to 19" },
    { "23800138000", "starts with 13 to 19" },
    { "03800138000", "starts with 13 to 19" },
    /* One spelling per number: no separators, no country code. */
    { "138-0013-8000", "only digits" },
    { "138 0013 8000", "only digits" },
    { " 13800138000", "only digits" },
    { "+8613800138000", "only digits" },
    { "1380013800O", "only digits" },
    /* Full-width digits are not ASCII digits. */
    { "１３８００１３８０００", "only digits" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("“%s”", cases[i].phone);
      g_assert_false (anju_phone_validate_mobile (cases[i].phone, &error));
      assert_validation_error (error, cases[i].fragment);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shared/phone/valid", test_valid);
  g_test_add_func ("/shared/phone/invalid", test_invalid);

  return g_test_run ();
}
