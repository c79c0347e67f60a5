#include "config.h"

#include <glib/gi18n.h>

#include "anju-display-time.h"
#include "anju-document-kind.h"
#include "anju-document-template-editor.h"
#include "anju-document-templates-page.h"
#include "anju-error-message.h"
#include "anju-list-loader.h"
#include "anju-page-feedback.h"
#include "anju-page-request.h"
#include "anju-paged-model.h"
#include "anju-pdf-view.h"
#include "anju-record-column.h"

#define TEMPLATES_PATH "/api/v1/pubrent/document-templates"
/* Typing pauses this long before the preview is made again. */
#define PREVIEW_DELAY_MS 600

struct _AnjuDocumentTemplatesPage
{
  AdwBin                      parent_instance;

  /* Template widgets */
  GtkDropDown                *kind_filter;
  GtkDropDown                *sort_choice;
  GtkStack                   *stack;
  GtkColumnView              *column_view;
  AdwStatusPage              *error_page;
  AnjuDocumentTemplateEditor *editor;
  GtkLabel                   *preview_error;
  AnjuPdfView                *pdf_view;

  /* Owned */
  AnjuApiClient              *client;
  AnjuPagedModel             *templates;
  GtkSingleSelection         *selection;
  GCancellable               *cancellable;
  GCancellable               *preview;         /* (nullable) the preview on its way */
  guint                       preview_source;  /* the pending preview, 0 when none */
  AnjuListLoader              loader;
  guint                       loaded : 1;
};

G_DEFINE_FINAL_TYPE (AnjuDocumentTemplatesPage, anju_document_templates_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AnjuRecord *
get_selected (AnjuDocumentTemplatesPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

static void
actions_update (AnjuDocumentTemplatesPage *self)
{
  AnjuRecord *selected = get_selected (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "templates.activate",
                                 selected != NULL && !anju_record_get_boolean (selected, "active", FALSE)
                                 && anju_document_template_editor_get_id (self->editor) == anju_record_get_id (selected));
}

/* "name: why; body: why" from a 422's fields, or the error's sentence. */
static char *
describe_failure (AnjuDocumentTemplatesPage *self,
                  const GError              *error)
{
  JsonObject *fields = anju_api_client_get_last_error_fields (self->client);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GList) names = NULL;

  if (!g_error_matches (error, ANJU_ERROR, ANJU_ERROR_VALIDATION) || fields == NULL)
    return anju_error_message_for (error, anju_api_client_get_base_uri (self->client));

  names = json_object_get_members (fields);
  for (GList *l = names; l != NULL; l = l->next)
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      /* Translators: %1$s names a member of the template, %2$s what is wrong */
      g_string_append_printf (text, _("%1$s: %2$s"), (const char *) l->data,
                              json_object_get_string_member (fields, l->data));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_preview_error (AnjuDocumentTemplatesPage *self,
                    const char                *text)
{
  gtk_label_set_text (self->preview_error, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->preview_error), text != NULL);
}

static void
preview_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AnjuDocumentTemplatesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *why = NULL;

  pdf = anju_api_client_request_bytes_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (pdf != NULL && anju_pdf_view_set_pdf (self->pdf_view, pdf, &error))
    {
      show_preview_error (self, NULL);
      return;
    }
  why = describe_failure (self, error);
  show_preview_error (self, why);
}

static void
preview_now (AnjuDocumentTemplatesPage *self)
{
  g_autoptr(JsonNode) body = anju_document_template_editor_build_body (self->editor);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->preview != NULL)
    g_cancellable_cancel (self->preview);
  g_clear_object (&self->preview);
  self->preview = g_cancellable_new ();
  anju_api_client_request_bytes_async (self->client, "POST", TEMPLATES_PATH "/preview", body,
                                       self->preview, preview_cb, g_object_ref (self));
}

static gboolean
preview_due_cb (gpointer user_data)
{
  AnjuDocumentTemplatesPage *self = user_data;

  self->preview_source = 0;
  preview_now (self);
  return G_SOURCE_REMOVE;
}

static void
editor_changed_cb (AnjuDocumentTemplatesPage *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_due_cb, self);
}

static void
edit_selected (AnjuDocumentTemplatesPage *self)
{
  AnjuRecord *selected = get_selected (self);

  if (selected == NULL)
    return;
  anju_document_template_editor_set_template (self->editor, anju_record_get_object (selected), NULL);
  actions_update (self);
  preview_now (self);
}

