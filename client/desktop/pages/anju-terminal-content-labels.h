/* anju-terminal-content-labels.h: the words for the codes of the terminal back
 * office's content (docs/api.md, "Honor roll" and "Identity captures").
 *
 * The API speaks in codes ("supplier", "fingerprint"); people read these
 * translated names.  A code this desktop does not know is shown as it
 * came, so a newer server never makes a row go blank.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "enterprise", "supplier", "staff": the honor roll's sections in the
 * order the kiosk shows them (NULL-terminated). */
const char * const *anju_honor_category_codes          (void);
/* 优质企业, 优质供应商, 优秀服务人员 */
const char         *anju_honor_category_label          (const char *category);
/* What an entry's "subtitle" holds in that category: the service field
 * of an enterprise, the products of a supplier, the post of staff. */
const char         *anju_honor_category_subtitle_title (const char *category);
/* Only service staff serve an estate ("community"). */
gboolean            anju_honor_category_has_community  (const char *category);

/* "face", "fingerprint" (NULL-terminated). */
const char * const *anju_capture_kind_codes            (void);
const char         *anju_capture_kind_label            (const char *kind);

/* A stored size for people: "812 bytes", "23.4 kB" (transfer full). */
char               *anju_capture_size_text             (gint64      size);

G_END_DECLS
