/* anju-kiosk-articles-screen.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "anju-error-message.h"
#include "anju-kiosk-articles-screen.h"
#include "anju-kiosk-context.h"
#include "anju-kiosk-screen.h"
#include "anju-record.h"

struct _AnjuKioskArticlesScreen
{
  GtkBox            parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  GtkWidget        *search_box;
  GtkEntry         *search_entry;
  GtkLabel         *list_message_label;
  GtkListBox       *articles_list;
  GtkLabel         *title_label;
  GtkLabel         *meta_label;
  GtkWidget        *guide_box;
  GtkBox           *steps_box;
  GtkBox           *materials_box;
  GtkLabel         *time_limit_label;
  GtkLabel         *body_label;

  /* Owned */
  AnjuKioskContext *context;
  char             *kind;
  GListStore       *articles;      /* of AnjuRecord */
  GCancellable     *cancellable;   /* (nullable) while loading */
};

static void screen_iface_init (AnjuKioskScreenInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnjuKioskArticlesScreen, anju_kiosk_articles_screen, GTK_TYPE_BOX,
                               G_IMPLEMENT_INTERFACE (ANJU_TYPE_KIOSK_SCREEN, screen_iface_init))

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_list_message (AnjuKioskArticlesScreen *self,
                   const char              *message)
{
  gtk_label_set_label (self->list_message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->list_message_label), message != NULL);
}

static GCancellable *
restart_cancellable (AnjuKioskArticlesScreen *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  return self->cancellable;
}

/* "2026-11-29T08:00:00+08:00" → "2026-11-29". */
static char *
format_date (const char *at)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (at == NULL)
    return g_strdup ("");
  parsed = g_date_time_new_from_iso8601 (at, NULL);
  if (parsed == NULL)
    return g_strdup (at);
  local = g_date_time_to_local (parsed);

  return g_date_time_format (local, "%Y-%m-%d");
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  AnjuRecord *record = item;
  const char *summary = anju_record_get_string (record, "summary");
  g_autofree char *date = format_date (anju_record_get_string (record, "published_at"));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *title = gtk_label_new (anju_record_get_string (record, "title"));
  GtkWidget *meta = gtk_label_new (date);

  gtk_widget_add_css_class (row, "kiosk-article-row");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "kiosk-row-title");
  gtk_box_append (GTK_BOX (box), title);
  if (summary != NULL && *summary != '\0')
    {
      GtkWidget *line = gtk_label_new (summary);

      gtk_label_set_xalign (GTK_LABEL (line), 0);
      gtk_label_set_wrap (GTK_LABEL (line), TRUE);
      gtk_label_set_lines (GTK_LABEL (line), 2);
      gtk_label_set_ellipsize (GTK_LABEL (line), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), line);
    }
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_box_append (GTK_BOX (box), meta);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  anju_record_get_string (record, "title"), -1);

  return row;
}

static void
articles_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AnjuKioskArticlesScreen) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *items = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer) &&
      json_object_has_member (json_node_get_object (answer), "items") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (answer), "items")))
    items = json_object_get_array_member (json_node_get_object (answer), "items");

  if (items == NULL)
    {
      g_autofree char *message = error != NULL ? anju_error_message_for (error, NULL)
                                               : g_strdup (_("The server's answer could not be read."));

      g_list_store_remove_all (self->articles);
      show_list_message (self, message);
      return;
    }

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *element = json_array_get_element (items, i);

      if (JSON_NODE_HOLDS_OBJECT (element))
        g_ptr_array_add (records, anju_record_new (json_node_get_object (element)));
    }
  g_list_store_splice (self->articles, 0, g_list_model_get_n_items (G_LIST_MODEL (self->articles)),
                       records->pdata, records->len);
  show_list_message (self, records->len == 0 ? _("Nothing to show at the moment.") : NULL);
}

