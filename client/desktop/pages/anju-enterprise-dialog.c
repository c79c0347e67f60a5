/* anju-enterprise-dialog.c: add an operating enterprise, or edit one.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-enterprise-dialog.h"
#include "anju-field-error.h"

/* One row per profile member, in the order of the form. */
typedef struct
{
  const char *member;
  const char *title;      /* N_() */
  gboolean    required;
} ProfileField;

static const ProfileField fields[] = {
  { "name", N_("Enterprise name"), TRUE },
  { "uscc", N_("Unified social credit code"), TRUE },
  { "legal_representative", N_("Legal representative"), TRUE },
  { "contact_name", N_("Contact person"), TRUE },
  { "contact_phone", N_("Contact mobile number"), TRUE },
  { "address", N_("Registered address"), FALSE },
  { "industry", N_("Industry"), FALSE },
  { "business_scope", N_("Business scope"), FALSE },
};

#define N_FIELDS G_N_ELEMENTS (fields)

struct _AnjuEnterpriseDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkButton            *save_button;
  GtkSpinner           *spinner;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *group;

  /* Owned */
  AnjuApiClient        *client;       /* (owned) */
  AnjuRecord           *enterprise;   /* (owned) (nullable) set when editing */
  GCancellable         *cancellable;  /* (owned) (nullable) the save in flight */

  /* Borrowed: the rows, and where the server's field messages go */
  AdwEntryRow          *rows[N_FIELDS];
  AnjuFieldSlot         slots[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (AnjuEnterpriseDialog, anju_enterprise_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_ENTERPRISE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_busy (AnjuEnterpriseDialog *self,
          gboolean              busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static char *
row_text (AnjuEnterpriseDialog *self,
          guint                 i)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[i]))));
}

/* Creating leaves out what was left empty; editing sends every member,
 * an empty optional one as null so that clearing it clears it. */
static JsonNode *
build_body (AnjuEnterpriseDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *text = row_text (self, i);

      if (*text == '\0' && self->enterprise == NULL)
        continue;
      json_builder_set_member_name (builder, fields[i].member);
      if (*text == '\0' && !fields[i].required)
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, text);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The required fields, checked before a round trip. */
static gboolean
check_input (AnjuEnterpriseDialog *self)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *text = row_text (self, i);

      if (fields[i].required && *text == '\0')
        {
          anju_field_error_set (&self->slots[i], _("Required"));
          ok = FALSE;
        }
    }
  return ok;
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AnjuApiClient *client = ANJU_API_CLIENT (object);
  g_autoptr(AnjuEnterpriseDialog) self = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(AnjuRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  node = anju_api_client_request_finish (client, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  record = anju_field_errors_saved_record (self->slots, N_FIELDS, client, node, error,
                                           self->error_label);
  if (record == NULL)
    return;

  g_signal_emit (self, signals[SAVED], 0, record);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (AnjuEnterpriseDialog *self)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  if (self->cancellable != NULL)
    return;

  anju_field_errors_clear (self->slots, N_FIELDS);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (!check_input (self))
    return;

  body = build_body (self);
  if (self->enterprise != NULL)
    path = g_strdup_printf ("/api/v1/pubrent/enterprises/%" G_GINT64_FORMAT,
                            anju_record_get_id (self->enterprise));
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  anju_api_client_request_async (self->client, self->enterprise != NULL ? "PATCH" : "POST",
                                 path != NULL ? path : "/api/v1/pubrent/enterprises", body,
                                 self->cancellable, save_cb, g_object_ref (self));
}

static GtkWidget *
new_error_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_visible (label, FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  return label;
}

static void
add_rows (AnjuEnterpriseDialog *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *label = new_error_label ();
      const char *value = self->enterprise != NULL
                          ? anju_record_get_string (self->enterprise, fields[i].member) : NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].title));
      adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), label);
      gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
      adw_preferences_group_add (self->group, row);

      self->rows[i] = ADW_ENTRY_ROW (row);
      self->slots[i] = (AnjuFieldSlot) { fields[i].member, row, label };
    }
}

static void
anju_enterprise_dialog_constructed (GObject *object)
{
  AnjuEnterpriseDialog *self = ANJU_ENTERPRISE_DIALOG (object);

  G_OBJECT_CLASS (anju_enterprise_dialog_parent_class)->constructed (object);

  g_assert (self->client != NULL);
  add_rows (self);
  if (self->enterprise != NULL)
    {
      /* A masked phone would be refused; the user types it again. */
      const char *phone = anju_record_get_string (self->enterprise, "contact_phone");

      if (phone != NULL && strchr (phone, '*') != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->rows[4]), "");
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Enterprise"));
      gtk_button_set_label (self->save_button, _("_Save"));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Operating Enterprise"));
      gtk_button_set_label (self->save_button, _("C_reate"));
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->rows[0]));
}

static void
anju_enterprise_dialog_dispose (GObject *object)
{
  AnjuEnterpriseDialog *self = ANJU_ENTERPRISE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_ENTERPRISE_DIALOG);

  G_OBJECT_CLASS (anju_enterprise_dialog_parent_class)->dispose (object);
}

static void
anju_enterprise_dialog_finalize (GObject *object)
{
  AnjuEnterpriseDialog *self = ANJU_ENTERPRISE_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->enterprise);

  G_OBJECT_CLASS (anju_enterprise_dialog_parent_class)->finalize (object);
}

static void
anju_enterprise_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AnjuEnterpriseDialog *self = ANJU_ENTERPRISE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_ENTERPRISE:
      g_value_set_object (value, self->enterprise);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_enterprise_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AnjuEnterpriseDialog *self = ANJU_ENTERPRISE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_ENTERPRISE:
      self->enterprise = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_enterprise_dialog_class_init (AnjuEnterpriseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_enterprise_dialog_constructed;
  object_class->dispose = anju_enterprise_dialog_dispose;
  object_class->finalize = anju_enterprise_dialog_finalize;
  object_class->get_property = anju_enterprise_dialog_get_property;
  object_class->set_property = anju_enterprise_dialog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ENTERPRISE] =
    g_param_spec_object ("enterprise", NULL, NULL,
                         ANJU_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuEnterpriseDialog::saved:
   * @record: the enterprise as the server now has it
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ANJU_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-enterprise-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuEnterpriseDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuEnterpriseDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuEnterpriseDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuEnterpriseDialog, group);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
anju_enterprise_dialog_init (AnjuEnterpriseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
anju_enterprise_dialog_new (AnjuApiClient *client,
                            AnjuRecord    *enterprise)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (enterprise == NULL || ANJU_IS_RECORD (enterprise), NULL);

  return g_object_new (ANJU_TYPE_ENTERPRISE_DIALOG,
                       "client", client,
                       "enterprise", enterprise,
                       NULL);
}