static void
selection_changed_cb (AnjuDocumentTemplatesPage *self)
{
  edit_selected (self);
}

static void
loaded_cb (GtkWidget *page)
{
  edit_selected (ANJU_DOCUMENT_TEMPLATES_PAGE (page));
}

static const char *
chosen_kind (AnjuDocumentTemplatesPage *self)
{
  guint position = gtk_drop_down_get_selected (self->kind_filter);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return anju_document_kind_codes ()[position - 1];
}

static gboolean
apply_filters (AnjuDocumentTemplatesPage *self)
{
  gboolean changed;

  changed = anju_list_loader_apply_filter (&self->loader, "kind", chosen_kind (self));
  changed |= anju_list_loader_apply_filter (&self->loader, "sort",
                                            gtk_drop_down_get_selected (self->sort_choice) == 1
                                            ? "created" : "updated");
  return changed;
}

static void
filter_changed_cb (AnjuDocumentTemplatesPage *self)
{
  if (self->templates == NULL)
    return;
  if (apply_filters (self) && self->loaded)
    anju_list_loader_load_more (&self->loader);
}

static void
edge_reached_cb (AnjuDocumentTemplatesPage *self,
                 GtkPositionType            position)
{
  anju_list_loader_edge_reached (&self->loader, position);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_document_templates_page_reload (ANJU_DOCUMENT_TEMPLATES_PAGE (widget));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AnjuDocumentTemplatesPage *self = ANJU_DOCUMENT_TEMPLATES_PAGE (widget);
  const char *kind = chosen_kind (self);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  anju_document_template_editor_set_template (self->editor, NULL, kind != NULL ? kind : "street_publicity");
  actions_update (self);
  preview_now (self);
}

static void
saved_cb (GtkWidget *page,
          JsonNode  *answer)
{
  AnjuDocumentTemplatesPage *self = ANJU_DOCUMENT_TEMPLATES_PAGE (page);

  self->loaded = TRUE;
  anju_list_loader_reload_selecting (&self->loader, anju_page_answer_id (answer));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuDocumentTemplatesPage *self = ANJU_DOCUMENT_TEMPLATES_PAGE (widget);
  g_autoptr(JsonNode) body = anju_document_template_editor_build_body (self->editor);
  gint64 id = anju_document_template_editor_get_id (self->editor);
  g_autofree char *path = NULL;

  if (id > 0)
    path = g_strdup_printf (TEMPLATES_PATH "/%" G_GINT64_FORMAT, id);
  anju_page_request (widget, self->client, id > 0 ? "PUT" : "POST", id > 0 ? path : TEMPLATES_PATH, body,
                     self->cancellable, _("Saved the template"), _("Could not save the template"), saved_cb);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AnjuDocumentTemplatesPage *self = ANJU_DOCUMENT_TEMPLATES_PAGE (widget);
  AnjuRecord *selected = get_selected (self);
  g_autofree char *path = NULL;

  if (selected == NULL)
    return;
  path = g_strdup_printf (TEMPLATES_PATH "/%" G_GINT64_FORMAT "/activate", anju_record_get_id (selected));
  anju_page_request (widget, self->client, "POST", path, NULL, self->cancellable,
                     _("The template is now used for its kind of document"),
                     _("Could not activate the template"), saved_cb);
}

static char *
kind_text (AnjuRecord *record)
{
  return g_strdup (anju_document_kind_label (anju_record_get_string (record, "kind")));
}

static char *
active_text (AnjuRecord *record)
{
  return g_strdup (anju_record_get_boolean (record, "active", FALSE) ? _("In use") : "");
}

static char *
usage_text (AnjuRecord *record)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, anju_record_get_int (record, "usage_count", 0));
}

static char *
last_used_text (AnjuRecord *record)
{
  return anju_display_time (anju_record_get_string (record, "last_used_at"));
}

static char *
updated_text (AnjuRecord *record)
{
  return anju_display_time (anju_record_get_string (record, "updated_at"));
}

