/* anju-db-worker.c: thread pools with read-only connections of their own.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <poll.h>

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "anju-caller.h"
#include "anju-db-worker.h"
#include "anju-kept-pages.h"
#include "anju-list-totals.h"
#include "anju-reply-queue.h"
#include "anju-server.h"
#include "anju-stmt.h"

/* How many SQLite virtual-machine steps run between two looks at the
 * job's cancellable: often enough to stop a big scan within
 * milliseconds, rarely enough to cost nothing measurable. */
#define PROGRESS_STEPS 10000

/* The test-only gate looks at a job's cancellable this often. */
#define GATE_POLL_USEC (20 * 1000)

/* One thread of the RECORD lane and the connection it alone reads with. */
typedef struct
{
  AnjuDbWorker *worker;
  GThreadPool  *pool;        /* (owned) of one thread */
  AnjuDb       *reader;      /* (owned) (nullable) until the first job; set
                              * under the worker's lock, for the test getter */
} RecordThread;

struct _AnjuDbWorker
{
  char        *path;         /* (owned) the server's database */
  GThreadPool *pools[2];     /* (owned) QUICK and BULK */
  GAsyncQueue *readers;      /* (owned) idle AnjuDb connections, (owned) */
  RecordThread *records;     /* (owned) the RECORD lane */
  guint        n_records;
  AnjuReplyQueue *replies;   /* (owned) finished jobs back to the context
                              * the worker was made in: the server's */

  /* The test gate (anju_db_worker_hold_for_test) and its counters. */
  GMutex       lock;
  GCond        cond;
  gboolean     hold;
  guint        n_held;
  guint        n_cancelled;
};

typedef struct
{
  AnjuRequest     *request;       /* (owned) touched on the main context only */
  AnjuDbJobKind    kind;
  GCancellable    *cancellable;   /* (owned) (nullable) BULK: cancelled when the client goes away */
  GSource         *hangup;        /* (owned) (nullable) watches the client's socket */
  gulong           disconnected_id;

  AnjuDbJobFunc    job;
  AnjuDbReplyFunc  reply;
  gpointer         data;          /* (owned) */
  GDestroyNotify   data_free;

  /* Set by the thread, read on the main context after it is done. */
  gboolean         ok;
  GError          *error;         /* (owned) (nullable) */
} Job;

/* ---- connections ----------------------------------------------------------- */

/* At most as many jobs run as the pools have threads, and each holds one
 * connection while it runs: an empty queue means open one more. */
static AnjuDb *
take_reader (AnjuDbWorker  *self,
             GError       **error)
{
  AnjuDb *reader = g_async_queue_try_pop (self->readers);

  if (reader != NULL)
    return reader;
  return anju_db_open_reader (self->path, error);
}

/* BEGIN or COMMIT, kept prepared like every statement of a reader. */
static gboolean
run_statement (AnjuDb      *reader,
               const char  *sql,
               GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (reader, sql, error);

  return stmt != NULL && anju_db_step_done (reader, stmt, error);
}

/* Every job reads in one transaction: its statements see one snapshot
 * (a page and its total agree, a record and its timeline), and SQLite
 * takes the WAL's read lock once rather than for each statement. */
static gboolean
begin_read (AnjuDb  *reader,
            GError **error)
{
  return run_statement (reader, "BEGIN", error);
}

/* A statement a job left half-read would keep its read snapshot, and the
 * next job on this connection would see the database as it was then: all
 * are reset before the transaction ends.  Nothing was written, so ending
 * it cannot lose anything; a failure only means the connection is no
 * longer fit to read with. */
static gboolean
end_read (AnjuDb *reader)
{
  sqlite3 *handle = anju_db_get_handle (reader);
  g_autoptr(GError) error = NULL;

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (handle, NULL); stmt != NULL;
       stmt = sqlite3_next_stmt (handle, stmt))
    sqlite3_reset (stmt);
  if (sqlite3_get_autocommit (handle) || run_statement (reader, "COMMIT", &error))
    return TRUE;
  g_warning ("Closing a database reader that cannot end its transaction: %s", error->message);
  return FALSE;
}

