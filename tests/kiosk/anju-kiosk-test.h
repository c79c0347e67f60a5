/* anju-kiosk-test.h: drive anju-kiosk through its real window.
 *
 * For GLib tests run under `dbus-run-session -- xvfb-run -a`.  Each kiosk
 * is a real terminal of a real server: registered through the registry
 * API in 银盆岭街道 as admin, with a credential issued for it, and a
 * kiosk.conf with every peripheral on its simulator (camera
 * videotestsrc, libfprint's virtual device on a temporary socket without
 * autoscan, the ID-card simulator program, the file printer in a
 * temporary directory).  The window is built as anju-kiosk builds it,
 * but not fullscreen.  Every wait iterates the main context until a
 * condition holds, with a deadline that only catches a hang.
 *
 * The simulator program is named by the environment variable
 * ANJU_IDCARD_SIMULATOR, which tests/kiosk/meson.build sets.
 */
#pragma once

#include <adwaita.h>

#include "anju-kiosk-context.h"
#include "anju-kiosk-window.h"
#include "anju-test-display.h"
#include "anju-test-server.h"

G_BEGIN_DECLS

/* The maintenance PIN of every test kiosk. */
#define ANJU_KIOSK_TEST_PIN  "135790"

typedef struct
{
  AnjuTestServer  *server;             /* borrowed */
  char            *admin_token;        /* admin's session */
  gint64           org_id;             /* 银盆岭街道 */
  gint64           terminal_id;
  char            *sn;
  char            *terminal_no;
  char            *credential;
  char            *dir;                /* temporary: config, prints, socket */
  char            *config_path;
  char            *print_dir;          /* the file printer's output */
  char            *fingerprint_socket; /* FP_VIRTUAL_DEVICE's socket */
  AnjuKioskWindow *window;             /* (nullable) after it quit */
  /* private */
  GPtrArray       *watched;            /* weak refs checked at free */
} AnjuKioskTest;

/* Changes the kiosk.conf the fixture wrote, before the kiosk reads it
 * (e.g. [terminal] idle_timeout_seconds = 1). */
typedef void (*AnjuKioskTestEditConfig) (GKeyFile *config,
                                         gpointer  data);

/* Registers the terminal, writes its config (edit may change it), builds
 * and presents the window and waits until its home is shown and its
 * first heartbeat answered. */
AnjuKioskTest  *anju_kiosk_test_new           (AnjuTestServer          *server,
                                               AnjuKioskTestEditConfig  edit,
                                               gpointer                 data);
/* Destroys the window (unless it is gone already) and fails the test
 * when the window, the context, its API client or devices outlive it. */
void            anju_kiosk_test_free          (AnjuKioskTest           *self);

/* A request as admin (signing in again when the clock moved past the
 * session).  body is JSON text or NULL. */
JsonNode       *anju_kiosk_test_admin_request (AnjuKioskTest           *self,
                                               const char              *method,
                                               const char              *path,
                                               const char              *body,
                                               guint                   *out_status);

AnjuKioskContext *anju_kiosk_test_get_context (AnjuKioskTest           *self);
/* Shows the screen of key through the context, as a tile does, and
 * returns it. */
GtkWidget      *anju_kiosk_test_show_screen   (AnjuKioskTest           *self,
                                               const char              *key);
/* One heartbeat now; returns once the server answered it. */
void            anju_kiosk_test_heartbeat     (AnjuKioskTest           *self);
/* A command line for the ID-card simulator ("remove", "corrupt-next",
 * "unplug" …). */
void            anju_kiosk_test_simulator     (AnjuKioskTest           *self,
                                               const char              *command);
/* Puts a card on the simulated reader: writes a card file (sex "1" or
 * "2"; the other fields of a Yuelu resident) and sends "insert FILE". */
void            anju_kiosk_test_insert_card   (AnjuKioskTest           *self,
                                               const char              *name,
                                               const char              *sex,
                                               const char              *id_no);
/* Waits until the window's state ("kiosk", "stopped" …) is state. */
void            anju_test_display_wait_for_state  (AnjuKioskTest         *self,
                                                 const char            *state);
/* Waits until the screen shown is key ("home" …). */
void            anju_test_display_wait_for_screen (AnjuKioskTest         *self,
                                                 const char            *key);

/* Depth-first searches below (and including) root; NULL when none. */
/* The widget with that id in its .ui file. */
GtkWidget      *anju_kiosk_test_find_id       (GtkWidget               *root,
                                               const char              *id);
/* The same, failing the test when there is none. */
GtkWidget      *anju_kiosk_test_child         (GtkWidget               *root,
                                               const char              *id);
/* A widget whose gtk_widget_get_name() is name (tiles: their key). */
GtkWidget      *anju_kiosk_test_find_named    (GtkWidget               *root,
                                               const char              *name);
GtkWidget      *anju_kiosk_test_find_label    (GtkWidget               *root,
                                               const char              *text);
/* A visible label that contains text. */
GtkWidget      *anju_kiosk_test_find_label_containing (GtkWidget       *root,
                                                       const char      *text);
/* A button whose label (or whose child label) is label. */
GtkWidget      *anju_kiosk_test_find_button   (GtkWidget               *root,
                                               const char              *label);
/* TRUE when a visible label below root contains text. */
gboolean        anju_kiosk_test_shows_text    (GtkWidget               *root,
                                               const char              *text);

/* Emits "clicked" on a button that must be sensitive. */
void            anju_kiosk_test_click         (GtkWidget               *button);
/* Finds the button labelled label below root and clicks it. */
void            anju_kiosk_test_click_label   (GtkWidget               *root,
                                               const char              *label);
void            anju_kiosk_test_set_text      (GtkWidget               *editable,
                                               const char              *text);

G_END_DECLS
