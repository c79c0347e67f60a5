/* anju-workflow-template-editor.c: a process template's fields and steps. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-desktop-private.h"
#include "anju-error-message.h"
#include "anju-field-error.h"
#include "anju-load-all.h"
#include "anju-paged-model.h"
#include "anju-record.h"
#include "anju-workflow-errors.h"
#include "anju-workflow-names.h"
#include "anju-workflow-step-form.h"
#include "anju-workflow-step-list.h"
#include "anju-workflow-template-editor.h"

enum {
  SLOT_NAME,
  SLOT_CODE,
  SLOT_DOMAIN,
  SLOT_DESCRIPTION,
  SLOT_ON_COMPLETE,
  SLOT_STEPS,
  N_SLOTS
};

/* The members the left side shows; the steps show their own. */
static const char * const template_members[] = {
  "name", "code", "domain", "description", "on_complete", "steps", NULL
};

struct _AnjuWorkflowTemplateEditor
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkButton            *save_button;
  GtkSpinner           *spinner;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkLabel             *version_note;
  GtkWidget            *conflict_box;
  GtkLabel             *conflict_label;
  GtkLabel             *error_label;
  AdwEntryRow          *name_row;
  GtkLabel             *name_error;
  AdwEntryRow          *code_row;
  GtkLabel             *code_error;
  AdwEntryRow          *domain_row;
  GtkLabel             *domain_error;
  AdwEntryRow          *description_row;
  GtkLabel             *description_error;
  AdwComboRow          *on_complete_row;
  GtkLabel             *on_complete_error;
  AdwPreferencesGroup  *steps_group;
  GtkLabel             *steps_error;
  GtkListBox           *step_list;
  AnjuWorkflowStepForm *step_form;

  /* Owned */
  AnjuApiClient        *client;           /* (owned) */
  gint64                template_id;      /* 0: a new template; else the version edited */
  AnjuRecord           *template;         /* (owned) (nullable) with its steps */
  AnjuWorkflowStepList *steps;            /* (owned) (nullable) until loaded */
  AnjuPagedModel       *roles;            /* (owned) */
  GListStore           *hooks;            /* (owned) of AnjuRecord */
  GPtrArray            *process_hooks;    /* (owned) char *, parallel to on_complete_row; "" none */
  GHashTable           *errors;           /* (owned) path → message */
  GCancellable         *cancellable;      /* (owned) the loads */
  GCancellable         *save_cancellable; /* (owned) (nullable) the save in flight */
  GError               *load_error;       /* (owned) (nullable) why the template did not load */
  char                 *load_warning;     /* (owned) (nullable) a pick list that did not load */
  guint                 n_loads_pending;

  AnjuFieldSlot         slots[N_SLOTS];
};

G_DEFINE_FINAL_TYPE (AnjuWorkflowTemplateEditor, anju_workflow_template_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_TEMPLATE_ID,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_creating (AnjuWorkflowTemplateEditor *self)
{
  return self->template_id == 0;
}

static int
selected_position (AnjuWorkflowTemplateEditor *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->step_list);

  return row != NULL ? gtk_list_box_row_get_index (row) : -1;
}

static guint
n_steps (AnjuWorkflowTemplateEditor *self)
{
  return self->steps != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->steps)) : 0;
}

static void
actions_update (AnjuWorkflowTemplateEditor *self)
{
  gboolean ready = self->steps != NULL && self->save_cancellable == NULL;
  int position = selected_position (self);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "editor.save", ready);
  gtk_widget_action_set_enabled (widget, "editor.add-step", ready && n_steps (self) < ANJU_WORKFLOW_STEPS_MAX);
  gtk_widget_action_set_enabled (widget, "editor.remove-step", ready && position >= 0);
  gtk_widget_action_set_enabled (widget, "editor.move-up", ready && position > 0);
  gtk_widget_action_set_enabled (widget, "editor.move-down", ready && position >= 0 && (guint) position + 1 < n_steps (self));
  gtk_widget_action_set_enabled (widget, "editor.load-newest", !is_creating (self) && self->save_cancellable == NULL);
}

static void
set_busy (AnjuWorkflowTemplateEditor *self,
          gboolean                    busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  actions_update (self);
}

