/* anju-publicity-api.c: /pubrent/publicity and /pubrent/objections
 * (docs/api.md "Review, publicity and announcement"; D03 and D04).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-mask.h"
#include "anju-phone.h"
#include "anju-review-private.h"
#include "anju-sql-pattern.h"
#include "anju-stmt.h"
#include "anju-time.h"
#include "anju-transaction.h"
#include "anju-validation.h"

#define PERMISSION  "pubrent.application.review"
#define CONTENT_MAX 2000
#define TEXT_MAX    200

static const char * const kinds[] = { "street", "announcement", NULL };
static const char * const states[] = { "open", "ended", NULL };
static const char * const methods[] = { "phone", "letter", "visit", "email", "other", NULL };
static const char * const results[] = { "substantiated", "unfounded", NULL };
static const char * const verification_methods[] = {
  "visit", "records", "interview", "other", NULL
};

static gint64
request_now (AnjuRequest *request)
{
  return anju_clock_now_secs (anju_request_get_clock (request));
}

static void
add_time (JsonBuilder *builder,
          const char  *member,
          gint64       at)
{
  json_builder_set_member_name (builder, member);
  if (at == 0)
    {
      json_builder_add_null_value (builder);
      return;
    }
  {
    g_autofree char *text = anju_time_format_iso8601 (at);

    json_builder_add_string_value (builder, text);
  }
}

static void
add_string (JsonBuilder  *builder,
            const char   *member,
            sqlite3_stmt *stmt,
            int           column)
{
  json_builder_set_member_name (builder, member);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, column));
}

static void
add_ref (JsonBuilder  *builder,
         const char   *member,
         sqlite3_stmt *stmt,
         int           id_column)
{
  json_builder_set_member_name (builder, member);
  if (sqlite3_column_type (stmt, id_column) == SQLITE_NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, id_column));
  add_string (builder, "name", stmt, id_column + 1);
  json_builder_end_object (builder);
}

/* ---- publicity ------------------------------------------------------------ */

#define PUBLICITY_COLUMNS \
  " p.id, p.publicity_no, p.kind, a.id, a.application_no, a.applicant_name," \
  " a.business_type, p.org_id, o.name, p.start_at, p.end_at, p.method, p.location," \
  " p.passed, p.document_id, p.closed_at," \
  " (SELECT COUNT(*) FROM pubrent_objections j WHERE j.publicity_id = p.id)," \
  " (SELECT COUNT(*) FROM pubrent_objections j WHERE j.publicity_id = p.id" \
  "   AND j.result = 'pending')"
#define PUBLICITY_JOIN \
  " pubrent_publicity p JOIN pubrent_applications a ON a.id = p.application_id" \
  " JOIN organisations ao ON ao.id = a.org_id JOIN organisations o ON o.id = p.org_id"
/* ?1 is the caller's organisation path. */
#define PUBLICITY_VISIBLE " substr(ao.path, 1, length(?1)) = ?1"

static JsonNode *
publicity_from_row (sqlite3_stmt *stmt,
                    gpointer      user_data,
                    GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
  add_string (builder, "publicity_no", stmt, 1);
  add_string (builder, "kind", stmt, 2);
  json_builder_set_member_name (builder, "application");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 3));
  add_string (builder, "application_no", stmt, 4);
  add_string (builder, "applicant_name", stmt, 5);
  add_string (builder, "business_type", stmt, 6);
  json_builder_end_object (builder);
  add_ref (builder, "org", stmt, 7);
  add_time (builder, "start_at", sqlite3_column_int64 (stmt, 9));
  add_time (builder, "end_at", sqlite3_column_int64 (stmt, 10));
  add_string (builder, "method", stmt, 11);
  add_string (builder, "location", stmt, 12);
  json_builder_set_member_name (builder, "passed");
  if (sqlite3_column_type (stmt, 13) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 13) != 0);
  json_builder_set_member_name (builder, "document_id");
  if (sqlite3_column_type (stmt, 14) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 14));
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, sqlite3_column_type (stmt, 15) == SQLITE_NULL ? "open"
                                                                                      : "ended");
  add_time (builder, "closed_at", sqlite3_column_int64 (stmt, 15));
  json_builder_set_member_name (builder, "objection_count");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 16));
  json_builder_set_member_name (builder, "pending_objections");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 17));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

