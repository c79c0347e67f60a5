#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-field-error.h"
#include "anju-password-policy.h"
#include "anju-phone.h"
#include "anju-user-dialog-private.h"

#define USERNAME_MIN 3
#define USERNAME_MAX 32

enum {
  SLOT_USERNAME,
  SLOT_NAME,
  SLOT_PHONE,
  SLOT_POST,
  SLOT_ORGANISATION_ID,
  SLOT_ROLE_IDS,
  SLOT_PASSWORD,
  N_SLOTS
};

struct _AnjuUserDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkButton           *save_button;
  GtkSpinner          *spinner;
  GtkLabel            *error_label;
  AdwEntryRow         *username_row;
  GtkLabel            *username_error;
  AdwEntryRow         *name_row;
  GtkLabel            *name_error;
  AdwEntryRow         *phone_row;
  GtkLabel            *phone_error;
  AdwEntryRow         *post_row;
  GtkLabel            *post_error;
  AdwComboRow         *organisation_row;
  GtkLabel            *organisation_error;
  AdwPreferencesGroup *roles_group;
  GtkLabel            *roles_error;
  AdwPreferencesGroup *password_group;
  AdwEntryRow         *password_row;
  GtkLabel            *password_error;

  /* Owned */
  AnjuApiClient       *client;         /* (owned) */
  AnjuRecord          *user;           /* (owned) (nullable) NULL when creating */
  GListModel          *organisations;  /* (owned) of AnjuRecord */
  GListModel          *roles;          /* (owned) of AnjuRecord */
  GPtrArray           *role_checks;    /* (owned) GtkCheckButton (unowned), parallel to roles */
  GCancellable        *cancellable;    /* (owned) (nullable) the save in flight */

  /* Where the server's field messages go */
  AnjuFieldSlot        slots[N_SLOTS];
};

G_DEFINE_FINAL_TYPE (AnjuUserDialog, anju_user_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_USER,
  PROP_ORGANISATIONS,
  PROP_ROLES,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
stripped_text_of (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (text_of (row)));
}

static gboolean
is_creating (AnjuUserDialog *self)
{
  return self->user == NULL;
}

static void
set_busy (AnjuUserDialog *self,
          gboolean        busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

/* The server's rule (docs/api.md): 3–32 of [a-z0-9_.-]. */
static gboolean
username_is_valid (const char *username)
{
  gsize length = strlen (username);

  if (length < USERNAME_MIN || length > USERNAME_MAX)
    return FALSE;

  for (const char *p = username; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p)
          && *p != '_' && *p != '.' && *p != '-')
        return FALSE;
    }

  return TRUE;
}

static gboolean
phone_was_changed (AnjuUserDialog *self)
{
  const char *original = is_creating (self) ? NULL : anju_record_get_string (self->user, "phone");

  return g_strcmp0 (original, text_of (self->phone_row)) != 0;
}