/* Step rows */

static const char *
role_name (AnjuWorkflowTemplateEditor *self,
           const char                 *code)
{
  guint n_roles = g_list_model_get_n_items (G_LIST_MODEL (self->roles));

  for (guint i = 0; i < n_roles; i++)
    {
      g_autoptr(AnjuRecord) role = g_list_model_get_item (G_LIST_MODEL (self->roles), i);

      if (g_strcmp0 (anju_record_get_string (role, "code"), code) == 0)
        {
          const char *name = anju_record_get_string (role, "name");

          return name != NULL ? name : code;
        }
    }

  return code;
}

static void
update_step_row (AnjuWorkflowTemplateEditor *self,
                 GtkListBoxRow              *row)
{
  guint position = gtk_list_box_row_get_index (row);
  AnjuWorkflowStep *step = anju_workflow_step_list_get_step (self->steps, position);
  GtkWidget *warning = g_object_get_data (G_OBJECT (row), "anju-warning");
  g_autofree char *prefix = g_strdup_printf ("steps[%u]", position);
  const char *message = anju_workflow_errors_find (self->errors, prefix);
  const char *name = anju_workflow_step_get_name (step);
  const char *role = anju_workflow_step_get_role (step);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: a step in a list: %1$u its number, %2$s its name */
  title = g_strdup_printf (_("%1$u. %2$s"), position + 1, *name != '\0' ? name : _("(no name)"));
  /* Translators: who acts on a step: %1$s a role, %2$s a level ("街道") */
  subtitle = g_strdup_printf (_("%1$s · %2$s"),
                              *role != '\0' ? role_name (self, role) : _("no role chosen"),
                              anju_workflow_level_label (anju_workflow_step_get_level (step)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_visible (warning, message != NULL);
  gtk_widget_set_tooltip_text (warning, message);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
update_step_rows (AnjuWorkflowTemplateEditor *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->step_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child))
        update_step_row (self, GTK_LIST_BOX_ROW (child));
    }
}

static GtkWidget *
create_step_row (gpointer item,
                 gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  /* Step names are text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (warning, "error");
  gtk_widget_set_visible (warning, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (warning), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("This step has a problem"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), warning);
  g_object_set_data (G_OBJECT (row), "anju-warning", warning);

  return row;
}

/* Problems */

static void
show_errors (AnjuWorkflowTemplateEditor *self)
{
  g_auto(GStrv) unplaced = NULL;
  int first_step;
  int selected;

  for (guint i = 0; i < N_SLOTS; i++)
    anju_field_error_set (&self->slots[i], g_hash_table_lookup (self->errors, self->slots[i].field));

  update_step_rows (self);
  anju_workflow_step_form_show_errors (self->step_form, self->errors);

  unplaced = anju_workflow_errors_unplaced (self->errors, n_steps (self), template_members);
  if (unplaced[0] != NULL)
    {
      g_autofree char *text = g_strjoinv ("\n", unplaced);

      gtk_label_set_text (self->error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }

  /* Bring a step with a problem into view, unless the one shown has
   * one too. */
  first_step = anju_workflow_errors_first_step (self->errors);
  selected = selected_position (self);
  if (first_step >= 0 && (guint) first_step < n_steps (self))
    {
      g_autofree char *prefix = g_strdup_printf ("steps[%d]", selected);

      if (selected < 0 || anju_workflow_errors_find (self->errors, prefix) == NULL)
        gtk_list_box_select_row (self->step_list, gtk_list_box_get_row_at_index (self->step_list, first_step));
    }
}

static void
clear_errors (AnjuWorkflowTemplateEditor *self)
{
  g_hash_table_remove_all (self->errors);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  show_errors (self);
}

static void
show_message (AnjuWorkflowTemplateEditor *self,
              const char                 *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Shows why a request failed: a 422 at its fields, anything else above
 * the form. */
static void
show_failure (AnjuWorkflowTemplateEditor *self,
              const GError               *error)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_VALIDATION)
      && anju_api_client_get_last_error_fields (self->client) != NULL)
    {
      anju_workflow_errors_add_fields (self->errors, anju_api_client_get_last_error_fields (self->client));
      show_errors (self);
      if (g_hash_table_size (self->errors) > 0)
        return;
    }

  message = anju_error_message_for (error, anju_api_client_get_base_uri (self->client));
  show_message (self, message);
}