static int
progress_cb (void *data)
{
  /* Non-zero makes SQLite stop the statement with SQLITE_INTERRUPT. */
  return g_cancellable_is_cancelled (data);
}

/* ---- the thread side ------------------------------------------------------- */

/* The read that takes a transaction's snapshot, as a job's first
 * statement would. */
static gboolean
take_snapshot (AnjuDb  *reader,
               GError **error)
{
  g_auto(AnjuStmt) first = anju_db_prepare (reader, "SELECT count(*) FROM sqlite_schema", error);
  gint64 n_objects;

  return first != NULL && anju_db_step_count (reader, first, &n_objects, error);
}

/* Inside the job's transaction, with its snapshot taken, so that a test
 * sees what a long job sees of writes made meanwhile.  FALSE when the
 * client left while it waited. */
static gboolean
wait_at_gate (AnjuDbWorker  *self,
              AnjuDb        *reader,
              GCancellable  *cancellable,
              GError       **error)
{
  gboolean hold;

  g_mutex_lock (&self->lock);
  hold = self->hold;
  g_mutex_unlock (&self->lock);
  if (!hold)
    return TRUE;
  if (!take_snapshot (reader, error))
    return FALSE;

  g_mutex_lock (&self->lock);
  self->n_held++;
  g_cond_broadcast (&self->cond);
  while (self->hold && !g_cancellable_is_cancelled (cancellable))
    g_cond_wait_until (&self->cond, &self->lock, g_get_monotonic_time () + GATE_POLL_USEC);
  self->n_held--;
  g_mutex_unlock (&self->lock);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static void
count_cancelled (AnjuDbWorker *self)
{
  g_mutex_lock (&self->lock);
  self->n_cancelled++;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

static void job_done (gpointer data);
static void job_free (gpointer data);

/* Runs job in one read transaction on reader.  FALSE when the reader is
 * no longer fit to read with (end_read). */
static gboolean
run_job_on (AnjuDbWorker *self,
            Job          *job,
            AnjuDb       *reader)
{
  sqlite3 *handle = anju_db_get_handle (reader);

  if (job->cancellable != NULL)
    sqlite3_progress_handler (handle, PROGRESS_STEPS, progress_cb, job->cancellable);
  job->ok = begin_read (reader, &job->error)
            && (job->kind != ANJU_DB_JOB_BULK
                || wait_at_gate (self, reader, job->cancellable, &job->error))
            && job->job (reader, job->data, &job->error);
  sqlite3_progress_handler (handle, 0, NULL, NULL);
  if (!job->ok && job->error == NULL)
    {
      g_critical ("A database worker job failed without setting its error");
      job->error = g_error_new_literal (ANJU_ERROR, ANJU_ERROR_INTERNAL, "Job failed");
    }
  return end_read (reader);
}

/* Back to the main context, whatever became of the job. */
static void
finish_job (AnjuDbWorker *self,
            Job          *job)
{
  /* An interrupted statement fails as a database error: what ended it
   * was the client leaving. */
  if (g_cancellable_is_cancelled (job->cancellable))
    {
      job->ok = FALSE;
      g_clear_error (&job->error);
      g_cancellable_set_error_if_cancelled (job->cancellable, &job->error);
      count_cancelled (self);
    }
  anju_reply_queue_push (self->replies, job);
}

/* QUICK and BULK: any idle connection. */
static void
job_thread (gpointer data,
            gpointer user_data)
{
  Job *job = data;
  AnjuDbWorker *self = user_data;
  AnjuDb *reader;

  if (!g_cancellable_set_error_if_cancelled (job->cancellable, &job->error)
      && (reader = take_reader (self, &job->error)) != NULL)
    {
      if (run_job_on (self, job, reader))
        g_async_queue_push (self->readers, reader);
      else
        g_object_unref (reader);
    }
  finish_job (self, job);
}

static RecordThread *
record_of (AnjuDbWorker *self,
           gint64        id)
{
  return &self->records[(guint64) id % self->n_records];
}

static void
set_record_reader (RecordThread *record,
                   AnjuDb       *reader)
{
  g_mutex_lock (&record->worker->lock);
  g_clear_object (&record->reader);
  record->reader = reader;
  g_mutex_unlock (&record->worker->lock);
}

/* RECORD: the connection of this thread, which read this record last. */
static void
record_thread (gpointer data,
               gpointer user_data)
{
  Job *job = data;
  RecordThread *record = user_data;

  if (record->reader == NULL)
    set_record_reader (record, anju_db_open_reader (record->worker->path, &job->error));
  if (record->reader != NULL && !run_job_on (record->worker, job, record->reader))
    set_record_reader (record, NULL);
  finish_job (record->worker, job);
}

/* ---- the main-context side ------------------------------------------------- */

static gboolean
client_hung_up_cb (int           fd,
                   GIOCondition  condition,
                   gpointer      data)
{
  Job *job = data;

  g_cancellable_cancel (job->cancellable);
  return G_SOURCE_REMOVE;
}

static void
message_disconnected_cb (SoupServerMessage *msg,
                         Job               *job)
{
  g_cancellable_cancel (job->cancellable);
}

/* A paused message has no I/O of its own, so libsoup would only notice a
 * client that left when it writes the answer.  The job is told at once:
 * the peer shutting down its side (POLLRDHUP, which GLib hands to poll(2)
 * as it is) or the connection breaking.  An HTTP/1.1 client never
 * half-closes while it waits for an answer. */
static void
watch_client (AnjuDbWorker *self,
              Job          *job)
{
  SoupServerMessage *msg = anju_request_get_message (job->request);
  GSocket *socket = soup_server_message_get_socket (msg);

  job->disconnected_id = g_signal_connect (msg, "disconnected",
                                           G_CALLBACK (message_disconnected_cb), job);
  if (socket == NULL)
    return;
  job->hangup = g_unix_fd_source_new (g_socket_get_fd (socket),
                                      (GIOCondition) (POLLRDHUP | G_IO_HUP | G_IO_ERR));
  g_source_set_name (job->hangup, "anju-db-worker hang-up");
  g_source_set_callback (job->hangup, G_SOURCE_FUNC (client_hung_up_cb), job, NULL);
  g_source_attach (job->hangup, anju_reply_queue_get_context (self->replies));
}

static void
unwatch_client (Job *job)
{
  SoupServerMessage *msg = anju_request_get_message (job->request);

  g_clear_signal_handler (&job->disconnected_id, msg);
  if (job->hangup != NULL)
    g_source_destroy (job->hangup);
  g_clear_pointer (&job->hangup, g_source_unref);
}

static void
job_free (gpointer data)
{
  Job *job = data;

  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);
  g_clear_pointer (&job->request, anju_request_unref);
  g_clear_object (&job->cancellable);
  g_clear_error (&job->error);
  g_free (job);
}

static void
job_done (gpointer data)
{
  Job *job = data;

  unwatch_client (job);
  if (job->ok)
    job->reply (job->request, job->data);
  else if (g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Nobody reads it; the request still ends in exactly one reply. */
      g_autoptr(GError) cancelled = g_error_new_literal (ANJU_ERROR, ANJU_ERROR_UNAVAILABLE,
                                                         _("The request was cancelled"));

      anju_request_reply_error (job->request, cancelled);
    }
  else
    anju_request_reply_error (job->request, job->error);
  job_free (job);
}

/* ---- public API ------------------------------------------------------------ */

AnjuDbWorker *
anju_db_worker_new (const char *path,
                    guint       n_threads,
                    guint       n_record_threads)
{
  AnjuDbWorker *self = g_new0 (AnjuDbWorker, 1);

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (n_threads >= 1 && n_record_threads >= 1, NULL);

  self->path = g_strdup (path);
  self->readers = g_async_queue_new_full (g_object_unref);
  /* The answer is as urgent as the requests: an idle priority would
   * wait for a moment with no I/O at all, which a busy server never has. */
  self->replies = anju_reply_queue_new (g_main_context_get_thread_default (), G_PRIORITY_DEFAULT,
                                        job_done, job_free);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  /* Two lanes, so that bulk jobs, however many, never leave a list
   * waiting for a thread.  Exclusive: threads borrowed from GLib's shared
   * pool went back to it whenever a lane's queue ran empty for a moment,
   * and were woken or started again for the next job, many times a
   * second under load.  The connections go with the jobs. */
  for (guint i = 0; i < G_N_ELEMENTS (self->pools); i++)
    self->pools[i] = g_thread_pool_new (job_thread, self, (int) n_threads, TRUE, NULL);
  self->n_records = n_record_threads;
  self->records = g_new0 (RecordThread, n_record_threads);
  for (guint i = 0; i < n_record_threads; i++)
    {
      self->records[i].worker = self;
      self->records[i].pool = g_thread_pool_new (record_thread, &self->records[i], 1, TRUE,
                                                 NULL);
    }
  return self;
}

void
anju_db_worker_free (AnjuDbWorker *self)
{
  if (self == NULL)
    return;

  /* Waits for the queued and running jobs. */
  for (guint i = 0; i < G_N_ELEMENTS (self->pools); i++)
    g_thread_pool_free (self->pools[i], FALSE, TRUE);
  for (guint i = 0; i < self->n_records; i++)
    {
      g_thread_pool_free (self->records[i].pool, FALSE, TRUE);
      g_clear_object (&self->records[i].reader);
    }
  g_clear_pointer (&self->records, g_free);
  g_clear_pointer (&self->replies, anju_reply_queue_close);
  g_async_queue_unref (self->readers);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self->path);
  g_free (self);
}