static AnjuRecord *
selected_organisation (AnjuUserDialog *self)
{
  gpointer item = adw_combo_row_get_selected_item (self->organisation_row);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

static gboolean
check_password (AnjuUserDialog *self)
{
  g_autofree char *username = stripped_text_of (self->username_row);
  g_autoptr(GError) error = NULL;

  if (anju_password_policy_check (text_of (self->password_row), username, &error))
    {
      anju_field_error_set (&self->slots[SLOT_PASSWORD], NULL);
      return TRUE;
    }

  anju_field_error_set (&self->slots[SLOT_PASSWORD], error->message);
  return FALSE;
}

/* The rules the server applies anyway, applied first so that the user
 * sees every problem at once and without a round trip. */
static gboolean
check_input (AnjuUserDialog *self)
{
  g_autofree char *username = stripped_text_of (self->username_row);
  g_autofree char *name = stripped_text_of (self->name_row);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (is_creating (self) && !username_is_valid (username))
    {
      anju_field_error_set (&self->slots[SLOT_USERNAME],
                            _("Use 3 to 32 lower-case letters, digits, “_”, “.” or “-”."));
      ok = FALSE;
    }

  if (*name == '\0')
    {
      anju_field_error_set (&self->slots[SLOT_NAME], _("Enter the person’s name."));
      ok = FALSE;
    }

  if (phone_was_changed (self) && !anju_phone_validate_mobile (text_of (self->phone_row), &error))
    {
      anju_field_error_set (&self->slots[SLOT_PHONE], error->message);
      ok = FALSE;
    }

  if (selected_organisation (self) == NULL)
    {
      anju_field_error_set (&self->slots[SLOT_ORGANISATION_ID], _("Choose an organisation."));
      ok = FALSE;
    }

  if (is_creating (self) && !check_password (self))
    ok = FALSE;

  return ok;
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_role_ids (AnjuUserDialog *self,
              JsonBuilder    *builder)
{
  json_builder_set_member_name (builder, "role_ids");
  json_builder_begin_array (builder);

  for (guint i = 0; i < self->role_checks->len; i++)
    {
      g_autoptr(AnjuRecord) role = g_list_model_get_item (self->roles, i);

      if (gtk_check_button_get_active (g_ptr_array_index (self->role_checks, i)))
        json_builder_add_int_value (builder, anju_record_get_id (role));
    }

  json_builder_end_array (builder);
}

static JsonNode *
build_body (AnjuUserDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *username = stripped_text_of (self->username_row);
  g_autofree char *name = stripped_text_of (self->name_row);
  g_autofree char *post = stripped_text_of (self->post_row);

  json_builder_begin_object (builder);

  if (is_creating (self))
    add_string (builder, "username", username);
  add_string (builder, "name", name);
  if (phone_was_changed (self))
    add_string (builder, "phone", text_of (self->phone_row));
  /* Optional when creating; when editing, null clears it. */
  if (*post != '\0')
    add_string (builder, "post", post);
  else if (!is_creating (self))
    {
      json_builder_set_member_name (builder, "post");
      json_builder_add_null_value (builder);
    }

  json_builder_set_member_name (builder, "organisation_id");
  json_builder_add_int_value (builder, anju_record_get_id (selected_organisation (self)));
  add_role_ids (self, builder);

  if (is_creating (self))
    add_string (builder, "password", text_of (self->password_row));

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AnjuApiClient *client = ANJU_API_CLIENT (object);
  g_autoptr(AnjuUserDialog) self = user_data;
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
save_clicked_cb (AnjuUserDialog *self)
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
  if (!is_creating (self))
    path = g_strdup_printf ("/api/v1/users/%" G_GINT64_FORMAT, anju_record_get_id (self->user));

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  anju_api_client_request_async (self->client,
                                 is_creating (self) ? "POST" : "PATCH",
                                 is_creating (self) ? "/api/v1/users" : path,
                                 body,
                                 self->cancellable,
                                 save_cb,
                                 g_object_ref (self));
}

/* Checked as it is typed, so the policy hint turns into the one thing
 * still missing. */
static void
password_changed_cb (AnjuUserDialog *self)
{
  if (*text_of (self->password_row) == '\0')
    anju_field_error_set (&self->slots[SLOT_PASSWORD], NULL);
  else
    check_password (self);
}

static char *
record_name (AnjuRecord *record)
{
  const char *name = ANJU_IS_RECORD (record) ? anju_record_get_string (record, "name") : NULL;

  return g_strdup (name != NULL ? name : "");
}

static gboolean
caller_holds_all (AnjuUserDialog *self,
                  AnjuRecord     *role)
{
  JsonArray *permissions = anju_record_get_member_array (role, "permissions");
  guint n_permissions = permissions != NULL ? json_array_get_length (permissions) : 0;

  for (guint i = 0; i < n_permissions; i++)
    {
      JsonNode *node = json_array_get_element (permissions, i);

      if (JSON_NODE_HOLDS_VALUE (node)
          && json_node_get_value_type (node) == G_TYPE_STRING
          && !anju_api_client_has_permission (self->client, json_node_get_string (node)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
user_has_role (AnjuUserDialog *self,
               gint64          role_id)
{
  JsonArray *roles = self->user != NULL ? anju_record_get_member_array (self->user, "roles") : NULL;
  guint n_roles = roles != NULL ? json_array_get_length (roles) : 0;

  for (guint i = 0; i < n_roles; i++)
    {
      JsonNode *node = json_array_get_element (roles, i);

      if (JSON_NODE_HOLDS_OBJECT (node)
          && anju_json_get_int (json_node_get_object (node), "id", 0) == role_id)
        return TRUE;
    }

  return FALSE;
}

static void
add_role_rows (AnjuUserDialog *self)
{
  guint n_roles = g_list_model_get_n_items (self->roles);

  for (guint i = 0; i < n_roles; i++)
    {
      g_autoptr(AnjuRecord) role = g_list_model_get_item (self->roles, i);
      const char *description = anju_record_get_string (role, "description");
      g_autofree char *name = record_name (role);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      if (description != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), user_has_role (self, anju_record_get_id (role)));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

      /* The server refuses roles with permissions the caller lacks;
       * say so here instead of after "Create". */
      if (!caller_holds_all (self, role))
        {
          gtk_widget_set_sensitive (row, FALSE);
          gtk_widget_set_tooltip_text (row, _("This role has permissions you do not hold."));
        }

      adw_preferences_group_add (self->roles_group, row);
      g_ptr_array_add (self->role_checks, check);
    }
}

static void
select_organisation (AnjuUserDialog *self,
                     gint64          id)
{
  guint n_items = g_list_model_get_n_items (self->organisations);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnjuRecord) organisation = g_list_model_get_item (self->organisations, i);

      if (anju_record_get_id (organisation) == id)
        {
          adw_combo_row_set_selected (self->organisation_row, i);
          return;
        }
    }
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
fill_from_user (AnjuUserDialog *self)
{
  JsonObject *organisation = anju_record_get_member_object (self->user, "organisation");

  set_row_text (self->username_row, anju_record_get_string (self->user, "username"));
  set_row_text (self->name_row, anju_record_get_string (self->user, "name"));
  set_row_text (self->phone_row, anju_record_get_string (self->user, "phone"));
  set_row_text (self->post_row, anju_record_get_string (self->user, "post"));
  select_organisation (self, anju_json_get_int (organisation, "id", 0));
}

static void
anju_user_dialog_constructed (GObject *object)
{
  AnjuUserDialog *self = ANJU_USER_DIALOG (object);
  GtkExpression *expression;

  G_OBJECT_CLASS (anju_user_dialog_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));
  g_assert (G_IS_LIST_MODEL (self->organisations));
  g_assert (G_IS_LIST_MODEL (self->roles));

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (record_name), NULL, NULL);
  adw_combo_row_set_expression (self->organisation_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->organisation_row, self->organisations);

  add_role_rows (self);

  if (is_creating (self))
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New User"));
      gtk_button_set_label (self->save_button, _("C_reate"));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit User"));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_editable_set_editable (GTK_EDITABLE (self->username_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->password_group), FALSE);
      fill_from_user (self);
    }

  /* Typing starts in the first field that can change, and Enter saves. */
  gtk_widget_grab_focus (GTK_WIDGET (is_creating (self) ? self->username_row : self->name_row));
}

static void
anju_user_dialog_dispose (GObject *object)
{
  AnjuUserDialog *self = ANJU_USER_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_USER_DIALOG);
  if (self->role_checks != NULL)
    g_ptr_array_set_size (self->role_checks, 0);

  G_OBJECT_CLASS (anju_user_dialog_parent_class)->dispose (object);
}

