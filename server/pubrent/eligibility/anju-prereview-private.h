/* anju-prereview-private.h: what the pre-review rules see.
 *
 * anju-prereview.c loads the application and its members once; each rule
 * of anju-prereview-rules.c looks at them (and at the external records of
 * the members) and fills one AnjuPrereviewCheck.
 */
#pragma once

#include "anju-db.h"

G_BEGIN_DECLS

typedef struct
{
  char     *name;
  char     *id_no;
  gboolean  has_hukou_years;
  gint64    hukou_years;
  gboolean  has_housing_subsidy;
  gboolean  had_welfare_housing;
} AnjuPrereviewMember;

typedef struct
{
  AnjuDb    *db;                       /* borrowed */
  gint64     now;
  char      *business_type;
  char      *hukou_county_code;        /* (nullable) */
  gboolean   has_income;
  gint64     annual_income_per_capita; /* fen */
  gboolean   has_area;
  gint64     floor_area_per_capita;    /* 0.01 m² */
  gboolean   had_housing_benefit;
  gboolean   is_dibao_household;
  GPtrArray *members;                  /* (element-type AnjuPrereviewMember) */
} AnjuPrereviewSubject;

typedef struct
{
  gboolean  passed;
  char     *data;    /* what was looked at, in Chinese */
  char     *reason;  /* translated */
} AnjuPrereviewCheck;

/* has_threshold is FALSE for a rule without one (threshold NULL). */
typedef gboolean (*AnjuPrereviewRuleFunc) (const AnjuPrereviewSubject  *subject,
                                           gint64                       threshold,
                                           AnjuPrereviewCheck          *check,
                                           GError                     **error);

typedef enum
{
  ANJU_PREREVIEW_UNIT_NONE,
  ANJU_PREREVIEW_UNIT_YEARS,
  ANJU_PREREVIEW_UNIT_YUAN,        /* stored in fen */
  ANJU_PREREVIEW_UNIT_SQUARE_METRES, /* stored in 0.01 m² */
} AnjuPrereviewUnit;

typedef struct
{
  const char            *code;
  AnjuPrereviewUnit      unit;
  gint64                 min_threshold; /* in the stored unit */
  gint64                 max_threshold;
  AnjuPrereviewRuleFunc  check;
} AnjuPrereviewRule;

/* The rules the server knows; NULL for an unknown code. */
const AnjuPrereviewRule *anju_prereview_rule_lookup (const char *code);
const AnjuPrereviewRule *anju_prereview_rules       (guint      *n_rules);

G_END_DECLS
