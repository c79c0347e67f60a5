/* anju-pubrent-names.c: labels and stage rules of public rental applications. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-pubrent-names.h"

typedef struct
{
  const char *id;
  const char *label;  /* for C_() with the table's context */
} Name;

static const char * const business_types[] = {
  "directed_physical", "directed_subsidy", "open_physical", "open_subsidy", NULL
};

static const Name business_type_names[] = {
  { "directed_physical", NC_("business type", "Directed, physical allocation") },
  { "directed_subsidy",  NC_("business type", "Directed, rental subsidy") },
  { "open_physical",     NC_("business type", "Physical allocation") },
  { "open_subsidy",      NC_("business type", "Rental subsidy") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (business_types) == G_N_ELEMENTS (business_type_names) + 1);

static const Name business_type_summaries[] = {
  { "directed_physical", N_("An employer applies for a rental flat for its employee.") },
  { "directed_subsidy",  N_("An employer applies for a rental subsidy for its employee.") },
  { "open_physical",     N_("A household applies for a rental flat at its street or community.") },
  { "open_subsidy",      N_("A household applies for a rental subsidy at its street or community.") },
};

static const char * const stages[] = {
  "draft", "prereview_failed", "street_review", "street_publicity", "center_review",
  "returned", "rejected", "announcement", "confirmed", "withdrawn", "closed", NULL
};

static const Name stage_names[] = {
  { "draft",            NC_("application stage", "Draft") },
  { "prereview_failed", NC_("application stage", "Failed pre-review") },
  { "street_review",    NC_("application stage", "Street review") },
  { "street_publicity", NC_("application stage", "Street publicity") },
  { "center_review",    NC_("application stage", "Center review") },
  { "returned",         NC_("application stage", "Returned for supplement") },
  { "rejected",         NC_("application stage", "Rejected") },
  { "announcement",     NC_("application stage", "New Area announcement") },
  { "confirmed",        NC_("application stage", "Qualification confirmed") },
  { "withdrawn",        NC_("application stage", "Withdrawn") },
  { "closed",           NC_("application stage", "Closed") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (stages) == G_N_ELEMENTS (stage_names) + 1);

static const char * const file_categories[] = {
  "id_card", "hukou", "income", "no_housing", "marriage", "divorce", "lease", "employment", "other", NULL
};

static const Name file_category_names[] = {
  { "id_card",    NC_("material category", "Proof of identity") },
  { "hukou",      NC_("material category", "Household register") },
  { "income",     NC_("material category", "Proof of income") },
  { "no_housing", NC_("material category", "Proof of no housing") },
  { "marriage",   NC_("material category", "Marriage certificate") },
  { "divorce",    NC_("material category", "Divorce certificate") },
  { "lease",      NC_("material category", "Lease contract") },
  { "employment", NC_("material category", "Employment contract") },
  { "other",      NC_("material category", "Other") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (file_categories) == G_N_ELEMENTS (file_category_names) + 1);

typedef struct
{
  const char *label;     /* for C_("application filter", …) */
  const char *statuses;  /* the "status" query, NULL for all */
} Filter;

static const Filter filters[ANJU_PUBRENT_N_FILTERS] = {
  [ANJU_PUBRENT_FILTER_ALL]          = { NC_("application filter", "All stages"), NULL },
  [ANJU_PUBRENT_FILTER_MY_DRAFTS]    = { NC_("application filter", "Drafts"), "draft,prereview_failed,returned" },
  [ANJU_PUBRENT_FILTER_AT_STREET]    = { NC_("application filter", "At the street"), "street_review" },
  [ANJU_PUBRENT_FILTER_IN_PUBLICITY] = { NC_("application filter", "In publicity"), "street_publicity" },
  [ANJU_PUBRENT_FILTER_AT_CENTER]    = { NC_("application filter", "At the center"), "center_review" },
  [ANJU_PUBRENT_FILTER_ANNOUNCEMENT] = { NC_("application filter", "In announcement"), "announcement" },
  [ANJU_PUBRENT_FILTER_CONFIRMED]    = { NC_("application filter", "Confirmed"), "confirmed" },
  [ANJU_PUBRENT_FILTER_CLOSED]       = { NC_("application filter", "Closed"), "rejected,withdrawn,closed" },
};

static const char *
lookup (const Name *names,
        guint       n_names,
        const char *context,
        const char *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < n_names; i++)
    if (g_str_equal (names[i].id, id))
      return context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, context, names[i].label)
                             : g_dgettext (GETTEXT_PACKAGE, names[i].label);

  return id;
}

static gboolean
status_in (const char         *status,
           const char * const *allowed)
{
  return status != NULL && g_strv_contains (allowed, status);
}

const char * const *
anju_pubrent_business_types (void)
{
  return business_types;
}

const char *
anju_pubrent_business_type_label (const char *business_type)
{
  return lookup (business_type_names, G_N_ELEMENTS (business_type_names), "business type", business_type);
}

const char *
anju_pubrent_business_type_summary (const char *business_type)
{
  const char *summary = lookup (business_type_summaries, G_N_ELEMENTS (business_type_summaries),
                                NULL, business_type);

  return summary != business_type ? summary : "";
}

gboolean
anju_pubrent_business_type_is_directed (const char *business_type)
{
  return business_type != NULL && g_str_has_prefix (business_type, "directed_");
}

gboolean
anju_pubrent_business_type_is_physical (const char *business_type)
{
  return business_type != NULL && g_str_has_suffix (business_type, "_physical");
}

gboolean
anju_pubrent_business_type_allowed (const char *business_type,
                                    const char *org_kind)
{
  if (business_type == NULL || org_kind == NULL || !g_strv_contains (business_types, business_type))
    return FALSE;

  if (anju_pubrent_business_type_is_directed (business_type))
    return g_str_equal (org_kind, "employer");

  return g_str_equal (org_kind, "street") || g_str_equal (org_kind, "community");
}

const char * const *
anju_pubrent_stages (void)
{
  return stages;
}

const char *
anju_pubrent_stage_label (const char *status)
{
  return lookup (stage_names, G_N_ELEMENTS (stage_names), "application stage", status);
}

gboolean
anju_pubrent_stage_can_edit (const char *status)
{
  static const char * const editable[] = { "draft", "prereview_failed", "returned", "rejected", NULL };

  return status_in (status, editable);
}

gboolean
anju_pubrent_stage_can_submit (const char *status)
{
  static const char * const submittable[] = { "draft", "prereview_failed", "rejected", NULL };

  return status_in (status, submittable);
}

gboolean
anju_pubrent_stage_can_withdraw (const char *status)
{
  static const char * const before_decision[] = {
    "draft", "prereview_failed", "returned", "street_review", "street_publicity", "center_review", NULL
  };

  return status_in (status, before_decision);
}

gboolean
anju_pubrent_stage_can_abandon (const char *status)
{
  static const char * const failed[] = { "prereview_failed", "rejected", NULL };

  return status_in (status, failed);
}

gboolean
anju_pubrent_stage_can_delete (const char *status)
{
  return g_strcmp0 (status, "draft") == 0;
}

gboolean
anju_pubrent_stage_is_decided (const char *status)
{
  static const char * const decided[] = { "confirmed", "rejected", "closed", "withdrawn", NULL };

  return status_in (status, decided);
}

const char *
anju_pubrent_filter_label (AnjuPubrentFilter filter)
{
  g_return_val_if_fail (filter < ANJU_PUBRENT_N_FILTERS, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "application filter", filters[filter].label);
}

const char *
anju_pubrent_filter_statuses (AnjuPubrentFilter filter)
{
  g_return_val_if_fail (filter < ANJU_PUBRENT_N_FILTERS, NULL);

  return filters[filter].statuses;
}

const char * const *
anju_pubrent_file_categories (void)
{
  return file_categories;
}

const char *
anju_pubrent_file_category_label (const char *category)
{
  return lookup (file_category_names, G_N_ELEMENTS (file_category_names), "material category", category);
}

const char *
anju_pubrent_timeline_state_icon (const char *state)
{
  if (g_strcmp0 (state, "done") == 0)
    return "emblem-ok-symbolic";
  if (g_strcmp0 (state, "current") == 0)
    return "media-playback-start-symbolic";
  if (g_strcmp0 (state, "skipped") == 0)
    return "go-next-symbolic";
  if (g_strcmp0 (state, "failed") == 0)
    return "dialog-error-symbolic";
  return "content-loading-symbolic";
}

const char *
anju_pubrent_timeline_state_label (const char *state)
{
  if (g_strcmp0 (state, "done") == 0)
    return C_("timeline state", "Done");
  if (g_strcmp0 (state, "current") == 0)
    return C_("timeline state", "In progress");
  if (g_strcmp0 (state, "skipped") == 0)
    return C_("timeline state", "Skipped");
  if (g_strcmp0 (state, "failed") == 0)
    return C_("timeline state", "Failed");
  return C_("timeline state", "Pending");
}

gboolean
anju_pubrent_facts_from_id (const char  *id_no,
                            char       **out_birth_date,
                            AnjuSex     *out_sex)
{
  GDate birth;

  g_return_val_if_fail (out_birth_date != NULL, FALSE);
  g_return_val_if_fail (out_sex != NULL, FALSE);

  if (id_no == NULL || !anju_id_number_validate (id_no, NULL)
      || !anju_id_number_get_birth_date (id_no, &birth))
    return FALSE;

  *out_birth_date = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&birth),
                                     g_date_get_month (&birth), g_date_get_day (&birth));
  *out_sex = anju_id_number_get_sex (id_no);
  return TRUE;
}

const char *
anju_pubrent_gender_code (JsonArray *set,
                          AnjuSex    sex)
{
  const char *name = sex == ANJU_SEX_MALE ? "male" : sex == ANJU_SEX_FEMALE ? "female" : NULL;
  const char *seed = sex == ANJU_SEX_MALE ? "1" : sex == ANJU_SEX_FEMALE ? "2" : NULL;
  guint n = set != NULL ? json_array_get_length (set) : 0;

  if (name == NULL)
    return NULL;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        JsonNode *node = json_array_get_element (set, i);
        JsonObject *code;
        JsonNode *member;

        if (!JSON_NODE_HOLDS_OBJECT (node))
          continue;
        code = json_node_get_object (node);
        member = json_object_get_member (code, pass == 0 ? "code" : "seed_code");
        if (member == NULL || !JSON_NODE_HOLDS_VALUE (member)
            || json_node_get_value_type (member) != G_TYPE_STRING)
          continue;
        if (g_str_equal (json_node_get_string (member), pass == 0 ? name : seed))
          {
            JsonNode *id = json_object_get_member (code, "code");

            if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING)
              return json_node_get_string (id);
          }
      }

  return NULL;
}
