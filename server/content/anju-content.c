/* anju-content.c: registering the portal content with the server.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-articles.h"
#include "anju-content.h"
#include "anju-feedback.h"
#include "anju-file-access.h"
#include "anju-files.h"
#include "anju-shortcuts.h"

typedef const AnjuRoute *(*RoutesFunc) (guint *n_routes);

void
anju_content_register (AnjuServer *server)
{
  static const RoutesFunc tables[] = {
    anju_files_get_routes,
    anju_articles_get_routes,
    anju_feedback_get_routes,
    anju_shortcuts_get_routes,
  };

  g_return_if_fail (ANJU_IS_SERVER (server));

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      guint n_routes = 0;
      const AnjuRoute *routes = tables[i] (&n_routes);

      anju_server_add_routes (server, routes, n_routes);
    }

  anju_file_access_add_reader (anju_file_access_get (server), anju_articles_file_reader, NULL,
                               NULL);
}
