#include "config.h"

#include <glib/gi18n.h>

#include "anju-field-error.h"
#include "anju-organisation-dialog.h"
#include "anju-organisation-kind.h"

enum {
  SLOT_PARENT_ID,
  SLOT_NAME,
  SLOT_KIND,
  SLOT_CODE,
  SLOT_DESCRIPTION,
  N_SLOTS
};

struct _AnjuOrganisationDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkButton      *save_button;
  GtkSpinner     *spinner;
  GtkLabel       *error_label;
  AdwActionRow   *parent_row;
  GtkLabel       *parent_error;
  AdwEntryRow    *name_row;
  GtkLabel       *name_error;
  AdwComboRow    *kind_row;
  GtkLabel       *kind_error;
  AdwEntryRow    *code_row;
  GtkLabel       *code_error;
  AdwEntryRow    *description_row;
  GtkLabel       *description_error;

  /* Owned */
  AnjuApiClient  *client;         /* (owned) */
  AnjuRecord     *parent;         /* (owned) (nullable) set when creating */
  AnjuRecord     *organisation;   /* (owned) (nullable) set when editing */
  GPtrArray      *kinds;          /* (owned) kind ids, parallel to kind_row's model */
  GCancellable   *cancellable;    /* (owned) (nullable) the save in flight */

  /* Where the server's field messages go */
  AnjuFieldSlot   slots[N_SLOTS];
};

G_DEFINE_FINAL_TYPE (AnjuOrganisationDialog, anju_organisation_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_PARENT,
  PROP_ORGANISATION,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_busy (AnjuOrganisationDialog *self,
          gboolean                busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static const char *
selected_kind (AnjuOrganisationDialog *self)
{
  guint position = adw_combo_row_get_selected (self->kind_row);

  if (position == GTK_INVALID_LIST_POSITION || position >= self->kinds->len)
    return NULL;

  return g_ptr_array_index (self->kinds, position);
}

static void
add_text_member (JsonBuilder *builder,
                 const char  *member,
                 const char  *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, stripped);
}

/* The API clears an optional field with null; "" would be a value (and
 * for the unique code, one only a single organisation could have). */
static void
add_text_or_null (JsonBuilder *builder,
                  const char  *member,
                  const char  *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  json_builder_set_member_name (builder, member);
  if (*stripped == '\0')
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, stripped);
}

static JsonNode *
build_body (AnjuOrganisationDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->code_row));
  const char *description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));

  json_builder_begin_object (builder);
  add_text_member (builder, "name", gtk_editable_get_text (GTK_EDITABLE (self->name_row)));

  if (self->organisation == NULL)
    {
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, selected_kind (self));
      json_builder_set_member_name (builder, "parent_id");
      json_builder_add_int_value (builder, anju_record_get_id (self->parent));
      /* Optional on create: leave out what the user left empty. */
      if (*code != '\0')
        add_text_member (builder, "code", code);
      if (*description != '\0')
        add_text_member (builder, "description", description);
    }
  else
    {
      /* Sent even when empty, so that clearing a field clears it. */
      add_text_or_null (builder, "code", code);
      add_text_or_null (builder, "description", description);
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The checks the server would make anyway, made first so the user gets
 * the answer without a round trip. */
static gboolean
check_input (AnjuOrganisationDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  gboolean ok = TRUE;

  if (*name == '\0')
    {
      anju_field_error_set (&self->slots[SLOT_NAME], _("Enter a name."));
      ok = FALSE;
    }

  if (self->organisation == NULL && selected_kind (self) == NULL)
    {
      anju_field_error_set (&self->slots[SLOT_KIND], _("Choose a kind."));
      ok = FALSE;
    }

  return ok;
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AnjuApiClient *client = ANJU_API_CLIENT (object);
  g_autoptr(AnjuOrganisationDialog) self = user_data;
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
save_clicked_cb (AnjuOrganisationDialog *self)
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
  if (self->organisation != NULL)
    path = g_strdup_printf ("/api/v1/organisations/%" G_GINT64_FORMAT,
                            anju_record_get_id (self->organisation));

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  anju_api_client_request_async (self->client,
                                 self->organisation != NULL ? "PATCH" : "POST",
                                 path != NULL ? path : "/api/v1/organisations",
                                 body,
                                 self->cancellable,
                                 save_cb,
                                 g_object_ref (self));
}

static void
fill_for_create (AnjuOrganisationDialog *self)
{
  const char *parent_kind = anju_record_get_string (self->parent, "kind");
  const char * const *kinds = anju_organisation_kinds ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("New Organisation"));
  gtk_button_set_label (self->save_button, _("C_reate"));
  adw_action_row_set_subtitle (self->parent_row, anju_record_get_string (self->parent, "name"));

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      if (!anju_organisation_kind_can_hold (parent_kind, kinds[i]))
        continue;
      g_ptr_array_add (self->kinds, (gpointer) kinds[i]);
      gtk_string_list_append (labels, anju_organisation_kind_label (kinds[i]));
    }

  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), self->kinds->len > 1);
}