/* Filling the form */

static void
fill_on_complete (AnjuWorkflowTemplateEditor *self,
                  const char                 *current)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n_hooks = g_list_model_get_n_items (G_LIST_MODEL (self->hooks));
  guint selected = 0;

  g_ptr_array_set_size (self->process_hooks, 0);
  g_ptr_array_add (self->process_hooks, g_strdup (""));
  gtk_string_list_append (labels, C_("hook", "None"));

  for (guint i = 0; i < n_hooks; i++)
    {
      g_autoptr(AnjuRecord) hook = g_list_model_get_item (G_LIST_MODEL (self->hooks), i);
      const char *name = anju_record_get_string (hook, "name");
      const char *description = anju_record_get_string (hook, "description");

      if (name == NULL || g_strcmp0 (anju_record_get_string (hook, "kind"), "process") != 0)
        continue;

      if (g_strcmp0 (name, current) == 0)
        selected = self->process_hooks->len;
      g_ptr_array_add (self->process_hooks, g_strdup (name));
      if (description != NULL)
        {
          /* Translators: a hook: %1$s what it does, %2$s its name */
          g_autofree char *label = g_strdup_printf (_("%1$s (%2$s)"), description, name);

          gtk_string_list_append (labels, label);
        }
      else
        gtk_string_list_append (labels, name);
    }

  /* A hook the server no longer offers stays until changed; the server
   * judges it. */
  if (current != NULL && selected == 0)
    {
      selected = self->process_hooks->len;
      g_ptr_array_add (self->process_hooks, g_strdup (current));
      gtk_string_list_append (labels, current);
    }

  adw_combo_row_set_model (self->on_complete_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->on_complete_row, selected);
}

static void
fill_texts (AnjuWorkflowTemplateEditor *self)
{
  const char *members[] = { "name", "code", "domain", "description" };
  AdwEntryRow *rows[] = { self->name_row, self->code_row, self->domain_row, self->description_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const char *text = self->template != NULL ? anju_record_get_string (self->template, members[i]) : NULL;

      gtk_editable_set_text (GTK_EDITABLE (rows[i]), text != NULL ? text : "");
    }

  /* A version keeps its template's code and domain. */
  gtk_editable_set_editable (GTK_EDITABLE (self->code_row), is_creating (self));
  gtk_editable_set_editable (GTK_EDITABLE (self->domain_row), is_creating (self));
}

static void
fill_version_note (AnjuWorkflowTemplateEditor *self)
{
  g_autofree char *note = NULL;
  g_autofree char *title = NULL;
  gint64 version = self->template != NULL ? CLAMP (anju_record_get_int (self->template, "version", 1), 1, G_MAXINT - 1) : 1;

  if (is_creating (self))
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Process Template"));
      gtk_button_set_label (self->save_button, _("C_reate"));
      gtk_label_set_text (self->version_note,
                          _("Saving creates version 1 of the template. Processes that are running "
                            "always keep the version they started on."));
      return;
    }

  /* Translators: %1$s is a process template's name */
  title = g_strdup_printf (_("Edit “%1$s”"), anju_record_get_string (self->template, "name"));
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_button_set_label (self->save_button, _("_Save as New Version"));
  /* Translators: %1$d is the version edited, %2$d the one saving makes */
  note = g_strdup_printf (_("You are editing version %1$d. Saving creates version %2$d, which "
                            "processes started from then on use. Running instances keep the "
                            "version they started on."),
                          (int) version, (int) version + 1);
  gtk_label_set_text (self->version_note, note);
}

