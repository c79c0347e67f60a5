/* anju-document-data.c: what a document says about its applications.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-document-data.h"
#include "anju-mask.h"
#include "anju-pubrent-settings.h"
#include "anju-stmt.h"

#define SECONDS_PER_DAY (24 * 3600)

/* The names of docs/api.md: these print on official documents. */
static const struct
{
  const char *code;
  const char *label;
} business_types[] = {
  { "directed_physical", "定向实物配租" },
  { "directed_subsidy", "定向租赁补贴" },
  { "open_physical", "非定向实物配租" },
  { "open_subsidy", "非定向租赁补贴" },
};

const char *
anju_document_data_business_type_label (const char *business_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (business_types); i++)
    if (g_strcmp0 (business_types[i].code, business_type) == 0)
      return business_types[i].label;
  return business_type != NULL ? business_type : "";
}

char *
anju_document_data_conclusion (const AnjuDocumentApplicant *applicant)
{
  if (g_str_has_suffix (applicant->business_type, "_subsidy"))
    return g_strdup ("符合公共租赁住房保障条件，予以确认租赁补贴保障资格，纳入租赁补贴名册。");
  return g_strdup ("符合公共租赁住房保障条件，予以确认实物配租保障资格，纳入轮候名册。");
}

AnjuDocumentApplicant *
anju_document_data_load_applicant (AnjuDb      *db,
                                   gint64       id,
                                   gboolean     masked,
                                   char       **out_org_path,
                                   GError     **error)
{
  g_autoptr(AnjuDocumentApplicant) applicant = NULL;
  g_auto(AnjuStmt) stmt = NULL;
  g_autofree char *name = NULL;

  stmt = anju_db_prepare (db,
                          "SELECT a.id, a.application_no, a.applicant_name, a.id_no, o.name,"
                          " a.household_size, a.business_type, a.status, a.submitted_at,"
                          " a.confirmed_at, o.path"
                          " FROM pubrent_applications a JOIN organisations o ON o.id = a.org_id"
                          " WHERE a.id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No such application"), error))
    return NULL;

  applicant = anju_document_applicant_new ();
  name = anju_db_column_dup (stmt, 2);
  applicant->id = sqlite3_column_int64 (stmt, 0);
  applicant->application_no = anju_db_column_dup (stmt, 1);
  applicant->masked_name = anju_mask_name (name);
  applicant->name = masked ? anju_mask_name (name) : g_strdup (name);
  applicant->id_no = anju_mask_id_number ((const char *) sqlite3_column_text (stmt, 3));
  applicant->org_name = anju_db_column_dup (stmt, 4);
  applicant->household_size = sqlite3_column_int (stmt, 5);
  applicant->business_type = anju_db_column_dup (stmt, 6);
  applicant->business_type_label =
    g_strdup (anju_document_data_business_type_label (applicant->business_type));
  applicant->status = anju_db_column_dup (stmt, 7);
  applicant->submitted_at = sqlite3_column_int64 (stmt, 8);
  applicant->confirmed_at = sqlite3_column_int64 (stmt, 9);
  if (out_org_path != NULL)
    *out_org_path = anju_db_column_dup (stmt, 10);
  return g_steal_pointer (&applicant);
}

/* pubrent_publicity belongs to the review module (migration 0012); a
 * server without it has no publicity periods to print. */
static gboolean
has_publicity_table (AnjuDb   *db,
                     gboolean *out_has,
                     GError  **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
                                           " AND name = 'pubrent_publicity'",
                                           error);
  gint64 count;

  if (stmt == NULL || !anju_db_step_count (db, stmt, &count, error))
    return FALSE;
  *out_has = count > 0;
  return TRUE;
}

gboolean
anju_document_data_status_allows (AnjuDb                      *db,
                                  const char                  *kind,
                                  const AnjuDocumentApplicant *applicant,
                                  gint64                       now,
                                  gboolean                    *out_allowed,
                                  GError                     **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  gboolean has_publicity;
  gint64 ended;

  *out_allowed = FALSE;
  if (!g_str_equal (kind, "confirmation"))
    {
      *out_allowed = g_strcmp0 (applicant->status, kind) == 0;
      return TRUE;
    }
  if (g_strcmp0 (applicant->status, "confirmed") == 0)
    {
      *out_allowed = TRUE;
      return TRUE;
    }
  if (g_strcmp0 (applicant->status, "announcement") != 0)
    return TRUE;

  if (!has_publicity_table (db, &has_publicity, error))
    return FALSE;
  if (!has_publicity)
    return TRUE;
  stmt = anju_db_prepare (db,
                          "SELECT COUNT(*) FROM pubrent_publicity WHERE application_id = ?1"
                          " AND kind = 'announcement' AND end_at <= ?2",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, applicant->id);
  sqlite3_bind_int64 (stmt, 2, now);
  if (!anju_db_step_count (db, stmt, &ended, error))
    return FALSE;
  *out_allowed = ended > 0;
  return TRUE;
}

