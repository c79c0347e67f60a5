/* anju-application-editor.c: a public rental application, entered or changed. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-application-editor.h"
#include "anju-applications-private.h"
#include "anju-error-message.h"
#include "anju-page-feedback.h"
#include "anju-pubrent-fields.h"
#include "anju-pubrent-member-dialog.h"
#include "anju-pubrent-names.h"

struct _AnjuApplicationEditor
{
  AdwWindow         parent_instance;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkRevealer      *banner;
  GtkLabel         *banner_label;
  GtkStack         *stack;
  AdwStatusPage    *error_page;
  GtkBox           *type_box;
  AdwPreferencesPage *form_page;
  GtkSpinner       *spinner;

  /* Borrowed: made with the form */
  GtkListBox       *members_list;
  AdwActionRow     *size_row;

  /* Owned */
  AnjuApiClient    *client;        /* (owned) */
  GCancellable     *cancellable;   /* (owned) */
  JsonObject       *codes;         /* (owned) (nullable) */
  JsonObject       *application;   /* (owned) (nullable) as the server last answered */
  AnjuPubrentForm  *form;          /* (owned) (nullable) until a type is chosen */
  GPtrArray        *members;       /* (owned) JsonObject, the applicant first */
  GPtrArray        *member_errors; /* (owned) char* (nullable), parallel to members */
  JsonObject       *error_fields;  /* (owned) (nullable) the last 422's fields */
  char             *business_type; /* (owned) (nullable) */
  gint64            application_id;
  gboolean          loading;
  gboolean          busy;
};

G_DEFINE_FINAL_TYPE (AnjuApplicationEditor, anju_application_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_APPLICATION_ID,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void refresh_members (AnjuApplicationEditor *self);

static void
update_actions (AnjuApplicationEditor *self)
{
  gboolean ready = !self->loading && !self->busy && self->form != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.submit", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-member", ready);
  gtk_spinner_set_spinning (self->spinner, self->busy || self->loading);
}

static void
show_banner (AnjuApplicationEditor *self,
             const char            *message)
{
  gtk_label_set_text (self->banner_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->banner, message != NULL);
}

static const char *
user_org_kind (AnjuApplicationEditor *self)
{
  JsonObject *user = anju_api_client_get_user (self->client);

  return anju_json_get_string (anju_json_get_object (user, "organisation"), "kind");
}

static void
update_title (AnjuApplicationEditor *self)
{
  const char *number = anju_json_get_string (self->application, "application_no");

  adw_window_title_set_title (self->window_title, number != NULL ? number : _("New Application"));
  adw_window_title_set_subtitle (self->window_title,
                                 self->business_type != NULL
                                 ? anju_pubrent_business_type_label (self->business_type) : "");
}

/* The applicant is the first member: a row for them always exists. */
static JsonObject *
applicant_member (AnjuApplicationEditor *self)
{
  if (self->members->len == 0)
    {
      JsonObject *member = json_object_new ();

      json_object_set_string_member (member, "relation", "self");
      json_object_set_string_member (member, "id_doc_type", "resident_id");
      g_ptr_array_add (self->members, member);
      g_ptr_array_add (self->member_errors, NULL);
    }
  return g_ptr_array_index (self->members, 0);
}

static void
set_or_remove (JsonObject *object,
               const char *member,
               const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else if (json_object_has_member (object, member))
    json_object_remove_member (object, member);
}

/* The applicant's name, number and phone are also the first member's. */
static void
applicant_changed_cb (AnjuApplicationEditor *self)
{
  JsonObject *member = applicant_member (self);
  g_autofree char *name = anju_pubrent_form_get_text (self->form, "applicant_name");
  g_autofree char *id_no = anju_pubrent_form_get_text (self->form, "id_no");
  g_autofree char *phone = anju_pubrent_form_get_text (self->form, "phone");
  g_autofree char *doc_type = anju_pubrent_form_get_text (self->form, "id_doc_type");
  g_autofree char *birth_date = NULL;
  AnjuSex sex = ANJU_SEX_UNKNOWN;

  json_object_set_string_member (member, "relation", "self");
  set_or_remove (member, "name", name);
  set_or_remove (member, "id_no", id_no);
  set_or_remove (member, "phone", phone);
  if (doc_type != NULL)
    json_object_set_string_member (member, "id_doc_type", doc_type);

  if (anju_pubrent_facts_from_id (id_no, &birth_date, &sex))
    {
      JsonNode *set = self->codes != NULL ? json_object_get_member (self->codes, "gender") : NULL;
      const char *gender = anju_pubrent_gender_code (set != NULL && JSON_NODE_HOLDS_ARRAY (set)
                                                     ? json_node_get_array (set) : NULL, sex);

      json_object_set_string_member (member, "birth_date", birth_date);
      if (gender != NULL)
        json_object_set_string_member (member, "gender", gender);
    }

  refresh_members (self);
}