static void
load_list (AnjuKioskArticlesScreen *self)
{
  g_autofree char *keyword = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autofree char *path = NULL;

  if (*keyword != '\0')
    {
      g_autofree char *escaped = g_uri_escape_string (keyword, NULL, FALSE);

      path = g_strdup_printf ("/api/v1/kiosk/articles?kind=%s&q=%s&page_size=200", self->kind, escaped);
    }
  else
    path = g_strdup_printf ("/api/v1/kiosk/articles?kind=%s&page_size=200", self->kind);

  anju_api_client_request_async (anju_kiosk_context_get_api (self->context), "GET", path, NULL,
                                 restart_cancellable (self), articles_cb, g_object_ref (self));
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* Numbered lines for steps, bulleted ones for materials. */
static void
fill_lines (GtkBox    *box,
            JsonArray *lines,
            gboolean   numbered)
{
  clear_box (box);
  if (lines == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonNode *element = json_array_get_element (lines, i);
      g_autofree char *text = NULL;
      GtkWidget *label;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        continue;
      if (numbered)
        text = g_strdup_printf ("%u. %s", i + 1, json_node_get_string (element));
      else
        text = g_strdup_printf ("• %s", json_node_get_string (element));
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "kiosk-body");
      gtk_box_append (box, label);
    }
}

static JsonArray *
array_member (JsonObject *object,
              const char *member)
{
  if (object == NULL || !json_object_has_member (object, member) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, member)))
    return NULL;

  return json_object_get_array_member (object, member);
}

static void
show_guide (AnjuKioskArticlesScreen *self,
            JsonObject              *guide)
{
  gint64 days = 0;

  gtk_widget_set_visible (self->guide_box, guide != NULL);
  fill_lines (self->steps_box, array_member (guide, "steps"), TRUE);
  fill_lines (self->materials_box, array_member (guide, "materials"), FALSE);

  if (guide != NULL && json_object_has_member (guide, "time_limit_days") &&
      !json_object_get_null_member (guide, "time_limit_days"))
    days = json_object_get_int_member (guide, "time_limit_days");
  if (days > 0)
    {
      /* Translators: a business guide's time limit */
      g_autofree char *text = g_strdup_printf (ngettext ("Done within %1$d working day",
                                                         "Done within %1$d working days", days),
                                               (int) days);

      gtk_label_set_label (self->time_limit_label, text);
    }
  else
    gtk_label_set_label (self->time_limit_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->time_limit_label), days > 0);
}

static void
article_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AnjuKioskArticlesScreen) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuRecord) article = NULL;
  g_autofree char *date = NULL;
  JsonObject *guide = NULL;

  answer = anju_api_client_request_finish (ANJU_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      g_autofree char *message = error != NULL ? anju_error_message_for (error, NULL)
                                               : g_strdup (_("The server's answer could not be read."));

      anju_kiosk_context_notify (self->context, message);
      return;
    }

  article = anju_record_new (json_node_get_object (answer));
  date = format_date (anju_record_get_string (article, "published_at"));
  gtk_label_set_label (self->title_label, anju_record_get_string (article, "title"));
  gtk_label_set_label (self->meta_label, date);
  gtk_label_set_label (self->body_label, anju_record_get_string (article, "body"));
  if (g_strcmp0 (self->kind, "guide") == 0)
    guide = anju_record_get_member_object (article, "guide");
  show_guide (self, guide);
  gtk_stack_set_visible_child_name (self->stack, "detail");
}

static void
row_activated_cb (AnjuKioskArticlesScreen *self,
                  GtkListBoxRow           *row)
{
  g_autoptr(AnjuRecord) record = g_list_model_get_item (G_LIST_MODEL (self->articles),
                                                        gtk_list_box_row_get_index (row));
  g_autofree char *path = NULL;

  if (record == NULL)
    return;

  path = g_strdup_printf ("/api/v1/kiosk/articles/%" G_GINT64_FORMAT, anju_record_get_id (record));
  anju_api_client_request_async (anju_kiosk_context_get_api (self->context), "GET", path, NULL,
                                 restart_cancellable (self), article_cb, g_object_ref (self));
}

