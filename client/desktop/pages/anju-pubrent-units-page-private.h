/* anju-pubrent-units-page-private.h: what the display test needs to
 * drive the units page the way a person would. */
#pragma once

#include "anju-paged-model.h"
#include "anju-pubrent-units-page.h"

G_BEGIN_DECLS

/* The filter widgets: "q" (GtkSearchEntry), "project_id",
 * "building_id", "state", "layout" (GtkDropDowns), "abnormal"
 * (GtkCheckButton); or NULL. */
GtkWidget      *_anju_pubrent_units_page_get_filter (AnjuPubrentUnitsPage *self,
                                                     const char           *name);
AnjuPagedModel *_anju_pubrent_units_page_get_model  (AnjuPubrentUnitsPage *self);
/* The position of a state or layout code in its drop-down. */
guint           _anju_pubrent_units_page_filter_position (const char *name,
                                                          const char *code);

G_END_DECLS
