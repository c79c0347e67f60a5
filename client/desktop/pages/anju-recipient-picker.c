/* anju-recipient-picker.c: choose organisations or people to message. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "anju-error-message.h"
#include "anju-organisation-kind.h"
#include "anju-paged-model.h"
#include "anju-record.h"
#include "anju-recipient-picker.h"

/* The record a row's check button stands for (owned by the button). */
#define RECORD_KEY "anju-recipient-record"

struct _AnjuRecipientPicker
{
  GtkBox             parent_instance;

  /* Template widgets */
  GtkLabel          *heading;
  GtkSearchEntry    *search_entry;
  GtkStack          *stack;
  GtkListBox        *list_box;
  GtkLabel          *message_label;
  GtkLabel          *chosen_label;

  /* Owned */
  AnjuApiClient     *client;       /* (owned) */
  AnjuPagedModel    *candidates;   /* (owned) of AnjuRecord */
  GHashTable        *chosen;       /* (owned) id (gint64 *) → name (char *) */
  GCancellable      *cancellable;  /* (owned) */
  AnjuRecipientKind  kind;
};

G_DEFINE_FINAL_TYPE (AnjuRecipientPicker, anju_recipient_picker, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_KIND,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
chosen_update (AnjuRecipientPicker *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_autofree char *text = NULL;
  GHashTableIter iter;
  gpointer name;
  guint n_chosen = g_hash_table_size (self->chosen);

  if (n_chosen == 0)
    {
      gtk_label_set_text (self->chosen_label, _("None chosen"));
      return;
    }

  g_hash_table_iter_init (&iter, self->chosen);
  while (g_hash_table_iter_next (&iter, NULL, &name))
    g_ptr_array_add (names, name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  /* Translators: separates the names of chosen recipients */
  joined = g_strjoinv (_(", "), (char **) names->pdata);
  /* Translators: %1$u is how many recipients are chosen, %2$s their names */
  text = g_strdup_printf (_("%1$u chosen: %2$s"), n_chosen, joined);
  gtk_label_set_text (self->chosen_label, text);
}

static void
check_toggled_cb (GtkCheckButton      *check,
                  AnjuRecipientPicker *self)
{
  AnjuRecord *record = g_object_get_data (G_OBJECT (check), RECORD_KEY);
  gint64 id = anju_record_get_id (record);
  const char *name = anju_record_get_string (record, "name");

  if (gtk_check_button_get_active (check))
    g_hash_table_insert (self->chosen, g_memdup2 (&id, sizeof id), g_strdup (name != NULL ? name : ""));
  else
    g_hash_table_remove (self->chosen, &id);

  chosen_update (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static char *
subtitle_for (AnjuRecipientPicker *self,
              AnjuRecord          *record)
{
  const char *organisation;

  if (self->kind == ANJU_RECIPIENT_ORGANISATIONS)
    return g_strdup (anju_organisation_kind_label (anju_record_get_string (record, "kind")));

  organisation = anju_record_get_path_string (record, "organisation.name");
  /* Translators: %1$s is a username, %2$s the user's organisation */
  return g_strdup_printf (_("%1$s · %2$s"), anju_record_get_string (record, "username"),
                          organisation != NULL ? organisation : "");
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  AnjuRecipientPicker *self = user_data;
  AnjuRecord *record = ANJU_RECORD (item);
  gint64 id = anju_record_get_id (record);
  const char *name = anju_record_get_string (record, "name");
  g_autofree char *subtitle = subtitle_for (self, record);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  /* Names are text, not markup ("A & B 物业"). */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->chosen, &id));
  g_object_set_data_full (G_OBJECT (check), RECORD_KEY, g_object_ref (record), g_object_unref);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

static void
show_message (AnjuRecipientPicker *self,
              const char          *message)
{
  gtk_label_set_text (self->message_label, message);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

static void
load_more_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AnjuPagedModel *candidates = ANJU_PAGED_MODEL (object);
  g_autoptr(AnjuRecipientPicker) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!anju_paged_model_load_more_finish (candidates, result, &error))
    {
      g_autofree char *reason = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
        return;

      reason = anju_error_message_for (error, anju_api_client_get_base_uri (self->client));
      show_message (self, reason != NULL ? reason : "");
      return;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (candidates)) == 0)
    show_message (self, _("Nothing matches the search."));
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
load_more (AnjuRecipientPicker *self)
{
  if (anju_paged_model_get_loading (self->candidates) || !anju_paged_model_get_has_more (self->candidates))
    return;

  anju_paged_model_load_more_async (self->candidates, self->cancellable, load_more_cb, g_object_ref (self));
}

static void
search_changed_cb (AnjuRecipientPicker *self)
{
  g_autofree char *q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (g_strcmp0 (anju_paged_model_get_filter (self->candidates, "q"), *q != '\0' ? q : NULL) == 0)
    return;

  anju_paged_model_set_filter (self->candidates, "q", q);
  load_more (self);
}

static void
edge_reached_cb (AnjuRecipientPicker *self,
                 GtkPositionType      position)
{
  if (position == GTK_POS_BOTTOM)
    load_more (self);
}

static void
anju_recipient_picker_constructed (GObject *object)
{
  AnjuRecipientPicker *self = ANJU_RECIPIENT_PICKER (object);
  gboolean organisations = self->kind == ANJU_RECIPIENT_ORGANISATIONS;
  const char *label;

  G_OBJECT_CLASS (anju_recipient_picker_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->candidates = anju_paged_model_new (self->client,
                                           organisations ? "/api/v1/organisations" : "/api/v1/users",
                                           0);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->candidates), create_row_cb, self, NULL);

  gtk_label_set_text (self->heading, organisations ? _("Organisations") : _("People"));
  /* GTK 4.8 has the property but not its setter. */
  g_object_set (self->search_entry, "placeholder-text",
                organisations ? _("Search organisations") : _("Search username or name"),
                NULL);
  label = organisations ? _("Search organisations to message") : _("Search people to message");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  organisations ? _("Organisations") : _("People"),
                                  -1);
  chosen_update (self);
  load_more (self);
}

