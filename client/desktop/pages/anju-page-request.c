#include "config.h"

#include "anju-page-feedback.h"
#include "anju-page-request.h"
#include "anju-record.h"

typedef struct
{
  GtkWidget           *page;             /* (owned) */
  char                *success_message;  /* (owned) (nullable) */
  char                *failure_message;  /* (owned) */
  AnjuPageRequestDone  done;             /* (nullable) */
} PageRequest;

static void
page_request_free (PageRequest *request)
{
  g_clear_object (&request->page);
  g_free (request->success_message);
  g_free (request->failure_message);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PageRequest, page_request_free)

static void
request_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  AnjuApiClient *client = ANJU_API_CLIENT (object);
  g_autoptr(PageRequest) request = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = anju_api_client_request_finish (client, result, &error);
  if (answer == NULL)
    {
      anju_page_toast_error (request->page, client, request->failure_message, error);
      return;
    }

  if (request->success_message != NULL)
    anju_page_toast (request->page, request->success_message);
  if (request->done != NULL)
    request->done (request->page, answer);
}

void
anju_page_request (GtkWidget           *page,
                   AnjuApiClient       *client,
                   const char          *method,
                   const char          *path,
                   JsonNode            *body,
                   GCancellable        *cancellable,
                   const char          *success_message,
                   const char          *failure_message,
                   AnjuPageRequestDone  done)
{
  PageRequest *request;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (ANJU_IS_API_CLIENT (client));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL);
  g_return_if_fail (failure_message != NULL);

  request = g_new0 (PageRequest, 1);
  request->page = g_object_ref (page);
  request->success_message = g_strdup (success_message);
  request->failure_message = g_strdup (failure_message);
  request->done = done;

  anju_api_client_request_async (client, method, path, body, cancellable,
                                 request_cb, request);
}

gint64
anju_page_answer_id (JsonNode *answer)
{
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    return 0;

  return anju_json_get_int (json_node_get_object (answer), "id", 0);
}
