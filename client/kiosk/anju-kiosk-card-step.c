/* anju-kiosk-card-step.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "anju-kiosk-card-step.h"
#include "anju-kiosk-context.h"

struct _AnjuKioskCardStep
{
  GtkBox            parent_instance;

  /* Template widgets */
  GtkButton        *read_button;
  GtkSpinner       *spinner;
  GtkLabel         *error_label;
  GtkLabel         *hint_label;

  /* Owned */
  AnjuKioskContext *context;
  GCancellable     *cancellable;   /* (nullable) while reading */
};

G_DEFINE_FINAL_TYPE (AnjuKioskCardStep, anju_kiosk_card_step, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum
{
  CARD_READ,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_reading (AnjuKioskCardStep *self,
             gboolean           reading)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->read_button), !reading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), reading);
  gtk_spinner_set_spinning (self->spinner, reading);
}

static void
show_error (AnjuKioskCardStep *self,
            const char        *message,
            gboolean           device_fault)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), device_fault);
  gtk_button_set_label (self->read_button, _("Retry"));
}

static void
clear_error (AnjuKioskCardStep *self)
{
  gtk_label_set_label (self->error_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);
  gtk_button_set_label (self->read_button, _("Read ID card"));
}

static void
card_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AnjuKioskCardStep) self = user_data;
  g_autoptr(AnjuIdCard) card = NULL;
  g_autoptr(GError) error = NULL;

  card = anju_id_reader_read_card_finish (ANJU_ID_READER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_reading (self, FALSE);

  if (card == NULL)
    {
      if (g_error_matches (error, ANJU_ID_READER_ERROR, ANJU_ID_READER_ERROR_NO_CARD))
        show_error (self, _("No ID card was found. Place your card flat on the reader and tap “Retry”."), FALSE);
      else
        show_error (self, error->message, TRUE);
      return;
    }

  clear_error (self);
  g_signal_emit (self, signals[CARD_READ], 0, card);
}

static void
read_button_clicked_cb (AnjuKioskCardStep *self)
{
  anju_kiosk_card_step_read (self);
}

static void
anju_kiosk_card_step_dispose (GObject *object)
{
  AnjuKioskCardStep *self = ANJU_KIOSK_CARD_STEP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_KIOSK_CARD_STEP);

  G_OBJECT_CLASS (anju_kiosk_card_step_parent_class)->dispose (object);
}

static void
anju_kiosk_card_step_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AnjuKioskCardStep *self = ANJU_KIOSK_CARD_STEP (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_kiosk_card_step_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AnjuKioskCardStep *self = ANJU_KIOSK_CARD_STEP (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_kiosk_card_step_class_init (AnjuKioskCardStepClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_kiosk_card_step_dispose;
  object_class->get_property = anju_kiosk_card_step_get_property;
  object_class->set_property = anju_kiosk_card_step_set_property;

  /* Settable after construction too, so that a template can hold the
   * step and its screen hand it the context. */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         ANJU_TYPE_KIOSK_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuKioskCardStep::card-read:
   * @card: (type gpointer): the AnjuIdCard, borrowed
   */
  signals[CARD_READ] =
    g_signal_new ("card-read",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/Kiosk/ui/anju-kiosk-card-step.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskCardStep, read_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskCardStep, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskCardStep, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskCardStep, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, read_button_clicked_cb);
}

static void
anju_kiosk_card_step_init (AnjuKioskCardStep *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
anju_kiosk_card_step_new (gpointer context)
{
  return g_object_new (ANJU_TYPE_KIOSK_CARD_STEP, "context", context, NULL);
}

void
anju_kiosk_card_step_reset (AnjuKioskCardStep *self)
{
  g_return_if_fail (ANJU_IS_KIOSK_CARD_STEP (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_reading (self, FALSE);
  clear_error (self);
}

void
anju_kiosk_card_step_read (AnjuKioskCardStep *self)
{
  AnjuIdReader *reader = NULL;

  g_return_if_fail (ANJU_IS_KIOSK_CARD_STEP (self));

  if (self->cancellable != NULL)
    return;
  if (self->context != NULL)
    reader = anju_kiosk_devices_get_id_reader (anju_kiosk_context_get_devices (self->context));
  if (reader == NULL)
    {
      show_error (self, _("This terminal has no ID card reader."), TRUE);
      return;
    }

  clear_error (self);
  set_reading (self, TRUE);
  self->cancellable = g_cancellable_new ();
  anju_id_reader_read_card_async (reader, self->cancellable, card_read_cb, g_object_ref (self));
}
