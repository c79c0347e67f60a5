/* anju-housing-export.h: a filtered list exported to a file on disk
 * (docs/api.md, "Exports"; F-PRH-012).
 *
 * An export endpoint takes the same filters as its list and answers the
 * file itself.  anju_housing_export_path() spells the request from the
 * filters a list's model holds now, so the file holds what the list
 * shows.  anju_housing_export() asks where, with the platform's file
 * chooser, downloads it there (anju_download_to_file_async()) and toasts
 * the outcome.
 */
#pragma once

#include <gtk/gtk.h>

#include "anju-api-client.h"
#include "anju-paged-model.h"

G_BEGIN_DECLS

/* export_path "/api/v1/pubrent/units/export"; filters: the names to
 * copy from model (NULL-terminated); format "xlsx" or "csv".  Transfer
 * full. */
char     *anju_housing_export_path   (AnjuPagedModel      *model,
                                      const char          *export_path,
                                      const char * const  *filters,
                                      const char          *format);

void      anju_housing_export        (GtkWidget           *widget,
                                      AnjuApiClient       *client,
                                      const char          *path,
                                      const char          *file_stem,
                                      const char          *format);

G_END_DECLS
