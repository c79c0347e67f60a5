/* anju-terminal-labels.h: the words of the terminal back office as the
 * desktop shows them (docs/api.md, "Service terminals"; F-TERM-001,
 * -002, -003).
 *
 * The API speaks in codes ("enabled", "id_reader", "terminal_offline",
 * "honor_roll"); people read translated names.  Unknown codes come back
 * as they are, so a newer server never shows an empty cell.  Also here:
 * how a peripheral's state is coloured, how a change row of a terminal
 * reads ("Name: old → new" per changed field) and the {"items": […]}
 * answers without paging turned into list models.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  ANJU_TERMINAL_SEVERITY_NORMAL,   /* ok */
  ANJU_TERMINAL_SEVERITY_WARNING,  /* missing, disabled, anything unknown */
  ANJU_TERMINAL_SEVERITY_ERROR,    /* error */
} AnjuTerminalSeverity;

/* "enabled" → "Enabled". */
const char          *anju_terminal_state_label            (const char *state);
const char          *anju_terminal_online_label           (gboolean    online);

/* The four peripheral kinds in the order the API lists them
 * (NULL-terminated), and their names. */
const char * const  *anju_terminal_peripheral_kind_codes  (void);
const char          *anju_terminal_peripheral_label       (const char *kind);
/* "ok", "missing", "error", "disabled" as a person reads them. */
const char          *anju_terminal_peripheral_state_label (const char *state);
AnjuTerminalSeverity anju_terminal_peripheral_severity    (const char *state);
/* The libadwaita style class of a severity: "success", "warning", "error". */
const char          *anju_terminal_severity_style         (AnjuTerminalSeverity severity);

/* The seven home-screen modules in their default order (NULL-terminated)
 * and their names; the themes likewise. */
const char * const  *anju_terminal_module_keys            (void);
const char          *anju_terminal_module_label           (const char *key);
const char * const  *anju_terminal_theme_codes            (void);
const char          *anju_terminal_theme_label            (const char *theme);

/* Alerts: "terminal_offline" / "peripheral_fault", and "open",
 * "handled", "recovered". */
const char          *anju_terminal_alert_kind_label       (const char *kind);
const char          *anju_terminal_alert_state_label      (const char *state);

/* A change row's "action" ("update", "credential.issue", also with the
 * audit prefix "terminal.") as a person reads it. */
const char          *anju_terminal_change_action_label    (const char *action);
/* A Terminal or Layout member ("person_in_charge") in words. */
const char          *anju_terminal_field_label            (const char *member);
/* One value of member in words: null "—", an {"name"} object its name,
 * peripherals as "Camera: on (model)…" (transfer full). */
char                *anju_terminal_value_text             (const char *member,
                                                           JsonNode   *value);
/* The lines "Field: old → new" of every member that differs between
 * change's "before" and "after" (either may be null), known fields
 * first, then the others by name; "" when nothing differs (transfer
 * full). */
char                *anju_terminal_change_describe        (JsonObject *change);

/* The "items" of an answer {"items": [objects]} as a GListStore of
 * AnjuRecord (transfer full); NULL with ANJU_ERROR_MALFORMED when the
 * answer has no such array. */
GListStore          *anju_terminal_records_from_answer    (JsonNode   *answer,
                                                           GError    **error);

G_END_DECLS