typedef struct
{
  const char *org_path;
  const char *kind;
  const char *state;
  gint64      org_id;
  char       *pattern;
} PublicityFilters;

static void
bind_publicity_filters (sqlite3_stmt  *stmt,
                        gconstpointer  bind_data)
{
  const PublicityFilters *filters = bind_data;

  anju_db_bind_text (stmt, 1, filters->org_path);
  anju_db_bind_text (stmt, 2, filters->kind);
  anju_db_bind_text (stmt, 3, filters->state);
  sqlite3_bind_int64 (stmt, 4, filters->org_id);
  anju_db_bind_text (stmt, 5, filters->pattern);
}

static void
handle_publicity_list (AnjuRequest *request)
{
#define LIST_WHERE \
  " WHERE" PUBLICITY_VISIBLE \
  " AND (?2 IS NULL OR p.kind = ?2)" \
  " AND (?3 IS NULL OR (?3 = 'open') = (p.closed_at IS NULL))" \
  " AND (?4 = 0 OR p.org_id = ?4)" \
  " AND (?5 IS NULL OR p.publicity_no LIKE ?5 ESCAPE '\\' OR a.application_no LIKE ?5" \
  "      ESCAPE '\\' OR a.applicant_name LIKE ?5 ESCAPE '\\')"
  AnjuCaller *caller = anju_request_get_caller (request);
  const char *q = anju_request_get_query (request, "q");
  g_autofree char *pattern = q != NULL && *q != '\0' ? anju_sql_contains_pattern (q) : NULL;
  PublicityFilters filters = {
    caller->org_path, anju_request_get_query (request, "kind"),
    anju_request_get_query (request, "state"), 0, pattern,
  };
  g_autoptr(GError) error = NULL;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error)
      || !anju_request_get_query_int (request, "org_id", &filters.org_id, NULL, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (filters.kind != NULL && !g_strv_contains (kinds, filters.kind))
    anju_request_add_field_error (request, "kind", _("Must be one of: street, announcement"));
  if (filters.state != NULL && !g_strv_contains (states, filters.state))
    anju_request_add_field_error (request, "state", _("Must be one of: open, ended"));
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return;
    }
  anju_request_reply_list (request,
                           "SELECT COUNT(*) FROM" PUBLICITY_JOIN LIST_WHERE,
                           "SELECT" PUBLICITY_COLUMNS " FROM" PUBLICITY_JOIN LIST_WHERE
                           " ORDER BY p.start_at DESC, p.id DESC LIMIT ?6 OFFSET ?7",
                           6, page, page_size, bind_publicity_filters, &filters,
                           publicity_from_row, NULL);
#undef LIST_WHERE
}

/* ---- objections ----------------------------------------------------------- */

#define OBJECTION_COLUMNS \
  " j.id, j.objection_no, j.publicity_id, j.received_at, j.content, j.method," \
  " j.reporter_name, j.reporter_phone, j.result, j.verified_by, u.name," \
  " j.verification_method, j.opinion, j.verified_at"
#define OBJECTION_JOIN \
  " pubrent_objections j LEFT JOIN users u ON u.id = j.verified_by"

static JsonNode *
objection_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *phone = anju_db_column_dup (stmt, 7);
  g_autofree char *masked = phone != NULL ? anju_mask_phone (phone) : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
  add_string (builder, "objection_no", stmt, 1);
  json_builder_set_member_name (builder, "publicity_id");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 2));
  add_time (builder, "received_at", sqlite3_column_int64 (stmt, 3));
  add_string (builder, "content", stmt, 4);
  add_string (builder, "method", stmt, 5);
  add_string (builder, "reporter_name", stmt, 6);
  json_builder_set_member_name (builder, "reporter_phone");
  if (masked != NULL)
    json_builder_add_string_value (builder, masked);
  else
    json_builder_add_null_value (builder);
  add_string (builder, "result", stmt, 8);
  add_ref (builder, "verified_by", stmt, 9);
  add_string (builder, "verification_method", stmt, 11);
  add_string (builder, "opinion", stmt, 12);
  add_time (builder, "verified_at", sqlite3_column_int64 (stmt, 13));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
