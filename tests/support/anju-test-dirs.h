/* anju-test-dirs.h: a private home for one test process.
 *
 * Points HOME and the XDG directories at a fresh temporary directory,
 * removed when the process exits, so tests never read or write the real
 * user's files (trusted servers, caches, GStreamer registry …).
 *
 * Used instead of G_TEST_OPTION_ISOLATE_DIRS: GLib 2.74 keeps the strings
 * that option sets for every test case until exit, which LeakSanitizer
 * reports from every test binary, and its stacks (GLib has no frame
 * pointers) are too short for a suppression to tell that leak from ours.
 *
 * Call before g_test_init() and before anything asks GLib for a user
 * directory: GLib reads them once.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void anju_test_isolate_dirs (void);
/* Empties the private directories again, for a test that needs a clean
 * slate after another test of the same process wrote there. */
void anju_test_clear_dirs   (void);

G_END_DECLS