static GThreadPool *
pool_of (AnjuDbWorker  *self,
         AnjuDbJobKind  kind,
         gint64         record_id)
{
  if (kind == ANJU_DB_JOB_RECORD)
    return record_of (self, record_id)->pool;
  return self->pools[kind];
}

/* anju_db_worker_run () for every lane; record_id picks the RECORD
 * lane's thread. */
static void
queue_job (AnjuRequest     *request,
           AnjuDbJobKind    kind,
           gint64           record_id,
           AnjuDbJobFunc    job_func,
           AnjuDbReplyFunc  reply,
           gpointer         data,
           GDestroyNotify   data_free)
{
  AnjuDbWorker *self = anju_server_get_db_worker (anju_request_get_server (request));
  g_autoptr(GError) error = NULL;
  Job *job;

  /* Gone once shutdown has waited for the requests in flight: a handler
   * that runs later still answers. */
  if (self == NULL)
    {
      g_autoptr(GError) unavailable = g_error_new_literal (ANJU_ERROR, ANJU_ERROR_UNAVAILABLE,
                                                           _("The server is shutting down"));

      if (data_free != NULL)
        data_free (data);
      anju_request_reply_error (request, unavailable);
      return;
    }

  job = g_new0 (Job, 1);
  job->request = anju_request_ref (request);
  job->kind = kind;
  /* Only a BULK job is watched (anju-db-worker.h): nothing would cancel
   * the others. */
  job->cancellable = kind == ANJU_DB_JOB_BULK ? g_cancellable_new () : NULL;
  job->job = job_func;
  job->reply = reply;
  job->data = data;
  job->data_free = data_free;

  anju_request_pause (request);
  if (kind == ANJU_DB_JOB_BULK)
    watch_client (self, job);
  if (!g_thread_pool_push (pool_of (self, kind, record_id), job, &error))
    {
      job->error = g_error_new (ANJU_ERROR, ANJU_ERROR_INTERNAL,
                                "Cannot start a worker thread: %s", error->message);
      job_done (job);
    }
}

