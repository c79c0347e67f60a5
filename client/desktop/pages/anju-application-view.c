/* anju-application-view.c: one application, its review and its actions. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-application-editor.h"
#include "anju-application-materials.h"
#include "anju-applications-private.h"
#include "anju-display-time.h"
#include "anju-instance-dialog.h"
#include "anju-page-confirm.h"
#include "anju-page-feedback.h"
#include "anju-page-request.h"
#include "anju-pubrent-fields.h"
#include "anju-pubrent-names.h"
#include "anju-workflow-action-bar.h"
#include "anju-workflow-reason-dialog.h"

#define DOMAIN "pubrent.application"

struct _AnjuApplicationView
{
  AdwWindow              parent_instance;

  /* Template widgets */
  AdwWindowTitle        *window_title;
  AdwToastOverlay       *toast_overlay;
  GtkStack              *stack;
  AdwStatusPage         *error_page;
  GtkLabel              *number_label;
  GtkLabel              *stage_label;
  GtkLabel              *type_label;
  AdwPreferencesPage    *household_page;
  AdwPreferencesPage    *prereview_page;
  AdwPreferencesPage    *materials_page;
  AdwPreferencesPage    *progress_page;
  GtkWidget             *edit_button;
  GtkWidget             *submit_button;
  GtkWidget             *withdraw_button;
  GtkWidget             *abandon_button;
  GtkWidget             *delete_button;
  GtkBox                *workflow_box;

  /* Borrowed */
  AnjuWorkflowActionBar *action_bar;     /* in workflow_box */
  AnjuApplicationMaterials *materials;   /* in materials_page */
  GPtrArray             *household_groups;  /* (owned) the groups, not their refs */
  GPtrArray             *prereview_groups;
  GPtrArray             *progress_groups;

  /* Owned */
  AnjuApiClient         *client;         /* (owned) */
  AnjuRecord            *application;    /* (owned) (nullable) as last shown */
  JsonObject            *codes;          /* (owned) (nullable) */
  GCancellable          *cancellable;    /* (owned) (nullable) the load on its way */
  GCancellable          *codes_cancellable; /* (owned) */
  gint64                 application_id;
  gint64                 instance_id;    /* what the opener knew, then the process's */
  guint                  n_loads;        /* loads on their way */
};

