/* anju-document-data.h: what a document says about its applications,
 * read from the applications (pubrent_applications, organisations), the
 * review (workflow_history of the "pubrent.application" process) and
 * the publicity periods (pubrent_publicity, when the review module's
 * migration is in).  Also the made-up content of a template preview.
 */
#pragma once

#include "anju-db.h"
#include "anju-document-content.h"

G_BEGIN_DECLS

/* The applicant of application id, names masked when masked (lists)
 * and in full otherwise (forms); masked_name is always masked.
 * *out_org_path (nullable) is the path of the organisation that
 * entered it, for the caller's scope.  ANJU_ERROR_NOT_FOUND when there
 * is no such application. */
AnjuDocumentApplicant *anju_document_data_load_applicant  (AnjuDb      *db,
                                                           gint64       id,
                                                           gboolean     masked,
                                                           char       **out_org_path,
                                                           GError     **error);
/* Whether an application in that state may be in a document of kind
 * now: street_publicity → street_publicity; announcement → announcement;
 * confirmation → confirmed, or announcement whose announcement period
 * has ended. */
gboolean               anju_document_data_status_allows   (AnjuDb                      *db,
                                                           const char                  *kind,
                                                           const AnjuDocumentApplicant *applicant,
                                                           gint64                       now,
                                                           gboolean                    *out_allowed,
                                                           GError                     **error);
/* The review of application id, in order, appended to nodes. */
gboolean               anju_document_data_load_nodes      (AnjuDb      *db,
                                                           gint64       id,
                                                           GPtrArray   *nodes,
                                                           GError     **error);
/* The publicity period of a list: the earliest start and latest end of
 * the applications' publicity of that kind; when none is open yet, from
 * now for the period the settings give (street_publicity_days,
 * announcement_days). */
gboolean               anju_document_data_load_period     (AnjuDb                     *db,
                                                           AnjuDocumentContent        *content,
                                                           gint64                      now,
                                                           GError                    **error);
/* "符合……保障条件……" for the application's business type. */
char                  *anju_document_data_conclusion      (const AnjuDocumentApplicant *applicant);
/* Chinese name of a business type (the type itself when unknown). */
const char            *anju_document_data_business_type_label (const char *business_type);

/* Content with made-up applicants for a preview of kind, numbered as
 * the next document of its kind would be, at now. */
AnjuDocumentContent   *anju_document_data_example         (const char  *kind,
                                                           const char  *verify_base_url,
                                                           gint64       now);

G_END_DECLS