void
anju_db_worker_run (AnjuRequest     *request,
                    AnjuDbJobKind    kind,
                    AnjuDbJobFunc    job_func,
                    AnjuDbReplyFunc  reply,
                    gpointer         data,
                    GDestroyNotify   data_free)
{
  g_return_if_fail (job_func != NULL && reply != NULL);
  g_return_if_fail (kind == ANJU_DB_JOB_QUICK || kind == ANJU_DB_JOB_BULK);

  queue_job (request, kind, 0, job_func, reply, data, data_free);
}

/* ---- lists ------------------------------------------------------------------ */

typedef struct
{
  char              *count_sql;      /* (owned) */
  char              *rows_sql;       /* (owned) */
  char              *version_sql;    /* (owned) (nullable) anju-list-totals.h */
  int                limit_param;
  guint              page;
  guint              page_size;
  AnjuBindFunc       bind;
  gpointer           bind_data;      /* (owned) */
  GDestroyNotify     bind_data_free;
  AnjuRowToJsonFunc  row_to_json;    /* (nullable) when write_row writes */
  AnjuRowWriteFunc   write_row;      /* (nullable) */
  JsonArray         *items;          /* (owned) */
  gint64             total;
  char              *data;           /* (owned) the page as JSON text */
  gsize              length;
} ListJob;

