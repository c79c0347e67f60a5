/* anju-project-dialog.c: create a project, or edit one. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-field-error.h"
#include "anju-housing-labels.h"
#include "anju-project-dialog-private.h"

enum {
  SLOT_PROJECT_NO,
  SLOT_NAME,
  SLOT_ADDRESS,
  SLOT_DISTRICT,
  SLOT_OPERATOR,
  SLOT_STATUS,
  SLOT_START_DATE,
  SLOT_END_DATE,
  SLOT_MANAGER,
  SLOT_DESCRIPTION,
  N_SLOTS
};

struct _AnjuProjectDialog
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkButton     *save_button;
  GtkSpinner    *spinner;
  GtkLabel      *error_label;
  AdwEntryRow   *project_no_row;
  GtkLabel      *project_no_error;
  AdwEntryRow   *name_row;
  GtkLabel      *name_error;
  AdwEntryRow   *address_row;
  GtkLabel      *address_error;
  AdwEntryRow   *district_row;
  GtkLabel      *district_error;
  AdwComboRow   *operator_row;
  GtkLabel      *operator_error;
  AdwComboRow   *status_row;
  GtkLabel      *status_error;
  AdwEntryRow   *start_date_row;
  GtkLabel      *start_date_error;
  AdwEntryRow   *end_date_row;
  GtkLabel      *end_date_error;
  AdwEntryRow   *manager_row;
  GtkLabel      *manager_error;
  AdwEntryRow   *description_row;
  GtkLabel      *description_error;

  /* Owned */
  AnjuApiClient *client;        /* (owned) */
  AnjuRecord    *project;       /* (owned) (nullable) NULL when creating */
  GListModel    *operators;     /* (owned) of AnjuRecord */
  GArray        *operator_ids;  /* (owned) gint64, parallel to operator_row; [0] = 0 (none) */
  GCancellable  *cancellable;   /* (owned) (nullable) the save in flight */

  /* Where the server's field messages go */
  AnjuFieldSlot  slots[N_SLOTS];
};

