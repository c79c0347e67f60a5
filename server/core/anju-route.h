/* anju-route.h: how a domain declares its endpoints.
 *
 * Each domain has one static table of routes and registers it at start-up
 * with anju_server_add_routes().  The same tables produce openapi.json, so
 * an endpoint that exists is always documented.
 *
 * Patterns are "/api/v1/users/{id}/unlock": literal segments and {name}
 * captures of one segment.
 */
#pragma once

#include "anju-request.h"

G_BEGIN_DECLS

typedef void (*AnjuHandlerFunc) (AnjuRequest *request);

typedef enum
{
  ANJU_ROUTE_DEFAULT = 0,
  /* No sign-in needed. */
  ANJU_ROUTE_PUBLIC = 1 << 0,
  /* Reachable while the caller must still change their password. */
  ANJU_ROUTE_DURING_PASSWORD_CHANGE = 1 << 1,
  /* The body is a raw upload of any Content-Type (not JSON), accepted up
   * to [files] max_upload_bytes instead of [server] max_json_body. */
  ANJU_ROUTE_UPLOAD = 1 << 2,
} AnjuRouteFlags;

typedef struct
{
  const char          *method;       /* "GET", "POST", "PATCH", "DELETE" */
  const char          *pattern;
  const char          *permission;   /* (nullable): NULL = any signed-in user */
  AnjuRouteFlags       flags;
  AnjuHandlerFunc      handler;
  const char          *summary;      /* one line for openapi.json */
  const AnjuFieldSpec *body;         /* (nullable) request body, for openapi.json */
  const char          *tag;          /* openapi tag: "auth", "organisations" … */
} AnjuRoute;

G_END_DECLS
