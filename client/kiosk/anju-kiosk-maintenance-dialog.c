/* anju-kiosk-maintenance-dialog.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "anju-kiosk-maintenance-dialog.h"

struct _AnjuKioskMaintenanceDialog
{
  AdwWindow         parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  GtkEditable      *pin_entry;
  GtkLabel         *pin_error_label;
  GtkGrid          *keypad;
  GtkListBox       *devices_list;

  /* Owned */
  AnjuKioskContext *context;
};

G_DEFINE_FINAL_TYPE (AnjuKioskMaintenanceDialog, anju_kiosk_maintenance_dialog, ADW_TYPE_WINDOW)

enum
{
  QUIT_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
kind_title (const char *kind)
{
  if (g_strcmp0 (kind, "camera") == 0)
    return _("Camera");
  if (g_strcmp0 (kind, "fingerprint") == 0)
    return _("Fingerprint reader");
  if (g_strcmp0 (kind, "id_reader") == 0)
    return _("ID card reader");
  if (g_strcmp0 (kind, "printer") == 0)
    return _("Printer");
  return kind;
}

static const char *
state_title (const char *state)
{
  if (g_strcmp0 (state, "ok") == 0)
    return _("Working");
  if (g_strcmp0 (state, "missing") == 0)
    return _("Not connected");
  if (g_strcmp0 (state, "error") == 0)
    return _("Fault");
  if (g_strcmp0 (state, "disabled") == 0)
    return _("Not configured");
  return state;
}

static void
fill_devices (AnjuKioskMaintenanceDialog *self)
{
  g_autoptr(JsonArray) status = anju_kiosk_devices_get_status (anju_kiosk_context_get_devices (self->context));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->devices_list))) != NULL)
    gtk_list_box_remove (self->devices_list, child);

  for (guint i = 0; i < json_array_get_length (status); i++)
    {
      JsonObject *peripheral = json_array_get_object_element (status, i);
      const char *message = json_object_get_string_member_with_default (peripheral, "message", NULL);
      const char *state = state_title (json_object_get_string_member (peripheral, "state"));
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: a peripheral's state, then what it reported */
      subtitle = message != NULL ? g_strdup_printf (_("%1$s: %2$s"), state, message) : g_strdup (state);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     kind_title (json_object_get_string_member (peripheral, "kind")));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (row, json_object_get_string_member (peripheral, "kind"));
      gtk_list_box_append (self->devices_list, row);
    }
}

static void
digit_clicked_cb (GtkButton                  *button,
                  AnjuKioskMaintenanceDialog *self)
{
  int position = -1;

  gtk_editable_insert_text (self->pin_entry, gtk_button_get_label (button), -1, &position);
  gtk_widget_set_visible (GTK_WIDGET (self->pin_error_label), FALSE);
}

static void
clear_clicked_cb (AnjuKioskMaintenanceDialog *self)
{
  gtk_editable_set_text (self->pin_entry, "");
}

static void
build_keypad (AnjuKioskMaintenanceDialog *self)
{
  static const char *digits[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9" };
  GtkWidget *zero;
  GtkWidget *clear;

  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    {
      GtkWidget *key = gtk_button_new_with_label (digits[i]);

      gtk_widget_add_css_class (key, "kiosk-key");
      g_signal_connect_object (key, "clicked", G_CALLBACK (digit_clicked_cb), self, 0);
      gtk_grid_attach (self->keypad, key, i % 3, i / 3, 1, 1);
    }

  clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clear"), -1);
  gtk_widget_set_tooltip_text (clear, _("Clear"));
  gtk_widget_add_css_class (clear, "kiosk-key");
  g_signal_connect_object (clear, "clicked", G_CALLBACK (clear_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_grid_attach (self->keypad, clear, 0, 3, 1, 1);

  zero = gtk_button_new_with_label ("0");
  gtk_widget_add_css_class (zero, "kiosk-key");
  g_signal_connect_object (zero, "clicked", G_CALLBACK (digit_clicked_cb), self, 0);
  gtk_grid_attach (self->keypad, zero, 1, 3, 1, 1);
}

static void
ok_clicked_cb (AnjuKioskMaintenanceDialog *self)
{
  g_autofree char *pin = g_strdup (gtk_editable_get_text (self->pin_entry));

  anju_kiosk_maintenance_dialog_enter_pin (self, pin);
}

static void
cancel_clicked_cb (AnjuKioskMaintenanceDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
quit_clicked_cb (AnjuKioskMaintenanceDialog *self)
{
  g_autoptr(AnjuKioskMaintenanceDialog) alive = g_object_ref (self);

  g_signal_emit (self, signals[QUIT_REQUESTED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
anju_kiosk_maintenance_dialog_dispose (GObject *object)
{
  AnjuKioskMaintenanceDialog *self = ANJU_KIOSK_MAINTENANCE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_KIOSK_MAINTENANCE_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (anju_kiosk_maintenance_dialog_parent_class)->dispose (object);
}

static void
anju_kiosk_maintenance_dialog_class_init (AnjuKioskMaintenanceDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_kiosk_maintenance_dialog_dispose;

  signals[QUIT_REQUESTED] =
    g_signal_new ("quit-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/Kiosk/ui/anju-kiosk-maintenance-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskMaintenanceDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskMaintenanceDialog, pin_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskMaintenanceDialog, pin_error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskMaintenanceDialog, keypad);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskMaintenanceDialog, devices_list);
  gtk_widget_class_bind_template_callback (widget_class, ok_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, quit_clicked_cb);
}

static void
anju_kiosk_maintenance_dialog_init (AnjuKioskMaintenanceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  build_keypad (self);
}

AnjuKioskMaintenanceDialog *
anju_kiosk_maintenance_dialog_new (GtkWindow        *parent,
                                   AnjuKioskContext *context)
{
  AnjuKioskMaintenanceDialog *self;

  g_return_val_if_fail (ANJU_IS_KIOSK_CONTEXT (context), NULL);

  self = g_object_new (ANJU_TYPE_KIOSK_MAINTENANCE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->context = g_object_ref (context);

  return self;
}

gboolean
anju_kiosk_maintenance_dialog_enter_pin (AnjuKioskMaintenanceDialog *self,
                                         const char                 *pin)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_MAINTENANCE_DIALOG (self), FALSE);

  gtk_editable_set_text (self->pin_entry, "");
  if (!anju_kiosk_config_check_pin (anju_kiosk_context_get_config (self->context), pin))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->pin_error_label), TRUE);
      return FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->pin_error_label), FALSE);
  fill_devices (self);
  gtk_stack_set_visible_child_name (self->stack, "maintenance");
  return TRUE;
}
