/* test-pubrent-logic.c: the rules behind the public rental application
 * screens, without a display (F-PRH-003 application management,
 * F-PRH-002 directed application, F-PRH-004 materials, F-PRH-007
 * applicant information).
 *
 * Stages and business types have names for people; the business type
 * an organisation may enter follows its kind (directed only for an
 * employer, open only for a street or community); the stage decides
 * which buttons the detail window offers; a resident ID number fills
 * the birth date and sex of a member.
 */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>

#include "anju-pubrent-names.h"

static void
test_stage_labels (void)
{
  const char * const *stages = anju_pubrent_stages ();

  g_assert_cmpuint (g_strv_length ((char **) stages), ==, 11);
  for (guint i = 0; stages[i] != NULL; i++)
    g_assert_cmpstr (anju_pubrent_stage_label (stages[i]), !=, stages[i]);

  g_assert_cmpstr (anju_pubrent_stage_label ("street_review"), ==, "Street review");
  g_assert_cmpstr (anju_pubrent_stage_label ("center_review"), ==, "Center review");
  g_assert_cmpstr (anju_pubrent_stage_label ("confirmed"), ==, "Qualification confirmed");
  /* A stage of a newer server is shown as it is. */
  g_assert_cmpstr (anju_pubrent_stage_label ("allocated"), ==, "allocated");
  g_assert_null (anju_pubrent_stage_label (NULL));
}

static void
test_stage_rules (void)
{
  g_assert_true (anju_pubrent_stage_can_edit ("draft"));
  g_assert_true (anju_pubrent_stage_can_edit ("returned"));
  g_assert_false (anju_pubrent_stage_can_edit ("street_review"));
  g_assert_true (anju_pubrent_stage_can_submit ("prereview_failed"));
  g_assert_false (anju_pubrent_stage_can_submit ("returned"));
  g_assert_true (anju_pubrent_stage_can_withdraw ("center_review"));
  g_assert_false (anju_pubrent_stage_can_withdraw ("announcement"));
  g_assert_false (anju_pubrent_stage_can_withdraw ("confirmed"));
  g_assert_true (anju_pubrent_stage_can_abandon ("rejected"));
  g_assert_false (anju_pubrent_stage_can_abandon ("draft"));
  g_assert_true (anju_pubrent_stage_can_delete ("draft"));
  g_assert_false (anju_pubrent_stage_can_delete ("rejected"));
  g_assert_true (anju_pubrent_stage_is_decided ("withdrawn"));
  g_assert_false (anju_pubrent_stage_is_decided ("street_publicity"));
  g_assert_false (anju_pubrent_stage_can_edit (NULL));
}

static void
test_filters (void)
{
  g_assert_null (anju_pubrent_filter_statuses (ANJU_PUBRENT_FILTER_ALL));
  g_assert_cmpstr (anju_pubrent_filter_statuses (ANJU_PUBRENT_FILTER_AT_STREET), ==, "street_review");
  g_assert_cmpstr (anju_pubrent_filter_statuses (ANJU_PUBRENT_FILTER_CLOSED), ==, "rejected,withdrawn,closed");

  /* Every status a filter names is a stage. */
  for (guint f = 0; f < ANJU_PUBRENT_N_FILTERS; f++)
    {
      const char *statuses = anju_pubrent_filter_statuses (f);
      g_auto(GStrv) list = statuses != NULL ? g_strsplit (statuses, ",", -1) : NULL;

      g_assert_nonnull (anju_pubrent_filter_label (f));
      for (guint i = 0; list != NULL && list[i] != NULL; i++)
        g_assert_true (g_strv_contains (anju_pubrent_stages (), list[i]));
    }
}

static void
test_business_type_rule (void)
{
  const char * const *types = anju_pubrent_business_types ();

  g_assert_cmpuint (g_strv_length ((char **) types), ==, 4);
  g_assert_cmpstr (anju_pubrent_business_type_label ("open_physical"), ==, "Physical allocation");
  g_assert_cmpstr (anju_pubrent_business_type_label ("directed_subsidy"), ==, "Directed, rental subsidy");

  g_assert_true (anju_pubrent_business_type_allowed ("directed_physical", "employer"));
  g_assert_true (anju_pubrent_business_type_allowed ("directed_subsidy", "employer"));
  g_assert_false (anju_pubrent_business_type_allowed ("open_physical", "employer"));
  g_assert_true (anju_pubrent_business_type_allowed ("open_physical", "street"));
  g_assert_true (anju_pubrent_business_type_allowed ("open_subsidy", "community"));
  g_assert_false (anju_pubrent_business_type_allowed ("directed_physical", "street"));
  g_assert_false (anju_pubrent_business_type_allowed ("directed_physical", "community"));
  /* The center reviews; it enters nothing. */
  for (guint i = 0; types[i] != NULL; i++)
    {
      g_assert_false (anju_pubrent_business_type_allowed (types[i], "center"));
      g_assert_false (anju_pubrent_business_type_allowed (types[i], NULL));
    }
  g_assert_false (anju_pubrent_business_type_allowed ("open_lottery", "street"));

  g_assert_true (anju_pubrent_business_type_is_physical ("directed_physical"));
  g_assert_false (anju_pubrent_business_type_is_physical ("open_subsidy"));
  g_assert_true (anju_pubrent_business_type_is_directed ("directed_subsidy"));
  g_assert_false (anju_pubrent_business_type_is_directed ("open_physical"));
}

