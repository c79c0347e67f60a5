/* Resident ID numbers (GB 11643-1999), data-model AD-2: "18-digit ID
 * validated when the type is a resident ID".
 *
 * The check characters below were computed independently of the code under
 * test (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, map 1 0 X 9 8 7 6 5 4
 * 3 2); 11010519491231002X and 440524188001010014 are the standard's own
 * worked examples. */
#include "config.h"

#include "anju-id-number.h"
#include "shared-test-assert.h"

typedef struct
{
  const char *number;
  AnjuSex     sex;
  int         year;
  int         month;
  int         day;
} ValidId;

static const ValidId valid_ids[] = {
  /* GB 11643 example; also what the ID-card reader simulator returns */
  { "11010519491231002X", ANJU_SEX_FEMALE, 1949, 12, 31 },
  /* Yuelu district, Changsha, where Xiangjiang New Area lies */
  { "430104199003071237", ANJU_SEX_MALE, 1990, 3, 7 },
  { "430104198511200045", ANJU_SEX_FEMALE, 1985, 11, 20 },
  { "430104198001011025", ANJU_SEX_FEMALE, 1980, 1, 1 },
  { "43010419800101201X", ANJU_SEX_MALE, 1980, 1, 1 },
  /* leap day */
  { "430111200002295676", ANJU_SEX_MALE, 2000, 2, 29 },
  /* the earliest accepted birth date */
  { "430104190001010018", ANJU_SEX_MALE, 1900, 1, 1 },
  { "430102202401053415", ANJU_SEX_MALE, 2024, 1, 5 },
};

/* body17 plus the check character the library computes; only used once
 * test_check_char has pinned that function to the vectors above. */
static char *
complete_number (const char *body17)
{
  char check = anju_id_number_check_char (body17);

  g_assert_cmpint (check, !=, '\0');
  return g_strdup_printf ("%s%c", body17, check);
}

static void
test_check_char (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_ids); i++)
    {
      const char *number = valid_ids[i].number;
      g_autofree char *body = g_strndup (number, 17);

      g_assert_cmpint (anju_id_number_check_char (body), ==, number[17]);
      /* Only the first 17 characters count. */
      g_assert_cmpint (anju_id_number_check_char (number), ==, number[17]);
    }

  g_assert_cmpint (anju_id_number_check_char ("1101051949123100"), ==, '\0');
  g_assert_cmpint (anju_id_number_check_char (""), ==, '\0');
  g_assert_cmpint (anju_id_number_check_char ("1101051949123100A"), ==, '\0');
}

/* One number for each of the eleven check characters, so that every
 * entry of the MOD 11-2 map is exercised (born 1992-06-15 in Yuelu). */
static void
test_every_check_char (void)
{
  static const char *numbers[] = {
    "430104199206151050", "430104199206151181", "430104199206151042",
    "430104199206151093", "430104199206151034", "430104199206151085",
    "430104199206151026", "430104199206151077", "430104199206151018",
    "430104199206151069", "43010419920615100X",
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *body = g_strndup (numbers[i], 17);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", numbers[i]);
      g_assert_cmpint (anju_id_number_check_char (body), ==, numbers[i][17]);
      g_assert_true (anju_id_number_validate (numbers[i], &error));
      g_assert_no_error (error);
    }
}

static void
test_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_ids); i++)
    {
      const ValidId *id = &valid_ids[i];
      g_autoptr(GError) error = NULL;
      GDate birth;

      g_test_message ("%s", id->number);
      g_assert_true (anju_id_number_validate (id->number, &error));
      g_assert_no_error (error);

      g_assert_true (anju_id_number_get_birth_date (id->number, &birth));
      g_assert_true (g_date_valid (&birth));
      g_assert_cmpint (g_date_get_year (&birth), ==, id->year);
      g_assert_cmpint (g_date_get_month (&birth), ==, id->month);
      g_assert_cmpint (g_date_get_day (&birth), ==, id->day);

      g_assert_cmpint (anju_id_number_get_sex (id->number), ==, id->sex);
    }
}

/* MOD 11-2 catches every single-character substitution; whichever rule
 * notices first, the number must be refused. */
static void
test_flipped_digit (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_ids); i++)
    for (guint pos = 0; pos < 18; pos++)
      {
        g_autofree char *number = g_strdup (valid_ids[i].number);
        g_autoptr(GError) error = NULL;

        if (pos == 17)
          number[pos] = number[pos] == '0' ? '1' : '0';
        else
          number[pos] = (char) ('0' + (number[pos] - '0' + 1) % 10);

        g_assert_false (anju_id_number_validate (number, &error));
        g_assert_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION);
      }
}

static void
test_wrong_check_char_named (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (anju_id_number_validate ("430104199003071238", &error));
  assert_validation_error (error, "should be 7");

  g_assert_false (anju_id_number_validate ("110105194912310021", &error));
  assert_validation_error (error, "should be X");
}

