/* anju-test-qr-y4m.h: a fake camera's video for the browser tests.
 *
 * Chromium's --use-file-for-fake-video-capture plays a YUV4MPEG2 file in
 * a loop as the camera.  This writes one whose picture is a QR code
 * (libqrencode, black modules on white, four modules of quiet zone, each
 * module scale × scale pixels) centred on a white frame, or a white frame
 * alone (text NULL).  Chromium reads the file when a page starts the
 * camera, not at launch, so a test may rewrite it between the two with
 * the same frame size.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ANJU_TEST_Y4M_WIDTH  640
#define ANJU_TEST_Y4M_HEIGHT 480

gboolean anju_test_qr_y4m_write (const char  *path,
                                 const char  *text,
                                 int          scale,
                                 GError     **error);

G_END_DECLS
