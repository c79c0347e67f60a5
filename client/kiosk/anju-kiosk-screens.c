/* anju-kiosk-screens.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "anju-kiosk-apply-screen.h"
#include "anju-kiosk-articles-screen.h"
#include "anju-kiosk-context.h"
#include "anju-kiosk-honor-screen.h"
#include "anju-kiosk-print-screen.h"
#include "anju-kiosk-progress-screen.h"
#include "anju-kiosk-screens.h"
#include "anju-kiosk-staff-screen.h"

static const AnjuKioskScreenInfo screens[] = {
  { "publicity", NC_("kiosk module", "Public notices"), "preferences-system-notifications-symbolic",
    anju_kiosk_articles_screen_get_type, "publicity" },
  { "policy", NC_("kiosk module", "Policy publicity"), "x-office-document-symbolic",
    anju_kiosk_articles_screen_get_type, "policy" },
  { "guides", NC_("kiosk module", "Business guides"), "help-contents-symbolic",
    anju_kiosk_articles_screen_get_type, "guide" },
  { "apply", NC_("kiosk module", "Apply for public rental housing"), "document-edit-symbolic",
    anju_kiosk_apply_screen_get_type, NULL },
  { "progress", NC_("kiosk module", "Progress query"), "system-search-symbolic",
    anju_kiosk_progress_screen_get_type, NULL },
  { "print", NC_("kiosk module", "Print documents"), "printer-symbolic",
    anju_kiosk_print_screen_get_type, NULL },
  { "honor_roll", NC_("kiosk module", "Honor roll"), "starred-symbolic",
    anju_kiosk_honor_screen_get_type, NULL },
  /* No tile: the home's staff button opens it. */
  { "staff", NC_("kiosk module", "Staff"), "avatar-default-symbolic",
    anju_kiosk_staff_screen_get_type, NULL },
};

const AnjuKioskScreenInfo *
anju_kiosk_screens_get_all (guint *n_screens)
{
  g_return_val_if_fail (n_screens != NULL, NULL);

  *n_screens = G_N_ELEMENTS (screens);
  return screens;
}

const char *
anju_kiosk_screens_get_title (const AnjuKioskScreenInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return g_dpgettext2 (NULL, "kiosk module", info->title);
}

const AnjuKioskScreenInfo *
anju_kiosk_screens_lookup (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    if (g_strcmp0 (screens[i].key, key) == 0)
      return &screens[i];

  return NULL;
}

GtkWidget *
anju_kiosk_screens_create (const AnjuKioskScreenInfo *info,
                           gpointer                   context)
{
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (ANJU_IS_KIOSK_CONTEXT (context), NULL);

  if (info->kind != NULL)
    return g_object_new (info->get_type (), "context", context, "kind", info->kind, NULL);

  return g_object_new (info->get_type (), "context", context, NULL);
}
