#include "config.h"

#include <glib/gi18n.h>

#include "anju-caller.h"
#include "anju-request-private.h"
#include "anju-server.h"
#include "anju-stmt.h"

#define DEFAULT_PAGE_SIZE 50
#define MAX_PAGE_SIZE 200
#define DEFAULT_MAX_LENGTH 1000

struct _AnjuRequest
{
  gatomicrefcount    ref_count;

  AnjuServer        *server;        /* (owned) */
  SoupServerMessage *msg;           /* (owned) */
  const AnjuRoute   *route;         /* (unowned) static table */
  GHashTable        *path_params;   /* (owned) (nullable) */
  GHashTable        *query;         /* (owned) (nullable) */
  AnjuCaller        *caller;        /* (owned) (nullable) */
  char              *token;         /* (owned) (nullable) */
  JsonNode          *body;          /* (owned) (nullable) */
  JsonObject        *field_errors;  /* (owned) */
  gboolean           paused;
  gboolean           replied;
};

AnjuRequest *
_anju_request_new (AnjuServer        *server,
                   SoupServerMessage *msg,
                   const AnjuRoute   *route,
                   GHashTable        *path_params,
                   GHashTable        *query)
{
  AnjuRequest *self = g_new0 (AnjuRequest, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->server = g_object_ref (server);
  self->msg = g_object_ref (msg);
  self->route = route;
  self->path_params = path_params != NULL ? g_hash_table_ref (path_params) : NULL;
  self->query = query != NULL ? g_hash_table_ref (query) : NULL;
  self->field_errors = json_object_new ();
  return self;
}

AnjuRequest *
anju_request_ref (AnjuRequest *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
anju_request_unref (AnjuRequest *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  /* A handler that forgot to answer must not leave a client hanging. */
  if (!self->replied)
    {
      g_critical ("Request to %s finished without a reply", self->route->pattern);
      _anju_reply_message_error (self->msg, ANJU_ERROR_INTERNAL, _("The server did not answer"));
      if (self->paused)
        soup_server_message_unpause (self->msg);
    }

  g_clear_object (&self->server);
  g_clear_object (&self->msg);
  g_clear_pointer (&self->path_params, g_hash_table_unref);
  g_clear_pointer (&self->query, g_hash_table_unref);
  g_clear_pointer (&self->caller, anju_caller_free);
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->body, json_node_unref);
  g_clear_pointer (&self->field_errors, json_object_unref);
  g_free (self);
}

void
_anju_request_set_caller (AnjuRequest *self,
                          AnjuCaller  *caller)
{
  g_clear_pointer (&self->caller, anju_caller_free);
  self->caller = caller;
}

void
_anju_request_set_token (AnjuRequest *self,
                         const char  *token)
{
  g_free (self->token);
  self->token = g_strdup (token);
}

gboolean
_anju_request_has_replied (AnjuRequest *self)
{
  return self->replied;
}

const AnjuRoute *
_anju_request_get_route (AnjuRequest *self)
{
  return self->route;
}

SoupServerMessage *
anju_request_get_message (AnjuRequest *self)
{
  return self->msg;
}

AnjuServer *
anju_request_get_server (AnjuRequest *self)
{
  return self->server;
}

AnjuDb *
anju_request_get_db (AnjuRequest *self)
{
  return anju_server_get_db (self->server);
}

AnjuClock *
anju_request_get_clock (AnjuRequest *self)
{
  return anju_server_get_clock (self->server);
}

const AnjuConfig *
anju_request_get_config (AnjuRequest *self)
{
  return anju_server_get_config (self->server);
}

AnjuCaller *
anju_request_get_caller (AnjuRequest *self)
{
  return self->caller;
}

const char *
anju_request_get_client_address (AnjuRequest *self)
{
  return soup_server_message_get_remote_host (self->msg);
}

const char *
anju_request_get_header (AnjuRequest *self,
                         const char  *name)
{
  return soup_message_headers_get_one (soup_server_message_get_request_headers (self->msg), name);
}

const char *
anju_request_get_token (AnjuRequest *self)
{
  return self->token;
}

const char *
anju_request_get_path_param (AnjuRequest *self,
                             const char  *name)
{
  return self->path_params != NULL ? g_hash_table_lookup (self->path_params, name) : NULL;
}

gboolean
anju_request_get_path_id (AnjuRequest *self,
                          const char  *name,
                          gint64      *out_id)
{
  const char *text = anju_request_get_path_param (self, name);
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_autoptr(GError) error = g_error_new_literal (ANJU_ERROR, ANJU_ERROR_NOT_FOUND,
                                                     _("No such record"));
      anju_request_reply_error (self, error);
      return FALSE;
    }

  *out_id = (gint64) value;
  return TRUE;
}

