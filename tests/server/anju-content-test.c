/* anju-content-test.c: samples, uploads and downloads for the portal
 * content tests.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "anju-content-test.h"

static const char * const content_types[] = {
  [ANJU_SAMPLE_PDF] = "application/pdf",
  [ANJU_SAMPLE_JPEG] = "image/jpeg",
  [ANJU_SAMPLE_PNG] = "image/png",
  [ANJU_SAMPLE_DOC] = "application/msword",
  [ANJU_SAMPLE_DOCX] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  [ANJU_SAMPLE_XLS] = "application/vnd.ms-excel",
  [ANJU_SAMPLE_XLSX] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const char *
anju_sample_content_type (AnjuSampleKind kind)
{
  return content_types[kind];
}

static void
put_u16 (GByteArray *out,
         guint       value)
{
  guint8 bytes[2] = { value & 0xFF, (value >> 8) & 0xFF };

  g_byte_array_append (out, bytes, 2);
}

static void
put_u32 (GByteArray *out,
         guint32     value)
{
  guint8 bytes[4] = { value & 0xFF, (value >> 8) & 0xFF, (value >> 16) & 0xFF, value >> 24 };

  g_byte_array_append (out, bytes, 4);
}

static void
set_u16 (guint8 *at,
         guint   value)
{
  at[0] = value & 0xFF;
  at[1] = (value >> 8) & 0xFF;
}

static void
set_u32 (guint8 *at,
         guint32 value)
{
  set_u16 (at, value & 0xFFFF);
  set_u16 (at + 2, value >> 16);
}

static void
put_text (GByteArray *out,
          const char *text)
{
  g_byte_array_append (out, (const guint8 *) text, strlen (text));
}

/* APPNOTE.TXT: a local header per entry (stored, empty), then the central
 * directory and its end record.  The CRC of an empty entry is 0. */
GBytes *
anju_sample_zip_new (const char * const *names)
{
  GByteArray *out = g_byte_array_new ();
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 directory;
  guint n = g_strv_length ((char **) names);

  for (guint i = 0; i < n; i++)
    {
      guint32 offset = out->len;

      g_array_append_val (offsets, offset);
      put_text (out, "PK\x03\x04");
      put_u16 (out, 20);                 /* version needed */
      put_u16 (out, 0);                  /* flags */
      put_u16 (out, 0);                  /* stored */
      put_u32 (out, 0);                  /* time, date */
      put_u32 (out, 0);                  /* crc */
      put_u32 (out, 0);                  /* compressed size */
      put_u32 (out, 0);                  /* size */
      put_u16 (out, strlen (names[i]));
      put_u16 (out, 0);                  /* extra */
      put_text (out, names[i]);
    }

  directory = out->len;
  for (guint i = 0; i < n; i++)
    {
      put_text (out, "PK\x01\x02");
      put_u16 (out, 20);                 /* made by */
      put_u16 (out, 20);                 /* needed */
      put_u16 (out, 0);
      put_u16 (out, 0);
      put_u32 (out, 0);
      put_u32 (out, 0);
      put_u32 (out, 0);
      put_u32 (out, 0);
      put_u16 (out, strlen (names[i]));
      put_u16 (out, 0);                  /* extra */
      put_u16 (out, 0);                  /* comment */
      put_u16 (out, 0);                  /* disk */
      put_u16 (out, 0);                  /* internal attributes */
      put_u32 (out, 0);                  /* external attributes */
      put_u32 (out, g_array_index (offsets, guint32, i));
      put_text (out, names[i]);
    }

  put_text (out, "PK\x05\x06");
  put_u16 (out, 0);
  put_u16 (out, 0);
  put_u16 (out, n);
  put_u16 (out, n);
  put_u32 (out, out->len - directory - 12);
  put_u32 (out, directory);
  put_u16 (out, 0);
  return g_byte_array_free_to_bytes (out);
}

#define CFB_SECTOR 512
#define CFB_FREE 0xFFFFFFFFu
#define CFB_END 0xFFFFFFFEu
#define CFB_FAT 0xFFFFFFFDu

static void
set_entry_name (guint8     *entry,
                const char *name)
{
  gsize n = strlen (name);

  for (gsize i = 0; i < n; i++)
    entry[2 * i] = (guint8) name[i];
  set_u16 (entry + 64, (n + 1) * 2);
}

