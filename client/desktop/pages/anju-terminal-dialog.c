/* anju-terminal-dialog.c: register or edit a service terminal. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-field-error.h"
#include "anju-phone.h"
#include "anju-terminal-dialog-private.h"
#include "anju-terminal-labels.h"

#define N_PERIPHERALS 4

typedef enum
{
  GROUP_TERMINAL,
  GROUP_DEPLOYMENT,
} Group;

typedef struct
{
  const char *field;     /* the API member */
  const char *title;     /* N_() */
  Group       group;
  gboolean    required;
} TextField;

/* In the order of the form. */
static const TextField text_fields[] = {
  { "sn", N_("Serial number (SN)"), GROUP_TERMINAL, TRUE },
  { "terminal_no", N_("Terminal number"), GROUP_TERMINAL, TRUE },
  { "name", N_("Name"), GROUP_TERMINAL, TRUE },
  { "model", N_("Model"), GROUP_TERMINAL, FALSE },
  { "network", N_("Network (WiFi account)"), GROUP_TERMINAL, FALSE },
  { "location", N_("Location"), GROUP_DEPLOYMENT, TRUE },
  { "person_in_charge", N_("Person in charge"), GROUP_DEPLOYMENT, TRUE },
  { "person_phone", N_("Phone of the person in charge"), GROUP_DEPLOYMENT, FALSE },
};

#define N_TEXT_FIELDS G_N_ELEMENTS (text_fields)

/* The field names the server gives a peripheral's problem, parallel to
 * anju_terminal_peripheral_kind_codes(). */
static const char * const peripheral_fields[N_PERIPHERALS] = {
  "peripherals.camera", "peripherals.fingerprint", "peripherals.id_reader", "peripherals.printer",
};

struct _AnjuTerminalDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkButton           *save_button;
  GtkSpinner          *spinner;
  GtkLabel            *error_label;
  AdwPreferencesGroup *terminal_group;
  AdwPreferencesGroup *deployment_group;
  AdwComboRow         *org_row;
  GtkLabel            *org_error;
  AdwPreferencesGroup *peripherals_group;
  GtkLabel            *peripherals_error;

  /* Made in code (owned by the groups) */
  AdwEntryRow         *text_rows[N_TEXT_FIELDS];
  GtkSwitch           *switches[N_PERIPHERALS];
  AdwEntryRow         *model_rows[N_PERIPHERALS];

  /* Owned */
  AnjuApiClient       *client;         /* (owned) */
  AnjuRecord          *terminal;       /* (owned) (nullable) NULL when registering */
  GListModel          *organisations;  /* (owned) every organisation */
  GtkFilterListModel  *streets;        /* (owned) streets and communities of organisations */
  GArray              *slots;          /* (owned) AnjuFieldSlot: where the server's field messages go */
  GCancellable        *cancellable;    /* (owned) (nullable) the save in flight */
};

