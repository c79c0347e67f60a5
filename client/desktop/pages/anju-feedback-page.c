#include "config.h"

#include <glib/gi18n.h>

#include "anju-content-labels.h"
#include "anju-display-time.h"
#include "anju-feedback-dialog.h"
#include "anju-feedback-page.h"
#include "anju-feedback-reply-dialog.h"
#include "anju-list-loader.h"
#include "anju-page-confirm.h"
#include "anju-page-feedback.h"
#include "anju-page-request.h"
#include "anju-paged-model.h"
#include "anju-permissions.h"
#include "anju-record-column.h"

/* Positions in the scope filter of the template. */
enum {
  SCOPE_EVERYONE,
  SCOPE_MINE,
};

struct _AnjuFeedbackPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkDropDown        *scope_filter;
  GtkDropDown        *status_filter;
  GtkDropDown        *type_filter;
  GtkWidget          *reply_button;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *error_page;
  GtkStack           *detail_stack;
  GtkLabel           *detail_title;
  GtkLabel           *detail_meta;
  GtkLabel           *detail_content;
  GtkLabel           *detail_reply;
  GtkLabel           *detail_reply_meta;
  GtkLabel           *count_label;
  GtkSpinner         *spinner;

  /* Owned */
  AnjuApiClient      *client;
  AnjuPagedModel     *feedback;
  GtkSingleSelection *selection;     /* over feedback */
  GCancellable       *cancellable;   /* the loads and actions of this page */
  AnjuListLoader      loader;
  guint               loaded : 1;
};

