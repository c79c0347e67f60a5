/* anju-login-window.c: address, credentials, certificate trust, sign-in.
 *
 * The sign-in is a small chain of asynchronous steps, each a function
 * below in the order it runs:
 *
 *   start_sign_in ── pin stored? ──no──> probe ─> trust dialog ─> pin ─┐
 *                        │yes                                          │
 *                        └──────────────> log_in <─────────────────────┘
 *   log_in ─> certificate refused?  ─> probe ─> "certificate changed"
 *          ─> must change password? ─> password form ─> finish
 *          ─> finish (::signed-in)
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-desktop-private.h"
#include "anju-error-message.h"
#include "anju-login-window.h"
#include "anju-password-page.h"
#include "anju-record.h"
#include "anju-trust-dialog.h"

struct _AnjuLoginWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkRevealer      *message_revealer;
  GtkLabel         *message_label;
  GtkStack         *stack;
  GtkLabel         *intro_label;
  GtkEditable      *server_entry;
  GtkEditable      *username_entry;
  GtkEditable      *password_entry;
  GtkButton        *sign_in_button;
  GtkSpinner       *spinner;
  AnjuPasswordPage *password_page;

  /* Borrowed: the dialog currently asking, if any */
  AnjuTrustDialog  *trust_dialog;

  /* Owned */
  AnjuTrustStore   *trust_store;
  AnjuApiClient    *client;        /* (nullable) until the first attempt */
  GCancellable     *cancellable;   /* of the running attempt */
  gboolean          reauth;        /* server and username fixed */
  gboolean          done;          /* ::signed-in was emitted */
};

G_DEFINE_FINAL_TYPE (AnjuLoginWindow, anju_login_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  SIGNED_IN,
  CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void log_in (AnjuLoginWindow *self);

/* The one line above the form: an error, or a plain notice. */
static void
show_message (AnjuLoginWindow *self,
              const char      *message,
              gboolean         is_error)
{
  GtkWidget *label = GTK_WIDGET (self->message_label);

  if (message == NULL)
    {
      gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
      return;
    }
  gtk_label_set_label (self->message_label, message);
  if (is_error)
    {
      gtk_widget_add_css_class (label, "anju-banner-error");
      gtk_widget_remove_css_class (label, "anju-banner-info");
    }
  else
    {
      gtk_widget_add_css_class (label, "anju-banner-info");
      gtk_widget_remove_css_class (label, "anju-banner-error");
    }
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

static void
show_error (AnjuLoginWindow *self,
            const GError    *error)
{
  g_autofree char *sentence = NULL;

  sentence = anju_error_message_for (error, self->client != NULL
                                              ? anju_api_client_get_base_uri (self->client)
                                              : NULL);
  if (sentence != NULL)
    show_message (self, sentence, TRUE);
}

static void
set_busy (AnjuLoginWindow *self,
          gboolean         busy)
{
  /* A focused entry turned insensitive keeps its cursor blinking, which
   * GTK 4.8 reports as a missed focus-out: drop the focus first. */
  if (busy)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_entry), !busy && !self->reauth);
  gtk_widget_set_sensitive (GTK_WIDGET (self->username_entry), !busy && !self->reauth);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_entry), !busy);

  /* Back to the form after a failed attempt, so Enter tries again. */
  if (!busy && gtk_window_get_focus (GTK_WINDOW (self)) == NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "sign-in") == 0)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->password_entry));
}

static char *
typed_server_key (AnjuLoginWindow *self)
{
  g_autofree char *uri = NULL;

  uri = anju_api_client_normalize_base_uri (gtk_editable_get_text (self->server_entry), NULL);
  return uri != NULL ? anju_trust_store_key_for_uri (uri, NULL) : NULL;
}

static void
anju_login_window_actions_update (AnjuLoginWindow *self)
{
  g_autofree char *key = typed_server_key (self);
  g_autofree char *pem = key != NULL ? anju_trust_store_lookup (self->trust_store, key) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.forget-certificate", pem != NULL);
}

