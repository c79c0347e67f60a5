#include "config.h"

#include "anju-desktop-test.h"
#include "anju-test-dirs.h"

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             Match          match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static gboolean
is_button_for_action (GtkWidget     *widget,
                      gconstpointer  action_name)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_row_named (GtkWidget     *widget,
              gconstpointer  name)
{
  return GTK_IS_LIST_BOX_ROW (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

GtkWidget *
anju_desktop_test_find_row (GtkWidget  *root,
                            const char *title)
{
  return find_widget (root, is_row_titled, title);
}

GtkWidget *
anju_desktop_test_find_label (GtkWidget  *root,
                              const char *text)
{
  return find_widget (root, is_label_with_text, text);
}

GtkWidget *
anju_desktop_test_find_label_starting (GtkWidget  *root,
                                       const char *prefix)
{
  return find_widget (root, is_label_starting, prefix);
}

GtkWidget *
anju_desktop_test_find_button (GtkWidget  *root,
                               const char *action_name)
{
  return find_widget (root, is_button_for_action, action_name);
}

GtkWidget *
anju_desktop_test_find_type (GtkWidget *root,
                             GType      type)
{
  return find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

GtkWidget *
anju_desktop_test_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_items = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

void
anju_desktop_test_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* The label of the item of action_name in model or its sections, or
 * NULL. */
static char *
menu_label_for_action (GMenuModel *model,
                       const char *action_name)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action)
          && g_str_equal (action, action_name)
          && g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        return g_steal_pointer (&label);

      section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      if (section != NULL && (label = menu_label_for_action (section, action_name)) != NULL)
        return g_steal_pointer (&label);
    }

  return NULL;
}

/* The label as shown: "_" marks the mnemonic, "__" is an underscore. */
static char *
strip_mnemonic (const char *label)
{
  GString *shown = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (shown, *p);
    }

  return g_string_free (shown, FALSE);
}

/* GtkPopoverMenu shows an item as a GtkModelButton (a private type) that
 * carries the item's label as "text", mnemonic taken out, but not its
 * action. */
static gboolean
is_menu_item_labelled (GtkWidget     *widget,
                       gconstpointer  label)
{
  g_autofree char *text = NULL;

  if (g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "GtkModelButton") != 0)
    return FALSE;

  g_object_get (widget, "text", &text, NULL);
  return g_strcmp0 (text, label) == 0;
}

static gboolean
is_menu_button (GtkWidget     *widget,
                gconstpointer  action_name)
{
  g_autofree char *label = NULL;
  GMenuModel *model;

  if (!GTK_IS_MENU_BUTTON (widget))
    return FALSE;

  model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));
  label = model != NULL ? menu_label_for_action (model, action_name) : NULL;
  return label != NULL;
}

GtkWidget *
anju_desktop_test_find_menu_item (GtkWidget  *root,
                                  const char *action_name)
{
  GtkWidget *menu_button = find_widget (root, is_menu_button, action_name);
  g_autofree char *label = NULL;
  g_autofree char *shown = NULL;
  GtkPopover *popover;

  if (menu_button == NULL)
    return NULL;

  label = menu_label_for_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), action_name);
  shown = strip_mnemonic (label);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
  return popover != NULL ? find_widget (GTK_WIDGET (popover), is_menu_item_labelled, shown) : NULL;
}

void
anju_desktop_test_click_menu_item (GtkWidget *item)
{
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_is_sensitive (item));
  g_signal_emit_by_name (item, "clicked");
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

void
anju_desktop_test_answer (GtkWidget  *dialog,
                          const char *response)
{
  const char *label;
  GtkWidget *button;

  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), response));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), response));

  /* The dialog labels each response's button with the response's label. */
  label = adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), response);
  button = find_widget (dialog, is_button_labelled, label);
  g_assert_nonnull (button);
  anju_desktop_test_click (button);
}

static gboolean
trust_dialog_shown (gpointer data)
{
  AnjuLoginWindow *login = _anju_application_get_login_window (data);

  return login != NULL && _anju_login_window_get_trust_dialog (login) != NULL;
}

