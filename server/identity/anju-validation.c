#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-validation.h"

void
anju_reply_error_code (AnjuRequest   *request,
                       AnjuErrorCode  code,
                       const char    *message)
{
  g_autoptr(GError) error = g_error_new_literal (ANJU_ERROR, code, message);

  anju_request_reply_error (request, error);
}

void
anju_reply_validation_failed (AnjuRequest *request)
{
  anju_reply_error_code (request, ANJU_ERROR_VALIDATION,
                         _("Some fields are missing or invalid"));
}

void
anju_reply_field_error (AnjuRequest *request,
                        const char  *field,
                        const char  *message)
{
  anju_request_add_field_error (request, field, message);
  anju_reply_validation_failed (request);
}

char *
anju_body_dup_trimmed (JsonObject *body,
                       const char *member)
{
  JsonNode *node = json_object_get_member (body, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return g_strstrip (g_strdup (json_node_get_string (node)));
}

gboolean
anju_check_not_blank (AnjuRequest *request,
                      const char  *field,
                      const char  *value)
{
  if (value != NULL && *value != '\0')
    return TRUE;
  anju_request_add_field_error (request, field, _("This field must not be empty"));
  return FALSE;
}

gboolean
anju_username_is_valid (const char *username)
{
  gsize length = strlen (username);

  if (length < 3 || length > 32)
    return FALSE;
  for (const char *p = username; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || strchr ("_.-", *p) != NULL))
      return FALSE;
  return TRUE;
}

const char *
anju_username_rule (void)
{
  return _("Use 3 to 32 characters: lower-case letters, digits, “_”, “.” or “-”");
}
