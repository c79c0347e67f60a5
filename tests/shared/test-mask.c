/* Display masking, SEC-058 ("Mask ID numbers … and phone numbers … in
 * displays and exports") and docs/api.md ("phone": "138****1234"). */
#include "config.h"

#include "anju-mask.h"
#include "shared-test-assert.h"

typedef char *(*MaskFunc) (const char *text);

typedef struct
{
  const char *input;
  const char *masked;
} MaskCase;

static void
check_cases (MaskFunc        mask,
             const MaskCase *cases,
             guint           n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *masked = mask (cases[i].input);

      g_test_message ("“%s”", cases[i].input);
      g_assert_cmpstr (masked, ==, cases[i].masked);
      /* One star per hidden character: the length stays visible. */
      g_assert_cmpint (g_utf8_strlen (masked, -1), ==, g_utf8_strlen (cases[i].input, -1));
    }
}

static void
test_id_number (void)
{
  static const MaskCase cases[] = {
    { "430104199003071237", "430104********1237" },
    { "11010519491231002X", "110105********002X" },
    { "12345678901", "123456*8901" },
    /* Nothing would be hidden: hide everything. */
    { "1234567890", "**********" },
    { "123", "***" },
    { "", "" },
  };

  check_cases (anju_mask_id_number, cases, G_N_ELEMENTS (cases));
}

static void
test_phone (void)
{
  static const MaskCase cases[] = {
    { "13812345678", "138****5678" },
    { "13800001234", "138****1234" },
    { "12345678", "123*5678" },
    { "1234567", "*******" },
    { "110", "***" },
    { "", "" },
  };

  check_cases (anju_mask_phone, cases, G_N_ELEMENTS (cases));
}

static void
test_name (void)
{
  static const MaskCase cases[] = {
    { "张三", "张*" },
    { "欧阳娜", "欧**" },
    { "欧阳娜娜", "欧***" },
    { "阿卜杜勒·买买提", "阿*******" },
    { "Li Lei", "L*****" },
    /* A one-character name would be shown whole. */
    { "张", "*" },
    { "A", "*" },
    { "", "" },
  };

  check_cases (anju_mask_name, cases, G_N_ELEMENTS (cases));
}

static void
test_multibyte_id_number (void)
{
  static const MaskCase cases[] = {
    /* A foreign passport entered as free text: characters, not bytes. */
    { "护照号码E12345678", "护照号码E1***5678" },
    { "一二三四五六七八九十一", "一二三四五六*八九十一" },
  };

  check_cases (anju_mask_id_number, cases, G_N_ELEMENTS (cases));
}

static void
test_null_and_invalid (void)
{
  g_autofree char *masked_null = anju_mask_name (NULL);
  g_autofree char *masked_bad = anju_mask_phone ("138\xff\xfe" "12345678");
  g_autofree char *masked_bad_name = anju_mask_name ("\xe5\xbc");

  g_assert_null (masked_null);

  /* Broken input still masks, and the output is valid UTF-8. */
  g_assert_true (g_utf8_validate (masked_bad, -1, NULL));
  g_assert_true (g_str_has_prefix (masked_bad, "138*"));
  g_assert_true (g_str_has_suffix (masked_bad, "*5678"));
  g_assert_true (g_utf8_validate (masked_bad_name, -1, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shared/mask/id-number  SEC-058", test_id_number);
  g_test_add_func ("/shared/mask/phone  SEC-058", test_phone);
  g_test_add_func ("/shared/mask/name", test_name);
  g_test_add_func ("/shared/mask/multibyte", test_multibyte_id_number);
  g_test_add_func ("/shared/mask/null-and-invalid", test_null_and_invalid);

  return g_test_run ();
}
