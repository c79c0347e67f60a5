/* anju-application-scan.c: POST /api/v1/pubrent/applications/scan: the
 * application whose QR code (anju:pubrent-application:<no>, the one the
 * kiosk's receipt prints) is in an uploaded picture.
 *
 * The mobile web sends a camera frame or a photo here when the browser
 * has no BarcodeDetector.  Only JPEG and PNG are read, each by its own
 * gdk-pixbuf loader (never the guessing one, so no other decoder sees
 * the bytes), and a picture over MAX_SIDE pixels a side is refused from
 * its header, before its pixels are decoded.  Decoding and zbar run in a
 * worker thread; the lookup in the caller's scope runs on the main
 * context like every database access.  A read: logged, not audited.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>

#include "anju-application-routes.h"
#include "anju-caller.h"
#include "anju-qr-decode.h"
#include "anju-stmt.h"

#define QR_PREFIX "anju:pubrent-application:"
#define MAX_SIDE  4096

typedef struct
{
  int      width;
  int      height;
  gboolean too_large;
} PictureSize;

/* The loader for the bytes' type: PNG or JPEG by their signature. */
static const char *
picture_type (GBytes *bytes)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  if (length >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "png";
  if (length >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0)
    return "jpeg";
  return NULL;
}

/* Called with the size from the header: a size of 0 × 0 makes the loader
 * stop before it allocates the pixels. */
static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  PictureSize     *size)
{
  size->width = width;
  size->height = height;
  if (width > MAX_SIDE || height > MAX_SIDE)
    {
      size->too_large = TRUE;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
    }
}

static GdkPixbuf *
load_picture (GBytes  *bytes,
              GError **error)
{
  const char *type = picture_type (bytes);
  g_autoptr(GdkPixbufLoader) loader = NULL;
  PictureSize size = { 0, };
  gboolean loaded;

  if (type == NULL)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_UNSUPPORTED_MEDIA,
                           _("The picture must be a JPEG or PNG image"));
      return NULL;
    }
  loader = gdk_pixbuf_loader_new_with_type (type, NULL);
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &size);
  loaded = gdk_pixbuf_loader_write_bytes (loader, bytes, NULL);
  loaded = gdk_pixbuf_loader_close (loader, NULL) && loaded;

  if (size.too_large)
    {
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_TOO_LARGE,
                   /* Translators: %1$d × %2$d is the picture's size, %3$d the most allowed */
                   _("The picture is %1$d × %2$d pixels; at most %3$d pixels a side are read"),
                   size.width, size.height, MAX_SIDE);
      return NULL;
    }
  if (!loaded || gdk_pixbuf_loader_get_pixbuf (loader) == NULL)
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_UNSUPPORTED_MEDIA,
                           _("The picture could not be read as a JPEG or PNG image"));
      return NULL;
    }
  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

/* The text of the QR code in the picture; NULL with ANJU_ERROR_NO_CODE
 * when there is none. */
static char *
decode_picture (GBytes  *bytes,
                GError **error)
{
  g_autoptr(GdkPixbuf) picture = load_picture (bytes, error);
  g_autoptr(GdkPixbuf) rgba = NULL;
  char *text;

  if (picture == NULL)
    return NULL;
  rgba = gdk_pixbuf_get_has_alpha (picture) ? g_object_ref (picture)
                                            : gdk_pixbuf_add_alpha (picture, FALSE, 0, 0, 0);
  text = anju_qr_decode_rgba (gdk_pixbuf_read_pixels (rgba), gdk_pixbuf_get_width (rgba),
                              gdk_pixbuf_get_height (rgba), gdk_pixbuf_get_rowstride (rgba));
  if (text == NULL)
    g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_NO_CODE,
                         _("No QR code was found in the picture"));
  return text;
}

static void
decode_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  char *text = decode_picture (task_data, &error);

  if (text == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, text, g_free);
}

/* The visible application numbered application_no; FALSE with
 * ANJU_ERROR_NOT_FOUND when there is none in the caller's scope. */
static gboolean
find_visible (AnjuRequest        *request,
              const char         *application_no,
              AnjuApplicationRef *ref,
              GError            **error)
{
  AnjuDb *db = anju_request_get_db (request);
  g_auto(AnjuStmt) stmt = NULL;
  gint64 id;

  stmt = anju_db_prepare (db, "SELECT id FROM pubrent_applications WHERE application_no = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, application_no);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such application"), error))
    return FALSE;
  id = sqlite3_column_int64 (stmt, 0);

  if (!anju_application_store_load_ref (db, id, ref, error))
    return FALSE;
  if (!anju_caller_can_see_org_path (anju_request_get_caller (request), ref->org_path))
    {
      g_set_error_literal (error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND, _("No such application"));
      return FALSE;
    }
  return TRUE;
}

static void
reply_application (AnjuRequest              *request,
                   const AnjuApplicationRef *ref)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, ref->id);
  json_builder_set_member_name (builder, "application_no");
  json_builder_add_string_value (builder, ref->application_no);
  json_builder_end_object (builder);
  anju_request_reply_json (request, SOUP_STATUS_OK, json_builder_get_root (builder));
}

static void
decoded_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AnjuRequest) request = user_data;
  AnjuCaller *caller = anju_request_get_caller (request);
  g_auto(AnjuApplicationRef) ref = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_task_propagate_pointer (G_TASK (result), &error);

  if (text == NULL)
    {
      g_info ("Scan by %s: %s", caller->username, error->message);
      anju_request_reply_error (request, error);
      return;
    }
  if (!g_str_has_prefix (text, QR_PREFIX))
    g_set_error_literal (&error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND,
                         _("This QR code is not the code of an application"));
  else
    find_visible (request, text + strlen (QR_PREFIX), &ref, &error);

  g_info ("Scan by %s: %s → %s", caller->username, text,
          error == NULL ? ref.application_no : error->message);
  if (error != NULL)
    anju_request_reply_error (request, error);
  else
    reply_application (request, &ref);
}

static void
handle_scan (AnjuRequest *request)
{
  SoupMessageBody *body = soup_server_message_get_request_body (anju_request_get_message (request));
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(GTask) task = NULL;

  if (g_bytes_get_size (bytes) == 0)
    {
      g_autoptr(GError) error = g_error_new_literal (ANJU_ERROR, ANJU_ERROR_UNSUPPORTED_MEDIA,
                                                     _("The picture must be a JPEG or PNG image"));

      anju_request_reply_error (request, error);
      return;
    }

  anju_request_pause (request);
  task = g_task_new (NULL, NULL, decoded_cb, anju_request_ref (request));
  g_task_set_source_tag (task, handle_scan);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, decode_thread);
}

static const AnjuRoute scan_routes[] = {
  { "POST", "/api/v1/pubrent/applications/scan", ANJU_PERM_APPLICATION_READ, ANJU_ROUTE_UPLOAD,
    handle_scan, "The application whose QR code is in the picture (body: a JPEG or PNG)", NULL,
    "pubrent" },
};

const AnjuRoute *
anju_application_scan_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (scan_routes);
  return scan_routes;
}