G_DEFINE_FINAL_TYPE (AnjuProjectDialog, anju_project_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_PROJECT,
  PROP_OPERATORS,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_creating (AnjuProjectDialog *self)
{
  return self->project == NULL;
}

static char *
stripped_text_of (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
set_busy (AnjuProjectDialog *self,
          gboolean           busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

/* YYYY-MM-DD naming a real day, or nothing. */
static gboolean
date_is_valid (const char *text)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *iso = NULL;

  if (*text == '\0')
    return TRUE;
  if (strlen (text) != 10)
    return FALSE;

  iso = g_strconcat (text, "T00:00:00Z", NULL);
  day = g_date_time_new_from_iso8601 (iso, NULL);
  return day != NULL;
}

static gboolean
check_input (AnjuProjectDialog *self)
{
  g_autofree char *project_no = stripped_text_of (self->project_no_row);
  g_autofree char *name = stripped_text_of (self->name_row);
  g_autofree char *start_date = stripped_text_of (self->start_date_row);
  g_autofree char *end_date = stripped_text_of (self->end_date_row);
  gboolean ok = TRUE;

  if (*project_no == '\0')
    {
      anju_field_error_set (&self->slots[SLOT_PROJECT_NO], _("Enter the project number."));
      ok = FALSE;
    }
  if (*name == '\0')
    {
      anju_field_error_set (&self->slots[SLOT_NAME], _("Enter the project’s name."));
      ok = FALSE;
    }
  if (!date_is_valid (start_date))
    {
      anju_field_error_set (&self->slots[SLOT_START_DATE], _("Enter a date as YYYY-MM-DD."));
      ok = FALSE;
    }
  if (!date_is_valid (end_date))
    {
      anju_field_error_set (&self->slots[SLOT_END_DATE], _("Enter a date as YYYY-MM-DD."));
      ok = FALSE;
    }
  else if (*start_date != '\0' && *end_date != '\0' && g_strcmp0 (end_date, start_date) < 0)
    {
      anju_field_error_set (&self->slots[SLOT_END_DATE], _("The end date is before the start date."));
      ok = FALSE;
    }

  return ok;
}

/* An optional text: left out of a new project when empty, null
 * (cleared) in an edit. */
static void
add_text (AnjuProjectDialog *self,
          JsonBuilder       *builder,
          const char        *member,
          AdwEntryRow       *row)
{
  g_autofree char *text = stripped_text_of (row);

  if (*text == '\0' && is_creating (self))
    return;

  json_builder_set_member_name (builder, member);
  if (*text == '\0')
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, text);
}

static JsonNode *
build_body (AnjuProjectDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint operator_position = adw_combo_row_get_selected (self->operator_row);
  guint status_position = adw_combo_row_get_selected (self->status_row);
  const char * const *statuses = anju_project_status_codes ();
  gint64 operator_id = operator_position < self->operator_ids->len
                       ? g_array_index (self->operator_ids, gint64, operator_position) : 0;

  json_builder_begin_object (builder);
  add_text (self, builder, "project_no", self->project_no_row);
  add_text (self, builder, "name", self->name_row);
  add_text (self, builder, "address", self->address_row);
  add_text (self, builder, "district", self->district_row);

  json_builder_set_member_name (builder, "operator_id");
  if (operator_id > 0)
    json_builder_add_int_value (builder, operator_id);
  else
    json_builder_add_null_value (builder);

  if (status_position < g_strv_length ((char **) statuses))
    {
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, statuses[status_position]);
    }

  add_text (self, builder, "start_date", self->start_date_row);
  add_text (self, builder, "end_date", self->end_date_row);
  add_text (self, builder, "manager", self->manager_row);
  add_text (self, builder, "description", self->description_row);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AnjuApiClient *client = ANJU_API_CLIENT (object);
  g_autoptr(AnjuProjectDialog) self = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(AnjuRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  node = anju_api_client_request_finish (client, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  record = anju_field_errors_saved_record (self->slots, N_SLOTS, client, node, error, self->error_label);
  if (record == NULL)
    return;

  g_signal_emit (self, signals[SAVED], 0, record);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (AnjuProjectDialog *self)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  if (self->cancellable != NULL)
    return;

  anju_field_errors_clear (self->slots, N_SLOTS);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (!check_input (self))
    return;

  body = build_body (self);
  path = is_creating (self)
         ? g_strdup ("/api/v1/pubrent/projects")
         : g_strdup_printf ("/api/v1/pubrent/projects/%" G_GINT64_FORMAT, anju_record_get_id (self->project));

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  anju_api_client_request_async (self->client, is_creating (self) ? "POST" : "PATCH", path, body,
                                 self->cancellable, save_cb, g_object_ref (self));
}

static void
fill_choices (AnjuProjectDialog *self)
{
  g_autoptr(GtkStringList) operators = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  guint n_operators = g_list_model_get_n_items (self->operators);
  gint64 none = 0;

  g_array_append_val (self->operator_ids, none);
  gtk_string_list_append (operators, _("None"));
  for (guint i = 0; i < n_operators; i++)
    {
      g_autoptr(AnjuRecord) operator = g_list_model_get_item (self->operators, i);
      const char *name = anju_record_get_string (operator, "name");
      gint64 id = anju_record_get_id (operator);

      g_array_append_val (self->operator_ids, id);
      gtk_string_list_append (operators, name != NULL ? name : "");
    }
  adw_combo_row_set_model (self->operator_row, G_LIST_MODEL (operators));

  for (const char * const *code = anju_project_status_codes (); *code != NULL; code++)
    gtk_string_list_append (statuses, anju_project_status_label (*code));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
}

static void
fill_from_project (AnjuProjectDialog *self)
{
  const char * const *statuses = anju_project_status_codes ();
  const char *status = anju_record_get_string (self->project, "status");
  gint64 operator_id = anju_json_get_int (anju_record_get_member_object (self->project, "operator"), "id", 0);

  set_row_text (self->project_no_row, anju_record_get_string (self->project, "project_no"));
  set_row_text (self->name_row, anju_record_get_string (self->project, "name"));
  set_row_text (self->address_row, anju_record_get_string (self->project, "address"));
  set_row_text (self->district_row, anju_record_get_string (self->project, "district"));
  set_row_text (self->start_date_row, anju_record_get_string (self->project, "start_date"));
  set_row_text (self->end_date_row, anju_record_get_string (self->project, "end_date"));
  set_row_text (self->manager_row, anju_record_get_string (self->project, "manager"));
  set_row_text (self->description_row, anju_record_get_string (self->project, "description"));

  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      adw_combo_row_set_selected (self->status_row, i);

  for (guint i = 1; i < self->operator_ids->len; i++)
    if (g_array_index (self->operator_ids, gint64, i) == operator_id)
      adw_combo_row_set_selected (self->operator_row, i);
}

static void
anju_project_dialog_constructed (GObject *object)
{
  AnjuProjectDialog *self = ANJU_PROJECT_DIALOG (object);

  G_OBJECT_CLASS (anju_project_dialog_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));
  g_assert (G_IS_LIST_MODEL (self->operators));

  fill_choices (self);
  if (is_creating (self))
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Project"));
      gtk_button_set_label (self->save_button, _("C_reate"));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Project"));
      gtk_button_set_label (self->save_button, _("_Save"));
      fill_from_project (self);
    }

  gtk_widget_grab_focus (GTK_WIDGET (is_creating (self) ? self->project_no_row : self->name_row));
}

