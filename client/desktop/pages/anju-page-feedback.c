#include "config.h"

#include <glib/gi18n.h>

#include "anju-error-message.h"
#include "anju-page-feedback.h"

void
anju_page_toast (GtkWidget  *widget,
                 const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  /* A page outside a window (a widget test) still leaves a trace. */
  if (!gtk_widget_activate_action (widget, "win.toast", "s", message))
    g_message ("%s", message);
}

void
anju_page_toast_error (GtkWidget     *widget,
                       AnjuApiClient *client,
                       const char    *what,
                       const GError  *error)
{
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (what != NULL);
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_UNAUTHORIZED))
    return;

  reason = anju_error_message_for (error, client != NULL ? anju_api_client_get_base_uri (client) : NULL);
  if (reason == NULL)
    return;

  /* Translators: %1$s says what failed ("Could not delete the
   * organisation"), %2$s why ("It still has users.") */
  message = g_strdup_printf (_("%1$s: %2$s"), what, reason);
  anju_page_toast (widget, message);
}

void
anju_page_show_load_error (GtkStack      *stack,
                           AdwStatusPage *error_page,
                           AnjuApiClient *client,
                           const GError  *error)
{
  g_autofree char *message = NULL;

  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (ADW_IS_STATUS_PAGE (error_page));
  g_return_if_fail (ANJU_IS_API_CLIENT (client));
  g_return_if_fail (error != NULL);

  message = anju_error_message_for (error, anju_api_client_get_base_uri (client));
  adw_status_page_set_description (error_page, message);
  gtk_stack_set_visible_child_name (stack, "error");
}
