/* anju-window.c: sidebar, header, toasts and the pages of a session. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-application-view.h"
#include "anju-desktop-private.h"
#include "anju-error-message.h"
#include "anju-instance-dialog.h"
#include "anju-login-window.h"
#include "anju-record.h"
#include "anju-record-openers.h"
#include "anju-window-pages.h"
#include "anju-window.h"

/* The badge label of a sidebar row (borrowed: the row holds it). */
#define SIDEBAR_BADGE_KEY "anju-sidebar-badge"

struct _AnjuWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwLeaflet      *leaflet;
  GtkListBox      *sidebar_list;
  AdwWindowTitle  *user_title;
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;

  /* Borrowed: the sign-in window shown after the session expired */
  AnjuLoginWindow *reauth_window;

  /* Owned */
  AnjuApiClient   *client;
  AnjuTrustStore  *trust_store;
  GCancellable    *cancellable;
  AnjuRecordOpeners *record_openers;
};

G_DEFINE_FINAL_TYPE (AnjuWindow, anju_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_TRUST_STORE,
  N_PROPS
};

enum {
  SIGNED_OUT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_user_title (AnjuWindow *self)
{
  JsonObject *user = anju_api_client_get_user (self->client);
  const char *name = anju_json_get_string (user, "name");
  const char *organisation = anju_json_get_string (anju_json_get_object (user, "organisation"), "name");

  /* After sign-out the user is gone; keep showing who it was. */
  if (user == NULL)
    return;
  adw_window_title_set_title (self->user_title,
                              name != NULL ? name : anju_json_get_string (user, "username"));
  adw_window_title_set_subtitle (self->user_title, organisation != NULL ? organisation : "");
}

static GtkWidget *
create_sidebar_row (const AnjuWindowPage *page)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (page->icon_name);
  GtkWidget *label = gtk_label_new (_(page->title));
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  /* Hidden until a page reports something waiting (anju_window_set_page_badge). */
  gtk_widget_set_visible (badge, FALSE);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "anju-sidebar-badge");
  gtk_widget_add_css_class (badge, "numeric");
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, page->name);
  g_object_set_data (G_OBJECT (row), SIDEBAR_BADGE_KEY, badge);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(page->title),
                                  -1);
  return row;
}

/* Only pages the user may use get a sidebar row: no hidden widget holds
 * a view the server would refuse anyway.  A page's widget is built the
 * first time it is shown (ensure_page): building all of them, with
 * their templates, at sign-in took most of the main window's start
 * (issue 7), for pages most users never open in a session.  Pages
 * marked build_at_start have work to do while hidden (the unread
 * badge of the messages page). */
static void
add_pages (AnjuWindow *self)
{
  const AnjuWindowPage *pages;
  guint n_pages;

  pages = anju_window_pages (&n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      const AnjuWindowPage *page = &pages[i];

      if (page->permission != NULL && !anju_api_client_has_permission (self->client, page->permission))
        continue;

      gtk_list_box_append (self->sidebar_list, create_sidebar_row (page));
    }
}

static GtkListBoxRow *
find_sidebar_row (AnjuWindow *self,
                  const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && g_str_equal (gtk_widget_get_name (child), name))
      return GTK_LIST_BOX_ROW (child);
  return NULL;
}

/* The page's widget, built now if this is its first showing; NULL for
 * a page the user has no row for. */
static GtkWidget *
ensure_page (AnjuWindow *self,
             const char *name)
{
  const AnjuWindowPage *page;
  GtkWidget *widget;

  if (find_sidebar_row (self, name) == NULL || (page = anju_window_page_lookup (name)) == NULL)
    return NULL;

  widget = gtk_stack_get_child_by_name (self->stack, name);
  if (widget != NULL)
    return widget;

  widget = g_object_new (page->get_type (), "client", self->client, NULL);
  gtk_stack_add_titled (self->stack, widget, page->name, _(page->title));
  return widget;
}