G_DEFINE_FINAL_TYPE (AnjuTerminalDialog, anju_terminal_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_TERMINAL,
  PROP_ORGANISATIONS,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_creating (AnjuTerminalDialog *self)
{
  return self->terminal == NULL;
}

static int
text_field_index (const char *field)
{
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    if (g_str_equal (text_fields[i].field, field))
      return (int) i;

  g_return_val_if_reached (-1);
}

static char *
stripped_text (AnjuTerminalDialog *self,
               const char         *field)
{
  AdwEntryRow *row = self->text_rows[text_field_index (field)];

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static const AnjuFieldSlot *
slot_for (AnjuTerminalDialog *self,
          const char         *field)
{
  for (guint i = 0; i < self->slots->len; i++)
    {
      const AnjuFieldSlot *slot = &g_array_index (self->slots, AnjuFieldSlot, i);

      if (g_str_equal (slot->field, field))
        return slot;
    }

  return NULL;
}

static void
set_busy (AnjuTerminalDialog *self,
          gboolean            busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static gboolean
phone_was_changed (AnjuTerminalDialog *self)
{
  const char *original = is_creating (self) ? NULL : anju_record_get_string (self->terminal, "person_phone");
  g_autofree char *phone = stripped_text (self, "person_phone");

  return g_strcmp0 (original != NULL ? original : "", phone) != 0;
}

static AnjuRecord *
selected_org (AnjuTerminalDialog *self)
{
  gpointer item = adw_combo_row_get_selected_item (self->org_row);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

/* The rules the server applies anyway, applied first so that the user
 * sees every missing field at once and without a round trip. */
static gboolean
check_input (AnjuTerminalDialog *self)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    {
      g_autofree char *text = NULL;

      if (!text_fields[i].required)
        continue;

      text = stripped_text (self, text_fields[i].field);
      if (*text == '\0')
        {
          anju_field_error_set (slot_for (self, text_fields[i].field), _("Required"));
          ok = FALSE;
        }
    }

  if (phone_was_changed (self))
    {
      g_autofree char *phone = stripped_text (self, "person_phone");
      g_autoptr(GError) error = NULL;

      if (*phone != '\0' && !anju_phone_validate_mobile (phone, &error))
        {
          anju_field_error_set (slot_for (self, "person_phone"), error->message);
          ok = FALSE;
        }
    }

  if (selected_org (self) == NULL)
    {
      anju_field_error_set (slot_for (self, "org_id"), _("Choose the street or community it serves."));
      ok = FALSE;
    }

  return ok;
}

static void
add_peripherals (AnjuTerminalDialog *self,
                 JsonBuilder        *builder)
{
  const char * const *kinds = anju_terminal_peripheral_kind_codes ();

  json_builder_set_member_name (builder, "peripherals");
  json_builder_begin_object (builder);
  for (guint i = 0; i < N_PERIPHERALS; i++)
    {
      g_autofree char *model = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->model_rows[i]))));

      json_builder_set_member_name (builder, kinds[i]);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "enabled");
      json_builder_add_boolean_value (builder, gtk_switch_get_active (self->switches[i]));
      json_builder_set_member_name (builder, "model");
      json_builder_add_string_value (builder, model);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static JsonNode *
build_body (AnjuTerminalDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);

  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    {
      const char *field = text_fields[i].field;
      g_autofree char *text = stripped_text (self, field);

      if (g_str_equal (field, "person_phone") && !phone_was_changed (self))
        continue;

      if (*text != '\0')
        {
          json_builder_set_member_name (builder, field);
          json_builder_add_string_value (builder, text);
        }
      else if (!is_creating (self) && !text_fields[i].required)
        {
          /* When editing, null clears an optional member. */
          json_builder_set_member_name (builder, field);
          json_builder_add_null_value (builder);
        }
    }

  json_builder_set_member_name (builder, "org_id");
  json_builder_add_int_value (builder, anju_record_get_id (selected_org (self)));
  add_peripherals (self, builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AnjuApiClient *client = ANJU_API_CLIENT (object);
  g_autoptr(AnjuTerminalDialog) self = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(AnjuRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  node = anju_api_client_request_finish (client, result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  record = anju_field_errors_saved_record ((const AnjuFieldSlot *) self->slots->data, self->slots->len,
                                           client, node, error, self->error_label);
  if (record == NULL)
    return;

  g_signal_emit (self, signals[SAVED], 0, record);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (AnjuTerminalDialog *self)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  if (self->cancellable != NULL)
    return;

  anju_field_errors_clear ((const AnjuFieldSlot *) self->slots->data, self->slots->len);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  if (!check_input (self))
    return;

  body = build_body (self);
  if (!is_creating (self))
    path = g_strdup_printf ("/api/v1/terminals/%" G_GINT64_FORMAT, anju_record_get_id (self->terminal));

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  anju_api_client_request_async (self->client,
                                 is_creating (self) ? "POST" : "PATCH",
                                 is_creating (self) ? "/api/v1/terminals" : path,
                                 body, self->cancellable, save_cb, g_object_ref (self));
}

static GtkWidget *
new_error_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_visible (label, FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  return label;
}

static void
add_slot (AnjuTerminalDialog *self,
          const char         *field,
          GtkWidget          *row,
          GtkWidget          *label)
{
  AnjuFieldSlot slot = { field, row, label };

  g_array_append_val (self->slots, slot);
}

/* An entry row added to group; with field, also an error label for the
 * server's message about that field. */
static AdwEntryRow *
add_entry_row (AnjuTerminalDialog  *self,
               AdwPreferencesGroup *group,
               const char          *field,
               const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  if (field != NULL)
    {
      GtkWidget *label = new_error_label ();

      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), label);
      add_slot (self, field, row, label);
    }
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static void
add_text_rows (AnjuTerminalDialog *self)
{
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    {
      AdwPreferencesGroup *group = text_fields[i].group == GROUP_TERMINAL ? self->terminal_group
                                                                         : self->deployment_group;

      self->text_rows[i] = add_entry_row (self, group, text_fields[i].field, _(text_fields[i].title));
    }

  adw_entry_row_set_input_purpose (self->text_rows[text_field_index ("person_phone")],
                                   GTK_INPUT_PURPOSE_PHONE);
}

/* Per kind: a switch row ("Camera") and, below it, the model's entry
 * row ("Camera model"), which only matters while the switch is on. */
static void
add_peripheral_rows (AnjuTerminalDialog *self)
{
  const char * const *kinds = anju_terminal_peripheral_kind_codes ();

  for (guint i = 0; i < N_PERIPHERALS; i++)
    {
      const char *name = anju_terminal_peripheral_label (kinds[i]);
      g_autofree char *model_title = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      GtkWidget *label = new_error_label ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->peripherals_group, row);
      add_slot (self, peripheral_fields[i], row, label);
      self->switches[i] = GTK_SWITCH (toggle);

      /* Translators: %1$s is a peripheral ("Camera") */
      model_title = g_strdup_printf (_("%1$s model"), name);
      /* The server names the kind, not its model: the message goes to
       * the switch row above. */
      self->model_rows[i] = add_entry_row (self, self->peripherals_group, NULL, model_title);
      g_object_bind_property (toggle, "active", self->model_rows[i], "sensitive", G_BINDING_SYNC_CREATE);
    }
}