static void
member_done_cb (AnjuPubrentMemberDialog *dialog,
                JsonObject              *member,
                AnjuApplicationEditor   *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "anju-member-index"));

  if (index < self->members->len)
    {
      json_object_unref (g_ptr_array_index (self->members, index));
      g_ptr_array_index (self->members, index) = json_object_ref (member);
    }
  else
    {
      g_ptr_array_add (self->members, json_object_ref (member));
      g_ptr_array_add (self->member_errors, NULL);
    }

  /* The member changed: the server's old message about it may be stale. */
  if (index < self->member_errors->len)
    g_clear_pointer (&g_ptr_array_index (self->member_errors, index), g_free);
  refresh_members (self);
}

static AnjuPubrentMemberDialog *
present_member_dialog (AnjuApplicationEditor *self,
                       guint                  index)
{
  JsonObject *member = index < self->members->len ? g_ptr_array_index (self->members, index) : NULL;
  GtkWidget *dialog = anju_pubrent_member_dialog_new (self->codes, member, index == 0);

  if (self->error_fields != NULL)
    {
      g_autofree char *prefix = g_strdup_printf ("members[%u].", index);

      anju_pubrent_member_dialog_show_errors (ANJU_PUBRENT_MEMBER_DIALOG (dialog), self->error_fields, prefix);
    }
  g_object_set_data (G_OBJECT (dialog), "anju-member-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (dialog, "done", G_CALLBACK (member_done_cb), self, 0);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
  return ANJU_PUBRENT_MEMBER_DIALOG (dialog);
}

static void
edit_member_clicked_cb (GtkButton             *button,
                        AnjuApplicationEditor *self)
{
  present_member_dialog (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "anju-member-index")));
}

static void
remove_member_clicked_cb (GtkButton             *button,
                          AnjuApplicationEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "anju-member-index"));

  if (index == 0 || index >= self->members->len)
    return;
  g_ptr_array_remove_index (self->members, index);
  g_ptr_array_remove_index (self->member_errors, index);
  refresh_members (self);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
member_row (AnjuApplicationEditor *self,
            guint                  index)
{
  JsonObject *member = g_ptr_array_index (self->members, index);
  const char *error = g_ptr_array_index (self->member_errors, index);
  const char *name = anju_json_get_string (member, "name");
  const char *relation = anju_json_get_string (member, "relation");
  const char *relation_name = anju_pubrent_codes_name (self->codes, "relation", relation);
  const char *id_no = anju_json_get_string (member, "id_no");
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : _("(no name yet)"));
  if (index == 0)
    relation_name = C_("member", "Applicant");
  /* Translators: %1$s is a relation to the applicant, %2$s an ID number */
  subtitle = g_strdup_printf (_("%1$s · %2$s"), relation_name != NULL ? relation_name : (relation != NULL ? relation : "—"),
                              id_no != NULL ? id_no : "—");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (error != NULL)
    {
      GtkWidget *label = gtk_label_new (error);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_widget_add_css_class (label, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error, -1);
    }

  edit = icon_button ("document-edit-symbolic", _("Edit member"));
  g_object_set_data (G_OBJECT (edit), "anju-member-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (edit, "clicked", G_CALLBACK (edit_member_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);

  if (index > 0)
    {
      GtkWidget *remove = icon_button ("user-trash-symbolic", _("Remove member"));

      g_object_set_data (G_OBJECT (remove), "anju-member-index", GUINT_TO_POINTER (index));
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_member_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }

  return row;
}

static void
refresh_members (AnjuApplicationEditor *self)
{
  GtkWidget *child;
  g_autofree char *size = NULL;

  if (self->members_list == NULL)
    return;

  applicant_member (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->members_list))) != NULL)
    gtk_list_box_remove (self->members_list, child);
  for (guint i = 0; i < self->members->len; i++)
    gtk_list_box_append (self->members_list, member_row (self, i));

  size = g_strdup_printf ("%u", self->members->len);
  adw_action_row_set_subtitle (self->size_row, size);
}

