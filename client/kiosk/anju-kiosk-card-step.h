/* anju-kiosk-card-step.h: "place your ID card on the reader", the step
 * that starts every flow needing the citizen's identity.
 *
 * A prompt and a large "Read ID card" button.  Reading goes through the
 * terminal's AnjuIdReader; the card is handed on by ::card-read (an
 * AnjuIdCard *, borrowed for the emission: copy what you keep).  Errors
 * are shown in place: no card asks to place it and retry; a reader fault
 * (corrupt frame, timeout, unplugged) says what happened, offers "Retry"
 * and asks the citizen to turn to staff if it goes on.  The reader itself
 * turns ERROR, so the next heartbeat reports it.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ANJU_TYPE_KIOSK_CARD_STEP (anju_kiosk_card_step_get_type ())
G_DECLARE_FINAL_TYPE (AnjuKioskCardStep, anju_kiosk_card_step, ANJU, KIOSK_CARD_STEP, GtkBox)

/* context: an AnjuKioskContext. */
GtkWidget *anju_kiosk_card_step_new   (gpointer           context);
/* Cancels a read under way and clears the message. */
void       anju_kiosk_card_step_reset (AnjuKioskCardStep *self);
/* Starts a read, as the button does. */
void       anju_kiosk_card_step_read  (AnjuKioskCardStep *self);

G_END_DECLS