static char *
record_name (AnjuRecord *record)
{
  const char *name = ANJU_IS_RECORD (record) ? anju_record_get_string (record, "name") : NULL;

  return g_strdup (name != NULL ? name : "");
}

static gboolean
is_street_or_community (gpointer item,
                        gpointer user_data)
{
  const char *kind = anju_record_get_string (ANJU_RECORD (item), "kind");

  return g_strcmp0 (kind, "street") == 0 || g_strcmp0 (kind, "community") == 0;
}

static void
select_org (AnjuTerminalDialog *self,
            gint64              id)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->streets));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AnjuRecord) org = g_list_model_get_item (G_LIST_MODEL (self->streets), i);

      if (anju_record_get_id (org) == id)
        {
          adw_combo_row_set_selected (self->org_row, i);
          return;
        }
    }

  adw_combo_row_set_selected (self->org_row, GTK_INVALID_LIST_POSITION);
}

static void
fill_peripherals (AnjuTerminalDialog *self,
                  JsonObject         *peripherals)
{
  const char * const *kinds = anju_terminal_peripheral_kind_codes ();

  for (guint i = 0; i < N_PERIPHERALS; i++)
    {
      JsonObject *peripheral = anju_json_get_object (peripherals, kinds[i]);
      const char *model = anju_json_get_string (peripheral, "model");

      gtk_switch_set_active (self->switches[i], anju_json_get_boolean (peripheral, "enabled", FALSE));
      gtk_editable_set_text (GTK_EDITABLE (self->model_rows[i]), model != NULL ? model : "");
    }
}

static void
fill_from_terminal (AnjuTerminalDialog *self)
{
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    {
      const char *text = anju_record_get_string (self->terminal, text_fields[i].field);

      gtk_editable_set_text (GTK_EDITABLE (self->text_rows[i]), text != NULL ? text : "");
    }

  select_org (self, anju_json_get_int (anju_record_get_member_object (self->terminal, "org"), "id", 0));
  fill_peripherals (self, anju_record_get_member_object (self->terminal, "peripherals"));
}

static void
anju_terminal_dialog_constructed (GObject *object)
{
  AnjuTerminalDialog *self = ANJU_TERMINAL_DIALOG (object);
  GtkExpression *expression;
  GtkCustomFilter *filter;

  G_OBJECT_CLASS (anju_terminal_dialog_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));
  g_assert (G_IS_LIST_MODEL (self->organisations));

  filter = gtk_custom_filter_new (is_street_or_community, NULL, NULL);
  self->streets = gtk_filter_list_model_new (g_object_ref (self->organisations), GTK_FILTER (filter));
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (record_name), NULL, NULL);
  adw_combo_row_set_expression (self->org_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->org_row, G_LIST_MODEL (self->streets));

  if (is_creating (self))
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Register Terminal"));
      gtk_button_set_label (self->save_button, _("_Register"));
      adw_combo_row_set_selected (self->org_row, GTK_INVALID_LIST_POSITION);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Terminal"));
      gtk_button_set_label (self->save_button, _("_Save"));
      fill_from_terminal (self);
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->text_rows[0]));
}