static void
append_column (AnjuDocumentTemplatesPage *self,
               GtkColumnViewColumn       *column)
{
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
setup_columns (AnjuDocumentTemplatesPage *self)
{
  append_column (self, anju_record_column_new (_("Name"), "name", ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new_with_func (_("Kind"), kind_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Status"), active_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Uses"), usage_text, ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new_with_func (_("Last Used"), last_used_text, ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new_with_func (_("Modified"), updated_text, ANJU_RECORD_COLUMN_NUMERIC));
}

static void
fill_kind_filter (AnjuDocumentTemplatesPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *codes = anju_document_kind_codes ();

  gtk_string_list_append (labels, _("All kinds"));
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (labels, anju_document_kind_label (codes[i]));
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (labels));
}

static void
anju_document_templates_page_map (GtkWidget *widget)
{
  AnjuDocumentTemplatesPage *self = ANJU_DOCUMENT_TEMPLATES_PAGE (widget);

  GTK_WIDGET_CLASS (anju_document_templates_page_parent_class)->map (widget);

  if (!self->loaded)
    anju_document_templates_page_reload (self);
}

static void
anju_document_templates_page_constructed (GObject *object)
{
  AnjuDocumentTemplatesPage *self = ANJU_DOCUMENT_TEMPLATES_PAGE (object);

  G_OBJECT_CLASS (anju_document_templates_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->templates = anju_paged_model_new (self->client, TEMPLATES_PATH, 0);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->templates));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  anju_list_loader_init (&self->loader, GTK_WIDGET (self), self->templates, self->selection,
                         self->stack, self->error_page, self->cancellable,
                         _("Could not load more templates"));
  self->loader.loaded = loaded_cb;

  anju_document_template_editor_set_client (self->editor, self->client);
  fill_kind_filter (self);
  setup_columns (self);
  apply_filters (self);
  actions_update (self);
}

static void
anju_document_templates_page_dispose (GObject *object)
{
  AnjuDocumentTemplatesPage *self = ANJU_DOCUMENT_TEMPLATES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->preview != NULL)
    g_cancellable_cancel (self->preview);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_DOCUMENT_TEMPLATES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->templates);

  G_OBJECT_CLASS (anju_document_templates_page_parent_class)->dispose (object);
}

static void
anju_document_templates_page_finalize (GObject *object)
{
  AnjuDocumentTemplatesPage *self = ANJU_DOCUMENT_TEMPLATES_PAGE (object);

  g_clear_object (&self->preview);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_document_templates_page_parent_class)->finalize (object);
}

static void
anju_document_templates_page_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  AnjuDocumentTemplatesPage *self = ANJU_DOCUMENT_TEMPLATES_PAGE (object);

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
anju_document_templates_page_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  AnjuDocumentTemplatesPage *self = ANJU_DOCUMENT_TEMPLATES_PAGE (object);

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
anju_document_templates_page_class_init (AnjuDocumentTemplatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_document_templates_page_constructed;
  object_class->dispose = anju_document_templates_page_dispose;
  object_class->finalize = anju_document_templates_page_finalize;
  object_class->get_property = anju_document_templates_page_get_property;
  object_class->set_property = anju_document_templates_page_set_property;

  widget_class->map = anju_document_templates_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ANJU_TYPE_PDF_VIEW);
  g_type_ensure (ANJU_TYPE_DOCUMENT_TEMPLATE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-document-templates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentTemplatesPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentTemplatesPage, sort_choice);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentTemplatesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentTemplatesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentTemplatesPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentTemplatesPage, editor);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentTemplatesPage, preview_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentTemplatesPage, pdf_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_changed_cb);

  gtk_widget_class_install_action (widget_class, "templates.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "templates.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "templates.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "templates.activate", NULL, activate_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "templates.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "templates.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "templates.save", NULL);
}

static void
anju_document_templates_page_init (AnjuDocumentTemplatesPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->selection = gtk_single_selection_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
anju_document_templates_page_new (AnjuApiClient *client)
{
  return g_object_new (ANJU_TYPE_DOCUMENT_TEMPLATES_PAGE, "client", client, NULL);
}

void
anju_document_templates_page_reload (AnjuDocumentTemplatesPage *self)
{
  g_return_if_fail (ANJU_IS_DOCUMENT_TEMPLATES_PAGE (self));

  self->loaded = TRUE;
  anju_list_loader_reload_selecting (&self->loader, anju_document_template_editor_get_id (self->editor));
}
