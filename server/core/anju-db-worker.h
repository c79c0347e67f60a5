/* anju-db-worker.h: long reads off the main loop.
 *
 * The server answers every request on one main loop, and one SQLite
 * connection does every write.  A read that can take long at city scale
 * (an export of 600 000 units, the statistics over 400 000 applications,
 * a search by name) would stall every other user for as long as it runs.
 * Such handlers hand the read to this worker instead:
 *
 *   anju_db_worker_run (request, kind, job, reply, data, data_free);
 *
 * pauses the request, runs job (reader, data, &error) in a thread of the
 * worker, then back on the server's main context calls
 * reply (request, data) when job returned TRUE, or replies the error as
 * the API's error JSON, and frees data.
 *
 * Each running job has a read-only connection of its own to the server's
 * database (WAL lets readers see the last commit beside the writer), and
 * reads in one transaction: every statement of a job sees the same
 * commit.  A job must not BEGIN or COMMIT itself.  Jobs
 * run in two lanes of [database] worker_threads threads each: QUICK for
 * answers of bounded size (a page of a list, statistics), BULK for those
 * that grow with the data (exports, reading an import); so however many
 * exports run, a list never waits for one.  Jobs beyond the threads wait
 * in their lane's queue.  Writes never go here: they stay on the main
 * connection, in one transaction with their audit row.
 *
 * A third lane, RECORD, reads one record by its id
 * (anju_db_worker_reply_record()): [database] record_threads threads,
 * each with a connection of its own, and a record always goes to the
 * same one (its id modulo their number).  A record's page asks for it
 * piece after piece (an application's detail, then its timeline), and
 * the second finds the record's pages still in the cache of the
 * connection that read the first, where with any free thread it read
 * them again half of the time.  Record reads are short, so they never
 * wait behind a list's page either.
 *
 * A job runs in another thread: data must hold copies of everything it
 * reads (the caller's scope and permissions: anju_caller_copy()), never
 * the AnjuRequest, the main connection or anything else of the server.
 *
 * A client that goes away cancels its BULK job: SQLite stops the running
 * statement (a progress handler) and the job ends with
 * G_IO_ERROR_CANCELLED.  A QUICK job is not watched: it ends within
 * milliseconds anyway, and watching a socket costs the main loop about as
 * much as the job's hand-off itself.  anju_server_shutdown() waits for the jobs like
 * for every request in flight, then frees the worker, which waits for
 * whatever is still running.
 */
#pragma once

#include <gio/gio.h>

#include "anju-db.h"
#include "anju-request.h"

G_BEGIN_DECLS

typedef struct _AnjuDbWorker AnjuDbWorker;

typedef enum
{
  ANJU_DB_JOB_QUICK,   /* bounded answer: a page, a count, statistics */
  ANJU_DB_JOB_BULK,    /* grows with the data: exports, import checks */
  ANJU_DB_JOB_RECORD,  /* one record by its id: anju_db_worker_reply_record () only */
} AnjuDbJobKind;

/* Runs in a worker thread.  reader is read-only and belongs to this job
 * until it returns; statements from anju_db_prepare (reader, …) are
 * cached on it.  FALSE with error set fails the request. */
typedef gboolean (*AnjuDbJobFunc)   (AnjuDb       *reader,
                                     gpointer      data,
                                     GError      **error);
/* Runs on the server's main context after a job returned TRUE; must
 * reply to request (anju_request_reply_*). */
typedef void     (*AnjuDbReplyFunc) (AnjuRequest  *request,
                                     gpointer      data);

/* n_threads ≥ 1 threads per lane (QUICK and BULK), n_record_threads ≥ 1
 * for RECORD; connections to path are opened when first needed.  Made
 * on the thread-default main context the server serves its requests on:
 * the replies go there. */
AnjuDbWorker *anju_db_worker_new    (const char       *path,
                                     guint             n_threads,
                                     guint             n_record_threads);
/* Waits for the running and queued jobs, then closes the connections.
 * Their replies are delivered on the main context afterwards. */
