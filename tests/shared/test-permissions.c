/* The permission catalogue, F-PORTAL-016 (role management) and
 * F-PORTAL-018 (permission management): every id well formed, unique,
 * in a known module, in the order the role editor shows, and listed in
 * docs/permissions.md for administrators. */
#include "config.h"

#include <string.h>

#include "anju-permissions.h"

static int
module_index (const char *module)
{
  guint n_modules;
  const AnjuPermissionModule *modules = anju_permission_modules (&n_modules);

  for (guint i = 0; i < n_modules; i++)
    if (g_str_equal (modules[i].id, module))
      return (int) i;
  return -1;
}

static void
test_modules (void)
{
  guint n_modules;
  const AnjuPermissionModule *modules = anju_permission_modules (&n_modules);

  g_assert_cmpuint (n_modules, >, 0);
  g_assert_nonnull (anju_permission_modules (NULL));
  for (guint i = 0; i < n_modules; i++)
    {
      g_assert_cmpstr (modules[i].id, !=, "");
      g_assert_cmpstr (modules[i].label, !=, "");
      g_assert_cmpint (module_index (modules[i].id), ==, (int) i);
    }
}

/* "<module>.<object>.<action>", lower case, the module one of the list. */
static void
test_ids_well_formed (void)
{
  guint n;
  const AnjuPermission *permissions = anju_permissions_all (&n);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) parts = g_strsplit (permissions[i].id, ".", -1);

      g_test_message ("%s", permissions[i].id);
      g_assert_cmpuint (g_strv_length (parts), ==, 3);
      g_assert_cmpstr (parts[0], ==, permissions[i].module);
      for (guint p = 0; p < 3; p++)
        {
          g_assert_cmpstr (parts[p], !=, "");
          for (const char *c = parts[p]; *c != '\0'; c++)
            g_assert_true (g_ascii_islower (*c) || *c == '_');
        }
      g_assert_cmpint (module_index (permissions[i].module), >=, 0);
      g_assert_cmpstr (permissions[i].label, !=, "");
    }
}

/* Sorted by module (in the modules' order), then by object and action;
 * strictly, so no id appears twice. */
static void
test_order_and_uniqueness (void)
{
  guint n;
  const AnjuPermission *permissions = anju_permissions_all (&n);

  for (guint i = 1; i < n; i++)
    {
      int previous = module_index (permissions[i - 1].module);
      int current = module_index (permissions[i].module);

      g_test_message ("%s after %s", permissions[i].id, permissions[i - 1].id);
      g_assert_cmpint (previous, <=, current);
      if (previous == current)
        g_assert_cmpint (strcmp (permissions[i - 1].id, permissions[i].id), <, 0);
    }
}

static void
test_lookup (void)
{
  guint n;
  const AnjuPermission *permissions = anju_permissions_all (&n);

  for (guint i = 0; i < n; i++)
    {
      g_assert_true (anju_permission_lookup (permissions[i].id) == &permissions[i]);
      g_assert_true (anju_permission_is_known (permissions[i].id));
    }

  g_assert_nonnull (anju_permission_lookup (ANJU_PERM_USER_WRITE));
  g_assert_cmpstr (anju_permission_lookup (ANJU_PERM_USER_WRITE)->module, ==, "portal");

  g_assert_null (anju_permission_lookup ("portal.user"));
  g_assert_null (anju_permission_lookup ("PORTAL.USER.READ"));
  g_assert_null (anju_permission_lookup ("portal.user.read "));
  g_assert_null (anju_permission_lookup (""));
  g_assert_false (anju_permission_is_known ("pubrent.*"));
  g_assert_false (anju_permission_is_known (NULL));
}

/* The administrators' table must not drift from the code. */
static void
test_documented (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "docs",
                                                 "permissions.md", NULL);
  g_autofree char *doc = NULL;
  g_autoptr(GError) error = NULL;
  guint n;
  const AnjuPermission *permissions = anju_permissions_all (&n);
  guint n_modules;
  const AnjuPermissionModule *modules = anju_permission_modules (&n_modules);

  g_assert_true (g_file_get_contents (path, &doc, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *row = g_strdup_printf ("| `%s` | %s | %s |",
                                              permissions[i].id,
                                              permissions[i].module,
                                              permissions[i].label);

      g_test_message ("%s", row);
      g_assert_nonnull (strstr (doc, row));
    }

  for (guint i = 0; i < n_modules; i++)
    {
      g_autofree char *row = g_strdup_printf ("| %s | %s |",
                                              modules[i].id, modules[i].label);

      g_test_message ("%s", row);
      g_assert_nonnull (strstr (doc, row));
    }
}

/* The other way round: every permission id the document quotes, in the
 * role defaults too, exists, so a typo there cannot mislead an admin. */
static void
test_document_quotes_known_ids (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "docs",
                                                 "permissions.md", NULL);
  g_autofree char *doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) quoted = g_regex_new ("`([a-z_]+\\.[a-z_*]+(?:\\.[a-z_*]+)*)`", 0, 0, &error);
  g_autoptr(GMatchInfo) match = NULL;
  guint n_quoted = 0;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &doc, NULL, &error));
  g_assert_no_error (error);

  for (g_regex_match (quoted, doc, 0, &match);
       g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *id = g_match_info_fetch (match, 1);

      g_test_message ("%s", id);
      g_assert_true (anju_permission_is_known (id));
      n_quoted++;
    }

  g_assert_cmpuint (n_quoted, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shared/permissions/modules  F-PORTAL-018", test_modules);
  g_test_add_func ("/shared/permissions/well-formed  F-PORTAL-018", test_ids_well_formed);
  g_test_add_func ("/shared/permissions/order  F-PORTAL-016", test_order_and_uniqueness);
  g_test_add_func ("/shared/permissions/lookup  F-PORTAL-018", test_lookup);
  g_test_add_func ("/shared/permissions/documented  F-PORTAL-016", test_documented);
  g_test_add_func ("/shared/permissions/document-ids  F-PORTAL-016", test_document_quotes_known_ids);

  return g_test_run ();
}
