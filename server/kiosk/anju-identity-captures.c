/* anju-identity-captures.c: identity captures (身份采集, F-TERM-005,
 * -006): POST /kiosk/captures from a terminal, the staff list and the
 * decrypted content (terminal.capture.read).
 *
 * A kiosk posts a face JPEG or a libfprint template (fp_print_serialize)
 * for an application its service user created; the server keeps only the
 * SM4-CBC ciphertext (anju-capture-cipher.h) with the applicant's name
 * and ID number, and never writes the plaintext to the file store or the
 * log.  Staff see captures of applications in their data scope, the ID
 * number masked; reading a capture's content is audited
 * (terminal.capture.view).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "anju-audit.h"
#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-json-columns.h"
#include "anju-kiosk-private.h"
#include "anju-mask.h"
#include "anju-sql-pattern.h"
#include "anju-stmt.h"
#include "anju-transaction.h"
#include "anju-validation.h"

#define ENTITY          "terminal.capture"
#define BASE64_MAX      (8 * 1024 * 1024)

static const char * const capture_kinds[] = { "face", "fingerprint", NULL };
static const char * const capture_formats[] = { "jpeg", "fprint", NULL };

/* ---- the kiosk's capture ------------------------------------------------- */

typedef struct
{
  const AnjuKioskApp *app;
  const char         *kind;
  const char         *format;
  GBytes             *iv;
  GBytes             *ciphertext;
  gsize               size;
  gint64              now;
} Capture;

static const AnjuFieldSpec capture_body[] = {
  { "application_id", ANJU_FIELD_INT, ANJU_FIELD_REQUIRED, NULL, 0,
    "An application this terminal created" },
  { "kind", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, capture_kinds, 0, "face or fingerprint" },
  { "format", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, capture_formats, 0,
    "jpeg (faces) or fprint (fingerprints: fp_print_serialize)" },
  { "data", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, BASE64_MAX, "The capture, base64" },
  { NULL }
};

/* Standard base64 with padding; NULL for anything else or nothing. */
static GBytes *
decode_base64 (const char *text)
{
  gsize length = strlen (text);
  guchar *data;
  gsize size = 0;

  if (length == 0 || length % 4 != 0
      || strspn (text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
           != length)
    return NULL;
  data = g_base64_decode (text, &size);
  if (size == 0)
    {
      g_free (data);
      return NULL;
    }
  return g_bytes_new_take (data, size);
}

/* A face is a JPEG (FF D8 FF), in the format that says so; a print is in
 * the format of prints.  Adds the field errors. */
static void
check_capture (AnjuRequest *request,
               const char  *kind,
               const char  *format,
               GBytes      *data)
{
  static const guint8 jpeg_magic[] = { 0xff, 0xd8, 0xff };
  gboolean face = g_str_equal (kind, "face");
  gsize size = 0;
  const guint8 *bytes = data != NULL ? g_bytes_get_data (data, &size) : NULL;

  if (!g_str_equal (format, face ? "jpeg" : "fprint"))
    anju_request_add_field_error (request, "format",
                                  face ? _("A face is sent as jpeg")
                                       : _("A fingerprint is sent as fprint"));
  if (data == NULL)
    anju_request_add_field_error (request, "data", _("Must be non-empty base64"));
  else if (face && (size < sizeof jpeg_magic || memcmp (bytes, jpeg_magic, sizeof jpeg_magic) != 0))
    anju_request_add_field_error (request, "data", _("The face image is not a JPEG"));
}

static JsonNode *
capture_created_json (gint64         id,
                      const Capture *capture)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, capture->kind);
  anju_json_add_time (builder, "captured_at", capture->now, TRUE);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The audit row says what was captured for whom, never the capture. */