static void
finish (AnjuLoginWindow *self)
{
  set_busy (self, FALSE);
  /* The window is closed next; a GtkText that still has the focus (and
   * a blinking cursor) when it is disposed makes GTK 4.8 warn. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  self->done = TRUE;
  g_signal_emit (self, signals[SIGNED_IN], 0, self->client);
}

/* Step: forced password change */

static void
on_password_changed (AnjuLoginWindow *self)
{
  finish (self);
}

static void
ask_for_new_password (AnjuLoginWindow *self)
{
  set_busy (self, FALSE);
  show_message (self, NULL, FALSE);
  adw_window_title_set_title (self->window_title, _("Change Your Password"));
  anju_password_page_set_client (self->password_page, self->client);
  anju_password_page_clear (self->password_page);
  gtk_stack_set_visible_child_name (self->stack, "password");
  gtk_widget_child_focus (GTK_WIDGET (self->password_page), GTK_DIR_TAB_FORWARD);
}

/* Step: a pinned server presented another certificate */

static void
show_certificate_changed (AnjuLoginWindow *self,
                          GTlsCertificate *presented)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  g_autofree char *trusted_fp = NULL;
  g_autofree char *presented_fp = anju_certificate_get_fingerprint (presented);
  GTlsCertificate *pinned = anju_api_client_get_pinned_certificate (self->client);

  trusted_fp = pinned != NULL ? anju_certificate_get_fingerprint (pinned) : g_strdup ("—");
  body = g_strdup_printf (
    /* Translators: %1$s is a server address, %2$s and %3$s are certificate fingerprints */
    _("The server at %1$s presented a different certificate from the one you trusted. "
      "Someone may be intercepting the connection, or the administrator replaced the "
      "certificate. You were not signed in.\n\n"
      "Trusted: %2$s\n\nPresented: %3$s\n\n"
      "Only if your administrator confirms a new certificate, choose “Forget Stored "
      "Certificate” in the main menu and sign in again."),
    anju_api_client_get_base_uri (self->client), trusted_fp, presented_fp);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Certificate Changed"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));

  show_message (self, _("Not signed in: the server’s certificate changed."), TRUE);
}

static void
probe_after_refusal_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(AnjuLoginWindow) self = user_data;
  g_autoptr(GTlsCertificate) presented = NULL;
  g_autoptr(GError) error = NULL;
  GTlsCertificate *pinned;

  presented = anju_api_client_probe_certificate_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);

  pinned = anju_api_client_get_pinned_certificate (self->client);
  if (presented != NULL && pinned != NULL && !g_tls_certificate_is_same (presented, pinned))
    {
      show_certificate_changed (self, presented);
      return;
    }

  /* The very certificate we pinned, refused for another reason (expired,
   * or not made for the address typed). */
  {
    g_autoptr(GError) refusal = g_error_new_literal (ANJU_ERROR, ANJU_ERROR_CERTIFICATE, "");

    show_error (self, error != NULL ? error : refusal);
  }
}

/* Step: sign in with the pinned certificate */

static void
login_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AnjuLoginWindow) self = user_data;
  g_autoptr(JsonObject) response = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *user;

  response = anju_api_client_login_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_CERTIFICATE))
    {
      anju_api_client_probe_certificate_async (self->client, self->cancellable,
                                               probe_after_refusal_cb, g_object_ref (self));
      return;
    }
  if (response == NULL)
    {
      set_busy (self, FALSE);
      show_error (self, error);
      gtk_editable_select_region (self->password_entry, 0, -1);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
      return;
    }

  gtk_editable_set_text (self->password_entry, "");
  user = anju_json_get_object (response, "user");
  if (anju_json_get_boolean (user, "must_change_password", FALSE))
    ask_for_new_password (self);
  else
    finish (self);
}

static void
log_in (AnjuLoginWindow *self)
{
  anju_api_client_login_async (self->client,
                               gtk_editable_get_text (self->username_entry),
                               gtk_editable_get_text (self->password_entry),
                               self->cancellable, login_cb, g_object_ref (self));
}

/* Step: first contact, ask the user about the certificate */

static void
trust_dialog_response_cb (AnjuTrustDialog *dialog,
                          const char      *response,
                          gpointer         user_data)
{
  AnjuLoginWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  GTlsCertificate *certificate = anju_trust_dialog_get_certificate (dialog);
  g_autofree char *pem = NULL;

  self->trust_dialog = NULL;
  if (!g_str_equal (response, ANJU_TRUST_DIALOG_RESPONSE_TRUST))
    {
      set_busy (self, FALSE);
      show_message (self, _("Not signed in: you did not trust the server’s certificate."), TRUE);
      return;
    }

  if (!anju_trust_store_pin (self->trust_store, anju_api_client_get_server_key (self->client),
                             certificate, &error))
    {
      set_busy (self, FALSE);
      show_error (self, error);
      return;
    }

  g_object_get (certificate, "certificate-pem", &pem, NULL);
  anju_api_client_set_pinned_pem (self->client, pem);
  anju_login_window_actions_update (self);
  log_in (self);
}

