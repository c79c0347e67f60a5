/* anju-document-fields.c: the {{field}} names a template body may use.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "anju-document-fields.h"
#include "anju-document-render.h"

static const AnjuDocumentField list_fields[] = {
  { "title", N_("Title"), "湘江新区公共租赁住房保障资格街道公示" },
  { "issuer", N_("Issuer"), "湘江新区住房保障服务中心" },
  { "issue_date", N_("Issue date"), "2026年11月29日" },
  { "number", N_("Document number"), "GS-2026-000001" },
  { "count", N_("Number of households"), "3" },
  { "start_date", N_("Start of the period"), "2026年11月29日" },
  { "end_date", N_("End of the period"), "2026年12月6日" },
};

static const AnjuDocumentField form_fields[] = {
  { "title", N_("Title"), "公共租赁住房保障资格确认单" },
  { "issuer", N_("Issuer"), "湘江新区住房保障服务中心" },
  { "issue_date", N_("Issue date"), "2026年11月29日" },
  { "number", N_("Document number"), "QRD-2026-000001" },
  { "applicant_name", N_("Applicant"), "王小芳" },
  { "application_no", N_("Application number"), "GZF-2026-000123" },
  { "id_no", N_("ID number (masked)"), "430104********1234" },
  { "business_type", N_("Business type"), "非定向实物配租" },
  { "household_size", N_("Household size"), "3" },
  { "submitted_date", N_("Application date"), "2026年10月8日" },
  { "confirmed_date", N_("Confirmation date"), "2026年11月29日" },
  { "org_name", N_("Accepting organisation"), "银盆岭街道" },
  { "conclusion", N_("Conclusion"), "符合公共租赁住房保障条件，予以确认。" },
};

const AnjuDocumentField *
anju_document_fields_for_kind (const char *kind,
                               guint      *n_fields)
{
  if (anju_document_kind_is_list (kind))
    {
      *n_fields = G_N_ELEMENTS (list_fields);
      return list_fields;
    }
  if (g_strcmp0 (kind, "confirmation") == 0)
    {
      *n_fields = G_N_ELEMENTS (form_fields);
      return form_fields;
    }
  *n_fields = 0;
  return NULL;
}

static gboolean
is_field (const char *kind,
          const char *name)
{
  guint n_fields;
  const AnjuDocumentField *fields = anju_document_fields_for_kind (kind, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].name, name))
      return TRUE;
  return FALSE;
}

/* Calls func for every {{name}} of body; text between them goes to out
 * as it is when out is not NULL. */
typedef gboolean (*FieldFunc) (const char *name, GString *out, gpointer data);

static gboolean
scan_fields (const char *body,
             GString    *out,
             FieldFunc   func,
             gpointer    data)
{
  const char *p = body;
  const char *open;

  while ((open = strstr (p, "{{")) != NULL)
    {
      const char *close = strstr (open + 2, "}}");
      g_autofree char *name = NULL;

      if (close == NULL)
        break;
      if (out != NULL)
        g_string_append_len (out, p, open - p);
      name = g_strstrip (g_strndup (open + 2, close - open - 2));
      if (!func (name, out, data))
        return FALSE;
      p = close + 2;
    }
  if (out != NULL)
    g_string_append (out, p);
  return TRUE;
}

typedef struct
{
  const char *kind;
  char       *unknown;
} CheckData;

static gboolean
check_field (const char *name,
             GString    *out,
             gpointer    data)
{
  CheckData *check = data;

  if (is_field (check->kind, name))
    return TRUE;
  check->unknown = g_strdup (name);
  return FALSE;
}

gboolean
anju_document_fields_check (const char  *kind,
                            const char  *body,
                            char       **out_unknown)
{
  CheckData check = { kind, NULL };

  if (scan_fields (body, NULL, check_field, &check))
    return TRUE;
  *out_unknown = check.unknown;
  return FALSE;
}

static char *
format_date_or_empty (gint64 unix_secs)
{
  return unix_secs > 0 ? anju_document_format_date (unix_secs) : g_strdup ("");
}

/* Every field's value for content, by name. */
static GHashTable *
field_values (const AnjuDocumentContent *content)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (values, "title", g_strdup (content->title));
  g_hash_table_insert (values, "issuer", g_strdup (content->issuer));
  g_hash_table_insert (values, "issue_date", format_date_or_empty (content->issued_at));
  g_hash_table_insert (values, "number", g_strdup (content->number));
  g_hash_table_insert (values, "count", g_strdup_printf ("%u", content->applicants->len));
  g_hash_table_insert (values, "start_date", format_date_or_empty (content->period_start));
  g_hash_table_insert (values, "end_date", format_date_or_empty (content->period_end));
  g_hash_table_insert (values, "conclusion", g_strdup (content->conclusion));

  if (!anju_document_kind_is_list (content->kind) && content->applicants->len > 0)
    {
      AnjuDocumentApplicant *applicant = g_ptr_array_index (content->applicants, 0);

      g_hash_table_insert (values, "applicant_name", g_strdup (applicant->name));
      g_hash_table_insert (values, "application_no", g_strdup (applicant->application_no));
      g_hash_table_insert (values, "id_no", g_strdup (applicant->id_no));
      g_hash_table_insert (values, "business_type", g_strdup (applicant->business_type_label));
      g_hash_table_insert (values, "household_size", g_strdup_printf ("%d", applicant->household_size));
      g_hash_table_insert (values, "submitted_date", format_date_or_empty (applicant->submitted_at));
      g_hash_table_insert (values, "confirmed_date", format_date_or_empty (applicant->confirmed_at));
      g_hash_table_insert (values, "org_name", g_strdup (applicant->org_name));
    }
  return values;
}

static gboolean
fill_field (const char *name,
            GString    *out,
            gpointer    data)
{
  const char *value = g_hash_table_lookup (data, name);

  g_string_append (out, value != NULL ? value : "");
  return TRUE;
}

char *
anju_document_fields_fill (const char                *body,
                           const AnjuDocumentContent *content)
{
  g_autoptr(GHashTable) values = field_values (content);
  GString *out = g_string_new (NULL);

  scan_fields (body, out, fill_field, values);
  return g_string_free (out, FALSE);
}