static JsonNode *
capture_audit_json (gint64         id,
                    gint64         terminal_id,
                    const Capture *capture)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *masked = anju_mask_id_number (capture->app->id_no);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, capture->kind);
  json_builder_set_member_name (builder, "application_no");
  json_builder_add_string_value (builder, capture->app->application_no);
  json_builder_set_member_name (builder, "id_no");
  json_builder_add_string_value (builder, masked);
  json_builder_set_member_name (builder, "terminal_id");
  json_builder_add_int_value (builder, terminal_id);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, (gint64) capture->size);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
insert_capture (AnjuRequest   *request,
                const Capture *capture,
                gint64        *out_id,
                GError       **error)
{
  AnjuDb *db = anju_request_get_db (request);
  gint64 terminal_id = anju_request_get_caller (request)->terminal_id;
  g_autoptr(JsonNode) after = NULL;
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "INSERT INTO identity_captures (kind, application_id,"
                                           " terminal_id, person_name, id_no, format, iv,"
                                           " ciphertext, size, captured_at)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                           error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, capture->kind);
  sqlite3_bind_int64 (stmt, 2, capture->app->id);
  if (terminal_id != 0)
    sqlite3_bind_int64 (stmt, 3, terminal_id);
  anju_db_bind_text (stmt, 4, capture->app->applicant_name);
  anju_db_bind_text (stmt, 5, capture->app->id_no);
  anju_db_bind_text (stmt, 6, capture->format);
  sqlite3_bind_blob (stmt, 7, g_bytes_get_data (capture->iv, NULL),
                     (int) g_bytes_get_size (capture->iv), SQLITE_STATIC);
  sqlite3_bind_blob64 (stmt, 8, g_bytes_get_data (capture->ciphertext, NULL),
                       g_bytes_get_size (capture->ciphertext), SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, (gint64) capture->size);
  sqlite3_bind_int64 (stmt, 10, capture->now);
  if (!anju_db_step_done (db, stmt, error))
    return FALSE;
  *out_id = anju_db_last_insert_id (db);
  after = capture_audit_json (*out_id, terminal_id, capture);
  return anju_audit_record (request, NULL, "terminal.capture.create", ENTITY, *out_id, NULL,
                            after, error);
}

/* Encrypts and stores, with the audit row, in one transaction. */
static void
store_capture (AnjuRequest *request,
               Capture     *capture,
               GBytes      *plaintext)
{
  AnjuCaptureCipher *cipher = anju_kiosk_get_cipher (anju_request_get_server (request));
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) iv = NULL;
  g_autoptr(GBytes) ciphertext = NULL;
  gint64 id = 0;

  if (!anju_capture_cipher_encrypt (cipher, plaintext, &iv, &ciphertext, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  capture->iv = iv;
  capture->ciphertext = ciphertext;
  capture->size = g_bytes_get_size (plaintext);
  if (!anju_db_begin (db, &error)
      || !anju_transaction_end (db, insert_capture (request, capture, &id, &error), &error))
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_CREATED, capture_created_json (id, capture));
}

static void
handle_capture (AnjuRequest *request)
{
  g_auto(AnjuKioskApp) app = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plaintext = NULL;
  AnjuCaptureCipher *cipher = anju_kiosk_get_cipher (anju_request_get_server (request));
  Capture capture = { &app, };
  JsonObject *body;

  body = anju_request_parse_body (request, capture_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (!anju_capture_cipher_is_configured (cipher))
    {
      anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                             _("Identity capture is not configured on this server"));
      return;
    }
  if (!_anju_kiosk_load_own_app (request, json_object_get_int_member (body, "application_id"),
                                 &app))
    return;
  capture.kind = json_object_get_string_member (body, "kind");
  capture.format = json_object_get_string_member (body, "format");
  capture.now = anju_clock_now_secs (anju_request_get_clock (request));
  plaintext = decode_base64 (json_object_get_string_member (body, "data"));
  check_capture (request, capture.kind, capture.format, plaintext);
  if (anju_request_has_field_errors (request))
    anju_reply_validation_failed (request);
  else
    store_capture (request, &capture, plaintext);
}