static void
anju_terminal_dialog_dispose (GObject *object)
{
  AnjuTerminalDialog *self = ANJU_TERMINAL_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* The slots point at rows that go with the template. */
  if (self->slots != NULL)
    g_array_set_size (self->slots, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_TERMINAL_DIALOG);

  G_OBJECT_CLASS (anju_terminal_dialog_parent_class)->dispose (object);
}

static void
anju_terminal_dialog_finalize (GObject *object)
{
  AnjuTerminalDialog *self = ANJU_TERMINAL_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->terminal);
  g_clear_object (&self->streets);
  g_clear_object (&self->organisations);
  g_clear_pointer (&self->slots, g_array_unref);

  G_OBJECT_CLASS (anju_terminal_dialog_parent_class)->finalize (object);
}

static void
anju_terminal_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AnjuTerminalDialog *self = ANJU_TERMINAL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_TERMINAL:
      g_value_set_object (value, self->terminal);
      break;

    case PROP_ORGANISATIONS:
      g_value_set_object (value, self->organisations);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_terminal_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AnjuTerminalDialog *self = ANJU_TERMINAL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_TERMINAL:
      self->terminal = g_value_dup_object (value);
      break;

    case PROP_ORGANISATIONS:
      self->organisations = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_terminal_dialog_class_init (AnjuTerminalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_terminal_dialog_constructed;
  object_class->dispose = anju_terminal_dialog_dispose;
  object_class->finalize = anju_terminal_dialog_finalize;
  object_class->get_property = anju_terminal_dialog_get_property;
  object_class->set_property = anju_terminal_dialog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TERMINAL] =
    g_param_spec_object ("terminal", NULL, NULL, ANJU_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ORGANISATIONS] =
    g_param_spec_object ("organisations", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuTerminalDialog::saved:
   * @record: the terminal as the server now has it
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ANJU_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-terminal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalDialog, terminal_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalDialog, deployment_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalDialog, org_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalDialog, org_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalDialog, peripherals_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuTerminalDialog, peripherals_error);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
anju_terminal_dialog_init (AnjuTerminalDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->slots = g_array_new (FALSE, TRUE, sizeof (AnjuFieldSlot));
  add_text_rows (self);
  add_slot (self, "org_id", GTK_WIDGET (self->org_row), GTK_WIDGET (self->org_error));
  add_slot (self, "peripherals", GTK_WIDGET (self->peripherals_group), GTK_WIDGET (self->peripherals_error));
  add_peripheral_rows (self);
}

GtkWidget *
anju_terminal_dialog_new (AnjuApiClient *client,
                          AnjuRecord    *terminal,
                          GListModel    *organisations)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (terminal == NULL || ANJU_IS_RECORD (terminal), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (organisations), NULL);

  return g_object_new (ANJU_TYPE_TERMINAL_DIALOG,
                       "client", client,
                       "terminal", terminal,
                       "organisations", organisations,
                       NULL);
}

GtkWidget *
_anju_terminal_dialog_get_peripheral_switch (AnjuTerminalDialog *self,
                                             const char         *kind)
{
  const char * const *kinds = anju_terminal_peripheral_kind_codes ();

  g_return_val_if_fail (ANJU_IS_TERMINAL_DIALOG (self), NULL);

  for (guint i = 0; i < N_PERIPHERALS; i++)
    if (g_strcmp0 (kinds[i], kind) == 0)
      return GTK_WIDGET (self->switches[i]);

  return NULL;
}

GtkWidget *
_anju_terminal_dialog_get_org_row (AnjuTerminalDialog *self)
{
  g_return_val_if_fail (ANJU_IS_TERMINAL_DIALOG (self), NULL);

  return GTK_WIDGET (self->org_row);
}

const char *
_anju_terminal_dialog_get_error (AnjuTerminalDialog *self,
                                 const char         *field)
{
  const AnjuFieldSlot *slot;

  g_return_val_if_fail (ANJU_IS_TERMINAL_DIALOG (self), NULL);

  if (field == NULL)
    return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
           ? gtk_label_get_text (self->error_label) : NULL;

  slot = slot_for (self, field);
  if (slot == NULL || !gtk_widget_get_visible (slot->label))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (slot->label));
}
