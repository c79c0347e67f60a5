/* anju-application.c: sign-in window <-> main window. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-bench-timing.h"
#include "anju-desktop-private.h"
#include "anju-record.h"

struct _AnjuApplication
{
  AdwApplication parent_instance;

  /* Borrowed: each window belongs to the application while it is open */
  AnjuLoginWindow *login_window;
  AnjuWindow      *main_window;

  /* Owned */
  AnjuTrustStore  *trust_store;
  char            *server_uri;     /* (nullable) from --server */
};

G_DEFINE_FINAL_TYPE (AnjuApplication, anju_application, ADW_TYPE_APPLICATION)

static void show_login_window (AnjuApplication *self,
                               const char      *server_uri,
                               const char      *username,
                               const char      *notice);

static void
on_signed_out (AnjuApplication *self,
               const char      *notice,
               AnjuWindow      *window)
{
  AnjuApiClient *client = anju_window_get_client (window);
  g_autofree char *server_uri = g_strdup (anju_api_client_get_base_uri (client));
  JsonObject *user = anju_api_client_get_user (client);
  g_autofree char *username = g_strdup (anju_json_get_string (user, "username"));

  /* The sign-in window first, so the application never has no window. */
  show_login_window (self, server_uri, username, notice);
  if (self->main_window == window)
    g_set_weak_pointer (&self->main_window, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_signed_in (AnjuApplication *self,
              AnjuApiClient   *client,
              AnjuLoginWindow *login)
{
  anju_bench_timing_mark ("signed-in");
  g_set_weak_pointer (&self->main_window,
                      anju_window_new (GTK_APPLICATION (self), client, self->trust_store));
  g_signal_connect_object (self->main_window, "signed-out",
                           G_CALLBACK (on_signed_out), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->main_window));

  if (self->login_window == login)
    g_set_weak_pointer (&self->login_window, NULL);
  gtk_window_destroy (GTK_WINDOW (login));
}

static void
login_window_map_cb (GtkWidget *login)
{
  anju_bench_timing_mark ("signin-window-shown");
}

static void
show_login_window (AnjuApplication *self,
                   const char      *server_uri,
                   const char      *username,
                   const char      *notice)
{
  if (self->login_window == NULL)
    {
      g_set_weak_pointer (&self->login_window,
                          anju_login_window_new (GTK_APPLICATION (self), self->trust_store,
                                                 server_uri, username));
      g_signal_connect_object (self->login_window, "signed-in",
                               G_CALLBACK (on_signed_in), self, G_CONNECT_SWAPPED);
      if (anju_bench_timing_enabled ())
        g_signal_connect (self->login_window, "map", G_CALLBACK (login_window_map_cb), NULL);
    }
  if (notice != NULL)
    anju_login_window_show_notice (self->login_window, notice);
  gtk_window_present (GTK_WINDOW (self->login_window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  AnjuApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (parent,
                         "application-name", _("Anju"),
                         "developer-name", _("The Anju developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Guaranteed Housing Management Platform of Xiangjiang New Area"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_action },
  { .name = "quit", .activate = quit_action },
};

static int
anju_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  AnjuApplication *self = ANJU_APPLICATION (application);
  const char *server = NULL;

  if (g_variant_dict_lookup (options, "server", "&s", &server))
    {
      g_free (self->server_uri);
      self->server_uri = g_strdup (server);
    }

  return G_APPLICATION_CLASS (anju_application_parent_class)->handle_local_options (application, options);
}

static void
anju_application_startup (GApplication *application)
{
  AnjuApplication *self = ANJU_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (anju_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
}

static void
anju_application_activate (GApplication *application)
{
  AnjuApplication *self = ANJU_APPLICATION (application);

  if (self->main_window != NULL)
    gtk_window_present (GTK_WINDOW (self->main_window));
  else
    show_login_window (self, self->server_uri, NULL, NULL);
}

static void
anju_application_finalize (GObject *object)
{
  AnjuApplication *self = ANJU_APPLICATION (object);

  g_clear_weak_pointer (&self->login_window);
  g_clear_weak_pointer (&self->main_window);
  g_clear_object (&self->trust_store);
  g_clear_pointer (&self->server_uri, g_free);

  G_OBJECT_CLASS (anju_application_parent_class)->finalize (object);
}

static void
anju_application_class_init (AnjuApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = anju_application_finalize;

  application_class->handle_local_options = anju_application_handle_local_options;
  application_class->startup = anju_application_startup;
  application_class->activate = anju_application_activate;
}

static void
anju_application_init (AnjuApplication *self)
{
  static const GOptionEntry options[] = {
    { "server", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("Address of the Anju server, such as https://127.0.0.1:8443"), N_("URL") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Desktop client of the Anju housing platform"));
}

AnjuApplication *
anju_application_new (void)
{
  AnjuApplication *self;

  self = g_object_new (ANJU_TYPE_APPLICATION,
                       "application-id", ANJU_APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       /* Where the resources are, so AdwApplication loads
                        * style.css from there by itself. */
                       "resource-base-path", "/org/anju/desktop",
                       NULL);
  self->trust_store = anju_trust_store_new (NULL);
  return self;
}

/* Private API for tests (anju-desktop-private.h) */

AnjuApplication *
_anju_application_new_for_tests (AnjuTrustStore *trust_store)
{
  AnjuApplication *self;

  self = g_object_new (ANJU_TYPE_APPLICATION,
                       "application-id", ANJU_APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/anju/desktop",
                       NULL);
  self->trust_store = trust_store != NULL ? g_object_ref (trust_store) : anju_trust_store_new (NULL);
  return self;
}

gboolean
_anju_application_start (AnjuApplication  *self,
                         GError          **error)
{
  if (!g_application_register (G_APPLICATION (self), NULL, error))
    return FALSE;
  g_application_activate (G_APPLICATION (self));
  return TRUE;
}

AnjuTrustStore *
_anju_application_get_trust_store (AnjuApplication *self)
{
  return self->trust_store;
}

AnjuLoginWindow *
_anju_application_get_login_window (AnjuApplication *self)
{
  return self->login_window;
}

AnjuWindow *
_anju_application_get_main_window (AnjuApplication *self)
{
  return self->main_window;
}
