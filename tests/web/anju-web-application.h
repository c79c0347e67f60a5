/* anju-web-application.h: an application of the demo data made for a
 * browser test, as the community worker of 银盆岭社区 enters one.
 *
 * One applicant (a household of one) with a Changsha hukou of five years
 * and low income and area, so that the pre-review passes: after submit it
 * is in `street_review`, in the scope of the street reviewer street_ypl
 * (银盆岭街道), who may add materials to it then.
 */
#pragma once

#include "anju-test-server.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *number;     /* "GZF-2026-000010" */
  char   *name;       /* the applicant's full name */
  char   *id_no;      /* the applicant's resident ID number */
  char   *phone;      /* the applicant's mobile phone */
} AnjuWebApplication;

/* Created and submitted through the API; fails the test otherwise.  seq
 * (three digits) makes the ID number unique among a test's applicants. */
AnjuWebApplication *anju_web_application_submit (AnjuTestServer     *server,
                                                 const char         *name,
                                                 const char         *seq);
void                anju_web_application_free   (AnjuWebApplication *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuWebApplication, anju_web_application_free)

G_END_DECLS