static void
probe_first_contact_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(AnjuLoginWindow) self = user_data;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;

  certificate = anju_api_client_probe_certificate_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (certificate == NULL)
    {
      set_busy (self, FALSE);
      show_error (self, error);
      return;
    }

  self->trust_dialog = anju_trust_dialog_new (GTK_WINDOW (self),
                                              anju_api_client_get_base_uri (self->client),
                                              certificate);
  g_signal_connect_object (self->trust_dialog, "response",
                           G_CALLBACK (trust_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self->trust_dialog));
}

/* Step: check the form, pick the client, decide whether to ask */

static void
ensure_client (AnjuLoginWindow *self,
               const char      *base_uri)
{
  if (self->reauth)
    return;
  if (self->client != NULL && g_str_equal (anju_api_client_get_base_uri (self->client), base_uri))
    return;

  g_clear_object (&self->client);
  self->client = anju_api_client_new (base_uri, NULL);
}

static void
start_sign_in (AnjuLoginWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base_uri = NULL;
  g_autofree char *pem = NULL;

  show_message (self, NULL, FALSE);

  base_uri = anju_api_client_normalize_base_uri (gtk_editable_get_text (self->server_entry), &error);
  if (base_uri == NULL)
    {
      show_error (self, error);
      gtk_widget_grab_focus (GTK_WIDGET (self->server_entry));
      return;
    }
  if (*gtk_editable_get_text (self->username_entry) == '\0')
    {
      show_message (self, _("Enter your username."), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->username_entry));
      return;
    }
  if (*gtk_editable_get_text (self->password_entry) == '\0')
    {
      show_message (self, _("Enter your password."), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
      return;
    }

  ensure_client (self, base_uri);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);

  /* Re-read the pin every time: it may have been forgotten or made by
   * another window since this client was created. */
  pem = anju_trust_store_lookup (self->trust_store, anju_api_client_get_server_key (self->client));
  anju_api_client_set_pinned_pem (self->client, pem);
  if (pem == NULL)
    anju_api_client_probe_certificate_async (self->client, self->cancellable,
                                             probe_first_contact_cb, g_object_ref (self));
  else
    log_in (self);
}

static void
on_sign_in_clicked (AnjuLoginWindow *self)
{
  start_sign_in (self);
}

static void
on_server_changed (AnjuLoginWindow *self)
{
  anju_login_window_actions_update (self);
}

/* Forgetting a pin: its own confirmed action, never part of a sign-in */

static void
forget_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  AnjuLoginWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  if (!g_str_equal (response, "forget"))
    return;

  key = typed_server_key (self);
  if (key == NULL)
    return;
  if (!anju_trust_store_forget (self->trust_store, key, &error))
    {
      show_error (self, error);
      return;
    }
  if (self->client != NULL && g_strcmp0 (anju_api_client_get_server_key (self->client), key) == 0)
    anju_api_client_set_pinned_pem (self->client, NULL);

  anju_login_window_actions_update (self);
  show_message (self, _("The stored certificate was forgotten. The next sign-in will ask you to check the server’s certificate."),
                FALSE);
}

