/* anju-kiosk-apply-draft.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "anju-decimal.h"
#include "anju-kiosk-apply-draft.h"
#include "anju-kiosk-codes.h"

void
anju_kiosk_wipe_string (char **string)
{
  if (*string == NULL)
    return;

  if (**string != '\0')
    explicit_bzero (*string, strlen (*string));
  g_clear_pointer (string, g_free);
}

/* When we hold the only reference the data comes back without a copy,
 * so the zeroing reaches the bytes themselves.  A reference someone else
 * still holds keeps its own; the screens drop theirs first. */
void
anju_kiosk_wipe_bytes (GBytes **bytes)
{
  gsize size = 0;
  gpointer data;

  if (*bytes == NULL)
    return;

  data = g_bytes_unref_to_data (g_steal_pointer (bytes), &size);
  /* Empty bytes may come back as NULL, which explicit_bzero() must not
   * be given even for no length. */
  if (data != NULL && size > 0)
    explicit_bzero (data, size);
  g_free (data);
}

AnjuKioskMember *
anju_kiosk_member_new (void)
{
  return g_new0 (AnjuKioskMember, 1);
}

AnjuKioskMember *
anju_kiosk_member_new_from_card (const AnjuIdCard *card,
                                 const char       *relation,
                                 JsonObject       *codes)
{
  AnjuKioskMember *member = anju_kiosk_member_new ();

  member->relation = g_strdup (relation);
  member->name = g_strdup (card->name);
  member->id_no = g_strdup (card->id_no);
  member->gender = g_strdup (anju_kiosk_codes_find_by_seed (codes, "gender", card->sex));
  member->birth_date = g_strdup (card->birth_date);
  member->ethnicity = g_strdup (anju_kiosk_codes_find_by_seed (codes, "ethnicity",
                                                               card->nation_code));
  member->from_card = TRUE;

  return member;
}

void
anju_kiosk_member_free (AnjuKioskMember *member)
{
  if (member == NULL)
    return;

  anju_kiosk_wipe_string (&member->relation);
  anju_kiosk_wipe_string (&member->name);
  anju_kiosk_wipe_string (&member->id_no);
  anju_kiosk_wipe_string (&member->gender);
  anju_kiosk_wipe_string (&member->birth_date);
  anju_kiosk_wipe_string (&member->ethnicity);
  g_free (member);
}

AnjuKioskApplyDraft *
anju_kiosk_apply_draft_new (void)
{
  AnjuKioskApplyDraft *draft = g_new0 (AnjuKioskApplyDraft, 1);

  draft->members = g_ptr_array_new_with_free_func ((GDestroyNotify) anju_kiosk_member_free);

  return draft;
}

void
anju_kiosk_apply_draft_wipe (AnjuKioskApplyDraft *draft)
{
  if (draft == NULL)
    return;

  anju_kiosk_wipe_string (&draft->business_type);
  g_clear_pointer (&draft->applicant, anju_kiosk_member_free);
  anju_kiosk_wipe_string (&draft->address);
  anju_kiosk_wipe_string (&draft->phone);
  anju_kiosk_wipe_string (&draft->hukou_county_code);
  anju_kiosk_wipe_string (&draft->income_per_capita);
  anju_kiosk_wipe_string (&draft->area_per_capita);
  anju_kiosk_wipe_string (&draft->marital_status);
  g_clear_pointer (&draft->members, g_ptr_array_unref);
  anju_kiosk_wipe_bytes (&draft->face_jpeg);
  anju_kiosk_wipe_bytes (&draft->fingerprint);
  g_free (draft);
}

gboolean
anju_kiosk_apply_draft_has_person (AnjuKioskApplyDraft *draft,
                                   const char          *id_no)
{
  if (id_no == NULL)
    return FALSE;
  if (draft->applicant != NULL && g_ascii_strcasecmp (draft->applicant->id_no, id_no) == 0)
    return TRUE;

  for (guint i = 0; i < draft->members->len; i++)
    {
      AnjuKioskMember *member = g_ptr_array_index (draft->members, i);

      if (g_ascii_strcasecmp (member->id_no, id_no) == 0)
        return TRUE;
    }

  return FALSE;
}

guint
anju_kiosk_apply_draft_household_size (AnjuKioskApplyDraft *draft)
{
  return (draft->applicant != NULL ? 1 : 0) + draft->members->len;
}

