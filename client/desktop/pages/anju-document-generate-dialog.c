#include "config.h"

#include <glib/gi18n.h>

#include "anju-document-generate-dialog.h"
#include "anju-error-message.h"
#include "anju-record.h"

#define APPLICATION_KEY "anju-application-id"

/* Positions of the kind drop-down, and the status each lists. */
static const char * const kinds[] = { "street_publicity", "announcement" };

struct _AnjuDocumentGenerateDialog
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkDropDown   *kind_choice;
  GtkLabel      *hint_label;
  GtkListBox    *applications;
  GtkLabel      *error_label;

  /* Owned */
  AnjuApiClient *client;
  GCancellable  *cancellable;
  guint          n_checked;
  gboolean       busy;
};

G_DEFINE_FINAL_TYPE (AnjuDocumentGenerateDialog, anju_document_generate_dialog, ADW_TYPE_WINDOW)

enum {
  GENERATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
chosen_kind (AnjuDocumentGenerateDialog *self)
{
  return kinds[MIN (gtk_drop_down_get_selected (self->kind_choice), G_N_ELEMENTS (kinds) - 1)];
}

static void
actions_update (AnjuDocumentGenerateDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "generate.generate", self->n_checked > 0 && !self->busy);
}

static void
show_error (AnjuDocumentGenerateDialog *self,
            const char                 *what,
            const GError               *error)
{
  g_autofree char *reason = anju_error_message_for (error, anju_api_client_get_base_uri (self->client));
  g_autofree char *text = NULL;

  if (reason == NULL)
    return;
  /* Translators: %1$s is what failed, %2$s why */
  text = g_strdup_printf (_("%1$s: %2$s"), what, reason);
  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
check_toggled_cb (GtkCheckButton             *check,
                  AnjuDocumentGenerateDialog *self)
{
  if (gtk_check_button_get_active (check))
    self->n_checked++;
  else
    self->n_checked--;
  actions_update (self);
}

static GtkWidget *
application_row (AnjuDocumentGenerateDialog *self,
                 JsonObject                 *application)
{
  JsonObject *org = anju_json_get_object (application, "org");
  g_autofree char *label = NULL;
  GtkWidget *check;

  /* Translators: %1$s an application number, %2$s the applicant, %3$s
   * the street or community that entered it */
  label = g_strdup_printf (_("%1$s  %2$s  (%3$s)"), anju_json_get_string (application, "application_no"),
                           anju_json_get_string (application, "applicant_name"),
                           org != NULL ? anju_json_get_string (org, "name") : "");
  check = gtk_check_button_new_with_label (label);
  gtk_widget_set_margin_start (check, 6);
  gtk_widget_set_margin_top (check, 3);
  gtk_widget_set_margin_bottom (check, 3);
  g_object_set_data (G_OBJECT (check), APPLICATION_KEY,
                     GINT_TO_POINTER ((int) anju_json_get_int (application, "id", 0)));
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);
  return check;
}

static void
applications_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(AnjuDocumentGenerateDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *items;
  guint n;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (answer == NULL)
    {
      show_error (self, _("Could not load the applications"), error);
      return;
    }

  items = anju_json_get_array (json_node_get_object (answer), "items");
  n = items != NULL ? json_array_get_length (items) : 0;
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->applications,
                         application_row (self, json_array_get_object_element (items, i)));
  gtk_label_set_text (self->hint_label,
                      n > 0 ? _("Tick the households to list. Names are masked on the printed list.")
                            : _("No application is in this stage now."));
}

static void
load_applications (AnjuDocumentGenerateDialog *self)
{
  g_autofree char *path = NULL;
  GtkWidget *row;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->applications))) != NULL)
    gtk_list_box_remove (self->applications, row);
  self->n_checked = 0;
  actions_update (self);
  gtk_label_set_text (self->hint_label, _("Loading applications…"));

  path = g_strdup_printf ("/api/v1/pubrent/applications?status=%s&page_size=200", chosen_kind (self));
  anju_api_client_request_async (self->client, "GET", path, NULL, self->cancellable,
                                 applications_loaded_cb, g_object_ref (self));
}

static void
kind_changed_cb (AnjuDocumentGenerateDialog *self)
{
  if (self->client != NULL)
    load_applications (self);
}

static void
generated_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AnjuDocumentGenerateDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *items;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  self->busy = FALSE;
  actions_update (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (answer == NULL)
    {
      show_error (self, _("Could not generate the list"), error);
      return;
    }

  items = anju_json_get_array (json_node_get_object (answer), "items");
  g_signal_emit (self, signals[GENERATED], 0,
                 items != NULL && json_array_get_length (items) > 0
                 ? anju_json_get_int (json_array_get_object_element (items, 0), "id", 0) : (gint64) 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
generate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AnjuDocumentGenerateDialog *self = ANJU_DOCUMENT_GENERATE_DIALOG (widget);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, chosen_kind (self));
  json_builder_set_member_name (builder, "application_ids");
  json_builder_begin_array (builder);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->applications));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        json_builder_add_int_value (builder,
                                    GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), APPLICATION_KEY)));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  self->busy = TRUE;
  actions_update (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  anju_api_client_request_async (self->client, "POST", "/api/v1/pubrent/documents", body,
                                 self->cancellable, generated_cb, g_object_ref (self));
}

static void
anju_document_generate_dialog_dispose (GObject *object)
{
  AnjuDocumentGenerateDialog *self = ANJU_DOCUMENT_GENERATE_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_DOCUMENT_GENERATE_DIALOG);

  G_OBJECT_CLASS (anju_document_generate_dialog_parent_class)->dispose (object);
}

static void
anju_document_generate_dialog_finalize (GObject *object)
{
  AnjuDocumentGenerateDialog *self = ANJU_DOCUMENT_GENERATE_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_document_generate_dialog_parent_class)->finalize (object);
}

static void
anju_document_generate_dialog_class_init (AnjuDocumentGenerateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_document_generate_dialog_dispose;
  object_class->finalize = anju_document_generate_dialog_finalize;

  /* The new document's id. */
  signals[GENERATED] = g_signal_new ("generated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-document-generate-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentGenerateDialog, kind_choice);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentGenerateDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentGenerateDialog, applications);
  gtk_widget_class_bind_template_child (widget_class, AnjuDocumentGenerateDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);

  gtk_widget_class_install_action (widget_class, "generate.generate", NULL, generate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
anju_document_generate_dialog_init (AnjuDocumentGenerateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
anju_document_generate_dialog_new (AnjuApiClient *client)
{
  AnjuDocumentGenerateDialog *self = g_object_new (ANJU_TYPE_DOCUMENT_GENERATE_DIALOG, NULL);

  self->client = g_object_ref (client);
  load_applications (self);
  return GTK_WIDGET (self);
}