load_objection (AnjuDb  *db,
                gint64   id,
                GError **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT" OBJECTION_COLUMNS " FROM" OBJECTION_JOIN
                                           " WHERE j.id = ?1",
                                           error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such objection"), error))
    return NULL;
  return objection_from_row (stmt);
}

static JsonArray *
load_objections (AnjuDb  *db,
                 gint64   publicity_id,
                 GError **error)
{
  g_autoptr(JsonArray) items = json_array_new ();
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT" OBJECTION_COLUMNS " FROM" OBJECTION_JOIN
                                           " WHERE j.publicity_id = ?1"
                                           " ORDER BY j.received_at, j.id",
                                           error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, publicity_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    json_array_add_element (items, objection_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/* The publicity of id when the caller may see its application; a
 * NOT_FOUND error otherwise.  *out_ended: its period is over or it was
 * closed. */
static JsonNode *
load_publicity (AnjuRequest *request,
                gint64       id,
                gboolean    *out_ended,
                GError     **error)
{
  AnjuDb *db = anju_request_get_db (request);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT" PUBLICITY_COLUMNS " FROM" PUBLICITY_JOIN
                                           " WHERE" PUBLICITY_VISIBLE " AND p.id = ?2",
                                           error);

  if (stmt == NULL)
    return NULL;
  anju_db_bind_text (stmt, 1, anju_request_get_caller (request)->org_path);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such publicity"), error))
    return NULL;
  if (out_ended != NULL)
    *out_ended = sqlite3_column_type (stmt, 15) != SQLITE_NULL
                 || sqlite3_column_int64 (stmt, 10) <= request_now (request);
  return publicity_from_row (stmt, NULL, error);
}

static void
reply_publicity (AnjuRequest *request,
                 guint        status,
                 gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = load_publicity (request, id, NULL, &error);
  g_autoptr(JsonArray) objections = NULL;

  if (node != NULL)
    objections = load_objections (anju_request_get_db (request), id, &error);
  if (objections == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  json_object_set_array_member (json_node_get_object (node), "objections",
                                g_steal_pointer (&objections));
  anju_request_reply_json (request, status, g_steal_pointer (&node));
}

static void
handle_publicity_get (AnjuRequest *request)
{
  gint64 id;

  if (anju_request_get_path_id (request, "id", &id))
    reply_publicity (request, SOUP_STATUS_OK, id);
}

static const AnjuFieldSpec objection_body[] = {
  { "received_at", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, 0,
    "When it came in (ISO 8601 or YYYY-MM-DD); now when left out" },
  { "content", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, CONTENT_MAX, "What is reported" },
  { "method", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, methods, 0,
    "phone, letter, visit, email or other" },
  { "reporter_name", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, TEXT_MAX, "Who reports it" },
  { "reporter_phone", ANJU_FIELD_STRING, ANJU_FIELD_NULLABLE, NULL, TEXT_MAX,
    "Their mobile number" },
  { NULL }
};

typedef struct
{
  gint64      publicity_id;
  gint64      received_at;
  char       *content;
  const char *method;
  char       *reporter_name;
  char       *reporter_phone;
} NewObjection;

static void
new_objection_clear (NewObjection *objection)
{
  g_free (objection->content);
  g_free (objection->reporter_name);
  g_free (objection->reporter_phone);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NewObjection, new_objection_clear)

static gboolean
read_objection (AnjuRequest  *request,
                JsonObject   *body,
                NewObjection *objection)
{
  const char *received = json_object_get_string_member_with_default (body, "received_at", NULL);
  gint64 now = request_now (request);

  objection->content = anju_body_dup_trimmed (body, "content");
  objection->method = json_object_get_string_member (body, "method");
  objection->reporter_name = anju_body_dup_trimmed (body, "reporter_name");
  objection->reporter_phone = anju_body_dup_trimmed (body, "reporter_phone");
  objection->received_at = now;
  anju_check_not_blank (request, "content", objection->content);
  if (received != NULL && !anju_time_parse_iso8601 (received, &objection->received_at, NULL))
    anju_request_add_field_error (request, "received_at", _("Not a date or time"));
  else if (objection->received_at > now)
    anju_request_add_field_error (request, "received_at", _("Lies in the future"));
  if (objection->reporter_phone != NULL && *objection->reporter_phone != '\0'
      && !anju_phone_validate_mobile (objection->reporter_phone, NULL))
    anju_request_add_field_error (request, "reporter_phone", _("Not a mainland mobile number"));
  if (!anju_request_has_field_errors (request))
    return TRUE;
  anju_reply_validation_failed (request);
  return FALSE;
}

static gboolean
insert_objection (AnjuRequest        *request,
                  const NewObjection *objection,
                  gint64              application_id,
                  gint64             *out_id,
                  GError            **error)
{
  AnjuDb *db = anju_request_get_db (request);
  gint64 now = request_now (request);
  g_autofree char *number = _anju_review_next_number (db, "JB", now, error);
  g_auto(AnjuStmt) stmt = NULL;

  if (number == NULL)
    return FALSE;
  stmt = anju_db_prepare (db,
                          "INSERT INTO pubrent_objections (objection_no, publicity_id,"
                          " application_id, received_at, content, method, reporter_name,"
                          " reporter_phone, created_by, created_at)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULLIF(?7, ''), NULLIF(?8, ''), ?9, ?10)",
                          error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, number);
  sqlite3_bind_int64 (stmt, 2, objection->publicity_id);
  sqlite3_bind_int64 (stmt, 3, application_id);
  sqlite3_bind_int64 (stmt, 4, objection->received_at);
  anju_db_bind_text (stmt, 5, objection->content);
  anju_db_bind_text (stmt, 6, objection->method);
  anju_db_bind_text (stmt, 7, objection->reporter_name);
  anju_db_bind_text (stmt, 8, objection->reporter_phone);
  sqlite3_bind_int64 (stmt, 9, anju_request_get_caller (request)->user_id);
  sqlite3_bind_int64 (stmt, 10, now);
  if (!anju_db_step_done (db, stmt, error))
    return FALSE;
  *out_id = anju_db_last_insert_id (db);
  return TRUE;
}

/* The audit row of an objection write, the objection as it is after. */
static gboolean
audit_objection (AnjuRequest  *request,
                 const char   *action,
                 gint64        id,
                 JsonNode     *before,
                 GError      **error)
{
  g_autoptr(JsonNode) after = load_objection (anju_request_get_db (request), id, error);

  return after != NULL
         && anju_audit_record (request, NULL, action, "pubrent_objection", id, before, after,
                               error);
}

static void
handle_objection_create (AnjuRequest *request)
{
  g_auto(NewObjection) objection = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) publicity = NULL;
  AnjuDb *db = anju_request_get_db (request);
  gboolean ended = FALSE, ok;
  JsonObject *body;
  gint64 id = 0, application_id;

  if (!anju_request_get_path_id (request, "id", &objection.publicity_id))
    return;
  publicity = load_publicity (request, objection.publicity_id, &ended, &error);
  if (publicity == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (ended)
    {
      anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                             _("The publicity period is over: objections can no longer be "
                               "recorded"));
      return;
    }
  body = anju_request_parse_body (request, objection_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (!read_objection (request, body, &objection))
    return;

  application_id = json_object_get_int_member (
    json_object_get_object_member (json_node_get_object (publicity), "application"), "id");
  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = insert_objection (request, &objection, application_id, &id, &error)
       && audit_objection (request, "pubrent.objection.create", id, NULL, &error);
  if (!anju_transaction_end (db, ok, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  {
    g_autoptr(JsonNode) node = load_objection (db, id, &error);

    if (node == NULL)
      anju_request_reply_error (request, error);
    else
      anju_request_reply_json (request, SOUP_STATUS_CREATED, g_steal_pointer (&node));
  }
}

static const AnjuFieldSpec verify_body[] = {
  { "result", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, results, 0,
    "substantiated 查证属实 or unfounded 查无实据" },
  { "method", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, verification_methods, 0,
    "How it was checked: visit, records, interview or other" },
  { "opinion", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, CONTENT_MAX, "What was found" },
  { NULL }
};

/* The objection's publicity, when the caller may see it (404 otherwise);
 * *out_result its result now. */
static gboolean
load_objection_scope (AnjuRequest  *request,
                      gint64        id,
                      char        **out_result,
                      gboolean     *out_closed,
                      GError      **error)
{
  AnjuDb *db = anju_request_get_db (request);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT j.result, p.closed_at FROM" PUBLICITY_JOIN
                                           " JOIN pubrent_objections j ON j.publicity_id = p.id"
                                           " WHERE" PUBLICITY_VISIBLE " AND j.id = ?2",
                                           error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, anju_request_get_caller (request)->org_path);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such objection"), error))
    return FALSE;
  *out_result = anju_db_column_dup (stmt, 0);
  *out_closed = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
  return TRUE;
}

static gboolean
write_verification (AnjuRequest  *request,
                    gint64        id,
                    JsonObject   *body,
                    const char   *opinion,
                    GError      **error)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(JsonNode) before = load_objection (db, id, error);
  g_auto(AnjuStmt) stmt = NULL;

  if (before == NULL)
    return FALSE;
  stmt = anju_db_prepare (db,
                          "UPDATE pubrent_objections SET result = ?2, verification_method = ?3,"
                          " opinion = ?4, verified_by = ?5, verified_at = ?6 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  anju_db_bind_text (stmt, 2, json_object_get_string_member (body, "result"));
  anju_db_bind_text (stmt, 3, json_object_get_string_member (body, "method"));
  anju_db_bind_text (stmt, 4, opinion);
  sqlite3_bind_int64 (stmt, 5, anju_request_get_caller (request)->user_id);
  sqlite3_bind_int64 (stmt, 6, request_now (request));
  return anju_db_step_done (db, stmt, error)
         && audit_objection (request, "pubrent.objection.verify", id, before, error);
}

static void
handle_objection_verify (AnjuRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;
  g_autofree char *opinion = NULL;
  AnjuDb *db = anju_request_get_db (request);
  gboolean closed = FALSE, ok;
  JsonObject *body;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return;
  if (!load_objection_scope (request, id, &result, &closed, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  body = anju_request_parse_body (request, verify_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  opinion = anju_body_dup_trimmed (body, "opinion");
  if (!anju_check_not_blank (request, "opinion", opinion))
    {
      anju_reply_validation_failed (request);
      return;
    }
  if (!g_str_equal (result, "pending") || closed)
    {
      anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                             closed ? _("The publicity has ended")
                                    : _("This objection has already been verified"));
      return;
    }
  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = write_verification (request, id, body, opinion, &error);
  if (!anju_transaction_end (db, ok, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  {
    g_autoptr(JsonNode) node = load_objection (db, id, &error);

    if (node == NULL)
      anju_request_reply_error (request, error);
    else
      anju_request_reply_json (request, SOUP_STATUS_OK, g_steal_pointer (&node));
  }
}

static const AnjuRoute routes[] = {
  { "GET", "/api/v1/pubrent/publicity", PERMISSION, ANJU_ROUTE_DEFAULT, handle_publicity_list,
    "Street publicity and New Area announcements in scope", NULL, "pubrent" },
  { "GET", "/api/v1/pubrent/publicity/{id}", PERMISSION, ANJU_ROUTE_DEFAULT,
    handle_publicity_get, "A publicity with its objections", NULL, "pubrent" },
  { "POST", "/api/v1/pubrent/publicity/{id}/objections", PERMISSION, ANJU_ROUTE_DEFAULT,
    handle_objection_create, "Record an objection received during the publicity",
    objection_body, "pubrent" },
  { "POST", "/api/v1/pubrent/objections/{id}/verify", PERMISSION, ANJU_ROUTE_DEFAULT,
    handle_objection_verify, "Record the verification of an objection", verify_body,
    "pubrent" },
};

const AnjuRoute *
_anju_review_publicity_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (routes);
  return routes;
}
