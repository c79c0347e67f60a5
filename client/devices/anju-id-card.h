/* anju-id-card.h: what a second-generation resident ID card holds.
 *
 * Decoded from the 256-byte UCS-2LE text block of the GA/T 467 "read"
 * reply (anju-id-frame.h).  The photo is the card's 1024-byte WLT blob,
 * kept as read: decoding WLT needs the vendor's licensed library.
 *
 * Personal data: anju_id_card_free() overwrites every string before it
 * frees it, so a wiped kiosk screen leaves no copy behind in the heap.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char   *name;
  char   *sex;           /* "1" male, "2" female: GB/T 2261.1 */
  char   *nation_code;   /* "01" … "56": GB 3304 */
  char   *nation;        /* "汉", from the code; NULL for an unknown code */
  char   *birth_date;    /* "YYYY-MM-DD" */
  char   *address;
  char   *id_no;         /* 18 characters, check character verified */
  char   *authority;
  char   *valid_from;    /* "YYYY-MM-DD" */
  char   *valid_to;      /* "YYYY-MM-DD", or "长期" */
  GBytes *photo_wlt;     /* (nullable) */
} AnjuIdCard;

AnjuIdCard *anju_id_card_new   (void);
AnjuIdCard *anju_id_card_copy  (const AnjuIdCard *card);
void        anju_id_card_free  (AnjuIdCard *card);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuIdCard, anju_id_card_free)

G_END_DECLS
