#include "config.h"

#include "anju-openapi.h"

static void
add_field_schema (JsonBuilder         *builder,
                  const AnjuFieldSpec *spec)
{
  static const char *item_types[] = {
    [ANJU_FIELD_STRING_ARRAY] = "string",
    [ANJU_FIELD_INT_ARRAY] = "integer",
  };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  switch (spec->type)
    {
    case ANJU_FIELD_STRING: json_builder_add_string_value (builder, "string"); break;
    case ANJU_FIELD_INT: json_builder_add_string_value (builder, "integer"); break;
    case ANJU_FIELD_BOOL: json_builder_add_string_value (builder, "boolean"); break;
    case ANJU_FIELD_OBJECT: json_builder_add_string_value (builder, "object"); break;
    case ANJU_FIELD_STRING_ARRAY:
    case ANJU_FIELD_INT_ARRAY:
      json_builder_add_string_value (builder, "array");
      json_builder_set_member_name (builder, "items");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, item_types[spec->type]);
      json_builder_end_object (builder);
      break;
    default:
      g_assert_not_reached ();
    }

  if (spec->enum_values != NULL)
    {
      json_builder_set_member_name (builder, "enum");
      json_builder_begin_array (builder);
      for (guint i = 0; spec->enum_values[i] != NULL; i++)
        json_builder_add_string_value (builder, spec->enum_values[i]);
      json_builder_end_array (builder);
    }
  if (spec->max_length != 0)
    {
      json_builder_set_member_name (builder, "maxLength");
      json_builder_add_int_value (builder, spec->max_length);
    }
  if (spec->flags & ANJU_FIELD_NULLABLE)
    {
      json_builder_set_member_name (builder, "nullable");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (spec->flags & ANJU_FIELD_SECRET)
    {
      json_builder_set_member_name (builder, "format");
      json_builder_add_string_value (builder, "password");
    }
  if (spec->description != NULL)
    {
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, spec->description);
    }
  json_builder_end_object (builder);
}

static void
add_request_body (JsonBuilder         *builder,
                  const AnjuFieldSpec *specs)
{
  json_builder_set_member_name (builder, "requestBody");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "required");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "content");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "application/json");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schema");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "object");
  json_builder_set_member_name (builder, "additionalProperties");
  json_builder_add_boolean_value (builder, FALSE);

  json_builder_set_member_name (builder, "required");
  json_builder_begin_array (builder);
  for (const AnjuFieldSpec *spec = specs; spec->name != NULL; spec++)
    if (spec->flags & ANJU_FIELD_REQUIRED)
      json_builder_add_string_value (builder, spec->name);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "properties");
  json_builder_begin_object (builder);
  for (const AnjuFieldSpec *spec = specs; spec->name != NULL; spec++)
    {
      json_builder_set_member_name (builder, spec->name);
      add_field_schema (builder, spec);
    }
  json_builder_end_object (builder);

  json_builder_end_object (builder);   /* schema */
  json_builder_end_object (builder);   /* application/json */
  json_builder_end_object (builder);   /* content */
  json_builder_end_object (builder);   /* requestBody */
}

/* An upload route takes the file's own bytes, whatever their type. */
static void
add_upload_body (JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "requestBody");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "required");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder,
                                 "The raw bytes of the file; Content-Type names their type");
  json_builder_set_member_name (builder, "content");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "*/*");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schema");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "string");
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "binary");
  json_builder_end_object (builder);   /* schema */
  json_builder_end_object (builder);   /* any type */
  json_builder_end_object (builder);   /* content */
  json_builder_end_object (builder);   /* requestBody */
}

static void
add_path_parameters (JsonBuilder *builder,
                     const char  *pattern)
{
  g_auto(GStrv) segments = g_strsplit (pattern, "/", -1);

  json_builder_set_member_name (builder, "parameters");
  json_builder_begin_array (builder);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      gsize len = strlen (segments[i]);
      g_autofree char *name = NULL;

      if (len < 3 || segments[i][0] != '{' || segments[i][len - 1] != '}')
        continue;
      name = g_strndup (segments[i] + 1, len - 2);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "in");
      json_builder_add_string_value (builder, "path");
      json_builder_set_member_name (builder, "required");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "schema");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "string");
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_operation (JsonBuilder     *builder,
               const AnjuRoute *route)
{
  g_autofree char *method = g_ascii_strdown (route->method, -1);

  json_builder_set_member_name (builder, method);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, route->summary != NULL ? route->summary : route->pattern);
  if (route->tag != NULL)
    {
      json_builder_set_member_name (builder, "tags");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, route->tag);
      json_builder_end_array (builder);
    }
  if (route->permission != NULL)
    {
      json_builder_set_member_name (builder, "x-anju-permission");
      json_builder_add_string_value (builder, route->permission);
    }
  json_builder_set_member_name (builder, "security");
  json_builder_begin_array (builder);
  if ((route->flags & ANJU_ROUTE_PUBLIC) == 0)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "bearer");
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_path_parameters (builder, route->pattern);
  if (route->body != NULL)
    add_request_body (builder, route->body);
  else if (route->flags & ANJU_ROUTE_UPLOAD)
    add_upload_body (builder);

  json_builder_set_member_name (builder, "responses");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "default");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, "JSON body, or {\"error\": {code, message, fields}}");
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_end_object (builder);
}

static void
add_info (JsonBuilder *builder,
          const char  *version)
{
  json_builder_set_member_name (builder, "openapi");
  json_builder_add_string_value (builder, "3.0.3");
  json_builder_set_member_name (builder, "info");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "Anju API");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, version);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "components");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "securitySchemes");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "bearer");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "http");
  json_builder_set_member_name (builder, "scheme");
  json_builder_add_string_value (builder, "bearer");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

JsonNode *
anju_openapi_build (const AnjuRoute *const *routes,
                    guint                   n_routes,
                    const char             *version)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GPtrArray) patterns = g_ptr_array_new ();

  /* Operations of one path must sit in one object, so group by pattern
   * in first-registered order. */
  for (guint i = 0; i < n_routes; i++)
    if (!g_ptr_array_find_with_equal_func (patterns, routes[i]->pattern, g_str_equal, NULL))
      g_ptr_array_add (patterns, (gpointer) routes[i]->pattern);

  json_builder_begin_object (builder);
  add_info (builder, version);
  json_builder_set_member_name (builder, "paths");
  json_builder_begin_object (builder);
  for (guint p = 0; p < patterns->len; p++)
    {
      json_builder_set_member_name (builder, g_ptr_array_index (patterns, p));
      json_builder_begin_object (builder);
      for (guint i = 0; i < n_routes; i++)
        if (g_str_equal (routes[i]->pattern, g_ptr_array_index (patterns, p)))
          add_operation (builder, routes[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
