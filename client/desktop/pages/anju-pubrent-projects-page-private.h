/* anju-pubrent-projects-page-private.h: what the display test reads. */
#pragma once

#include "anju-pubrent-projects-page.h"
#include "anju-record.h"

G_BEGIN_DECLS

/* (nullable) the project whose details are shown, with "buildings". */
AnjuRecord *_anju_pubrent_projects_page_get_detail (AnjuPubrentProjectsPage *self);

G_END_DECLS