static void
forget_certificate_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  AnjuLoginWindow *self = ANJU_LOGIN_WINDOW (widget);
  g_autofree char *uri = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  uri = anju_api_client_normalize_base_uri (gtk_editable_get_text (self->server_entry), NULL);
  if (uri == NULL)
    return;

  body = g_strdup_printf (
    /* Translators: %1$s is a server address */
    _("The next sign-in to %1$s will show the server’s certificate and ask whether to trust "
      "it. Do this only when your administrator told you that the certificate was replaced."),
    uri);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Forget the Stored Certificate?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "forget", _("_Forget"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "forget",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (forget_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
anju_login_window_close_request (GtkWindow *window)
{
  AnjuLoginWindow *self = ANJU_LOGIN_WINDOW (window);

  g_cancellable_cancel (self->cancellable);
  if (!self->done)
    g_signal_emit (self, signals[CANCELLED], 0);

  return GTK_WINDOW_CLASS (anju_login_window_parent_class)->close_request (window);
}

static void
anju_login_window_dispose (GObject *object)
{
  AnjuLoginWindow *self = ANJU_LOGIN_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_LOGIN_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->trust_store);

  G_OBJECT_CLASS (anju_login_window_parent_class)->dispose (object);
}

static void
anju_login_window_class_init (AnjuLoginWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = anju_login_window_dispose;
  window_class->close_request = anju_login_window_close_request;

  /**
   * AnjuLoginWindow::signed-in:
   * @client: the AnjuApiClient holding the new session
   */
  signals[SIGNED_IN] =
    g_signal_new ("signed-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ANJU_TYPE_API_CLIENT);

  /* Closed before a sign-in succeeded. */
  signals[CANCELLED] =
    g_signal_new ("cancelled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (ANJU_TYPE_PASSWORD_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/anju-login-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuLoginWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AnjuLoginWindow, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, AnjuLoginWindow, message_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuLoginWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuLoginWindow, intro_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuLoginWindow, server_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuLoginWindow, username_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuLoginWindow, password_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuLoginWindow, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuLoginWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuLoginWindow, password_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_server_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_password_changed);

  gtk_widget_class_install_action (widget_class, "login.forget-certificate", NULL,
                                   forget_certificate_action);
}

static void
anju_login_window_init (AnjuLoginWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
prefill (AnjuLoginWindow *self,
         const char      *server_uri,
         const char      *username)
{
  gtk_editable_set_text (self->server_entry,
                         server_uri != NULL ? server_uri : ANJU_LOGIN_WINDOW_DEFAULT_SERVER);
  gtk_editable_set_text (self->username_entry, username != NULL ? username : "");
  anju_login_window_actions_update (self);

  if (username != NULL && *username != '\0')
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->password_entry));
  else
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->username_entry));
}

AnjuLoginWindow *
anju_login_window_new (GtkApplication *application,
                       AnjuTrustStore *trust_store,
                       const char     *server_uri,
                       const char     *username)
{
  AnjuLoginWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ANJU_IS_TRUST_STORE (trust_store), NULL);

  self = g_object_new (ANJU_TYPE_LOGIN_WINDOW, "application", application, NULL);
  self->trust_store = g_object_ref (trust_store);
  prefill (self, server_uri, username);
  return self;
}

AnjuLoginWindow *
anju_login_window_new_for_client (GtkApplication *application,
                                  AnjuTrustStore *trust_store,
                                  AnjuApiClient  *client)
{
  AnjuLoginWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ANJU_IS_TRUST_STORE (trust_store), NULL);
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  self = g_object_new (ANJU_TYPE_LOGIN_WINDOW, "application", application, NULL);
  self->trust_store = g_object_ref (trust_store);
  self->client = g_object_ref (client);
  self->reauth = TRUE;

  adw_window_title_set_title (self->window_title, _("Session Ended"));
  gtk_widget_set_visible (GTK_WIDGET (self->intro_label), TRUE);
  prefill (self, anju_api_client_get_base_uri (client),
           anju_json_get_string (anju_api_client_get_user (client), "username"));
  set_busy (self, FALSE);
  return self;
}

void
anju_login_window_show_notice (AnjuLoginWindow *self,
                               const char      *message)
{
  g_return_if_fail (ANJU_IS_LOGIN_WINDOW (self));

  show_message (self, message, FALSE);
}

AnjuApiClient *
anju_login_window_get_client (AnjuLoginWindow *self)
{
  g_return_val_if_fail (ANJU_IS_LOGIN_WINDOW (self), NULL);

  return self->client;
}

/* Private API for tests (anju-desktop-private.h) */

GtkEditable *
_anju_login_window_get_server_entry (AnjuLoginWindow *self)
{
  return self->server_entry;
}

GtkEditable *
_anju_login_window_get_username_entry (AnjuLoginWindow *self)
{
  return self->username_entry;
}

GtkEditable *
_anju_login_window_get_password_entry (AnjuLoginWindow *self)
{
  return self->password_entry;
}

GtkButton *
_anju_login_window_get_sign_in_button (AnjuLoginWindow *self)
{
  return self->sign_in_button;
}

AnjuTrustDialog *
_anju_login_window_get_trust_dialog (AnjuLoginWindow *self)
{
  return self->trust_dialog;
}

AnjuPasswordPage *
_anju_login_window_get_password_page (AnjuLoginWindow *self)
{
  return self->password_page;
}

const char *
_anju_login_window_get_message (AnjuLoginWindow *self)
{
  if (!gtk_revealer_get_reveal_child (self->message_revealer))
    return NULL;
  return gtk_label_get_label (self->message_label);
}

gboolean
_anju_login_window_is_busy (AnjuLoginWindow *self)
{
  return gtk_spinner_get_spinning (self->spinner);
}
