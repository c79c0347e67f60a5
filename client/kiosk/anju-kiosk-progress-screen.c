/* anju-kiosk-progress-screen.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "anju-error-message.h"
#include "anju-kiosk-card-step.h"
#include "anju-kiosk-context.h"
#include "anju-kiosk-progress-screen.h"
#include "anju-kiosk-screen.h"
#include "anju-kiosk-timeline.h"

struct _AnjuKioskProgressScreen
{
  GtkBox             parent_instance;

  /* Template widgets */
  GtkToggleButton   *by_card_button;
  GtkToggleButton   *by_number_button;
  GtkStack          *stack;
  AnjuKioskCardStep *card_step;
  GtkEntry          *number_entry;
  GtkEntry          *phone_entry;
  GtkLabel          *number_error_label;
  GtkSpinner        *spinner;
  GtkBox            *result_box;

  /* Owned */
  AnjuKioskContext  *context;
  GCancellable      *cancellable;   /* (nullable) while querying */
};

static void screen_iface_init (AnjuKioskScreenInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnjuKioskProgressScreen, anju_kiosk_progress_screen, GTK_TYPE_BOX,
                               G_IMPLEMENT_INTERFACE (ANJU_TYPE_KIOSK_SCREEN, screen_iface_init))

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static void
clear_results (AnjuKioskProgressScreen *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->result_box))) != NULL)
    gtk_box_remove (self->result_box, child);
}

static void
show_start_page (AnjuKioskProgressScreen *self)
{
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack,
                                    gtk_toggle_button_get_active (self->by_card_button) ? "card" : "number");
}

static void
show_number_error (AnjuKioskProgressScreen *self,
                   const char              *message)
{
  gtk_label_set_label (self->number_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->number_error_label), message != NULL);
}

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* One application: its number, the masked applicant, its status and
 * timeline. */
static GtkWidget *
make_application (JsonObject *application)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  JsonObject *timeline = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *status = NULL;
  GtkWidget *nodes;

  /* Translators: %1$s is an application number, %2$s the applicant's
   * masked name */
  heading = g_strdup_printf (_("Application %1$s · %2$s"),
                             json_object_get_string_member_with_default (application, "application_no", ""),
                             json_object_get_string_member_with_default (application, "applicant_name", ""));
  /* Translators: %1$s is the status of an application, e.g. 街道审核 */
  status = g_strdup_printf (_("Current status: %1$s"),
                            json_object_get_string_member_with_default (application, "status_label", ""));

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "kiosk-result");
  gtk_box_append (GTK_BOX (box), make_label (heading, "kiosk-heading"));
  if (json_object_has_member (application, "business_type_label"))
    gtk_box_append (GTK_BOX (box),
                    make_label (json_object_get_string_member_with_default (application, "business_type_label", ""),
                                NULL));
  gtk_box_append (GTK_BOX (box), make_label (status, "kiosk-status"));

  if (json_object_has_member (application, "timeline") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (application, "timeline")))
    timeline = json_object_get_object_member (application, "timeline");
  nodes = anju_kiosk_timeline_new ();
  if (timeline != NULL && json_object_has_member (timeline, "nodes") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (timeline, "nodes")))
    anju_kiosk_timeline_set_nodes (ANJU_KIOSK_TIMELINE (nodes), json_object_get_array_member (timeline, "nodes"));
  gtk_box_append (GTK_BOX (box), nodes);

  return box;
}

static void
show_results (AnjuKioskProgressScreen *self,
              JsonArray               *applications)
{
  clear_results (self);
  for (guint i = 0; i < json_array_get_length (applications); i++)
    {
      JsonNode *element = json_array_get_element (applications, i);

      if (JSON_NODE_HOLDS_OBJECT (element))
        gtk_box_append (self->result_box, make_application (json_node_get_object (element)));
    }

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "result");
}

static void
show_message_result (AnjuKioskProgressScreen *self,
                     const char              *message)
{
  clear_results (self);
  gtk_box_append (self->result_box, make_label (message, "kiosk-message"));
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "result");
}

static void
start_query (AnjuKioskProgressScreen *self,
             const char              *path,
             JsonNode                *body,
             GAsyncReadyCallback      callback)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);
  anju_api_client_request_async (anju_kiosk_context_get_api (self->context), "POST", path, body,
                                 self->cancellable, callback, g_object_ref (self));
}

static void
card_progress_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AnjuKioskProgressScreen) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (answer == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND))
        message = g_strdup (_("No application of yours was found."));
      else
        message = anju_error_message_for (error, NULL);
      show_message_result (self, message);
      return;
    }

  object = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  if (object == NULL || !json_object_has_member (object, "items") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "items")) ||
      json_array_get_length (json_object_get_array_member (object, "items")) == 0)
    {
      show_message_result (self, _("No application of yours was found."));
      return;
    }

  show_results (self, json_object_get_array_member (object, "items"));
}

