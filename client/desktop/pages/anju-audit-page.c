#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-audit-action.h"
#include "anju-audit-page.h"
#include "anju-display-time.h"
#include "anju-list-loader.h"
#include "anju-page-feedback.h"
#include "anju-paged-model.h"
#include "anju-record-column.h"
#include "anju-time.h"

#define SECONDS_PER_DAY (24 * 60 * 60)

struct _AnjuAuditPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  GtkEntry           *actor_entry;
  GtkDropDown        *entity_filter;
  GtkDropDown        *action_filter;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *error_page;
  GtkStack           *detail_stack;
  GtkLabel           *time_label;
  GtkLabel           *actor_label;
  GtkLabel           *action_label;
  GtkLabel           *entity_label;
  GtkLabel           *address_label;
  GtkTextView        *before_view;
  GtkTextView        *after_view;
  GtkLabel           *count_label;
  GtkSpinner         *spinner;

  /* Owned */
  AnjuApiClient      *client;       /* (owned) */
  AnjuPagedModel     *records;      /* (owned) */
  GtkSingleSelection *selection;    /* (owned) over records */
  GCancellable       *cancellable;  /* (owned) the loads of this page */
  AnjuListLoader      loader;
  guint               loaded : 1;
};

G_DEFINE_FINAL_TYPE (AnjuAuditPage, anju_audit_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
actions_update (AnjuAuditPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.load-more",
                                 anju_paged_model_get_has_more (self->records)
                                 && !anju_paged_model_get_loading (self->records));
}

static char *
count_text (guint shown,
            guint total)
{
  /* Translators: %1$u records of %2$u matching ones are in the list */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u record", "%1$u of %2$u records", total),
                          shown, total);
}

static void
show_json (GtkTextView *view,
           JsonObject  *object)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  if (object == NULL)
    {
      gtk_text_buffer_set_text (buffer, _("(nothing)"), -1);
      return;
    }

  node = json_node_init_object (json_node_alloc (), object);
  text = json_to_string (node, TRUE);
  gtk_text_buffer_set_text (buffer, text, -1);
}

static void
selection_changed_cb (AnjuAuditPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);
  AnjuRecord *record = ANJU_IS_RECORD (item) ? ANJU_RECORD (item) : NULL;
  g_autofree char *time = NULL;
  g_autofree char *entity_id = NULL;
  g_autofree char *entity = NULL;
  const char *entity_label;
  const char *address;

  if (record == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  time = anju_display_time (anju_record_get_string (record, "at"));
  entity_label = anju_audit_entity_label (anju_record_get_string (record, "entity"));
  entity_id = g_strdup_printf ("%" G_GINT64_FORMAT, anju_record_get_int (record, "entity_id", 0));
  /* Translators: %1$s is a kind of record ("User"), %2$s its number */
  entity = g_strdup_printf (_("%1$s #%2$s"), entity_label != NULL ? entity_label : "", entity_id);
  address = anju_record_get_string (record, "client_address");

  gtk_label_set_text (self->time_label, time != NULL ? time : "");
  gtk_label_set_text (self->actor_label, anju_record_get_string (record, "actor"));
  gtk_label_set_text (self->action_label, anju_audit_action_label (anju_record_get_string (record, "action")));
  gtk_label_set_text (self->entity_label, entity);
  gtk_label_set_text (self->address_label, address != NULL ? address : "");
  show_json (self->before_view, anju_record_get_member_object (record, "before"));
  show_json (self->after_view, anju_record_get_member_object (record, "after"));

  gtk_stack_set_visible_child_name (self->detail_stack, "record");
}

/* "2026-11-29", as opposed to a full date-time; the text has already
 * parsed as ISO 8601. */
static gboolean
is_plain_date (const char *text)
{
  return strlen (text) == strlen ("YYYY-MM-DD") && strchr (text, 'T') == NULL;
}

/* The entry's time as the API wants it, or NULL when empty.  A plain
 * date means the start of that day, or for the end of a range its last
 * second, so that "to 2026-11-29" includes the 29th.  Marks the entry
 * and returns FALSE when the text is no time at all. */
