#include "config.h"

#include <glib/gi18n.h>

#include "anju-bytes-save.h"
#include "anju-display-time.h"
#include "anju-document-generate-dialog.h"
#include "anju-document-kind.h"
#include "anju-documents-page.h"
#include "anju-list-loader.h"
#include "anju-page-feedback.h"
#include "anju-paged-model.h"
#include "anju-pdf-print.h"
#include "anju-pdf-view.h"
#include "anju-record-column.h"

#define PERM_DOCUMENT_WRITE "pubrent.document.write"

struct _AnjuDocumentsPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkDropDown        *kind_filter;
  GtkSearchEntry     *search_entry;
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  GtkWidget          *generate_button;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *error_page;
  GtkLabel           *count_label;
  GtkSpinner         *spinner;
  AnjuPdfView        *pdf_view;

  /* Owned */
  AnjuApiClient      *client;
  AnjuPagedModel     *documents;
  GtkSingleSelection *selection;
  GCancellable       *cancellable;     /* the page's loads */
  GCancellable       *preview;         /* (nullable) the PDF being fetched */
  gint64              shown_id;        /* the document in the preview */
  AnjuListLoader      loader;
  guint               loaded : 1;
};

G_DEFINE_FINAL_TYPE (AnjuDocumentsPage, anju_documents_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AnjuRecord *
get_selected (AnjuDocumentsPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

static gboolean
is_list (AnjuRecord *document)
{
  return g_strcmp0 (anju_record_get_string (document, "kind"), "confirmation") != 0;
}

static void
actions_update (AnjuDocumentsPage *self)
{
  AnjuRecord *selected = get_selected (self);
  gboolean shown = selected != NULL && anju_pdf_view_get_pdf (self->pdf_view) != NULL
                   && self->shown_id == anju_record_get_id (selected);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.print", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.save", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.export", selected != NULL && is_list (selected));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.generate",
                                 anju_api_client_has_permission (self->client, PERM_DOCUMENT_WRITE));
}

typedef struct
{
  AnjuDocumentsPage *page;  /* (owned) */
  gint64             id;
} PreviewRequest;

static void
preview_downloaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  PreviewRequest *request = user_data;
  g_autoptr(AnjuDocumentsPage) self = request->page;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  gint64 id = request->id;

  g_free (request);
  pdf = anju_api_client_download_finish (ANJU_API_CLIENT (object), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (pdf == NULL)
    {
      anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not show the document"), error);
      return;
    }
  if (!anju_pdf_view_set_pdf (self->pdf_view, pdf, &error))
    anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not show the document"), error);
  else
    self->shown_id = id;
  actions_update (self);
}

static void
show_selected (AnjuDocumentsPage *self)
{
  AnjuRecord *selected = get_selected (self);
  g_autofree char *path = NULL;
  PreviewRequest *request;

  if (self->preview != NULL)
    g_cancellable_cancel (self->preview);
  g_clear_object (&self->preview);

  if (selected == NULL)
    {
      anju_pdf_view_set_pdf (self->pdf_view, NULL, NULL);
      self->shown_id = 0;
      actions_update (self);
      return;
    }
  if (anju_record_get_id (selected) == self->shown_id)
    return;

  self->preview = g_cancellable_new ();
  request = g_new0 (PreviewRequest, 1);
  request->page = g_object_ref (self);
  request->id = anju_record_get_id (selected);
  path = g_strdup_printf ("/api/v1/pubrent/documents/%" G_GINT64_FORMAT "/content", request->id);
  anju_api_client_download_async (self->client, path, self->preview, preview_downloaded_cb, request);
  actions_update (self);
}

static void
selection_changed_cb (AnjuDocumentsPage *self)
{
  show_selected (self);
}

static void
loaded_cb (GtkWidget *page)
{
  AnjuDocumentsPage *self = ANJU_DOCUMENTS_PAGE (page);

  /* After a reload the first row is selected; show it. */
  self->shown_id = 0;
  show_selected (self);
}

static char *
count_text (guint shown,
            guint total)
{
  /* Translators: %1$u documents of %2$u matching ones are in the list */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u document", "%1$u of %2$u documents", total),
                          shown, total);
}

