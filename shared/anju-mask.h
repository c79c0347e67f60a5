/* anju-mask.h: masking of personal data in responses and audit rows.
 *
 * ID number: first 6 and last 4 kept ("430104********123X").
 * Phone: first 3 and last 4 kept ("138****5678").
 * Name: first character kept ("张*", "欧**").
 * Anything shorter than what would be kept is fully starred.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *anju_mask_id_number (const char *id_number);
char *anju_mask_phone     (const char *phone);
char *anju_mask_name      (const char *name);

G_END_DECLS
