/* The password rule, SEC-001 ("Reject passwords shorter than 8 characters
 * or lacking any of uppercase, lowercase, digit and special character"),
 * applied on every set/reset path (SEC-003, F-PORTAL-017). */
#include "config.h"

#include "anju-password-policy.h"
#include "shared-test-assert.h"

static void
test_valid (void)
{
  static const struct { const char *password; const char *username; } cases[] = {
    { "Anju@2026", "center.admin" },
    { "Passw0rd!", NULL },
    { "Aa1!aaaa", "" },              /* exactly 8 */
    { "安居Anju#2026", "zhangsan" },  /* Chinese characters are allowed */
    { "Zh@ng5an", "zhangsan" },      /* resembling the username is not containing it */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("“%s”", cases[i].password);
      g_assert_true (anju_password_policy_check (cases[i].password, cases[i].username, &error));
      g_assert_no_error (error);
    }
}

/* Every ASCII punctuation character is a special character. */
static void
test_every_special (void)
{
  static const char specials[] = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  for (guint i = 0; specials[i] != '\0'; i++)
    {
      g_autofree char *password = g_strdup_printf ("Anju2026%c", specials[i]);
      g_autoptr(GError) error = NULL;

      g_assert_true (anju_password_policy_check (password, "zhangsan", &error));
      g_assert_no_error (error);

      /* Case-insensitive: "anju" is inside "Anju2026…". */
      g_assert_false (anju_password_policy_check (password, "anju", &error));
      assert_validation_error (error, "must not contain the username");
    }
}

static void
test_length_limits (void)
{
  g_autoptr(GString) longest = g_string_new ("Aa1!");
  g_autoptr(GError) error = NULL;

  while (longest->len < 128)
    g_string_append_c (longest, 'x');
  g_assert_true (anju_password_policy_check (longest->str, NULL, &error));
  g_assert_no_error (error);

  /* 129 bytes. */
  g_string_append_c (longest, 'x');
  g_assert_false (anju_password_policy_check (longest->str, NULL, &error));
  assert_validation_error (error, "at most 128 bytes");

  /* 43 Chinese characters are 129 bytes: the limit is on bytes. */
  g_string_assign (longest, "Aa1!");
  for (guint i = 0; i < 42; i++)
    g_string_append (longest, "安");
  g_string_append (longest, "x");
  g_assert_cmpuint (longest->len, ==, 4 + 42 * 3 + 1);
  g_assert_false (anju_password_policy_check (longest->str, NULL, &error));
  assert_validation_error (error, "at most 128 bytes");
}

static void
test_refused (void)
{
  static const struct
  {
    const char *password;
    const char *username;
    const char *fragment;
  } cases[] = {
    { "", NULL, "at least 8 characters" },
    { "Aa1!aaa", NULL, "at least 8 characters" },
    /* 7 characters in 21 bytes: characters are what count. */
    { "安居安居安居A", NULL, "at least 8 characters" },
    /* The first broken rule is the one named. */
    { "abc", NULL, "at least 8 characters" },
    { "anjuanju", NULL, "upper-case letter" },
    { "anju@2026", NULL, "upper-case letter" },
    { "ANJU@2026", NULL, "lower-case letter" },
    { "Anju@abcd", NULL, "a digit" },
    /* Full-width digits are not digits for this rule. */
    { "Anju@２０２６", NULL, "a digit" },
    { "Anju20261", NULL, "special character" },
    /* A space or a Chinese full stop is not a special character. */
    { "Anju 2026", NULL, "special character" },
    { "Anju2026。", NULL, "special character" },
    { "xZHANGSAN#1a", "zhangsan", "must not contain the username" },
    { "Zhangsan@2026", "ZhangSan", "must not contain the username" },
    { "李雷Lei@2026", "李雷lei", "must not contain the username" },
    { "Anju@2026\xff", NULL, "invalid characters" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* Escaped: TAP output must stay valid UTF-8. */
      g_autofree char *shown = g_strescape (cases[i].password, NULL);
      g_autoptr(GError) error = NULL;

      g_test_message ("“%s”", shown);
      g_assert_false (anju_password_policy_check (cases[i].password, cases[i].username, &error));
      assert_validation_error (error, cases[i].fragment);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shared/password-policy/valid  SEC-001", test_valid);
  g_test_add_func ("/shared/password-policy/every-special  SEC-001", test_every_special);
  g_test_add_func ("/shared/password-policy/length-limits  SEC-001", test_length_limits);
  g_test_add_func ("/shared/password-policy/refused  SEC-001", test_refused);

  return g_test_run ();
}