static void
fill_steps (AnjuWorkflowTemplateEditor *self)
{
  g_autoptr(AnjuWorkflowStepList) steps = NULL;
  g_autoptr(GError) error = NULL;

  if (self->template != NULL)
    {
      JsonObject *object = anju_record_get_object (self->template);

      steps = anju_workflow_step_list_new_from_json (json_object_get_member (object, "steps"), &error);
      if (steps == NULL)
        {
          g_autoptr(GError) malformed = g_error_new_literal (ANJU_ERROR, ANJU_ERROR_MALFORMED, error->message);

          self->load_error = g_steal_pointer (&malformed);
          return;
        }
    }
  else
    {
      /* A new process starts with one step to fill in. */
      steps = anju_workflow_step_list_new ();
      anju_workflow_step_list_add (steps, G_MAXUINT, "");
    }

  anju_workflow_step_form_set_step (self->step_form, NULL, 0);
  g_set_object (&self->steps, steps);
  gtk_list_box_bind_model (self->step_list, G_LIST_MODEL (self->steps), create_step_row, self, NULL);
  update_step_rows (self);
}

static void
fill (AnjuWorkflowTemplateEditor *self)
{
  /* Steps that do not read are as bad as a template that did not load. */
  if (self->load_error == NULL)
    fill_steps (self);

  if (self->load_error != NULL)
    {
      g_autofree char *message = anju_error_message_for (self->load_error,
                                                         anju_api_client_get_base_uri (self->client));

      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  anju_workflow_step_form_set_choices (self->step_form, G_LIST_MODEL (self->roles), G_LIST_MODEL (self->hooks));
  fill_texts (self);
  fill_on_complete (self, self->template != NULL ? anju_record_get_string (self->template, "on_complete") : NULL);
  fill_version_note (self);
  gtk_widget_set_visible (self->conflict_box, FALSE);
  g_hash_table_remove_all (self->errors);
  show_errors (self);
  show_message (self, self->load_warning);
  gtk_list_box_select_row (self->step_list, gtk_list_box_get_row_at_index (self->step_list, 0));

  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  actions_update (self);
}

/* Loading */

static void
load_done (AnjuWorkflowTemplateEditor *self)
{
  g_assert (self->n_loads_pending > 0);
  if (--self->n_loads_pending == 0)
    fill (self);
}

static void
note_load_warning (AnjuWorkflowTemplateEditor *self,
                   const char                 *what,
                   const GError               *error)
{
  g_autofree char *reason = anju_error_message_for (error, anju_api_client_get_base_uri (self->client));

  /* Without a pick list the editor offers fewer choices; the server
   * still judges what is saved. */
  g_free (self->load_warning);
  /* Translators: %1$s says what did not load, %2$s why */
  self->load_warning = g_strdup_printf (_("%1$s: %2$s"), what, reason != NULL ? reason : "");
}

static void
roles_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AnjuWorkflowTemplateEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!anju_load_all_finish (ANJU_PAGED_MODEL (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      note_load_warning (self, _("Could not load the roles"), error);
    }

  load_done (self);
}

static void
hooks_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AnjuWorkflowTemplateEditor) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *items;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  items = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer)
          ? anju_json_get_array (json_node_get_object (answer), "items") : NULL;
  if (answer == NULL)
    note_load_warning (self, _("Could not load the hooks"), error);

  g_list_store_remove_all (self->hooks);
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autoptr(AnjuRecord) hook = anju_record_new (json_node_get_object (node));

          g_list_store_append (self->hooks, hook);
        }
    }

  load_done (self);
}

static void
template_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AnjuWorkflowTemplateEditor) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->template);
  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    self->template = anju_record_new (json_node_get_object (answer));
  else if (answer != NULL)
    error = g_error_new_literal (ANJU_ERROR, ANJU_ERROR_MALFORMED, "the template is not an object");

  if (error != NULL)
    self->load_error = g_steal_pointer (&error);

  load_done (self);
}

static void
load (AnjuWorkflowTemplateEditor *self)
{
  g_autofree char *path = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_error (&self->load_error);
  g_clear_pointer (&self->load_warning, g_free);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  self->n_loads_pending = is_creating (self) ? 2 : 3;
  anju_paged_model_reset (self->roles);
  anju_load_all_async (self->roles, self->cancellable, roles_loaded_cb, g_object_ref (self));
  anju_api_client_request_async (self->client, "GET", "/api/v1/workflow/hooks", NULL,
                                 self->cancellable, hooks_loaded_cb, g_object_ref (self));
  if (!is_creating (self))
    {
      path = g_strdup_printf ("/api/v1/workflow/templates/%" G_GINT64_FORMAT, self->template_id);
      anju_api_client_request_async (self->client, "GET", path, NULL,
                                     self->cancellable, template_loaded_cb, g_object_ref (self));
    }
}