static void
build_pages_at_start (AnjuWindow *self)
{
  const AnjuWindowPage *pages;
  guint n_pages;

  pages = anju_window_pages (&n_pages);
  for (guint i = 0; i < n_pages; i++)
    if (pages[i].build_at_start)
      ensure_page (self, pages[i].name);
}

static void
on_sidebar_row_activated (AnjuWindow    *self,
                          GtkListBoxRow *row)
{
  anju_window_show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked (AnjuWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Session expiry: sign in again over the window, keep everything */

static void
on_reauth_signed_in (AnjuWindow      *self,
                     AnjuApiClient   *client,
                     AnjuLoginWindow *login)
{
  self->reauth_window = NULL;
  gtk_window_destroy (GTK_WINDOW (login));
  anju_window_toast (self, _("Signed in again. You can continue where you left off."));
}

static void
on_reauth_cancelled (AnjuWindow *self)
{
  self->reauth_window = NULL;
  g_signal_emit (self, signals[SIGNED_OUT], 0, NULL);
}

static void
on_session_expired (AnjuWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (self->reauth_window != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->reauth_window));
      return;
    }

  self->reauth_window = anju_login_window_new_for_client (application, self->trust_store, self->client);
  gtk_window_set_transient_for (GTK_WINDOW (self->reauth_window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (self->reauth_window), TRUE);
  g_signal_connect_object (self->reauth_window, "signed-in",
                           G_CALLBACK (on_reauth_signed_in), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reauth_window, "cancelled",
                           G_CALLBACK (on_reauth_cancelled), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->reauth_window));
}

/* Actions */

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  anju_window_toast (ANJU_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  anju_window_show_page (ANJU_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
set_page_badge_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  const char *name;
  guint32 count;

  g_variant_get (parameter, "(&su)", &name, &count);
  anju_window_set_page_badge (ANJU_WINDOW (widget), name, count);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AnjuWindow *self = ANJU_WINDOW (widget);
  const char *name = gtk_stack_get_visible_child_name (self->stack);
  const AnjuWindowPage *page = anju_window_page_lookup (name);

  if (page != NULL && page->reload != NULL)
    page->reload (gtk_stack_get_visible_child (self->stack));
}

/* The fallback of the record openers: a domain without a record page
 * of its own is shown through its process instance. */
static void
open_instance_dialog (gpointer    window,
                      const char *domain,
                      gint64      record_id,
                      gint64      instance_id)
{
  AnjuWindow *self = ANJU_WINDOW (window);

  anju_instance_dialog_present (GTK_WINDOW (self), self->client, instance_id);
}

/* Public rental applications have a record page of their own. */
static void
open_application_view (gpointer    window,
                       const char *domain,
                       gint64      record_id,
                       gint64      instance_id)
{
  AnjuWindow *self = ANJU_WINDOW (window);

  if (record_id > 0)
    anju_application_view_present (GTK_WINDOW (self), self->client, record_id, instance_id);
  else if (instance_id > 0)
    anju_instance_dialog_present (GTK_WINDOW (self), self->client, instance_id);
}

static void
open_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AnjuWindow *self = ANJU_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *domain;
  gint64 record_id;
  gint64 instance_id;

  g_variant_get (parameter, "(&sxx)", &domain, &record_id, &instance_id);
  if (!anju_record_openers_open (self->record_openers, self, domain, record_id, instance_id, &error))
    anju_window_toast (self, error->message);
}

/* A record page changed a record (an action on its process): the lists
 * that show it follow. */
static void
record_changed_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AnjuWindow *self = ANJU_WINDOW (widget);
  const char * const followers[] = { "todo", "home", "workflow-instances" };

  for (guint i = 0; i < G_N_ELEMENTS (followers); i++)
    {
      const AnjuWindowPage *page = anju_window_page_lookup (followers[i]);
      GtkWidget *child = gtk_stack_get_child_by_name (self->stack, followers[i]);

      if (page != NULL && page->reload != NULL && child != NULL)
        page->reload (child);
    }
}