const char *
anju_request_get_query (AnjuRequest *self,
                        const char  *name)
{
  const char *value = self->query != NULL ? g_hash_table_lookup (self->query, name) : NULL;

  /* "?q=" means the same as no q at all. */
  return value != NULL && *value != '\0' ? value : NULL;
}

gboolean
anju_request_get_query_int (AnjuRequest *self,
                            const char  *name,
                            gint64      *out_value,
                            gboolean    *out_present,
                            GError     **error)
{
  const char *text = anju_request_get_query (self, name);

  if (out_present != NULL)
    *out_present = text != NULL;
  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, out_value, NULL))
    {
      anju_request_add_field_error (self, name, _("Must be a whole number"));
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   _("The query parameter “%s” must be a whole number"), name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_bounded (AnjuRequest  *self,
              const char   *name,
              guint         fallback,
              guint         max,
              guint        *out,
              GError      **error)
{
  const char *text = anju_request_get_query (self, name);
  guint64 value;

  if (text == NULL)
    {
      *out = fallback;
      return TRUE;
    }

  if (!g_ascii_string_to_unsigned (text, 10, 1, max, &value, NULL))
    {
      g_autofree char *why = g_strdup_printf (_("Must be a whole number from 1 to %u"), max);

      anju_request_add_field_error (self, name, why);
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                   /* Translators: %1$s is a parameter name, %2$s the rule */
                   _("Invalid %1$s: %2$s"), name, why);
      return FALSE;
    }

  *out = (guint) value;
  return TRUE;
}

gboolean
anju_request_get_paging (AnjuRequest *self,
                         guint       *out_page,
                         guint       *out_page_size,
                         GError     **error)
{
  return read_bounded (self, "page", 1, G_MAXINT32, out_page, error) &&
         read_bounded (self, "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, out_page_size, error);
}

void
anju_request_add_field_error (AnjuRequest *self,
                              const char  *field,
                              const char  *message)
{
  /* The first problem with a field is the one worth reading. */
  if (!json_object_has_member (self->field_errors, field))
    json_object_set_string_member (self->field_errors, field, message);
}

gboolean
anju_request_has_field_errors (AnjuRequest *self)
{
  return json_object_get_size (self->field_errors) > 0;
}

static const char *
field_type_name (AnjuFieldType type)
{
  switch (type)
    {
    case ANJU_FIELD_STRING: return _("a string");
    case ANJU_FIELD_INT: return _("a whole number");
    case ANJU_FIELD_BOOL: return _("true or false");
    case ANJU_FIELD_STRING_ARRAY: return _("a list of strings");
    case ANJU_FIELD_INT_ARRAY: return _("a list of whole numbers");
    case ANJU_FIELD_OBJECT: return _("an object");
    default: g_assert_not_reached ();
    }
}

static gboolean
is_value_of (JsonNode *node,
             GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
array_holds (JsonNode *node,
             GType     type)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!is_value_of (json_array_get_element (array, i), type))
      return FALSE;
  return TRUE;
}

static gboolean
has_type (JsonNode      *node,
          AnjuFieldType  type)
{
  switch (type)
    {
    case ANJU_FIELD_STRING: return is_value_of (node, G_TYPE_STRING);
    case ANJU_FIELD_INT: return is_value_of (node, G_TYPE_INT64);
    case ANJU_FIELD_BOOL: return is_value_of (node, G_TYPE_BOOLEAN);
    case ANJU_FIELD_STRING_ARRAY: return array_holds (node, G_TYPE_STRING);
    case ANJU_FIELD_INT_ARRAY: return array_holds (node, G_TYPE_INT64);
    case ANJU_FIELD_OBJECT: return JSON_NODE_HOLDS_OBJECT (node);
    default: g_assert_not_reached ();
    }
}

