/* anju-inbox-store.h: the rows of the in-app inbox (table messages).
 *
 * A message belongs to exactly one user; every read and write here is
 * keyed by (user, id), so one user's message is "not found" for anyone
 * else.  Message JSON is the one of docs/api.md "Messages".
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      user_id;
  const char *event;
  const char *title;
  const char *body;
  const char *link_domain;       /* (nullable) */
  gint64      link_record_id;
  gint64      link_instance_id;  /* 0: none */
  gint64      created_at;
} AnjuInboxEntry;

/* Columns anju_inbox_message_from_row() reads, of "messages m". */
#define ANJU_INBOX_COLUMNS \
  "m.id, m.event, m.title, m.body, m.created_at, m.read_at," \
  " m.link_domain, m.link_record_id, m.link_instance_id"

gint64    anju_inbox_insert            (AnjuDb               *db,
                                        const AnjuInboxEntry *entry,
                                        GError              **error);
JsonNode *anju_inbox_message_from_row  (sqlite3_stmt         *stmt);
/* NOT_FOUND unless message id is user_id's. */
JsonNode *anju_inbox_message_to_json   (AnjuDb               *db,
                                        gint64                user_id,
                                        gint64                id,
                                        GError              **error);
/* Sets read_at unless already read; NOT_FOUND unless the message is
 * user_id's. */
gboolean  anju_inbox_mark_read         (AnjuDb               *db,
                                        gint64                user_id,
                                        gint64                id,
                                        gint64                now,
                                        GError              **error);
gboolean  anju_inbox_mark_all_read     (AnjuDb               *db,
                                        gint64                user_id,
                                        gint64                now,
                                        GError              **error);
gboolean  anju_inbox_count_unread      (AnjuDb               *db,
                                        gint64                user_id,
                                        gint64               *out_count,
                                        GError              **error);

G_END_DECLS
