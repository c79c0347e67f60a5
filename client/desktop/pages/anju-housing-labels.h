/* anju-housing-labels.h: the words and numbers of the housing stock as
 * the desktop shows them (docs/api.md, "Housing stock"; F-PRH-011, 012).
 *
 * The API speaks in codes ("vacant", "two_bedroom") and in decimal
 * strings ("1250.00" yuan, "65.50" m²); people read translated names,
 * "¥1,250.00" and "65.50 m²".  A code this desktop does not know is
 * shown as it came, so a newer server never makes a row go blank.
 *
 * A unit's change log keeps each change as before/after objects; this
 * module turns one into the lines a person reads: the field's name,
 * then old → new, each value in the words of its field.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* "planning", "building", "operating", "closed" (NULL-terminated). */
const char * const *anju_project_status_codes  (void);
const char         *anju_project_status_label  (const char *status);

/* "vacant", "allocated", "leased" (NULL-terminated). */
const char * const *anju_unit_state_codes      (void);
const char         *anju_unit_state_label      (const char *state);

/* "studio", "one_bedroom", "two_bedroom", "three_bedroom". */
const char * const *anju_unit_layout_codes     (void);
const char         *anju_unit_layout_label     (const char *layout);

/* "long_vacancy", "needs_repair", "other". */
const char * const *anju_abnormal_kind_codes   (void);
const char         *anju_abnormal_kind_label   (const char *kind);

/* The name of a Unit member ("monthly_rent" → "Monthly rent"); the
 * member itself when unknown. */
const char         *anju_unit_field_label      (const char *member);
/* What a change log entry's "action" was ("abnormal.mark" …). */
const char         *anju_unit_change_action_label (const char *action);

/* "¥1,250.00" from "1250.00"; NULL for NULL; text that is no amount is
 * returned as it came. */
char *anju_housing_format_rent (const char *yuan);
/* "65.50 m²" from "65.50"; as above. */
char *anju_housing_format_area (const char *square_metres);

/* One value of a Unit member as a person reads it: labels for codes,
 * money and areas formatted (a JSON integer is taken as fen or 0.01 m²,
 * the stored unit), "—" for null or missing. */
char *anju_unit_value_text     (const char *member,
                                JsonNode   *value);

/* The lines of one change: "Monthly rent: ¥1,200.00 → ¥1,250.00" for
 * every member whose value differs between change's "before" and
 * "after" objects, in a fixed order (the Unit's members first), joined
 * by newlines.  An empty string when nothing differs. */
char *anju_unit_change_describe (JsonObject *change);

G_END_DECLS