static const char *
chosen_kind (AnjuDocumentsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->kind_filter);
  const char * const *codes = anju_document_kind_codes ();

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return codes[position - 1];
}

static gboolean
apply_filters (AnjuDocumentsPage *self)
{
  gboolean changed;

  changed = anju_list_loader_apply_filter (&self->loader, "kind", chosen_kind (self));
  changed |= anju_list_loader_apply_filter (&self->loader, "q",
                                            gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  changed |= anju_list_loader_apply_filter (&self->loader, "from",
                                            gtk_editable_get_text (GTK_EDITABLE (self->from_entry)));
  changed |= anju_list_loader_apply_filter (&self->loader, "to",
                                            gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
  return changed;
}

static void
filter_changed_cb (AnjuDocumentsPage *self)
{
  if (self->documents == NULL)
    return;
  if (apply_filters (self) && self->loaded)
    anju_list_loader_load_more (&self->loader);
}

static void
edge_reached_cb (AnjuDocumentsPage *self,
                 GtkPositionType    position)
{
  anju_list_loader_edge_reached (&self->loader, position);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_documents_page_reload (ANJU_DOCUMENTS_PAGE (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AnjuDocumentsPage *self = ANJU_DOCUMENTS_PAGE (widget);
  AnjuRecord *selected = get_selected (self);
  GBytes *pdf = anju_pdf_view_get_pdf (self->pdf_view);

  if (selected != NULL && pdf != NULL)
    anju_pdf_print (GTK_WINDOW (gtk_widget_get_root (widget)), pdf,
                    anju_record_get_string (selected, "number"));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuDocumentsPage *self = ANJU_DOCUMENTS_PAGE (widget);
  AnjuRecord *selected = get_selected (self);
  GBytes *pdf = anju_pdf_view_get_pdf (self->pdf_view);
  g_autofree char *name = NULL;

  if (selected == NULL || pdf == NULL)
    return;
  name = g_strdup_printf ("%s.pdf", anju_record_get_string (selected, "number"));
  anju_bytes_save (widget, pdf, name);
}

typedef struct
{
  GtkWidget *page;  /* (owned) */
  char      *name;  /* (owned) */
} ExportRequest;

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportRequest *request = user_data;
  g_autoptr(GtkWidget) page = request->page;
  g_autofree char *name = request->name;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_free (request);
  bytes = anju_api_client_download_finish (ANJU_API_CLIENT (object), result, NULL, &error);
  if (bytes == NULL)
    anju_page_toast_error (page, ANJU_API_CLIENT (object), _("Could not export the list"), error);
  else
    anju_bytes_save (page, bytes, name);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuDocumentsPage *self = ANJU_DOCUMENTS_PAGE (widget);
  AnjuRecord *selected = get_selected (self);
  g_autofree char *path = NULL;
  ExportRequest *request;

  if (selected == NULL)
    return;
  request = g_new0 (ExportRequest, 1);
  request->page = g_object_ref (widget);
  request->name = g_strdup_printf ("%s.xlsx", anju_record_get_string (selected, "number"));
  path = g_strdup_printf ("/api/v1/pubrent/documents/%" G_GINT64_FORMAT "/export",
                          anju_record_get_id (selected));
  anju_api_client_download_async (self->client, path, self->cancellable, exported_cb, request);
}

static void
generated_cb (AnjuDocumentsPage *self,
              gint64             document_id)
{
  anju_page_toast (GTK_WIDGET (self), _("Generated the list"));
  self->loaded = TRUE;
  anju_list_loader_reload_selecting (&self->loader, document_id);
}

static void
generate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AnjuDocumentsPage *self = ANJU_DOCUMENTS_PAGE (widget);
  GtkWidget *dialog = anju_document_generate_dialog_new (self->client);

  g_signal_connect_object (dialog, "generated", G_CALLBACK (generated_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
kind_text (AnjuRecord *record)
{
  return g_strdup (anju_document_kind_label (anju_record_get_string (record, "kind")));
}

static char *
applicants_text (AnjuRecord *record)
{
  JsonArray *names = anju_record_get_member_array (record, "applicant_names");
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = names != NULL ? json_array_get_length (names) : 0;

  for (guint i = 0; i < MIN (n, 3); i++)
    {
      if (i > 0)
        /* Translators: separates names in a list */
        g_string_append (text, C_("list separator", ", "));
      g_string_append (text, json_array_get_string_element (names, i));
    }
  if (n > 3)
    /* Translators: %u more names follow a shortened list */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more", n - 3), n - 3);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
generated_text (AnjuRecord *record)
{
  return anju_display_time (anju_record_get_string (record, "generated_at"));
}

static void
append_column (AnjuDocumentsPage   *self,
               GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
setup_columns (AnjuDocumentsPage *self)
{
  append_column (self, anju_record_column_new (_("Number"), "number", ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Kind"), kind_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Applicants"), applicants_text, ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new_with_func (_("Generated"), generated_text, ANJU_RECORD_COLUMN_NUMERIC));
}

static void
fill_kind_filter (AnjuDocumentsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *codes = anju_document_kind_codes ();

  gtk_string_list_append (labels, _("All kinds"));
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (labels, anju_document_kind_label (codes[i]));
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (labels));
}

static void
anju_documents_page_map (GtkWidget *widget)
{
  AnjuDocumentsPage *self = ANJU_DOCUMENTS_PAGE (widget);

  GTK_WIDGET_CLASS (anju_documents_page_parent_class)->map (widget);

  if (!self->loaded)
    anju_documents_page_reload (self);
}

static void
anju_documents_page_constructed (GObject *object)
{
  AnjuDocumentsPage *self = ANJU_DOCUMENTS_PAGE (object);

  G_OBJECT_CLASS (anju_documents_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->documents = anju_paged_model_new (self->client, "/api/v1/pubrent/documents", 0);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->documents));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->documents, "loading", self->spinner, "spinning", G_BINDING_SYNC_CREATE);
  anju_list_loader_init (&self->loader, GTK_WIDGET (self), self->documents, self->selection,
                         self->stack, self->error_page, self->cancellable,
                         _("Could not load more documents"));
  self->loader.loaded = loaded_cb;
  anju_list_loader_show_count (&self->loader, self->count_label, count_text);

  gtk_widget_set_visible (self->generate_button,
                          anju_api_client_has_permission (self->client, PERM_DOCUMENT_WRITE));
  fill_kind_filter (self);
  setup_columns (self);
  apply_filters (self);
  actions_update (self);
}

static void
anju_documents_page_dispose (GObject *object)
{
  AnjuDocumentsPage *self = ANJU_DOCUMENTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->preview != NULL)
    g_cancellable_cancel (self->preview);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_DOCUMENTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->documents);

  G_OBJECT_CLASS (anju_documents_page_parent_class)->dispose (object);
}

static void
anju_documents_page_finalize (GObject *object)
{
  AnjuDocumentsPage *self = ANJU_DOCUMENTS_PAGE (object);

  g_clear_object (&self->preview);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_documents_page_parent_class)->finalize (object);
}

static void
anju_documents_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnjuDocumentsPage *self = ANJU_DOCUMENTS_PAGE (object);

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
anju_documents_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AnjuDocumentsPage *self = ANJU_DOCUMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_documents_page_class_init (AnjuDocumentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_documents_page_constructed;
  object_class->dispose = anju_documents_page_dispose;
  object_class->finalize = anju_documents_page_finalize;
  object_class->get_property = anju_documents_page_get_property;
  object_class->set_property = anju_documents_page_set_property;

  widget_class->map = anju_documents_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ANJU_TYPE_PDF_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-documents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentsPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentsPage, generate_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentsPage, pdf_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);

  gtk_widget_class_install_action (widget_class, "documents.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "documents.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "documents.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "documents.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "documents.generate", NULL, generate_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "documents.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "documents.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "documents.print", NULL);
}

static void
anju_documents_page_init (AnjuDocumentsPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->selection = gtk_single_selection_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
anju_documents_page_new (AnjuApiClient *client)
{
  return g_object_new (ANJU_TYPE_DOCUMENTS_PAGE, "client", client, NULL);
}

void
anju_documents_page_reload (AnjuDocumentsPage *self)
{
  g_return_if_fail (ANJU_IS_DOCUMENTS_PAGE (self));

  self->loaded = TRUE;
  anju_list_loader_reload_selecting (&self->loader, self->shown_id);
}