static void
take_members (AnjuApplicationEditor *self,
              JsonArray             *members)
{
  g_ptr_array_set_size (self->members, 0);
  g_ptr_array_set_size (self->member_errors, 0);
  for (guint i = 0; members != NULL && i < json_array_get_length (members); i++)
    {
      JsonNode *node = json_array_get_element (members, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      g_ptr_array_add (self->members, json_object_ref (json_node_get_object (node)));
      g_ptr_array_add (self->member_errors, NULL);
    }
}

static GtkWidget *
build_members_group (AnjuApplicationEditor *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Member…"));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *size_list = gtk_list_box_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Household Members"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The applicant is the first member. The household size is the number of members."));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "editor.add-member");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (size_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (size_list, "boxed-list");
  self->size_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->size_row), _("Household size"));
  gtk_list_box_append (GTK_LIST_BOX (size_list), GTK_WIDGET (self->size_row));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Household members"), -1);
  self->members_list = GTK_LIST_BOX (list);

  gtk_box_append (GTK_BOX (box), size_list);
  gtk_box_append (GTK_BOX (box), list);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  return group;
}

static void
build_form (AnjuApplicationEditor *self)
{
  const char * const applicant_fields[] = { "applicant_name", "id_no", "phone", "id_doc_type" };
  const AnjuPubrentFieldGroup *groups;
  guint n_groups;
  GtkWidget *employer;

  if (self->form != NULL)
    return;

  self->form = anju_pubrent_form_new (self->codes);
  groups = anju_pubrent_household_groups (&n_groups);
  for (guint i = 0; i < n_groups; i++)
    adw_preferences_page_add (self->form_page,
                              ADW_PREFERENCES_GROUP (anju_pubrent_form_add_group (self->form, groups[i].title,
                                                                                  groups[i].fields,
                                                                                  groups[i].n_fields)));
  adw_preferences_page_add (self->form_page, ADW_PREFERENCES_GROUP (build_members_group (self)));

  /* Only directed applications name the employer. */
  employer = anju_pubrent_form_get_row (self->form, "employer_name");
  gtk_widget_set_visible (employer, anju_pubrent_business_type_is_directed (self->business_type));

  anju_pubrent_form_set_values (self->form, self->application);
  if (self->application == NULL)
    anju_pubrent_form_set_text (self->form, "id_doc_type", "resident_id");

  for (guint i = 0; i < G_N_ELEMENTS (applicant_fields); i++)
    {
      GtkWidget *row = anju_pubrent_form_get_row (self->form, applicant_fields[i]);

      g_signal_connect_object (row, ADW_IS_COMBO_ROW (row) ? "notify::selected" : "changed",
                               G_CALLBACK (applicant_changed_cb), self, G_CONNECT_SWAPPED);
    }
  applicant_changed_cb (self);
}

static void
choose_type (AnjuApplicationEditor *self,
             const char            *business_type)
{
  g_free (self->business_type);
  self->business_type = g_strdup (business_type);
  build_form (self);
  update_title (self);
  gtk_stack_set_visible_child_name (self->stack, "form");
  update_actions (self);
  gtk_widget_grab_focus (anju_pubrent_form_get_row (self->form, "applicant_name"));
}

static void
type_clicked_cb (GtkButton             *button,
                 AnjuApplicationEditor *self)
{
  choose_type (self, g_object_get_data (G_OBJECT (button), "anju-business-type"));
}

static GtkWidget *
type_button (const char *business_type)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (anju_pubrent_business_type_label (business_type));
  GtkWidget *summary = gtk_label_new (anju_pubrent_business_type_summary (business_type));

  gtk_widget_add_css_class (title, "title-3");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), summary);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, anju_pubrent_business_type_label (business_type),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, anju_pubrent_business_type_summary (business_type),
                                  -1);
  g_object_set_data (G_OBJECT (button), "anju-business-type", (gpointer) business_type);
  return button;
}

