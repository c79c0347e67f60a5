/* anju-honor-roll-store.h: the honor roll (光荣榜, F-TERM-014) in the
 * database.
 *
 * Entries of three categories (enterprise, supplier, staff) with a rank
 * within their category; the terminals show the first five of each.
 * Writes here do not open transactions or audit: the callers do both.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"

G_BEGIN_DECLS

/* NULL-terminated, in display order. */
extern const char * const anju_honor_categories[];

typedef struct
{
  char   *category;
  gint64  rank;
  char   *name;
  char   *subtitle;       /* (nullable) */
  char   *community;      /* (nullable) */
  char   *rating;         /* (nullable) */
  char   *description;    /* (nullable) */
  gint64  photo_file_id;  /* 0: none */
} AnjuHonorEntry;

void      anju_honor_entry_clear      (AnjuHonorEntry *entry);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuHonorEntry, anju_honor_entry_clear)

/* ANJU_ERROR_NOT_FOUND when there is no such entry. */
gboolean  anju_honor_store_load       (AnjuDb               *db,
                                       gint64                id,
                                       AnjuHonorEntry       *out_entry,
                                       GError              **error);
/* Returns the new id, or 0 with error. */
gint64    anju_honor_store_insert     (AnjuDb               *db,
                                       const AnjuHonorEntry *entry,
                                       gint64                now,
                                       GError              **error);
gboolean  anju_honor_store_update     (AnjuDb               *db,
                                       gint64                id,
                                       const AnjuHonorEntry *entry,
                                       gint64                now,
                                       GError              **error);
gboolean  anju_honor_store_delete     (AnjuDb               *db,
                                       gint64                id,
                                       GError              **error);

/* The HonorEntry object of docs/api.md. */
JsonNode *anju_honor_store_to_json    (AnjuDb               *db,
                                       gint64                id,
                                       GError              **error);
/* A JSON array of the entries of category (NULL: all, by category), by
 * rank; limit 0 for no limit. */
JsonNode *anju_honor_store_list       (AnjuDb               *db,
                                       const char           *category,
                                       guint                 limit,
                                       GError              **error);

G_END_DECLS
