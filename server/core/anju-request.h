/* anju-request.h: one API request as a handler sees it.
 *
 * The router has already authenticated the caller and checked the route's
 * permission before a handler runs.  A handler must end in exactly one
 * reply (anju_request_reply_*), now or — after anju_request_pause() — later
 * from the main context, e.g. when a thread finishes a password hash.
 *
 * Errors: anju_request_reply_error() turns a GError in ANJU_ERROR into the
 * JSON body {"error":{"code","message","fields"}} with the matching status;
 * field messages added with anju_request_add_field_error() go into "fields".
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <sqlite3.h>

#include "anju-error.h"
#include "anju-json-text.h"

G_BEGIN_DECLS

typedef struct _AnjuRequest AnjuRequest;
typedef struct _AnjuServer AnjuServer;
typedef struct _AnjuDb AnjuDb;
typedef struct _AnjuClock AnjuClock;
typedef struct _AnjuCaller AnjuCaller;
typedef struct _AnjuConfig AnjuConfig;

typedef enum
{
  ANJU_FIELD_STRING,
  ANJU_FIELD_INT,
  ANJU_FIELD_BOOL,
  ANJU_FIELD_STRING_ARRAY,
  ANJU_FIELD_INT_ARRAY,
  ANJU_FIELD_OBJECT,
} AnjuFieldType;

typedef enum
{
  ANJU_FIELD_OPTIONAL = 0,
  ANJU_FIELD_REQUIRED = 1 << 0,
  ANJU_FIELD_NULLABLE = 1 << 1,   /* JSON null accepted (clears the value) */
  ANJU_FIELD_SECRET   = 1 << 2,   /* never echoed, never audited */
} AnjuFieldFlags;

/* A request body is described by an array of these ending in { NULL }.
 * Unknown members, wrong types, missing required members, strings longer
 * than max_length (in characters, 0 = 1000) or outside enum_values are
 * all field errors (422); a body that is not a JSON object is 400. */
typedef struct
{
  const char         *name;
  AnjuFieldType       type;
  AnjuFieldFlags      flags;
  const char * const *enum_values;  /* (nullable) NULL-terminated */
  guint               max_length;
  const char         *description;  /* for openapi.json */
} AnjuFieldSpec;

AnjuRequest       *anju_request_ref              (AnjuRequest *self);
void               anju_request_unref            (AnjuRequest *self);

SoupServerMessage *anju_request_get_message      (AnjuRequest *self);
AnjuServer        *anju_request_get_server       (AnjuRequest *self);
AnjuDb            *anju_request_get_db           (AnjuRequest *self);
AnjuClock         *anju_request_get_clock        (AnjuRequest *self);
const AnjuConfig  *anju_request_get_config       (AnjuRequest *self);
/* (nullable): NULL on public routes. */
AnjuCaller        *anju_request_get_caller       (AnjuRequest *self);
const char        *anju_request_get_client_address (AnjuRequest *self);
const char        *anju_request_get_header       (AnjuRequest *self,
                                                  const char  *name);
/* The bearer token sent with the request, or NULL. */
const char        *anju_request_get_token        (AnjuRequest *self);

/* {name} segments of the route pattern. */
const char        *anju_request_get_path_param   (AnjuRequest *self,
                                                  const char  *name);
/* Parses {name} as a positive integer id; FALSE (and a 404 reply already
 * sent) when it is not one. */
gboolean           anju_request_get_path_id      (AnjuRequest *self,
                                                  const char  *name,
                                                  gint64      *out_id);
const char        *anju_request_get_query        (AnjuRequest *self,
                                                  const char  *name);
/* Optional integer query parameter; FALSE with a field error when it is
 * present but not an integer.  out_present may be NULL; out_value is
 * left as it is when the parameter is absent. */
gboolean           anju_request_get_query_int    (AnjuRequest *self,
                                                  const char  *name,
                                                  gint64      *out_value,
                                                  gboolean    *out_present,
                                                  GError     **error);
/* page (1-based, default 1) and page_size (default 50, at most 200). */
gboolean           anju_request_get_paging       (AnjuRequest *self,
                                                  guint       *out_page,
                                                  guint       *out_page_size,
                                                  GError     **error);

/* Parses and validates the JSON body against specs.  Returns the object
 * (owned by the request) or NULL with error set and field errors added. */
JsonObject        *anju_request_parse_body       (AnjuRequest         *self,
                                                  const AnjuFieldSpec *specs,
                                                  GError             **error);

