/* anju-workflow-history.h: the history rows of process instances and the
 * files attached to them.
 *
 * An attached file becomes part of the record of a decision, so it is
 * archived (resources/sql/0003-files.sql: immutable from then on).
 * Nothing here opens a transaction or audits.
 */
#pragma once

#include <glib.h>

#include "anju-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      instance_id;
  gint64      task_id;        /* 0: none */
  gint64      actor_id;       /* 0: anju-server */
  gint64      org_id;         /* 0: none */
  const char *action;         /* "start", "approve" … (docs/api.md, History) */
  const char *step_key;       /* (nullable) */
  const char *step_name;      /* (nullable) */
  const char *comment;        /* (nullable) */
  GArray     *attachments;    /* (nullable) of gint64 file ids */
} AnjuWfHistoryRow;

gboolean anju_wf_history_add        (AnjuDb                 *db,
                                     const AnjuWfHistoryRow *row,
                                     gint64                  at,
                                     GError                **error);

/* Checks that every file exists and was uploaded by user_id:
 * *out_bad_index is the index of the first that fails, or -1. */
gboolean anju_wf_attachments_check  (AnjuDb                 *db,
                                     GArray                 *file_ids,
                                     gint64                  user_id,
                                     int                    *out_bad_index,
                                     GError                **error);

G_END_DECLS
