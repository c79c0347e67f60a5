/* anju-uscc.h: unified social credit codes (GB 32100-2015).
 *
 * 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I, O, Z, S, V):
 * registration authority, entity type, 6-digit region, 9-character
 * organisation code, and a MOD 31 check character.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     anju_uscc_check_char (const char *first17);
gboolean anju_uscc_validate   (const char  *code,
                               GError     **error);

G_END_DECLS
