/* anju-pubrent-fields.h: the household (D01) and member (D02) fields of
 * an application, grouped as the editor and the detail window show them
 * (docs/api.md, "Applications").
 *
 * household_size is not among them: it is the number of members, which
 * the editor counts itself.
 */
#pragma once

#include "anju-pubrent-form.h"

G_BEGIN_DECLS

typedef struct
{
  const char             *title;    /* N_() */
  const AnjuPubrentField *fields;
  guint                   n_fields;
} AnjuPubrentFieldGroup;

/* Applicant, agent, hukou address, income and area, benefits. */
const AnjuPubrentFieldGroup *anju_pubrent_household_groups (guint *n_groups);
/* Person, hukou, work and income, special circumstances, housing and
 * insurance. */
const AnjuPubrentFieldGroup *anju_pubrent_member_groups    (guint *n_groups);

G_END_DECLS
