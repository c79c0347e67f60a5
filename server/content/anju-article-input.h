/* anju-article-input.h: what a POST or PATCH /articles body asks for.
 *
 * Reads the members a body has into an AnjuArticleInput that holds the
 * article as it is (PATCH) or nothing yet (POST), checking every one:
 * a 422 names each bad member (those of the guide object as
 * "guide.materials" …); a target outside the caller's data scope is a
 * 403.  Attachments must be files the caller uploaded, or ones the
 * article has already.  A guide always has guide details (empty ones
 * when none are given); the other kinds never do.
 */
#pragma once

#include "anju-article-store.h"
#include "anju-request.h"

G_BEGIN_DECLS

/* body is already checked against the route's field specs.  attached
 * holds the file ids the article has now (NULL for a new one).  Replies
 * and returns FALSE when the body is not acceptable. */
gboolean anju_article_input_read (AnjuRequest       *request,
                                  JsonObject        *body,
                                  const GArray      *attached,
                                  AnjuArticleInput  *input);

G_END_DECLS
