#include "config.h"

#include <glib/gi18n.h>

#include "anju-article-view.h"
#include "anju-content-labels.h"
#include "anju-date-picker.h"
#include "anju-display-time.h"
#include "anju-error-message.h"
#include "anju-file-row.h"
#include "anju-file-save.h"

struct _AnjuArticleView
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkScrolledWindow   *scrolled_window;
  GtkLabel            *title_label;
  GtkLabel            *meta_label;
  GtkLabel            *targets_label;
  GtkLabel            *display_label;
  GtkLabel            *summary_label;
  GtkLabel            *body_label;
  GtkWidget           *guide_box;
  GtkLabel            *time_limit_label;
  GtkBox              *materials_box;
  GtkBox              *steps_box;
  AdwPreferencesGroup *attachments_group;

  /* Borrowed */
  GPtrArray           *attachment_rows;  /* (owned) rows in attachments_group */

  /* Owned */
  AnjuApiClient       *client;
  AnjuRecord          *article;          /* (nullable) */
  GCancellable        *cancellable;      /* (nullable) the load in flight */
};

G_DEFINE_FINAL_TYPE (AnjuArticleView, anju_article_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_ARTICLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static char *
meta_text (AnjuRecord *article)
{
  g_autofree char *published = anju_display_time (anju_record_get_string (article, "published_at"));
  const char *author = anju_record_get_path_string (article, "author.name");

  if (published != NULL && author != NULL)
    /* Translators: %1$s is a date and time, %2$s a person's name */
    return g_strdup_printf (_("Published %1$s by %2$s"), published, author);
  if (published != NULL)
    /* Translators: %1$s is a date and time */
    return g_strdup_printf (_("Published %1$s"), published);
  if (author != NULL)
    /* Translators: %1$s is a person's name; the article is not published */
    return g_strdup_printf (_("Not published · written by %1$s"), author);

  return g_strdup (_("Not published"));
}

static char *
targets_text (AnjuRecord *article)
{
  JsonArray *targets = anju_record_get_member_array (article, "targets");
  guint n_targets = targets != NULL ? json_array_get_length (targets) : 0;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autofree char *joined = NULL;

  for (guint i = 0; i < n_targets; i++)
    {
      JsonNode *node = json_array_get_element (targets, i);
      const char *name = JSON_NODE_HOLDS_OBJECT (node)
                         ? anju_json_get_string (json_node_get_object (node), "name") : NULL;

      if (name != NULL)
        g_strv_builder_add (builder, name);
    }

  names = g_strv_builder_end (builder);
  if (names[0] == NULL)
    return g_strdup (_("For everyone"));

  /* Translators: separates the names of organisations */
  joined = g_strjoinv (_(", "), names);
  /* Translators: %1$s lists the organisations an article is for */
  return g_strdup_printf (_("For %1$s"), joined);
}

/* For what the terminals show: when, and how often it was read there. */
static char *
display_text (AnjuRecord *article)
{
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *period = NULL;
  gint64 views;

  if (!anju_article_kind_is_terminal (anju_record_get_string (article, "kind")))
    return NULL;

  from = anju_date_text_from_api (anju_record_get_string (article, "display_from"));
  until = anju_date_text_from_api (anju_record_get_string (article, "display_until"));
  period = anju_article_display_period_text (from, until);
  views = anju_record_get_int (article, "view_count", 0);
  /* Translators: %1$s is a display period ("2026-12-01 – 2026-12-31"),
   * %2$d how often the terminals showed the article */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Shown on the terminals: %1$s · %2$d view",
                                       "Shown on the terminals: %1$s · %2$d views", (gulong) views),
                          period, (int) views);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
append_line (GtkBox     *box,
             const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (box, label);
}

/* numbered: "1. …" (the steps); otherwise "• …" (the materials). */
static void
fill_list (GtkBox    *box,
           JsonArray *items,
           gboolean   numbered)
{
  guint n_items = items != NULL ? json_array_get_length (items) : 0;
  guint number = 0;

  clear_box (box);
  for (guint i = 0; i < n_items; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      g_autofree char *line = NULL;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;

      if (numbered)
        /* Translators: one step of a guide; %1$u is its number, %2$s the step */
        line = g_strdup_printf (_("%1$u. %2$s"), ++number, json_node_get_string (node));
      else
        /* Translators: one item of a list of materials */
        line = g_strdup_printf (_("• %1$s"), json_node_get_string (node));
      append_line (box, line);
    }

  if (gtk_widget_get_first_child (GTK_WIDGET (box)) == NULL)
    append_line (box, numbered ? _("No steps are given.") : _("No materials are needed."));
}

static void
show_guide (AnjuArticleView *self)
{
  JsonObject *guide = anju_record_get_member_object (self->article, "guide");
  gint64 days = anju_json_get_int (guide, "time_limit_days", 0);
  g_autofree char *time_limit = NULL;

  gtk_widget_set_visible (self->guide_box, guide != NULL);
  if (guide == NULL)
    return;

  if (days > 0)
    /* Translators: %1$d is a number of days a business takes at most */
    time_limit = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Time limit: %1$d day",
                                               "Time limit: %1$d days", (gulong) days),
                                  (int) days);
  else
    time_limit = g_strdup (_("No time limit"));
  gtk_label_set_text (self->time_limit_label, time_limit);

  fill_list (self->materials_box, anju_json_get_array (guide, "materials"), FALSE);
  fill_list (self->steps_box, anju_json_get_array (guide, "steps"), TRUE);
}