G_DEFINE_FINAL_TYPE (AnjuApplicationView, anju_application_view, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_APPLICATION_ID,
  PROP_INSTANCE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (AnjuApplicationView *self,
       const char          *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  /* AdwToast titles are markup in libadwaita 1.2; messages are text. */
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
clear_groups (AdwPreferencesPage *page,
              GPtrArray          *groups)
{
  for (guint i = 0; i < groups->len; i++)
    adw_preferences_page_remove (page, g_ptr_array_index (groups, i));
  g_ptr_array_set_size (groups, 0);
}

static AdwPreferencesGroup *
add_group (AdwPreferencesPage *page,
           GPtrArray          *groups,
           const char         *title,
           const char         *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (groups, group);
  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
value_row (const char *title,
           const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL ? value : "—");
  gtk_widget_add_css_class (row, "property");
  return row;
}

/* The process's step, and where the decision stands. */
static void
update_header (AnjuApplicationView *self)
{
  AnjuRecord *application = self->application;
  const char *number = anju_record_get_string (application, "application_no");
  const char *status = anju_record_get_string (application, "status");
  const char *type = anju_record_get_string (application, "business_type");
  const char *step = anju_record_get_path_string (application, "process.step_name");
  g_autofree char *stage = NULL;

  if (step != NULL && g_strcmp0 (step, anju_pubrent_stage_label (status)) != 0)
    /* Translators: %1$s is an application's stage, %2$s the step of its review */
    stage = g_strdup_printf (_("%1$s · %2$s"), anju_pubrent_stage_label (status), step);
  else
    stage = g_strdup (anju_pubrent_stage_label (status));

  gtk_label_set_text (self->number_label, number != NULL ? number : "");
  gtk_label_set_text (self->stage_label, stage != NULL ? stage : "");
  gtk_label_set_text (self->type_label, type != NULL ? anju_pubrent_business_type_label (type) : "");
  adw_window_title_set_title (self->window_title, number != NULL ? number : _("Application"));
  adw_window_title_set_subtitle (self->window_title, anju_record_get_string (application, "applicant_name"));
}

static void
update_buttons (AnjuApplicationView *self)
{
  const char *status = self->application != NULL ? anju_record_get_string (self->application, "status") : NULL;
  gboolean can_create = anju_api_client_has_permission (self->client, ANJU_PERM_PUBRENT_APPLICATION_CREATE);
  gboolean can_review = anju_api_client_has_permission (self->client, ANJU_PERM_PUBRENT_APPLICATION_REVIEW);
  gboolean idle = self->n_loads == 0;

  gtk_widget_set_visible (self->edit_button, can_create && anju_pubrent_stage_can_edit (status));
  gtk_widget_set_visible (self->submit_button, can_create && anju_pubrent_stage_can_submit (status));
  gtk_widget_set_visible (self->withdraw_button, (can_create || can_review) && anju_pubrent_stage_can_withdraw (status));
  gtk_widget_set_visible (self->abandon_button, can_create && anju_pubrent_stage_can_abandon (status));
  gtk_widget_set_visible (self->delete_button, can_create && anju_pubrent_stage_can_delete (status));
  gtk_button_set_label (GTK_BUTTON (self->submit_button),
                        g_strcmp0 (status, "draft") == 0 ? _("_Submit") : _("_Resubmit"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.edit", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.submit", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.withdraw", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.abandon", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.delete", idle);
}

static void
show_field_group (AnjuApplicationView         *self,
                  AdwPreferencesGroup         *group,
                  const AnjuPubrentFieldGroup *fields,
                  JsonObject                  *object,
                  GtkWidget                   *expander)
{
  for (guint i = 0; i < fields->n_fields; i++)
    {
      const AnjuPubrentField *field = &fields->fields[i];
      g_autofree char *value = anju_pubrent_form_display (self->codes, field, object);
      GtkWidget *row;

      /* A member's unset fields would bury the few that are set. */
      if (expander != NULL && value == NULL)
        continue;
      row = value_row (_(field->label), value);
      if (expander != NULL)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
      else
        adw_preferences_group_add (group, row);
    }
}

static void
show_members (AnjuApplicationView *self)
{
  JsonArray *members = anju_record_get_member_array (self->application, "members");
  const AnjuPubrentFieldGroup *groups;
  AdwPreferencesGroup *group;
  guint n_groups;
  guint n_members = members != NULL ? json_array_get_length (members) : 0;
  g_autofree char *description = NULL;

  /* Translators: %1$u is a number of people */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u person", "%1$u people", n_members), n_members);
  group = add_group (self->household_page, self->household_groups, _("Household Members"), description);
  groups = anju_pubrent_member_groups (&n_groups);

  for (guint i = 0; i < n_members; i++)
    {
      JsonNode *node = json_array_get_element (members, i);
      JsonObject *member = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *name = anju_json_get_string (member, "name");
      const char *id_no = anju_json_get_string (member, "id_no");
      const char *relation = anju_pubrent_codes_name (self->codes, "relation", anju_json_get_string (member, "relation"));
      g_autofree char *subtitle = NULL;
      GtkWidget *expander = adw_expander_row_new ();

      if (i == 0)
        relation = C_("member", "Applicant");
      /* Translators: %1$s is a relation to the applicant, %2$s an ID number */
      subtitle = g_strdup_printf (_("%1$s · %2$s"), relation != NULL ? relation : "—", id_no != NULL ? id_no : "—");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), name != NULL ? name : "—");
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      for (guint g = 0; g < n_groups; g++)
        show_field_group (self, NULL, &groups[g], member, expander);
      adw_preferences_group_add (group, expander);
    }
}

static void
show_household (AnjuApplicationView *self)
{
  JsonObject *object = anju_record_get_object (self->application);
  const AnjuPubrentFieldGroup *groups;
  AdwPreferencesGroup *summary;
  g_autofree char *size = NULL;
  g_autofree char *submitted = anju_display_time (anju_record_get_string (self->application, "submitted_at"));
  guint n_groups;

  clear_groups (self->household_page, self->household_groups);

  summary = add_group (self->household_page, self->household_groups, _("Application"), NULL);
  adw_preferences_group_add (summary, value_row (_("Organisation"),
                                                 anju_record_get_path_string (self->application, "org.name")));
  adw_preferences_group_add (summary, value_row (_("Entered by"),
                                                 anju_record_get_path_string (self->application, "created_by.name")));
  adw_preferences_group_add (summary, value_row (_("Submitted"), submitted));
  size = g_strdup_printf ("%" G_GINT64_FORMAT, anju_record_get_int (self->application, "household_size", 0));
  adw_preferences_group_add (summary, value_row (_("Household size"), size));

  groups = anju_pubrent_household_groups (&n_groups);
  for (guint i = 0; i < n_groups; i++)
    show_field_group (self, add_group (self->household_page, self->household_groups, _(groups[i].title), NULL),
                      &groups[i], object, NULL);
  show_members (self);
}

static void
show_prereview (AnjuApplicationView *self)
{
  JsonObject *report = anju_record_get_member_object (self->application, "prereview");
  JsonArray *checks = anju_json_get_array (report, "checks");
  AdwPreferencesGroup *group;
  g_autofree char *at = anju_display_time (anju_json_get_string (report, "at"));
  g_autofree char *description = NULL;

  clear_groups (self->prereview_page, self->prereview_groups);

  if (report == NULL)
    {
      add_group (self->prereview_page, self->prereview_groups, _("Pre-review"),
                 _("The application is pre-reviewed when it is submitted."));
      return;
    }

  /* Translators: %1$s is "Passed" or "Failed", %2$s a date and time */
  description = g_strdup_printf (_("%1$s, %2$s"),
                                 anju_json_get_boolean (report, "passed", FALSE) ? _("Passed") : _("Failed"),
                                 at != NULL ? at : "—");
  group = add_group (self->prereview_page, self->prereview_groups, _("Pre-review"), description);

  for (guint i = 0; checks != NULL && i < json_array_get_length (checks); i++)
    {
      JsonNode *node = json_array_get_element (checks, i);
      JsonObject *check = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      gboolean passed = anju_json_get_boolean (check, "passed", FALSE);
      const char *name = anju_json_get_string (check, "name");
      const char *data = anju_json_get_string (check, "data");
      const char *reason = anju_json_get_string (check, "reason");
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (passed ? "emblem-ok-symbolic" : "dialog-error-symbolic");
      GtkWidget *result = gtk_label_new (passed ? _("Passed") : _("Failed"));

      subtitle = reason != NULL && *reason != '\0'
                 ? g_strdup_printf ("%s\n%s", data != NULL ? data : "", reason)
                 : g_strdup (data != NULL ? data : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     name != NULL ? name : anju_json_get_string (check, "rule"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      passed ? _("Passed") : _("Failed"), -1);
      gtk_widget_add_css_class (icon, passed ? "success" : "error");
      gtk_widget_add_css_class (result, passed ? "success" : "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), result);
      adw_preferences_group_add (group, row);
    }
}

static void
show_timeline (AnjuApplicationView *self,
               JsonObject          *timeline)
{
  JsonArray *nodes = anju_json_get_array (timeline, "nodes");
  AdwPreferencesGroup *group;

  clear_groups (self->progress_page, self->progress_groups);
  group = add_group (self->progress_page, self->progress_groups, _("Progress"), NULL);

  for (guint i = 0; nodes != NULL && i < json_array_get_length (nodes); i++)
    {
      JsonNode *node = json_array_get_element (nodes, i);
      JsonObject *step = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonObject *owner = anju_json_get_object (step, "owner");
      const char *state = anju_json_get_string (step, "state");
      const char *opinion = anju_json_get_string (step, "opinion");
      g_autofree char *at = anju_display_time (anju_json_get_string (step, "at"));
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (anju_pubrent_timeline_state_icon (state));
      GtkWidget *label = gtk_label_new (anju_pubrent_timeline_state_label (state));

      if (owner != NULL)
        {
          const char *org = anju_json_get_string (owner, "org");

          g_string_append (subtitle, anju_json_get_string (owner, "name") != NULL
                                     ? anju_json_get_string (owner, "name") : "");
          if (org != NULL)
            g_string_append_printf (subtitle, " (%s)", org);
        }
      if (at != NULL)
        g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", at);
      if (opinion != NULL && *opinion != '\0')
        g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? "\n" : "", opinion);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), anju_json_get_string (step, "name") != NULL
                                                                ? anju_json_get_string (step, "name") : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      anju_pubrent_timeline_state_label (state), -1);
      if (g_strcmp0 (state, "current") == 0)
        gtk_widget_add_css_class (label, "accent");
      else if (g_strcmp0 (state, "failed") == 0)
        gtk_widget_add_css_class (label, "error");
      else if (g_strcmp0 (state, "pending") == 0 || g_strcmp0 (state, "skipped") == 0)
        gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (group, row);
    }
}

static void
show_application (AnjuApplicationView *self,
                  AnjuRecord          *application)
{
  const char *status = anju_record_get_string (application, "status");

  g_set_object (&self->application, application);
  update_header (self);
  show_household (self);
  show_prereview (self);
  anju_application_materials_set_files (self->materials, self->application_id,
                                        anju_record_get_member_array (application, "files"),
                                        !anju_pubrent_stage_is_decided (status)
                                        && anju_api_client_has_permission (self->client,
                                                                           ANJU_PERM_PUBRENT_APPLICATION_CREATE));
  update_buttons (self);
  gtk_stack_set_visible_child_name (self->stack, "application");
}

static void load_done (AnjuApplicationView *self);

static void
instance_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AnjuApplicationView) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    {
      g_autoptr(AnjuRecord) instance = anju_record_new (json_node_get_object (answer));

      anju_workflow_action_bar_set_instance (self->action_bar, instance);
    }
  else
    {
      /* Someone who may read the application but not its process (a
       * colleague of the submitter) simply has no actions. */
      anju_workflow_action_bar_set_instance (self->action_bar, NULL);
    }
  load_done (self);
}

