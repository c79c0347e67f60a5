/* anju-applications-demo.c: anju_applications_populate_demo(), the
 * households behind the demo's nine public rental processes.
 *
 * anju-workflow-demo.c plays processes for the records 1 … 9 of
 * pubrent.application (GZF-2026-000001 … 000009); this gives each one its
 * application row and applicant, so opening a demo to-do shows a real
 * application, and moves the year's number counter past them so the
 * applications people enter next neither take those ids nor those
 * numbers.  Keep the two tables in step.
 */
#include "config.h"

#include "anju-applications.h"
#include "anju-audit.h"
#include "anju-id-number.h"
#include "anju-stmt.h"

#define SECONDS_PER_DAY (24 * 60 * 60)

typedef struct
{
  gint64      id;
  const char *number;
  const char *name;
  const char *id_first17;     /* the check character is computed */
  const char *gender;
  const char *birth_date;
  const char *phone;
  const char *business_type;
  const char *status;         /* where its demo process stands */
  const char *org;            /* organisation that entered it, by name */
  const char *creator;        /* username */
  int         household_size;
  int         submitted_days_ago;
} DemoHousehold;

static const DemoHousehold households[] = {
  { 1, "GZF-2026-000001", "张建华", "43010219850312215", "male", "1985-03-12", "13874810101",
    "open_physical", "street_review", "银盆岭社区", "community_ypl", 3, 1 },
  { 2, "GZF-2026-000002", "李晓明", "43010219900725103", "male", "1990-07-25", "13874810102",
    "open_physical", "street_review", "银盆岭社区", "community_ypl", 2, 5 },
  { 3, "GZF-2026-000003", "王秀芳", "43010219781104302", "female", "1978-11-04", "13874810103",
    "open_subsidy", "street_review", "银盆岭社区", "community_ypl", 4, 16 },
  { 4, "GZF-2026-000004", "赵志强", "43010219920218401", "male", "1992-02-18", "13874810104",
    "open_physical", "center_review", "银盆岭社区", "community_ypl", 1, 20 },
  { 5, "GZF-2026-000005", "刘桂英", "43010219950630502", "female", "1995-06-30", "13874810105",
    "directed_physical", "center_review", "湖南湘江智造科技有限公司", "employer", 2, 4 },
  { 6, "GZF-2026-000006", "孙美丽", "43010219870909602", "female", "1987-09-09", "13874810106",
    "open_subsidy", "returned", "银盆岭社区", "community_ypl", 3, 9 },
  { 7, "GZF-2026-000007", "周国平", "43010219800101701", "male", "1980-01-01", "13874810107",
    "open_physical", "confirmed", "银盆岭社区", "community_ypl", 3, 60 },
  { 8, "GZF-2026-000008", "吴玉兰", "43010219830515802", "female", "1983-05-15", "13874810108",
    "open_subsidy", "rejected", "银盆岭社区", "community_ypl", 2, 50 },
  { 9, "GZF-2026-000009", "陈建军", "43010219760823901", "male", "1976-08-23", "13874810109",
    "open_physical", "street_review", "望月湖第一社区", "street_wyh", 4, 2 },
};

