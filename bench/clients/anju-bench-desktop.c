/* anju-bench-desktop.c: a scripted person at anju-desktop, for
 * bench/run-bench.sh.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * anju-desktop has no way to sign in without a person, so this program
 * is anju-desktop (its whole library, the same windows and pages) with
 * the person scripted, the way the display tests drive it: it trusts
 * the bench server's certificate, signs in through the sign-in window,
 * opens the units page from the sidebar as soon as the main window is
 * there, and stops once the page has its first page of rows.  The
 * timings are the product's own ANJU_BENCH_TIMING lines
 * (anju-bench-timing.h), so run it with ANJU_BENCH_TIMING=1; at the end
 * it prints "anju-bench: peak-rss-kb <VmHWM>".
 *
 *   anju-bench-desktop --server URL --certificate PEM --username U --password P
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "anju-bench-timing.h"
#include "anju-software-gl.h"
#include "anju-desktop-private.h"
#include "anju-pubrent-units-page-private.h"

#define DEADLINE_SECONDS 300

typedef gboolean (*Condition) (gpointer data);

/* Iterates the main context until condition holds or the deadline
 * (which only catches a hang) passes. */
static gboolean
wait_for (Condition    condition,
          gpointer     data,
          const char  *what,
          GError     **error)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_SECONDS * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "no %s within %d s", what, DEADLINE_SECONDS);
          return FALSE;
        }
      g_main_context_iteration (NULL, TRUE);
    }
  return TRUE;
}

static gboolean
login_window_mapped (gpointer data)
{
  AnjuLoginWindow *login = _anju_application_get_login_window (data);

  return login != NULL && gtk_widget_get_mapped (GTK_WIDGET (login));
}

static gboolean
main_window_mapped (gpointer data)
{
  AnjuLoginWindow *login = _anju_application_get_login_window (data);
  AnjuWindow *window = _anju_application_get_main_window (data);
  const char *message = login != NULL ? _anju_login_window_get_message (login) : NULL;

  /* A refused sign-in would otherwise wait for the deadline. */
  if (window == NULL && message != NULL && login != NULL && !_anju_login_window_is_busy (login))
    g_error ("sign-in refused: %s", message);
  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gboolean
units_listed (gpointer data)
{
  AnjuPagedModel *units = _anju_pubrent_units_page_get_model (data);

  return g_list_model_get_n_items (G_LIST_MODEL (units)) > 0;
}

static gboolean
pin_certificate (AnjuTrustStore  *store,
                 const char      *server,
                 const char      *certificate_path,
                 GError         **error)
{
  g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_file (certificate_path, error);
  g_autofree char *key = NULL;

  if (certificate == NULL)
    return FALSE;
  key = anju_trust_store_key_for_uri (server, error);
  return key != NULL && anju_trust_store_pin (store, key, certificate, error);
}

static void
open_units_page (AnjuWindow *window)
{
  GtkListBox *sidebar = _anju_window_get_sidebar (window);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (sidebar)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), "pubrent-units") == 0)
      {
        g_signal_emit_by_name (sidebar, "row-activated", row);
        return;
      }
  g_error ("the signed-in user has no units page (pubrent.housing.read)");
}

/* VmHWM of /proc/self/status in kB, 0 when unreadable. */
static guint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

static gboolean
run (const char  *server,
     const char  *certificate,
     const char  *username,
     const char  *password,
     GError     **error)
{
  g_autofree char *home = g_dir_make_tmp ("anju-bench-desktop-XXXXXX", error);
  g_autofree char *store_path = NULL;
  g_autoptr(AnjuTrustStore) store = NULL;
  g_autoptr(AnjuApplication) app = NULL;
  AnjuLoginWindow *login;
  AnjuWindow *window;
  GtkWidget *units;

  if (home == NULL)
    return FALSE;
  store_path = g_build_filename (home, "trusted-servers.ini", NULL);
  store = anju_trust_store_new (store_path);
  if (!pin_certificate (store, server, certificate, error))
    return FALSE;

  app = _anju_application_new_for_tests (store);
  if (!_anju_application_start (app, error)
      || !wait_for (login_window_mapped, app, "sign-in window", error))
    return FALSE;

  login = _anju_application_get_login_window (app);
  gtk_editable_set_text (_anju_login_window_get_server_entry (login), server);
  gtk_editable_set_text (_anju_login_window_get_username_entry (login), username);
  gtk_editable_set_text (_anju_login_window_get_password_entry (login), password);
  g_signal_emit_by_name (_anju_login_window_get_sign_in_button (login), "clicked");
  if (!wait_for (main_window_mapped, app, "main window", error))
    return FALSE;

  window = _anju_application_get_main_window (app);
  open_units_page (window);
  units = _anju_window_get_page (window, "pubrent-units");
  if (!wait_for (units_listed, units, "first page of units", error))
    return FALSE;

  fprintf (stderr, "anju-bench: peak-rss-kb %" G_GUINT64_FORMAT "\n", peak_rss_kb ());

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_unlink (store_path);
  g_rmdir (home);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *server = NULL;
  g_autofree char *certificate = NULL;
  g_autofree char *username = NULL;
  g_autofree char *password = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, "The bench server's https:// address", "URL" },
    { "certificate", 0, 0, G_OPTION_ARG_FILENAME, &certificate, "Its certificate (PEM), trusted as pinned", "FILE" },
    { "username", 0, 0, G_OPTION_ARG_STRING, &username, "Who signs in", "NAME" },
    { "password", 0, 0, G_OPTION_ARG_STRING, &password, "Their password", "PASSWORD" },
    { NULL }
  };

  anju_bench_timing_start ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ANJU_LOCALEDIR") != NULL ? g_getenv ("ANJU_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("anju-desktop");
  /* Before GTK starts: cairo, not llvmpipe, on a machine without a GPU. */
  anju_software_gl_avoid ();

  context = g_option_context_new ("- sign in to anju-desktop and open the units page, timed");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "anju-bench-desktop: %s\n", error->message);
      return 2;
    }
  if (server == NULL || certificate == NULL || username == NULL || password == NULL)
    {
      fprintf (stderr, "anju-bench-desktop: --server, --certificate, --username and --password are required\n");
      return 2;
    }

  if (!run (server, certificate, username, password, &error))
    {
      fprintf (stderr, "anju-bench-desktop: %s\n", error->message);
      return 1;
    }
  return 0;
}