static void
timeline_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AnjuApplicationView) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    show_timeline (self, json_node_get_object (answer));
  else if (error != NULL)
    anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not load the progress"), error);
  load_done (self);
}

static void
load_done (AnjuApplicationView *self)
{
  g_assert (self->n_loads > 0);
  if (--self->n_loads == 0)
    g_clear_object (&self->cancellable);
  update_buttons (self);
}

/* The application has no page of its own on this server: show its
 * process, as the window did before record pages existed. */
static void
fall_back_to_instance (AnjuApplicationView *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  anju_instance_dialog_present (parent, self->client, self->instance_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
application_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AnjuApplicationView) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuRecord) application = NULL;
  g_autofree char *path = NULL;
  JsonObject *process;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (answer != NULL && !JSON_NODE_HOLDS_OBJECT (answer))
    error = g_error_new_literal (ANJU_ERROR, ANJU_ERROR_MALFORMED, _("The server’s answer is not an application"));
  if (error != NULL)
    {
      if (self->application == NULL && self->instance_id > 0
          && g_error_matches (error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND))
        {
          fall_back_to_instance (self);
          return;
        }
      if (self->application != NULL)
        anju_page_toast_error (GTK_WIDGET (self), self->client, _("Could not reload the application"), error);
      else
        anju_page_show_load_error (self->stack, self->error_page, self->client, error);
      load_done (self);
      return;
    }

  application = anju_record_new (json_node_get_object (answer));
  show_application (self, application);

  process = anju_record_get_member_object (application, "process");
  self->instance_id = anju_json_get_int (process, "instance_id", 0);
  if (self->instance_id > 0)
    {
      self->n_loads++;
      path = g_strdup_printf ("/api/v1/workflow/instances/%" G_GINT64_FORMAT, self->instance_id);
      anju_api_client_request_async (self->client, "GET", path, NULL, self->cancellable,
                                     instance_loaded_cb, g_object_ref (self));
      g_clear_pointer (&path, g_free);
    }
  else
    anju_workflow_action_bar_set_instance (self->action_bar, NULL);

  self->n_loads++;
  path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT "/timeline", self->application_id);
  anju_api_client_request_async (self->client, "GET", path, NULL, self->cancellable,
                                 timeline_loaded_cb, g_object_ref (self));
  load_done (self);
}

