/* anju-article-store.h: news (F-PORTAL-003), notices (F-PORTAL-004) and
 * business guides (F-PORTAL-009) in the database.
 *
 * One table, articles, with a kind.  An article belongs to the
 * organisation its author was in when writing it; writers
 * (portal.content.write) see every article of their data scope, in any
 * state.  Everyone sees a published article that has no targets, or one
 * of whose targets is their organisation or an ancestor of it.
 * ANJU_ARTICLE_VISIBLE says the same in SQL for lists.
 *
 * Writes here do not open transactions or audit: the callers do both.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-caller.h"
#include "anju-db.h"

G_BEGIN_DECLS

/* NULL-terminated, for enum checks. */
extern const char * const anju_article_kinds[];
extern const char * const anju_article_statuses[];

typedef struct
{
  gint64  id;
  char   *kind;
  char   *status;
  char   *org_path;    /* the owning organisation's: the writers' scope */
} AnjuArticleRef;

void anju_article_ref_clear (AnjuArticleRef *ref);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuArticleRef, anju_article_ref_clear)

/* Everything a writer sets; what POST and PATCH bodies become. */
typedef struct
{
  char   *kind;
  char   *title;
  char   *summary;            /* (nullable) */
  char   *body;
  char   *category;           /* (nullable) */
  GArray *target_org_ids;     /* of gint64; empty = everyone */
  GArray *attachment_ids;     /* of gint64 (file ids), in order */
  /* Guides only (NULL / 0 otherwise). */
  GStrv   guide_materials;
  gint64  guide_time_limit_days;   /* 0 = none */
  GStrv   guide_steps;
  /* "YYYY-MM-DD", the days terminals show it; NULL: no bound. */
  char   *display_from;
  char   *display_until;
} AnjuArticleInput;

void anju_article_input_init  (AnjuArticleInput *input);
void anju_article_input_clear (AnjuArticleInput *input);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnjuArticleInput, anju_article_input_clear)

/* Whether the caller may read article a: the parameters ?1 (the caller's
 * organisation path) and ?2 (1 when the caller holds
 * portal.content.write) must be bound; use anju_article_bind_reader(). */
#define ANJU_ARTICLE_VISIBLE \
  "((a.status = 'published'" \
  "  AND (NOT EXISTS (SELECT 1 FROM article_targets t WHERE t.article_id = a.id)" \
  "       OR EXISTS (SELECT 1 FROM article_targets t JOIN organisations o ON o.id = t.org_id" \
  "                  WHERE t.article_id = a.id AND substr (?1, 1, length (o.path)) = o.path)))" \
  " OR (?2 AND EXISTS (SELECT 1 FROM organisations w" \
  "                    WHERE w.id = a.org_id AND substr (w.path, 1, length (?1)) = ?1)))"

void      anju_article_bind_reader        (sqlite3_stmt      *stmt,
                                           const AnjuCaller  *caller);

/* FALSE with ANJU_ERROR_NOT_FOUND when there is no such article. */
gboolean  anju_article_store_load         (AnjuDb            *db,
                                           gint64             id,
                                           AnjuArticleRef    *out_ref,
                                           GError           **error);
/* The article as it is now, to patch it. */
gboolean  anju_article_store_load_input   (AnjuDb            *db,
                                           gint64             id,
                                           AnjuArticleInput  *out_input,
                                           GError           **error);
gboolean  anju_article_store_may_read     (AnjuDb            *db,
                                           const AnjuCaller  *caller,
                                           gint64             id,
                                           gboolean          *out_may_read,
                                           GError           **error);

/* A new draft.  Returns its id, or 0 with error. */
gint64    anju_article_store_insert       (AnjuDb                  *db,
                                           const AnjuArticleInput  *input,
                                           gint64                   author_id,
                                           gint64                   org_id,
                                           gint64                   now,
                                           GError                 **error);
/* Replaces everything input holds, targets and attachments included. */
gboolean  anju_article_store_update       (AnjuDb                  *db,
                                           gint64                   id,
                                           const AnjuArticleInput  *input,
                                           gint64                   now,
                                           GError                 **error);
/* "published" also sets published_at to now. */
gboolean  anju_article_store_set_status   (AnjuDb            *db,
                                           gint64             id,
                                           const char        *status,
                                           gint64             now,
                                           GError           **error);
/* What a published article refers to is kept as it was: archives every
 * attachment (anju_file_store_archive). */
gboolean  anju_article_store_archive_attachments (AnjuDb   *db,
                                                  gint64    id,
                                                  gint64    now,
                                                  GError  **error);
gboolean  anju_article_store_delete       (AnjuDb            *db,
                                           gint64             id,
                                           GError           **error);

/* The Article object of docs/api.md; with_body FALSE leaves out "body"
 * (lists). */
JsonNode *anju_article_store_to_json      (AnjuDb            *db,
                                           gint64             id,
                                           gboolean           with_body,
                                           GError           **error);
/* The same from a row of ANJU_ARTICLE_COLUMNS. */
JsonNode *anju_article_json_from_row      (AnjuDb            *db,
                                           sqlite3_stmt      *stmt,
                                           gboolean           with_body,
                                           GError           **error);

/* The select list anju_article_json_from_row() reads, over
 * ANJU_ARTICLE_JOIN. */
#define ANJU_ARTICLE_COLUMNS \
  "a.id, a.kind, a.title, a.summary, a.body, a.category, a.status, a.published_at," \
  " a.author_id, au.name, a.guide_materials, a.guide_time_limit_days, a.guide_steps," \
  " a.created_at, a.updated_at, a.display_from, a.display_until, a.view_count"
#define ANJU_ARTICLE_JOIN "articles a JOIN users au ON au.id = a.author_id"

G_END_DECLS
