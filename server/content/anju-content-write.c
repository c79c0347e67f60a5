/* anju-content-write.c: audited writes of articles and feedback.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-audit.h"
#include "anju-content-write.h"
#include "anju-transaction.h"

void
anju_content_run_write (AnjuRequest           *request,
                        const AnjuContentKind *kind,
                        const char            *action,
                        gint64                 id,
                        AnjuContentWrite       write,
                        gpointer               data,
                        guint                  status)
{
  AnjuDb *db = anju_request_get_db (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  gboolean deleting = status == SOUP_STATUS_NO_CONTENT;
  gboolean ok;

  if (!anju_db_begin (db, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  ok = (id == 0 || (before = kind->to_json (db, id, &error)) != NULL)
       && write (request, data, &id, &error)
       && (deleting || (after = kind->to_json (db, id, &error)) != NULL)
       && anju_audit_record (request, NULL, action, kind->entity, id, before, after, &error);
  if (!anju_transaction_end (db, ok, &error))
    anju_request_reply_error (request, error);
  else if (deleting)
    anju_request_reply_no_content (request);
  else
    anju_request_reply_json (request, status, g_steal_pointer (&after));
}
