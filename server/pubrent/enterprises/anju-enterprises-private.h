/* anju-enterprises-private.h: what the files of the operating enterprises
 * endpoints share.
 */
#pragma once

#include "anju-enterprise-store.h"
#include "anju-route.h"

G_BEGIN_DECLS

gint64    _anju_enterprises_now              (AnjuRequest        *request);
/* 404 when there is no such enterprise, 403 when it is outside the
 * caller's scope, 409 when it is purged and must_be_active.  Replies and
 * returns FALSE on any of them. */
gboolean  _anju_enterprises_load_for_action  (AnjuRequest        *request,
                                              gint64              id,
                                              gboolean            must_be_active,
                                              AnjuEnterpriseRef  *out_ref);
/* The Enterprise as the caller may see it (contact_phone in full only
 * with portal.user.pii). */
JsonNode *_anju_enterprises_json_for_caller  (AnjuRequest        *request,
                                              gint64              id,
                                              gboolean            with_projects,
                                              GError            **error);
/* The Enterprise for an audit row: phone masked, no projects. */
JsonNode *_anju_enterprises_json_for_audit   (AnjuRequest        *request,
                                              gint64              id,
                                              GError            **error);

/* POST /api/v1/pubrent/enterprises/{id}/account (anju-enterprise-account.c) */
extern const AnjuFieldSpec _anju_enterprises_account_body[];
void      _anju_enterprises_create_account   (AnjuRequest        *request);
/* POST /api/v1/pubrent/enterprises/{id}/purge (anju-enterprise-purge.c) */
extern const AnjuFieldSpec _anju_enterprises_purge_body[];
void      _anju_enterprises_purge            (AnjuRequest        *request);

G_END_DECLS