/* The newest version, after someone else saved one (409) */

static void
newest_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AnjuWorkflowTemplateEditor) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  const char *code = anju_record_get_string (self->template, "code");
  JsonArray *items;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (answer == NULL)
    {
      show_failure (self, error);
      return;
    }

  items = JSON_NODE_HOLDS_OBJECT (answer) ? anju_json_get_array (json_node_get_object (answer), "items") : NULL;
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (g_strcmp0 (anju_json_get_string (item, "code"), code) == 0)
        {
          self->template_id = anju_json_get_int (item, "id", 0);
          load (self);
          return;
        }
    }

  show_message (self, _("The template no longer exists; someone deleted it."));
}

static void
load_newest_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AnjuWorkflowTemplateEditor *self = ANJU_WORKFLOW_TEMPLATE_EDITOR (widget);
  const char *code = self->template != NULL ? anju_record_get_string (self->template, "code") : NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  if (code == NULL)
    return;

  /* The list holds current versions only: the one with this code is
   * the newest. */
  escaped = g_uri_escape_string (code, NULL, FALSE);
  path = g_strdup_printf ("/api/v1/workflow/templates?q=%s&page_size=%u", escaped, ANJU_LOAD_ALL_PAGE_SIZE);
  anju_api_client_request_async (self->client, "GET", path, NULL, self->cancellable,
                                 newest_found_cb, g_object_ref (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  load (ANJU_WORKFLOW_TEMPLATE_EDITOR (widget));
}

/* Saving */

static char *
stripped_text_of (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static const char *
selected_process_hook (AnjuWorkflowTemplateEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->on_complete_row);
  const char *name = selected < self->process_hooks->len ? g_ptr_array_index (self->process_hooks, selected) : "";

  return *name != '\0' ? name : NULL;
}

static void
add_nullable_string (JsonObject *object,
                     const char *member,
                     const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

/* {"steps","on_complete"}, what validate takes and every save sends. */
static JsonObject *
build_process (AnjuWorkflowTemplateEditor *self)
{
  JsonObject *object = json_object_new ();

  add_nullable_string (object, "on_complete", selected_process_hook (self));
  json_object_set_member (object, "steps", anju_workflow_step_list_to_json (self->steps));
  return object;
}

static JsonNode *
build_save_body (AnjuWorkflowTemplateEditor *self)
{
  JsonObject *object = build_process (self);
  g_autofree char *name = stripped_text_of (self->name_row);
  g_autofree char *description = stripped_text_of (self->description_row);

  json_object_set_string_member (object, "name", name);
  add_nullable_string (object, "description", description);
  if (is_creating (self))
    {
      g_autofree char *code = stripped_text_of (self->code_row);
      g_autofree char *domain = stripped_text_of (self->domain_row);

      json_object_set_string_member (object, "code", code);
      json_object_set_string_member (object, "domain", domain);
    }

  return object_node (object);
}

/* The obvious, before any request: every problem at once. */
static gboolean
check_input (AnjuWorkflowTemplateEditor *self)
{
  g_autofree char *name = stripped_text_of (self->name_row);
  g_autofree char *code = stripped_text_of (self->code_row);
  g_autofree char *domain = stripped_text_of (self->domain_row);

  if (*name == '\0')
    g_hash_table_insert (self->errors, g_strdup ("name"), g_strdup (_("Enter a name.")));
  if (is_creating (self) && *code == '\0')
    g_hash_table_insert (self->errors, g_strdup ("code"), g_strdup (_("Enter a code.")));
  if (is_creating (self) && *domain == '\0')
    g_hash_table_insert (self->errors, g_strdup ("domain"), g_strdup (_("Enter the business domain.")));
  anju_workflow_step_list_check (self->steps, self->errors);

  return g_hash_table_size (self->errors) == 0;
}

static void
end_save (AnjuWorkflowTemplateEditor *self)
{
  g_clear_object (&self->save_cancellable);
  set_busy (self, FALSE);
}

static void
show_conflict (AnjuWorkflowTemplateEditor *self,
               const GError               *error)
{
  g_autofree char *reason = anju_error_message_for (error, anju_api_client_get_base_uri (self->client));
  g_autofree char *text = NULL;

  /* Translators: %1$s is the server's reason ("someone saved a newer version") */
  text = g_strdup_printf (_("%1$s Loading the newest version discards your changes here."),
                          reason != NULL ? reason : "");
  gtk_label_set_text (self->conflict_label, text);
  gtk_widget_set_visible (self->conflict_box, TRUE);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AnjuWorkflowTemplateEditor) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(AnjuRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_save (self);

  if (answer == NULL)
    {
      /* A new version whose base is no longer current: someone saved. */
      if (!is_creating (self) && g_error_matches (error, ANJU_ERROR, ANJU_ERROR_CONFLICT))
        show_conflict (self, error);
      else if (is_creating (self) && g_error_matches (error, ANJU_ERROR, ANJU_ERROR_CONFLICT))
        {
          g_hash_table_insert (self->errors, g_strdup ("code"), g_strdup (error->message));
          show_errors (self);
        }
      else
        show_failure (self, error);
      return;
    }

  if (!JSON_NODE_HOLDS_OBJECT (answer))
    {
      show_message (self, _("The server sent an answer this program does not understand."));
      return;
    }

  record = anju_record_new (json_node_get_object (answer));
  g_signal_emit (self, signals[SAVED], 0, record);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save (AnjuWorkflowTemplateEditor *self)
{
  g_autoptr(JsonNode) body = build_save_body (self);
  g_autofree char *path = NULL;

  if (!is_creating (self))
    path = g_strdup_printf ("/api/v1/workflow/templates/%" G_GINT64_FORMAT "/versions", self->template_id);

  anju_api_client_request_async (self->client, "POST",
                                 path != NULL ? path : "/api/v1/workflow/templates",
                                 body, self->save_cancellable, saved_cb, g_object_ref (self));
}

static void
validated_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AnjuWorkflowTemplateEditor) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (answer == NULL)
    {
      end_save (self);
      show_failure (self, error);
      return;
    }

  save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuWorkflowTemplateEditor *self = ANJU_WORKFLOW_TEMPLATE_EDITOR (widget);
  g_autoptr(JsonNode) body = NULL;

  if (self->steps == NULL || self->save_cancellable != NULL)
    return;

  gtk_widget_set_visible (self->conflict_box, FALSE);
  clear_errors (self);
  if (!check_input (self))
    {
      show_errors (self);
      return;
    }

  /* The server's own checks (roles, hooks, …) before anything is saved. */
  body = object_node (build_process (self));
  self->save_cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  anju_api_client_request_async (self->client, "POST", "/api/v1/workflow/templates/validate", body,
                                 self->save_cancellable, validated_cb, g_object_ref (self));
}

/* The step list */

static void
select_step (AnjuWorkflowTemplateEditor *self,
             guint                       position,
             gboolean                    focus)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->step_list, position);

  if (row == NULL)
    return;

  gtk_list_box_select_row (self->step_list, row);
  if (focus)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Whether the keyboard focus is in the step list, which a change of
 * the list would take away. */
