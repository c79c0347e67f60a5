/* anju-json-body.c: bodies read by hand.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-json-body.h"
#include "anju-validation.h"

JsonObject *
anju_json_body_read (AnjuRequest *request)
{
  SoupServerMessage *msg = anju_request_get_message (request);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length == 0 || !json_parser_load_from_data (parser, data, length, &parse_error))
    {
      g_autoptr(GError) error = g_error_new (ANJU_ERROR, ANJU_ERROR_MALFORMED,
                                             _("The request body is not valid JSON: %s"),
                                             parse_error != NULL ? parse_error->message
                                                                 : _("it is empty"));

      anju_request_reply_error (request, error);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      anju_reply_error_code (request, ANJU_ERROR_MALFORMED,
                             _("The request body must be a JSON object"));
      return NULL;
    }
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

gboolean
anju_json_body_check_members (AnjuRequest        *request,
                              JsonObject         *body,
                              const char         *prefix,
                              const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (body);
  gboolean ok = TRUE;

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_autofree char *field = g_strconcat (prefix != NULL ? prefix : "", l->data, NULL);

        anju_request_add_field_error (request, field, _("Unknown field"));
        ok = FALSE;
      }
  return ok;
}
