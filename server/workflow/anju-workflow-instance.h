/* anju-workflow-instance.h: a process instance in memory and in the
 * database.
 *
 * States (docs/api.md): running → completed | rejected | withdrawn |
 * cancelled; running ⇄ returned; running or returned ⇄ paused, which
 * remembers the state it came from.  step_key is the step the instance
 * is at, or ended at.  Nothing here opens a transaction or audits.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-db.h"
#include "anju-workflow-template.h"

G_BEGIN_DECLS

typedef struct
{
  gint64          id;
  AnjuWfTemplate *template;      /* (owned) the version it runs on */
  char           *domain;
  gint64          record_id;
  char           *record_label;
  gint64          org_id;
  char           *org_path;      /* of org_id */
  gint64          submitter_id;  /* 0: started by anju-server */
  char           *state;
  char           *paused_from;   /* (nullable) */
  gint64          paused_at;
  JsonObject     *fields;        /* (owned) */
  char           *step_key;      /* (nullable) */
} AnjuWfInstance;

void              anju_wf_instance_free         (AnjuWfInstance *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuWfInstance, anju_wf_instance_free)

/* With its template version; ANJU_ERROR_NOT_FOUND when there is none. */
AnjuWfInstance   *anju_wf_instance_load         (AnjuDb          *db,
                                                 gint64           id,
                                                 GError         **error);
/* Inserts self (running, no step yet) and sets self->id. */
gboolean          anju_wf_instance_insert       (AnjuDb          *db,
                                                 AnjuWfInstance  *self,
                                                 gint64           now,
                                                 GError         **error);
/* Writes state, pause, fields and step; sets finished_at when the state
 * is a final one. */
gboolean          anju_wf_instance_save         (AnjuDb          *db,
                                                 const AnjuWfInstance *self,
                                                 gint64           now,
                                                 GError         **error);

gboolean          anju_wf_state_is_final        (const char      *state);
/* (nullable) The step of step_key. */
const AnjuWfStep *anju_wf_instance_step         (const AnjuWfInstance *self);

/* The live (running, returned or paused) instance of a record, or 0. */
gboolean          anju_wf_instance_find_live    (AnjuDb          *db,
                                                 const char      *domain,
                                                 gint64           record_id,
                                                 gint64          *out_id,
                                                 GError         **error);
/* The newest instance of a record (0 when none) and its state. */
gboolean          anju_wf_instance_find_latest  (AnjuDb          *db,
                                                 const char      *domain,
                                                 gint64           record_id,
                                                 gint64          *out_id,
                                                 char           **out_state,
                                                 GError         **error);

G_END_DECLS
