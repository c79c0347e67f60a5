/* anju-feedback.c: submit, read, edit, delete and reply to feedback.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "anju-caller.h"
#include "anju-clock.h"
#include "anju-content-write.h"
#include "anju-event-bus.h"
#include "anju-feedback-store.h"
#include "anju-feedback.h"
#include "anju-permissions.h"
#include "anju-server.h"
#include "anju-validation.h"

#define TITLE_MAX 100
#define CONTENT_MAX 2000
#define REPLY_MAX 2000

static const AnjuContentKind feedback_kind = { "feedback", anju_feedback_store_to_json };

static gint64
request_now (AnjuRequest *request)
{
  return anju_clock_now_secs (anju_request_get_clock (request));
}

/* The feedback of the path's {id}, when the caller may read it (404
 * otherwise).  Replies and returns FALSE when not. */
static gboolean
load_readable (AnjuRequest     *request,
               AnjuFeedbackRef *ref)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!anju_request_get_path_id (request, "id", &id))
    return FALSE;
  if (anju_feedback_store_load (anju_request_get_db (request), id, ref, &error)
      && !anju_feedback_may_read (ref, anju_request_get_caller (request)))
    g_set_error_literal (&error, ANJU_ERROR, ANJU_ERROR_NOT_FOUND, _("No such feedback"));
  if (error == NULL)
    return TRUE;
  anju_request_reply_error (request, error);
  return FALSE;
}

/* Only the author changes feedback, and only while it is open. */
static gboolean
load_for_author (AnjuRequest     *request,
                 AnjuFeedbackRef *ref)
{
  if (!load_readable (request, ref))
    return FALSE;
  if (ref->author_id != anju_request_get_caller (request)->user_id)
    anju_reply_error_code (request, ANJU_ERROR_FORBIDDEN,
                           _("Only the author may change or delete feedback"));
  else if (!g_str_equal (ref->status, "open"))
    anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                           _("This feedback has been replied to and can no longer be changed"));
  else
    return TRUE;
  return FALSE;
}

/* ---- reads ------------------------------------------------------------- */

typedef struct
{
  const AnjuCaller *caller;
  gboolean          mine;
  const char       *status;
  const char       *type;
} FeedbackListFilters;

static void
bind_list_filters (sqlite3_stmt  *stmt,
                   gconstpointer  bind_data)
{
  const FeedbackListFilters *filters = bind_data;

  anju_feedback_bind_reader (stmt, filters->caller);
  sqlite3_bind_int (stmt, 4, filters->mine);
  anju_db_bind_text (stmt, 5, filters->status);
  anju_db_bind_text (stmt, 6, filters->type);
}

static JsonNode *
feedback_item (sqlite3_stmt *stmt,
               gpointer      user_data,
               GError      **error)
{
  return anju_feedback_json_from_row (stmt);
}

/* ?mine=true|false, ?status= and ?type= must be real values. */
static gboolean
read_list_filters (AnjuRequest *request,
                   gboolean    *out_mine)
{
  const char *mine = anju_request_get_query (request, "mine");
  const char *status = anju_request_get_query (request, "status");
  const char *type = anju_request_get_query (request, "type");

  *out_mine = g_strcmp0 (mine, "true") == 0;
  if (mine != NULL && !*out_mine && !g_str_equal (mine, "false"))
    anju_request_add_field_error (request, "mine", _("Must be true or false"));
  if (status != NULL && !g_strv_contains (anju_feedback_statuses, status))
    anju_request_add_field_error (request, "status", _("Must be one of: open, replied"));
  if (type != NULL && !g_strv_contains (anju_feedback_types, type))
    anju_request_add_field_error (request, "type",
                                  _("Must be one of: function, service, technical, other"));
  if (!anju_request_has_field_errors (request))
    return TRUE;
  anju_reply_validation_failed (request);
  return FALSE;
}

static void
handle_list (AnjuRequest *request)
{
#define FEEDBACK_LIST_WHERE \
  " WHERE " ANJU_FEEDBACK_VISIBLE \
  " AND (NOT ?4 OR f.author_id = ?1)" \
  " AND (?5 IS NULL OR f.status = ?5)" \
  " AND (?6 IS NULL OR f.type = ?6)"
  FeedbackListFilters filters = {
    anju_request_get_caller (request), FALSE,
    anju_request_get_query (request, "status"), anju_request_get_query (request, "type"),
  };
  g_autoptr(GError) error = NULL;
  guint page, page_size;

  if (!anju_request_get_paging (request, &page, &page_size, &error))
    {
      anju_request_reply_error (request, error);
      return;
    }
  if (!read_list_filters (request, &filters.mine))
    return;

  anju_request_reply_list (request,
                           "SELECT COUNT(*) FROM " ANJU_FEEDBACK_JOIN FEEDBACK_LIST_WHERE,
                           "SELECT " ANJU_FEEDBACK_COLUMNS " FROM " ANJU_FEEDBACK_JOIN
                           FEEDBACK_LIST_WHERE " ORDER BY f.created_at DESC, f.id DESC"
                           " LIMIT ?7 OFFSET ?8",
                           7, page, page_size, bind_list_filters, &filters,
                           feedback_item, NULL);
#undef FEEDBACK_LIST_WHERE
}

