/* anju-trust-dialog.c: first-contact certificate confirmation. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-trust-dialog.h"
#include "anju-trust-store.h"

struct _AnjuTrustDialog
{
  AdwMessageDialog parent_instance;

  /* Template widgets */
  GtkLabel        *fingerprint_label;

  /* Owned */
  GTlsCertificate *certificate;
  char            *fingerprint;
};

G_DEFINE_FINAL_TYPE (AnjuTrustDialog, anju_trust_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
anju_trust_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ANJU_TYPE_TRUST_DIALOG);

  G_OBJECT_CLASS (anju_trust_dialog_parent_class)->dispose (object);
}

static void
anju_trust_dialog_finalize (GObject *object)
{
  AnjuTrustDialog *self = ANJU_TRUST_DIALOG (object);

  g_clear_object (&self->certificate);
  g_clear_pointer (&self->fingerprint, g_free);

  G_OBJECT_CLASS (anju_trust_dialog_parent_class)->finalize (object);
}

static void
anju_trust_dialog_class_init (AnjuTrustDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_trust_dialog_dispose;
  object_class->finalize = anju_trust_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/anju-trust-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuTrustDialog, fingerprint_label);
}

static void
anju_trust_dialog_init (AnjuTrustDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AnjuTrustDialog *
anju_trust_dialog_new (GtkWindow       *parent,
                       const char      *server_uri,
                       GTlsCertificate *certificate)
{
  AnjuTrustDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (server_uri != NULL, NULL);
  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  self = g_object_new (ANJU_TYPE_TRUST_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->certificate = g_object_ref (certificate);
  self->fingerprint = anju_certificate_get_fingerprint (certificate);

  body = g_strdup_printf (
    /* Translators: %1$s is a server address such as https://127.0.0.1:8443 */
    _("This is the first time this computer connects to %1$s. Compare the certificate "
      "fingerprint below with the one your administrator gave you, and trust the server "
      "only if they are the same."),
    server_uri);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  gtk_label_set_label (self->fingerprint_label, self->fingerprint);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fingerprint_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->fingerprint,
                                  -1);
  return self;
}

GTlsCertificate *
anju_trust_dialog_get_certificate (AnjuTrustDialog *self)
{
  g_return_val_if_fail (ANJU_IS_TRUST_DIALOG (self), NULL);

  return self->certificate;
}

const char *
anju_trust_dialog_get_fingerprint (AnjuTrustDialog *self)
{
  g_return_val_if_fail (ANJU_IS_TRUST_DIALOG (self), NULL);

  return self->fingerprint;
}

void
anju_trust_dialog_answer (AnjuTrustDialog *self,
                          gboolean         trust)
{
  g_return_if_fail (ANJU_IS_TRUST_DIALOG (self));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self),
                               trust ? ANJU_TRUST_DIALOG_RESPONSE_TRUST
                                     : ANJU_TRUST_DIALOG_RESPONSE_CANCEL);
}