static void
codes_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AnjuApplicationView) self = user_data;
  g_autoptr(JsonNode) answer = NULL;

  /* Without the dictionary codes show as they are: nothing to report. */
  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, NULL);
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    return;

  self->codes = json_object_ref (json_node_get_object (answer));
  if (self->application != NULL)
    show_household (self);
}

/* The main window's lists follow what changed here. */
static void
tell_window (AnjuApplicationView *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.record-changed", "(sxx)",
                                DOMAIN, self->application_id, self->instance_id);
}

static void
request_done_cb (GtkWidget *widget,
                 JsonNode  *answer)
{
  AnjuApplicationView *self = ANJU_APPLICATION_VIEW (widget);

  tell_window (self);
  anju_application_view_reload (self);
}

static void
application_request (AnjuApplicationView *self,
                     const char          *verb,
                     JsonNode            *body,
                     const char          *success,
                     const char          *failure)
{
  g_autofree char *path = NULL;

  path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT "%s%s",
                          self->application_id, verb != NULL ? "/" : "", verb != NULL ? verb : "");
  anju_page_request (GTK_WIDGET (self), self->client, "POST", path, body, self->codes_cancellable,
                     success, failure, request_done_cb);
}

static JsonNode *
reason_body (const char *reason)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "reason", reason);
  json_node_take_object (node, object);
  return node;
}