static void
handle_get (AnjuRequest *request)
{
  g_auto(AnjuFeedbackRef) ref = { 0, };
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  if (!load_readable (request, &ref))
    return;
  node = anju_feedback_store_to_json (anju_request_get_db (request), ref.id, &error);
  if (node == NULL)
    anju_request_reply_error (request, error);
  else
    anju_request_reply_json (request, SOUP_STATUS_OK, node);
}

/* ---- writes ------------------------------------------------------------ */

static const AnjuFieldSpec create_body[] = {
  { "type", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, anju_feedback_types, 0,
    "function 功能改进, service 服务体验, technical 技术问题 or other 其他" },
  { "title", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, TITLE_MAX, "Title" },
  { "content", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, CONTENT_MAX, "What it is about" },
  { NULL }
};

static const AnjuFieldSpec update_body[] = {
  { "type", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, anju_feedback_types, 0,
    "function, service, technical or other" },
  { "title", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, TITLE_MAX, "Title" },
  { "content", ANJU_FIELD_STRING, ANJU_FIELD_OPTIONAL, NULL, CONTENT_MAX, "What it is about" },
  { NULL }
};

static const AnjuFieldSpec reply_body[] = {
  { "reply", ANJU_FIELD_STRING, ANJU_FIELD_REQUIRED, NULL, REPLY_MAX, "The answer to the author" },
  { NULL }
};

typedef struct
{
  char *type;
  char *title;
  char *content;
} FeedbackText;