static void
anju_user_dialog_finalize (GObject *object)
{
  AnjuUserDialog *self = ANJU_USER_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->user);
  g_clear_object (&self->organisations);
  g_clear_object (&self->roles);
  g_clear_pointer (&self->role_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (anju_user_dialog_parent_class)->finalize (object);
}

static void
anju_user_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AnjuUserDialog *self = ANJU_USER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_USER:
      g_value_set_object (value, self->user);
      break;

    case PROP_ORGANISATIONS:
      g_value_set_object (value, self->organisations);
      break;

    case PROP_ROLES:
      g_value_set_object (value, self->roles);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_user_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AnjuUserDialog *self = ANJU_USER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_USER:
      self->user = g_value_dup_object (value);
      break;

    case PROP_ORGANISATIONS:
      self->organisations = g_value_dup_object (value);
      break;

    case PROP_ROLES:
      self->roles = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* libadwaita 1.2 warns (an invalid cast to GtkEditable) when a focused
 * AdwPasswordEntryRow is destroyed, as after Enter in the password row.
 * Every way of closing the dialog unmaps it first: let go of the focus. */
static void
anju_user_dialog_unmap (GtkWidget *widget)
{
  gtk_window_set_focus (GTK_WINDOW (widget), NULL);

  GTK_WIDGET_CLASS (anju_user_dialog_parent_class)->unmap (widget);
}

