/* anju-kiosk-apply-draft.h: what the citizen entered on the kiosk's
 * public-rental application flow, before it goes to the server.
 *
 * Plain data, no widgets: the apply screen fills it step by step and
 * turns it into the Application of docs/api.md ("Applications") with
 * anju_kiosk_apply_draft_to_json().  Everything in it is personal data,
 * so anju_kiosk_apply_draft_wipe() overwrites every string and byte
 * before it frees them: an idle terminal keeps no copy of the citizen.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-id-card.h"

G_BEGIN_DECLS

/* The steps of the flow, in order: also where a server error belongs. */
typedef enum
{
  ANJU_KIOSK_APPLY_STEP_TYPE,
  ANJU_KIOSK_APPLY_STEP_CARD,
  ANJU_KIOSK_APPLY_STEP_DETAILS,
  ANJU_KIOSK_APPLY_STEP_FACE,
  ANJU_KIOSK_APPLY_STEP_FINGER,
  ANJU_KIOSK_APPLY_STEP_MEMBERS,
  ANJU_KIOSK_APPLY_STEP_REVIEW,
  ANJU_KIOSK_APPLY_STEP_DONE,
} AnjuKioskApplyStep;

#define ANJU_KIOSK_APPLY_N_STEPS (ANJU_KIOSK_APPLY_STEP_DONE + 1)

typedef struct
{
  char     *relation;     /* code of the "relation" set */
  char     *name;
  char     *id_no;
  char     *gender;       /* code of the "gender" set (nullable) */
  char     *birth_date;   /* YYYY-MM-DD (nullable) */
  char     *ethnicity;    /* code of the "ethnicity" set (nullable) */
  gboolean  from_card;
} AnjuKioskMember;

typedef struct
{
  char            *business_type;     /* open_physical | open_subsidy */
  AnjuKioskMember *applicant;         /* (nullable) relation "self" */
  char            *address;           /* the card's address, shown only */
  char            *phone;
  char            *hukou_county_code;
  char            *income_per_capita; /* "36000.00", physical types */
  char            *area_per_capita;   /* "12.50", physical types */
  char            *marital_status;    /* code */
  GPtrArray       *members;           /* AnjuKioskMember, besides the applicant */
  GBytes          *face_jpeg;
  GBytes          *fingerprint;       /* fp_print_serialize() */
} AnjuKioskApplyDraft;

AnjuKioskMember     *anju_kiosk_member_new            (void);
/* codes: GET /api/v1/pubrent/codes's answer, to turn the card's GB
 * codes (sex, nation) into the dictionary's codes; nullable. */
AnjuKioskMember     *anju_kiosk_member_new_from_card  (const AnjuIdCard *card,
                                                       const char       *relation,
                                                       JsonObject       *codes);
void                 anju_kiosk_member_free           (AnjuKioskMember  *member);

AnjuKioskApplyDraft *anju_kiosk_apply_draft_new       (void);
void                 anju_kiosk_apply_draft_wipe      (AnjuKioskApplyDraft *draft);

/* TRUE when id_no is the applicant's or a member's already. */
gboolean             anju_kiosk_apply_draft_has_person (AnjuKioskApplyDraft *draft,
                                                        const char          *id_no);
/* The household: the applicant and the members. */
guint                anju_kiosk_apply_draft_household_size (AnjuKioskApplyDraft *draft);

/* The Application body of POST / PATCH /api/v1/pubrent/applications. */
JsonNode            *anju_kiosk_apply_draft_to_json   (AnjuKioskApplyDraft *draft);

/* The step where the citizen fixes the server's 422 field ("phone",
 * "members[2].id_no"); members[i] counts the applicant as 0. */
AnjuKioskApplyStep   anju_kiosk_apply_step_for_field  (const char *field);

/* Overwrites, then frees. */
void                 anju_kiosk_wipe_string           (char      **string);
void                 anju_kiosk_wipe_bytes            (GBytes    **bytes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuKioskMember, anju_kiosk_member_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuKioskApplyDraft, anju_kiosk_apply_draft_wipe)

G_END_DECLS
