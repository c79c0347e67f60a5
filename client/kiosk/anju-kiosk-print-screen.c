/* anju-kiosk-print-screen.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>
#include <string.h>

#include "anju-error-message.h"
#include "anju-kiosk-card-step.h"
#include "anju-kiosk-context.h"
#include "anju-kiosk-print-screen.h"
#include "anju-kiosk-screen.h"

/* The preview is drawn this wide; the picture scales it down to fit. */
#define PREVIEW_WIDTH 900

struct _AnjuKioskPrintScreen
{
  GtkBox             parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  AnjuKioskCardStep *card_step;
  GtkLabel          *choose_error_label;
  GtkSpinner        *spinner;
  GtkPicture        *preview_picture;
  GtkLabel          *pages_label;
  GtkLabel          *print_error_label;

  /* Owned */
  AnjuKioskContext  *context;
  GCancellable      *cancellable;   /* (nullable) while asking */
  char              *id_no;         /* (nullable) personal: wiped */
  const char        *kind;          /* static: "confirmation" … */
  GBytes            *pdf;           /* (nullable) personal */
};

static void screen_iface_init (AnjuKioskScreenInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnjuKioskPrintScreen, anju_kiosk_print_screen, GTK_TYPE_BOX,
                               G_IMPLEMENT_INTERFACE (ANJU_TYPE_KIOSK_SCREEN, screen_iface_init))

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static void
show_label_message (GtkLabel   *label,
                    const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
forget_citizen (AnjuKioskPrintScreen *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->id_no != NULL)
    memset (self->id_no, 0, strlen (self->id_no));
  g_clear_pointer (&self->id_no, g_free);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  gtk_picture_set_paintable (self->preview_picture, NULL);
  gtk_label_set_label (self->pages_label, "");
  show_label_message (self->choose_error_label, NULL);
  show_label_message (self->print_error_label, NULL);
  gtk_spinner_stop (self->spinner);
}

/* Page 1 of the PDF as a texture, through a cairo image surface. */
static GdkTexture *
render_first_page (PopplerDocument *document)
{
  /* Poppler 22.12 declares no autoptr cleanups. */
  PopplerPage *page = poppler_document_get_page (document, 0);
  g_autoptr(GBytes) pixels = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, scale;
  int pixel_width, pixel_height;
  GdkTexture *texture;

  if (page == NULL)
    return NULL;

  poppler_page_get_size (page, &width, &height);
  scale = PREVIEW_WIDTH / width;
  pixel_width = PREVIEW_WIDTH;
  pixel_height = (int) (height * scale);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  g_object_unref (page);
  cairo_surface_flush (surface);

  /* ARGB32 in native order is GDK's default memory format. */
  pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                        (gsize) cairo_image_surface_get_stride (surface) * pixel_height);
  texture = gdk_memory_texture_new (pixel_width, pixel_height, GDK_MEMORY_DEFAULT, pixels,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  return texture;
}

static gboolean
show_preview (AnjuKioskPrintScreen *self,
              GError              **error)
{
  PopplerDocument *document;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *pages = NULL;
  int n_pages;

  document = poppler_document_new_from_bytes (self->pdf, NULL, error);
  if (document == NULL)
    return FALSE;

  n_pages = poppler_document_get_n_pages (document);
  texture = render_first_page (document);
  g_object_unref (document);
  gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
  /* Translators: under the preview of a document's first page */
  pages = g_strdup_printf (ngettext ("%1$d page", "%1$d pages", n_pages), n_pages);
  gtk_label_set_label (self->pages_label, pages);
  show_label_message (self->print_error_label, NULL);
  gtk_stack_set_visible_child_name (self->stack, "preview");

  return TRUE;
}

static void
document_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AnjuKioskPrintScreen) self = user_data;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  pdf = anju_api_client_request_bytes_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);

  if (pdf != NULL)
    {
      g_clear_pointer (&self->pdf, g_bytes_unref);
      self->pdf = g_steal_pointer (&pdf);
      if (show_preview (self, &error))
        return;
    }

  /* A 409's message names the application's current status. */
  if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND))
    message = g_strdup (_("No application of yours was found."));
  else if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_CONFLICT))
    message = g_strdup (error->message);
  else
    message = anju_error_message_for (error, NULL);
  gtk_stack_set_visible_child_name (self->stack, "choose");
  show_label_message (self->choose_error_label, message);
}

static void
request_document (AnjuKioskPrintScreen *self,
                  const char           *kind)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  if (self->id_no == NULL)
    return;

  self->kind = kind;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id_no");
  json_builder_add_string_value (builder, self->id_no);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  show_label_message (self->choose_error_label, NULL);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);
  anju_api_client_request_bytes_async (anju_kiosk_context_get_api (self->context), "POST",
                                       "/api/v1/kiosk/documents", body, self->cancellable,
                                       document_cb, g_object_ref (self));
}