static gboolean
read_time_entry (GtkEntry  *entry,
                 gboolean   end_of_day,
                 char     **out_value)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;
  gint64 secs;

  *out_value = NULL;
  if (*text == '\0')
    return TRUE;

  if (!anju_time_parse_iso8601 (text, &secs, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      return FALSE;
    }

  if (end_of_day && is_plain_date (text))
    secs += SECONDS_PER_DAY - 1;

  *out_value = anju_time_format_iso8601 (secs);
  return TRUE;
}

static const char *
selected_id (GtkDropDown         *drop_down,
             const AnjuAuditName *names,
             guint                n_names)
{
  guint position = gtk_drop_down_get_selected (drop_down);

  /* Position 0 is "all". */
  if (position == 0 || position > n_names)
    return NULL;

  return names[position - 1].id;
}

static void
apply_filters (AnjuAuditPage *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *actor = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->actor_entry))));
  const AnjuAuditName *entities;
  const AnjuAuditName *actions;
  guint n_entities;
  guint n_actions;
  gboolean from_ok;
  gboolean to_ok;

  from_ok = read_time_entry (self->from_entry, FALSE, &from);
  to_ok = read_time_entry (self->to_entry, TRUE, &to);
  if (!from_ok || !to_ok)
    {
      anju_page_toast (GTK_WIDGET (self), _("Enter dates as YYYY-MM-DD"));
      return;
    }

  entities = anju_audit_entities (&n_entities);
  actions = anju_audit_actions (&n_actions);

  anju_paged_model_set_filter (self->records, "from", from);
  anju_paged_model_set_filter (self->records, "to", to);
  anju_paged_model_set_filter (self->records, "actor", actor);
  anju_paged_model_set_filter (self->records, "entity", selected_id (self->entity_filter, entities, n_entities));
  anju_paged_model_set_filter (self->records, "action", selected_id (self->action_filter, actions, n_actions));

  /* Applying unchanged filters fetches afresh: new records may exist. */
  anju_paged_model_reset (self->records);
  anju_list_loader_load_more (&self->loader);
}

static void
apply_cb (AnjuAuditPage *self)
{
  apply_filters (self);
}

/* A corrected date is no longer wrong. */
static void
entry_changed_cb (AnjuAuditPage *self,
                  GtkEditable   *editable)
{
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (editable), NULL);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (editable), GTK_ACCESSIBLE_STATE_INVALID);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  apply_filters (ANJU_AUDIT_PAGE (widget));
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AnjuAuditPage *self = ANJU_AUDIT_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->actor_entry), "");
  gtk_drop_down_set_selected (self->entity_filter, 0);
  gtk_drop_down_set_selected (self->action_filter, 0);
  apply_filters (self);
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  anju_list_loader_load_more (&ANJU_AUDIT_PAGE (widget)->loader);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  anju_audit_page_reload (ANJU_AUDIT_PAGE (widget));
}

static void
edge_reached_cb (AnjuAuditPage   *self,
                 GtkPositionType  position)
{
  anju_list_loader_edge_reached (&self->loader, position);
}

static GListModel *
names_model (const char          *all_label,
             const AnjuAuditName *names,
             guint                n_names,
             const char *       (*label_for) (const char *id))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all_label);
  for (guint i = 0; i < n_names; i++)
    gtk_string_list_append (list, label_for (names[i].id));

  return G_LIST_MODEL (list);
}

static char *
time_text (AnjuRecord *record)
{
  return anju_display_time (anju_record_get_string (record, "at"));
}

static char *
action_text (AnjuRecord *record)
{
  return g_strdup (anju_audit_action_label (anju_record_get_string (record, "action")));
}

static char *
entity_text (AnjuRecord *record)
{
  return g_strdup (anju_audit_entity_label (anju_record_get_string (record, "entity")));
}

static char *
entity_id_text (AnjuRecord *record)
{
  gint64 id = anju_record_get_int (record, "entity_id", 0);

  return id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL;
}

