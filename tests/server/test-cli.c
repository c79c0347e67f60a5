/* test-cli.c: the anju-server subcommands an administrator runs
 * (server/main.c): config checking, init, migrate, create-admin and
 * verify-audit, each on an installation in a temporary directory. */

#include <glib/gstdio.h>
#include <string.h>

#include "anju-test-cli.h"
#include "anju-test-identity.h"

typedef struct
{
  char *dir;
  char *database;
  char *audit_key;
  char *config;
} Install;

static void
install_set_up (Install       *install,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  install->dir = g_dir_make_tmp ("anju-cli-XXXXXX", &error);
  g_assert_no_error (error);
  install->database = g_build_filename (install->dir, "anju.db", NULL);
  install->audit_key = g_build_filename (install->dir, "audit.key", NULL);
  install->config = anju_test_write_config (install->dir, install->database, install->audit_key, NULL);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  else
    {
      g_assert_cmpint (g_remove (path), ==, 0);
    }
}

static void
install_tear_down (Install       *install,
                   gconstpointer  data)
{
  remove_tree (install->dir);
  g_free (install->dir);
  g_free (install->database);
  g_free (install->audit_key);
  g_free (install->config);
}

static void
run_ok (Install    *install,
        const char *command,
        const char *option)
{
  g_autoptr(AnjuCliResult) result = anju_test_run_cli (install->config, NULL, command, option, NULL);

  g_assert_cmpint (result->exit_status, ==, 0);
}

