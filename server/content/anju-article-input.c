/* anju-article-input.c: checking what writers send for an article.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "anju-article-input.h"
#include "anju-caller.h"
#include "anju-file-store.h"
#include "anju-org-store.h"
#include "anju-validation.h"

#define MAX_TARGETS 100
#define MAX_ATTACHMENTS 20
#define MAX_GUIDE_ITEMS 50
#define MAX_MATERIAL_LENGTH 200
#define MAX_STEP_LENGTH 1000
#define MAX_TIME_LIMIT_DAYS 3650

/* Text members: a required one must not be blank; an optional one that
 * is blank is cleared. */
static void
read_text (AnjuRequest *request,
           JsonObject  *body,
           const char  *member,
           gboolean     required,
           char       **slot)
{
  g_autofree char *value = NULL;

  if (!json_object_has_member (body, member))
    return;
  value = anju_body_dup_trimmed (body, member);
  if (required)
    anju_check_not_blank (request, member, value);
  else if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  g_free (*slot);
  *slot = g_steal_pointer (&value);
}

/* The ids of an int array member, each once, in the order given. */
static void
read_ids (AnjuRequest *request,
          JsonObject  *body,
          const char  *member,
          guint        max,
          GArray      *ids)
{
  JsonArray *array;

  if (!json_object_has_member (body, member))
    return;
  array = json_object_get_array_member (body, member);
  g_array_set_size (ids, 0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gint64 id = json_array_get_int_element (array, i);
      gboolean seen = FALSE;

      for (guint j = 0; j < ids->len && !seen; j++)
        seen = g_array_index (ids, gint64, j) == id;
      if (!seen)
        g_array_append_val (ids, id);
    }
  if (ids->len > max)
    {
      g_autofree char *why = g_strdup_printf (_("At most %u are allowed"), max);

      anju_request_add_field_error (request, member, why);
    }
}

/* A guide's list member: strings, none blank, each at most max_length
 * characters, at most MAX_GUIDE_ITEMS of them. */
static GStrv
read_guide_list (AnjuRequest *request,
                 JsonObject  *guide,
                 const char  *member,
                 const char  *field,
                 guint        max_length)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (guide, member);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strv_builder_end (builder);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      anju_request_add_field_error (request, field, _("Must be a list of strings"));
      return g_strv_builder_end (builder);
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *text = NULL;

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        {
          anju_request_add_field_error (request, field, _("Must be a list of strings"));
          continue;
        }
      text = g_strstrip (g_strdup (json_node_get_string (item)));
      if (*text == '\0')
        anju_request_add_field_error (request, field, _("An entry must not be empty"));
      else if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > max_length)
        {
          g_autofree char *why = g_strdup_printf (_("Each entry may be at most %u characters"),
                                                  max_length);
          anju_request_add_field_error (request, field, why);
        }
      else
        g_strv_builder_add (builder, text);
    }
  if (json_array_get_length (array) > MAX_GUIDE_ITEMS)
    {
      g_autofree char *why = g_strdup_printf (_("At most %u entries are allowed"), MAX_GUIDE_ITEMS);

      anju_request_add_field_error (request, field, why);
    }
  return g_strv_builder_end (builder);
}

static gint64
read_time_limit (AnjuRequest *request,
                 JsonObject  *guide)
{
  JsonNode *node = json_object_get_member (guide, "time_limit_days");
  gint64 days;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return 0;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64
      || (days = json_node_get_int (node)) < 1 || days > MAX_TIME_LIMIT_DAYS)
    {
      g_autofree char *why = g_strdup_printf (_("Must be a whole number of days from 1 to %u"),
                                              MAX_TIME_LIMIT_DAYS);

      anju_request_add_field_error (request, "guide.time_limit_days", why);
      return 0;
    }
  return days;
}

/* Replaces the guide details with the object's (or none for null). */
static void
read_guide (AnjuRequest      *request,
            JsonNode         *node,
            AnjuArticleInput *input)
{
  static const char * const members[] = { "materials", "time_limit_days", "steps", NULL };
  g_autoptr(GList) names = NULL;
  JsonObject *guide;

  g_clear_pointer (&input->guide_materials, g_strfreev);
  g_clear_pointer (&input->guide_steps, g_strfreev);
  input->guide_time_limit_days = 0;
  if (JSON_NODE_HOLDS_NULL (node))
    return;

  guide = json_node_get_object (node);
  names = json_object_get_members (guide);
  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (members, l->data))
      {
        g_autofree char *field = g_strconcat ("guide.", (const char *) l->data, NULL);

        anju_request_add_field_error (request, field, _("Unknown field"));
      }

  input->guide_materials = read_guide_list (request, guide, "materials", "guide.materials",
                                            MAX_MATERIAL_LENGTH);
  input->guide_time_limit_days = read_time_limit (request, guide);
  input->guide_steps = read_guide_list (request, guide, "steps", "guide.steps", MAX_STEP_LENGTH);
}

/* Guides keep (or get) details; other kinds must not be sent any and
 * lose the ones they had as guides. */
