#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "anju-pdf-view.h"

#define ZOOM_MIN  0.25
#define ZOOM_MAX  4.0
#define ZOOM_STEP 1.25
/* A PDF point is 1/72 inch; at 100 % it takes as much room as a CSS
 * pixel would at 96 dpi, the size GTK means by a pixel. */
#define PIXELS_PER_POINT (96.0 / 72.0)

struct _AnjuPdfView
{
  GtkWidget        parent_instance;

  /* template widgets */
  GtkWidget       *box;
  GtkWidget       *zoom_button;
  GtkWidget       *pages_label;
  GtkWidget       *pages_box;

  /* owned */
  GBytes          *pdf;       /* (nullable) */
  PopplerDocument *document;  /* (nullable) */
  double           zoom;
};

G_DEFINE_FINAL_TYPE (AnjuPdfView, anju_pdf_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_PAGES,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PAGE_KEY "anju-pdf-page"

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  AnjuPdfView *self = user_data;
  PopplerPage *page = g_object_get_data (G_OBJECT (area), PAGE_KEY);

  /* Paper is white whatever the theme. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  if (page == NULL)
    return;

  cairo_scale (cr, self->zoom * PIXELS_PER_POINT, self->zoom * PIXELS_PER_POINT);
  poppler_page_render (page, cr);
}

static void
size_page (AnjuPdfView *self,
           GtkWidget   *area)
{
  PopplerPage *page = g_object_get_data (G_OBJECT (area), PAGE_KEY);
  double page_width, page_height;

  poppler_page_get_size (page, &page_width, &page_height);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area),
                                      (int) (page_width * self->zoom * PIXELS_PER_POINT + 0.5));
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area),
                                       (int) (page_height * self->zoom * PIXELS_PER_POINT + 0.5));
}

static void
update_zoom_label (AnjuPdfView *self)
{
  int percent = (int) (self->zoom * 100 + 0.5);
  g_autofree char *text = g_strdup_printf ("%d %%", percent);
  g_autofree char *label = NULL;

  gtk_button_set_label (GTK_BUTTON (self->zoom_button), text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-in", self->zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-out", self->zoom > ZOOM_MIN);
  /* Translators: the accessible name of the zoom button; %d is the zoom in percent */
  label = g_strdup_printf (_("Zoom %d %%, reset to actual size"), percent);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
remove_pages (AnjuPdfView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->pages_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->pages_box), child);
}

static void
add_pages (AnjuPdfView *self)
{
  int n_pages = poppler_document_get_n_pages (self->document);

  for (int i = 0; i < n_pages; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      g_autofree char *label = NULL;

      g_object_set_data_full (G_OBJECT (area), PAGE_KEY,
                              poppler_document_get_page (self->document, i),
                              g_object_unref);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page, self, NULL);
      gtk_widget_add_css_class (area, "card");
      /* Translators: the accessible name of one page of a document */
      label = g_strdup_printf (_("Page %1$d of %2$d"), i + 1, n_pages);
      gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      size_page (self, area);
      gtk_box_append (GTK_BOX (self->pages_box), area);
    }
}

static void
update_pages_label (AnjuPdfView *self)
{
  guint n_pages = anju_pdf_view_get_n_pages (self);
  g_autofree char *text = NULL;

  if (n_pages > 0)
    /* Translators: how many pages the previewed document has */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", n_pages), n_pages);
  gtk_label_set_text (GTK_LABEL (self->pages_label), text != NULL ? text : "");
}

static void
zoom_in_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AnjuPdfView *self = ANJU_PDF_VIEW (widget);

  anju_pdf_view_set_zoom (self, self->zoom * ZOOM_STEP);
}

static void
zoom_out_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuPdfView *self = ANJU_PDF_VIEW (widget);

  anju_pdf_view_set_zoom (self, self->zoom / ZOOM_STEP);
}

static void
zoom_reset_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_pdf_view_set_zoom (ANJU_PDF_VIEW (widget), 1.0);
}

static void
anju_pdf_view_dispose (GObject *object)
{
  AnjuPdfView *self = ANJU_PDF_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_PDF_VIEW);
  g_clear_object (&self->document);
  g_clear_pointer (&self->pdf, g_bytes_unref);

  G_OBJECT_CLASS (anju_pdf_view_parent_class)->dispose (object);
}

static void
anju_pdf_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AnjuPdfView *self = ANJU_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_PAGES:
      g_value_set_uint (value, anju_pdf_view_get_n_pages (self));
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_pdf_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AnjuPdfView *self = ANJU_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      anju_pdf_view_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_pdf_view_class_init (AnjuPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_pdf_view_dispose;
  object_class->get_property = anju_pdf_view_get_property;
  object_class->set_property = anju_pdf_view_set_property;

  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, ZOOM_MIN, ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/widgets/anju-pdf-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuPdfView, box);
  gtk_widget_class_bind_template_child (widget_class, AnjuPdfView, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuPdfView, pages_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuPdfView, pages_box);

  gtk_widget_class_install_action (widget_class, "pdf.zoom-in", NULL, zoom_in_cb);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-out", NULL, zoom_out_cb);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-reset", NULL, zoom_reset_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "pdf.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "pdf.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "pdf.zoom-reset", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
  gtk_widget_class_set_css_name (widget_class, "pdfview");
}

static void
anju_pdf_view_init (AnjuPdfView *self)
{
  self->zoom = 1.0;
  gtk_widget_init_template (GTK_WIDGET (self));
  update_zoom_label (self);
}

GtkWidget *
anju_pdf_view_new (void)
{
  return g_object_new (ANJU_TYPE_PDF_VIEW, NULL);
}

gboolean
anju_pdf_view_set_pdf (AnjuPdfView  *self,
                       GBytes       *pdf,
                       GError      **error)
{
  g_return_val_if_fail (ANJU_IS_PDF_VIEW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  remove_pages (self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->pdf, g_bytes_unref);

  if (pdf != NULL)
    {
      self->document = poppler_document_new_from_bytes (pdf, NULL, error);
      if (self->document != NULL)
        {
          self->pdf = g_bytes_ref (pdf);
          add_pages (self);
        }
    }

  update_pages_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);

  return pdf == NULL || self->document != NULL;
}

GBytes *
anju_pdf_view_get_pdf (AnjuPdfView *self)
{
  g_return_val_if_fail (ANJU_IS_PDF_VIEW (self), NULL);

  return self->pdf;
}

guint
anju_pdf_view_get_n_pages (AnjuPdfView *self)
{
  g_return_val_if_fail (ANJU_IS_PDF_VIEW (self), 0);

  if (self->document == NULL)
    return 0;

  return (guint) MAX (poppler_document_get_n_pages (self->document), 0);
}

double
anju_pdf_view_get_zoom (AnjuPdfView *self)
{
  g_return_val_if_fail (ANJU_IS_PDF_VIEW (self), 1.0);

  return self->zoom;
}

void
anju_pdf_view_set_zoom (AnjuPdfView *self,
                        double       zoom)
{
  g_return_if_fail (ANJU_IS_PDF_VIEW (self));

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (G_APPROX_VALUE (zoom, self->zoom, 0.001))
    return;

  self->zoom = zoom;
  for (GtkWidget *child = gtk_widget_get_first_child (self->pages_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    size_page (self, child);

  update_zoom_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}
