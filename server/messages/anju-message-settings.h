/* anju-message-settings.h: message templates and push strategies, stored.
 *
 * Both tables have one row per event type (seeded by 0004-messages.sql).
 * Writers validate first (variables, "HH:MM", role codes); these functions only read
 * and write rows, inside the caller's transaction when there is one.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"
#include "anju-message-events.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *title;
  char   *body;
  char   *sms;
} AnjuMessageTexts;

typedef struct
{
  gint64    id;
  gboolean  inbox;
  gboolean  sms;
  gboolean  enabled;
  char     *quiet_start;   /* (nullable) "22:00" */
  char     *quiet_end;     /* (nullable) "07:00" */
  GStrv     roles;         /* role codes, sorted; empty: no audience restriction */
} AnjuPushStrategy;

void      anju_message_texts_clear          (AnjuMessageTexts       *texts);
void      anju_push_strategy_clear          (AnjuPushStrategy       *strategy);

/* NOT_FOUND when the event has no row. */
gboolean  anju_message_texts_load           (AnjuDb                 *db,
                                             const char             *event,
                                             AnjuMessageTexts       *out_texts,
                                             GError                **error);
gboolean  anju_message_texts_save           (AnjuDb                 *db,
                                             const char             *event,
                                             const AnjuMessageTexts *texts,
                                             gint64                  now,
                                             GError                **error);
/* Back to the shipped zh_CN texts; updated_at becomes NULL again. */
gboolean  anju_message_texts_reset          (AnjuDb                 *db,
                                             const char             *event,
                                             GError                **error);
/* Template of docs/api.md "Message settings". */
JsonNode *anju_message_template_to_json     (AnjuDb                 *db,
                                             const AnjuMessageEvent *event,
                                             GError                **error);

gboolean  anju_push_strategy_load           (AnjuDb                 *db,
                                             const char             *event,
                                             AnjuPushStrategy       *out_strategy,
                                             GError                **error);
gboolean  anju_push_strategy_save           (AnjuDb                 *db,
                                             const char             *event,
                                             const AnjuPushStrategy *strategy,
                                             gint64                  now,
                                             GError                **error);
/* The first of roles that names no role, as a new string, in
 * *out_unknown; NULL there when all exist. */
gboolean  anju_push_strategy_find_unknown_role (AnjuDb              *db,
                                                const char * const  *roles,
                                                char               **out_unknown,
                                                GError             **error);
/* Strategy of docs/api.md "Message settings". */
JsonNode *anju_push_strategy_to_json        (AnjuDb                 *db,
                                             const AnjuMessageEvent *event,
                                             GError                **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuMessageTexts, anju_message_texts_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuPushStrategy, anju_push_strategy_clear)

G_END_DECLS
