/* anju-id-reader.h: a resident ID card reader on a serial line.
 *
 * The same code drives a real reader on /dev/ttyUSB0 and the simulator
 * (anju-idcard-simulator) on a pseudo-terminal: the line is put in raw
 * mode (cfmakeraw, CLOCAL|CREAD, 115200 8N1) before any byte flows.  A
 * read is find card → select card → read text, each with a timeout, in a
 * worker thread.  The line is opened (and the reader's SAM module asked
 * for its status) at the first read and stays open; any failure of the
 * line closes it, so the next read starts on a fresh one.
 *
 * Implements AnjuDevice (kind "id_reader"): a device path that does not
 * exist is MISSING; an I/O failure, timeout or corrupt frame makes it
 * ERROR until the next good exchange; "no card" is not a device fault.
 */
#pragma once

#include <gio/gio.h>

#include "anju-device.h"
#include "anju-id-card.h"

G_BEGIN_DECLS

#define ANJU_ID_READER_ERROR (anju_id_reader_error_quark ())
GQuark anju_id_reader_error_quark (void);

typedef enum
{
  ANJU_ID_READER_ERROR_NO_CARD,       /* find: 80 */
  ANJU_ID_READER_ERROR_SELECT_FAILED, /* select: 81 */
  ANJU_ID_READER_ERROR_READ_FAILED,   /* read: 41, 40 */
  ANJU_ID_READER_ERROR_CHECKSUM,      /* a corrupt frame */
  ANJU_ID_READER_ERROR_TIMEOUT,       /* no whole answer in time */
  ANJU_ID_READER_ERROR_UNPLUGGED,     /* the tty is gone or hung up */
  ANJU_ID_READER_ERROR_FAILED,        /* unusable: permissions, line
                                       * settings, a SAM module fault */
} AnjuIdReaderError;

#define ANJU_TYPE_ID_READER (anju_id_reader_get_type ())
G_DECLARE_FINAL_TYPE (AnjuIdReader, anju_id_reader, ANJU, ID_READER, GObject)

AnjuIdReader *anju_id_reader_new              (const char          *device_path);
const char   *anju_id_reader_get_device_path  (AnjuIdReader        *self);

/* How long one exchange (command out, whole answer in) may take;
 * 3000 ms by default, as a real reader needs up to a second to read. */
void        anju_id_reader_set_timeout        (AnjuIdReader        *self,
                                               guint                timeout_ms);

/* One find → select → read.  Errors are ANJU_ID_READER_ERROR with a
 * translated message a citizen can act on. */
void        anju_id_reader_read_card_async    (AnjuIdReader        *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
AnjuIdCard *anju_id_reader_read_card_finish   (AnjuIdReader        *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* Asks the reader's SAM module for its status, opening the line when it
 * is closed: a check of the device alone, for the kiosk's start and its
 * heartbeat, with no card needed.  The state follows as for a read. */
void        anju_id_reader_check_async        (AnjuIdReader        *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean    anju_id_reader_check_finish       (AnjuIdReader        *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