/* [MS-CFB] version 3: the header, sector 0 holding the FAT and sector 1
 * the directory: the root entry and one stream. */
GBytes *
anju_sample_compound_new (const char *stream_name)
{
  guint8 *data = g_malloc0 (3 * CFB_SECTOR);
  guint8 *fat = data + CFB_SECTOR;
  guint8 *directory = data + 2 * CFB_SECTOR;

  memcpy (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  set_u16 (data + 24, 0x3E);             /* minor version */
  set_u16 (data + 26, 3);                /* major version */
  set_u16 (data + 28, 0xFFFE);           /* byte order */
  set_u16 (data + 30, 9);                /* 512-byte sectors */
  set_u16 (data + 32, 6);                /* 64-byte mini sectors */
  set_u32 (data + 44, 1);                /* FAT sectors */
  set_u32 (data + 48, 1);                /* first directory sector */
  set_u32 (data + 56, 4096);             /* mini stream cutoff */
  set_u32 (data + 60, CFB_END);          /* no mini FAT */
  set_u32 (data + 68, CFB_END);          /* no DIFAT sectors */
  set_u32 (data + 76, 0);                /* the FAT is sector 0 */
  for (guint i = 1; i < 109; i++)
    set_u32 (data + 76 + 4 * i, CFB_FREE);

  set_u32 (fat, CFB_FAT);
  set_u32 (fat + 4, CFB_END);
  for (guint i = 2; i < CFB_SECTOR / 4; i++)
    set_u32 (fat + 4 * i, CFB_FREE);

  set_entry_name (directory, "Root Entry");
  directory[66] = 5;
  set_u32 (directory + 116, CFB_END);
  set_entry_name (directory + 128, stream_name);
  directory[128 + 66] = 2;
  set_u32 (directory + 128 + 116, CFB_END);

  return g_bytes_new_take (data, 3 * CFB_SECTOR);
}

/* A string literal's bytes, without the terminating NUL. */
#define STATIC_BYTES(literal) g_bytes_new_static ((literal), sizeof (literal) - 1)

GBytes *
anju_sample_new (AnjuSampleKind kind,
                 const char    *salt)
{
  static const char * const docx[] = { "[Content_Types].xml", "_rels/.rels", "word/document.xml",
                                       NULL };
  static const char * const xlsx[] = { "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                                       NULL };
  g_autofree char *salt_name = g_strconcat ("docProps/", salt, ".xml", NULL);
  g_autoptr(GBytes) base = NULL;
  GByteArray *out;

  switch (kind)
    {
    case ANJU_SAMPLE_PDF:
      base = STATIC_BYTES ("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
      break;
    case ANJU_SAMPLE_JPEG:
      base = STATIC_BYTES ("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01"
                           "\x00\x00");
      break;
    case ANJU_SAMPLE_PNG:
      base = STATIC_BYTES ("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR\x00\x00\x00\x01"
                           "\x00\x00\x00\x01\x08\x02\x00\x00\x00");
      break;
    case ANJU_SAMPLE_DOC:
      base = anju_sample_compound_new ("WordDocument");
      break;
    case ANJU_SAMPLE_XLS:
      base = anju_sample_compound_new ("Workbook");
      break;
    case ANJU_SAMPLE_DOCX:
    case ANJU_SAMPLE_XLSX:
      {
        const char * const *names = kind == ANJU_SAMPLE_DOCX ? docx : xlsx;
        const char *with_salt[] = { names[0], names[1], names[2], salt_name, NULL };

        return anju_sample_zip_new (with_salt);
      }
    default:
      g_assert_not_reached ();
    }

  /* Trailing bytes change nothing a type is recognised by. */
  out = g_byte_array_new ();
  g_byte_array_append (out, g_bytes_get_data (base, NULL), g_bytes_get_size (base));
  put_text (out, salt);
  return g_byte_array_free_to_bytes (out);
}

JsonNode *
anju_test_upload (AnjuTestServer *srv,
                  const char     *token,
                  const char     *name,
                  const char     *content_type,
                  GBytes         *data,
                  guint          *out_status)
{
  g_autofree char *escaped = name != NULL ? g_uri_escape_string (name, NULL, FALSE) : NULL;
  g_autofree char *path = escaped != NULL ? g_strconcat ("/api/v1/files?name=", escaped, NULL)
                                          : g_strdup ("/api/v1/files");
  g_autoptr(GBytes) reply = NULL;

  reply = anju_test_request_raw (srv, token, "POST", path, content_type, data, out_status);
  return anju_test_parse_json (reply);
}

gint64
anju_test_upload_ok (AnjuTestServer *srv,
                     const char     *token,
                     const char     *name,
                     AnjuSampleKind  kind,
                     const char     *salt)
{
  g_autoptr(GBytes) data = anju_sample_new (kind, salt);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = anju_test_upload (srv, token, name, anju_sample_content_type (kind), data, &status);
  anju_assert_status (status, SOUP_STATUS_CREATED, reply);
  return anju_test_json_int (reply, "id");
}

void
anju_test_download_free (AnjuTestDownload *download)
{
  if (download == NULL)
    return;
  g_clear_pointer (&download->body, g_bytes_unref);
  g_free (download->content_type);
  g_free (download->disposition);
  g_free (download->sha256);
  g_free (download);
}

AnjuTestDownload *
anju_test_download (AnjuTestServer *srv,
                    const char     *token,
                    const char     *path)
{
  g_autofree char *uri = g_strconcat (srv->base_uri, path, NULL);
  /* A terminal's signature goes as it is (anju_test_request). */
  g_autofree char *authorization = g_str_has_prefix (token, "Terminal ")
                                     ? g_strdup (token)
                                     : g_strconcat ("Bearer ", token, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
  g_autoptr(GError) error = NULL;
  AnjuTestDownload *download = g_new0 (AnjuTestDownload, 1);
  SoupMessageHeaders *headers;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization",
                                authorization);
  download->body = soup_session_send_and_read (srv->session, message, NULL, &error);
  g_assert_no_error (error);

  headers = soup_message_get_response_headers (message);
  download->status = soup_message_get_status (message);
  download->content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));
  download->disposition = g_strdup (soup_message_headers_get_one (headers, "Content-Disposition"));
  download->sha256 = g_strdup (soup_message_headers_get_one (headers, "X-Content-SHA256"));
  return download;
}

gint64
anju_test_audit_count (AnjuTestServer *srv,
                       const char     *action,
                       gint64          entity_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM audit_log WHERE action = '%s'"
                                          " AND entity_id = %" G_GINT64_FORMAT,
                                          action, entity_id);
  g_autofree char *count = anju_test_db_query (srv, sql);

  return g_ascii_strtoll (count, NULL, 10);
}

