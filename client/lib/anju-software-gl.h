/* anju-software-gl.h: no OpenGL drawing where OpenGL is software.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 draws through OpenGL whenever the display offers it.  On a
 * machine without a GPU (a virtual machine, a thin client, a terminal
 * without graphics, Xvfb) that OpenGL is Mesa's llvmpipe: opening the
 * display loads LLVM, every new window compiles its shaders on the CPU
 * and every frame is rasterised by llvmpipe's threads.  Measured on
 * anju-desktop (issue 7): ~0.4 s of CPU and ~110 MB of memory before the
 * sign-in window is shown, and more again for the main window, where
 * GTK's cairo renderer needs neither.  GTK 4.14 stopped using its GPU
 * renderers on llvmpipe; this does the same for the GTK of Debian 12.
 *
 * Without a DRM render node (/dev/dri/renderD*) there is no hardware
 * OpenGL on the machine, so anju_software_gl_avoid() sets
 * GDK_DEBUG=gl-disable and GSK_RENDERER=cairo before GTK starts.  A
 * GDK_DEBUG or GSK_RENDERER the user set is left alone: it wins.
 * Called from main() of anju-desktop and anju-kiosk, before any thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when dri_dir ("/dev/dri") has no render node "renderD…". */
gboolean anju_software_gl_only  (const char *dri_dir);
/* Sets GDK_DEBUG=gl-disable and GSK_RENDERER=cairo when
 * anju_software_gl_only ("/dev/dri") and neither is set; TRUE when it did. */
gboolean anju_software_gl_avoid (void);

G_END_DECLS