/* ---- staff: the list --------------------------------------------------- */

#define CAPTURE_COLUMNS \
  "c.id, c.kind, c.person_name, c.id_no, c.application_id, a.application_no, c.terminal_id," \
  " t.terminal_no, t.name, t.location, c.captured_at, c.size"
#define CAPTURE_JOIN \
  "identity_captures c JOIN pubrent_applications a ON a.id = c.application_id" \
  " JOIN organisations o ON o.id = a.org_id LEFT JOIN terminals t ON t.id = c.terminal_id"
/* ?1 the caller's organisation path: captures of applications in scope. */
#define CAPTURE_SCOPE "substr (o.path, 1, length (?1)) = ?1"

static JsonNode *
capture_item (sqlite3_stmt *stmt,
              gpointer      user_data,
              GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *masked = anju_mask_id_number ((const char *) sqlite3_column_text (stmt, 3));

  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 0);
  anju_json_add_text_column (builder, "kind", stmt, 1);
  anju_json_add_text_column (builder, "person_name", stmt, 2);
  json_builder_set_member_name (builder, "id_no");
  json_builder_add_string_value (builder, masked);
  json_builder_set_member_name (builder, "application");
  json_builder_begin_object (builder);
  anju_json_add_id_column (builder, "id", stmt, 4);
  anju_json_add_text_column (builder, "application_no", stmt, 5);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "terminal");
  if (sqlite3_column_type (stmt, 6) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      anju_json_add_id_column (builder, "id", stmt, 6);
      anju_json_add_text_column (builder, "terminal_no", stmt, 7);
      anju_json_add_text_column (builder, "name", stmt, 8);
      anju_json_add_text_column (builder, "location", stmt, 9);
      json_builder_end_object (builder);
    }
  anju_json_add_time_column (builder, "captured_at", stmt, 10);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 11));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

typedef struct
{
  const char *org_path;
  const char *kind;
  const char *pattern;
  const char *id_no;
} CaptureFilters;

static void
bind_list_filters (sqlite3_stmt  *stmt,
                   gconstpointer  bind_data)
{
  const CaptureFilters *filters = bind_data;

  anju_db_bind_text (stmt, 1, filters->org_path);
  anju_db_bind_text (stmt, 2, filters->kind);
  anju_db_bind_text (stmt, 3, filters->pattern);
  anju_db_bind_text (stmt, 4, filters->id_no);
}

static void
handle_list (AnjuRequest *request)
{
  /* ?q= matches a name that contains it, or the full ID number. */
#define LIST_WHERE \
  " WHERE " CAPTURE_SCOPE \
  " AND (?2 IS NULL OR c.kind = ?2)" \
  " AND (?3 IS NULL OR c.person_name LIKE ?3 ESCAPE '\\' OR c.id_no = ?4)"
  const char *kind = anju_request_get_query (request, "kind");
  const char *q = anju_request_get_query (request, "q");
  g_autofree char *pattern = anju_sql_contains_pattern (q);
  g_autofree char *trimmed = q != NULL ? g_strstrip (g_strdup (q)) : NULL;
  g_autofree char *id_no = trimmed != NULL ? g_ascii_strup (trimmed, -1) : NULL;
  const CaptureFilters filters = {
    anju_request_get_caller (request)->org_path, kind, pattern, id_no,
  };
  g_autoptr(GError) error = NULL;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (kind != NULL && !g_strv_contains (capture_kinds, kind))
    {
      anju_reply_field_error (request, "kind", _("Must be one of: face, fingerprint"));
      return;
    }
  anju_request_reply_list (request,
                           "SELECT COUNT(*) FROM " CAPTURE_JOIN LIST_WHERE,
                           "SELECT " CAPTURE_COLUMNS " FROM " CAPTURE_JOIN LIST_WHERE
                           " ORDER BY c.captured_at DESC, c.id DESC LIMIT ?5 OFFSET ?6",
                           5, page, page_size, bind_list_filters, &filters, capture_item, NULL);
#undef LIST_WHERE
}