static void
card_read_cb (AnjuKioskProgressScreen *self,
              gpointer                 card_pointer)
{
  AnjuIdCard *card = card_pointer;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id_no");
  json_builder_add_string_value (builder, card->id_no);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  start_query (self, "/api/v1/kiosk/progress", body, card_progress_cb);
}

static void
number_progress_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AnjuKioskProgressScreen) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) applications = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      g_autofree char *message = NULL;

      /* A wrong pair, or a malformed one, tells nothing about which part
       * was wrong, nor whether the number exists. */
      if (answer != NULL || g_error_matches (error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND) ||
          g_error_matches (error, ANJU_ERROR, ANJU_ERROR_VALIDATION))
        message = g_strdup (_("No matching application was found. Check the application number and the phone number."));
      else
        message = anju_error_message_for (error, NULL);
      show_start_page (self);
      show_number_error (self, message);
      return;
    }

  applications = json_array_new ();
  json_array_add_object_element (applications, json_object_ref (json_node_get_object (answer)));
  show_results (self, applications);
}

static void
query_clicked_cb (AnjuKioskProgressScreen *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *number = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->number_entry))));
  g_autofree char *phone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone_entry))));

  if (*number == '\0' || *phone == '\0')
    {
      show_number_error (self, _("Enter the application number and the phone number."));
      return;
    }
  show_number_error (self, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "application_no");
  json_builder_add_string_value (builder, number);
  json_builder_set_member_name (builder, "phone");
  json_builder_add_string_value (builder, phone);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  start_query (self, "/api/v1/public/pubrent/progress", body, number_progress_cb);
}

static void
mode_toggled_cb (AnjuKioskProgressScreen *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  anju_kiosk_card_step_reset (self->card_step);
  show_number_error (self, NULL);
  show_start_page (self);
}

static void
again_clicked_cb (AnjuKioskProgressScreen *self)
{
  clear_results (self);
  show_start_page (self);
}

static void
anju_kiosk_progress_screen_reset (AnjuKioskScreen *screen)
{
  AnjuKioskProgressScreen *self = ANJU_KIOSK_PROGRESS_SCREEN (screen);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  anju_kiosk_card_step_reset (self->card_step);
  gtk_editable_set_text (GTK_EDITABLE (self->number_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), "");
  show_number_error (self, NULL);
  clear_results (self);
  gtk_toggle_button_set_active (self->by_card_button, TRUE);
  show_start_page (self);
}

static void
screen_iface_init (AnjuKioskScreenInterface *iface)
{
  iface->reset = anju_kiosk_progress_screen_reset;
}

static void
anju_kiosk_progress_screen_constructed (GObject *object)
{
  AnjuKioskProgressScreen *self = ANJU_KIOSK_PROGRESS_SCREEN (object);

  G_OBJECT_CLASS (anju_kiosk_progress_screen_parent_class)->constructed (object);

  g_object_set (self->card_step, "context", self->context, NULL);
}

static void
anju_kiosk_progress_screen_dispose (GObject *object)
{
  AnjuKioskProgressScreen *self = ANJU_KIOSK_PROGRESS_SCREEN (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_KIOSK_PROGRESS_SCREEN);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (anju_kiosk_progress_screen_parent_class)->dispose (object);
}

static void
anju_kiosk_progress_screen_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  AnjuKioskProgressScreen *self = ANJU_KIOSK_PROGRESS_SCREEN (object);

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
anju_kiosk_progress_screen_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  AnjuKioskProgressScreen *self = ANJU_KIOSK_PROGRESS_SCREEN (object);

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
anju_kiosk_progress_screen_class_init (AnjuKioskProgressScreenClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_kiosk_progress_screen_constructed;
  object_class->dispose = anju_kiosk_progress_screen_dispose;
  object_class->get_property = anju_kiosk_progress_screen_get_property;
  object_class->set_property = anju_kiosk_progress_screen_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, "context");

  g_type_ensure (ANJU_TYPE_KIOSK_CARD_STEP);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/Kiosk/ui/anju-kiosk-progress-screen.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskProgressScreen, by_card_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskProgressScreen, by_number_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskProgressScreen, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskProgressScreen, card_step);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskProgressScreen, number_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskProgressScreen, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskProgressScreen, number_error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskProgressScreen, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskProgressScreen, result_box);
  gtk_widget_class_bind_template_callback (widget_class, card_read_cb);
  gtk_widget_class_bind_template_callback (widget_class, query_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, again_clicked_cb);
}

static void
anju_kiosk_progress_screen_init (AnjuKioskProgressScreen *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
