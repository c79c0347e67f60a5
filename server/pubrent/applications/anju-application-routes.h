/* anju-application-routes.h: what the handler files of the applications
 * module share (anju-applications.c, -files.c, -import.c, -export.c). */
#pragma once

#include "anju-application-store.h"
#include "anju-applications.h"
#include "anju-request.h"
#include "anju-route.h"

G_BEGIN_DECLS

#define ANJU_PERM_APPLICATION_READ   "pubrent.application.read"
#define ANJU_PERM_APPLICATION_CREATE "pubrent.application.create"
#define ANJU_PERM_APPLICATION_REVIEW "pubrent.application.review"

/* One step of a write, inside the transaction run_write opened; a
 * create sets *inout_id. */
typedef gboolean (*AnjuApplicationStep) (const AnjuApplicationWrite  *write,
                                         gpointer                     data,
                                         gint64                      *inout_id,
                                         GError                     **error);

/* The application of the path's {id} when the caller's scope holds it;
 * replies 404 and returns FALSE otherwise. */
gboolean         anju_application_load_visible  (AnjuRequest         *request,
                                                 AnjuApplicationRef  *ref);
/* Replies the Application as the caller may see it. */
void             anju_application_reply_detail  (AnjuRequest         *request,
                                                 guint                status,
                                                 gint64               id);
/* Replies error, with the field errors when it is a 422. */
void             anju_application_reply_failure (AnjuRequest         *request,
                                                 JsonObject          *field_errors,
                                                 const GError        *error);
/* Runs step in one transaction as the caller; replies the Application
 * (or 204 when status is SOUP_STATUS_NO_CONTENT), or the failure. */
void             anju_application_run_write     (AnjuRequest         *request,
                                                 AnjuApplicationStep  step,
                                                 gpointer             data,
                                                 gint64               id,
                                                 guint                status);

/* The route tables of the handler files. */
const AnjuRoute *anju_application_file_routes     (guint             *n_routes);
const AnjuRoute *anju_application_submit_routes   (guint             *n_routes);
const AnjuRoute *anju_application_import_routes   (guint             *n_routes);
const AnjuRoute *anju_application_export_routes   (guint             *n_routes);
const AnjuRoute *anju_application_scan_routes     (guint             *n_routes);
/* Readers of an application may read its materials. */
void             anju_application_files_register_reader (AnjuServer  *server);

G_END_DECLS
