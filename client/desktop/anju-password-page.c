/* anju-password-page.c: old/new/confirm, policy check, POST auth/password. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-error-message.h"
#include "anju-password-page.h"
#include "anju-password-policy.h"
#include "anju-record.h"

struct _AnjuPasswordPage
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkEditable   *old_entry;
  GtkEditable   *new_entry;
  GtkEditable   *confirm_entry;
  GtkLabel      *error_label;
  GtkButton     *change_button;
  GtkSpinner    *spinner;

  /* Owned */
  AnjuApiClient *client;
  GCancellable  *cancellable;
};

G_DEFINE_FINAL_TYPE (AnjuPasswordPage, anju_password_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

enum {
  PASSWORD_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_error (AnjuPasswordPage *self,
            const char       *message,
            GtkEditable      *culprit)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (culprit != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (culprit));
}

static void
set_busy (AnjuPasswordPage *self,
          gboolean          busy)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* A focused entry turned insensitive keeps its cursor blinking, which
   * GTK 4.8 reports as a missed focus-out: drop the focus first. */
  if (busy && GTK_IS_WINDOW (root))
    gtk_window_set_focus (GTK_WINDOW (root), NULL);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->change_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->old_entry), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_entry), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_entry), !busy);
}

/* The server names the offending field; point the user at it. */
static GtkEditable *
field_entry (AnjuPasswordPage *self,
             const char      **out_message)
{
  JsonObject *fields = anju_api_client_get_last_error_fields (self->client);
  const char *message;

  if ((message = anju_json_get_string (fields, "new_password")) != NULL)
    {
      *out_message = message;
      return self->new_entry;
    }
  if ((message = anju_json_get_string (fields, "old_password")) != NULL)
    {
      *out_message = message;
      return self->old_entry;
    }
  *out_message = NULL;
  return NULL;
}

static void
change_password_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AnjuPasswordPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;
  const char *field_message = NULL;
  GtkEditable *culprit = NULL;

  if (anju_api_client_change_password_finish (ANJU_API_CLIENT (source), result, &error))
    {
      set_busy (self, FALSE);
      anju_password_page_clear (self);
      g_signal_emit (self, signals[PASSWORD_CHANGED], 0);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_VALIDATION))
    culprit = field_entry (self, &field_message);
  else if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_INVALID_CREDENTIALS))
    {
      culprit = self->old_entry;
      field_message = _("The current password is wrong.");
    }

  sentence = anju_error_message_for (error, anju_api_client_get_base_uri (self->client));
  show_error (self, field_message != NULL ? field_message : sentence, culprit);
}

static void
on_change_clicked (AnjuPasswordPage *self)
{
  const char *old_password = gtk_editable_get_text (self->old_entry);
  const char *new_password = gtk_editable_get_text (self->new_entry);
  const char *confirm = gtk_editable_get_text (self->confirm_entry);
  JsonObject *user = anju_api_client_get_user (self->client);
  g_autoptr(GError) error = NULL;

  if (*old_password == '\0')
    {
      show_error (self, _("Enter your current password."), self->old_entry);
      return;
    }
  if (!anju_password_policy_check (new_password, anju_json_get_string (user, "username"), &error))
    {
      show_error (self, error->message, self->new_entry);
      return;
    }
  if (!g_str_equal (new_password, confirm))
    {
      show_error (self, _("The two new passwords are not the same."), self->confirm_entry);
      return;
    }
  if (g_str_equal (new_password, old_password))
    {
      show_error (self, _("The new password must differ from the current one."), self->new_entry);
      return;
    }

  show_error (self, NULL, NULL);
  set_busy (self, TRUE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  anju_api_client_change_password_async (self->client, old_password, new_password,
                                         self->cancellable, change_password_cb,
                                         g_object_ref (self));
}

static void
anju_password_page_dispose (GObject *object)
{
  AnjuPasswordPage *self = ANJU_PASSWORD_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_PASSWORD_PAGE);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_password_page_parent_class)->dispose (object);
}

static void
anju_password_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AnjuPasswordPage *self = ANJU_PASSWORD_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_password_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AnjuPasswordPage *self = ANJU_PASSWORD_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      anju_password_page_set_client (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_password_page_class_init (AnjuPasswordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_password_page_dispose;
  object_class->get_property = anju_password_page_get_property;
  object_class->set_property = anju_password_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PASSWORD_CHANGED] =
    g_signal_new ("password-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/anju-password-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuPasswordPage, old_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuPasswordPage, new_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuPasswordPage, confirm_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuPasswordPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuPasswordPage, change_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuPasswordPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_change_clicked);
}

static void
anju_password_page_init (AnjuPasswordPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
anju_password_page_new (AnjuApiClient *client)
{
  return g_object_new (ANJU_TYPE_PASSWORD_PAGE, "client", client, NULL);
}

AnjuApiClient *
anju_password_page_get_client (AnjuPasswordPage *self)
{
  g_return_val_if_fail (ANJU_IS_PASSWORD_PAGE (self), NULL);

  return self->client;
}

void
anju_password_page_set_client (AnjuPasswordPage *self,
                               AnjuApiClient    *client)
{
  g_return_if_fail (ANJU_IS_PASSWORD_PAGE (self));
  g_return_if_fail (client == NULL || ANJU_IS_API_CLIENT (client));

  if (g_set_object (&self->client, client))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
  gtk_widget_set_sensitive (GTK_WIDGET (self->change_button), client != NULL);
}

void
anju_password_page_clear (AnjuPasswordPage *self)
{
  g_return_if_fail (ANJU_IS_PASSWORD_PAGE (self));

  gtk_editable_set_text (self->old_entry, "");
  gtk_editable_set_text (self->new_entry, "");
  gtk_editable_set_text (self->confirm_entry, "");
  show_error (self, NULL, NULL);
}