static void
show_type_choice (AnjuApplicationEditor *self)
{
  const char * const *types = anju_pubrent_business_types ();
  const char *kind = user_org_kind (self);
  GtkWidget *first = NULL;

  for (guint i = 0; types[i] != NULL; i++)
    {
      GtkWidget *button;

      if (!anju_pubrent_business_type_allowed (types[i], kind))
        continue;
      button = type_button (types[i]);
      g_signal_connect_object (button, "clicked", G_CALLBACK (type_clicked_cb), self, 0);
      gtk_box_append (self->type_box, button);
      if (first == NULL)
        first = button;
    }

  if (first == NULL)
    {
      adw_status_page_set_title (self->error_page, _("Your Organisation Cannot Enter Applications"));
      adw_status_page_set_description (self->error_page,
                                       _("Streets and communities enter applications of households; "
                                         "employers enter directed applications of their employees."));
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "type");
  gtk_widget_grab_focus (first);
}

static void
show_load_error (AnjuApplicationEditor *self,
                 const GError          *error)
{
  anju_page_show_load_error (self->stack, self->error_page, self->client, error);
}

static void
application_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AnjuApplicationEditor) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  update_actions (self);
  if (answer != NULL && !JSON_NODE_HOLDS_OBJECT (answer))
    error = g_error_new_literal (ANJU_ERROR, ANJU_ERROR_MALFORMED, _("The server’s answer is not an application"));
  if (error != NULL)
    {
      show_load_error (self, error);
      return;
    }

  self->application = json_object_ref (json_node_get_object (answer));
  take_members (self, anju_json_get_array (self->application, "members"));
  choose_type (self, anju_json_get_string (self->application, "business_type"));
}

static void
codes_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AnjuApplicationEditor) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    self->codes = json_object_ref (json_node_get_object (answer));
  else
    {
      g_autofree char *reason = error != NULL ? anju_error_message_for (error, NULL) : NULL;
      g_autofree char *message = NULL;

      /* Without the dictionary coded fields take the code itself. */
      /* Translators: %1$s says why */
      message = g_strdup_printf (_("Could not load the code lists, enter codes by hand: %1$s"),
                                 reason != NULL ? reason : _("the answer is not a dictionary"));
      show_banner (self, message);
    }

  if (self->application_id > 0)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT,
                                               self->application_id);

      anju_api_client_request_async (self->client, "GET", path, NULL, self->cancellable,
                                     application_loaded_cb, g_object_ref (self));
      return;
    }

  self->loading = FALSE;
  update_actions (self);
  show_type_choice (self);
}

/* A member as the API takes it: no null members (a new list replaces
 * the old one), no id. */
static JsonNode *
member_body (JsonObject *member)
{
  g_autoptr(GList) names = json_object_get_members (member);
  JsonObject *body = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (member, l->data);

      if (g_str_equal (l->data, "id") || JSON_NODE_HOLDS_NULL (value))
        continue;
      json_object_set_member (body, l->data, json_node_copy (value));
    }
  json_node_take_object (node, body);
  return node;
}

static JsonNode *
build_body (AnjuApplicationEditor *self)
{
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(GList) names = NULL;
  JsonObject *body = json_object_new ();
  JsonNode *root = json_node_new (JSON_NODE_OBJECT);
  JsonArray *members = json_array_new ();

  anju_pubrent_form_get_values (self->form, values);
  names = json_object_get_members (values);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (values, l->data);
      JsonNode *before = self->application != NULL ? json_object_get_member (self->application, l->data) : NULL;

      /* Null clears a member the application had; others stay unsaid. */
      if (JSON_NODE_HOLDS_NULL (value) && (before == NULL || JSON_NODE_HOLDS_NULL (before)))
        continue;
      json_object_set_member (body, l->data, json_node_copy (value));
    }
  if (!anju_pubrent_business_type_is_directed (self->business_type))
    json_object_remove_member (body, "employer_name");

  json_object_set_string_member (body, "business_type", self->business_type);
  json_object_set_int_member (body, "household_size", self->members->len);
  for (guint i = 0; i < self->members->len; i++)
    json_array_add_element (members, member_body (g_ptr_array_index (self->members, i)));
  json_object_set_array_member (body, "members", members);

  json_node_take_object (root, body);
  return root;
}

/* "members[12].id_no" → 12, or -1 for any other name. */
static int
member_index_of (const char *field)
{
  gint64 index;
  g_autofree char *digits = NULL;
  const char *end;

  if (!g_str_has_prefix (field, "members["))
    return -1;
  end = strchr (field, ']');
  if (end == NULL)
    return -1;
  digits = g_strndup (field + strlen ("members["), end - field - strlen ("members["));
  if (!g_ascii_string_to_signed (digits, 10, 0, G_MAXINT, &index, NULL))
    return -1;
  return (int) index;
}