static void
set_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL || *value == '\0')
    return;

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_member (JsonBuilder     *builder,
            AnjuKioskMember *member,
            const char      *phone,
            const char      *marital_status)
{
  json_builder_begin_object (builder);
  set_string (builder, "relation", member->relation);
  set_string (builder, "name", member->name);
  set_string (builder, "id_doc_type", "resident_id");
  set_string (builder, "id_no", member->id_no);
  set_string (builder, "gender", member->gender);
  set_string (builder, "birth_date", member->birth_date);
  set_string (builder, "ethnicity", member->ethnicity);
  set_string (builder, "phone", phone);
  set_string (builder, "marital_status", marital_status);
  json_builder_end_object (builder);
}

/* The kiosk asks for per-capita figures, which is what a citizen knows;
 * the totals the physical types require follow from the household. */
static void
set_total (JsonBuilder *builder,
           const char  *member,
           const char  *per_capita,
           guint        household_size)
{
  gint64 hundredths = 0;
  g_autofree char *total = NULL;

  if (per_capita == NULL || !anju_decimal_parse_hundredths (per_capita, &hundredths, NULL))
    return;

  total = anju_decimal_format_hundredths (hundredths * household_size);
  set_string (builder, member, total);
}

JsonNode *
anju_kiosk_apply_draft_to_json (AnjuKioskApplyDraft *draft)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint household_size = anju_kiosk_apply_draft_household_size (draft);
  gboolean physical = g_strcmp0 (draft->business_type, "open_physical") == 0;

  json_builder_begin_object (builder);
  set_string (builder, "business_type", draft->business_type);
  if (draft->applicant != NULL)
    {
      set_string (builder, "applicant_name", draft->applicant->name);
      set_string (builder, "id_doc_type", "resident_id");
      set_string (builder, "id_no", draft->applicant->id_no);
    }
  set_string (builder, "phone", draft->phone);
  set_string (builder, "hukou_county_code", draft->hukou_county_code);
  json_builder_set_member_name (builder, "household_size");
  json_builder_add_int_value (builder, household_size);
  if (physical)
    {
      set_string (builder, "annual_income_per_capita", draft->income_per_capita);
      set_total (builder, "annual_income_total", draft->income_per_capita, household_size);
      set_string (builder, "floor_area_per_capita", draft->area_per_capita);
      set_total (builder, "floor_area_total", draft->area_per_capita, household_size);
    }

  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  if (draft->applicant != NULL)
    add_member (builder, draft->applicant, draft->phone, draft->marital_status);
  for (guint i = 0; i < draft->members->len; i++)
    add_member (builder, g_ptr_array_index (draft->members, i), NULL, NULL);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static AnjuKioskApplyStep
step_for_member_field (const char *field)
{
  guint64 index = 0;
  const char *rest = NULL;

  if (!g_ascii_isdigit (field[0]))
    return ANJU_KIOSK_APPLY_STEP_MEMBERS;

  index = g_ascii_strtoull (field, (char **) &rest, 10);
  if (index > 0)
    return ANJU_KIOSK_APPLY_STEP_MEMBERS;
  /* The applicant's own: from the card, but phone and marital status
   * are asked with the details. */
  if (g_str_has_prefix (rest, "].phone") || g_str_has_prefix (rest, "].marital_status"))
    return ANJU_KIOSK_APPLY_STEP_DETAILS;

  return ANJU_KIOSK_APPLY_STEP_CARD;
}

AnjuKioskApplyStep
anju_kiosk_apply_step_for_field (const char *field)
{
  static const struct
  {
    const char         *field;
    AnjuKioskApplyStep  step;
  } fields[] = {
    { "business_type", ANJU_KIOSK_APPLY_STEP_TYPE },
    { "applicant_name", ANJU_KIOSK_APPLY_STEP_CARD },
    { "id_doc_type", ANJU_KIOSK_APPLY_STEP_CARD },
    { "id_no", ANJU_KIOSK_APPLY_STEP_CARD },
    { "phone", ANJU_KIOSK_APPLY_STEP_DETAILS },
    { "hukou_county_code", ANJU_KIOSK_APPLY_STEP_DETAILS },
    { "annual_income_per_capita", ANJU_KIOSK_APPLY_STEP_DETAILS },
    { "annual_income_total", ANJU_KIOSK_APPLY_STEP_DETAILS },
    { "floor_area_per_capita", ANJU_KIOSK_APPLY_STEP_DETAILS },
    { "floor_area_total", ANJU_KIOSK_APPLY_STEP_DETAILS },
    { "household_size", ANJU_KIOSK_APPLY_STEP_MEMBERS },
    { "members", ANJU_KIOSK_APPLY_STEP_MEMBERS },
  };

  if (field == NULL)
    return ANJU_KIOSK_APPLY_STEP_REVIEW;
  if (g_str_has_prefix (field, "members["))
    return step_for_member_field (field + strlen ("members["));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (field, fields[i].field))
      return fields[i].step;

  return ANJU_KIOSK_APPLY_STEP_REVIEW;
}