static void
check_string (AnjuRequest         *self,
              const AnjuFieldSpec *spec,
              const char          *value)
{
  guint max_length = spec->max_length != 0 ? spec->max_length : DEFAULT_MAX_LENGTH;

  if (!g_utf8_validate (value, -1, NULL))
    anju_request_add_field_error (self, spec->name, _("Must be valid UTF-8 text"));
  else if (g_utf8_strlen (value, -1) > (glong) max_length)
    {
      g_autofree char *why = g_strdup_printf (_("Must be at most %u characters"), max_length);
      anju_request_add_field_error (self, spec->name, why);
    }
  else if (spec->enum_values != NULL && !g_strv_contains (spec->enum_values, value))
    {
      g_autofree char *allowed = g_strjoinv (", ", (char **) spec->enum_values);
      /* Translators: %s is a list of the allowed values */
      g_autofree char *why = g_strdup_printf (_("Must be one of: %s"), allowed);
      anju_request_add_field_error (self, spec->name, why);
    }
}

static void
check_member (AnjuRequest         *self,
              const AnjuFieldSpec *spec,
              JsonNode            *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      if ((spec->flags & ANJU_FIELD_NULLABLE) == 0)
        anju_request_add_field_error (self, spec->name, _("Must not be null"));
      return;
    }

  if (!has_type (node, spec->type))
    {
      /* Translators: %s is a type such as “a string” */
      g_autofree char *why = g_strdup_printf (_("Must be %s"), field_type_name (spec->type));
      anju_request_add_field_error (self, spec->name, why);
      return;
    }

  if (spec->type == ANJU_FIELD_STRING)
    check_string (self, spec, json_node_get_string (node));
  else if (spec->type == ANJU_FIELD_STRING_ARRAY)
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        check_string (self, spec, json_array_get_string_element (array, i));
    }
}

static const AnjuFieldSpec *
find_spec (const AnjuFieldSpec *specs,
           const char          *name)
{
  for (const AnjuFieldSpec *spec = specs; spec != NULL && spec->name != NULL; spec++)
    if (g_str_equal (spec->name, name))
      return spec;
  return NULL;
}

static void
check_object (AnjuRequest         *self,
              JsonObject          *object,
              const AnjuFieldSpec *specs)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const AnjuFieldSpec *spec = find_spec (specs, l->data);

      if (spec == NULL)
        anju_request_add_field_error (self, l->data, _("Unknown field"));
      else
        check_member (self, spec, json_object_get_member (object, l->data));
    }

  for (const AnjuFieldSpec *spec = specs; spec != NULL && spec->name != NULL; spec++)
    if ((spec->flags & ANJU_FIELD_REQUIRED) && !json_object_has_member (object, spec->name))
      anju_request_add_field_error (self, spec->name, _("This field is required"));
}

static gboolean
parse_json (AnjuRequest  *self,
            GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  SoupMessageBody *body = soup_server_message_get_request_body (self->msg);
  gsize length;
  const char *data;

  bytes = soup_message_body_flatten (body);
  data = g_bytes_get_data (bytes, &length);

  if (length == 0 || !json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_MALFORMED,
                   _("The request body is not valid JSON: %s"),
                   local_error != NULL ? local_error->message : _("it is empty"));
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_MALFORMED,
                           _("The request body must be a JSON object"));
      return FALSE;
    }

  self->body = json_node_ref (json_parser_get_root (parser));
  return TRUE;
}

JsonObject *
anju_request_parse_body (AnjuRequest         *self,
                         const AnjuFieldSpec *specs,
                         GError             **error)
{
  JsonObject *object;

  if (self->body == NULL && !parse_json (self, error))
    return NULL;

  object = json_node_get_object (self->body);
  check_object (self, object, specs);
  if (anju_request_has_field_errors (self))
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_VALIDATION,
                           _("Some fields are missing or invalid"));
      return NULL;
    }
  return object;
}

static void
set_json_body (SoupServerMessage *msg,
               JsonNode          *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length;
  char *text;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);
  soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                    SOUP_MEMORY_TAKE, text, length);
}

static void
finish_reply (AnjuRequest *self)
{
  g_return_if_fail (!self->replied);

  self->replied = TRUE;
  if (self->paused)
    {
      self->paused = FALSE;
      soup_server_message_unpause (self->msg);
    }
}

void
anju_request_reply_json (AnjuRequest *self,
                         guint        status,
                         JsonNode    *node)
{
  g_autoptr(JsonNode) owned = node;

  soup_server_message_set_status (self->msg, status, NULL);
  if (owned != NULL)
    set_json_body (self->msg, owned);
  finish_reply (self);
}

static JsonNode *
page_node (JsonArray *items,
           gint64     total,
           guint      page,
           guint      page_size)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_add_value (builder, json_node_init_array (json_node_alloc (), items));
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, total);
  json_builder_set_member_name (builder, "next");
  if ((gint64) page * page_size < total)
    json_builder_add_int_value (builder, page + 1);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

