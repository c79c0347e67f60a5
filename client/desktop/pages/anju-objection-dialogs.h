/* anju-objection-dialogs.h: the two questions of the publicity page
 * (F-PRH public notices, D04 公示期间举报信息表).
 *
 * "Record objection" asks when and how a report came in, what it says
 * and who made it; "Verify" asks whether it was substantiated, how that
 * was found out and the opinion.  Each is an AdwMessageDialog with a
 * form under its text; its answer is enabled once the required fields
 * hold something, and answering calls done with the request body of
 * docs/api.md ("Review, publicity and announcement").
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* body: (transfer none) what to POST. */
typedef void (*AnjuObjectionDialogDone) (GtkWidget *page,
                                         gint64     record_id,
                                         JsonNode  *body);

/* POST /api/v1/pubrent/publicity/{publicity_id}/objections; today is the
 * received date offered ("YYYY-MM-DD"). */
GtkWidget *anju_objection_record_dialog_new (GtkWidget               *page,
                                             gint64                   publicity_id,
                                             const char              *heading,
                                             const char              *today,
                                             AnjuObjectionDialogDone  done);
/* POST /api/v1/pubrent/objections/{objection_id}/verify */
GtkWidget *anju_objection_verify_dialog_new (GtkWidget               *page,
                                             gint64                   objection_id,
                                             const char              *heading,
                                             AnjuObjectionDialogDone  done);

G_END_DECLS