void          anju_db_worker_free   (AnjuDbWorker     *self);

/* Takes over request (the handler must not reply itself) and data;
 * kind is QUICK or BULK. */
void          anju_db_worker_run    (AnjuRequest      *request,
                                     AnjuDbJobKind     kind,
                                     AnjuDbJobFunc     job,
                                     AnjuDbReplyFunc   reply,
                                     gpointer          data,
                                     GDestroyNotify    data_free);

/* One page of a list, counted and read in the QUICK lane: the same contract
 * as anju_request_reply_list(), with bind_data owned by the worker and
 * freed with bind_data_free; bind and row_to_json (given NULL user_data)
 * run in the thread.  The SQL is copied, so a list may build it from
 * its filters (a reader caches one statement per distinct text). */
void          anju_db_worker_reply_list (AnjuRequest       *request,
                                         const char        *count_sql,
                                         const char        *rows_sql,
                                         int                limit_param,
                                         guint              page,
                                         guint              page_size,
                                         AnjuBindFunc       bind,
                                         gpointer           bind_data,
                                         GDestroyNotify     bind_data_free,
                                         AnjuRowToJsonFunc  row_to_json);

/* anju_db_worker_reply_list() with the items written by write_row, in
 * the thread and given NULL user_data; the total is counted only when
 * the single number version_sql reads has changed since this reader last
 * counted the list with the same values (anju-list-totals.h), or each
 * time when version_sql is NULL.  The page itself is written once per
 * commit to the database (anju-kept-pages.h): write_row must write what
 * the row holds and nothing else. */
void          anju_db_worker_reply_list_rows (AnjuRequest       *request,
                                              const char        *count_sql,
                                              const char        *version_sql,
                                              const char        *rows_sql,
                                              int                limit_param,
                                              guint              page,
                                              guint              page_size,
                                              AnjuBindFunc       bind,
                                              gpointer           bind_data,
                                              GDestroyNotify     bind_data_free,
                                              AnjuRowWriteFunc   write_row);

/* A JSON answer that write puts into out as text, for a copy of the
 * request's caller and one number (an id, a time): read in the QUICK lane
 * and answered 200 with out, or the API's error JSON when write fails. */
typedef gboolean (*AnjuDbTextFunc) (AnjuDb            *reader,
                                    const AnjuCaller  *caller,
                                    gint64             arg,
                                    GString           *out,
                                    GError           **error);

void          anju_db_worker_reply_text (AnjuRequest       *request,
                                         AnjuDbTextFunc     write,
                                         gint64             arg,
                                         gsize              size_hint);

/* The same for one record: write gets the record's id as its number and
 * runs in the RECORD lane, on the thread and connection of that id. */
void          anju_db_worker_reply_record (AnjuRequest       *request,
                                           AnjuDbTextFunc     write,
                                           gint64             id,
                                           gsize              size_hint);

/* ---- for tests only ------------------------------------------------------
 * A gate every BULK job passes before it runs, inside its read
 * transaction with its snapshot taken: while held, they wait at it (a
 * cancelled one leaves), so a test can keep an export in the worker for
 * as long as it likes, without timing, and see that the main loop and the
 * QUICK lane still answer everybody else, and that the export reads the
 * database as it was when it began. */
void          anju_db_worker_hold_for_test           (AnjuDbWorker *self,
                                                      gboolean      hold);
/* Blocks until n jobs are waiting at the gate. */
void          anju_db_worker_wait_held_for_test      (AnjuDbWorker *self,
                                                      guint         n);
/* Blocks until n jobs in all have ended cancelled. */
void          anju_db_worker_wait_cancelled_for_test (AnjuDbWorker *self,
                                                      guint         n);
/* The connection the RECORD lane reads record id with, or NULL while
 * that thread has read nothing yet. */
AnjuDb       *anju_db_worker_get_record_reader_for_test (AnjuDbWorker *self,
                                                         gint64        id);

G_END_DECLS