static void
sign_out_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AnjuWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;
  gboolean ok;

  if (g_async_result_is_tagged (result, anju_api_client_logout_all_async))
    ok = anju_api_client_logout_all_finish (ANJU_API_CLIENT (source), result, &error);
  else
    ok = anju_api_client_logout_finish (ANJU_API_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The local session is gone either way; the notice tells the user if
   * the server may not know. */
  if (!ok)
    {
      g_autofree char *reason = anju_error_message_for (error, anju_api_client_get_base_uri (self->client));

      /* Translators: %1$s is why the server could not be told */
      notice = g_strdup_printf (_("You are signed out here, but the server could not be told: %1$s"), reason);
    }
  g_signal_emit (self, signals[SIGNED_OUT], 0, notice);
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AnjuWindow *self = ANJU_WINDOW (widget);

  gtk_widget_action_set_enabled (widget, "win.sign-out", FALSE);
  gtk_widget_action_set_enabled (widget, "win.sign-out-everywhere", FALSE);
  anju_api_client_logout_async (self->client, self->cancellable, sign_out_cb, g_object_ref (self));
}

static void
sign_out_everywhere_response_cb (AdwMessageDialog *dialog,
                                 const char       *response,
                                 gpointer          user_data)
{
  AnjuWindow *self = user_data;

  if (!g_str_equal (response, "sign-out"))
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out-everywhere", FALSE);
  anju_api_client_logout_all_async (self->client, self->cancellable, sign_out_cb, g_object_ref (self));
}

