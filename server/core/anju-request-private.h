/* anju-request-private.h: what the server core does with a request that
 * handlers do not. */
#pragma once

#include "anju-request.h"
#include "anju-route.h"

G_BEGIN_DECLS

AnjuRequest     *_anju_request_new           (AnjuServer        *server,
                                              SoupServerMessage *msg,
                                              const AnjuRoute   *route,
                                              GHashTable        *path_params,
                                              GHashTable        *query);
void             _anju_request_set_caller    (AnjuRequest       *self,
                                              AnjuCaller        *caller);
void             _anju_request_set_token     (AnjuRequest       *self,
                                              const char        *token);
gboolean         _anju_request_has_replied   (AnjuRequest       *self);
const AnjuRoute *_anju_request_get_route     (AnjuRequest       *self);
/* Writes an error body straight to a message that has no request yet. */
void             _anju_reply_message_error   (SoupServerMessage *msg,
                                              AnjuErrorCode      code,
                                              const char        *message);

G_END_DECLS