static void
list_job_free (gpointer data)
{
  ListJob *list = data;

  if (list->bind_data_free != NULL)
    g_clear_pointer (&list->bind_data, list->bind_data_free);
  g_clear_pointer (&list->count_sql, g_free);
  g_clear_pointer (&list->rows_sql, g_free);
  g_clear_pointer (&list->version_sql, g_free);
  g_clear_pointer (&list->data, g_free);
  g_clear_pointer (&list->items, json_array_unref);
  g_free (list);
}

static gboolean
read_list (AnjuDb   *reader,
           gpointer  data,
           GError  **error)
{
  ListJob *list = data;
  g_auto(AnjuStmt) count = NULL;
  g_auto(AnjuStmt) rows = NULL;
  int rc;

  count = anju_db_prepare (reader, list->count_sql, error);
  if (count == NULL || (rows = anju_db_prepare (reader, list->rows_sql, error)) == NULL)
    return FALSE;
  if (list->bind != NULL)
    {
      list->bind (count, list->bind_data);
      list->bind (rows, list->bind_data);
    }
  sqlite3_bind_int64 (rows, list->limit_param, list->page_size);
  sqlite3_bind_int64 (rows, list->limit_param + 1, (gint64) (list->page - 1) * list->page_size);
  if (list->version_sql != NULL
      ? !anju_list_totals_count (reader, count, list->version_sql, &list->total, error)
      : !anju_db_step_count (reader, count, &list->total, error))
    return FALSE;
  if (list->write_row != NULL)
    {
      list->data = anju_kept_pages_write (reader, rows, list->write_row, list->total, list->page,
                                          list->page_size, &list->length, error);
      return list->data != NULL;
    }

  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      JsonNode *item = list->row_to_json (rows, NULL, error);

      if (item == NULL)
        return FALSE;
      json_array_add_element (list->items, item);
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (reader, error);
      return FALSE;
    }
  /* Serialised and freed here, not on the main loop that serves
   * everybody. */
  list->data = anju_request_page_to_data (list->items, list->total, list->page, list->page_size,
                                          &list->length);
  g_clear_pointer (&list->items, json_array_unref);
  return TRUE;
}

static void
reply_list (AnjuRequest *request,
            gpointer     data)
{
  ListJob *list = data;

  anju_request_reply_json_data (request, SOUP_STATUS_OK, g_steal_pointer (&list->data),
                                list->length);
}

/* Queues one page of a list; exactly one of row_to_json and write_row. */
static void
queue_list (AnjuRequest       *request,
            const char        *count_sql,
            const char        *version_sql,
            const char        *rows_sql,
            int                limit_param,
            guint              page,
            guint              page_size,
            AnjuBindFunc       bind,
            gpointer           bind_data,
            GDestroyNotify     bind_data_free,
            AnjuRowToJsonFunc  row_to_json,
            AnjuRowWriteFunc   write_row)
{
  ListJob *list = g_new0 (ListJob, 1);

  *list = (ListJob) {
    g_strdup (count_sql), g_strdup (rows_sql), g_strdup (version_sql), limit_param, page,
    page_size, bind, bind_data, bind_data_free, row_to_json, write_row,
    row_to_json != NULL ? json_array_new () : NULL, 0,
  };
  anju_db_worker_run (request, ANJU_DB_JOB_QUICK, read_list, reply_list, list, list_job_free);
}