static const char *
action_result (const char *action)
{
  if (g_str_equal (action, "approve") || g_str_equal (action, "complete"))
    return "通过";
  if (g_str_equal (action, "reject"))
    return "不通过";
  if (g_str_equal (action, "return"))
    return "退回补正";
  if (g_str_equal (action, "skip"))
    return "无需办理";
  return action;
}

static gboolean
load_history_nodes (AnjuDb     *db,
                    gint64      id,
                    GPtrArray  *nodes,
                    GError    **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  int rc;

  /* Decisions on steps only: a start, a reminder or a transfer says
   * nothing about the applicant. */
  stmt = anju_db_prepare (db,
                          "SELECT h.step_name, h.action, COALESCE (o.name, u.name, '湘江新区住房保障服务中心'),"
                          " h.comment, h.at"
                          " FROM workflow_history h"
                          " JOIN workflow_instances i ON i.id = h.instance_id"
                          " LEFT JOIN organisations o ON o.id = h.org_id"
                          " LEFT JOIN users u ON u.id = h.actor_id"
                          " WHERE i.domain = 'pubrent.application' AND i.record_id = ?1"
                          " AND h.step_name IS NOT NULL"
                          " AND h.action IN ('approve', 'reject', 'return', 'skip')"
                          " ORDER BY h.id",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (nodes, anju_document_node_new ((const char *) sqlite3_column_text (stmt, 0),
                                                    action_result ((const char *) sqlite3_column_text (stmt, 1)),
                                                    (const char *) sqlite3_column_text (stmt, 2),
                                                    (const char *) sqlite3_column_text (stmt, 3),
                                                    sqlite3_column_int64 (stmt, 4)));
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_publicity_nodes (AnjuDb     *db,
                      gint64      id,
                      GPtrArray  *nodes,
                      GError    **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  gboolean has_publicity;
  int rc;

  if (!has_publicity_table (db, &has_publicity, error))
    return FALSE;
  if (!has_publicity)
    return TRUE;
  stmt = anju_db_prepare (db,
                          "SELECT p.kind, p.passed, COALESCE (o.name, ''), p.end_at, p.publicity_no"
                          " FROM pubrent_publicity p LEFT JOIN organisations o ON o.id = p.org_id"
                          " WHERE p.application_id = ?1 ORDER BY p.start_at, p.id",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean street = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "street") == 0;
      const char *result = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? "公示中"
                           : sqlite3_column_int (stmt, 1) ? "期满无异议" : "异议成立";
      g_autofree char *opinion = g_strdup_printf ("公示编号 %s", sqlite3_column_text (stmt, 4));

      g_ptr_array_add (nodes, anju_document_node_new (street ? "街道公示" : "新区公告", result,
                                                      (const char *) sqlite3_column_text (stmt, 2),
                                                      opinion, sqlite3_column_int64 (stmt, 3)));
    }
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static int
compare_nodes (gconstpointer a,
               gconstpointer b)
{
  const AnjuDocumentNode *first = *(AnjuDocumentNode * const *) a;
  const AnjuDocumentNode *second = *(AnjuDocumentNode * const *) b;

  return (first->at > second->at) - (first->at < second->at);
}

gboolean
anju_document_data_load_nodes (AnjuDb     *db,
                               gint64      id,
                               GPtrArray  *nodes,
                               GError    **error)
{
  guint first = nodes->len;

  if (!load_history_nodes (db, id, nodes, error) || !load_publicity_nodes (db, id, nodes, error))
    return FALSE;
  /* Publicity ends between the review steps: order by time, stable. */
  if (nodes->len > first + 1)
    g_ptr_array_sort (nodes, compare_nodes);
  return TRUE;
}

/* A period that starts now and lasts the configured days. */
static gboolean
default_period (AnjuDb               *db,
                AnjuDocumentContent  *content,
                gint64                now,
                GError              **error)
{
  gint64 days;

  if (!anju_pubrent_settings_get (db, g_str_equal (content->kind, "street_publicity")
                                      ? ANJU_PUBRENT_SETTING_STREET_PUBLICITY_DAYS
                                      : ANJU_PUBRENT_SETTING_ANNOUNCEMENT_DAYS,
                                  &days, error))
    return FALSE;
  content->period_start = now;
  content->period_end = now + days * SECONDS_PER_DAY;
  return TRUE;
}

static gboolean
load_publicity_period (AnjuDb               *db,
                       AnjuDocumentContent  *content,
                       GError              **error)
{
  g_auto(AnjuStmt) stmt = NULL;
  g_autoptr(GString) ids = g_string_new ("[");
  gboolean has_publicity;

  content->period_start = content->period_end = 0;
  if (!has_publicity_table (db, &has_publicity, error))
    return FALSE;
  if (!has_publicity)
    return TRUE;

  for (guint i = 0; i < content->applicants->len; i++)
    {
      AnjuDocumentApplicant *applicant = g_ptr_array_index (content->applicants, i);

      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", applicant->id);
    }
  g_string_append_c (ids, ']');

  stmt = anju_db_prepare (db,
                          "SELECT COALESCE (MIN (start_at), 0), COALESCE (MAX (end_at), 0)"
                          " FROM pubrent_publicity WHERE kind = ?1"
                          " AND application_id IN (SELECT value FROM json_each (?2))",
                          error);
  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, g_str_equal (content->kind, "street_publicity") ? "street" : "announcement");
  anju_db_bind_text (stmt, 2, ids->str);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_DATABASE, _("No publicity period"), error))
    return FALSE;
  content->period_start = sqlite3_column_int64 (stmt, 0);
  content->period_end = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