static void
anju_user_dialog_class_init (AnjuUserDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_user_dialog_constructed;
  object_class->dispose = anju_user_dialog_dispose;
  object_class->finalize = anju_user_dialog_finalize;
  object_class->get_property = anju_user_dialog_get_property;
  object_class->set_property = anju_user_dialog_set_property;
  widget_class->unmap = anju_user_dialog_unmap;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL,
                         ANJU_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ORGANISATIONS] =
    g_param_spec_object ("organisations", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROLES] =
    g_param_spec_object ("roles", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuUserDialog::saved:
   * @record: the user as the server now has it
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ANJU_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-user-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuUserDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuUserDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuUserDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuUserDialog, username_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuUserDialog, username_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuUserDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuUserDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuUserDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuUserDialog, phone_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuUserDialog, post_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuUserDialog, post_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuUserDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuUserDialog, organisation_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuUserDialog, roles_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuUserDialog, roles_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuUserDialog, password_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuUserDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuUserDialog, password_error);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
anju_user_dialog_init (AnjuUserDialog *self)
{
  self->role_checks = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_entry_row_set_input_purpose (self->phone_row, GTK_INPUT_PURPOSE_PHONE);
  adw_entry_row_set_input_purpose (self->password_row, GTK_INPUT_PURPOSE_PASSWORD);

  self->slots[SLOT_USERNAME] = (AnjuFieldSlot) { "username", GTK_WIDGET (self->username_row), GTK_WIDGET (self->username_error) };
  self->slots[SLOT_NAME] = (AnjuFieldSlot) { "name", GTK_WIDGET (self->name_row), GTK_WIDGET (self->name_error) };
  self->slots[SLOT_PHONE] = (AnjuFieldSlot) { "phone", GTK_WIDGET (self->phone_row), GTK_WIDGET (self->phone_error) };
  self->slots[SLOT_POST] = (AnjuFieldSlot) { "post", GTK_WIDGET (self->post_row), GTK_WIDGET (self->post_error) };
  self->slots[SLOT_ORGANISATION_ID] = (AnjuFieldSlot) { "organisation_id", GTK_WIDGET (self->organisation_row), GTK_WIDGET (self->organisation_error) };
  self->slots[SLOT_ROLE_IDS] = (AnjuFieldSlot) { "role_ids", GTK_WIDGET (self->roles_group), GTK_WIDGET (self->roles_error) };
  self->slots[SLOT_PASSWORD] = (AnjuFieldSlot) { "password", GTK_WIDGET (self->password_row), GTK_WIDGET (self->password_error) };
}

GtkWidget *
anju_user_dialog_new (AnjuApiClient *client,
                      AnjuRecord    *user,
                      GListModel    *organisations,
                      GListModel    *roles)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (user == NULL || ANJU_IS_RECORD (user), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (organisations), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (roles), NULL);

  return g_object_new (ANJU_TYPE_USER_DIALOG,
                       "client", client,
                       "user", user,
                       "organisations", organisations,
                       "roles", roles,
                       NULL);
}

GtkWidget *
_anju_user_dialog_get_field (AnjuUserDialog *self,
                             const char     *field)
{
  g_return_val_if_fail (ANJU_IS_USER_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < N_SLOTS; i++)
    {
      if (g_str_equal (self->slots[i].field, field))
        return self->slots[i].row;
    }

  return NULL;
}

GtkWidget *
_anju_user_dialog_get_role_check (AnjuUserDialog *self,
                                  const char     *role_code)
{
  g_return_val_if_fail (ANJU_IS_USER_DIALOG (self), NULL);
  g_return_val_if_fail (role_code != NULL, NULL);

  for (guint i = 0; i < self->role_checks->len; i++)
    {
      g_autoptr(AnjuRecord) role = g_list_model_get_item (self->roles, i);

      if (g_strcmp0 (anju_record_get_string (role, "code"), role_code) == 0)
        return g_ptr_array_index (self->role_checks, i);
    }

  return NULL;
}

GtkWidget *
_anju_user_dialog_get_save_button (AnjuUserDialog *self)
{
  g_return_val_if_fail (ANJU_IS_USER_DIALOG (self), NULL);

  return GTK_WIDGET (self->save_button);
}

const char *
_anju_user_dialog_get_message (AnjuUserDialog *self)
{
  g_return_val_if_fail (ANJU_IS_USER_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;

  return gtk_label_get_text (self->error_label);
}

const char *
_anju_user_dialog_get_field_error (AnjuUserDialog *self,
                                   const char     *field)
{
  g_return_val_if_fail (ANJU_IS_USER_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < N_SLOTS; i++)
    {
      if (g_str_equal (self->slots[i].field, field)
          && gtk_widget_get_visible (self->slots[i].label))
        return gtk_label_get_text (GTK_LABEL (self->slots[i].label));
    }

  return NULL;
}
