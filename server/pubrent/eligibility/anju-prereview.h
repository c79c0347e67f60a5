/* anju-prereview.h: the eligibility pre-review of a public rental housing
 * application (docs/api.md "Eligibility pre-review"; F-PRH-008).
 *
 * anju_prereview_run() checks one application, as stored in
 * pubrent_applications and pubrent_members, against every enabled rule of
 * pubrent_rules and the person records of pubrent_external_records, and
 * answers the report docs/api.md calls `prereview`:
 *
 *   {"passed": bool, "at": "<ISO 8601 of now>",
 *    "checks": [{"rule", "name", "passed", "data", "reason"}]}
 *
 * one check per enabled rule in the rules' order; `name` is the rule's
 * Chinese name, `data` what the rule looked at (in Chinese, e.g.
 * "李娜：长沙户籍 5 年（户籍数据 2026-10-01）") and `reason` why it passed or
 * failed, translated.  The report passes when every check passes (the
 * `dibao` rule informs and never fails).
 *
 * It only reads, so the caller runs it inside the transaction of the
 * submit that stores the report (prereview_json) and moves the status.
 * now is the server clock's time (seconds since the epoch): hukou years
 * are counted up to it.  A missing application is ANJU_ERROR_NOT_FOUND.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"

G_BEGIN_DECLS

gboolean anju_prereview_run (AnjuDb     *db,
                             gint64      application_id,
                             gint64      now,
                             JsonNode  **out_report,
                             gboolean   *out_passed,
                             GError    **error);

G_END_DECLS
