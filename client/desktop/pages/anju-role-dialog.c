#include "config.h"

#include <glib/gi18n.h>

#include "anju-field-error.h"
#include "anju-role-dialog.h"

enum {
  SLOT_NAME,
  SLOT_DESCRIPTION,
  N_SLOTS
};

struct _AnjuRoleDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkButton      *save_button;
  GtkSpinner     *spinner;
  GtkLabel       *error_label;
  AdwEntryRow    *name_row;
  GtkLabel       *name_error;
  AdwEntryRow    *description_row;
  GtkLabel       *description_error;

  /* Owned */
  AnjuApiClient  *client;         /* (owned) */
  AnjuRecord     *role;           /* (owned) (nullable) NULL when creating */
  GCancellable   *cancellable;    /* (owned) (nullable) the save in flight */

  /* Where the server's field messages go */
  AnjuFieldSlot   slots[N_SLOTS];
};

G_DEFINE_FINAL_TYPE (AnjuRoleDialog, anju_role_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_ROLE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_busy (AnjuRoleDialog *self,
          gboolean        busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static JsonNode *
build_body (AnjuRoleDialog *self,
            const char     *name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *description = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_row))));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  /* null, not "", is how the API says "no description". */
  json_builder_set_member_name (builder, "description");
  if (*description == '\0')
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, description);
  if (self->role == NULL)
    {
      json_builder_set_member_name (builder, "permissions");
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AnjuApiClient *client = ANJU_API_CLIENT (object);
  g_autoptr(AnjuRoleDialog) self = user_data;
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
save_clicked_cb (AnjuRoleDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  if (self->cancellable != NULL)
    return;

  anju_field_errors_clear (self->slots, N_SLOTS);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  if (*name == '\0')
    {
      anju_field_error_set (&self->slots[SLOT_NAME], _("Enter a name."));
      return;
    }

  body = build_body (self, name);
  if (self->role != NULL)
    path = g_strdup_printf ("/api/v1/roles/%" G_GINT64_FORMAT, anju_record_get_id (self->role));

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  anju_api_client_request_async (self->client,
                                 self->role != NULL ? "PATCH" : "POST",
                                 path != NULL ? path : "/api/v1/roles",
                                 body,
                                 self->cancellable,
                                 save_cb,
                                 g_object_ref (self));
}

static void
anju_role_dialog_constructed (GObject *object)
{
  AnjuRoleDialog *self = ANJU_ROLE_DIALOG (object);

  G_OBJECT_CLASS (anju_role_dialog_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  if (self->role == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Role"));
      gtk_button_set_label (self->save_button, _("C_reate"));
    }
  else
    {
      const char *name = anju_record_get_string (self->role, "name");
      const char *description = anju_record_get_string (self->role, "description");

      gtk_window_set_title (GTK_WINDOW (self), _("Rename Role"));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
      gtk_editable_set_text (GTK_EDITABLE (self->description_row), description != NULL ? description : "");
    }

  /* Typing starts in the first field, and Enter there saves. */
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
anju_role_dialog_dispose (GObject *object)
{
  AnjuRoleDialog *self = ANJU_ROLE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_ROLE_DIALOG);

  G_OBJECT_CLASS (anju_role_dialog_parent_class)->dispose (object);
}

static void
anju_role_dialog_finalize (GObject *object)
{
  AnjuRoleDialog *self = ANJU_ROLE_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->role);

  G_OBJECT_CLASS (anju_role_dialog_parent_class)->finalize (object);
}

static void
anju_role_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AnjuRoleDialog *self = ANJU_ROLE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_ROLE:
      g_value_set_object (value, self->role);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_role_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AnjuRoleDialog *self = ANJU_ROLE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_ROLE:
      self->role = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_role_dialog_class_init (AnjuRoleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_role_dialog_constructed;
  object_class->dispose = anju_role_dialog_dispose;
  object_class->finalize = anju_role_dialog_finalize;
  object_class->get_property = anju_role_dialog_get_property;
  object_class->set_property = anju_role_dialog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROLE] =
    g_param_spec_object ("role", NULL, NULL,
                         ANJU_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuRoleDialog::saved:
   * @record: the role as the server now has it
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ANJU_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-role-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuRoleDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuRoleDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuRoleDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuRoleDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuRoleDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuRoleDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuRoleDialog, description_error);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
anju_role_dialog_init (AnjuRoleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->slots[SLOT_NAME] = (AnjuFieldSlot) { "name", GTK_WIDGET (self->name_row), GTK_WIDGET (self->name_error) };
  self->slots[SLOT_DESCRIPTION] = (AnjuFieldSlot) { "description", GTK_WIDGET (self->description_row), GTK_WIDGET (self->description_error) };
}

GtkWidget *
anju_role_dialog_new (AnjuApiClient *client,
                      AnjuRecord    *role)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (role == NULL || ANJU_IS_RECORD (role), NULL);

  return g_object_new (ANJU_TYPE_ROLE_DIALOG,
                       "client", client,
                       "role", role,
                       NULL);
}