gboolean
anju_document_data_load_period (AnjuDb               *db,
                                AnjuDocumentContent  *content,
                                gint64                now,
                                GError              **error)
{
  if (!load_publicity_period (db, content, error))
    return FALSE;
  if (content->period_start > 0 && content->period_end > 0)
    return TRUE;
  return default_period (db, content, now, error);
}

static const struct
{
  const char *name;
  const char *org;
  int         size;
  const char *business_type;
} example_households[] = {
  { "王小芳", "银盆岭街道银杉路社区", 3, "open_physical" },
  { "李建国", "望月湖街道第一社区", 2, "open_subsidy" },
  { "陈静", "观沙岭街道茶子山社区", 4, "open_physical" },
};

static AnjuDocumentApplicant *
example_applicant (guint    i,
                   gboolean masked,
                   gint64   now)
{
  AnjuDocumentApplicant *applicant = anju_document_applicant_new ();

  applicant->application_no = g_strdup_printf ("GZF-2026-%06u", 123 + i);
  applicant->masked_name = anju_mask_name (example_households[i].name);
  applicant->name = masked ? anju_mask_name (example_households[i].name)
                           : g_strdup (example_households[i].name);
  applicant->id_no = g_strdup ("430104********1234");
  applicant->org_name = g_strdup (example_households[i].org);
  applicant->household_size = example_households[i].size;
  applicant->business_type = g_strdup (example_households[i].business_type);
  applicant->business_type_label =
    g_strdup (anju_document_data_business_type_label (applicant->business_type));
  applicant->status = g_strdup ("confirmed");
  applicant->submitted_at = now - 50 * SECONDS_PER_DAY;
  applicant->confirmed_at = now;
  return applicant;
}

static void
add_example_nodes (AnjuDocumentContent *content,
                   gint64               now)
{
  static const char * const steps[][3] = {
    { "街道审核", "银盆岭街道", "材料齐全，原件已核验" },
    { "街道公示", "银盆岭街道", "公示期满无异议" },
    { "初审", "湘江新区住房保障服务中心", "符合条件" },
    { "复审", "湘江新区住房保障服务中心", "同意" },
    { "决定", "湘江新区住房保障服务中心", "同意保障" },
    { "新区公告", "湘江新区住房保障服务中心", "公告期满无异议" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    g_ptr_array_add (content->nodes,
                     anju_document_node_new (steps[i][0], "通过", steps[i][1], steps[i][2],
                                             now - (gint64) (G_N_ELEMENTS (steps) - i) * 5 * SECONDS_PER_DAY));
}

AnjuDocumentContent *
anju_document_data_example (const char *kind,
                            const char *verify_base_url,
                            gint64      now)
{
  AnjuDocumentContent *content = anju_document_content_new (kind);
  gboolean list = anju_document_kind_is_list (kind);
  int year = 0;

  {
    g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

    year = g_date_time_get_year (local);
  }
  content->number = g_strdup_printf ("%s-%d-000000", anju_document_kind_prefix (kind), year);
  content->issued_at = now;
  content->period_start = now;
  content->period_end = now + 7 * SECONDS_PER_DAY;
  for (guint i = 0; i < (list ? G_N_ELEMENTS (example_households) : 1); i++)
    g_ptr_array_add (content->applicants, example_applicant (i, list, now));

  if (!list)
    {
      add_example_nodes (content, now);
      content->conclusion = anju_document_data_conclusion (g_ptr_array_index (content->applicants, 0));
      content->verify_url = g_strdup_printf ("%s/verify/%s?code=0000000000000000", verify_base_url,
                                             content->number);
    }
  return content;
}
