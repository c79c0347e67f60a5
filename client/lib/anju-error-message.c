/* anju-error-message.c: GError -> translated, user-facing sentence. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "anju-error.h"
#include "anju-error-message.h"

/* The codes whose server message is more useful than anything generic. */
static gboolean
prefers_server_message (int code)
{
  return code == ANJU_ERROR_VALIDATION ||
         code == ANJU_ERROR_CONFLICT ||
         code == ANJU_ERROR_ACCOUNT_LOCKED;
}

static const char *
fixed_message (int code)
{
  switch (code)
    {
    case ANJU_ERROR_VALIDATION:
      return _("Some of the values are not valid.");
    case ANJU_ERROR_CONFLICT:
      return _("This conflicts with an existing record.");
    case ANJU_ERROR_ACCOUNT_LOCKED:
      return _("This account is locked after too many failed sign-ins. Try again later.");
    case ANJU_ERROR_UNAUTHORIZED:
      return _("Your session has ended. Sign in again to continue.");
    case ANJU_ERROR_INVALID_CREDENTIALS:
      return _("The username or password is wrong.");
    case ANJU_ERROR_ACCOUNT_DISABLED:
      return _("This account is disabled. Ask your administrator to enable it.");
    case ANJU_ERROR_PASSWORD_CHANGE_REQUIRED:
      return _("You must change your password before you continue.");
    case ANJU_ERROR_FORBIDDEN:
      return _("You do not have permission to do this.");
    case ANJU_ERROR_NOT_FOUND:
      return _("The record does not exist any more, or you may not see it.");
    case ANJU_ERROR_TOO_LARGE:
      return _("What you sent is too large for the server.");
    case ANJU_ERROR_MALFORMED:
      return _("The server and this program did not understand each other. Check that both are up to date.");
    case ANJU_ERROR_UNAVAILABLE:
      return _("The server is not available right now. Try again later.");
    case ANJU_ERROR_TOO_MANY_REQUESTS:
      return _("Too many tries in a short time. Wait a minute and try again.");
    case ANJU_ERROR_UNSUPPORTED_MEDIA:
    case ANJU_ERROR_METHOD_NOT_ALLOWED:
    case ANJU_ERROR_INTERNAL:
    case ANJU_ERROR_CONFIG:
    case ANJU_ERROR_DATABASE:
    default:
      return _("The server ran into a problem. Try again later, or tell your administrator.");
    }
}

char *
anju_error_message_for (const GError *error,
                        const char   *server_uri)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return NULL;
  if (error->domain != ANJU_ERROR)
    return g_strdup (error->message);

  switch (error->code)
    {
    case ANJU_ERROR_NETWORK:
      if (server_uri == NULL)
        return g_strdup (_("Could not reach the server. Check your network connection."));
      /* Translators: %1$s is a server address such as https://127.0.0.1:8443 */
      return g_strdup_printf (_("Could not reach the server at %1$s. Check the address and your network connection."),
                              server_uri);

    case ANJU_ERROR_CERTIFICATE:
      if (server_uri == NULL)
        return g_strdup (_("The server’s certificate changed since you trusted it, or is not valid. "
                           "The connection was refused because someone may be intercepting it."));
      /* Translators: %1$s is a server address such as https://127.0.0.1:8443 */
      return g_strdup_printf (_("The certificate of %1$s changed since you trusted it, or is not valid for this address. "
                                "The connection was refused because someone may be intercepting it."),
                              server_uri);

    default:
      if (prefers_server_message (error->code) && error->message != NULL && *error->message != '\0')
        return g_strdup (error->message);
      return g_strdup (fixed_message (error->code));
    }
}
