/* anju-external-record-data.h: the kinds of external person records and
 * the short text each keeps in pubrent_external_records.data
 * (docs/api.md "External record data").
 *
 * Kinds (code, Chinese name as import files and reports spell it):
 *   hukou 户籍      "<county code>,<since YYYY-MM-DD>"   430104,2019-05-01
 *   property 房产   "<新区|新区外>,<floor area m²>[,<address>]"
 *   benefit 住房保障 "<what was granted>[,<since YYYY-MM-DD>]"
 *   dibao 低保      "<certificate no.>[,<since YYYY-MM-DD>]"
 *   lease 租赁      "<contract no.>[,<address>]"
 *   marriage 婚姻   "<未婚|已婚|离异|丧偶>[,<since YYYY-MM-DD>]"
 * Fields are separated by an ASCII or a full-width comma; the import
 * normalises them to ASCII commas with the white space around them removed.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The kind codes, NULL-terminated, in the order above. */
extern const char * const anju_external_kinds[];

/* The kind's Chinese name, or NULL for an unknown code. */
const char *anju_external_kind_name      (const char  *kind);
/* The code of a Chinese name (or of a code), or NULL when unknown. */
const char *anju_external_kind_from_name (const char  *name);

/* data in its stored form (see above), or NULL with error set
 * (ANJU_ERROR_VALIDATION, translated, saying what the kind expects). */
char       *anju_external_data_normalise (const char  *kind,
                                          const char  *data,
                                          GError     **error);

/* The parts of normalised hukou data; since is midnight in Shanghai. */
gboolean    anju_external_hukou_parse    (const char  *data,
                                          char       **out_county_code,
                                          gint64      *out_since,
                                          GError     **error);
/* The parts of normalised property data; area in 0.01 m²; address may
 * be NULL. */
gboolean    anju_external_property_parse (const char  *data,
                                          gboolean    *out_in_new_area,
                                          gint64      *out_area,
                                          char       **out_address,
                                          GError     **error);

/* TRUE for a Changsha county code (GB/T 2260 4301xx). */
gboolean    anju_county_is_changsha      (const char  *county_code);

G_END_DECLS