static void
editor_saved_cb (AnjuApplicationView *self,
                 AnjuRecord          *application)
{
  toast (self, _("Saved the application"));
  tell_window (self);
  anju_application_view_reload (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuApplicationView *self = ANJU_APPLICATION_VIEW (widget);
  GtkWidget *editor = anju_application_editor_new (self->client, self->application_id);

  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  application_request (ANJU_APPLICATION_VIEW (widget), "submit", NULL, _("Submitted the application"),
                       _("Could not submit the application; edit it to see the fields at fault"));
}

static void
withdraw_given_cb (GtkWidget  *page,
                   AnjuRecord *record,
                   const char *reason)
{
  g_autoptr(JsonNode) body = reason_body (reason);

  application_request (ANJU_APPLICATION_VIEW (page), "withdraw", body, _("Withdrew the application"),
                       _("Could not withdraw the application"));
}

static void
withdraw_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AnjuApplicationView *self = ANJU_APPLICATION_VIEW (widget);
  g_autofree char *heading = NULL;

  if (self->application == NULL)
    return;
  /* Translators: %1$s is an application number */
  heading = g_strdup_printf (_("Withdraw %1$s?"), anju_record_get_string (self->application, "application_no"));
  anju_workflow_reason_ask (widget, self->application, heading,
                            _("The application ends here and its review stops. "
                              "The household can apply again later."),
                            _("_Withdraw"), TRUE, withdraw_given_cb);
}

static void
abandon_given_cb (GtkWidget  *page,
                  AnjuRecord *record,
                  const char *reason)
{
  g_autoptr(JsonNode) body = reason_body (reason);

  application_request (ANJU_APPLICATION_VIEW (page), "abandon", body, _("Closed the application"),
                       _("Could not close the application"));
}

static void
abandon_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AnjuApplicationView *self = ANJU_APPLICATION_VIEW (widget);
  g_autofree char *heading = NULL;

  if (self->application == NULL)
    return;
  /* Translators: %1$s is an application number */
  heading = g_strdup_printf (_("Abandon %1$s?"), anju_record_get_string (self->application, "application_no"));
  anju_workflow_reason_ask (widget, self->application, heading,
                            _("The application is closed and cannot be submitted again."),
                            _("A_bandon"), TRUE, abandon_given_cb);
}

