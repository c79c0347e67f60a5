/* anju-kiosk-test.h: what the kiosk tests share: a demo server whose
 * sweeps run every second, two terminals registered through the registry
 * API (one of 银盆岭街道, one of 望月湖街道) with their signatures, and
 * applications a kiosk files and the review moves on. */
#pragma once

#include "anju-application-test.h"

G_BEGIN_DECLS

#define ANJU_KIOSK_PROGRESS_LIMIT 5

typedef struct
{
  AnjuTestServer *srv;
  char           *admin;          /* center_admin */
  char           *center;         /* center_staff 周敏 */
  char           *street;         /* street_staff of 银盆岭街道 */
  char           *ypl_terminal;   /* "Terminal <sn>:<credential>", 银盆岭街道 */
  char           *wyh_terminal;   /* the same of 望月湖街道 */
  gint64          ypl_terminal_id;
} AnjuKioskFixture;

void      anju_kiosk_fixture_set_up    (AnjuKioskFixture *fixture,
                                        gconstpointer     data);
void      anju_kiosk_fixture_tear_down (AnjuKioskFixture *fixture,
                                        gconstpointer     data);

/* Registers a terminal at the organisation named org_name through
 * POST /terminals and issues its credential; returns its Authorization
 * value and sets *out_id (nullable). */
char     *anju_kiosk_test_add_terminal (AnjuKioskFixture *fixture,
                                        const char       *sn,
                                        const char       *org_name,
                                        gint64           *out_id);
/* An open_physical application for one person (the applicant, ID number
 * of birth 1988-05-12 and seq) that passes the pre-review, created and
 * submitted by the terminal: in street_review.  Returns its id; the
 * number goes to *out_number (nullable). */
gint64    anju_kiosk_test_apply        (AnjuKioskFixture *fixture,
                                        const char       *terminal,
                                        const char       *name,
                                        const char       *seq,
                                        char            **out_number);
/* The street approves: street_publicity. */
void      anju_kiosk_test_street_approves (AnjuKioskFixture *fixture,
                                           gint64            id);
/* The street approves; the street publicity runs out (the clock moves
 * 8 days): center_review. */
void      anju_kiosk_test_through_street (AnjuKioskFixture *fixture,
                                          gint64            id);
/* The center's three steps and the New Area announcement: confirmed. */
void      anju_kiosk_test_through_center (AnjuKioskFixture *fixture,
                                          gint64            id);
/* Moves the server's clock on; the staff sign in again. */
void      anju_kiosk_test_advance_days (AnjuKioskFixture *fixture,
                                        int               days);

G_END_DECLS
