/* anju-workflow-condition.h: the conditions of skip_when and branches.
 *
 * A condition is {"field", "op", "value"} over the instance's fields:
 * eq ne gt ge lt le compare with value (numbers as numbers, strings as
 * text; an ordering between a number and a string never holds), in looks
 * for the field's value in the array value, set and unset (no value)
 * ask whether the field is there and not null.  A missing field equals
 * nothing, so "ne" holds for it.  A list of conditions holds when every
 * one does (the empty list always holds).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "anju-workflow-template.h"

G_BEGIN_DECLS

/* Reads a condition list at path; node may be absent (NULL) or JSON null,
 * both an empty list.  Returns the normalised list (also when there were
 * problems, which are in check). */
JsonArray *anju_wf_conditions_read (AnjuWfCheck *check,
                                    const char  *path,
                                    JsonNode    *node);
gboolean   anju_wf_conditions_hold (JsonArray   *conditions,
                                    JsonObject  *fields);

G_END_DECLS