static void
append_column (AnjuAuditPage       *self,
               GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
setup_columns (AnjuAuditPage *self)
{
  append_column (self, anju_record_column_new_with_func (_("Time"), time_text, ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new (_("Actor"), "actor", ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Action"), action_text, ANJU_RECORD_COLUMN_EXPAND));
  append_column (self, anju_record_column_new_with_func (_("Entity"), entity_text, ANJU_RECORD_COLUMN_DEFAULT));
  append_column (self, anju_record_column_new_with_func (_("Number"), entity_id_text, ANJU_RECORD_COLUMN_NUMERIC));
  append_column (self, anju_record_column_new (_("Client address"), "client_address", ANJU_RECORD_COLUMN_DEFAULT));
}

static void
setup_filters (AnjuAuditPage *self)
{
  const AnjuAuditName *names;
  g_autoptr(GListModel) entities = NULL;
  g_autoptr(GListModel) actions = NULL;
  guint n_names;

  names = anju_audit_entities (&n_names);
  entities = names_model (_("All entities"), names, n_names, anju_audit_entity_label);
  gtk_drop_down_set_model (self->entity_filter, entities);

  names = anju_audit_actions (&n_names);
  actions = names_model (_("All actions"), names, n_names, anju_audit_action_label);
  gtk_drop_down_set_model (self->action_filter, actions);
}

static void
anju_audit_page_map (GtkWidget *widget)
{
  AnjuAuditPage *self = ANJU_AUDIT_PAGE (widget);

  GTK_WIDGET_CLASS (anju_audit_page_parent_class)->map (widget);

  if (!self->loaded)
    anju_audit_page_reload (self);
}

static void
anju_audit_page_constructed (GObject *object)
{
  AnjuAuditPage *self = ANJU_AUDIT_PAGE (object);

  G_OBJECT_CLASS (anju_audit_page_parent_class)->constructed (object);

  g_assert (ANJU_IS_API_CLIENT (self->client));

  self->records = anju_paged_model_new (self->client, "/api/v1/audit", 0);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->records));
  g_object_bind_property (self->records, "loading", self->spinner, "spinning", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->records, "notify::loading", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->records, "notify::has-more", G_CALLBACK (actions_update), self, G_CONNECT_SWAPPED);
  anju_list_loader_init (&self->loader, GTK_WIDGET (self), self->records, self->selection,
                         self->stack, self->error_page, self->cancellable,
                         _("Could not load more records"));
  anju_list_loader_show_count (&self->loader, self->count_label, count_text);

  actions_update (self);
}

static void
anju_audit_page_dispose (GObject *object)
{
  AnjuAuditPage *self = ANJU_AUDIT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_AUDIT_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->records);

  G_OBJECT_CLASS (anju_audit_page_parent_class)->dispose (object);
}

static void
anju_audit_page_finalize (GObject *object)
{
  AnjuAuditPage *self = ANJU_AUDIT_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_audit_page_parent_class)->finalize (object);
}

static void
anju_audit_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AnjuAuditPage *self = ANJU_AUDIT_PAGE (object);

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
anju_audit_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AnjuAuditPage *self = ANJU_AUDIT_PAGE (object);

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
anju_audit_page_class_init (AnjuAuditPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_audit_page_constructed;
  object_class->dispose = anju_audit_page_dispose;
  object_class->finalize = anju_audit_page_finalize;
  object_class->get_property = anju_audit_page_get_property;
  object_class->set_property = anju_audit_page_set_property;

  widget_class->map = anju_audit_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuAuditPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuAuditPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuAuditPage, actor_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuAuditPage, entity_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuAuditPage, action_filter);
  gtk_widget_class_bind_template_child (widget_class, AnjuAuditPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuAuditPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuAuditPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuAuditPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuAuditPage, time_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuAuditPage, actor_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuAuditPage, action_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuAuditPage, entity_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuAuditPage, address_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuAuditPage, before_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuAuditPage, after_view);
  gtk_widget_class_bind_template_child (widget_class, AnjuAuditPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuAuditPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);

  gtk_widget_class_install_action (widget_class, "audit.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "audit.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "audit.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "audit.load-more", NULL, load_more_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "audit.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "audit.reload", NULL);
}

static void
anju_audit_page_init (AnjuAuditPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  setup_filters (self);
  setup_columns (self);
}

GtkWidget *
anju_audit_page_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_AUDIT_PAGE, "client", client, NULL);
}

void
anju_audit_page_reload (AnjuAuditPage *self)
{
  g_return_if_fail (ANJU_IS_AUDIT_PAGE (self));

  self->loaded = TRUE;
  anju_paged_model_reset (self->records);
  anju_list_loader_load_more (&self->loader);
}
