/* anju-document-content.c: what one generated document says.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-document-content.h"

const char * const anju_document_kinds[] = { "street_publicity", "announcement", "confirmation", NULL };

AnjuDocumentApplicant *
anju_document_applicant_new (void)
{
  return g_new0 (AnjuDocumentApplicant, 1);
}

void
anju_document_applicant_free (AnjuDocumentApplicant *applicant)
{
  if (applicant == NULL)
    return;
  g_free (applicant->application_no);
  g_free (applicant->name);
  g_free (applicant->masked_name);
  g_free (applicant->id_no);
  g_free (applicant->org_name);
  g_free (applicant->business_type);
  g_free (applicant->business_type_label);
  g_free (applicant->status);
  g_free (applicant);
}

AnjuDocumentNode *
anju_document_node_new (const char *name,
                        const char *result,
                        const char *owner,
                        const char *opinion,
                        gint64      at)
{
  AnjuDocumentNode *node = g_new0 (AnjuDocumentNode, 1);

  node->name = g_strdup (name);
  node->result = g_strdup (result);
  node->owner = g_strdup (owner);
  node->opinion = g_strdup (opinion);
  node->at = at;
  return node;
}

void
anju_document_node_free (AnjuDocumentNode *node)
{
  if (node == NULL)
    return;
  g_free (node->name);
  g_free (node->result);
  g_free (node->owner);
  g_free (node->opinion);
  g_free (node);
}

AnjuDocumentContent *
anju_document_content_new (const char *kind)
{
  AnjuDocumentContent *content = g_new0 (AnjuDocumentContent, 1);

  content->kind = g_strdup (kind);
  content->font_size = 12;
  content->applicants = g_ptr_array_new_with_free_func ((GDestroyNotify) anju_document_applicant_free);
  content->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) anju_document_node_free);
  return content;
}

void
anju_document_content_free (AnjuDocumentContent *content)
{
  if (content == NULL)
    return;
  g_free (content->kind);
  g_free (content->number);
  g_free (content->title);
  g_free (content->issuer);
  g_free (content->body);
  g_clear_pointer (&content->logo_png, g_bytes_unref);
  g_ptr_array_unref (content->applicants);
  g_ptr_array_unref (content->nodes);
  g_free (content->conclusion);
  g_free (content->verify_url);
  g_free (content);
}

gboolean
anju_document_kind_is_list (const char *kind)
{
  return g_strcmp0 (kind, "street_publicity") == 0 || g_strcmp0 (kind, "announcement") == 0;
}

const char *
anju_document_kind_prefix (const char *kind)
{
  if (g_strcmp0 (kind, "street_publicity") == 0)
    return "GS";
  if (g_strcmp0 (kind, "announcement") == 0)
    return "GG";
  if (g_strcmp0 (kind, "confirmation") == 0)
    return "QRD";
  return NULL;
}