static char *
write_file (Install    *install,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (install->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* A bad configuration stops every command with a message naming the key;
 * nothing is created. */
static void
test_bad_config (Install       *install,
                 gconstpointer  data)
{
  static const struct
  {
    const char *text;
    const char *command;
    const char *named;
  } cases[] = {
    { "[server]\ncolour=blue\n", "serve", "colour" },
    { "[castle]\ngate=open\n", "serve", "castle" },
    { "[security]\nlockout_attempts=many\n", "migrate", "lockout_attempts" },
    { "[security]\nsession_idle_minutes=-5\n", "migrate", "session_idle_minutes" },
    { "[server]\nlisten=everywhere\n", "migrate", "listen" },
    { "[server]\nmax_json_body=big\n", "init", "max_json_body" },
    { "[server]\nallow_plain_http=perhaps\n", "init", "allow_plain_http" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *full = g_strdup_printf ("[database]\npath=%s\n\n%s", install->database, cases[i].text);
      g_autofree char *path = write_file (install, "bad.conf", full);
      g_autoptr(AnjuCliResult) result = anju_test_run_cli (path, NULL, cases[i].command, NULL);

      g_assert_cmpint (result->exit_status, !=, 0);
      if (strstr (result->err, cases[i].named) == NULL)
        g_error ("\"%s\" does not name %s", result->err, cases[i].named);
      g_assert_false (g_file_test (install->database, G_FILE_TEST_EXISTS));
    }

  /* A config file that is not there is named too. */
  {
    g_autofree char *missing = g_build_filename (install->dir, "missing.conf", NULL);
    g_autoptr(AnjuCliResult) result = anju_test_run_cli (missing, NULL, "migrate", NULL);

    g_assert_cmpint (result->exit_status, !=, 0);
    g_assert_nonnull (strstr (result->err, "missing.conf"));
  }

  /* And an unknown command. */
  {
    g_autoptr(AnjuCliResult) result = anju_test_run_cli (install->config, NULL, "conquer", NULL);

    g_assert_cmpint (result->exit_status, !=, 0);
    g_assert_nonnull (strstr (result->err, "conquer"));
  }
}

static char *
dump_all (const char *database)
{
  static const char * const tables[] = {
    "organisations", "roles", "role_permissions", "users", "user_roles", "audit_log", NULL,
  };
  GString *all = g_string_new (NULL);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *dump = anju_test_sqlite_dump (database, tables[i]);

      g_string_append_printf (all, "== %s\n%s", tables[i], dump);
    }

  return g_string_free (all, FALSE);
}

static void
test_init_migrate (Install       *install,
                   gconstpointer  data)
{
  g_autofree char *after_init = NULL;
  g_autofree char *after_migrate = NULL;
  g_autofree char *after_second_init = NULL;
  g_autofree char *version = NULL;
  g_autofree char *latest = g_strdup_printf ("%d", anju_db_get_latest_version ());
  g_autofree char *users = NULL;

  run_ok (install, "init", "--demo");
  g_assert_true (g_file_test (install->audit_key, G_FILE_TEST_IS_REGULAR));
  version = anju_test_sqlite_query (install->database, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, latest);
  users = anju_test_sqlite_query (install->database,
                                  "SELECT count(*) FROM users WHERE username IN ('admin','center',"
                                  "'street_ypl','street_wyh','community_ypl','enterprise','supplier','terminal01')");
  g_assert_cmpstr (users, ==, "8");
  after_init = dump_all (install->database);

  /* migrate on a current database changes nothing. */
  {
    g_autoptr(AnjuCliResult) result = anju_test_run_cli (install->config, NULL, "migrate", NULL);

    g_assert_cmpint (result->exit_status, ==, 0);
    g_assert_nonnull (strstr (result->out, latest));
  }
  after_migrate = dump_all (install->database);
  g_assert_cmpstr (after_init, ==, after_migrate);

  /* Nor does init --demo a second time. */
  run_ok (install, "init", "--demo");
  after_second_init = dump_all (install->database);
  g_assert_cmpstr (after_init, ==, after_second_init);
}

/* A database from a newer anju-server is refused, and left alone. */
static void
test_newer_schema (Install       *install,
                   gconstpointer  data)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", anju_db_get_latest_version () + 1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *newer = g_strdup_printf ("%d", anju_db_get_latest_version () + 1);

  run_ok (install, "init", NULL);
  g_free (anju_test_sqlite_query (install->database, set_version));
  before = dump_all (install->database);

  {
    g_autoptr(AnjuCliResult) migrate = anju_test_run_cli (install->config, NULL, "migrate", NULL);

    g_assert_cmpint (migrate->exit_status, !=, 0);
    g_assert_nonnull (strstr (migrate->err, "newer"));
    g_assert_nonnull (strstr (migrate->err, newer));
  }
  {
    g_autoptr(AnjuCliResult) serve = anju_test_run_cli (install->config, NULL, "serve", NULL);

    g_assert_cmpint (serve->exit_status, !=, 0);
    g_assert_nonnull (strstr (serve->err, "newer"));
  }

  after = dump_all (install->database);
  g_assert_cmpstr (before, ==, after);
  {
    g_autofree char *version = anju_test_sqlite_query (install->database, "PRAGMA user_version");

    g_assert_cmpstr (version, ==, newer);
  }
}

typedef struct
{
  const char *database_path;
  const char *audit_key_path;
} Existing;

static void
use_existing_database (AnjuConfig *config,
                       gpointer    data)
{
  const Existing *existing = data;

  g_free (config->database_path);
  config->database_path = g_strdup (existing->database_path);
  g_free (config->audit_key_file);
  config->audit_key_file = g_strdup (existing->audit_key_path);
}

static void
test_create_admin (Install       *install,
                   gconstpointer  data)
{
  run_ok (install, "init", NULL);

  {
    g_autoptr(AnjuCliResult) weak = anju_test_run_cli (install->config, "weakpass\n", "create-admin",
                                                       "--username", "site_admin", "--password-stdin", NULL);
    g_autofree char *count = NULL;

    g_assert_cmpint (weak->exit_status, !=, 0);
    g_assert_nonnull (strstr (weak->err, "upper-case"));
    count = anju_test_sqlite_query (install->database, "SELECT count(*) FROM users");
    g_assert_cmpstr (count, ==, "0");
  }
  {
    g_autoptr(AnjuCliResult) no_stdin_flag = anju_test_run_cli (install->config, NULL, "create-admin",
                                                                "--username", "site_admin", NULL);

    g_assert_cmpint (no_stdin_flag->exit_status, !=, 0);
  }
  {
    g_autoptr(AnjuCliResult) strong = anju_test_run_cli (install->config, "Strong#2026pw\n", "create-admin",
                                                         "--username", "site_admin", "--password-stdin", NULL);

    g_assert_cmpint (strong->exit_status, ==, 0);
    g_assert_nonnull (strstr (strong->out, "site_admin"));
  }
  {
    g_autoptr(AnjuCliResult) twice = anju_test_run_cli (install->config, "Strong#2026pw\n", "create-admin",
                                                        "--username", "site_admin", "--password-stdin", NULL);

    g_assert_cmpint (twice->exit_status, !=, 0);
  }

  /* The new administrator signs in over HTTPS and administers. */
  {
    Existing existing = { install->database, install->audit_key };
    AnjuTestServer *srv = anju_test_server_start_with (FALSE, use_existing_database, &existing);
    g_autoptr(JsonNode) login = NULL;
    g_autoptr(JsonNode) roles = NULL;
    guint status = 0;

    login = anju_test_request (srv, NULL, "POST", "/api/v1/auth/login",
                               "{\"username\":\"site_admin\",\"password\":\"Strong#2026pw\"}", &status);
    anju_assert_status (status, SOUP_STATUS_OK, login);
    g_assert_cmpstr (anju_test_json_string (login, "user.roles.0.code"), ==, "center_admin");
    g_assert_cmpstr (anju_test_json_string (login, "user.organisation.kind"), ==, "center");
    g_assert_true (anju_test_json_array_has_string (login, "user.permissions", "portal.user.write"));

    if (!anju_test_json_bool (login, "user.must_change_password"))
      {
        roles = anju_test_request (srv, anju_test_json_string (login, "token"), "GET", "/api/v1/roles",
                                   NULL, &status);
        anju_assert_status (status, SOUP_STATUS_OK, roles);
      }

    anju_test_server_stop (srv);
  }

  /* The chain, with whatever create-admin recorded, still verifies. */
  run_ok (install, "verify-audit", NULL);
}

static void
test_verify_audit (Install       *install,
                   gconstpointer  data)
{
  g_autofree char *target = NULL;
  g_autofree char *update = NULL;

  run_ok (install, "init", "--demo");

  {
    g_autoptr(AnjuCliResult) intact = anju_test_run_cli (install->config, NULL, "verify-audit", NULL);

    g_assert_cmpint (intact->exit_status, ==, 0);
  }

  target = anju_test_sqlite_query (install->database,
                                   "SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 2");
  g_assert_nonnull (target);
  update = g_strdup_printf ("UPDATE audit_log SET after_json = '{}' WHERE id = %s", target);
  g_free (anju_test_sqlite_query (install->database, update));

  {
    g_autoptr(AnjuCliResult) broken = anju_test_run_cli (install->config, NULL, "verify-audit", NULL);
    g_autofree char *named = g_strdup_printf (" %s ", target);

    g_assert_cmpint (broken->exit_status, !=, 0);
    if (strstr (broken->err, named) == NULL)
      g_error ("\"%s\" does not name record %s", broken->err, target);
  }

  /* A different key does not verify the log either. */
  {
    g_autofree char *other_key = g_build_filename (install->dir, "other.key", NULL);
    g_autofree char *other_dir = g_build_filename (install->dir, "other", NULL);
    g_autofree char *other_config = NULL;
    g_autoptr(AnjuCliResult) result = NULL;

    g_assert_cmpint (g_mkdir (other_dir, 0700), ==, 0);
    other_config = anju_test_write_config (other_dir, install->database, other_key, NULL);
    result = anju_test_run_cli (other_config, NULL, "verify-audit", NULL);
    g_assert_cmpint (result->exit_status, !=, 0);
  }
}

static void
add_install_test (const char *path,
                  void      (*func) (Install *, gconstpointer))
{
  g_test_add (path, Install, NULL, install_set_up, func, install_tear_down);
}

int
main (int    argc,
      char **argv)
{
  anju_test_init (&argc, &argv);

  add_install_test ("/cli/bad-config", test_bad_config);
  add_install_test ("/cli/init-migrate", test_init_migrate);
  add_install_test ("/cli/newer-schema", test_newer_schema);
  add_install_test ("/cli/create-admin  SEC-001", test_create_admin);
  add_install_test ("/cli/verify-audit  SEC-035", test_verify_audit);

  return g_test_run ();
}