static void
feedback_text_clear (FeedbackText *text)
{
  g_clear_pointer (&text->type, g_free);
  g_clear_pointer (&text->title, g_free);
  g_clear_pointer (&text->content, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FeedbackText, feedback_text_clear)

/* Takes the body's members over the ones text holds; title and content
 * must not be blank.  Replies and returns FALSE when they are. */
static gboolean
read_text (AnjuRequest  *request,
           JsonObject   *body,
           FeedbackText *text)
{
  static const char * const members[] = { "type", "title", "content" };
  char **slots[] = { &text->type, &text->title, &text->content };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (json_object_has_member (body, members[i]))
      {
        g_free (*slots[i]);
        *slots[i] = anju_body_dup_trimmed (body, members[i]);
        anju_check_not_blank (request, members[i], *slots[i]);
      }
  if (!anju_request_has_field_errors (request))
    return TRUE;
  anju_reply_validation_failed (request);
  return FALSE;
}

static gboolean
write_create (AnjuRequest *request,
              gpointer     data,
              gint64      *inout_id,
              GError     **error)
{
  FeedbackText *text = data;
  AnjuCaller *caller = anju_request_get_caller (request);

  *inout_id = anju_feedback_store_insert (anju_request_get_db (request), text->type, text->title,
                                          text->content, caller->user_id, caller->org_id,
                                          request_now (request), error);
  return *inout_id != 0;
}

static void
handle_create (AnjuRequest *request)
{
  g_auto(FeedbackText) text = { NULL, };
  g_autoptr(GError) error = NULL;
  JsonObject *body;

  body = anju_request_parse_body (request, create_body, &error);
  if (body == NULL)
    anju_request_reply_error (request, error);
  else if (read_text (request, body, &text))
    anju_content_run_write (request, &feedback_kind, "feedback.create", 0, write_create, &text,
                            SOUP_STATUS_CREATED);
}

static gboolean
write_update (AnjuRequest *request,
              gpointer     data,
              gint64      *inout_id,
              GError     **error)
{
  FeedbackText *text = data;

  return anju_feedback_store_update (anju_request_get_db (request), *inout_id, text->type,
                                     text->title, text->content, request_now (request), error);
}

/* The feedback's current type, title and content, to patch them. */
static gboolean
load_text (AnjuDb       *db,
           gint64        id,
           FeedbackText *text,
           GError      **error)
{
  g_autoptr(JsonNode) node = anju_feedback_store_to_json (db, id, error);
  JsonObject *object;

  if (node == NULL)
    return FALSE;
  object = json_node_get_object (node);
  text->type = g_strdup (json_object_get_string_member (object, "type"));
  text->title = g_strdup (json_object_get_string_member (object, "title"));
  text->content = g_strdup (json_object_get_string_member (object, "content"));
  return TRUE;
}

static void
handle_update (AnjuRequest *request)
{
  g_auto(AnjuFeedbackRef) ref = { 0, };
  g_auto(FeedbackText) text = { NULL, };
  g_autoptr(GError) error = NULL;
  JsonObject *body;

  if (!load_for_author (request, &ref))
    return;
  body = anju_request_parse_body (request, update_body, &error);
  if (body == NULL || !load_text (anju_request_get_db (request), ref.id, &text, &error))
    anju_request_reply_error (request, error);
  else if (read_text (request, body, &text))
    anju_content_run_write (request, &feedback_kind, "feedback.update", ref.id, write_update,
                            &text, SOUP_STATUS_OK);
}

static gboolean
write_delete (AnjuRequest *request,
              gpointer     data,
              gint64      *inout_id,
              GError     **error)
{
  return anju_feedback_store_delete (anju_request_get_db (request), *inout_id, error);
}

static void
handle_delete (AnjuRequest *request)
{
  g_auto(AnjuFeedbackRef) ref = { 0, };

  if (load_for_author (request, &ref))
    anju_content_run_write (request, &feedback_kind, "feedback.delete", ref.id, write_delete,
                            NULL, SOUP_STATUS_NO_CONTENT);
}

typedef struct
{
  const AnjuFeedbackRef *ref;
  const char            *reply;
} FeedbackReply;

/* Tells the author, in the same transaction as the reply. */
static gboolean
emit_replied (AnjuRequest         *request,
              const FeedbackReply *reply,
              gint64               now,
              GError             **error)
{
  g_autoptr(JsonObject) variables = json_object_new ();
  AnjuEvent event = {
    .type = ANJU_FEEDBACK_REPLIED_EVENT,
    .db = anju_request_get_db (request),
    .at = now,
    .variables = variables,
    .user_ids = &reply->ref->author_id,
    .n_user_ids = 1,
    .link_domain = ANJU_FEEDBACK_LINK_DOMAIN,
    .link_record_id = reply->ref->id,
  };

  json_object_set_string_member (variables, "title", reply->ref->title);
  json_object_set_string_member (variables, "reply", reply->reply);
  return anju_event_bus_emit (anju_server_get_event_bus (anju_request_get_server (request)),
                              &event, error);
}

static gboolean
write_reply (AnjuRequest *request,
             gpointer     data,
             gint64      *inout_id,
             GError     **error)
{
  FeedbackReply *reply = data;
  gint64 now = request_now (request);

  return anju_feedback_store_reply (anju_request_get_db (request), *inout_id, reply->reply,
                                    anju_request_get_caller (request)->user_id, now, error)
         && emit_replied (request, reply, now, error);
}

static void
handle_reply (AnjuRequest *request)
{
  g_auto(AnjuFeedbackRef) ref = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  FeedbackReply reply;
  JsonObject *body;

  if (!load_readable (request, &ref))
    return;
  body = anju_request_parse_body (request, reply_body, &error);
  if (body == NULL)
    {
      anju_request_reply_error (request, error);
      return;
    }
  text = anju_body_dup_trimmed (body, "reply");
  if (!anju_check_not_blank (request, "reply", text))
    anju_reply_validation_failed (request);
  else if (!g_str_equal (ref.status, "open"))
    anju_reply_error_code (request, ANJU_ERROR_CONFLICT,
                           _("This feedback has already been replied to"));
  else
    {
      reply = (FeedbackReply) { &ref, text };
      anju_content_run_write (request, &feedback_kind, "feedback.reply", ref.id, write_reply,
                              &reply, SOUP_STATUS_OK);
    }
}

static const AnjuRoute feedback_routes[] = {
  { "GET", "/api/v1/feedback", NULL, ANJU_ROUTE_DEFAULT, handle_list,
    "The caller's feedback, or (portal.feedback.reply) all of their scope;"
    " filters mine, status, type", NULL, "feedback" },
  { "GET", "/api/v1/feedback/{id}", NULL, ANJU_ROUTE_DEFAULT, handle_get,
    "One feedback item", NULL, "feedback" },
  { "POST", "/api/v1/feedback", NULL, ANJU_ROUTE_DEFAULT, handle_create,
    "Submit feedback", create_body, "feedback" },
  { "PATCH", "/api/v1/feedback/{id}", NULL, ANJU_ROUTE_DEFAULT, handle_update,
    "Edit one's own open feedback", update_body, "feedback" },
  { "DELETE", "/api/v1/feedback/{id}", NULL, ANJU_ROUTE_DEFAULT, handle_delete,
    "Delete one's own open feedback", NULL, "feedback" },
  { "POST", "/api/v1/feedback/{id}/reply", ANJU_PERM_FEEDBACK_REPLY, ANJU_ROUTE_DEFAULT,
    handle_reply, "Reply to open feedback; the author is told", reply_body, "feedback" },
};

const AnjuRoute *
anju_feedback_get_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (feedback_routes);
  return feedback_routes;
}
