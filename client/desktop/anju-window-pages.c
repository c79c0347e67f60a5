/* anju-window-pages.c: the table behind the main window's sidebar. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-account-page.h"
#include "anju-applications-page.h"
#include "anju-article-pages.h"
#include "anju-audit-page.h"
#include "anju-document-templates-page.h"
#include "anju-documents-page.h"
#include "anju-enterprises-page.h"
#include "anju-feedback-page.h"
#include "anju-home-page.h"
#include "anju-honor-roll-page.h"
#include "anju-identity-captures-page.h"
#include "anju-message-settings-page.h"
#include "anju-messages-page.h"
#include "anju-organisations-page.h"
#include "anju-permissions.h"
#include "anju-pubrent-projects-page.h"
#include "anju-pubrent-units-page.h"
#include "anju-pubrent-settings-page.h"
#include "anju-pubrent-statistics-page.h"
#include "anju-publicity-page.h"
#include "anju-roles-page.h"
#include "anju-terminal-status-page.h"
#include "anju-terminals-page.h"
#include "anju-todo-page.h"
#include "anju-users-page.h"
#include "anju-window-pages.h"
#include "anju-workflow-instances-page.h"
#include "anju-workflow-templates-page.h"

/* The pages' reload functions take their own type; these adapt them to
 * the table's GtkWidget signature without casting function pointers. */
static void
reload_home (GtkWidget *page)
{
  anju_home_page_reload (ANJU_HOME_PAGE (page));
}

static void
reload_todo (GtkWidget *page)
{
  anju_todo_page_reload (ANJU_TODO_PAGE (page));
}

static void
reload_organisations (GtkWidget *page)
{
  anju_organisations_page_reload (ANJU_ORGANISATIONS_PAGE (page));
}

static void
reload_users (GtkWidget *page)
{
  anju_users_page_reload (ANJU_USERS_PAGE (page));
}

static void
reload_roles (GtkWidget *page)
{
  anju_roles_page_reload (ANJU_ROLES_PAGE (page));
}

static void
reload_audit (GtkWidget *page)
{
  anju_audit_page_reload (ANJU_AUDIT_PAGE (page));
}

static void
reload_workflow_templates (GtkWidget *page)
{
  anju_workflow_templates_page_reload (ANJU_WORKFLOW_TEMPLATES_PAGE (page));
}

static void
reload_workflow_instances (GtkWidget *page)
{
  anju_workflow_instances_page_reload (ANJU_WORKFLOW_INSTANCES_PAGE (page));
}

static void
reload_messages (GtkWidget *page)
{
  anju_messages_page_reload (ANJU_MESSAGES_PAGE (page));
}

static void
reload_message_settings (GtkWidget *page)
{
  anju_message_settings_page_reload (ANJU_MESSAGE_SETTINGS_PAGE (page));
}

static void
reload_account (GtkWidget *page)
{
  anju_account_page_reload (ANJU_ACCOUNT_PAGE (page));
}

static void
reload_articles (GtkWidget *page)
{
  anju_articles_page_reload (ANJU_ARTICLES_PAGE (page));
}

static void
reload_feedback (GtkWidget *page)
{
  anju_feedback_page_reload (ANJU_FEEDBACK_PAGE (page));
}

static void
reload_pubrent_projects (GtkWidget *page)
{
  anju_pubrent_projects_page_reload (ANJU_PUBRENT_PROJECTS_PAGE (page));
}

static void
reload_pubrent_units (GtkWidget *page)
{
  anju_pubrent_units_page_reload (ANJU_PUBRENT_UNITS_PAGE (page));
}

static void
reload_pubrent_settings (GtkWidget *page)
{
  anju_pubrent_settings_page_reload (ANJU_PUBRENT_SETTINGS_PAGE (page));
}

static void
reload_pubrent_statistics (GtkWidget *page)
{
  anju_pubrent_statistics_page_reload (ANJU_PUBRENT_STATISTICS_PAGE (page));
}

static void
reload_documents (GtkWidget *page)
{
  anju_documents_page_reload (ANJU_DOCUMENTS_PAGE (page));
}

static void
reload_document_templates (GtkWidget *page)
{
  anju_document_templates_page_reload (ANJU_DOCUMENT_TEMPLATES_PAGE (page));
}

static void
reload_publicity (GtkWidget *page)
{
  anju_publicity_page_reload (ANJU_PUBLICITY_PAGE (page));
}

static void
reload_enterprises (GtkWidget *page)
{
  anju_enterprises_page_reload (ANJU_ENTERPRISES_PAGE (page));
}

static void
reload_applications (GtkWidget *page)
{
  anju_applications_page_reload (ANJU_APPLICATIONS_PAGE (page));
}

static void
reload_terminals (GtkWidget *page)
{
  anju_terminals_page_reload (ANJU_TERMINALS_PAGE (page));
}

static void
reload_terminal_status (GtkWidget *page)
{
  anju_terminal_status_page_reload (ANJU_TERMINAL_STATUS_PAGE (page));
}

static void
reload_honor_roll (GtkWidget *page)
{
  anju_honor_roll_page_reload (ANJU_HONOR_ROLL_PAGE (page));
}

static void
reload_identity_captures (GtkWidget *page)
{
  anju_identity_captures_page_reload (ANJU_IDENTITY_CAPTURES_PAGE (page));
}