static void
search_clicked_cb (AnjuKioskArticlesScreen *self)
{
  load_list (self);
}

static void
list_clicked_cb (AnjuKioskArticlesScreen *self)
{
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
anju_kiosk_articles_screen_activate (AnjuKioskScreen *screen)
{
  AnjuKioskArticlesScreen *self = ANJU_KIOSK_ARTICLES_SCREEN (screen);

  gtk_stack_set_visible_child_name (self->stack, "list");
  load_list (self);
}

static void
anju_kiosk_articles_screen_reset (AnjuKioskScreen *screen)
{
  AnjuKioskArticlesScreen *self = ANJU_KIOSK_ARTICLES_SCREEN (screen);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  show_list_message (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
screen_iface_init (AnjuKioskScreenInterface *iface)
{
  iface->activate = anju_kiosk_articles_screen_activate;
  iface->reset = anju_kiosk_articles_screen_reset;
}

static void
anju_kiosk_articles_screen_constructed (GObject *object)
{
  AnjuKioskArticlesScreen *self = ANJU_KIOSK_ARTICLES_SCREEN (object);

  G_OBJECT_CLASS (anju_kiosk_articles_screen_parent_class)->constructed (object);

  /* Public notices are few and short-lived: a search would only be in
   * the way. */
  gtk_widget_set_visible (self->search_box, g_strcmp0 (self->kind, "publicity") != 0);
}

static void
anju_kiosk_articles_screen_dispose (GObject *object)
{
  AnjuKioskArticlesScreen *self = ANJU_KIOSK_ARTICLES_SCREEN (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_KIOSK_ARTICLES_SCREEN);
  g_clear_object (&self->articles);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (anju_kiosk_articles_screen_parent_class)->dispose (object);
}

static void
anju_kiosk_articles_screen_finalize (GObject *object)
{
  AnjuKioskArticlesScreen *self = ANJU_KIOSK_ARTICLES_SCREEN (object);

  g_clear_pointer (&self->kind, g_free);

  G_OBJECT_CLASS (anju_kiosk_articles_screen_parent_class)->finalize (object);
}

static void
anju_kiosk_articles_screen_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  AnjuKioskArticlesScreen *self = ANJU_KIOSK_ARTICLES_SCREEN (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_kiosk_articles_screen_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  AnjuKioskArticlesScreen *self = ANJU_KIOSK_ARTICLES_SCREEN (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_KIND:
      g_free (self->kind);
      self->kind = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_kiosk_articles_screen_class_init (AnjuKioskArticlesScreenClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_kiosk_articles_screen_constructed;
  object_class->dispose = anju_kiosk_articles_screen_dispose;
  object_class->finalize = anju_kiosk_articles_screen_finalize;
  object_class->get_property = anju_kiosk_articles_screen_get_property;
  object_class->set_property = anju_kiosk_articles_screen_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, "context");

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         "publicity",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_KIND, properties[PROP_KIND]);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/Kiosk/ui/anju-kiosk-articles-screen.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskArticlesScreen, stack);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskArticlesScreen, search_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskArticlesScreen, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskArticlesScreen, list_message_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskArticlesScreen, articles_list);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskArticlesScreen, title_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskArticlesScreen, meta_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskArticlesScreen, guide_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskArticlesScreen, steps_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskArticlesScreen, materials_box);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskArticlesScreen, time_limit_label);
  gtk_widget_class_bind_template_child (widget_class, AnjuKioskArticlesScreen, body_label);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_clicked_cb);
}

static void
anju_kiosk_articles_screen_init (AnjuKioskArticlesScreen *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->articles = g_list_store_new (ANJU_TYPE_RECORD);
  gtk_list_box_bind_model (self->articles_list, G_LIST_MODEL (self->articles), create_row_cb, NULL, NULL);
}

const char *
anju_kiosk_articles_screen_get_kind (AnjuKioskArticlesScreen *self)
{
  g_return_val_if_fail (ANJU_IS_KIOSK_ARTICLES_SCREEN (self), NULL);

  return self->kind;
}
