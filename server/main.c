/* anju-server: the command line.
 *
 *   anju-server [--config FILE] serve [--verbose]
 *   anju-server [--config FILE] init [--demo]
 *   anju-server [--config FILE] migrate
 *   anju-server [--config FILE] create-admin --username NAME --password-stdin
 *   anju-server [--config FILE] backup FILE
 *   anju-server [--config FILE] restore FILE
 *   anju-server [--config FILE] verify-audit
 *
 * --config may also follow the subcommand.  Exit status 0 on success, 1 on
 * failure with one message on stderr saying what is wrong.
 */
#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "anju-audit.h"
#include "anju-identity.h"
#include "anju-log.h"
#include "anju-server.h"

typedef struct
{
  char     *config_path;
  gboolean  verbose;
  gboolean  demo;
  char     *username;
  gboolean  password_stdin;
  char    **rest;
} Options;

typedef gboolean (*CommandFunc) (const AnjuConfig *config,
                                 Options          *options,
                                 GError          **error);

static void
options_clear (Options *options)
{
  g_free (options->config_path);
  g_free (options->username);
  g_strfreev (options->rest);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* ---- serve ------------------------------------------------------------ */

static gboolean
quit_on_signal_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  /* Both signal sources are removed once the loop has returned. */
  return G_SOURCE_CONTINUE;
}

static gboolean
command_serve (const AnjuConfig *config,
               Options          *options,
               GError          **error)
{
  g_autoptr(AnjuServer) server = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint term_id, int_id;

  server = anju_server_new (config, NULL, error);
  if (server == NULL || !anju_server_listen (server, error))
    return FALSE;

  if (anju_server_is_https (server))
    g_print (_("Serving https://%s:%u/ (certificate SHA-256 %s)\n"),
             config->listen_host, anju_server_get_port (server),
             anju_server_get_fingerprint (server));
  else
    g_print (_("Serving plain http://%s:%u/ (loopback only)\n"),
             config->listen_host, anju_server_get_port (server));

  term_id = g_unix_signal_add (SIGTERM, quit_on_signal_cb, loop);
  int_id = g_unix_signal_add (SIGINT, quit_on_signal_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (term_id);
  g_source_remove (int_id);

  g_message ("Stopping: finishing requests in progress");
  anju_server_shutdown (server);
  g_message ("Stopped");
  return TRUE;
}

/* ---- init, migrate, create-admin -------------------------------------- */

static GBytes *
load_audit_key (const AnjuConfig  *config,
                GError           **error)
{
  g_autofree char *path = anju_config_get_audit_key_path (config);

  return anju_audit_load_key (path, error);
}

static AnjuDb *
open_migrated (const AnjuConfig  *config,
               GError           **error)
{
  g_autoptr(AnjuDb) db = anju_db_open (config->database_path, error);

  if (db == NULL || !anju_db_migrate (db, error))
    return NULL;
  return g_steal_pointer (&db);
}

static gboolean
command_init (const AnjuConfig *config,
              Options          *options,
              GError          **error)
{
  g_autoptr(AnjuDb) db = open_migrated (config, error);
  g_autoptr(GBytes) key = NULL;
  g_autoptr(AnjuClock) clock = anju_clock_new ();

  if (db == NULL || (key = load_audit_key (config, error)) == NULL)
    return FALSE;

  if (options->demo && !anju_identity_populate_demo (db, clock, key, error))
    return FALSE;

  g_print (_("Database ready: %s (schema version %d)%s\n"), config->database_path,
           anju_db_get_schema_version (db), options->demo ? _(", with the demo data set") : "");
  return TRUE;
}

static gboolean
command_migrate (const AnjuConfig *config,
                 Options          *options,
                 GError          **error)
{
  g_autoptr(AnjuDb) db = anju_db_open (config->database_path, error);
  int before;

  if (db == NULL)
    return FALSE;
  before = anju_db_get_schema_version (db);
  if (!anju_db_migrate (db, error))
    return FALSE;

  if (before == anju_db_get_schema_version (db))
    g_print (_("Nothing to do: schema version %d is current\n"), before);
  else
    g_print (_("Migrated from schema version %d to %d\n"), before, anju_db_get_schema_version (db));
  return TRUE;
}

static char *
read_password_line (GError **error)
{
  char buffer[1024];
  gsize len;

  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                           _("No password on standard input"));
      return NULL;
    }

  len = strlen (buffer);
  while (len > 0 && (buffer[len - 1] == '\n' || buffer[len - 1] == '\r'))
    buffer[--len] = '\0';
  return g_strdup (buffer);
}