static gboolean
step_list_has_focus (AnjuWorkflowTemplateEditor *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->step_list));
}

/* Positions in error paths are stale once steps move. */
static void
steps_restructured (AnjuWorkflowTemplateEditor *self)
{
  g_hash_table_remove_all (self->errors);
  show_errors (self);
  actions_update (self);
}

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AnjuWorkflowTemplateEditor *self = ANJU_WORKFLOW_TEMPLATE_EDITOR (widget);
  int selected = selected_position (self);
  guint position;

  position = anju_workflow_step_list_add (self->steps, selected >= 0 ? (guint) selected : G_MAXUINT, "");
  if (position == G_MAXUINT)
    return;

  steps_restructured (self);
  select_step (self, position, FALSE);
  /* A new step is named first. */
  anju_workflow_step_form_focus_name (self->step_form);
}

static void
remove_step_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AnjuWorkflowTemplateEditor *self = ANJU_WORKFLOW_TEMPLATE_EDITOR (widget);
  int selected = selected_position (self);

  if (selected < 0)
    return;

  anju_workflow_step_form_set_step (self->step_form, NULL, 0);
  anju_workflow_step_list_remove (self->steps, selected);
  steps_restructured (self);
  if (n_steps (self) > 0)
    select_step (self, MIN ((guint) selected, n_steps (self) - 1), TRUE);
}

