/* anju-sms-outbox.h: the SMS outbox, which is also the send log.
 *
 * Life of a row (docs/api.md "Message settings"):
 *
 *   pending ──claim──▶ sending ──2xx──▶ sent
 *      ▲  ▲                  └─other─▶ pending (retry later) │ failed
 *      │  └── deferred (daily cap reached: tomorrow)
 *   disabled (no gateway configured)     resend: failed/deferred/disabled ▶ pending
 *
 * Rows are never deleted.  A secret row (account.initial_password) holds
 * the password in text only while it may still be sent: once the row is
 * sent, failed or disabled — the states nothing leaves without an
 * administrator — text becomes "***", and the API never shows the text of
 * a secret row at all.  Such a row cannot be resent; the administrator
 * resets the password instead, which queues a new text.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"

G_BEGIN_DECLS

#define ANJU_SMS_ERASED_TEXT "***"

typedef struct
{
  const char *event;
  gint64      user_id;          /* 0: none */
  const char *phone;
  const char *text;
  gboolean    secret;
  /* NULL: pending; else the row is written as disabled with this reason. */
  const char *disabled_reason;
  gint64      next_attempt_at;
  gint64      created_at;
} AnjuSmsNew;

typedef struct
{
  gint64  id;
  char   *phone;
  char   *text;
  char   *quiet_start;   /* (nullable) of the row's event */
  char   *quiet_end;     /* (nullable) */
} AnjuSmsDue;

typedef struct
{
  gint64 sent_today;     /* sent within the Shanghai day asked for */
  gint64 sending;
  gint64 pending;        /* pending or sending */
  gint64 failed;
} AnjuSmsCounts;

/* Columns anju_sms_record_from_row() reads, of "sms_outbox s". */
#define ANJU_SMS_COLUMNS \
  "s.id, s.event, s.phone, s.text, s.secret, s.status, s.attempts, s.next_attempt_at," \
  " s.last_error, s.created_at, s.sent_at, s.provider_id"

void       anju_sms_due_free             (AnjuSmsDue        *due);

gint64     anju_sms_outbox_insert        (AnjuDb            *db,
                                          const AnjuSmsNew  *row,
                                          GError           **error);
/* Pending and deferred rows whose time has come, oldest first.
 * (transfer full): array of AnjuSmsDue. */
GPtrArray *anju_sms_outbox_list_due      (AnjuDb            *db,
                                          gint64             now,
                                          guint              limit,
                                          GError           **error);
/* Leaves the row waiting (quiet hours) until at. */
gboolean   anju_sms_outbox_postpone      (AnjuDb            *db,
                                          gint64             id,
                                          gint64             at,
                                          GError           **error);
/* pending/deferred → sending, one more attempt counted. */
gboolean   anju_sms_outbox_mark_sending  (AnjuDb            *db,
                                          gint64             id,
                                          GError           **error);
gboolean   anju_sms_outbox_mark_sent     (AnjuDb            *db,
                                          gint64             id,
                                          const char        *provider_id,
                                          gint64             now,
                                          GError           **error);
/* A failed attempt: back to pending for a retry with doubling backoff, or
 * failed once max_attempts attempts were made. */
gboolean   anju_sms_outbox_mark_failed   (AnjuDb            *db,
                                          gint64             id,
                                          const char        *reason,
                                          gint64             now,
                                          guint              max_attempts,
                                          guint              retry_base_seconds,
                                          GError           **error);
/* Every row due at now waits, as deferred, until until. */
gboolean   anju_sms_outbox_defer_due     (AnjuDb            *db,
                                          gint64             now,
                                          gint64             until,
                                          GError           **error);
/* Rows left sending by a server that stopped mid-request go back to
 * pending: sent twice is better than never. */
gboolean   anju_sms_outbox_recover       (AnjuDb            *db,
                                          GError           **error);
gboolean   anju_sms_outbox_count         (AnjuDb            *db,
                                          gint64             day_start,
                                          AnjuSmsCounts     *out_counts,
                                          GError           **error);
/* failed, deferred or disabled → pending now, attempts cleared; CONFLICT
 * for any other state or an erased secret text. */
gboolean   anju_sms_outbox_resend        (AnjuDb            *db,
                                          gint64             id,
                                          gint64             now,
                                          GError           **error);

/* SmsRecord of docs/api.md; the phone masked unless show_phone. */
JsonNode  *anju_sms_record_from_row      (sqlite3_stmt      *stmt,
                                          gboolean           show_phone);
JsonNode  *anju_sms_record_to_json       (AnjuDb            *db,
                                          gint64             id,
                                          gboolean           show_phone,
                                          GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuSmsDue, anju_sms_due_free)

G_END_DECLS