static gboolean
command_create_admin (const AnjuConfig *config,
                      Options          *options,
                      GError          **error)
{
  g_autoptr(AnjuDb) db = NULL;
  g_autoptr(GBytes) key = NULL;
  g_autoptr(AnjuClock) clock = anju_clock_new ();
  g_autofree char *password = NULL;

  if (options->username == NULL || !options->password_stdin)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                           _("create-admin needs --username NAME and --password-stdin"));
      return FALSE;
    }

  password = read_password_line (error);
  if (password == NULL ||
      (db = open_migrated (config, error)) == NULL ||
      (key = load_audit_key (config, error)) == NULL ||
      !anju_identity_create_admin (db, clock, key, options->username, password, error))
    return FALSE;

  g_print (_("Created the administrator “%s”\n"), options->username);
  return TRUE;
}

/* ---- backup, restore, verify-audit ------------------------------------ */

static const char *
single_file_argument (Options     *options,
                      const char  *command,
                      GError     **error)
{
  if (options->rest == NULL || g_strv_length (options->rest) != 1)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   _("%s needs exactly one FILE argument"), command);
      return NULL;
    }
  return options->rest[0];
}

static gboolean
command_backup (const AnjuConfig *config,
                Options          *options,
                GError          **error)
{
  const char *dest = single_file_argument (options, "backup", error);
  g_autoptr(AnjuDb) db = NULL;

  if (dest == NULL || (db = anju_db_open (config->database_path, error)) == NULL)
    return FALSE;
  if (anju_db_get_schema_version (db) == 0)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_DATABASE,
                   _("There is no database to back up at %s"), config->database_path);
      return FALSE;
    }
  if (!anju_db_backup_to (db, dest, error))
    return FALSE;

  g_print (_("Backed up %s to %s\n"), config->database_path, dest);
  return TRUE;
}

static gboolean
command_restore (const AnjuConfig *config,
                 Options          *options,
                 GError          **error)
{
  const char *source = single_file_argument (options, "restore", error);
  g_autoptr(AnjuDb) backup = NULL;
  g_autoptr(AnjuDb) live = NULL;
  g_autofree char *safety = NULL;

  if (source == NULL)
    return FALSE;
  if (!g_file_test (source, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION, _("No backup file at %s"), source);
      return FALSE;
    }

  /* Check the backup is one of ours and not from the future before
   * touching the live database; keep the live one aside as a backup. */
  backup = anju_db_open (source, error);
  if (backup == NULL)
    return FALSE;
  if (anju_db_get_schema_version (backup) == 0 ||
      anju_db_get_schema_version (backup) > anju_db_get_latest_version ())
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_DATABASE,
                   _("%s is not an Anju backup this anju-server can restore (schema version %d)"),
                   source, anju_db_get_schema_version (backup));
      return FALSE;
    }

  live = anju_db_open (config->database_path, error);
  if (live == NULL)
    return FALSE;
  if (anju_db_get_schema_version (live) > 0)
    {
      safety = g_strdup_printf ("%s.before-restore-%" G_GINT64_FORMAT, config->database_path,
                                g_get_real_time () / G_USEC_PER_SEC);
      if (!anju_db_backup_to (live, safety, error))
        return FALSE;
    }

  /* Copying through the backup API keeps the live file's WAL consistent. */
  if (!anju_db_restore_from (live, backup, error) || !anju_db_migrate (live, error))
    return FALSE;

  g_print (_("Restored %s from %s\n"), config->database_path, source);
  if (safety != NULL)
    g_print (_("The previous database was kept as %s\n"), safety);
  return TRUE;
}