static void
show_failure (AnjuApplicationEditor *self,
              const GError          *error)
{
  g_autofree char *reason = anju_error_message_for (error, anju_api_client_get_base_uri (self->client));
  JsonObject *fields = g_error_matches (error, ANJU_ERROR, ANJU_ERROR_VALIDATION)
                       || g_error_matches (error, ANJU_ERROR, ANJU_ERROR_CONFLICT)
                       ? anju_api_client_get_last_error_fields (self->client) : NULL;
  g_autoptr(GString) text = g_string_new (reason);
  g_autoptr(GList) names = NULL;

  if (reason == NULL)
    return;

  g_clear_pointer (&self->error_fields, json_object_unref);
  anju_pubrent_form_clear_errors (self->form);
  for (guint i = 0; i < self->member_errors->len; i++)
    g_clear_pointer (&g_ptr_array_index (self->member_errors, i), g_free);

  if (fields != NULL)
    {
      self->error_fields = json_object_ref (fields);
      anju_pubrent_form_show_errors (self->form, fields, NULL);
      names = json_object_get_members (fields);
    }

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *message = anju_json_get_string (fields, l->data);
      int index = member_index_of (l->data);

      if (message == NULL)
        continue;
      g_string_append_printf (text, "\n%s: %s", (const char *) l->data, message);
      if (index >= 0 && (guint) index < self->member_errors->len
          && g_ptr_array_index (self->member_errors, index) == NULL)
        g_ptr_array_index (self->member_errors, index) = g_strdup (message);
    }

  refresh_members (self);
  show_banner (self, text->str);
}

static void
finish_saved (AnjuApplicationEditor *self,
              JsonNode              *answer)
{
  g_autoptr(AnjuRecord) record = anju_record_new (json_node_get_object (answer));

  g_signal_emit (self, signals[SAVED], 0, record);
  gtk_window_close (GTK_WINDOW (self));
}

static void
submitted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AnjuApplicationEditor) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy = FALSE;
  update_actions (self);
  if (answer != NULL && !JSON_NODE_HOLDS_OBJECT (answer))
    error = g_error_new_literal (ANJU_ERROR, ANJU_ERROR_MALFORMED, _("The server’s answer is not an application"));
  if (error != NULL)
    {
      show_failure (self, error);
      return;
    }

  finish_saved (self, answer);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AnjuApplicationEditor) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  gboolean submit = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "anju-submit"));
  g_autofree char *path = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (answer != NULL && !JSON_NODE_HOLDS_OBJECT (answer))
    error = g_error_new_literal (ANJU_ERROR, ANJU_ERROR_MALFORMED, _("The server’s answer is not an application"));
  if (error != NULL)
    {
      self->busy = FALSE;
      update_actions (self);
      show_failure (self, error);
      return;
    }

  /* From now on a save changes this application, even if the submit
   * below fails. */
  g_clear_pointer (&self->application, json_object_unref);
  self->application = json_object_ref (json_node_get_object (answer));
  self->application_id = anju_json_get_int (self->application, "id", 0);
  update_title (self);

  if (!submit)
    {
      self->busy = FALSE;
      update_actions (self);
      finish_saved (self, answer);
      return;
    }

  path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT "/submit", self->application_id);
  anju_api_client_request_async (self->client, "POST", path, NULL, self->cancellable,
                                 submitted_cb, g_object_ref (self));
}

static void
save (AnjuApplicationEditor *self,
      gboolean               submit)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  if (self->busy || self->form == NULL)
    return;

  self->busy = TRUE;
  update_actions (self);
  show_banner (self, NULL);
  body = build_body (self);
  g_object_set_data (G_OBJECT (self), "anju-submit", GINT_TO_POINTER (submit));

  if (self->application_id > 0)
    {
      path = g_strdup_printf ("/api/v1/pubrent/applications/%" G_GINT64_FORMAT, self->application_id);
      anju_api_client_request_async (self->client, "PATCH", path, body, self->cancellable,
                                     saved_cb, g_object_ref (self));
    }
  else
    anju_api_client_request_async (self->client, "POST", "/api/v1/pubrent/applications", body,
                                   self->cancellable, saved_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (ANJU_APPLICATION_EDITOR (widget), FALSE);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  save (ANJU_APPLICATION_EDITOR (widget), TRUE);
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AnjuApplicationEditor *self = ANJU_APPLICATION_EDITOR (widget);

  present_member_dialog (self, self->members->len);
}

