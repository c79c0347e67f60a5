/* anju-id-line.h: one GA/T 467 exchange on a raw serial line.
 *
 * Private to AnjuIdReader, which calls it from its worker thread: every
 * call blocks, for at most the timeout given, and fails with
 * ANJU_ID_READER_ERROR (CHECKSUM, TIMEOUT, UNPLUGGED, FAILED) or
 * G_IO_ERROR_CANCELLED.  After any failure the line is to be closed: an
 * answer that comes late would otherwise be taken for the next one.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The open file descriptor of a tty in raw mode, 115200 8N1, or -1 with
 * an error; *missing tells that the path does not exist. */
int       _anju_id_line_open      (const char    *path,
                                   gboolean      *missing,
                                   GError       **error);

/* Sends CMD PARA and waits for the whole answer: its SW3, and the data
 * after SW1 SW2 SW3 (an empty GBytes when there is none). */
gboolean  _anju_id_line_exchange  (int            fd,
                                   guint8         cmd,
                                   guint8         para,
                                   guint          timeout_ms,
                                   GCancellable  *cancellable,
                                   guint8        *sw3,
                                   GBytes       **data,
                                   GError       **error);

G_END_DECLS
