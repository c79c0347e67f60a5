/* anju-feedback-store.h: feedback (意见反馈, F-PORTAL-014) in the
 * database.
 *
 * A feedback item is open until someone holding portal.feedback.reply
 * answers it, and then replied for good.  It belongs to its author, and
 * to the organisation the author was in when submitting it: repliers see
 * the feedback of their data scope.  ANJU_FEEDBACK_VISIBLE says who may
 * read it, in SQL.
 *
 * Writes here do not open transactions or audit: the callers do both.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-caller.h"
#include "anju-db.h"

G_BEGIN_DECLS

/* NULL-terminated, for enum checks. */
extern const char * const anju_feedback_types[];
extern const char * const anju_feedback_statuses[];

typedef struct
{
  gint64  id;
  gint64  author_id;
  char   *status;
  char   *title;
  char   *org_path;
} AnjuFeedbackRef;

void anju_feedback_ref_clear (AnjuFeedbackRef *ref);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuFeedbackRef, anju_feedback_ref_clear)

/* Over ANJU_FEEDBACK_JOIN, with ?1 ?2 ?3 bound by
 * anju_feedback_bind_reader(): the author, or a replier whose scope
 * holds the feedback's organisation. */
#define ANJU_FEEDBACK_VISIBLE \
  "(f.author_id = ?1 OR (?2 AND substr (o.path, 1, length (?3)) = ?3))"

void      anju_feedback_bind_reader    (sqlite3_stmt      *stmt,
                                        const AnjuCaller  *caller);

/* FALSE with ANJU_ERROR_NOT_FOUND when there is no such feedback. */
gboolean  anju_feedback_store_load     (AnjuDb            *db,
                                        gint64             id,
                                        AnjuFeedbackRef   *out_ref,
                                        GError           **error);
/* Whether caller may read the feedback ref describes. */
gboolean  anju_feedback_may_read       (const AnjuFeedbackRef *ref,
                                        const AnjuCaller      *caller);

/* Returns the new id, or 0 with error. */
gint64    anju_feedback_store_insert   (AnjuDb      *db,
                                        const char  *type,
                                        const char  *title,
                                        const char  *content,
                                        gint64       author_id,
                                        gint64       org_id,
                                        gint64       now,
                                        GError     **error);
gboolean  anju_feedback_store_update   (AnjuDb      *db,
                                        gint64       id,
                                        const char  *type,
                                        const char  *title,
                                        const char  *content,
                                        gint64       now,
                                        GError     **error);
/* open → replied. */
gboolean  anju_feedback_store_reply    (AnjuDb      *db,
                                        gint64       id,
                                        const char  *reply,
                                        gint64       replied_by,
                                        gint64       now,
                                        GError     **error);
gboolean  anju_feedback_store_delete   (AnjuDb      *db,
                                        gint64       id,
                                        GError     **error);

/* The Feedback object of docs/api.md. */
JsonNode *anju_feedback_store_to_json  (AnjuDb        *db,
                                        gint64         id,
                                        GError       **error);
/* The same, from a row of ANJU_FEEDBACK_COLUMNS. */
JsonNode *anju_feedback_json_from_row  (sqlite3_stmt  *stmt);

#define ANJU_FEEDBACK_COLUMNS \
  "f.id, f.type, f.title, f.content, f.status, f.author_id, au.name, f.org_id, o.name," \
  " f.reply, f.replied_by, ru.name, f.replied_at, f.created_at, f.updated_at"
#define ANJU_FEEDBACK_JOIN \
  "feedback f JOIN users au ON au.id = f.author_id" \
  " JOIN organisations o ON o.id = f.org_id LEFT JOIN users ru ON ru.id = f.replied_by"

G_END_DECLS