static void
sign_out_everywhere_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  AnjuWindow *self = ANJU_WINDOW (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Sign Out Everywhere?"),
                                   _("All your sessions end: on this computer, on other computers, "
                                     "on service terminals and on phones. Unsaved work in other "
                                     "places is lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "sign-out", _("_Sign Out Everywhere"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign-out",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (sign_out_everywhere_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
anju_window_constructed (GObject *object)
{
  AnjuWindow *self = ANJU_WINDOW (object);

  G_OBJECT_CLASS (anju_window_parent_class)->constructed (object);

  g_return_if_fail (ANJU_IS_API_CLIENT (self->client));
  g_return_if_fail (ANJU_IS_TRUST_STORE (self->trust_store));

  add_pages (self);
  build_pages_at_start (self);
  update_user_title (self);
  g_signal_connect_object (self->client, "notify::user",
                           G_CALLBACK (update_user_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client, "session-expired",
                           G_CALLBACK (on_session_expired), self, G_CONNECT_SWAPPED);
  anju_window_show_page (self, "home");
}

static void
anju_window_dispose (GObject *object)
{
  AnjuWindow *self = ANJU_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->reauth_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->reauth_window));
  self->reauth_window = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->trust_store);
  g_clear_pointer (&self->record_openers, anju_record_openers_free);

  G_OBJECT_CLASS (anju_window_parent_class)->dispose (object);
}

static void
anju_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AnjuWindow *self = ANJU_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_TRUST_STORE:
      g_value_set_object (value, self->trust_store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AnjuWindow *self = ANJU_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_TRUST_STORE:
      self->trust_store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
anju_window_class_init (AnjuWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_window_constructed;
  object_class->dispose = anju_window_dispose;
  object_class->get_property = anju_window_get_property;
  object_class->set_property = anju_window_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TRUST_STORE] =
    g_param_spec_object ("trust-store", NULL, NULL,
                         ANJU_TYPE_TRUST_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AnjuWindow::signed-out:
   * @notice: (nullable): something the sign-in window should tell the user
   */
  signals[SIGNED_OUT] =
    g_signal_new ("signed-out",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/anju-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AnjuWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, AnjuWindow, user_title);
  gtk_widget_class_bind_template_child (widget_class, AnjuWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AnjuWindow, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.set-page-badge", "(su)", set_page_badge_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.open-record", "(sxx)", open_record_action);
  gtk_widget_class_install_action (widget_class, "win.record-changed", "(sxx)", record_changed_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out-everywhere", NULL,
                                   sign_out_everywhere_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
}

static void
anju_window_init (AnjuWindow *self)
{
  self->cancellable = g_cancellable_new ();
  /* A business domain with a record page of its own adds its opener
   * here: anju_record_openers_add (self->record_openers, "pubrent", …). */
  self->record_openers = anju_record_openers_new (open_instance_dialog);
  anju_record_openers_add (self->record_openers, "pubrent.application", open_application_view);
  gtk_widget_init_template (GTK_WIDGET (self));
}

AnjuWindow *
anju_window_new (GtkApplication *application,
                 AnjuApiClient  *client,
                 AnjuTrustStore *trust_store)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (ANJU_IS_TRUST_STORE (trust_store), NULL);

  return g_object_new (ANJU_TYPE_WINDOW,
                       "application", application,
                       "client", client,
                       "trust-store", trust_store,
                       NULL);
}

AnjuApiClient *
anju_window_get_client (AnjuWindow *self)
{
  g_return_val_if_fail (ANJU_IS_WINDOW (self), NULL);

  return self->client;
}

gboolean
anju_window_show_page (AnjuWindow *self,
                       const char *name)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (ANJU_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  row = find_sidebar_row (self, name);
  if (row == NULL || ensure_page (self, name) == NULL)
    return FALSE;

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_list_box_select_row (self->sidebar_list, row);
  return TRUE;
}

void
anju_window_toast (AnjuWindow *self,
                   const char *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (ANJU_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* AdwToast titles are markup in libadwaita 1.2; messages are text. */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

void
anju_window_set_page_badge (AnjuWindow *self,
                            const char *name,
                            guint       count)
{
  const AnjuWindowPage *page;
  GtkListBoxRow *row;
  GtkLabel *badge;
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  g_return_if_fail (ANJU_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  row = find_sidebar_row (self, name);
  page = anju_window_page_lookup (name);
  if (row == NULL || page == NULL)
    return;

  badge = g_object_get_data (G_OBJECT (row), SIDEBAR_BADGE_KEY);
  if (count == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (badge), FALSE);
      gtk_label_set_text (badge, "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(page->title),
                                      -1);
      return;
    }

  /* A badge is a glance, not a count to read: past 99 it says "99+". */
  text = count > 99 ? g_strdup ("99+") : g_strdup_printf ("%u", count);
  gtk_label_set_text (badge, text);
  gtk_widget_set_visible (GTK_WIDGET (badge), TRUE);

  /* Translators: %1$s is a page of the sidebar ("Messages"), %2$u how
   * many things on it wait for the user (unread messages, open tasks) */
  accessible = g_strdup_printf (_("%1$s, %2$u new"), _(page->title), count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* Private API for tests (anju-desktop-private.h) */

GtkStack *
_anju_window_get_stack (AnjuWindow *self)
{
  return self->stack;
}

GtkListBox *
_anju_window_get_sidebar (AnjuWindow *self)
{
  return self->sidebar_list;
}

GtkWidget *
_anju_window_get_page (AnjuWindow *self,
                       const char *name)
{
  return ensure_page (self, name);
}

gboolean
_anju_window_page_is_built (AnjuWindow *self,
                            const char *name)
{
  return gtk_stack_get_child_by_name (self->stack, name) != NULL;
}

AnjuLoginWindow *
_anju_window_get_reauth_window (AnjuWindow *self)
{
  return self->reauth_window;
}

const char *
_anju_window_get_page_badge (AnjuWindow *self,
                             const char *name)
{
  GtkListBoxRow *row = find_sidebar_row (self, name);
  GtkWidget *badge = row != NULL ? g_object_get_data (G_OBJECT (row), SIDEBAR_BADGE_KEY) : NULL;

  if (badge == NULL || !gtk_widget_get_visible (badge))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (badge));
}

AnjuRecordOpeners *
_anju_window_get_record_openers (AnjuWindow *self)
{
  return self->record_openers;
}
