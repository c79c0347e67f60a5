/* anju-article-dialog-private.h: what the desktop UI test needs to fill
 * in the dialog the way a person would. */
#pragma once

#include "anju-article-dialog.h"

G_BEGIN_DECLS

/* Uploads file as if it had been chosen with Add File…; the native
 * chooser cannot be driven from a test. */
void        _anju_article_dialog_add_file          (AnjuArticleDialog *self,
                                                    GFile             *file);
/* Uploads still on their way, and attachments held now. */
guint       _anju_article_dialog_get_n_pending     (AnjuArticleDialog *self);
guint       _anju_article_dialog_get_n_attachments (AnjuArticleDialog *self);
/* The widget showing an API field: "title", "summary", "category",
 * "display_from", "display_until" (GtkEditables), "body" (a
 * GtkTextView), or NULL. */
GtkWidget  *_anju_article_dialog_get_field         (AnjuArticleDialog *self,
                                                    const char        *field);
/* The check button choosing the organisation of that name as a reader,
 * or NULL (also while the organisations are loading). */
GtkWidget  *_anju_article_dialog_get_target_check  (AnjuArticleDialog *self,
                                                    const char        *organisation_name);
GtkWidget  *_anju_article_dialog_get_save_button   (AnjuArticleDialog *self);
/* (nullable) the message about the whole form / one field / the
 * attachments while it is shown. */
const char *_anju_article_dialog_get_message       (AnjuArticleDialog *self);
const char *_anju_article_dialog_get_field_error   (AnjuArticleDialog *self,
                                                    const char        *field);

G_END_DECLS
