/* anju-kiosk-private.h: what the files of the kiosk module share. */
#pragma once

#include "anju-kiosk.h"
#include "anju-route.h"

G_BEGIN_DECLS

#define ANJU_PERM_KIOSK_OPERATE  "terminal.kiosk.operate"
#define ANJU_PERM_DEVICE_MANAGE  "terminal.device.manage"
#define ANJU_PERM_CAPTURE_READ   "terminal.capture.read"

/* The facts of an application the kiosk endpoints read. */
typedef struct
{
  gint64  id;
  char   *application_no;
  char   *status;
  char   *applicant_name;
  char   *id_no;
  gint64  created_by;
  char   *org_path;
} AnjuKioskApp;

void     _anju_kiosk_app_clear        (AnjuKioskApp *app);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuKioskApp, _anju_kiosk_app_clear)

/* The application of id when the terminal's service user created it;
 * replies 404 and returns FALSE otherwise (docs/api.md: captures and qr
 * accept only the terminal's own applications). */
gboolean _anju_kiosk_load_own_app     (AnjuRequest  *request,
                                       gint64        id,
                                       AnjuKioskApp *out_app);
/* The applicant id_no's newest application; FALSE without error when
 * there is none. */
gboolean _anju_kiosk_find_by_id_no    (AnjuDb       *db,
                                       const char   *id_no,
                                       AnjuKioskApp *out_app,
                                       GError      **error);
/* Today in Asia/Shanghai by the server's clock: "2026-11-29". */
char    *_anju_kiosk_today            (AnjuRequest  *request);

/* Route tables, one per file. */
const AnjuRoute *_anju_kiosk_article_routes   (guint *n_routes);
const AnjuRoute *_anju_honor_roll_routes      (guint *n_routes);
const AnjuRoute *_anju_identity_capture_routes (guint *n_routes);
const AnjuRoute *_anju_kiosk_qr_routes        (guint *n_routes);
const AnjuRoute *_anju_kiosk_progress_routes  (guint *n_routes);
const AnjuRoute *_anju_kiosk_document_routes  (guint *n_routes);

/* Holders of terminal.device.manage may read honor-roll photos. */
void             _anju_honor_roll_register_reader (AnjuServer *server);

G_END_DECLS