/* ---- staff: the content -------------------------------------------------- */

typedef struct
{
  char   *kind;
  char   *application_no;
  GBytes *iv;
  GBytes *ciphertext;
} StoredCapture;

static void
stored_capture_clear (StoredCapture *stored)
{
  g_clear_pointer (&stored->kind, g_free);
  g_clear_pointer (&stored->application_no, g_free);
  g_clear_pointer (&stored->iv, g_bytes_unref);
  g_clear_pointer (&stored->ciphertext, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StoredCapture, stored_capture_clear)

static GBytes *
column_bytes (sqlite3_stmt *stmt,
              int           column)
{
  return g_bytes_new (sqlite3_column_blob (stmt, column),
                      (gsize) sqlite3_column_bytes (stmt, column));
}

/* The capture of id when its application is in the caller's scope
 * (ANJU_ERROR_NOT_FOUND otherwise). */
static gboolean
load_stored (AnjuRequest   *request,
             gint64         id,
             StoredCapture *out_stored,
             GError       **error)
{
  AnjuDb *db = anju_request_get_db (request);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT c.kind, a.application_no, c.iv, c.ciphertext"
                                           " FROM " CAPTURE_JOIN
                                           " WHERE c.id = ?2 AND " CAPTURE_SCOPE,
                                           error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, anju_request_get_caller (request)->org_path);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such identity capture"), error))
    return FALSE;
  *out_stored = (StoredCapture) {
    .kind = anju_db_column_dup (stmt, 0),
    .application_no = anju_db_column_dup (stmt, 1),
    .iv = column_bytes (stmt, 2),
    .ciphertext = column_bytes (stmt, 3),
  };
  return TRUE;
}

static gboolean
audit_view (AnjuRequest         *request,
            gint64               id,
            const StoredCapture *stored,
            GError             **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) after = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, stored->kind);
  json_builder_set_member_name (builder, "application_no");
  json_builder_add_string_value (builder, stored->application_no);
  json_builder_end_object (builder);
  after = json_builder_get_root (builder);
  return anju_audit_record (request, NULL, "terminal.capture.view", ENTITY, id, NULL, after,
                            error);
}

static void
handle_content (AnjuRequest *request)
{
  g_auto(StoredCapture) stored = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plaintext = NULL;
  AnjuCaptureCipher *cipher = anju_kiosk_get_cipher (anju_request_get_server (request));
  AnjuDb *db = anju_request_get_db (request);
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return;
  if (!load_stored (request, id, &stored, &error)
      || (plaintext = anju_capture_cipher_decrypt (cipher, stored.iv, stored.ciphertext,
                                                   &error)) == NULL
      || !anju_db_begin (db, &error)
      || !anju_transaction_end (db, audit_view (request, id, &stored, &error), &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  anju_request_reply_text (request, SOUP_STATUS_OK,
                           g_str_equal (stored.kind, "face") ? "image/jpeg"
                                                             : "application/octet-stream",
                           plaintext);
}

static const AnjuRoute routes[] = {
  { "POST", "/api/v1/kiosk/captures", ANJU_PERM_KIOSK_OPERATE, ANJU_ROUTE_DEFAULT,
    handle_capture, "Store a face image or fingerprint template, encrypted", capture_body,
    "kiosk" },
  { "GET", "/api/v1/identity-captures", ANJU_PERM_CAPTURE_READ, ANJU_ROUTE_DEFAULT, handle_list,
    "Identity captures of applications in scope; filters kind, q", NULL, "terminals" },
  { "GET", "/api/v1/identity-captures/{id}/content", ANJU_PERM_CAPTURE_READ, ANJU_ROUTE_DEFAULT,
    handle_content, "The decrypted capture (audited)", NULL, "terminals" },
};

const AnjuRoute *
_anju_identity_capture_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (routes);
  return routes;
}