G_DEFINE_FINAL_TYPE (AnjuFeedbackPage, anju_feedback_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
can_reply (AnjuFeedbackPage *self)
{
  return anju_api_client_has_permission (self->client, ANJU_PERM_FEEDBACK_REPLY);
}

static AnjuRecord *
get_selected (AnjuFeedbackPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
}

static gboolean
is_open (AnjuRecord *feedback)
{
  return g_strcmp0 (anju_record_get_string (feedback, "status"), "open") == 0;
}

/* Only the author changes or deletes feedback, and only before the
 * reply (docs/api.md); the server says so too, but the buttons should
 * not offer what it will refuse. */
static gboolean
is_mine (AnjuFeedbackPage *self,
         AnjuRecord       *feedback)
{
  JsonObject *author = anju_record_get_member_object (feedback, "author");
  gint64 me = anju_json_get_int (anju_api_client_get_user (self->client), "id", 0);

  return me != 0 && anju_json_get_int (author, "id", 0) == me;
}

static void
actions_update (AnjuFeedbackPage *self)
{
  AnjuRecord *selected = get_selected (self);
  gboolean open = selected != NULL && is_open (selected);
  gboolean own_open = open && is_mine (self, selected);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feedback.edit", own_open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feedback.delete", own_open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feedback.reply", open && can_reply (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feedback.load-more",
                                 anju_paged_model_get_has_more (self->feedback)
                                 && !anju_paged_model_get_loading (self->feedback));
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static char *
meta_text (AnjuRecord *feedback)
{
  const char *type = anju_feedback_type_label (anju_record_get_string (feedback, "type"));
  const char *status = anju_feedback_status_label (anju_record_get_string (feedback, "status"));
  const char *author = anju_record_get_path_string (feedback, "author.name");
  const char *organisation = anju_record_get_path_string (feedback, "organisation.name");
  g_autofree char *submitted = anju_display_time (anju_record_get_string (feedback, "created_at"));

  /* Translators: %1$s is a kind of feedback, %2$s its status, %3$s a
   * person's name, %4$s an organisation, %5$s a date and time */
  return g_strdup_printf (_("%1$s · %2$s · from %3$s, %4$s · %5$s"),
                          type != NULL ? type : "", status != NULL ? status : "",
                          author != NULL ? author : "", organisation != NULL ? organisation : "",
                          submitted != NULL ? submitted : "");
}

static char *
reply_meta_text (AnjuRecord *feedback)
{
  const char *replier = anju_record_get_path_string (feedback, "replied_by.name");
  g_autofree char *replied = anju_display_time (anju_record_get_string (feedback, "replied_at"));

  if (replied == NULL)
    return NULL;

  /* Translators: %1$s is a person's name, %2$s a date and time */
  return g_strdup_printf (_("Replied by %1$s on %2$s"), replier != NULL ? replier : "", replied);
}

static void
detail_update (AnjuFeedbackPage *self)
{
  AnjuRecord *selected = get_selected (self);
  const char *reply;
  g_autofree char *meta = NULL;
  g_autofree char *reply_meta = NULL;

  if (selected == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  reply = anju_record_get_string (selected, "reply");
  meta = meta_text (selected);
  reply_meta = reply_meta_text (selected);

  set_label (self->detail_title, anju_record_get_string (selected, "title"));
  set_label (self->detail_meta, meta);
  set_label (self->detail_content, anju_record_get_string (selected, "content"));
  set_label (self->detail_reply, reply != NULL && *reply != '\0' ? reply : _("No reply yet."));
  set_label (self->detail_reply_meta, reply_meta);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

/* After a load the selected item may be a new record with the same
 * position. */
static void
loaded_cb (GtkWidget *page)
{
  detail_update (ANJU_FEEDBACK_PAGE (page));
}

static void
selection_changed_cb (AnjuFeedbackPage *self)
{
  detail_update (self);
  actions_update (self);
}

static char *
count_text (guint shown,
            guint total)
{
  /* Translators: %1$u feedback of %2$u matching ones are in the list */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u feedback", "%1$u of %2$u feedback", total),
                          shown, total);
}

/* The drop-downs' first item is "all"; the others follow codes. */
static const char *
chosen_code (GtkDropDown        *filter,
             const char * const *codes)
{
  guint position = gtk_drop_down_get_selected (filter);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return NULL;

  for (guint i = 0; codes[i] != NULL; i++)
    if (i + 1 == position)
      return codes[i];

  return NULL;
}

/* Returns whether a filter changed, which emptied the list. */
static gboolean
apply_filters (AnjuFeedbackPage *self)
{
  gboolean mine = !can_reply (self) || gtk_drop_down_get_selected (self->scope_filter) == SCOPE_MINE;
  gboolean changed;

  changed = anju_list_loader_apply_filter (&self->loader, "mine", mine ? "true" : NULL);
  changed |= anju_list_loader_apply_filter (&self->loader, "status",
                                            chosen_code (self->status_filter, anju_feedback_status_codes ()));
  changed |= anju_list_loader_apply_filter (&self->loader, "type",
                                            chosen_code (self->type_filter, anju_feedback_type_codes ()));
  return changed;
}

static void
filter_changed_cb (AnjuFeedbackPage *self)
{
  /* The template sets the drop-downs up before the model exists. */
  if (self->feedback == NULL)
    return;

  /* Before the page was first shown, showing it loads the list. */
  if (apply_filters (self) && self->loaded)
    anju_list_loader_load_more (&self->loader);
}

static void
reload_selecting (AnjuFeedbackPage *self,
                  gint64            id)
{
  self->loaded = TRUE;
  anju_list_loader_reload_selecting (&self->loader, id);
}

static void
present (AnjuFeedbackPage *self,
         GtkWidget        *dialog,
         GCallback         saved)
{
  g_signal_connect_object (dialog, "saved", saved, self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The dialogs say they succeeded only by closing; the toast says what
 * happened. */

static void
submitted_cb (AnjuFeedbackPage *self,
              AnjuRecord       *record)
{
  anju_page_toast (GTK_WIDGET (self), _("Thank you. The center’s reply will be shown here."));
  reload_selecting (self, anju_record_get_id (record));
}

static void
edited_cb (AnjuFeedbackPage *self,
           AnjuRecord       *record)
{
  anju_page_toast (GTK_WIDGET (self), _("Saved the feedback"));
  reload_selecting (self, anju_record_get_id (record));
}

static void
replied_cb (AnjuFeedbackPage *self,
            AnjuRecord       *record)
{
  anju_page_toast (GTK_WIDGET (self), _("Sent the reply; the author is told"));
  reload_selecting (self, anju_record_get_id (record));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuFeedbackPage *self = ANJU_FEEDBACK_PAGE (widget);

  present (self, anju_feedback_dialog_new (self->client, NULL), G_CALLBACK (submitted_cb));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AnjuFeedbackPage *self = ANJU_FEEDBACK_PAGE (widget);
  AnjuRecord *selected = get_selected (self);

  if (selected != NULL)
    present (self, anju_feedback_dialog_new (self->client, selected), G_CALLBACK (edited_cb));
}

static void
reply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AnjuFeedbackPage *self = ANJU_FEEDBACK_PAGE (widget);
  AnjuRecord *selected = get_selected (self);

  if (selected != NULL)
    present (self, anju_feedback_reply_dialog_new (self->client, selected), G_CALLBACK (replied_cb));
}

static void
deleted_cb (GtkWidget *widget,
            JsonNode  *answer)
{
  reload_selecting (ANJU_FEEDBACK_PAGE (widget), 0);
}

static void
delete_confirmed_cb (GtkWidget  *page,
                     AnjuRecord *feedback)
{
  AnjuFeedbackPage *self = ANJU_FEEDBACK_PAGE (page);
  g_autofree char *path = NULL;

  path = g_strdup_printf ("/api/v1/feedback/%" G_GINT64_FORMAT, anju_record_get_id (feedback));
  anju_page_request (page, self->client, "DELETE", path, NULL, self->cancellable,
                     _("Deleted the feedback"), _("Could not delete the feedback"), deleted_cb);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuRecord *selected = get_selected (ANJU_FEEDBACK_PAGE (widget));
  g_autofree char *heading = NULL;

  if (selected == NULL)
    return;

  /* Translators: %1$s is the title of a feedback */
  heading = g_strdup_printf (_("Delete “%1$s”?"), anju_record_get_string (selected, "title"));
  anju_page_confirm (widget, selected, heading,
                     _("The center will not see it any more."),
                     "delete", _("_Delete"), delete_confirmed_cb);
}

/* Enter on a row does the one thing there is to do with it. */
static void
row_activated_cb (AnjuFeedbackPage *self,
                  guint             position)
{
  if (gtk_widget_activate_action (GTK_WIDGET (self), "feedback.reply", NULL))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "feedback.edit", NULL);
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  anju_list_loader_load_more (&ANJU_FEEDBACK_PAGE (widget)->loader);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_feedback_page_reload (ANJU_FEEDBACK_PAGE (widget));
}

static void
edge_reached_cb (AnjuFeedbackPage *self,
                 GtkPositionType   position)
{
  anju_list_loader_edge_reached (&self->loader, position);
}

static char *
type_text (AnjuRecord *record)
{
  return g_strdup (anju_feedback_type_label (anju_record_get_string (record, "type")));
}

static char *
status_text (AnjuRecord *record)
{
  return g_strdup (anju_feedback_status_label (anju_record_get_string (record, "status")));
}

static char *
submitted_text (AnjuRecord *record)
{
  return anju_display_time (anju_record_get_string (record, "created_at"));
}

static void
append_column (AnjuFeedbackPage    *self,
               GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
setup_columns (AnjuFeedbackPage *self)
{
  append_column (self, anju_record_column_new_with_func (_("Type"), type_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new (_("Title"), "title", ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new_with_func (_("Status"), status_text, ANJU_RECORD_COLUMN_DEFAULT));
  if (can_reply (self))
    {
      append_column (self, anju_record_column_new (_("From"), "author.name", ANJU_RECORD_COLUMN_DEFAULT));
      append_column (self, anju_record_column_new (_("Organisation"), "organisation.name", ANJU_RECORD_COLUMN_DEFAULT));
    }
  append_column (self, anju_record_column_new_with_func (_("Submitted"), submitted_text, ANJU_RECORD_COLUMN_NUMERIC));
}

static void
fill_filter (GtkDropDown        *filter,
             const char         *all,
             const char * const *codes,
             const char *      (*label) (const char *code))
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, all);
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (labels, label (codes[i]));
  gtk_drop_down_set_model (filter, G_LIST_MODEL (labels));
}

static void
anju_feedback_page_map (GtkWidget *widget)
{
  AnjuFeedbackPage *self = ANJU_FEEDBACK_PAGE (widget);

  GTK_WIDGET_CLASS (anju_feedback_page_parent_class)->map (widget);

  if (!self->loaded)
    anju_feedback_page_reload (self);
}

static void
anju_feedback_page_constructed (GObject *object)
{
  AnjuFeedbackPage *self = ANJU_FEEDBACK_PAGE (object);

  G_OBJECT_CLASS (anju_feedback_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->feedback = anju_paged_model_new (self->client, "/api/v1/feedback", 0);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->feedback));
  g_object_bind_property (self->feedback, "loading", self->spinner, "spinning", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->feedback, "notify::loading", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->feedback, "notify::has-more", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  anju_list_loader_init (&self->loader, GTK_WIDGET (self), self->feedback, self->selection,
                         self->stack, self->error_page, self->cancellable,
                         _("Could not load more feedback"));
  self->loader.loaded = loaded_cb;
  anju_list_loader_show_count (&self->loader, self->count_label, count_text);

  gtk_widget_set_visible (GTK_WIDGET (self->scope_filter), can_reply (self));
  gtk_widget_set_visible (self->reply_button, can_reply (self));
  fill_filter (self->status_filter, _("All statuses"), anju_feedback_status_codes (), anju_feedback_status_label);
  fill_filter (self->type_filter, _("All types"), anju_feedback_type_codes (), anju_feedback_type_label);
  setup_columns (self);

  /* The drop-downs were filled before the model existed. */
  apply_filters (self);
  actions_update (self);
}

static void
anju_feedback_page_dispose (GObject *object)
{
  AnjuFeedbackPage *self = ANJU_FEEDBACK_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_FEEDBACK_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->feedback);

  G_OBJECT_CLASS (anju_feedback_page_parent_class)->dispose (object);
}

static void
anju_feedback_page_finalize (GObject *object)
{
  AnjuFeedbackPage *self = ANJU_FEEDBACK_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_feedback_page_parent_class)->finalize (object);
}

static void
anju_feedback_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AnjuFeedbackPage *self = ANJU_FEEDBACK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_feedback_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AnjuFeedbackPage *self = ANJU_FEEDBACK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_feedback_page_class_init (AnjuFeedbackPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_feedback_page_constructed;
  object_class->dispose = anju_feedback_page_dispose;
  object_class->finalize = anju_feedback_page_finalize;
  object_class->get_property = anju_feedback_page_get_property;
  object_class->set_property = anju_feedback_page_set_property;

  widget_class->map = anju_feedback_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-feedback-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackPage, scope_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackPage, type_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackPage, reply_button);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackPage, detail_meta);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackPage, detail_content);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackPage, detail_reply);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackPage, detail_reply_meta);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuFeedbackPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "feedback.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "feedback.load-more", NULL, load_more_action);
  gtk_widget_class_install_action (widget_class, "feedback.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "feedback.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "feedback.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "feedback.reply", NULL, reply_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "feedback.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "feedback.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "feedback.create", NULL);
}

static void
anju_feedback_page_init (AnjuFeedbackPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

GtkWidget *
anju_feedback_page_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_FEEDBACK_PAGE, "client", client, NULL);
}

void
anju_feedback_page_reload (AnjuFeedbackPage *self)
{
  AnjuRecord *selected;

  g_return_if_fail (ANJU_IS_FEEDBACK_PAGE (self));

  selected = get_selected (self);
  reload_selecting (self, selected != NULL ? anju_record_get_id (selected) : 0);
}
