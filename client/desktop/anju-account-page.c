/* anju-account-page.c: profile, password change, sign out everywhere. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-account-page.h"
#include "anju-error-message.h"
#include "anju-password-page.h"
#include "anju-record.h"

struct _AnjuAccountPage
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwActionRow     *username_row;
  AdwActionRow     *name_row;
  AdwActionRow     *phone_row;
  AdwActionRow     *organisation_row;
  AdwActionRow     *roles_row;
  AdwActionRow     *session_row;
  AnjuPasswordPage *password_page;

  /* Owned */
  AnjuApiClient    *client;
  GCancellable     *cancellable;
};

G_DEFINE_FINAL_TYPE (AnjuAccountPage, anju_account_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_row_value (AdwActionRow *row,
               const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && *value != '\0' ? value : "—");
}

static char *
join_role_names (JsonObject *user)
{
  JsonArray *roles = anju_json_get_array (user, "roles");
  guint n = roles != NULL ? json_array_get_length (roles) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (roles, i);
      const char *name = JSON_NODE_HOLDS_OBJECT (node)
                         ? anju_json_get_string (json_node_get_object (node), "name") : NULL;

      if (name != NULL)
        g_ptr_array_add (names, (gpointer) name);
    }
  g_ptr_array_add (names, NULL);
  /* Translators: separates role names in a list */
  return g_strjoinv (C_("list separator", ", "), (char **) names->pdata);
}

static char *
format_time (const char *iso8601)
{
  g_autoptr(GDateTime) time = iso8601 != NULL ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return NULL;
  local = g_date_time_to_local (time);
  /* Translators: date and time format of the session end, see g_date_time_format() */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}

static void
refresh (AnjuAccountPage *self)
{
  JsonObject *user = anju_api_client_get_user (self->client);
  g_autofree char *roles = join_role_names (user);
  g_autofree char *expires = format_time (anju_json_get_string (user, "session_expires_at"));

  set_row_value (self->username_row, anju_json_get_string (user, "username"));
  set_row_value (self->name_row, anju_json_get_string (user, "name"));
  set_row_value (self->phone_row, anju_json_get_string (user, "phone"));
  set_row_value (self->organisation_row,
                 anju_json_get_string (anju_json_get_object (user, "organisation"), "name"));
  set_row_value (self->roles_row, roles);
  set_row_value (self->session_row, expires);
}

static void
me_cb (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(AnjuAccountPage) self = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;

  node = anju_api_client_request_finish (ANJU_API_CLIENT (source), result, &error);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      anju_api_client_set_user (self->client, json_node_get_object (node));
      return;
    }

  /* An ended session brings back the sign-in dialog; say nothing more. */
  if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_UNAUTHORIZED))
    return;
  sentence = error != NULL ? anju_error_message_for (error, anju_api_client_get_base_uri (self->client))
                           : g_strdup (_("The server’s answer about your account could not be read."));
  if (sentence != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", sentence);
}

static void
on_password_changed (AnjuAccountPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s",
                              _("Your password was changed. Your other sessions were signed out."));
}

static void
anju_account_page_dispose (GObject *object)
{
  AnjuAccountPage *self = ANJU_ACCOUNT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANJU_TYPE_ACCOUNT_PAGE);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (anju_account_page_parent_class)->dispose (object);
}

static void
anju_account_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AnjuAccountPage *self = ANJU_ACCOUNT_PAGE (object);

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
anju_account_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AnjuAccountPage *self = ANJU_ACCOUNT_PAGE (object);

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
anju_account_page_constructed (GObject *object)
{
  AnjuAccountPage *self = ANJU_ACCOUNT_PAGE (object);

  G_OBJECT_CLASS (anju_account_page_parent_class)->constructed (object);

  g_return_if_fail (ANJU_IS_API_CLIENT (self->client));

  anju_password_page_set_client (self->password_page, self->client);
  g_signal_connect_swapped (self->client, "notify::user", G_CALLBACK (refresh), self);
  refresh (self);
}

static void
anju_account_page_class_init (AnjuAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = anju_account_page_constructed;
  object_class->dispose = anju_account_page_dispose;
  object_class->get_property = anju_account_page_get_property;
  object_class->set_property = anju_account_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ANJU_TYPE_API_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ANJU_TYPE_PASSWORD_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/anju/desktop/ui/anju-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnjuAccountPage, username_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuAccountPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuAccountPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuAccountPage, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuAccountPage, roles_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuAccountPage, session_row);
  gtk_widget_class_bind_template_child (widget_class, AnjuAccountPage, password_page);
  gtk_widget_class_bind_template_callback (widget_class, on_password_changed);
}

static void
anju_account_page_init (AnjuAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
anju_account_page_new (AnjuApiClient *client)
{
  return g_object_new (ANJU_TYPE_ACCOUNT_PAGE, "client", client, NULL);
}

void
anju_account_page_reload (AnjuAccountPage *self)
{
  g_return_if_fail (ANJU_IS_ACCOUNT_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  anju_api_client_request_async (self->client, "GET", "/api/v1/auth/me", NULL,
                                 self->cancellable, me_cb, g_object_ref (self));
}
