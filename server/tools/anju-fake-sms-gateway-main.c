/* anju-fake-sms-gateway: a stand-in SMS provider on loopback.
 *
 *   anju-fake-sms-gateway [--port N] [--record FILE] [--fail-first N]
 *                         [--account USER --secret PASSWORD]
 *
 * Prints the port it listens on (useful with --port 0, the default) as
 * one line on stdout, then serves until SIGTERM or SIGINT.  Every request
 * is appended to FILE as one JSON line (anju-fake-sms-gateway.h).  Used by
 * scripts/run-platform.sh for the demo; the tests run the same code in
 * process (tests/support/anju-fake-sms.h).
 */
#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "anju-fake-sms-gateway.h"

typedef struct
{
  int    port;
  int    fail_first;
  char  *record;
  char  *account;
  char  *secret;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->record);
  g_free (options->account);
  g_free (options->secret);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
quit_on_signal_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
parse_options (int       *argc,
               char    ***argv,
               Options   *options,
               GError   **error)
{
  const GOptionEntry entries[] = {
    { "port", 0, 0, G_OPTION_ARG_INT, &options->port,
      N_("Port on 127.0.0.1 (0: any free one; it is printed)"), N_("PORT") },
    { "record", 0, 0, G_OPTION_ARG_FILENAME, &options->record,
      N_("Append every request to FILE as one JSON line"), N_("FILE") },
    { "fail-first", 0, 0, G_OPTION_ARG_INT, &options->fail_first,
      N_("Answer 503 to the first N requests"), N_("N") },
    { "account", 0, 0, G_OPTION_ARG_STRING, &options->account,
      N_("Accept only this HTTP basic user"), N_("USER") },
    { "secret", 0, 0, G_OPTION_ARG_STRING, &options->secret,
      N_("… with this password"), N_("PASSWORD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("— a stand-in SMS provider for tests and the demo"));

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;
  if (options->port < 0 || options->port > G_MAXUINT16 || options->fail_first < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--port and --fail-first take numbers from 0 up"));
      return FALSE;
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_auto(Options) options = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuFakeSmsGateway) gateway = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  const char *localedir = g_getenv ("ANJU_LOCALEDIR");
  guint term_id, int_id;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!parse_options (&argc, &argv, &options, &error))
    {
      g_printerr ("anju-fake-sms-gateway: %s\n", error->message);
      return 1;
    }

  gateway = anju_fake_sms_gateway_new ();
  anju_fake_sms_gateway_set_fail_first (gateway, (guint) options.fail_first);
  anju_fake_sms_gateway_set_credentials (gateway, options.account, options.secret);
  if ((options.record != NULL
       && !anju_fake_sms_gateway_set_record_file (gateway, options.record, &error))
      || !anju_fake_sms_gateway_listen (gateway, (guint16) options.port, &error))
    {
      g_printerr ("anju-fake-sms-gateway: %s\n", error->message);
      return 1;
    }

  g_print ("%u\n", anju_fake_sms_gateway_get_port (gateway));
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  term_id = g_unix_signal_add (SIGTERM, quit_on_signal_cb, loop);
  int_id = g_unix_signal_add (SIGINT, quit_on_signal_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (term_id);
  g_source_remove (int_id);
  return 0;
}
