/* anju-permission-matrix.h: which permissions a role holds, as check
 * buttons grouped by module (F-PORTAL-018).
 *
 * Built from the shared catalogue (anju-permissions.h), so every
 * permission the server knows has a row, labelled in the user's language
 * with its id underneath for administrators who read docs/permissions.md.
 * Ids the catalogue does not know (a newer server) are kept as they came
 * and handed back unchanged, so saving a role never drops them.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ANJU_TYPE_PERMISSION_MATRIX (anju_permission_matrix_get_type ())
G_DECLARE_FINAL_TYPE (AnjuPermissionMatrix, anju_permission_matrix, ANJU, PERMISSION_MATRIX, AdwBin)

GtkWidget  *anju_permission_matrix_new          (void);
/* granted: NULL-terminated ids (nullable: none).  Emits nothing. */
void        anju_permission_matrix_set_granted  (AnjuPermissionMatrix *self,
                                                 const char * const   *granted);
/* The checked ids in catalogue order, then the unknown ones kept. */
char      **anju_permission_matrix_get_granted  (AnjuPermissionMatrix *self);
/* Only the permissions in editable_ids (nullable: none) can be changed:
 * a system role none, a custom one those the signed-in user may grant. */
void        anju_permission_matrix_set_editable (AnjuPermissionMatrix *self,
                                                 const char * const   *editable_ids);
/* The check button of one permission, or NULL. */
GtkWidget  *anju_permission_matrix_get_check    (AnjuPermissionMatrix *self,
                                                 const char           *permission_id);

G_END_DECLS