static gboolean
command_verify_audit (const AnjuConfig *config,
                      Options          *options,
                      GError          **error)
{
  g_autoptr(AnjuDb) db = anju_db_open (config->database_path, error);
  g_autoptr(GBytes) key = NULL;
  g_autofree char *number = NULL;
  gint64 checked = 0;
  gint64 broken = 0;

  if (db == NULL || (key = load_audit_key (config, error)) == NULL)
    return FALSE;

  if (!anju_audit_verify (db, key, &checked, &broken, error))
    {
      number = g_strdup_printf ("%" G_GINT64_FORMAT, broken);
      /* Translators: %s is the id of an audit record */
      g_prefix_error (error, _("Audit record %s breaks the chain: "), number);
      return FALSE;
    }

  number = g_strdup_printf ("%" G_GINT64_FORMAT, checked);
  /* Translators: %s is a number of records */
  g_print (_("The audit chain is intact: %s records verified\n"), number);
  return TRUE;
}

/* ---- dispatch --------------------------------------------------------- */

static const struct
{
  const char  *name;
  CommandFunc  func;
  const char  *summary;
} commands[] = {
  { "serve", command_serve, N_("Run the HTTPS API server") },
  { "init", command_init, N_("Create the database (--demo adds the demo data set)") },
  { "migrate", command_migrate, N_("Bring the database schema up to date") },
  { "create-admin", command_create_admin, N_("Create a center administrator") },
  { "backup", command_backup, N_("Copy the database to FILE while the server runs") },
  { "restore", command_restore, N_("Replace the database with the backup FILE (server stopped)") },
  { "verify-audit", command_verify_audit, N_("Check the audit log's HMAC chain") },
};

static char *
commands_description (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-14s %s", commands[i].name, _(commands[i].summary));
  return g_string_free (text, FALSE);
}

static gboolean
parse_options (int        *argc,
               char     ***argv,
               Options    *options,
               GError    **error)
{
  const GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &options->config_path,
      N_("Configuration file (anju-server.conf)"), N_("FILE") },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &options->verbose, N_("Log every request"), NULL },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &options->demo, N_("init: add the demo data set"), NULL },
    { "username", 0, 0, G_OPTION_ARG_STRING, &options->username,
      N_("create-admin: the new administrator's username"), N_("NAME") },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &options->password_stdin,
      N_("create-admin: read the password from standard input"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->rest, NULL,
      N_("COMMAND [FILE]") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *description = commands_description ();

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, description);
  g_option_context_set_summary (context, _("The Anju guaranteed-housing platform server."));
  return g_option_context_parse (context, argc, argv, error);
}

static CommandFunc
take_command (Options  *options,
              GError  **error)
{
  guint n = options->rest != NULL ? g_strv_length (options->rest) : 0;
  CommandFunc func = NULL;

  if (n == 0)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                           _("No command given; see anju-server --help"));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, options->rest[0]))
      func = commands[i].func;

  if (func == NULL)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   _("Unknown command “%s”; see anju-server --help"), options->rest[0]);
      return NULL;
    }

  /* Shift the command name off the positional arguments. */
  g_free (options->rest[0]);
  memmove (options->rest, options->rest + 1, n * sizeof (char *));
  return func;
}

int
main (int   argc,
      char *argv[])
{
  g_auto(Options) options = { 0 };
  g_autoptr(AnjuConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  CommandFunc command;

  setlocale (LC_ALL, "");
  /* ANJU_LOCALEDIR lets an uninstalled build find its catalogues, as the
   * desktop and kiosk do. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ANJU_LOCALEDIR") != NULL ? g_getenv ("ANJU_LOCALEDIR")
                                                                       : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!parse_options (&argc, &argv, &options, &error) ||
      (command = take_command (&options, &error)) == NULL)
    {
      g_printerr ("anju-server: %s\n", error->message);
      return 1;
    }

  anju_log_init (options.verbose);

  config = anju_config_load_or_default (options.config_path, &error);
  if (config == NULL || !command (config, &options, &error))
    {
      g_printerr ("anju-server: %s\n", error->message);
      return 1;
    }
  return 0;
}
