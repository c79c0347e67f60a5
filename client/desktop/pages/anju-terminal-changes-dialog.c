/* anju-terminal-changes-dialog.c: a terminal's history. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-display-time.h"
#include "anju-page-feedback.h"
#include "anju-terminal-changes-dialog.h"
#include "anju-terminal-labels.h"

struct _AnjuTerminalChangesDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  GtkListBox     *list_box;
  AdwStatusPage  *error_page;

  /* Owned */
  AnjuApiClient  *client;       /* (owned) */
  AnjuRecord     *terminal;     /* (owned) */
  GListStore     *changes;      /* (owned) (nullable) of AnjuRecord, once loaded */
  GCancellable   *cancellable;  /* (owned) */
  gboolean        loaded;
};

G_DEFINE_FINAL_TYPE (AnjuTerminalChangesDialog, anju_terminal_changes_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_TERMINAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "2026-11-29 17:00:00 · 周敏 · Edited" */
static char *
change_heading (AnjuRecord *change)
{
  g_autofree char *at = anju_display_time (anju_record_get_string (change, "at"));
  const char *who = anju_record_get_path_string (change, "by.name");
  const char *action = anju_terminal_change_action_label (anju_record_get_string (change, "action"));

  /* Translators: the heading of one change of a terminal: %1$s when,
   * %2$s who, %3$s what was done */
  return g_strdup_printf (_("%1$s · %2$s · %3$s"), at != NULL ? at : "", who != NULL ? who : "",
                          action != NULL ? action : "");
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  AnjuRecord *change = ANJU_RECORD (item);
  g_autofree char *heading = change_heading (change);
  g_autofree char *details = anju_terminal_change_describe (anju_record_get_object (change));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *body = gtk_label_new (details);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (body), 0.0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_widget_set_visible (body, *details != '\0');
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), body);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  g_object_set_data_full (G_OBJECT (row), "anju-change-text",
                          g_strconcat (heading, "\n", details, NULL), g_free);
  return row;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AnjuTerminalChangesDialog) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (answer != NULL)
    self->changes = anju_terminal_records_from_answer (answer, &error);

  self->loaded = TRUE;
  if (self->changes == NULL)
    {
      anju_page_show_load_error (self->stack, self->error_page, self->client, error);
      return;
    }

  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->changes), create_row_cb, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->changes)) > 0 ? "list" : "empty");
}

static void
anju_terminal_changes_dialog_constructed (GObject *object)
{
  AnjuTerminalChangesDialog *self = ANJU_TERMINAL_CHANGES_DIALOG (object);
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;

  G_OBJECT_CLASS (anju_terminal_changes_dialog_parent_class)->constructed (object);

  /* Translators: %1$s is a terminal number */
  title = g_strdup_printf (_("History of Terminal %1$s"), anju_record_get_string (self->terminal, "terminal_no"));
  gtk_window_set_title (GTK_WINDOW (self), title);

  path = g_strdup_printf ("/api/v1/terminals/%" G_GINT64_FORMAT "/changes", anju_record_get_id (self->terminal));
  anju_api_client_request_async (self->client, "GET", path, NULL, self->cancellable, loaded_cb,
                                 g_object_ref (self));
}

static void
anju_terminal_changes_dialog_dispose (GObject *object)
{
  AnjuTerminalChangesDialog *self = ANJU_TERMINAL_CHANGES_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_TERMINAL_CHANGES_DIALOG);
  g_clear_object (&self->changes);

  G_OBJECT_CLASS (anju_terminal_changes_dialog_parent_class)->dispose (object);
}

static void
anju_terminal_changes_dialog_finalize (GObject *object)
{
  AnjuTerminalChangesDialog *self = ANJU_TERMINAL_CHANGES_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->terminal);

  G_OBJECT_CLASS (anju_terminal_changes_dialog_parent_class)->finalize (object);
}

static void
anju_terminal_changes_dialog_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  AnjuTerminalChangesDialog *self = ANJU_TERMINAL_CHANGES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_TERMINAL:
      g_value_set_object (value, self->terminal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_terminal_changes_dialog_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  AnjuTerminalChangesDialog *self = ANJU_TERMINAL_CHANGES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_TERMINAL:
      self->terminal = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_terminal_changes_dialog_class_init (AnjuTerminalChangesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_terminal_changes_dialog_constructed;
  object_class->dispose = anju_terminal_changes_dialog_dispose;
  object_class->finalize = anju_terminal_changes_dialog_finalize;
  object_class->get_property = anju_terminal_changes_dialog_get_property;
  object_class->set_property = anju_terminal_changes_dialog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TERMINAL] =
    g_param_spec_object ("terminal", NULL, NULL, ANJU_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-terminal-changes-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalChangesDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalChangesDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalChangesDialog, error_page);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
anju_terminal_changes_dialog_init (AnjuTerminalChangesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

GtkWidget *
anju_terminal_changes_dialog_new (AnjuApiClient *client,
                                  AnjuRecord    *terminal)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (ANJU_IS_RECORD (terminal), NULL);

  return g_object_new (ANJU_TYPE_TERMINAL_CHANGES_DIALOG, "client", client, "terminal", terminal, NULL);
}

gboolean
_anju_terminal_changes_dialog_is_loaded (AnjuTerminalChangesDialog *self)
{
  g_return_val_if_fail (ANJU_IS_TERMINAL_CHANGES_DIALOG (self), FALSE);

  return self->loaded;
}

GStrv
_anju_terminal_changes_dialog_get_texts (AnjuTerminalChangesDialog *self)
{
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();

  g_return_val_if_fail (ANJU_IS_TERMINAL_CHANGES_DIALOG (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *text = g_object_get_data (G_OBJECT (row), "anju-change-text");

      if (text != NULL)
        g_strv_builder_add (texts, text);
    }

  return g_strv_builder_end (texts);
}