static void
save_clicked_cb (GtkButton       *button,
                 AnjuArticleView *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  JsonObject *file = row != NULL ? anju_file_row_get_file (row) : NULL;

  if (file != NULL)
    anju_file_save (GTK_WIDGET (self), self->client, file);
}

static void
clear_attachments (AnjuArticleView *self)
{
  for (guint i = 0; i < self->attachment_rows->len; i++)
    adw_preferences_group_remove (self->attachments_group, g_ptr_array_index (self->attachment_rows, i));
  g_ptr_array_set_size (self->attachment_rows, 0);
}

static void
show_attachments (AnjuArticleView *self)
{
  JsonArray *attachments = anju_record_get_member_array (self->article, "attachments");
  guint n_attachments = attachments != NULL ? json_array_get_length (attachments) : 0;

  clear_attachments (self);
  for (guint i = 0; i < n_attachments; i++)
    {
      JsonNode *node = json_array_get_element (attachments, i);
      const char *name;
      g_autofree char *label = NULL;
      GtkWidget *row;
      GtkWidget *save;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      row = anju_file_row_new (json_node_get_object (node));
      name = anju_json_get_string (json_node_get_object (node), "name");
      save = gtk_button_new_with_mnemonic (_("_Save…"));
      /* Translators: %1$s is a file name */
      label = g_strdup_printf (_("Save “%1$s”"), name != NULL ? name : "");
      gtk_widget_set_tooltip_text (save, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (save),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      gtk_widget_set_valign (save, GTK_ALIGN_CENTER);
      g_signal_connect_object (save, "clicked", G_CALLBACK (save_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), save);
      adw_preferences_group_add (self->attachments_group, row);
      g_ptr_array_add (self->attachment_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->attachments_group), self->attachment_rows->len > 0);
}

static void
show_article (AnjuArticleView *self)
{
  g_autofree char *meta = meta_text (self->article);
  g_autofree char *targets = targets_text (self->article);
  g_autofree char *display = display_text (self->article);
  GtkAdjustment *adjustment;

  set_label (self->title_label, anju_record_get_string (self->article, "title"));
  set_label (self->meta_label, meta);
  set_label (self->targets_label, targets);
  set_label (self->display_label, display);
  set_label (self->summary_label, anju_record_get_string (self->article, "summary"));
  set_label (self->body_label, anju_record_get_string (self->article, "body"));
  show_guide (self);
  show_attachments (self);

  /* A new article starts at its top, not where the last one was left. */
  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  gtk_stack_set_visible_child_name (self->stack, "article");
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AnjuArticleView) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  gtk_spinner_set_spinning (self->spinner, FALSE);

  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    {
      self->article = anju_record_new (json_node_get_object (answer));
      show_article (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
      return;
    }

  message = error != NULL
            ? anju_error_message_for (error, anju_api_client_get_base_uri (self->client))
            : g_strdup (_("The server sent an answer this program does not understand."));
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
anju_article_view_dispose (GObject *object)
{
  AnjuArticleView *self = ANJU_ARTICLE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* The bin's child is a template child: the bin lets go of it first,
   * or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_ARTICLE_VIEW);
  if (self->attachment_rows != NULL)
    g_ptr_array_set_size (self->attachment_rows, 0);

  G_OBJECT_CLASS (anju_article_view_parent_class)->dispose (object);
}

static void
anju_article_view_finalize (GObject *object)
{
  AnjuArticleView *self = ANJU_ARTICLE_VIEW (object);

  g_clear_object (&self->client);
  g_clear_object (&self->article);
  g_clear_pointer (&self->attachment_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (anju_article_view_parent_class)->finalize (object);
}

static void
anju_article_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AnjuArticleView *self = ANJU_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_article_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AnjuArticleView *self = ANJU_ARTICLE_VIEW (object);

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
anju_article_view_class_init (AnjuArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = anju_article_view_dispose;
  object_class->finalize = anju_article_view_finalize;
  object_class->get_property = anju_article_view_get_property;
  object_class->set_property = anju_article_view_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         ANJU_TYPE_RECORD,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/pages/anju-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleView, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleView, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleView, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleView, title_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleView, meta_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleView, targets_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleView, display_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleView, body_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleView, guide_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleView, time_limit_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleView, materials_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleView, steps_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuArticleView, attachments_group);
}

static void
anju_article_view_init (AnjuArticleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->attachment_rows = g_ptr_array_new ();
}

GtkWidget *
anju_article_view_new (AnjuApiClient *client)
{
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);

  return g_object_new (ANJU_TYPE_ARTICLE_VIEW, "client", client, NULL);
}

void
anju_article_view_load (AnjuArticleView *self,
                        gint64           article_id)
{
  g_autofree char *path = NULL;

  g_return_if_fail (ANJU_IS_ARTICLE_VIEW (self));
  g_return_if_fail (article_id > 0);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->article != NULL)
    {
      g_clear_object (&self->article);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
    }

  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  self->cancellable = g_cancellable_new ();
  path = g_strdup_printf ("/api/v1/articles/%" G_GINT64_FORMAT, article_id);
  anju_api_client_request_async (self->client, "GET", path, NULL, self->cancellable,
                                 loaded_cb, g_object_ref (self));
}

AnjuRecord *
anju_article_view_get_article (AnjuArticleView *self)
{
  g_return_val_if_fail (ANJU_IS_ARTICLE_VIEW (self), NULL);

  return self->article;
}
