/* anju-housing-prompt.h: a short question with a few fields, asked in a
 * message dialog (mark a unit abnormal, clear the mark, name a building).
 *
 * The dialog shows a heading, a sentence and a group of rows below it;
 * each row is one member of the JSON object the answer makes.  The
 * answer button stays disabled while a required row is empty, so the
 * dialog never closes on a request the server must refuse for a missing
 * member.  Cancel (also Escape) is the default.  The page and the record
 * are kept alive until the dialog is answered; done is called only for
 * the answer button, with the object built from the rows.
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "anju-record.h"

G_BEGIN_DECLS

typedef void         (*AnjuHousingPromptDone)  (GtkWidget  *page,
                                                AnjuRecord *record,
                                                JsonNode   *body);
/* The translated label of a code, for choice rows. */
typedef const char * (*AnjuHousingLabelFunc)   (const char *code);

typedef struct _AnjuHousingPrompt AnjuHousingPrompt;

/* record: (nullable).  destructive: the answer is styled as such. */
AnjuHousingPrompt *anju_housing_prompt_new         (GtkWidget             *page,
                                                    AnjuRecord            *record,
                                                    const char            *heading,
                                                    const char            *body,
                                                    const char            *response_id,
                                                    const char            *response_label,
                                                    gboolean               destructive);
/* A text row; integer: the member is sent as a number (omitted when the
 * text is none). */
void               anju_housing_prompt_add_entry   (AnjuHousingPrompt     *prompt,
                                                    const char            *member,
                                                    const char            *title,
                                                    const char            *initial,
                                                    gboolean               required,
                                                    gboolean               integer);
/* A row choosing one of codes (NULL-terminated), the first preselected. */
void               anju_housing_prompt_add_choice  (AnjuHousingPrompt     *prompt,
                                                    const char            *member,
                                                    const char            *title,
                                                    const char * const    *codes,
                                                    AnjuHousingLabelFunc   label);
/* Shows the dialog; the prompt belongs to it from now on. */
GtkWidget         *anju_housing_prompt_present     (AnjuHousingPrompt     *prompt,
                                                    AnjuHousingPromptDone  done);

G_END_DECLS