void               anju_request_add_field_error  (AnjuRequest *self,
                                                  const char  *field,
                                                  const char  *message);
gboolean           anju_request_has_field_errors (AnjuRequest *self);

void               anju_request_reply_json       (AnjuRequest *self,
                                                  guint        status,
                                                  JsonNode    *node);
/* { "items": [...], "total": N, "next": page+1 or null } */
void               anju_request_reply_page       (AnjuRequest *self,
                                                  JsonArray   *items,
                                                  gint64       total,
                                                  guint        page,
                                                  guint        page_size);
/* The page anju_request_reply_page() answers, as JSON text (transfer
 * full): a worker thread serialises its page itself, so that the main
 * loop, which serves every request, does not spend the time. */
char              *anju_request_page_to_data     (JsonArray   *items,
                                                  gint64       total,
                                                  guint        page,
                                                  guint        page_size,
                                                  gsize       *out_length);
/* Replies status with JSON text made earlier (takes text). */
void               anju_request_reply_json_data  (AnjuRequest *self,
                                                  guint        status,
                                                  char        *text,
                                                  gsize        length);
/* One item of a list from the current row of its statement; NULL with
 * error set when it cannot be made. */
typedef JsonNode *(*AnjuRowToJsonFunc)           (sqlite3_stmt  *stmt,
                                                  gpointer       user_data,
                                                  GError       **error);
/* Binds a list's filters to one of its statements; bind_data is what the
 * handler gathered them in. */
typedef void      (*AnjuBindFunc)                (sqlite3_stmt  *stmt,
                                                  gconstpointer  bind_data);
/* Replies one page of a list with anju_request_reply_page().  count_sql
 * is a SELECT COUNT(*) of the list; rows_sql the same filters, ending in
 * LIMIT ?n OFFSET ?n+1 where n is limit_param (bound here from page and
 * page_size).  Both are prepared here and given their filters through
 * bind (NULL for a list without filters).  Each row becomes an item
 * through row_to_json.  A statement that cannot be prepared, a database
 * error, or an item that cannot be made is replied instead. */
void               anju_request_reply_list       (AnjuRequest       *self,
                                                  const char        *count_sql,
                                                  const char        *rows_sql,
                                                  int                limit_param,
                                                  guint              page,
                                                  guint              page_size,
                                                  AnjuBindFunc       bind,
                                                  gconstpointer      bind_data,
                                                  AnjuRowToJsonFunc  row_to_json,
                                                  gpointer           user_data);
/* One item of a list written from the current row of its statement:
 * exactly one JSON value (an object), nothing around it. */
typedef void      (*AnjuRowWriteFunc)            (sqlite3_stmt  *stmt,
                                                  AnjuJsonText  *text,
                                                  gpointer       user_data);
/* The page anju_request_page_to_data() makes, written as text straight
 * from the rows: each row rows steps to (NULL: none) through write_row.
 * No JsonNode is made, which is most of a list's CPU otherwise.  NULL
 * with db's error set when stepping fails. */
char              *anju_request_write_page       (AnjuDb            *db,
                                                  sqlite3_stmt      *rows,
                                                  AnjuRowWriteFunc   write_row,
                                                  gpointer           user_data,
                                                  gint64             total,
                                                  guint              page,
                                                  guint              page_size,
                                                  gsize             *out_length,
                                                  GError           **error);
/* anju_request_reply_list() with the items written by write_row. */
void               anju_request_reply_list_rows  (AnjuRequest       *self,
                                                  const char        *count_sql,
                                                  const char        *rows_sql,
                                                  int                limit_param,
                                                  guint              page,
                                                  guint              page_size,
                                                  AnjuBindFunc       bind,
                                                  gconstpointer      bind_data,
                                                  AnjuRowWriteFunc   write_row,
                                                  gpointer           user_data);
void               anju_request_reply_no_content (AnjuRequest *self);
void               anju_request_reply_error      (AnjuRequest  *self,
                                                  const GError *error);
void               anju_request_reply_text       (AnjuRequest *self,
                                                  guint        status,
                                                  const char  *content_type,
                                                  GBytes      *body);
/* 200 with the file as an attachment (Content-Disposition with the
 * RFC 5987 filename*=UTF-8''…, so Chinese names survive). */
void               anju_request_reply_file       (AnjuRequest *self,
                                                  GBytes      *bytes,
                                                  const char  *content_type,
                                                  const char  *filename);

/* Keep the HTTP message open past the handler's return. */
void               anju_request_pause            (AnjuRequest *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuRequest, anju_request_unref)

G_END_DECLS
