/* anju-route-table.h: finding the route of a request.
 *
 * Routes are tried in the order they were added; the first whose method
 * and pattern match wins (so "/units/export" added before "/units/{id}"
 * takes "export").  Only patterns with as many segments as the path are
 * tried, and a path is split once, into one allocation: every request
 * is looked up (twice: the early body-size check and the dispatch), and
 * a scan of every pattern split anew was most of the server's own work
 * for a request (issue 7).
 */
#pragma once

#include "anju-route.h"

G_BEGIN_DECLS

typedef struct _AnjuRouteTable AnjuRouteTable;

AnjuRouteTable  *anju_route_table_new    (void);
void             anju_route_table_free   (AnjuRouteTable  *self);
/* Adds route, which must outlive the table (the domains' static tables). */
void             anju_route_table_add    (AnjuRouteTable  *self,
                                          const AnjuRoute *route);
/* The route for method + path, or NULL; *out_path_known tells whether
 * some other method would have matched (405 rather than 404).  With
 * params, the {name} captures of the route found are inserted there
 * (name → segment, both owned by params). */
const AnjuRoute *anju_route_table_lookup (AnjuRouteTable  *self,
                                          const char      *method,
                                          const char      *path,
                                          GHashTable      *params,
                                          gboolean        *out_path_known);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuRouteTable, anju_route_table_free)

G_END_DECLS
