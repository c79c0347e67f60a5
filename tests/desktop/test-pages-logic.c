/* test-pages-logic.c: the rules the administration pages apply before
 * anything reaches the server; no display needed.
 */
#include "config.h"

#include <glib.h>

#include "anju-audit-action.h"
#include "anju-display-time.h"
#include "anju-organisation-kind.h"

/* The tree rules of docs/api.md, which decide the kinds the New Child
 * dialog offers and the parents the Move dialog lists (F-PORTAL-015). */
static void
test_kind_rules (void)
{
  const char * const *kinds = anju_organisation_kinds ();
  const char *enterprises[] = {
    "enterprise_operating", "enterprise_property", "enterprise_construction", "employer", "supplier",
  };

  g_assert_cmpuint (g_strv_length ((char **) kinds), ==, 8);

  g_assert_null (anju_organisation_kind_parent_kind ("center"));
  g_assert_cmpstr (anju_organisation_kind_parent_kind ("street"), ==, "center");
  g_assert_cmpstr (anju_organisation_kind_parent_kind ("community"), ==, "street");

  g_assert_true (anju_organisation_kind_can_hold ("center", "street"));
  g_assert_true (anju_organisation_kind_can_hold ("street", "community"));
  g_assert_false (anju_organisation_kind_can_hold ("center", "community"));
  g_assert_false (anju_organisation_kind_can_hold ("community", "community"));
  g_assert_false (anju_organisation_kind_can_hold ("street", "street"));
  g_assert_false (anju_organisation_kind_can_hold (NULL, "center"));
  g_assert_false (anju_organisation_kind_can_hold ("center", "center"));

  for (guint i = 0; i < G_N_ELEMENTS (enterprises); i++)
    {
      g_assert_true (anju_organisation_kind_can_hold ("center", enterprises[i]));
      g_assert_false (anju_organisation_kind_can_hold ("street", enterprises[i]));
      /* Nothing hangs under an enterprise or a supplier. */
      for (guint k = 0; kinds[k] != NULL; k++)
        g_assert_false (anju_organisation_kind_can_hold (enterprises[i], kinds[k]));
    }
}

static void
test_kind_unknown (void)
{
  g_assert_false (anju_organisation_kind_is_known ("ministry"));
  g_assert_false (anju_organisation_kind_is_known (NULL));
  g_assert_cmpstr (anju_organisation_kind_label ("ministry"), ==, "ministry");
  g_assert_null (anju_organisation_kind_parent_kind ("ministry"));
  g_assert_false (anju_organisation_kind_can_hold ("center", "ministry"));
  g_assert_cmpstr (anju_organisation_kind_label ("street"), ==, "Street office");
}

/* Audit actions and entities are named for people; a newer server's
 * unknown ones still show (F-PORTAL-021). */
static void
test_audit_names (void)
{
  const AnjuAuditName *actions;
  guint n_actions;

  actions = anju_audit_actions (&n_actions);
  g_assert_cmpuint (n_actions, ==, 17);
  for (guint i = 0; i < n_actions; i++)
    g_assert_cmpstr (anju_audit_action_label (actions[i].id), !=, actions[i].id);

  g_assert_cmpstr (anju_audit_action_label ("auth.login"), ==, "Signed in");
  g_assert_cmpstr (anju_audit_action_label ("house.allocate"), ==, "house.allocate");
  g_assert_null (anju_audit_action_label (NULL));
  g_assert_cmpstr (anju_audit_entity_label ("organisation"), ==, "Organisation");
  g_assert_cmpstr (anju_audit_entity_label ("contract"), ==, "contract");
}

static void
test_display_time (void)
{
  g_autofree char *shanghai = anju_display_time ("2026-11-29T17:00:05+08:00");
  g_autofree char *utc = anju_display_time ("2026-11-29T09:00:05Z");
  g_autofree char *no_offset = anju_display_time ("2026-11-29T17:00:05");
  g_autofree char *garbage = anju_display_time ("yesterday");

  g_assert_cmpstr (shanghai, ==, "2026-11-29 17:00:05");
  g_assert_cmpstr (utc, ==, "2026-11-29 17:00:05");
  g_assert_null (no_offset);
  g_assert_null (garbage);
  g_assert_null (anju_display_time (NULL));
}

int
main (int   argc,
      char *argv[])
{
  /* The desktop shows times in its own zone; pin it to the platform's. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/portal/organisations/kind-rules  F-PORTAL-015", test_kind_rules);
  g_test_add_func ("/portal/organisations/unknown-kind", test_kind_unknown);
  g_test_add_func ("/portal/audit/names  F-PORTAL-021", test_audit_names);
  g_test_add_func ("/desktop/display-time", test_display_time);

  return g_test_run ();
}
