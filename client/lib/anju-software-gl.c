/* anju-software-gl.c: no OpenGL drawing where OpenGL is software.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "anju-software-gl.h"

gboolean
anju_software_gl_only (const char *dri_dir)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (dri_dir != NULL, TRUE);

  /* No directory at all is the common case of a machine without a GPU. */
  dir = g_dir_open (dri_dir, 0, NULL);
  if (dir == NULL)
    return TRUE;

  /* Only a render node proves a GPU that Mesa can drive: cardN alone
   * may be a display controller without 3D (simpledrm, a BMC). */
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return FALSE;
  return TRUE;
}

gboolean
anju_software_gl_avoid (void)
{
  if (g_getenv ("GDK_DEBUG") != NULL || g_getenv ("GSK_RENDERER") != NULL)
    return FALSE;
  if (!anju_software_gl_only ("/dev/dri"))
    return FALSE;

  /* gl-disable keeps GDK from loading Mesa at all; naming the cairo
   * renderer keeps GSK from trying GL first and logging its failure for
   * every window. */
  return g_setenv ("GDK_DEBUG", "gl-disable", TRUE)
         && g_setenv ("GSK_RENDERER", "cairo", TRUE);
}
