/* anju-field-error.h: the server's per-field messages, shown at the field.
 *
 * A 422 answer names each bad field ("fields": {"phone": "…"}).  Forms
 * keep a table of slots, one per field the server may name, each with
 * the row showing the field and a label in that row's suffix for the
 * message.  The row gets the "error" style and the invalid accessible
 * state, with the message as its accessible description, so the message
 * is read out when the field is focused.
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "anju-api-client.h"
#include "anju-record.h"

G_BEGIN_DECLS

typedef struct
{
  const char *field;     /* the API's member name: "phone", "role_ids" */
  GtkWidget  *row;       /* (unowned) the widget showing the field */
  GtkWidget  *label;     /* (unowned) a GtkLabel beside it, hidden when clear */
} AnjuFieldSlot;

/* message NULL clears the slot. */
void  anju_field_error_set    (const AnjuFieldSlot *slot,
                               const char          *message);
void  anju_field_errors_clear (const AnjuFieldSlot *slots,
                               guint                n_slots);
/* Shows every string member of fields at the slot of the same name and
 * returns how many were shown; fields may be NULL. */
guint anju_field_errors_show  (const AnjuFieldSlot *slots,
                               guint                n_slots,
                               JsonObject          *fields);

/* Shows why a save failed: for a validation failure the server's
 * messages at their fields (from anju_api_client_get_last_error_fields()),
 * anything else, or a message for no known field, in general_label. */
void  anju_field_errors_show_failure (const AnjuFieldSlot *slots,
                                      guint                n_slots,
                                      AnjuApiClient       *client,
                                      const GError        *error,
                                      GtkLabel            *general_label);

/* The record a save answered (transfer full), or NULL after showing why
 * there is none: the failure as anju_field_errors_show_failure() shows
 * it, or an answer that is no object, in general_label.  answer and
 * error are what anju_api_client_request_finish() gave. */
AnjuRecord *anju_field_errors_saved_record (const AnjuFieldSlot *slots,
                                            guint                n_slots,
                                            AnjuApiClient       *client,
                                            JsonNode            *answer,
                                            const GError        *error,
                                            GtkLabel            *general_label);

G_END_DECLS
