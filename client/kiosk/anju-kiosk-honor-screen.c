/* anju-kiosk-honor-screen.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "anju-error-message.h"
#include "anju-kiosk-context.h"
#include "anju-kiosk-honor-screen.h"
#include "anju-kiosk-screen.h"
#include "anju-record.h"

/* The roll shows the top five of each category, whatever the server
 * sends. */
#define TOP_N 5

struct _AnjuKioskHonorScreen
{
  GtkBox            parent_instance;

  /* Template widgets */
  GtkLabel         *message_label;
  GtkBox           *enterprise_box;
  GtkBox           *supplier_box;
  GtkBox           *staff_box;

  /* Owned */
  AnjuKioskContext *context;
  GCancellable     *cancellable;   /* (nullable) while loading */
};

static void screen_iface_init (AnjuKioskScreenInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnjuKioskHonorScreen, anju_kiosk_honor_screen, GTK_TYPE_BOX,
                               G_IMPLEMENT_INTERFACE (ANJU_TYPE_KIOSK_SCREEN, screen_iface_init))

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static void
show_message (AnjuKioskHonorScreen *self,
              const char           *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
add_line (GtkBox     *box,
          const char *text,
          const char *css_class)
{
  GtkWidget *label;

  if (text == NULL || *text == '\0')
    return;

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
}

static GtkWidget *
make_entry (AnjuRecord *entry)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *rank = g_strdup_printf ("%" G_GINT64_FORMAT, anju_record_get_int (entry, "rank", 0));
  GtkWidget *badge = gtk_label_new (rank);

  gtk_widget_add_css_class (row, "card");
  gtk_widget_add_css_class (row, "kiosk-honor-entry");
  gtk_widget_add_css_class (badge, "kiosk-honor-rank");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), badge);

  add_line (GTK_BOX (text), anju_record_get_string (entry, "name"), "kiosk-row-title");
  add_line (GTK_BOX (text), anju_record_get_string (entry, "subtitle"), NULL);
  add_line (GTK_BOX (text), anju_record_get_string (entry, "community"), "dim-label");
  add_line (GTK_BOX (text), anju_record_get_string (entry, "rating"), "accent");
  add_line (GTK_BOX (text), anju_record_get_string (entry, "description"), "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (row), text);

  return row;
}

static void
fill_column (GtkBox     *box,
             JsonObject *roll,
             const char *category)
{
  GtkWidget *child;
  JsonArray *entries = NULL;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);

  if (json_object_has_member (roll, category) && JSON_NODE_HOLDS_ARRAY (json_object_get_member (roll, category)))
    entries = json_object_get_array_member (roll, category);

  for (guint i = 0; entries != NULL && i < json_array_get_length (entries) && shown < TOP_N; i++)
    {
      JsonNode *element = json_array_get_element (entries, i);
      g_autoptr(AnjuRecord) entry = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      entry = anju_record_new (json_node_get_object (element));
      gtk_box_append (box, make_entry (entry));
      shown++;
    }

  if (shown == 0)
    add_line (box, _("No entries yet."), "dim-label");
}

static void
roll_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(AnjuKioskHonorScreen) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *roll;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      g_autofree char *message = error != NULL ? anju_error_message_for (error, NULL)
                                               : g_strdup (_("The server's answer could not be read."));

      show_message (self, message);
      return;
    }

  roll = json_node_get_object (answer);
  show_message (self, NULL);
  fill_column (self->enterprise_box, roll, "enterprise");
  fill_column (self->supplier_box, roll, "supplier");
  fill_column (self->staff_box, roll, "staff");
}

static void
anju_kiosk_honor_screen_activate (AnjuKioskScreen *screen)
{
  AnjuKioskHonorScreen *self = ANJU_KIOSK_HONOR_SCREEN (screen);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  anju_api_client_request_async (anju_kiosk_context_get_api (self->context), "GET",
                                 "/api/v1/kiosk/honor-roll", NULL, self->cancellable,
                                 roll_cb, g_object_ref (self));
}

static void
anju_kiosk_honor_screen_reset (AnjuKioskScreen *screen)
{
  AnjuKioskHonorScreen *self = ANJU_KIOSK_HONOR_SCREEN (screen);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
screen_iface_init (AnjuKioskScreenInterface *iface)
{
  iface->activate = anju_kiosk_honor_screen_activate;
  iface->reset = anju_kiosk_honor_screen_reset;
}

static void
anju_kiosk_honor_screen_dispose (GObject *object)
{
  AnjuKioskHonorScreen *self = ANJU_KIOSK_HONOR_SCREEN (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_KIOSK_HONOR_SCREEN);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (anju_kiosk_honor_screen_parent_class)->dispose (object);
}

static void
anju_kiosk_honor_screen_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AnjuKioskHonorScreen *self = ANJU_KIOSK_HONOR_SCREEN (object);

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
anju_kiosk_honor_screen_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AnjuKioskHonorScreen *self = ANJU_KIOSK_HONOR_SCREEN (object);

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
anju_kiosk_honor_screen_class_init (AnjuKioskHonorScreenClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_kiosk_honor_screen_dispose;
  object_class->get_property = anju_kiosk_honor_screen_get_property;
  object_class->set_property = anju_kiosk_honor_screen_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, "context");

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/Kiosk/ui/anju-kiosk-honor-screen.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskHonorScreen, message_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskHonorScreen, enterprise_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskHonorScreen, supplier_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskHonorScreen, staff_box);
}

static void
anju_kiosk_honor_screen_init (AnjuKioskHonorScreen *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