static void
fill_for_edit (AnjuOrganisationDialog *self)
{
  const char *kind = anju_record_get_string (self->organisation, "kind");
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *name = anju_record_get_string (self->organisation, "name");
  const char *code = anju_record_get_string (self->organisation, "code");
  const char *description = anju_record_get_string (self->organisation, "description");

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Organisation"));
  gtk_button_set_label (self->save_button, _("_Save"));
  gtk_widget_set_visible (GTK_WIDGET (self->parent_row), FALSE);

  gtk_string_list_append (labels, anju_organisation_kind_label (kind != NULL ? kind : ""));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), code != NULL ? code : "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), description != NULL ? description : "");
}

static void
anju_organisation_dialog_constructed (GObject *object)
{
  AnjuOrganisationDialog *self = ANJU_ORGANISATION_DIALOG (object);

  G_OBJECT_CLASS (anju_organisation_dialog_parent_class)->constructed (object);

  g_assert (self->client != NULL);
  g_assert ((self->parent != NULL) != (self->organisation != NULL));

  if (self->organisation != NULL)
    fill_for_edit (self);
  else
    fill_for_create (self);

  /* Typing starts in the first field, and Enter there saves. */
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
anju_organisation_dialog_dispose (GObject *object)
{
  AnjuOrganisationDialog *self = ANJU_ORGANISATION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_ORGANISATION_DIALOG);

  G_OBJECT_CLASS (anju_organisation_dialog_parent_class)->dispose (object);
}

static void
anju_organisation_dialog_finalize (GObject *object)
{
  AnjuOrganisationDialog *self = ANJU_ORGANISATION_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->parent);
  g_clear_object (&self->organisation);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);

  G_OBJECT_CLASS (anju_organisation_dialog_parent_class)->finalize (object);
}

static void
anju_organisation_dialog_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AnjuOrganisationDialog *self = ANJU_ORGANISATION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_PARENT:
      g_value_set_object (value, self->parent);
      break;

    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_organisation_dialog_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  AnjuOrganisationDialog *self = ANJU_ORGANISATION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_PARENT:
      self->parent = g_value_dup_object (value);
      break;

    case PROP_ORGANISATION:
      self->organisation = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_organisation_dialog_class_init (AnjuOrganisationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_organisation_dialog_constructed;
  object_class->dispose = anju_organisation_dialog_dispose;
  object_class->finalize = anju_organisation_dialog_finalize;
  object_class->get_property = anju_organisation_dialog_get_property;
  object_class->set_property = anju_organisation_dialog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PARENT] =
    g_param_spec_object ("parent-organisation", NULL, NULL,
                         ANJU_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL,
                         ANJU_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuOrganisationDialog::saved:
   * @record: the organisation as the server now has it
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ANJU_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-organisation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuOrganisationDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuOrganisationDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuOrganisationDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuOrganisationDialog, parent_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuOrganisationDialog, parent_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuOrganisationDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuOrganisationDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuOrganisationDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuOrganisationDialog, kind_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuOrganisationDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuOrganisationDialog, code_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuOrganisationDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuOrganisationDialog, description_error);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
anju_organisation_dialog_init (AnjuOrganisationDialog *self)
{
  self->kinds = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->slots[SLOT_PARENT_ID] = (AnjuFieldSlot) { "parent_id", GTK_WIDGET (self->parent_row), GTK_WIDGET (self->parent_error) };
  self->slots[SLOT_NAME] = (AnjuFieldSlot) { "name", GTK_WIDGET (self->name_row), GTK_WIDGET (self->name_error) };
  self->slots[SLOT_KIND] = (AnjuFieldSlot) { "kind", GTK_WIDGET (self->kind_row), GTK_WIDGET (self->kind_error) };
  self->slots[SLOT_CODE] = (AnjuFieldSlot) { "code", GTK_WIDGET (self->code_row), GTK_WIDGET (self->code_error) };
  self->slots[SLOT_DESCRIPTION] = (AnjuFieldSlot) { "description", GTK_WIDGET (self->description_row), GTK_WIDGET (self->description_error) };
}

GtkWidget *
anju_organisation_dialog_new_child (AnjuApiClient *client,
                                    AnjuRecord    *parent)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (ANJU_IS_RECORD (parent), NULL);

  return g_object_new (ANJU_TYPE_ORGANISATION_DIALOG,
                       "client", client,
                       "parent-organisation", parent,
                       NULL);
}

GtkWidget *
anju_organisation_dialog_new_edit (AnjuApiClient *client,
                                   AnjuRecord    *organisation)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (ANJU_IS_RECORD (organisation), NULL);

  return g_object_new (ANJU_TYPE_ORGANISATION_DIALOG,
                       "client", client,
                       "organisation", organisation,
                       NULL);
}
