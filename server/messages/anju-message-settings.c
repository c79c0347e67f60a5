/* anju-message-settings.c: the message_templates and push_strategies rows. */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-json-columns.h"
#include "anju-message-settings.h"
#include "anju-stmt.h"

void
anju_message_texts_clear (AnjuMessageTexts *texts)
{
  g_clear_pointer (&texts->title, g_free);
  g_clear_pointer (&texts->body, g_free);
  g_clear_pointer (&texts->sms, g_free);
}

void
anju_push_strategy_clear (AnjuPushStrategy *strategy)
{
  g_clear_pointer (&strategy->quiet_start, g_free);
  g_clear_pointer (&strategy->quiet_end, g_free);
  g_clear_pointer (&strategy->roles, g_strfreev);
}

gboolean
anju_message_texts_load (AnjuDb            *db,
                         const char        *event,
                         AnjuMessageTexts  *out_texts,
                         GError           **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT id, title, body, sms FROM message_templates"
                                           " WHERE event = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, event);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No message template for this event"),
                         error))
    return FALSE;
  out_texts->id = sqlite3_column_int64 (stmt, 0);
  out_texts->title = anju_db_column_dup (stmt, 1);
  out_texts->body = anju_db_column_dup (stmt, 2);
  out_texts->sms = anju_db_column_dup (stmt, 3);
  return TRUE;
}

gboolean
anju_message_texts_save (AnjuDb                  *db,
                         const char              *event,
                         const AnjuMessageTexts  *texts,
                         gint64                   now,
                         GError                 **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE message_templates"
                                           " SET title = ?2, body = ?3, sms = ?4, updated_at = ?5"
                                           " WHERE event = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, event);
  anju_db_bind_text (stmt, 2, texts->title);
  anju_db_bind_text (stmt, 3, texts->body);
  anju_db_bind_text (stmt, 4, texts->sms);
  sqlite3_bind_int64 (stmt, 5, now);
  return anju_db_step_done (db, stmt, error);
}

gboolean
anju_message_texts_reset (AnjuDb      *db,
                          const char  *event,
                          GError     **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE message_templates"
                                           " SET title = default_title, body = default_body,"
                                           "     sms = default_sms, updated_at = NULL"
                                           " WHERE event = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, event);
  return anju_db_step_done (db, stmt, error);
}

static void
add_event_members (JsonBuilder            *builder,
                   const AnjuMessageEvent *event)
{
  json_builder_set_member_name (builder, "event");
  json_builder_add_string_value (builder, event->type);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, anju_message_event_get_name (event));
}

JsonNode *
anju_message_template_to_json (AnjuDb                  *db,
                               const AnjuMessageEvent  *event,
                               GError                 **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT title, body, sms,"
                                           " title = default_title AND body = default_body"
                                           "   AND sms = default_sms,"
                                           " updated_at"
                                           " FROM message_templates WHERE event = ?1",
                                           error);

  if (stmt == NULL)
    return NULL;
  anju_db_bind_text (stmt, 1, event->type);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No message template for this event"),
                         error))
    return NULL;

  json_builder_begin_object (builder);
  add_event_members (builder, event);
  json_builder_set_member_name (builder, "variables");
  json_builder_begin_array (builder);
  for (guint i = 0; event->variables[i] != NULL; i++)
    json_builder_add_string_value (builder, event->variables[i]);
  json_builder_end_array (builder);
  anju_json_add_text_column (builder, "title", stmt, 0);
  anju_json_add_text_column (builder, "body", stmt, 1);
  anju_json_add_text_column (builder, "sms", stmt, 2);
  anju_json_add_bool_column (builder, "is_default", stmt, 3);
  anju_json_add_time_column (builder, "updated_at", stmt, 4);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* strategy->roles from push_strategy_roles, by code. */
static gboolean
load_strategy_roles (AnjuDb            *db,
                     AnjuPushStrategy  *strategy,
                     GError           **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT r.code FROM push_strategy_roles pr"
                                           " JOIN roles r ON r.id = pr.role_id"
                                           " WHERE pr.strategy_id = ?1 AND r.code IS NOT NULL"
                                           " ORDER BY r.code",
                                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, strategy->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      anju_db_set_error (db, error);
      return FALSE;
    }
  g_clear_pointer (&strategy->roles, g_strfreev);
  strategy->roles = g_strv_builder_end (builder);
  return TRUE;
}