static void
anju_project_dialog_dispose (GObject *object)
{
  AnjuProjectDialog *self = ANJU_PROJECT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_PROJECT_DIALOG);

  G_OBJECT_CLASS (anju_project_dialog_parent_class)->dispose (object);
}

static void
anju_project_dialog_finalize (GObject *object)
{
  AnjuProjectDialog *self = ANJU_PROJECT_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->project);
  g_clear_object (&self->operators);
  g_clear_pointer (&self->operator_ids, g_array_unref);

  G_OBJECT_CLASS (anju_project_dialog_parent_class)->finalize (object);
}

static void
anju_project_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnjuProjectDialog *self = ANJU_PROJECT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_OPERATORS:
      g_value_set_object (value, self->operators);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_project_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AnjuProjectDialog *self = ANJU_PROJECT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;

    case PROP_OPERATORS:
      self->operators = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_project_dialog_class_init (AnjuProjectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_project_dialog_constructed;
  object_class->dispose = anju_project_dialog_dispose;
  object_class->finalize = anju_project_dialog_finalize;
  object_class->get_property = anju_project_dialog_get_property;
  object_class->set_property = anju_project_dialog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, ANJU_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OPERATORS] =
    g_param_spec_object ("operators", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuProjectDialog::saved:
   * @project: the Project the server answered with
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ANJU_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-project-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuProjectDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuProjectDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuProjectDialog, error_label);
#define BIND_ROW(name) \
  gtk_widget_class_bind_template_child (widget_class, AnjuProjectDialog, name##_row); \
  gtk_widget_class_bind_template_child (widget_class, AnjuProjectDialog, name##_error)
  BIND_ROW (project_no);
  BIND_ROW (name);
  BIND_ROW (address);
  BIND_ROW (district);
  BIND_ROW (operator);
  BIND_ROW (status);
  BIND_ROW (start_date);
  BIND_ROW (end_date);
  BIND_ROW (manager);
  BIND_ROW (description);
#undef BIND_ROW
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
anju_project_dialog_init (AnjuProjectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->operator_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

#define SLOT(index, member, name) \
  self->slots[index] = (AnjuFieldSlot) { member, GTK_WIDGET (self->name##_row), GTK_WIDGET (self->name##_error) }
  SLOT (SLOT_PROJECT_NO, "project_no", project_no);
  SLOT (SLOT_NAME, "name", name);
  SLOT (SLOT_ADDRESS, "address", address);
  SLOT (SLOT_DISTRICT, "district", district);
  SLOT (SLOT_OPERATOR, "operator_id", operator);
  SLOT (SLOT_STATUS, "status", status);
  SLOT (SLOT_START_DATE, "start_date", start_date);
  SLOT (SLOT_END_DATE, "end_date", end_date);
  SLOT (SLOT_MANAGER, "manager", manager);
  SLOT (SLOT_DESCRIPTION, "description", description);
#undef SLOT
}

GtkWidget *
anju_project_dialog_new (AnjuApiClient *client,
                         AnjuRecord    *project,
                         GListModel    *operators)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (project == NULL || ANJU_IS_RECORD (project), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (operators), NULL);

  return g_object_new (ANJU_TYPE_PROJECT_DIALOG,
                       "client", client,
                       "project", project,
                       "operators", operators,
                       NULL);
}

GtkWidget *
_anju_project_dialog_get_field (AnjuProjectDialog *self,
                                const char        *member)
{
  g_return_val_if_fail (ANJU_IS_PROJECT_DIALOG (self), NULL);

  for (guint i = 0; i < N_SLOTS; i++)
    if (g_strcmp0 (self->slots[i].field, member) == 0)
      return self->slots[i].row;
  return NULL;
}

GtkWidget *
_anju_project_dialog_get_save_button (AnjuProjectDialog *self)
{
  g_return_val_if_fail (ANJU_IS_PROJECT_DIALOG (self), NULL);

  return GTK_WIDGET (self->save_button);
}

const char *
_anju_project_dialog_get_error (AnjuProjectDialog *self,
                                const char        *member)
{
  g_return_val_if_fail (ANJU_IS_PROJECT_DIALOG (self), NULL);

  if (member == NULL)
    return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;

  for (guint i = 0; i < N_SLOTS; i++)
    if (g_strcmp0 (self->slots[i].field, member) == 0 && gtk_widget_get_visible (self->slots[i].label))
      return gtk_label_get_text (GTK_LABEL (self->slots[i].label));
  return NULL;
}
