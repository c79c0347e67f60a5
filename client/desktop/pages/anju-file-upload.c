#include "config.h"

#include <glib/gi18n.h>

#include "anju-error-message.h"
#include "anju-file-upload.h"
#include "anju-record.h"

/* g_content_type_guess() reads this much of a file at most. */
#define SNIFF_LENGTH (4096)

typedef struct
{
  AnjuApiClient *client;    /* (owned) */
  char          *name;      /* (owned) the file's display name */
} Upload;

static void
upload_free (Upload *upload)
{
  g_clear_object (&upload->client);
  g_free (upload->name);
  g_free (upload);
}

char *
anju_file_upload_content_type (const char   *filename,
                               const guchar *data,
                               gsize         size)
{
  g_autofree char *content_type = NULL;
  char *mime_type;
  gboolean uncertain = FALSE;

  content_type = g_content_type_guess (filename, data, MIN (size, SNIFF_LENGTH), &uncertain);
  mime_type = content_type != NULL ? g_content_type_get_mime_type (content_type) : NULL;

  return mime_type != NULL ? mime_type : g_strdup ("application/octet-stream");
}

static void
uploaded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) answer = NULL;
  GError *error = NULL;

  answer = anju_api_client_upload_finish (ANJU_API_CLIENT (object), result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (!JSON_NODE_HOLDS_OBJECT (answer) || anju_json_get_int (json_node_get_object (answer), "id", 0) <= 0)
    {
      g_task_return_new_error (task, ANJU_ERROR, ANJU_ERROR_MALFORMED,
                               _("The server’s answer to an upload is not a file"));
      return;
    }

  g_task_return_pointer (task, json_object_ref (json_node_get_object (answer)),
                         (GDestroyNotify) json_object_unref);
}

static void
contents_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Upload *upload = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize length = 0;
  GError *error = NULL;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  bytes = g_bytes_new_take (contents, length);
  content_type = anju_file_upload_content_type (upload->name, (const guchar *) contents, length);
  escaped = g_uri_escape_string (upload->name, NULL, FALSE);
  path = g_strconcat ("/api/v1/files?name=", escaped, NULL);

  anju_api_client_upload_async (upload->client, path, bytes, content_type,
                                g_task_get_cancellable (task), uploaded_cb, g_object_ref (task));
}

void
anju_file_upload_async (AnjuApiClient       *client,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Upload *upload;

  g_return_if_fail (ANJU_IS_API_CLIENT (client));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, anju_file_upload_async);

  upload = g_new0 (Upload, 1);
  upload->client = g_object_ref (client);
  {
    g_autofree char *basename = g_file_get_basename (file);

    /* The server wants UTF-8; a file name need not be. */
    upload->name = g_filename_display_name (basename);
  }
  g_task_set_task_data (task, upload, (GDestroyNotify) upload_free);

  g_file_load_contents_async (file, cancellable, contents_loaded_cb, g_steal_pointer (&task));
}

JsonObject *
anju_file_upload_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == anju_file_upload_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The server's message for the member it named, if any. */
static const char *
field_message (AnjuApiClient *client)
{
  static const char * const members[] = { "content_type", "file", "name" };
  JsonObject *fields = anju_api_client_get_last_error_fields (client);

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *message = anju_json_get_string (fields, members[i]);

      if (message != NULL)
        return message;
    }

  return NULL;
}

char *
anju_file_upload_error_message (AnjuApiClient *client,
                                const char    *name,
                                const GError  *error)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (ANJU_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return NULL;

  /* The generic sentences ("Some of the values are not valid.") do not
   * say which limit a file broke; the server's own message does. */
  if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_TOO_LARGE))
    {
      /* Translators: %1$s is a file name, %2$s the server's reason */
      return g_strdup_printf (_("“%1$s” is too large for the server: %2$s"), name, error->message);
    }

  if (g_error_matches (error, ANJU_ERROR, ANJU_ERROR_VALIDATION))
    {
      const char *message = field_message (client);

      /* Translators: %1$s is a file name, %2$s the server's reason */
      return g_strdup_printf (_("“%1$s” was refused: %2$s"), name,
                              message != NULL ? message : error->message);
    }

  reason = anju_error_message_for (error, anju_api_client_get_base_uri (client));
  /* Translators: %1$s is a file name, %2$s why it could not be sent */
  return g_strdup_printf (_("Could not attach “%1$s”: %2$s"), name, reason != NULL ? reason : error->message);
}