static void
settle_guide (AnjuRequest      *request,
              JsonObject       *body,
              AnjuArticleInput *input)
{
  JsonNode *node = json_object_get_member (body, "guide");

  if (input->kind == NULL || !g_str_equal (input->kind, "guide"))
    {
      if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        anju_request_add_field_error (request, "guide", _("Only guides have guide details"));
      g_clear_pointer (&input->guide_materials, g_strfreev);
      g_clear_pointer (&input->guide_steps, g_strfreev);
      input->guide_time_limit_days = 0;
      return;
    }

  if (node != NULL)
    read_guide (request, node, input);
  if (input->guide_materials == NULL)
    input->guide_materials = g_new0 (char *, 1);
  if (input->guide_steps == NULL)
    input->guide_steps = g_new0 (char *, 1);
}

/* "YYYY-MM-DD" naming a real day. */
static gboolean
date_is_valid (const char *text)
{
  guint year, month, day;
  char end;

  return strlen (text) == 10 && text[4] == '-' && text[7] == '-'
         && sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) == 3
         && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* The display period of the terminals: dates, the end not before the
 * start (422 on display_until). */
static void
read_display_period (AnjuRequest      *request,
                     JsonObject       *body,
                     AnjuArticleInput *input)
{
  read_text (request, body, "display_from", FALSE, &input->display_from);
  read_text (request, body, "display_until", FALSE, &input->display_until);
  if (input->display_from != NULL && !date_is_valid (input->display_from))
    anju_request_add_field_error (request, "display_from", _("Must be a date YYYY-MM-DD"));
  else if (input->display_until != NULL && !date_is_valid (input->display_until))
    anju_request_add_field_error (request, "display_until", _("Must be a date YYYY-MM-DD"));
  else if (input->display_from != NULL && input->display_until != NULL
           && strcmp (input->display_until, input->display_from) < 0)
    anju_request_add_field_error (request, "display_until",
                                  _("The display period cannot end before it starts"));
}

/* Every target must exist (422) and lie in the caller's scope (403). */
static gboolean
check_targets (AnjuRequest  *request,
               const GArray *ids)
{
  AnjuCaller *caller = anju_request_get_caller (request);
  gboolean outside = FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      g_auto(AnjuOrgRef) org = { 0, };
      g_autoptr(GError) error = NULL;
      gint64 id = g_array_index (ids, gint64, i);

      if (anju_org_store_load (anju_request_get_db (request), id, &org, &error))
        outside |= !anju_caller_can_see_org_path (caller, org.path);
      else if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND))
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
          /* Translators: %s is an organisation's id */
          g_autofree char *why = g_strdup_printf (_("No such organisation: %s"), id_text);

          anju_request_add_field_error (request, "target_org_ids", why);
        }
      else
        {
          anju_request_reply_error (request, error);
          return FALSE;
        }
    }
  if (outside && !anju_request_has_field_errors (request))
    {
      anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN,
                             _("Articles can only be targeted at organisations in your data scope"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
contains_id (const GArray *ids,
             gint64        id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* A new attachment must be one of the caller's own uploads. */
static gboolean
check_attachments (AnjuRequest  *request,
                   const GArray *ids,
                   const GArray *attached)
{
  gint64 caller_id = anju_request_get_caller (request)->user_id;

  for (guint i = 0; i < ids->len; i++)
    {
      g_auto(AnjuFileInfo) file = { 0, };
      g_autoptr(GError) error = NULL;
      gint64 id = g_array_index (ids, gint64, i);

      if (contains_id (attached, id))
        continue;
      if (!anju_file_store_load (anju_request_get_db (request), id, &file, &error)
          && !g_error_matches (error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND))
        {
          anju_request_reply_error (request, error);
          return FALSE;
        }
      if (error != NULL || file.uploaded_by != caller_id)
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
          /* Translators: %s is a file's id */
          g_autofree char *why = g_strdup_printf (_("No such file among your uploads: %s"),
                                                  id_text);

          anju_request_add_field_error (request, "attachment_ids", why);
        }
    }
  return TRUE;
}

gboolean
anju_article_input_read (AnjuRequest      *request,
                         JsonObject       *body,
                         const GArray     *attached,
                         AnjuArticleInput *input)
{
  read_text (request, body, "kind", TRUE, &input->kind);
  read_text (request, body, "title", TRUE, &input->title);
  read_text (request, body, "summary", FALSE, &input->summary);
  read_text (request, body, "body", TRUE, &input->body);
  read_text (request, body, "category", FALSE, &input->category);
  read_ids (request, body, "target_org_ids", MAX_TARGETS, input->target_org_ids);
  read_ids (request, body, "attachment_ids", MAX_ATTACHMENTS, input->attachment_ids);
  settle_guide (request, body, input);
  read_display_period (request, body, input);

  if (!check_attachments (request, input->attachment_ids, attached)
      || !check_targets (request, input->target_org_ids))
    return FALSE;
  if (anju_request_has_field_errors (request))
    {
      anju_reply_validation_failed (request);
      return FALSE;
    }
  return TRUE;
}