static void
anju_recipient_picker_dispose (GObject *object)
{
  AnjuRecipientPicker *self = ANJU_RECIPIENT_PICKER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_RECIPIENT_PICKER);
  g_clear_object (&self->candidates);

  G_OBJECT_CLASS (anju_recipient_picker_parent_class)->dispose (object);
}

static void
anju_recipient_picker_finalize (GObject *object)
{
  AnjuRecipientPicker *self = ANJU_RECIPIENT_PICKER (object);

  g_clear_pointer (&self->chosen, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_recipient_picker_parent_class)->finalize (object);
}

static void
anju_recipient_picker_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AnjuRecipientPicker *self = ANJU_RECIPIENT_PICKER (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_recipient_picker_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AnjuRecipientPicker *self = ANJU_RECIPIENT_PICKER (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_recipient_picker_class_init (AnjuRecipientPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_recipient_picker_constructed;
  object_class->dispose = anju_recipient_picker_dispose;
  object_class->finalize = anju_recipient_picker_finalize;
  object_class->get_property = anju_recipient_picker_get_property;
  object_class->set_property = anju_recipient_picker_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      ANJU_RECIPIENT_ORGANISATIONS, ANJU_RECIPIENT_USERS, ANJU_RECIPIENT_ORGANISATIONS,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuRecipientPicker::changed:
   *
   * The choice changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-recipient-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuRecipientPicker, heading);
  gtk_widget_class_bind_template_child (widget_class, AnjuRecipientPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuRecipientPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuRecipientPicker, list_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuRecipientPicker, message_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuRecipientPicker, chosen_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
}

static void
anju_recipient_picker_init (AnjuRecipientPicker *self)
{
  self->cancellable = g_cancellable_new ();
  self->chosen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
anju_recipient_picker_new (AnjuApiClient     *client,
                           AnjuRecipientKind  kind)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_RECIPIENT_PICKER, "client", client, "kind", kind, NULL);
}

GArray *
anju_recipient_picker_get_chosen_ids (AnjuRecipientPicker *self)
{
  GArray *ids;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (ANJU_IS_RECIPIENT_PICKER (self), NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_hash_table_iter_init (&iter, self->chosen);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);

  return ids;
}

guint
anju_recipient_picker_get_n_chosen (AnjuRecipientPicker *self)
{
  g_return_val_if_fail (ANJU_IS_RECIPIENT_PICKER (self), 0);

  return g_hash_table_size (self->chosen);
}