/* Replaces the strategy's rows in push_strategy_roles by roles. */
static gboolean
save_strategy_roles (AnjuDb                  *db,
                     const AnjuPushStrategy  *strategy,
                     GError                 **error)
{
  g_auto(AnjuStmt) insert = NULL;

  if (!anju_db_exec_with_id (db, "DELETE FROM push_strategy_roles WHERE strategy_id = ?1",
                             strategy->id, error))
    return FALSE;
  if (strategy->roles == NULL)
    return TRUE;

  insert = anju_db_prepare (db,
                            "INSERT OR IGNORE INTO push_strategy_roles (strategy_id, role_id)"
                            " SELECT ?1, id FROM roles WHERE code = ?2",
                            error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; strategy->roles[i] != NULL; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, strategy->id);
      anju_db_bind_text (insert, 2, strategy->roles[i]);
      if (!anju_db_step_done (db, insert, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
anju_push_strategy_find_unknown_role (AnjuDb              *db,
                                      const char * const  *roles,
                                      char               **out_unknown,
                                      GError             **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db, "SELECT id FROM roles WHERE code = ?1", error);

  *out_unknown = NULL;
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; roles != NULL && roles[i] != NULL; i++)
    {
      gint64 id = 0;

      sqlite3_reset (stmt);
      anju_db_bind_text (stmt, 1, roles[i]);
      if (!anju_db_step_id (db, stmt, &id, error))
        return FALSE;
      if (id == 0)
        {
          *out_unknown = g_strdup (roles[i]);
          return TRUE;
        }
    }
  return TRUE;
}

gboolean
anju_push_strategy_load (AnjuDb            *db,
                         const char        *event,
                         AnjuPushStrategy  *out_strategy,
                         GError           **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "SELECT id, inbox, sms, enabled, quiet_start, quiet_end"
                                           " FROM push_strategies WHERE event = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, event);
  if (!anju_db_step_row (db, stmt, ANJU_ERROR_NOT_FOUND, _("No push strategy for this event"),
                         error))
    return FALSE;
  out_strategy->id = sqlite3_column_int64 (stmt, 0);
  out_strategy->inbox = sqlite3_column_int (stmt, 1) != 0;
  out_strategy->sms = sqlite3_column_int (stmt, 2) != 0;
  out_strategy->enabled = sqlite3_column_int (stmt, 3) != 0;
  out_strategy->quiet_start = anju_db_column_dup (stmt, 4);
  out_strategy->quiet_end = anju_db_column_dup (stmt, 5);
  return load_strategy_roles (db, out_strategy, error);
}

gboolean
anju_push_strategy_save (AnjuDb                  *db,
                         const char              *event,
                         const AnjuPushStrategy  *strategy,
                         gint64                   now,
                         GError                 **error)
{
  g_auto(AnjuStmt) stmt = anju_db_prepare (db,
                                           "UPDATE push_strategies"
                                           " SET inbox = ?2, sms = ?3, enabled = ?4,"
                                           "     quiet_start = ?5, quiet_end = ?6, updated_at = ?7"
                                           " WHERE event = ?1",
                                           error);

  if (stmt == NULL)
    return FALSE;
  anju_db_bind_text (stmt, 1, event);
  sqlite3_bind_int (stmt, 2, strategy->inbox);
  sqlite3_bind_int (stmt, 3, strategy->sms);
  sqlite3_bind_int (stmt, 4, strategy->enabled);
  anju_db_bind_text (stmt, 5, strategy->quiet_start);
  anju_db_bind_text (stmt, 6, strategy->quiet_end);
  sqlite3_bind_int64 (stmt, 7, now);
  return anju_db_step_done (db, stmt, error) && save_strategy_roles (db, strategy, error);
}

JsonNode *
anju_push_strategy_to_json (AnjuDb                  *db,
                            const AnjuMessageEvent  *event,
                            GError                 **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_auto(AnjuPushStrategy) strategy = { 0, };

  if (!anju_push_strategy_load (db, event->type, &strategy, error))
    return NULL;

  json_builder_begin_object (builder);
  add_event_members (builder, event);
  json_builder_set_member_name (builder, "inbox");
  json_builder_add_boolean_value (builder, strategy.inbox);
  json_builder_set_member_name (builder, "sms");
  json_builder_add_boolean_value (builder, strategy.sms);
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, strategy.enabled);
  json_builder_set_member_name (builder, "quiet_start");
  if (strategy.quiet_start != NULL)
    json_builder_add_string_value (builder, strategy.quiet_start);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "quiet_end");
  if (strategy.quiet_end != NULL)
    json_builder_add_string_value (builder, strategy.quiet_end);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "roles");
  json_builder_begin_array (builder);
  for (guint i = 0; strategy.roles[i] != NULL; i++)
    json_builder_add_string_value (builder, strategy.roles[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