static void
deleted_cb (GtkWidget *widget,
            JsonNode  *answer)
{
  AnjuApplicationView *self = ANJU_APPLICATION_VIEW (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", _("Deleted the draft"));
  tell_window (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_confirmed_cb (GtkWidget  *page,
                     AnjuRecord *record)
{
  AnjuApplicationView *self = ANJU_APPLICATION_VIEW (page);
  g_autofree char *path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT, self->application_id);

  anju_page_request (page, self->client, "DELETE", path, NULL, self->codes_cancellable,
                     NULL, _("Could not delete the draft"), deleted_cb);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuApplicationView *self = ANJU_APPLICATION_VIEW (widget);
  g_autofree char *heading = NULL;

  if (self->application == NULL)
    return;
  /* Translators: %1$s is an application number */
  heading = g_strdup_printf (_("Delete draft %1$s?"), anju_record_get_string (self->application, "application_no"));
  anju_page_confirm (widget, self->application, heading, _("The draft and what was entered in it are gone."),
                     "delete", _("_Delete"), delete_confirmed_cb);
}

static void
bar_acted_cb (AnjuApplicationView *self,
              AnjuRecord          *instance,
              const char          *message)
{
  toast (self, message);
  /* The process's hooks moved the application's stage: read it anew. */
  anju_application_view_reload (self);
}

static void
bar_failed_cb (AnjuApplicationView *self,
               const char          *message)
{
  toast (self, message);
  anju_application_view_reload (self);
}

static void
materials_changed_cb (AnjuApplicationView *self)
{
  anju_application_view_reload (self);
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  toast (ANJU_APPLICATION_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_application_view_reload (ANJU_APPLICATION_VIEW (widget));
}

static void
anju_application_view_constructed (GObject *object)
{
  AnjuApplicationView *self = ANJU_APPLICATION_VIEW (object);

  G_OBJECT_CLASS (anju_application_view_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->action_bar = ANJU_WORKFLOW_ACTION_BAR (anju_workflow_action_bar_new (self->client));
  gtk_box_append (self->workflow_box, GTK_WIDGET (self->action_bar));
  g_signal_connect_object (self->action_bar, "acted", G_CALLBACK (bar_acted_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->action_bar, "failed", G_CALLBACK (bar_failed_cb), self, G_CONNECT_SWAPPED);

  self->materials = ANJU_APPLICATION_MATERIALS (anju_application_materials_new (self->client));
  adw_preferences_page_add (self->materials_page, ADW_PREFERENCES_GROUP (self->materials));
  g_signal_connect_object (self->materials, "changed", G_CALLBACK (materials_changed_cb), self, G_CONNECT_SWAPPED);

  anju_api_client_request_async (self->client, "GET", "/api/v1/pubrent/codes", NULL, self->codes_cancellable,
                                 codes_loaded_cb, g_object_ref (self));
  anju_application_view_reload (self);
}

static void
anju_application_view_dispose (GObject *object)
{
  AnjuApplicationView *self = ANJU_APPLICATION_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->codes_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_APPLICATION_VIEW);
  self->action_bar = NULL;
  self->materials = NULL;
  g_clear_object (&self->cancellable);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (anju_application_view_parent_class)->dispose (object);
}

static void
anju_application_view_finalize (GObject *object)
{
  AnjuApplicationView *self = ANJU_APPLICATION_VIEW (object);

  g_clear_object (&self->client);
  g_clear_object (&self->codes_cancellable);
  g_clear_pointer (&self->codes, json_object_unref);
  g_clear_pointer (&self->household_groups, g_ptr_array_unref);
  g_clear_pointer (&self->prereview_groups, g_ptr_array_unref);
  g_clear_pointer (&self->progress_groups, g_ptr_array_unref);

  G_OBJECT_CLASS (anju_application_view_parent_class)->finalize (object);
}

static void
anju_application_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AnjuApplicationView *self = ANJU_APPLICATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_APPLICATION_ID:
      g_value_set_int64 (value, self->application_id);
      break;

    case PROP_INSTANCE_ID:
      g_value_set_int64 (value, self->instance_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_application_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AnjuApplicationView *self = ANJU_APPLICATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_APPLICATION_ID:
      self->application_id = g_value_get_int64 (value);
      break;

    case PROP_INSTANCE_ID:
      self->instance_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_application_view_class_init (AnjuApplicationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_application_view_constructed;
  object_class->dispose = anju_application_view_dispose;
  object_class->finalize = anju_application_view_finalize;
  object_class->get_property = anju_application_view_get_property;
  object_class->set_property = anju_application_view_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_APPLICATION_ID] =
    g_param_spec_int64 ("application-id", NULL, NULL,
                        1, G_MAXINT64, 1,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_INSTANCE_ID] =
    g_param_spec_int64 ("instance-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-application-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationView, window_title);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationView, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationView, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationView, number_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationView, stage_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationView, type_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationView, household_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationView, prereview_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationView, materials_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationView, progress_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationView, edit_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationView, submit_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationView, withdraw_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationView, abandon_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationView, delete_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationView, workflow_box);

  gtk_widget_class_install_action (widget_class, "view.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "view.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "view.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "view.withdraw", NULL, withdraw_action);
  gtk_widget_class_install_action (widget_class, "view.abandon", NULL, abandon_action);
  gtk_widget_class_install_action (widget_class, "view.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "view.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "view.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
anju_application_view_init (AnjuApplicationView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->codes_cancellable = g_cancellable_new ();
  self->household_groups = g_ptr_array_new ();
  self->prereview_groups = g_ptr_array_new ();
  self->progress_groups = g_ptr_array_new ();
}

GtkWidget *
anju_application_view_new (AnjuApiClient *client,
                           gint64         application_id,
                           gint64         instance_id)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (application_id > 0, NULL);

  return g_object_new (ANJU_TYPE_APPLICATION_VIEW,
                       "client", client,
                       "application-id", application_id,
                       "instance-id", MAX (instance_id, 0),
                       NULL);
}

static AnjuApplicationView *
find_open_view (AnjuApiClient *client,
                gint64         application_id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ANJU_IS_APPLICATION_VIEW (window)
          && ANJU_APPLICATION_VIEW (window)->client == client
          && ANJU_APPLICATION_VIEW (window)->application_id == application_id)
        return ANJU_APPLICATION_VIEW (window);
    }

  return NULL;
}

GtkWidget *
anju_application_view_present (GtkWindow     *parent,
                               AnjuApiClient *client,
                               gint64         application_id,
                               gint64         instance_id)
{
  AnjuApplicationView *view;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (application_id > 0, NULL);

  view = find_open_view (client, application_id);
  if (view != NULL)
    anju_application_view_reload (view);
  else
    {
      view = ANJU_APPLICATION_VIEW (anju_application_view_new (client, application_id, instance_id));
      gtk_window_set_transient_for (GTK_WINDOW (view), parent);
    }

  gtk_window_present (GTK_WINDOW (view));
  return GTK_WIDGET (view);
}

void
anju_application_view_reload (AnjuApplicationView *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (ANJU_IS_APPLICATION_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->n_loads = 1;
  update_buttons (self);

  if (self->application == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT, self->application_id);
  anju_api_client_request_async (self->client, "GET", path, NULL, self->cancellable,
                                 application_loaded_cb, g_object_ref (self));
}

/* Private API for tests (anju-applications-private.h) */

AnjuRecord *
_anju_application_view_get_application (AnjuApplicationView *self)
{
  return self->application;
}

gboolean
_anju_application_view_is_loading (AnjuApplicationView *self)
{
  return self->n_loads > 0;
}

AnjuWorkflowActionBar *
_anju_application_view_get_action_bar (AnjuApplicationView *self)
{
  return self->action_bar;
}
