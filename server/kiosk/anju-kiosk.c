/* anju-kiosk.c: registering the kiosk module, and the application facts
 * its endpoints share.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-kiosk-private.h"
#include "anju-stmt.h"
#include "anju-time.h"

#define CIPHER_SERVICE "capture-cipher"

typedef const AnjuRoute *(*RoutesFunc) (guint *n_routes);

gboolean
anju_kiosk_register (AnjuServer  *server,
                     GError     **error)
{
  static const RoutesFunc tables[] = {
    _anju_kiosk_article_routes,
    _anju_honor_roll_routes,
    _anju_identity_capture_routes,
    _anju_kiosk_qr_routes,
    _anju_kiosk_progress_routes,
    _anju_kiosk_document_routes,
  };
  const AnjuConfig *config = anju_server_get_config (server);
  g_autoptr(AnjuCaptureCipher) cipher = NULL;

  g_return_val_if_fail (ANJU_IS_SERVER (server), FALSE);

  cipher = anju_capture_cipher_new (config->identity_capture_sm4_key_file, error);
  if (cipher == NULL)
    return FALSE;
  anju_server_set_service (server, CIPHER_SERVICE, cipher);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      guint n_routes = 0;
      const AnjuRoute *routes = tables[i] (&n_routes);

      anju_server_add_routes (server, routes, n_routes);
    }
  _anju_honor_roll_register_reader (server);
  return TRUE;
}

AnjuCaptureCipher *
anju_kiosk_get_cipher (AnjuServer *server)
{
  return anju_server_get_service (server, CIPHER_SERVICE);
}

void
_anju_kiosk_app_clear (AnjuKioskApp *app)
{
  g_clear_pointer (&app->application_no, g_free);
  g_clear_pointer (&app->status, g_free);
  g_clear_pointer (&app->applicant_name, g_free);
  g_clear_pointer (&app->id_no, g_free);
  g_clear_pointer (&app->org_path, g_free);
}

#define APP_SELECT \
  "SELECT a.id, a.application_no, a.status, a.applicant_name, a.id_no, a.created_by, o.path" \
  " FROM pubrent_applications a JOIN organisations o ON o.id = a.org_id"

static void
app_from_row (sqlite3_stmt *stmt,
              AnjuKioskApp *out_app)
{
  *out_app = (AnjuKioskApp) {
    .id = sqlite3_column_int64 (stmt, 0),
    .application_no = anju_db_column_dup (stmt, 1),
    .status = anju_db_column_dup (stmt, 2),
    .applicant_name = anju_db_column_dup (stmt, 3),
    .id_no = anju_db_column_dup (stmt, 4),
    .created_by = sqlite3_column_int64 (stmt, 5),
    .org_path = anju_db_column_dup (stmt, 6),
  };
}

gboolean
_anju_kiosk_load_own_app (AnjuRequest  *request,
                          gint64        id,
                          AnjuKioskApp *out_app)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, APP_SELECT " WHERE a.id = ?1", &error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such application"), &error))
        {
          if (sqlite3_column_int64 (stmt, 5) == anju_request_get_caller (request)->user_id)
            {
              app_from_row (stmt, out_app);
              return TRUE;
            }
          g_set_error_literal (&error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND,
                               _("No such application"));
        }
    }
  anju_request_reply_error (request, error);
  return FALSE;
}

gboolean
_anju_kiosk_find_by_id_no (AnjuDb       *db,
                           const char   *id_no,
                           AnjuKioskApp *out_app,
                           GError      **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, APP_SELECT " WHERE a.id_no = ?1"
                                               " ORDER BY a.created_at DESC, a.id DESC LIMIT 1",
                                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, id_no);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    app_from_row (stmt, out_app);
  else if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

char *
_anju_kiosk_today (AnjuRequest *request)
{
  g_autofree char *now = anju_time_format_iso8601 (anju_clock_now_secs (
                                                     anju_request_get_clock (request)));

  return g_strndup (now, 10);
}
