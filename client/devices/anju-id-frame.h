/* anju-id-frame.h: the GA/T 467 serial frames of resident ID card readers.
 *
 * A frame is  AA AA AA 96 69 | LEN_hi LEN_lo | payload | XOR  where LEN is
 * the payload's length plus one (the checksum byte), big-endian, and XOR
 * covers LEN_hi through the payload's last byte.  A request's payload is
 * CMD PARA; a response's is SW1 SW2 SW3 [data].  Pure functions, no I/O:
 * the reader (anju-id-reader.h) and the simulator share them.
 */
#pragma once

#include <glib.h>

#include "anju-id-card.h"

G_BEGIN_DECLS

#define ANJU_ID_FRAME_ERROR (anju_id_frame_error_quark ())
GQuark anju_id_frame_error_quark (void);

typedef enum
{
  ANJU_ID_FRAME_ERROR_CHECKSUM,   /* XOR mismatch */
  ANJU_ID_FRAME_ERROR_LENGTH,     /* LEN impossible for the command */
  ANJU_ID_FRAME_ERROR_TEXT,       /* text block not a valid card */
} AnjuIdFrameError;

/* Commands (CMD, PARA). */
#define ANJU_ID_CMD_SAM_STATUS   0x11, 0xFF
#define ANJU_ID_CMD_FIND_CARD    0x20, 0x01
#define ANJU_ID_CMD_SELECT_CARD  0x20, 0x02
#define ANJU_ID_CMD_READ_TEXT    0x30, 0x01

/* SW3 status codes. */
#define ANJU_ID_SW3_SUCCESS      0x90
#define ANJU_ID_SW3_FIND_OK      0x9F
#define ANJU_ID_SW3_NO_CARD      0x80
#define ANJU_ID_SW3_SELECT_FAIL  0x81
#define ANJU_ID_SW3_READ_FAIL    0x41
#define ANJU_ID_SW3_UNKNOWN_CARD 0x40

#define ANJU_ID_TEXT_BYTES  256
#define ANJU_ID_PHOTO_BYTES 1024

GBytes     *anju_id_frame_encode_command   (guint8        cmd,
                                            guint8        para);
GBytes     *anju_id_frame_encode_response  (guint8        sw1,
                                            guint8        sw2,
                                            guint8        sw3,
                                            const guint8 *data,
                                            gsize         data_len);

/* Looks for one whole frame in buf, skipping any bytes before the
 * preamble.  Returns TRUE and sets *payload and *consumed (bytes of buf
 * used, leading garbage included) when one is there; FALSE without error
 * when more bytes are needed; FALSE with an error for a corrupt frame
 * (then *consumed says how much to drop before trying again). */
gboolean    anju_id_frame_parse            (const guint8  *buf,
                                            gsize          len,
                                            gsize         *consumed,
                                            GBytes       **payload,
                                            GError       **error);

/* The read reply's data: 2 bytes text length, 2 bytes photo length (both
 * big-endian), the text, the photo. */
AnjuIdCard *anju_id_card_decode_read_data  (const guint8  *data,
                                            gsize          len,
                                            GError       **error);
GBytes     *anju_id_card_encode_read_data  (const AnjuIdCard *card);

G_END_DECLS