static void
test_facts_from_id (void)
{
  g_autofree char *birth = NULL;
  g_autofree char *male_id = NULL;
  AnjuSex sex = ANJU_SEX_UNKNOWN;
  char check;

  g_assert_true (anju_pubrent_facts_from_id ("11010519491231002X", &birth, &sex));
  g_assert_cmpstr (birth, ==, "1949-12-31");
  g_assert_cmpint (sex, ==, ANJU_SEX_FEMALE);
  g_clear_pointer (&birth, g_free);

  check = anju_id_number_check_char ("43010419900101123");
  male_id = g_strdup_printf ("43010419900101123%c", check);
  g_assert_true (anju_pubrent_facts_from_id (male_id, &birth, &sex));
  g_assert_cmpstr (birth, ==, "1990-01-01");
  g_assert_cmpint (sex, ==, ANJU_SEX_MALE);
  g_clear_pointer (&birth, g_free);

  /* Half typed, a wrong check character, or nothing: nothing is filled. */
  sex = ANJU_SEX_UNKNOWN;
  g_assert_false (anju_pubrent_facts_from_id ("4301041990", &birth, &sex));
  g_assert_false (anju_pubrent_facts_from_id ("110105194912310021", &birth, &sex));
  g_assert_false (anju_pubrent_facts_from_id (NULL, &birth, &sex));
  g_assert_null (birth);
  g_assert_cmpint (sex, ==, ANJU_SEX_UNKNOWN);
}

static JsonArray *
parse_array (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

static void
test_gender_code (void)
{
  g_autoptr(JsonArray) named = parse_array ("[{\"code\":\"male\",\"name\":\"男\",\"seed_code\":\"1\"},"
                                            "{\"code\":\"female\",\"name\":\"女\",\"seed_code\":\"2\"}]");
  g_autoptr(JsonArray) seeded = parse_array ("[{\"code\":\"m\",\"name\":\"男\",\"seed_code\":\"1\"},"
                                             "{\"code\":\"f\",\"name\":\"女\",\"seed_code\":\"2\"},"
                                             "{\"code\":9,\"name\":\"未知\"}]");

  g_assert_cmpstr (anju_pubrent_gender_code (named, ANJU_SEX_MALE), ==, "male");
  g_assert_cmpstr (anju_pubrent_gender_code (named, ANJU_SEX_FEMALE), ==, "female");
  g_assert_cmpstr (anju_pubrent_gender_code (seeded, ANJU_SEX_MALE), ==, "m");
  g_assert_cmpstr (anju_pubrent_gender_code (seeded, ANJU_SEX_FEMALE), ==, "f");
  g_assert_null (anju_pubrent_gender_code (seeded, ANJU_SEX_UNKNOWN));
  g_assert_null (anju_pubrent_gender_code (NULL, ANJU_SEX_MALE));
}

static void
test_categories (void)
{
  const char * const *categories = anju_pubrent_file_categories ();

  g_assert_cmpuint (g_strv_length ((char **) categories), ==, 9);
  g_assert_cmpstr (anju_pubrent_file_category_label ("hukou"), ==, "Household register");
  g_assert_cmpstr (anju_pubrent_file_category_label ("x-ray"), ==, "x-ray");
  g_assert_cmpstr (anju_pubrent_timeline_state_label ("current"), ==, "In progress");
  g_assert_cmpstr (anju_pubrent_timeline_state_icon ("done"), ==, "emblem-ok-symbolic");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pubrent/desktop/stage-labels/F-PRH-003", test_stage_labels);
  g_test_add_func ("/pubrent/desktop/stage-rules/F-PRH-003", test_stage_rules);
  g_test_add_func ("/pubrent/desktop/quick-filters/F-PRH-003", test_filters);
  g_test_add_func ("/pubrent/desktop/business-type-rule/F-PRH-002", test_business_type_rule);
  g_test_add_func ("/pubrent/desktop/id-fills-birth-and-sex/F-PRH-007", test_facts_from_id);
  g_test_add_func ("/pubrent/desktop/gender-code/F-PRH-007", test_gender_code);
  g_test_add_func ("/pubrent/desktop/material-categories/F-PRH-004", test_categories);

  return g_test_run ();
}