static void
anju_application_editor_constructed (GObject *object)
{
  AnjuApplicationEditor *self = ANJU_APPLICATION_EDITOR (object);

  G_OBJECT_CLASS (anju_application_editor_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->loading = TRUE;
  update_actions (self);
  update_title (self);
  anju_api_client_request_async (self->client, "GET", "/api/v1/pubrent/codes", NULL, self->cancellable,
                                 codes_loaded_cb, g_object_ref (self));
}

static void
anju_application_editor_dispose (GObject *object)
{
  AnjuApplicationEditor *self = ANJU_APPLICATION_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_APPLICATION_EDITOR);
  self->members_list = NULL;
  self->size_row = NULL;
  g_clear_pointer (&self->form, anju_pubrent_form_free);

  G_OBJECT_CLASS (anju_application_editor_parent_class)->dispose (object);
}

static void
anju_application_editor_finalize (GObject *object)
{
  AnjuApplicationEditor *self = ANJU_APPLICATION_EDITOR (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->codes, json_object_unref);
  g_clear_pointer (&self->application, json_object_unref);
  g_clear_pointer (&self->error_fields, json_object_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->member_errors, g_ptr_array_unref);
  g_clear_pointer (&self->business_type, g_free);

  G_OBJECT_CLASS (anju_application_editor_parent_class)->finalize (object);
}

static void
anju_application_editor_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AnjuApplicationEditor *self = ANJU_APPLICATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_APPLICATION_ID:
      g_value_set_int64 (value, self->application_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_application_editor_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AnjuApplicationEditor *self = ANJU_APPLICATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_APPLICATION_ID:
      self->application_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_application_editor_class_init (AnjuApplicationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_application_editor_constructed;
  object_class->dispose = anju_application_editor_dispose;
  object_class->finalize = anju_application_editor_finalize;
  object_class->get_property = anju_application_editor_get_property;
  object_class->set_property = anju_application_editor_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_APPLICATION_ID] =
    g_param_spec_int64 ("application-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuApplicationEditor::saved:
   * @application: the application as the server answered (AnjuRecord)
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ANJU_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/anju/desktop/ui/pages/anju-application-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationEditor, banner);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationEditor, banner_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationEditor, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationEditor, type_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationEditor, form_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuApplicationEditor, spinner);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "editor.add-member", NULL, add_member_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.submit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
anju_application_editor_init (AnjuApplicationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->members = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->member_errors = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
anju_application_editor_new (AnjuApiClient *client,
                             gint64         application_id)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (application_id >= 0, NULL);

  return g_object_new (ANJU_TYPE_APPLICATION_EDITOR,
                       "client", client,
                       "application-id", application_id,
                       NULL);
}

/* Private API for tests (anju-applications-private.h) */

gboolean
_anju_application_editor_is_ready (AnjuApplicationEditor *self)
{
  return !self->loading && !self->busy;
}

GtkWidget *
_anju_application_editor_get_type_button (AnjuApplicationEditor *self,
                                          const char            *business_type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->type_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "anju-business-type"), business_type) == 0)
      return child;
  return NULL;
}

GtkWidget *
_anju_application_editor_get_row (AnjuApplicationEditor *self,
                                  const char            *member)
{
  return self->form != NULL ? anju_pubrent_form_get_row (self->form, member) : NULL;
}

guint
_anju_application_editor_get_n_members (AnjuApplicationEditor *self)
{
  return self->members->len;
}

AnjuPubrentMemberDialog *
_anju_application_editor_edit_member (AnjuApplicationEditor *self,
                                      guint                  index)
{
  return present_member_dialog (self, index);
}

const char *
_anju_application_editor_get_member_error (AnjuApplicationEditor *self,
                                           guint                  index)
{
  return index < self->member_errors->len ? g_ptr_array_index (self->member_errors, index) : NULL;
}

const char *
_anju_application_editor_get_banner (AnjuApplicationEditor *self)
{
  return gtk_revealer_get_reveal_child (self->banner) ? gtk_label_get_text (self->banner_label) : NULL;
}