void
anju_db_worker_reply_list (AnjuRequest       *request,
                           const char        *count_sql,
                           const char        *rows_sql,
                           int                limit_param,
                           guint              page,
                           guint              page_size,
                           AnjuBindFunc       bind,
                           gpointer           bind_data,
                           GDestroyNotify     bind_data_free,
                           AnjuRowToJsonFunc  row_to_json)
{
  queue_list (request, count_sql, NULL, rows_sql, limit_param, page, page_size, bind, bind_data,
              bind_data_free, row_to_json, NULL);
}

void
anju_db_worker_reply_list_rows (AnjuRequest       *request,
                                const char        *count_sql,
                                const char        *version_sql,
                                const char        *rows_sql,
                                int                limit_param,
                                guint              page,
                                guint              page_size,
                                AnjuBindFunc       bind,
                                gpointer           bind_data,
                                GDestroyNotify     bind_data_free,
                                AnjuRowWriteFunc   write_row)
{
  queue_list (request, count_sql, version_sql, rows_sql, limit_param, page, page_size, bind,
              bind_data, bind_data_free, NULL, write_row);
}

/* ---- tests ------------------------------------------------------------------ */

void
anju_db_worker_hold_for_test (AnjuDbWorker *self,
                              gboolean      hold)
{
  g_mutex_lock (&self->lock);
  self->hold = hold;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

void
anju_db_worker_wait_held_for_test (AnjuDbWorker *self,
                                   guint         n)
{
  g_mutex_lock (&self->lock);
  while (self->n_held < n)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);
}

void
anju_db_worker_wait_cancelled_for_test (AnjuDbWorker *self,
                                        guint         n)
{
  g_mutex_lock (&self->lock);
  while (self->n_cancelled < n)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);
}

AnjuDb *
anju_db_worker_get_record_reader_for_test (AnjuDbWorker *self,
                                           gint64        id)
{
  RecordThread *record = record_of (self, id);
  AnjuDb *reader;

  g_mutex_lock (&self->lock);
  reader = record->reader;
  g_mutex_unlock (&self->lock);
  return reader;
}

/* ---- one answer written as text ------------------------------------------ */

typedef struct
{
  AnjuDbTextFunc  write;
  AnjuCaller     *caller;   /* (owned) anju_caller_copy () */
  gint64          arg;
  GString        *out;      /* (owned) */
} TextJob;

static void
text_job_free (gpointer data)
{
  TextJob *job = data;

  g_clear_pointer (&job->caller, anju_caller_free);
  if (job->out != NULL)
    g_string_free (job->out, TRUE);
  g_free (job);
}

static gboolean           /* in a worker thread */
write_text (AnjuDb   *reader,
            gpointer  data,
            GError  **error)
{
  TextJob *job = data;

  return job->write (reader, job->caller, job->arg, job->out, error);
}

static void               /* back on the main context */
reply_text (AnjuRequest *request,
            gpointer     data)
{
  TextJob *job = data;
  gsize length = job->out->len;

  anju_request_reply_json_data (request, SOUP_STATUS_OK,
                                g_string_free (g_steal_pointer (&job->out), FALSE), length);
}

static TextJob *
text_job_new (AnjuRequest    *request,
              AnjuDbTextFunc  write,
              gint64          arg,
              gsize           size_hint)
{
  TextJob *job = g_new0 (TextJob, 1);

  job->write = write;
  job->caller = anju_caller_copy (anju_request_get_caller (request));
  job->arg = arg;
  job->out = g_string_sized_new (size_hint);
  return job;
}

void
anju_db_worker_reply_text (AnjuRequest    *request,
                           AnjuDbTextFunc  write,
                           gint64          arg,
                           gsize           size_hint)
{
  queue_job (request, ANJU_DB_JOB_QUICK, 0, write_text, reply_text,
             text_job_new (request, write, arg, size_hint), text_job_free);
}

void
anju_db_worker_reply_record (AnjuRequest    *request,
                             AnjuDbTextFunc  write,
                             gint64          id,
                             gsize           size_hint)
{
  queue_job (request, ANJU_DB_JOB_RECORD, id, write_text, reply_text,
             text_job_new (request, write, id, size_hint), text_job_free);
}
