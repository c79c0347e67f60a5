/* anju-document-content.h: what one generated document says, ready to
 * be drawn.
 *
 * Gathered from the database by anju-document-data.h (or made up by
 * anju_document_content_new_example() for a template preview) and drawn
 * by anju-document-render.h.  Every text is final: the body has its
 * {{field}} names filled in, names are masked or not as the kind wants.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *application_no;
  char   *name;                /* as printed: masked on lists, full on forms */
  char   *masked_name;         /* always masked (verification, lists) */
  char   *id_no;               /* masked */
  char   *org_name;            /* the street or community that entered it */
  int     household_size;
  char   *business_type;       /* "open_physical" … */
  char   *business_type_label; /* "非定向实物配租" … */
  char   *status;
  gint64  submitted_at;        /* 0 when unknown */
  gint64  confirmed_at;        /* 0 when not yet */
} AnjuDocumentApplicant;

/* One step of the review as the confirmation form lists it. */
typedef struct
{
  char   *name;     /* "街道审核" */
  char   *result;   /* "通过" */
  char   *owner;    /* who decided: organisation or person */
  char   *opinion;  /* (nullable) */
  gint64  at;
} AnjuDocumentNode;

typedef struct
{
  char      *kind;         /* street_publicity | announcement | confirmation */
  char      *number;       /* "QRD-2026-000001" */
  char      *title;
  char      *issuer;
  char      *body;         /* filled in */
  GBytes    *logo_png;     /* (nullable) */
  int        font_size;    /* points */
  gint64     issued_at;
  gint64     period_start; /* lists: the publicity period, 0 when unknown */
  gint64     period_end;
  GPtrArray *applicants;   /* AnjuDocumentApplicant; one for a form */
  GPtrArray *nodes;        /* AnjuDocumentNode; forms only */
  char      *conclusion;   /* forms only */
  char      *verify_url;   /* forms only: what the QR code encodes */
} AnjuDocumentContent;

AnjuDocumentApplicant *anju_document_applicant_new  (void);
void                   anju_document_applicant_free (AnjuDocumentApplicant *applicant);
AnjuDocumentNode      *anju_document_node_new       (const char            *name,
                                                     const char            *result,
                                                     const char            *owner,
                                                     const char            *opinion,
                                                     gint64                 at);
void                   anju_document_node_free      (AnjuDocumentNode      *node);

AnjuDocumentContent   *anju_document_content_new    (const char            *kind);
void                   anju_document_content_free   (AnjuDocumentContent   *content);

/* True for the kinds that list several applications. */
gboolean               anju_document_kind_is_list   (const char            *kind);
/* "GS", "GG", "QRD"; NULL for an unknown kind. */
const char            *anju_document_kind_prefix    (const char            *kind);
/* The document kinds, NULL-terminated. */
extern const char * const anju_document_kinds[];

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuDocumentApplicant, anju_document_applicant_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuDocumentContent, anju_document_content_free)

G_END_DECLS
