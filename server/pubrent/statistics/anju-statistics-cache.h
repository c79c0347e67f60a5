/* anju-statistics-cache.h: statistics answers already counted, and the
 * counts under way.
 *
 * An answer is kept under a key (the caller's scope and the query's
 * parameters: anju-statistics.c makes it) with the generation of the data
 * it counted (pubrent_statistics_generation, which the transaction of
 * every change to the counted tables raises, migration 0019).  It is
 * served only while the database is still at that generation, so no
 * change is ever followed by an answer from before it.  Entries of an
 * older generation go as soon as a newer one is looked up; at most
 * max_entries are kept, the least recently used going first.
 *
 * One count per key and generation: the first request that misses is
 * told to count (anju_statistics_cache_begin() returns TRUE); the others
 * with the same key at the same generation are paused and wait for it;
 * anju_statistics_cache_end() hands them back to be answered.
 *
 * Main context only, like the requests.
 */
#pragma once

#include <glib-object.h>

#include "anju-request.h"

G_BEGIN_DECLS

#define ANJU_TYPE_STATISTICS_CACHE (anju_statistics_cache_get_type ())
G_DECLARE_FINAL_TYPE (AnjuStatisticsCache, anju_statistics_cache, ANJU, STATISTICS_CACHE, GObject)

AnjuStatisticsCache *anju_statistics_cache_new      (guint                max_entries);
/* (transfer full) (nullable) The answer for key counted at generation. */
GBytes              *anju_statistics_cache_lookup   (AnjuStatisticsCache *self,
                                                     const char          *key,
                                                     gint64               generation);
/* TRUE: nobody counts key at generation yet; the caller must, and end it
 * with anju_statistics_cache_end().  FALSE: someone does; request is
 * paused and waits for that count. */
gboolean             anju_statistics_cache_begin    (AnjuStatisticsCache *self,
                                                     const char          *key,
                                                     gint64               generation,
                                                     AnjuRequest         *request);
/* Ends the count begun for key at generation.  answer (nullable: the
 * count failed) is kept when given, under the generation it counted
 * (answer_generation).  Returns the requests that waited for it, (transfer
 * full) in the order they came; each must still be replied. */
GPtrArray           *anju_statistics_cache_end      (AnjuStatisticsCache *self,
                                                     const char          *key,
                                                     gint64               generation,
                                                     GBytes              *answer,
                                                     gint64               answer_generation);
/* How many answers are kept (for tests). */
guint                anju_statistics_cache_get_size (AnjuStatisticsCache *self);
/* How many counts ended with an answer since the cache was made (for
 * tests; any thread). */
guint                anju_statistics_cache_get_n_counted
                                                    (AnjuStatisticsCache *self);

G_END_DECLS
