/* anju-enterprise-labels.h: what the enterprise and publicity pages show
 * for the API's codes (docs/api.md "Operating enterprises" and "Review,
 * publicity and announcement").
 *
 * Each function returns a translated, static string; an unknown code is
 * returned as it is, so a newer server's value still shows.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "active" 正常, "purged" 已清理 */
const char *anju_enterprise_state_label   (const char *state);
/* "street" 街道公示, "announcement" 新区公告 */
const char *anju_publicity_kind_label     (const char *kind);
/* "pending" 待核实, "substantiated" 属实, "unfounded" 不属实 */
const char *anju_objection_result_label   (const char *result);
/* A publicity's outcome: passed is null (not decided) while it runs
 * or while an objection awaits verification. */
const char *anju_publicity_outcome_label  (gboolean    decided,
                                           gboolean    passed);

/* How an objection came in: the codes (NULL-terminated, in the order a
 * form offers them) and their labels. */
extern const char * const anju_objection_methods[];
const char *anju_objection_method_label   (const char *method);
/* How it was verified. */
extern const char * const anju_verification_methods[];
const char *anju_verification_method_label (const char *method);

G_END_DECLS
