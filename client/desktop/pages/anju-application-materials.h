/* anju-application-materials.h: an application's materials (资料)
 * (F-PRH materials; docs/api.md, "Applications": ApplicationFile).
 *
 * A preferences group listing the files with their category, size and
 * who added them.  While the application is not decided, "Add…" uploads
 * a PDF, JPEG, PNG or Word file (anju_file_upload: POST /api/v1/files)
 * and attaches it with the chosen category (POST …/files); a file's
 * category changes from its drop-down (PATCH), and it can be removed
 * (DELETE, after asking).  Archived files are read-only.  Every file
 * can be saved to disk; images and PDFs can be previewed.
 *
 * ::changed tells the holder that the list changed on the server.
 */
#pragma once

#include <adwaita.h>

#include "anju-api-client.h"

G_BEGIN_DECLS

#define ANJU_TYPE_APPLICATION_MATERIALS (anju_application_materials_get_type ())
G_DECLARE_FINAL_TYPE (AnjuApplicationMaterials, anju_application_materials, ANJU, APPLICATION_MATERIALS, AdwPreferencesGroup)

GtkWidget *anju_application_materials_new       (AnjuApiClient            *client);
/* files: the application's "files" (ApplicationFile list; nullable).
 * editable: FALSE once the application is decided. */
void       anju_application_materials_set_files (AnjuApplicationMaterials *self,
                                                 gint64                    application_id,
                                                 JsonArray                *files,
                                                 gboolean                  editable);
/* Uploads and attaches file with category (as "Add…" after choosing). */
void       anju_application_materials_add_file  (AnjuApplicationMaterials *self,
                                                 GFile                    *file,
                                                 const char               *category);

G_END_DECLS
