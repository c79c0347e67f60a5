/* anju-content-test.h: what the portal content tests (files, articles,
 * feedback, shortcuts) share.
 *
 * Sample files of every accepted type, made in memory with just the
 * structure a type is recognised by (anju-file-type.h), so each test
 * says exactly what it uploads; an upload helper that goes through
 * HTTPS like a client; and a download that keeps the response headers.
 */
#pragma once

#include "anju-test-identity.h"

G_BEGIN_DECLS

typedef enum
{
  ANJU_SAMPLE_PDF,
  ANJU_SAMPLE_JPEG,
  ANJU_SAMPLE_PNG,
  ANJU_SAMPLE_DOC,
  ANJU_SAMPLE_DOCX,
  ANJU_SAMPLE_XLS,
  ANJU_SAMPLE_XLSX,
} AnjuSampleKind;

/* The MIME type docs/api.md names for kind. */
const char *anju_sample_content_type   (AnjuSampleKind  kind);
/* A small file of that kind; salt goes into the bytes so that two
 * samples with different salts have different SHA-256s. */
GBytes     *anju_sample_new            (AnjuSampleKind  kind,
                                        const char     *salt);
/* A ZIP archive holding exactly the named (empty) entries. */
GBytes     *anju_sample_zip_new        (const char * const *names);
/* An OLE2 compound file with one stream of that name. */
GBytes     *anju_sample_compound_new   (const char     *stream_name);

/* POST /files?name=NAME (name escaped here); returns the answer. */
JsonNode   *anju_test_upload           (AnjuTestServer *srv,
                                        const char     *token,
                                        const char     *name,
                                        const char     *content_type,
                                        GBytes         *data,
                                        guint          *out_status);
/* Uploads and returns the new file's id; fails the test unless 201. */
gint64      anju_test_upload_ok        (AnjuTestServer *srv,
                                        const char     *token,
                                        const char     *name,
                                        AnjuSampleKind  kind,
                                        const char     *salt);

typedef struct
{
  guint   status;
  GBytes *body;
  char   *content_type;
  char   *disposition;
  char   *sha256;
} AnjuTestDownload;

void        anju_test_download_free    (AnjuTestDownload *download);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuTestDownload, anju_test_download_free)

/* GET path, keeping the headers a download is about. */
AnjuTestDownload *anju_test_download   (AnjuTestServer *srv,
                                        const char     *token,
                                        const char     *path);

/* How many audit rows have this action about entity_id. */
gint64      anju_test_audit_count      (AnjuTestServer *srv,
                                        const char     *action,
                                        gint64          entity_id);

/* A demo account's token (every demo account has the same password). */
char       *anju_test_login_demo       (AnjuTestServer *srv,
                                        const char     *username);

/* method on collection/id, or collection/id/action when action is set. */
JsonNode   *anju_test_item_request     (AnjuTestServer *srv,
                                        const char     *token,
                                        const char     *method,
                                        const char     *collection,
                                        gint64          id,
                                        const char     *action,
                                        const char     *body,
                                        guint          *out_status);
/* GET collection?page_size=200&query (query without the "?"), checked as a
 * page: one list of the tests' small data sets, whole. */
JsonNode   *anju_test_list_page        (AnjuTestServer *srv,
                                        const char     *token,
                                        const char     *collection,
                                        const char     *query);
/* Whether that list holds the item with this id. */
gboolean    anju_test_list_has         (AnjuTestServer *srv,
                                        const char     *token,
                                        const char     *collection,
                                        const char     *query,
                                        gint64          id);

G_END_DECLS