char *
anju_test_login_demo (AnjuTestServer *srv,
                      const char     *username)
{
  return anju_test_login (srv, username, ANJU_TEST_DEMO_PASSWORD);
}

JsonNode *
anju_test_list_page (AnjuTestServer *srv,
                     const char     *token,
                     const char     *collection,
                     const char     *query)
{
  g_autofree char *path = g_strconcat (collection, "?page_size=200&", query, NULL);
  JsonNode *reply;
  guint status = 0;

  reply = anju_test_request (srv, token, "GET", path, NULL, &status);
  anju_assert_status (status, SOUP_STATUS_OK, reply);
  anju_test_assert_page (reply);
  return reply;
}

gboolean
anju_test_list_has (AnjuTestServer *srv,
                    const char     *token,
                    const char     *collection,
                    const char     *query,
                    gint64          id)
{
  g_autoptr(JsonNode) page = anju_test_list_page (srv, token, collection, query);
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  return anju_test_json_find (page, "items", "id", text) >= 0;
}

JsonNode *
anju_test_item_request (AnjuTestServer *srv,
                        const char     *token,
                        const char     *method,
                        const char     *collection,
                        gint64          id,
                        const char     *action,
                        const char     *body,
                        guint          *out_status)
{
  g_autofree char *path = g_strdup_printf ("%s/%" G_GINT64_FORMAT "%s%s", collection, id,
                                           action != NULL ? "/" : "",
                                           action != NULL ? action : "");

  return anju_test_request (srv, token, method, path, body, out_status);
}