static void
move_step (AnjuWorkflowTemplateEditor *self,
           int                         delta)
{
  int selected = selected_position (self);
  gboolean focus = step_list_has_focus (self);

  if (selected < 0 || selected + delta < 0)
    return;

  anju_workflow_step_form_set_step (self->step_form, NULL, 0);
  if (!anju_workflow_step_list_move (self->steps, selected, selected + delta))
    return;

  steps_restructured (self);
  select_step (self, selected + delta, focus);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_step (ANJU_WORKFLOW_TEMPLATE_EDITOR (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_step (ANJU_WORKFLOW_TEMPLATE_EDITOR (widget), +1);
}

static void
step_selected_cb (AnjuWorkflowTemplateEditor *self,
                  GtkListBoxRow              *row)
{
  if (row != NULL)
    anju_workflow_step_form_set_step (self->step_form, self->steps, gtk_list_box_row_get_index (row));
  else
    anju_workflow_step_form_set_step (self->step_form, NULL, 0);
  actions_update (self);
}

static void
step_changed_cb (AnjuWorkflowTemplateEditor *self)
{
  update_step_rows (self);
}

/* GObject */

static void
anju_workflow_template_editor_constructed (GObject *object)
{
  AnjuWorkflowTemplateEditor *self = ANJU_WORKFLOW_TEMPLATE_EDITOR (object);

  G_OBJECT_CLASS (anju_workflow_template_editor_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->roles = anju_paged_model_new (self->client, "/api/v1/roles", ANJU_LOAD_ALL_PAGE_SIZE);
  gtk_window_set_title (GTK_WINDOW (self), is_creating (self) ? _("New Process Template")
                                                              : _("Edit Process Template"));
  actions_update (self);
  load (self);
}

static void
anju_workflow_template_editor_dispose (GObject *object)
{
  AnjuWorkflowTemplateEditor *self = ANJU_WORKFLOW_TEMPLATE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->save_cancellable);
  if (self->step_list != NULL)
    gtk_list_box_bind_model (self->step_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_WORKFLOW_TEMPLATE_EDITOR);
  g_clear_object (&self->steps);
  g_clear_object (&self->roles);

  G_OBJECT_CLASS (anju_workflow_template_editor_parent_class)->dispose (object);
}

static void
anju_workflow_template_editor_finalize (GObject *object)
{
  AnjuWorkflowTemplateEditor *self = ANJU_WORKFLOW_TEMPLATE_EDITOR (object);

  g_clear_object (&self->client);
  g_clear_object (&self->template);
  g_clear_object (&self->hooks);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->save_cancellable);
  g_clear_error (&self->load_error);
  g_free (self->load_warning);
  g_ptr_array_unref (self->process_hooks);
  g_hash_table_unref (self->errors);

  G_OBJECT_CLASS (anju_workflow_template_editor_parent_class)->finalize (object);
}

static void
anju_workflow_template_editor_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  AnjuWorkflowTemplateEditor *self = ANJU_WORKFLOW_TEMPLATE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_TEMPLATE_ID:
      g_value_set_int64 (value, self->template_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_workflow_template_editor_set_property (GObject      *object,
                                            guint         prop_id,
                                            const GValue *value,
                                            GParamSpec   *pspec)
{
  AnjuWorkflowTemplateEditor *self = ANJU_WORKFLOW_TEMPLATE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_TEMPLATE_ID:
      self->template_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_workflow_template_editor_class_init (AnjuWorkflowTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_workflow_template_editor_constructed;
  object_class->dispose = anju_workflow_template_editor_dispose;
  object_class->finalize = anju_workflow_template_editor_finalize;
  object_class->get_property = anju_workflow_template_editor_get_property;
  object_class->set_property = anju_workflow_template_editor_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEMPLATE_ID] =
    g_param_spec_int64 ("template-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuWorkflowTemplateEditor::saved:
   * @record: the Template the server saved (a new one, or a new version)
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ANJU_TYPE_RECORD);

  g_type_ensure (ANJU_TYPE_WORKFLOW_STEP_FORM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-workflow-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, version_note);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, conflict_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, name_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, code_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, code_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, domain_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, domain_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, description_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, on_complete_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, on_complete_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, steps_group);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, steps_error);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, step_list);
  gtk_widget_class_bind_template_child (widget_class, AnjuWorkflowTemplateEditor, step_form);
  gtk_widget_class_bind_template_callback (widget_class, step_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "editor.load-newest", NULL, load_newest_action);
  gtk_widget_class_install_action (widget_class, "editor.add-step", NULL, add_step_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-step", NULL, remove_step_action);
  gtk_widget_class_install_action (widget_class, "editor.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "editor.move-down", NULL, move_down_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "editor.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "editor.move-down", NULL);
}