static void
test_x_handling (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (anju_id_number_validate ("11010519491231002x", &error));
  g_assert_no_error (error);
  g_assert_cmpint (anju_id_number_get_sex ("11010519491231002x"), ==, ANJU_SEX_FEMALE);

  /* X is only ever a check character. */
  g_assert_false (anju_id_number_validate ("1101051949123100X2", &error));
  assert_validation_error (error, "Character 17 ");

  /* An X where the check is a digit. */
  g_assert_false (anju_id_number_validate ("43010419900307123X", &error));
  assert_validation_error (error, "should be 7");

  g_assert_false (anju_id_number_validate ("11010519491231002Y", &error));
  assert_validation_error (error, "last character");
}

static void
test_length (void)
{
  static const struct { const char *number; const char *fragment; } cases[] = {
    { "", "not 0" },
    { "43010419900307123", "not 17" },
    { "4301041990030712371", "not 19" },
    { "430104 199003071237", "not 19" },
    /* Counted in characters, not bytes: 一 is three bytes. */
    { "43010419900307123一", "last character" },
    { "4301一4199003071237", "Character 5 " },
    { "43010419900307123一一", "not 19" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("“%s”", cases[i].number);
      g_assert_false (anju_id_number_validate (cases[i].number, &error));
      assert_validation_error (error, cases[i].fragment);
    }
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (anju_id_number_validate ("43010419900307\xff\xfe\xfd\xfc", &error));
  assert_validation_error (error, "invalid characters");
}

static void
test_impossible_date (void)
{
  static const char *bodies[] = {
    "43010419990230002",   /* 30 February */
    "43010419990229002",   /* 29 February of a common year */
    "43010419001301001",   /* month 13 */
    "43010419900000001",   /* month 0 */
    "43010419900132001",   /* 32 January */
    "43010419900100001",   /* day 0 */
    "43010400000101001",   /* year 0 */
  };
  g_autoptr(GError) error = NULL;

  /* Check character computed by hand, so the date is all that is wrong. */
  g_assert_false (anju_id_number_validate ("430104199902300021", &error));
  assert_validation_error (error, "19990230 in the ID number is not a real date");

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *number = complete_number (bodies[i]);
      GDate birth;

      g_test_message ("%s", number);
      g_assert_false (anju_id_number_validate (number, &error));
      assert_validation_error (error, "not a real date");
      g_assert_false (anju_id_number_get_birth_date (number, &birth));
      g_assert_false (g_date_valid (&birth));
      g_assert_cmpint (anju_id_number_get_sex (number), ==, ANJU_SEX_UNKNOWN);
    }
}

static void
test_before_1900 (void)
{
  g_autoptr(GError) error = NULL;

  /* The standard's second example has a correct check character. */
  g_assert_false (anju_id_number_validate ("440524188001010014", &error));
  assert_validation_error (error, "before 1900");

  g_assert_false (anju_id_number_validate ("430104189912310013", &error));
  assert_validation_error (error, "before 1900");
}

/* Two days ahead rather than one, so that midnight in Shanghai falling
 * between building the number and checking it cannot make it valid; for
 * the same reason today's number is only asserted valid, which stays true
 * after midnight. */
static void
test_future_date (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 2);
  g_autofree char *today_body = g_date_time_format (now, "430104%Y%m%d123");
  g_autofree char *later_body = g_date_time_format (later, "430104%Y%m%d123");
  g_autofree char *today = complete_number (today_body);
  g_autofree char *future = complete_number (later_body);
  g_autofree char *far_future = complete_number ("43010420991231123");
  g_autoptr(GError) error = NULL;

  g_assert_false (anju_id_number_validate (future, &error));
  assert_validation_error (error, "in the future");

  g_assert_false (anju_id_number_validate (far_future, &error));
  assert_validation_error (error, "in the future");

  /* A newborn registered today is fine: birth dates compare by day. */
  g_assert_true (anju_id_number_validate (today, &error));
  g_assert_no_error (error);
}

static void
test_region (void)
{
  static const char *bodies[] = {
    "00000019900307123",
    "99010419900307123",
    "10010419900307123",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *number = complete_number (bodies[i]);
      g_autoptr(GError) error = NULL;

      g_assert_false (anju_id_number_validate (number, &error));
      assert_validation_error (error, "not a province code");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shared/id-number/check-char", test_check_char);
  g_test_add_func ("/shared/id-number/every-check-char", test_every_check_char);
  g_test_add_func ("/shared/id-number/valid", test_valid);
  g_test_add_func ("/shared/id-number/flipped-digit", test_flipped_digit);
  g_test_add_func ("/shared/id-number/wrong-check-char", test_wrong_check_char_named);
  g_test_add_func ("/shared/id-number/x", test_x_handling);
  g_test_add_func ("/shared/id-number/length", test_length);
  g_test_add_func ("/shared/id-number/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/shared/id-number/impossible-date", test_impossible_date);
  g_test_add_func ("/shared/id-number/before-1900", test_before_1900);
  g_test_add_func ("/shared/id-number/future-date", test_future_date);
  g_test_add_func ("/shared/id-number/region", test_region);

  return g_test_run ();
}
