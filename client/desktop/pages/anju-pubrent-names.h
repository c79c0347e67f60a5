/* anju-pubrent-names.h: the rules and names the application screens share
 * (docs/api.md, "Applications").
 *
 * Stages, business types, material categories and timeline states each
 * get a translated label; an id this table does not know (a newer
 * server) is shown as it is.  Which stage allows which button follows
 * the contract's table, and which business types an organisation may
 * enter follows its kind: directed ones only for an employer, open ones
 * only for a street or community.  The server judges all of it again;
 * these rules only keep the desktop from offering what would be refused.
 *
 * No display is needed: tests/desktop/test-pubrent-logic.c checks it.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "anju-id-number.h"

G_BEGIN_DECLS

#define ANJU_PERM_PUBRENT_APPLICATION_READ   "pubrent.application.read"
#define ANJU_PERM_PUBRENT_APPLICATION_CREATE "pubrent.application.create"
#define ANJU_PERM_PUBRENT_APPLICATION_REVIEW "pubrent.application.review"

/* The four business types, NULL-terminated, in the order the editor
 * offers them: directed_physical, directed_subsidy, open_physical,
 * open_subsidy. */
const char * const *anju_pubrent_business_types        (void);
/* 定向实物配租 … in zh_CN; the id itself when unknown (NULL for NULL). */
const char         *anju_pubrent_business_type_label   (const char *business_type);
/* One sentence saying who it is for. */
const char         *anju_pubrent_business_type_summary (const char *business_type);
gboolean            anju_pubrent_business_type_is_directed (const char *business_type);
gboolean            anju_pubrent_business_type_is_physical (const char *business_type);
/* Whether users of an organisation of that kind ("employer", "street" …)
 * may enter an application of that type. */
gboolean            anju_pubrent_business_type_allowed (const char *business_type,
                                                        const char *org_kind);

/* Stages (the application's "status"), NULL-terminated, in process order. */
const char * const *anju_pubrent_stages                (void);
/* 街道审核 … in zh_CN; the id itself when unknown (NULL for NULL). */
const char         *anju_pubrent_stage_label           (const char *status);
/* What the stage allows (docs/api.md, "Applications"). */
gboolean            anju_pubrent_stage_can_edit        (const char *status);
gboolean            anju_pubrent_stage_can_submit      (const char *status);
gboolean            anju_pubrent_stage_can_withdraw    (const char *status);
gboolean            anju_pubrent_stage_can_abandon     (const char *status);
gboolean            anju_pubrent_stage_can_delete      (const char *status);
/* Whether materials may still change: until the application is decided. */
gboolean            anju_pubrent_stage_is_decided      (const char *status);

/* The list page's quick filters. */
typedef enum
{
  ANJU_PUBRENT_FILTER_ALL,
  ANJU_PUBRENT_FILTER_MY_DRAFTS,
  ANJU_PUBRENT_FILTER_AT_STREET,
  ANJU_PUBRENT_FILTER_IN_PUBLICITY,
  ANJU_PUBRENT_FILTER_AT_CENTER,
  ANJU_PUBRENT_FILTER_ANNOUNCEMENT,
  ANJU_PUBRENT_FILTER_CONFIRMED,
  ANJU_PUBRENT_FILTER_CLOSED,
  ANJU_PUBRENT_N_FILTERS,
} AnjuPubrentFilter;

const char         *anju_pubrent_filter_label          (AnjuPubrentFilter filter);
/* The "status" query of the filter (a comma list), NULL for all. */
const char         *anju_pubrent_filter_statuses       (AnjuPubrentFilter filter);

/* Material categories, NULL-terminated, in the contract's order. */
const char * const *anju_pubrent_file_categories       (void);
/* 身份证明 … in zh_CN; the id itself when unknown. */
const char         *anju_pubrent_file_category_label   (const char *category);

/* Timeline node states: a symbolic icon name, and a word for it. */
const char         *anju_pubrent_timeline_state_icon   (const char *state);
const char         *anju_pubrent_timeline_state_label  (const char *state);

/* From a valid resident ID number: the birth date as "YYYY-MM-DD"
 * (transfer full) and the sex.  FALSE (nothing set) for anything else,
 * so a half-typed number fills nothing. */
gboolean            anju_pubrent_facts_from_id         (const char  *id_no,
                                                        char       **out_birth_date,
                                                        AnjuSex     *out_sex);
/* The code of the "gender" code set for sex: the code named "male" /
 * "female", else the one whose seed_code is "1" / "2" (GB/T 2261.1).
 * set: the array of {"code","name","seed_code"}; NULL when none fits. */
const char         *anju_pubrent_gender_code           (JsonArray   *set,
                                                        AnjuSex      sex);

G_END_DECLS