static gboolean
main_window_shown (gpointer data)
{
  AnjuWindow *window = _anju_application_get_main_window (data);

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static AnjuWindow *
sign_in (AnjuApplication *app,
         AnjuTestServer  *server,
         const char      *username,
         const char      *password)
{
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autofree char *server_fingerprint = NULL;
  g_autoptr(GError) error = NULL;
  AnjuLoginWindow *login = _anju_application_get_login_window (app);
  AnjuTrustDialog *trust;

  g_assert_nonnull (login);
  gtk_editable_set_text (_anju_login_window_get_server_entry (login), server->base_uri);
  gtk_editable_set_text (_anju_login_window_get_username_entry (login), username);
  gtk_editable_set_text (_anju_login_window_get_password_entry (login), password);
  anju_desktop_test_click (GTK_WIDGET (_anju_login_window_get_sign_in_button (login)));

  /* A first sign-in asks whether to trust the certificate, and shows the
   * fingerprint of the one the server really presents. */
  g_assert_true (anju_test_display_wait_for (trust_dialog_shown, app, "the trust dialog"));
  trust = _anju_login_window_get_trust_dialog (login);
  certificate = g_tls_certificate_new_from_pem (server->cert_pem, -1, &error);
  g_assert_no_error (error);
  server_fingerprint = anju_certificate_get_fingerprint (certificate);
  g_assert_cmpstr (anju_trust_dialog_get_fingerprint (trust), ==, server_fingerprint);
  g_assert_nonnull (anju_desktop_test_find_label (GTK_WIDGET (trust), server_fingerprint));

  anju_trust_dialog_answer (trust, TRUE);
  g_assert_true (anju_test_display_wait_for (main_window_shown, app, "the main window"));

  return _anju_application_get_main_window (app);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Every window goes, down to the API client and with it the client's
 * connections, which the server waits for when it stops. */
static void
close_windows (AnjuWindow *window)
{
  AnjuApiClient *client = anju_window_get_client (window);
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_object_add_weak_pointer (G_OBJECT (client), (gpointer *) &client);

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (toplevel);
    }

  g_assert_true (anju_test_display_wait_for (is_null, &client, "the API client to be finalized"));
}

typedef struct
{
  AnjuApplication     *app;
  AnjuTestServer      *server;
  const char          *username;
  const char          *password;
  AnjuDesktopTestBody  body;
  gpointer             data;
} Run;

/* Runs once the sign-in window is up, inside g_application_run(); the
 * waits in here iterate the same main context. */
static gboolean
run_body_cb (gpointer user_data)
{
  Run *run = user_data;
  AnjuWindow *window;

  window = sign_in (run->app, run->server, run->username, run->password);
  run->body (window, run->data);
  close_windows (window);

  g_application_quit (G_APPLICATION (run->app));
  return G_SOURCE_REMOVE;
}

static void
activate_cb (GApplication *app,
             Run          *run)
{
  g_signal_handlers_disconnect_by_func (app, activate_cb, run);
  g_idle_add (run_body_cb, run);
}

void
anju_desktop_test_run (AnjuTestServer      *server,
                       const char          *username,
                       const char          *password,
                       AnjuDesktopTestBody  body,
                       gpointer             data)
{
  AnjuApplication *app;
  Run run = { NULL, server, username, password, body, data };

  /* No certificate pinned by an earlier test: this sign-in is a first. */
  anju_test_clear_dirs ();
  run.app = app = _anju_application_new_for_tests (NULL);

  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);

  g_object_add_weak_pointer (G_OBJECT (app), (gpointer *) &app);
  g_object_unref (app);
  g_assert_null (app);
}

GtkWidget *
anju_desktop_test_open_page (AnjuWindow *window,
                             const char *name)
{
  GtkListBox *sidebar = _anju_window_get_sidebar (window);
  GtkWidget *row = find_widget (GTK_WIDGET (sidebar), is_row_named, name);
  GtkWidget *page;

  g_assert_nonnull (row);
  g_signal_emit_by_name (sidebar, "row-activated", row);

  page = _anju_window_get_page (window, name);
  g_assert_nonnull (page);
  g_assert_true (gtk_stack_get_visible_child (_anju_window_get_stack (window)) == page);

  return page;
}

static gboolean
window_of_type_shown (gpointer data)
{
  GtkWidget *window = anju_desktop_test_find_window (GPOINTER_TO_SIZE (data));

  return window != NULL && gtk_widget_get_mapped (window);
}

static gboolean
window_of_type_gone (gpointer data)
{
  return anju_desktop_test_find_window (GPOINTER_TO_SIZE (data)) == NULL;
}

GtkWidget *
anju_test_display_wait_for_window (GType type)
{
  g_assert_true (anju_test_display_wait_for (window_of_type_shown, GSIZE_TO_POINTER (type),
                                             g_type_name (type)));
  return anju_desktop_test_find_window (type);
}

void
anju_test_display_wait_for_window_gone (GType type)
{
  g_assert_true (anju_test_display_wait_for (window_of_type_gone, GSIZE_TO_POINTER (type),
                                             g_type_name (type)));
}

typedef struct
{
  GtkWidget  *root;
  const char *action_name;
} ActionLookup;

static gboolean
action_button_sensitive (gpointer data)
{
  ActionLookup *lookup = data;
  GtkWidget *button = anju_desktop_test_find_button (lookup->root, lookup->action_name);

  return button != NULL && gtk_widget_is_sensitive (button);
}

void
anju_desktop_test_click_action (GtkWidget  *root,
                                const char *action_name)
{
  ActionLookup lookup = { root, action_name };

  g_assert_true (anju_test_display_wait_for (action_button_sensitive, &lookup, action_name));
  anju_desktop_test_click (anju_desktop_test_find_button (root, action_name));
}

void
anju_desktop_test_set_row_text (GtkWidget  *dialog,
                                const char *title,
                                const char *text)
{
  GtkWidget *row = anju_desktop_test_find_row (dialog, title);

  g_assert_true (GTK_IS_EDITABLE (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}
