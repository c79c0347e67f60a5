/* anju-applications-private.h: what the desktop UI tests reach inside
 * the application screens. */
#pragma once

#include "anju-application-editor.h"
#include "anju-application-view.h"
#include "anju-applications-page.h"
#include "anju-paged-model.h"
#include "anju-pubrent-member-dialog.h"
#include "anju-workflow-action-bar.h"

G_BEGIN_DECLS

/* The editor: ready when loaded and no save is on its way. */
gboolean               _anju_application_editor_is_ready        (AnjuApplicationEditor *self);
/* (nullable) The big button of a business type (only the allowed ones). */
GtkWidget             *_anju_application_editor_get_type_button (AnjuApplicationEditor *self,
                                                                 const char            *business_type);
/* (nullable) The row of a household field. */
GtkWidget             *_anju_application_editor_get_row         (AnjuApplicationEditor *self,
                                                                 const char            *member);
guint                  _anju_application_editor_get_n_members   (AnjuApplicationEditor *self);
/* Opens the member dialog of member index (as its Edit button does). */
AnjuPubrentMemberDialog *_anju_application_editor_edit_member   (AnjuApplicationEditor *self,
                                                                 guint                  index);
/* (nullable) The message shown at member index's row. */
const char            *_anju_application_editor_get_member_error (AnjuApplicationEditor *self,
                                                                  guint                  index);
/* (nullable) The banner's text while it is shown. */
const char            *_anju_application_editor_get_banner      (AnjuApplicationEditor *self);

AnjuPagedModel        *_anju_applications_page_get_model        (AnjuApplicationsPage  *self);
GtkColumnView         *_anju_applications_page_get_columns      (AnjuApplicationsPage  *self);
GtkDropDown           *_anju_applications_page_get_stage_filter (AnjuApplicationsPage  *self);

/* The detail window: the application as last loaded (nullable), whether
 * a load is on its way, its action bar. */
AnjuRecord            *_anju_application_view_get_application   (AnjuApplicationView   *self);
gboolean               _anju_application_view_is_loading        (AnjuApplicationView   *self);
AnjuWorkflowActionBar *_anju_application_view_get_action_bar    (AnjuApplicationView   *self);

G_END_DECLS
