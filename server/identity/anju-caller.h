/* anju-caller.h: who is making a request, and what they may see.
 *
 * Built by the session check for every authenticated request.  Data scope
 * is the subtree of the caller's organisation: organisations carry a
 * materialised path ("/1/4/9/"), and a record is in scope when its owning
 * organisation's path starts with the caller's org_path.  The New Area
 * center is the root, so center users see everything; an enterprise or
 * supplier has no children, so its users see only their own records.
 *
 * Out of scope: reads answer 404 (never leak existence), actions 403.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AnjuCaller
{
  gint64      user_id;
  char       *username;
  char       *display_name;
  gint64      org_id;
  char       *org_path;              /* "/1/4/" */
  char       *org_kind;              /* "center", "street" … */
  char       *org_name;
  /* Set of permission ids.  Never changed once the caller is built:
   * copies share it (it is reference-counted, atomically). */
  GHashTable *permissions;
  gint64      session_id;
  gint64      session_expires_at;    /* seconds since the epoch */
  gboolean    must_change_password;
  /* The terminal whose signed request this is (its service user is the
   * caller); 0 for people (server/terminals/anju-terminal-auth.h). */
  gint64      terminal_id;
} AnjuCaller;

AnjuCaller *anju_caller_new                (void);
void        anju_caller_free               (AnjuCaller *self);
/* A copy, for work that runs in another thread than the request
 * (anju-db-worker.h) and for each request the session cache answers
 * (anju-session-cache.h): its own strings, and the same permission set,
 * which nobody changes, so the two may live in different threads. */
AnjuCaller *anju_caller_copy               (const AnjuCaller *self);
gboolean    anju_caller_has_permission     (const AnjuCaller *self,
                                            const char       *permission);
/* TRUE when a record owned by the organisation at org_path is in scope. */
gboolean    anju_caller_can_see_org_path   (const AnjuCaller *self,
                                            const char       *org_path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuCaller, anju_caller_free)

G_END_DECLS
