/* anju-nation.h: the 56 ethnic groups of GB 3304, for the ID card.
 *
 * The card stores a two-digit code and prints the short name ("汉"); the
 * application form uses the dictionary keys of the server's "ethnicity"
 * codes (resources/sql/0010-pubrent-applications.sql), which this table
 * repeats because the client cannot read the server's database.  Every
 * function answers NULL for a code outside 01…56.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "汉族" */
const char *anju_nation_get_name       (const char *code);
/* "汉": as printed on the card */
const char *anju_nation_get_card_name  (const char *code);
/* "han": the server's dictionary key */
const char *anju_nation_get_key        (const char *code);

G_END_DECLS
