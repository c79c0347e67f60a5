/* anju-kiosk-screen.h: one service screen of the kiosk.
 *
 * The window keeps one screen per module key ("publicity", "policy",
 * "guides", "apply", "progress", "print", "honor_roll", "staff") in a
 * GtkStack.  Each screen is a GtkWidget implementing this interface, built
 * with g_object_new (type, "context", context, NULL), and must forget
 * every piece of personal data in reset(): the idle timeout and "home"
 * call it, and a test asserts that nothing of the citizen is left in the
 * screen's widgets afterwards.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ANJU_TYPE_KIOSK_SCREEN (anju_kiosk_screen_get_type ())
G_DECLARE_INTERFACE (AnjuKioskScreen, anju_kiosk_screen, ANJU, KIOSK_SCREEN, GtkWidget)

struct _AnjuKioskScreenInterface
{
  GTypeInterface parent_iface;

  /* Shown again from the home screen: load fresh data. */
  void (*activate) (AnjuKioskScreen *self);
  /* Wipe every piece of personal data from memory and from the widgets,
   * stop devices the screen started, cancel what it is waiting for. */
  void (*reset)    (AnjuKioskScreen *self);
};

void anju_kiosk_screen_activate (AnjuKioskScreen *self);
void anju_kiosk_screen_reset    (AnjuKioskScreen *self);

G_END_DECLS