static gint64
lookup_id (AnjuDb      *db,
           const char  *sql,
           const char  *key,
           GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, sql, error);

  if (stmt == NULL)
    return 0;
  anju_db_bind_text (stmt, 1, key);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, "demo record missing", error))
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
insert_household (AnjuDb              *db,
                  const DemoHousehold *h,
                  const char          *id_no,
                  gint64               org_id,
                  gint64               creator_id,
                  gint64               submitted_at,
                  gint64               now,
                  GError             **error)
{
  gboolean decided = g_str_equal (h->status, "confirmed") || g_str_equal (h->status, "rejected");
  gboolean directed = g_str_has_prefix (h->business_type, "directed");
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
    "INSERT INTO pubrent_applications (id, application_no, business_type, status, org_id,"
    " admission_year, applicant_name, id_doc_type, id_no, phone, hukou_county_code,"
    " household_size, annual_income_per_capita, annual_income_total, floor_area_per_capita,"
    " floor_area_total, employer_name, submitted_at, submitted_by, decided_at, confirmed_at,"
    " created_by, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, 2026, ?6, 'resident_id', ?7, ?8, '430104', ?9,"
    " 3600000, 3600000 * ?9, 1200, 1200 * ?9, ?10, ?11, ?12, ?13, ?14, ?12, ?11, ?15)",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, h->id);
  anju_db_bind_text (stmt, 2, h->number);
  anju_db_bind_text (stmt, 3, h->business_type);
  anju_db_bind_text (stmt, 4, h->status);
  sqlite3_bind_int64 (stmt, 5, org_id);
  anju_db_bind_text (stmt, 6, h->name);
  anju_db_bind_text (stmt, 7, id_no);
  anju_db_bind_text (stmt, 8, h->phone);
  sqlite3_bind_int (stmt, 9, h->household_size);
  anju_db_bind_text (stmt, 10, directed ? "湖南湘江智造科技有限公司" : NULL);
  sqlite3_bind_int64 (stmt, 11, submitted_at);
  sqlite3_bind_int64 (stmt, 12, creator_id);
  if (decided)
    sqlite3_bind_int64 (stmt, 13, now - 25 * SECONDS_PER_DAY);
  if (g_str_equal (h->status, "confirmed"))
    sqlite3_bind_int64 (stmt, 14, now - 20 * SECONDS_PER_DAY);
  sqlite3_bind_int64 (stmt, 15, now);
  return anju_db_step_done (db, stmt, error);
}

static gboolean
insert_applicant (AnjuDb              *db,
                  const DemoHousehold *h,
                  const char          *id_no,
                  GError             **error)
{
  g_autofree char *member_no = g_strdup_printf ("%s-01", h->number);
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
    "INSERT INTO pubrent_members (application_id, position, member_no, relation, name,"
    " id_doc_type, id_no, gender, birth_date, ethnicity, phone, hukou_type, hukou_years,"
    " is_permanent_resident, marital_status, annual_income)"
    " VALUES (?1, 0, ?2, 'self', ?3, 'resident_id', ?4, ?5, ?6, 'han', ?7, 'urban', 6, 1,"
    " 'married', 3600000)",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, h->id);
  anju_db_bind_text (stmt, 2, member_no);
  anju_db_bind_text (stmt, 3, h->name);
  anju_db_bind_text (stmt, 4, id_no);
  anju_db_bind_text (stmt, 5, h->gender);
  anju_db_bind_text (stmt, 6, h->birth_date);
  anju_db_bind_text (stmt, 7, h->phone);
  return anju_db_step_done (db, stmt, error);
}

static gboolean
add_household (AnjuDb               *db,
               GBytes               *audit_key,
               const AnjuAuditActor *actor,
               const DemoHousehold  *h,
               gint64                now,
               GError              **error)
{
  g_autofree char *id_no = g_strdup_printf ("%s%c", h->id_first17,
                                            anju_id_number_check_char (h->id_first17));
  gint64 org_id = lookup_id (db, "SELECT id FROM organisations WHERE name = ?1", h->org, error);
  gint64 creator_id = org_id == 0 ? 0
    : lookup_id (db, "SELECT id FROM users WHERE username = ?1", h->creator, error);
  gint64 submitted_at = now - (gint64) h->submitted_days_ago * SECONDS_PER_DAY;

  return creator_id != 0
         && insert_household (db, h, id_no, org_id, creator_id, submitted_at, now, error)
         && insert_applicant (db, h, id_no, error)
         && anju_audit_record_as (db, audit_key, now, actor, "pubrent.application.create",
                                  "pubrent.application", h->id, NULL, NULL, error);
}

gboolean
anju_applications_populate_demo (AnjuDb     *db,
                                 GBytes     *audit_key,
                                 gint64      now,
                                 GError    **error)
{
  static const AnjuAuditActor system_actor = { .actor = ANJU_AUDIT_SYSTEM_ACTOR };
  g_auto(AnjuStmt) counter = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (households); i++)
    if (!add_household (db, audit_key, &system_actor, &households[i], now, error))
      return FALSE;

  counter = anju_db_prepare (db,
                             "INSERT INTO pubrent_application_counters (year, last) VALUES (2026, ?1)"
                             " ON CONFLICT (year) DO UPDATE SET last = max(last, excluded.last)",
                             error);
  if (counter == NULL)
    return FALSE;
  sqlite3_bind_int (counter, 1, G_N_ELEMENTS (households));
  return anju_db_step_done (db, counter, error);
}