static void
anju_workflow_template_editor_init (AnjuWorkflowTemplateEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->hooks = g_list_store_new (ANJU_TYPE_RECORD);
  self->process_hooks = g_ptr_array_new_with_free_func (g_free);
  self->errors = anju_workflow_errors_new ();

  self->slots[SLOT_NAME] = (AnjuFieldSlot) { "name", GTK_WIDGET (self->name_row), GTK_WIDGET (self->name_error) };
  self->slots[SLOT_CODE] = (AnjuFieldSlot) { "code", GTK_WIDGET (self->code_row), GTK_WIDGET (self->code_error) };
  self->slots[SLOT_DOMAIN] = (AnjuFieldSlot) { "domain", GTK_WIDGET (self->domain_row), GTK_WIDGET (self->domain_error) };
  self->slots[SLOT_DESCRIPTION] = (AnjuFieldSlot) { "description", GTK_WIDGET (self->description_row),
                                                    GTK_WIDGET (self->description_error) };
  self->slots[SLOT_ON_COMPLETE] = (AnjuFieldSlot) { "on_complete", GTK_WIDGET (self->on_complete_row),
                                                    GTK_WIDGET (self->on_complete_error) };
  self->slots[SLOT_STEPS] = (AnjuFieldSlot) { "steps", GTK_WIDGET (self->steps_group), GTK_WIDGET (self->steps_error) };
}

GtkWidget *
anju_workflow_template_editor_new (AnjuApiClient *client,
                                   gint64         template_id)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (template_id >= 0, NULL);

  return g_object_new (ANJU_TYPE_WORKFLOW_TEMPLATE_EDITOR,
                       "client", client,
                       "template-id", template_id,
                       NULL);
}

/* For the display tests (anju-desktop-private.h) */

gboolean
_anju_workflow_template_editor_is_ready (AnjuWorkflowTemplateEditor *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") == 0
         && self->save_cancellable == NULL;
}

AnjuWorkflowStepList *
_anju_workflow_template_editor_get_steps (AnjuWorkflowTemplateEditor *self)
{
  return self->steps;
}

GtkListBox *
_anju_workflow_template_editor_get_step_list (AnjuWorkflowTemplateEditor *self)
{
  return self->step_list;
}

AnjuWorkflowStepForm *
_anju_workflow_template_editor_get_step_form (AnjuWorkflowTemplateEditor *self)
{
  return self->step_form;
}

const char *
_anju_workflow_template_editor_get_message (AnjuWorkflowTemplateEditor *self)
{
  if (gtk_widget_get_visible (self->conflict_box))
    return gtk_label_get_text (self->conflict_label);
  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return gtk_label_get_text (self->error_label);
  return NULL;
}

gboolean
_anju_workflow_template_editor_step_has_problem (AnjuWorkflowTemplateEditor *self,
                                                 guint                       position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->step_list, position);
  GtkWidget *warning = row != NULL ? g_object_get_data (G_OBJECT (row), "anju-warning") : NULL;

  return warning != NULL && gtk_widget_get_visible (warning);
}
