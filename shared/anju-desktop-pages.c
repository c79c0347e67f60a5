/* anju-desktop-pages.c: the list behind anju-desktop-pages.h. */
#include "config.h"

#include "anju-desktop-pages.h"

const char * const anju_desktop_pages[] = {
  "home",
  "todo",
  "messages",
  "news",
  "notices",
  "guides",
  "feedback",
  "pubrent-applications",
  "pubrent-publicity",
  "pubrent-documents",
  "pubrent-document-templates",
  "pubrent-statistics",
  "pubrent-projects",
  "pubrent-units",
  "pubrent-enterprises",
  "pubrent-settings",
  "terminals",
  "terminal-status",
  "terminal-publicity",
  "terminal-policy",
  "honor-roll",
  "identity-captures",
  "workflow-templates",
  "workflow-instances",
  "message-settings",
  "organisations",
  "users",
  "roles",
  "audit",
  "account",
  NULL
};

gboolean
anju_desktop_page_is_known (const char *name)
{
  return name != NULL && g_strv_contains (anju_desktop_pages, name);
}