void
anju_request_reply_page (AnjuRequest *self,
                         JsonArray   *items,
                         gint64       total,
                         guint        page,
                         guint        page_size)
{
  anju_request_reply_json (self, SOUP_STATUS_OK, page_node (items, total, page, page_size));
}

char *
anju_request_page_to_data (JsonArray *items,
                           gint64     total,
                           guint      page,
                           guint      page_size,
                           gsize     *out_length)
{
  g_autoptr(JsonNode) node = page_node (items, total, page, page_size);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, out_length);
}

void
anju_request_reply_json_data (AnjuRequest *self,
                              guint        status,
                              char        *text,
                              gsize        length)
{
  soup_server_message_set_status (self->msg, status, NULL);
  soup_server_message_set_response (self->msg, "application/json; charset=utf-8",
                                    SOUP_MEMORY_TAKE, text, length);
  finish_reply (self);
}

/* Steps rows to the end, one item each; the error is the database's, or
 * the one row_to_json set. */
static gboolean
collect_rows (AnjuDb             *db,
              sqlite3_stmt       *rows,
              AnjuRowToJsonFunc   row_to_json,
              gpointer            user_data,
              JsonArray          *items,
              GError            **error)
{
  int rc;

  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      JsonNode *item = row_to_json (rows, user_data, error);

      if (item == NULL)
        return FALSE;
      json_array_add_element (items, item);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* Prepares both statements of a list, binds its filters and the page;
 * FALSE when one cannot be prepared. */
static gboolean
prepare_list (AnjuDb        *db,
              const char    *count_sql,
              const char    *rows_sql,
              int            limit_param,
              guint          page,
              guint          page_size,
              AnjuBindFunc   bind,
              gconstpointer  bind_data,
              sqlite3_stmt **out_count,
              sqlite3_stmt **out_rows,
              GError       **error)
{
  *out_count = anju_db_prepare (db, count_sql, error);
  if (*out_count == NULL || (*out_rows = anju_db_prepare (db, rows_sql, error)) == NULL)
    return FALSE;
  if (bind != NULL)
    {
      bind (*out_count, bind_data);
      bind (*out_rows, bind_data);
    }
  sqlite3_bind_int64 (*out_rows, limit_param, page_size);
  sqlite3_bind_int64 (*out_rows, limit_param + 1, (gint64) (page - 1) * page_size);
  return TRUE;
}

void
anju_request_reply_list (AnjuRequest       *self,
                         const char        *count_sql,
                         const char        *rows_sql,
                         int                limit_param,
                         guint              page,
                         guint              page_size,
                         AnjuBindFunc       bind,
                         gconstpointer      bind_data,
                         AnjuRowToJsonFunc  row_to_json,
                         gpointer           user_data)
{
  AnjuDb *db = anju_request_get_db (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) items = json_array_new ();
  g_auto(AnjuStmt) count = NULL;
  g_auto(AnjuStmt) rows = NULL;
  gint64 total;

  if (prepare_list (db, count_sql, rows_sql, limit_param, page, page_size, bind, bind_data,
                    &count, &rows, &error)
      && anju_db_step_count (db, count, &total, &error)
      && collect_rows (db, rows, row_to_json, user_data, items, &error))
    anju_request_reply_page (self, items, total, page, page_size);
  else
    anju_request_reply_error (self, error);
}

char *
anju_request_write_page (AnjuDb            *db,
                         sqlite3_stmt      *rows,
                         AnjuRowWriteFunc   write_row,
                         gpointer           user_data,
                         gint64             total,
                         guint              page,
                         guint              page_size,
                         gsize             *out_length,
                         GError           **error)
{
  /* Small to start with, grown by doubling: a big first buffer (64 KB
   * for a page of 50 rows) was, for a short list, freed at the top of
   * the heap on every request, and malloc gave it back to the kernel
   * (brk) and took it again each time, which cost more than the page. */
  g_autoptr(GString) out = g_string_sized_new (4096);
  g_autoptr(AnjuJsonText) text = anju_json_text_new (out);
  int rc = SQLITE_DONE;

  anju_json_text_begin_page (text);
  while (rows != NULL && (rc = sqlite3_step (rows)) == SQLITE_ROW)
    write_row (rows, text, user_data);
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return NULL;
    }
  anju_json_text_end_page (text, total, page, page_size);
  *out_length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
anju_request_reply_list_rows (AnjuRequest       *self,
                              const char        *count_sql,
                              const char        *rows_sql,
                              int                limit_param,
                              guint              page,
                              guint              page_size,
                              AnjuBindFunc       bind,
                              gconstpointer      bind_data,
                              AnjuRowWriteFunc   write_row,
                              gpointer           user_data)
{
  AnjuDb *db = anju_request_get_db (self);
  g_autoptr(GError) error = NULL;
  g_auto(AnjuStmt) count = NULL;
  g_auto(AnjuStmt) rows = NULL;
  char *data = NULL;
  gsize length;
  gint64 total;

  if (prepare_list (db, count_sql, rows_sql, limit_param, page, page_size, bind, bind_data,
                    &count, &rows, &error)
      && anju_db_step_count (db, count, &total, &error)
      && (data = anju_request_write_page (db, rows, write_row, user_data, total, page,
                                          page_size, &length, &error)) != NULL)
    anju_request_reply_json_data (self, SOUP_STATUS_OK, data, length);
  else
    anju_request_reply_error (self, error);
}

void
anju_request_reply_no_content (AnjuRequest *self)
{
  soup_server_message_set_status (self->msg, SOUP_STATUS_NO_CONTENT, NULL);
  finish_reply (self);
}

static JsonNode *
build_error (AnjuErrorCode  code,
             const char    *message,
             JsonObject    *fields)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, anju_error_code_to_string (code));
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "fields");
  if (fields != NULL)
    json_builder_add_value (builder, json_node_init_object (json_node_alloc (), fields));
  else
    {
      json_builder_begin_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

void
_anju_reply_message_error (SoupServerMessage *msg,
                           AnjuErrorCode      code,
                           const char        *message)
{
  g_autoptr(JsonNode) node = build_error (code, message, NULL);

  soup_server_message_set_status (msg, anju_error_code_to_status (code), NULL);
  set_json_body (msg, node);
}

void
anju_request_reply_error (AnjuRequest  *self,
                          const GError *error)
{
  AnjuErrorCode code = ANJU_ERROR_INTERNAL;
  const char *message = _("Internal server error");
  JsonNode *node;

  if (error->domain == ANJU_ERROR)
    {
      code = error->code;
      message = error->message;
    }

  /* Store and programming errors are logged, never shown in detail. */
  if (code == ANJU_ERROR_INTERNAL || code == ANJU_ERROR_DATABASE || error->domain != ANJU_ERROR)
    {
      g_warning ("%s %s: %s", soup_server_message_get_method (self->msg),
                 self->route->pattern, error->message);
      code = ANJU_ERROR_INTERNAL;
      message = _("Internal server error");
    }

  node = build_error (code, message,
                      code == ANJU_ERROR_VALIDATION ? self->field_errors : NULL);
  anju_request_reply_json (self, anju_error_code_to_status (code), node);
}

void
anju_request_reply_text (AnjuRequest *self,
                         guint        status,
                         const char  *content_type,
                         GBytes      *body)
{
  SoupMessageBody *response = soup_server_message_get_response_body (self->msg);

  /* A reference, not a copy: an export is tens of MB, and a cached
   * answer goes to many requests. */
  soup_server_message_set_status (self->msg, status, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (self->msg),
                                         content_type, NULL);
  soup_message_body_truncate (response);
  soup_message_body_append_bytes (response, body);
  finish_reply (self);
}

void
anju_request_reply_file (AnjuRequest *self,
                         GBytes      *bytes,
                         const char  *content_type,
                         const char  *filename)
{
  g_autofree char *escaped = g_uri_escape_string (filename, NULL, FALSE);
  g_autofree char *disposition = g_strdup_printf ("attachment; filename*=UTF-8''%s", escaped);

  soup_message_headers_replace (soup_server_message_get_response_headers (self->msg),
                                "Content-Disposition", disposition);
  anju_request_reply_text (self, SOUP_STATUS_OK, content_type, bytes);
}

void
anju_request_pause (AnjuRequest *self)
{
  g_return_if_fail (!self->replied);

  if (!self->paused)
    {
      /* libsoup reads the peer's address when first asked, which the
       * access log does at the end; a client gone by then leaves none to
       * read (and a warning).  Ask while it is surely there. */
      soup_server_message_get_remote_host (self->msg);
      self->paused = TRUE;
      soup_server_message_pause (self->msg);
    }
}
