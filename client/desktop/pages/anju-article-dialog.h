/* anju-article-dialog.h: write a news item, notice, business guide,
 * terminal publicity or policy publicity, or edit one (F-PORTAL-003,
 * 004, 009; F-TERM-004, 007).
 *
 * Title, summary, category, text, the organisations it is for (none:
 * everyone), attachments, and for a guide the required materials, the
 * time limit and the steps.  The kinds the service terminals show have
 * a display period (first and last day, typed or picked from a
 * calendar, either open); publicity asks for its streets right after
 * the title.  Attachments are uploaded as soon as they
 * are chosen (POST /api/v1/files), so a refused file is reported at
 * once; saving waits for uploads still on their way.  The dialog sends
 * the article itself (POST /api/v1/articles, or PATCH for an existing
 * one); when the server refuses, it stays open with everything typed
 * and shows each field message beside its field.  On success it emits
 * ::saved with the server's Article and closes.  A new article is a
 * draft: publishing is the page's separate step.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

#define ANJU_TYPE_ARTICLE_DIALOG (anju_article_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnjuArticleDialog, anju_article_dialog, ANJU, ARTICLE_DIALOG, AdwWindow)

/* kind: "news", "notice", "guide", "publicity" or "policy".  article: the full Article (with
 * "body") to edit, or NULL to write a new one. */
GtkWidget *anju_article_dialog_new (AnjuApiClient *client,
                                    const char    *kind,
                                    AnjuRecord    *article);

G_END_DECLS