static void
card_read_cb (AnjuKioskPrintScreen *self,
              gpointer              card_pointer)
{
  AnjuIdCard *card = card_pointer;

  forget_citizen (self);
  self->id_no = g_strdup (card->id_no);
  gtk_stack_set_visible_child_name (self->stack, "choose");
}

static void
confirmation_clicked_cb (AnjuKioskPrintScreen *self)
{
  request_document (self, "confirmation");
}

static void
publicity_clicked_cb (AnjuKioskPrintScreen *self)
{
  request_document (self, "street_publicity");
}

static void
print_clicked_cb (AnjuKioskPrintScreen *self)
{
  AnjuPrinter *printer = anju_kiosk_devices_get_printer (anju_kiosk_context_get_devices (self->context));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *job_name;

  if (self->pdf == NULL)
    return;
  if (printer == NULL)
    {
      show_label_message (self->print_error_label, _("This terminal has no printer. Please ask the staff at the service counter."));
      return;
    }

  job_name = g_strcmp0 (self->kind, "confirmation") == 0 ? _("Qualification confirmation form")
                                                         : _("Street publicity material");
  if (!anju_printer_print_pdf (printer, anju_kiosk_context_get_window (self->context), self->pdf, job_name, &error))
    {
      /* Translators: %1$s says why printing failed */
      message = g_strdup_printf (_("Printing failed: %1$s. Tap “Print” to retry, or ask the staff at the service counter."),
                                 error->message);
      show_label_message (self->print_error_label, message);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "done");
}

static void
back_clicked_cb (AnjuKioskPrintScreen *self)
{
  g_clear_pointer (&self->pdf, g_bytes_unref);
  gtk_picture_set_paintable (self->preview_picture, NULL);
  gtk_stack_set_visible_child_name (self->stack, "choose");
}

static void
restart_clicked_cb (AnjuKioskPrintScreen *self)
{
  forget_citizen (self);
  anju_kiosk_card_step_reset (self->card_step);
  gtk_stack_set_visible_child_name (self->stack, "card");
}

static void
done_clicked_cb (AnjuKioskPrintScreen *self)
{
  anju_kiosk_context_go_home (self->context);
}

static void
anju_kiosk_print_screen_reset (AnjuKioskScreen *screen)
{
  restart_clicked_cb (ANJU_KIOSK_PRINT_SCREEN (screen));
}

static void
screen_iface_init (AnjuKioskScreenInterface *iface)
{
  iface->reset = anju_kiosk_print_screen_reset;
}

static void
anju_kiosk_print_screen_constructed (GObject *object)
{
  AnjuKioskPrintScreen *self = ANJU_KIOSK_PRINT_SCREEN (object);

  G_OBJECT_CLASS (anju_kiosk_print_screen_parent_class)->constructed (object);

  g_object_set (self->card_step, "context", self->context, NULL);
}

static void
anju_kiosk_print_screen_dispose (GObject *object)
{
  AnjuKioskPrintScreen *self = ANJU_KIOSK_PRINT_SCREEN (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_KIOSK_PRINT_SCREEN);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (anju_kiosk_print_screen_parent_class)->dispose (object);
}

static void
anju_kiosk_print_screen_finalize (GObject *object)
{
  AnjuKioskPrintScreen *self = ANJU_KIOSK_PRINT_SCREEN (object);

  if (self->id_no != NULL)
    memset (self->id_no, 0, strlen (self->id_no));
  g_clear_pointer (&self->id_no, g_free);
  g_clear_pointer (&self->pdf, g_bytes_unref);

  G_OBJECT_CLASS (anju_kiosk_print_screen_parent_class)->finalize (object);
}

static void
anju_kiosk_print_screen_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AnjuKioskPrintScreen *self = ANJU_KIOSK_PRINT_SCREEN (object);

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
anju_kiosk_print_screen_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AnjuKioskPrintScreen *self = ANJU_KIOSK_PRINT_SCREEN (object);

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
anju_kiosk_print_screen_class_init (AnjuKioskPrintScreenClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_kiosk_print_screen_constructed;
  object_class->dispose = anju_kiosk_print_screen_dispose;
  object_class->finalize = anju_kiosk_print_screen_finalize;
  object_class->get_property = anju_kiosk_print_screen_get_property;
  object_class->set_property = anju_kiosk_print_screen_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, "context");

  g_type_ensure (ANJU_TYPE_KIOSK_CARD_STEP);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/Kiosk/ui/anju-kiosk-print-screen.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskPrintScreen, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskPrintScreen, card_step);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskPrintScreen, choose_error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskPrintScreen, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskPrintScreen, preview_picture);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskPrintScreen, pages_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskPrintScreen, print_error_label);
  gtk_widget_class_bind_template_callback (widget_class, card_read_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirmation_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, publicity_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, restart_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
}

static void
anju_kiosk_print_screen_init (AnjuKioskPrintScreen *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