static const AnjuWindowPage pages[] = {
  { "home", NULL, N_("Home"), "go-home-symbolic",
    anju_home_page_get_type, reload_home },
  { "todo", NULL, N_("To-do"), "task-due-symbolic",
    anju_todo_page_get_type, reload_todo },
  { "messages", NULL, N_("Messages"), "mail-unread-symbolic",
    anju_messages_page_get_type, reload_messages, TRUE },
  { "news", NULL, N_("News"), "view-paged-symbolic",
    anju_news_page_get_type, reload_articles },
  { "notices", NULL, N_("Notices"), "emblem-documents-symbolic",
    anju_notices_page_get_type, reload_articles },
  { "guides", NULL, N_("Business Guides"), "help-contents-symbolic",
    anju_guides_page_get_type, reload_articles },
  { "feedback", NULL, N_("Feedback"), "chat-message-new-symbolic",
    anju_feedback_page_get_type, reload_feedback },
  { "pubrent-applications", "pubrent.application.read", N_("Rental Applications"), "folder-documents-symbolic",
    anju_applications_page_get_type, reload_applications },
  { "pubrent-publicity", "pubrent.application.review", N_("Publicity"),
    "emblem-documents-symbolic", anju_publicity_page_get_type, reload_publicity },
  { "pubrent-documents", "pubrent.application.read", N_("Documents"), "x-office-document-symbolic",
    anju_documents_page_get_type, reload_documents },
  { "pubrent-document-templates", "pubrent.document.write", N_("Document Templates"), "document-edit-symbolic",
    anju_document_templates_page_get_type, reload_document_templates },
  { "pubrent-statistics", "pubrent.application.read", N_("Public Rental Statistics"),
    "org.gnome.Settings-usage-symbolic", anju_pubrent_statistics_page_get_type,
    reload_pubrent_statistics },
  { "pubrent-projects", ANJU_PUBRENT_HOUSING_READ, N_("PRH Projects"), "go-home-symbolic",
    anju_pubrent_projects_page_get_type, reload_pubrent_projects },
  { "pubrent-units", ANJU_PUBRENT_HOUSING_READ, N_("Housing"), "view-grid-symbolic",
    anju_pubrent_units_page_get_type, reload_pubrent_units },
  { "pubrent-enterprises", "pubrent.enterprise.manage", N_("Operating Enterprises"),
    "system-users-symbolic", anju_enterprises_page_get_type, reload_enterprises },
  { "pubrent-settings", "pubrent.rules.write", N_("Public Rental Settings"), "emblem-system-symbolic",
    anju_pubrent_settings_page_get_type, reload_pubrent_settings },
  { "terminals", "terminal.device.manage", N_("Service Terminals"), "computer-symbolic",
    anju_terminals_page_get_type, reload_terminals },
  { "terminal-status", "terminal.device.manage", N_("Peripheral Status"), "network-wired-symbolic",
    anju_terminal_status_page_get_type, reload_terminal_status },
  { "terminal-publicity", NULL, N_("Terminal Publicity"), "video-display-symbolic",
    anju_terminal_publicity_page_get_type, reload_articles },
  { "terminal-policy", NULL, N_("Policy Publicity"), "emblem-important-symbolic",
    anju_terminal_policy_page_get_type, reload_articles },
  { "honor-roll", "terminal.device.manage", N_("Honor Roll"), "starred-symbolic",
    anju_honor_roll_page_get_type, reload_honor_roll },
  { "identity-captures", "terminal.capture.read", N_("Identity Captures"), "contact-new-symbolic",
    anju_identity_captures_page_get_type, reload_identity_captures },
  { "organisations", ANJU_PERM_ORG_READ, N_("Organisations"), "network-workgroup-symbolic",
    anju_organisations_page_get_type, reload_organisations },
  { "users", ANJU_PERM_USER_READ, N_("Users"), "system-users-symbolic",
    anju_users_page_get_type, reload_users },
  { "roles", ANJU_PERM_ROLE_READ, N_("Roles"), "channel-secure-symbolic",
    anju_roles_page_get_type, reload_roles },
  { "audit", ANJU_PERM_AUDIT_READ, N_("Audit Log"), "document-open-recent-symbolic",
    anju_audit_page_get_type, reload_audit },
  { "workflow-templates", ANJU_PERM_WF_TEMPLATE_WRITE, N_("Process Templates"), "view-list-ordered-symbolic",
    anju_workflow_templates_page_get_type, reload_workflow_templates },
  { "workflow-instances", ANJU_PERM_WF_INSTANCE_MANAGE, N_("Process Monitor"), "view-list-bullet-symbolic",
    anju_workflow_instances_page_get_type, reload_workflow_instances },
  { "message-settings", ANJU_PERM_MESSAGE_MANAGE, N_("Message Settings"), "preferences-system-symbolic",
    anju_message_settings_page_get_type, reload_message_settings },
  { "account", NULL, N_("My Account"), "avatar-default-symbolic",
    anju_account_page_get_type, reload_account },
};

const AnjuWindowPage *
anju_window_pages (guint *n_pages)
{
  *n_pages = G_N_ELEMENTS (pages);
  return pages;
}

const AnjuWindowPage *
anju_window_page_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].name, name) == 0)
      return &pages[i];
  return NULL;
}
