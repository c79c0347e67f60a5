/* anju-browser.c: Chromium over the DevTools protocol on a pipe.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pipe's read end is a GSource on a private GMainContext; every
 * synchronous call iterates that context until its answer (matched by
 * "id") arrives, handling the events that come before it.  Answers of
 * calls already given up on (timed out) are dropped as they come.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/x509.h>

#include "anju-browser.h"

#define DEFAULT_TIMEOUT_MS 15000
#define CLOSE_TIMEOUT_MS   10000

struct _AnjuBrowser
{
  GObject       parent_instance;

  /* owned */
  GSubprocess  *process;
  GMainContext *context;
  GSource      *reader;
  char         *profile_dir;
  char         *session_id;
  GString      *inbox;          /* bytes read, not yet a whole message */
  GHashTable   *answers;        /* id → JsonNode of the answer's object */
  GPtrArray    *console_errors; /* char* */
  int           command_fd;     /* our end of the browser's fd 3 */
  int           event_fd;       /* our end of the browser's fd 4 */

  guint         next_id;
  guint         waited_id;      /* the call being waited for, 0 if none */
  guint         load_events;    /* Page.loadEventFired seen so far */
  guint         timeout_ms;
  gboolean      pipe_closed;
  gboolean      closed;
};

G_DEFINE_FINAL_TYPE (AnjuBrowser, anju_browser, G_TYPE_OBJECT)

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           GError     **error)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "writing to the browser: %s", g_strerror (saved));
          return FALSE;
        }
      data += n;
      length -= n;
    }
  return TRUE;
}

/* Errors */

static void
record_console_error (AnjuBrowser *self,
                      const char  *kind,
                      const char  *text,
                      const char  *url)
{
  g_autofree char *line = NULL;

  if (url != NULL && *url != '\0')
    line = g_strdup_printf ("%s: %s (%s)", kind, text, url);
  else
    line = g_strdup_printf ("%s: %s", kind, text);
  if (g_getenv ("ANJU_TEST_VERBOSE") != NULL)
    g_printerr ("anju-browser: %s\n", line);
  g_ptr_array_add (self->console_errors, g_steal_pointer (&line));
}

/* A console.error() call: its arguments, joined. */
static void
record_console_api_call (AnjuBrowser *self,
                         JsonObject  *params)
{
  JsonArray *args = json_object_get_array_member (params, "args");
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; args != NULL && i < json_array_get_length (args); i++)
    {
      JsonObject *arg = json_array_get_object_element (args, i);
      JsonNode *value = json_object_get_member (arg, "value");

      if (text->len > 0)
        g_string_append_c (text, ' ');
      if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
          json_node_get_value_type (value) == G_TYPE_STRING)
        g_string_append (text, json_node_get_string (value));
      else if (json_object_has_member (arg, "description"))
        g_string_append (text, json_object_get_string_member (arg, "description"));
      else if (value != NULL)
        {
          g_autofree char *json = json_to_string (value, FALSE);
          g_string_append (text, json);
        }
    }
  record_console_error (self, "console.error", text->str, NULL);
}

static void
record_exception (AnjuBrowser *self,
                  JsonObject  *params)
{
  JsonObject *details = json_object_get_object_member (params, "exceptionDetails");
  JsonObject *exception = json_object_get_object_member (details, "exception");
  const char *text = json_object_get_string_member_with_default (details, "text", "");

  if (exception != NULL && json_object_has_member (exception, "description"))
    text = json_object_get_string_member (exception, "description");
  record_console_error (self, "uncaught exception", text,
                        json_object_get_string_member_with_default (details, "url", NULL));
}

/* Log.entryAdded: CSP violations ("security"/"violation"), failed loads
 * ("network") and the browser's own errors.  API answers with an error
 * status are the pages' business (see the header). */
static void
record_log_entry (AnjuBrowser *self,
                  JsonObject  *params)
{
  JsonObject *entry = json_object_get_object_member (params, "entry");
  const char *level = json_object_get_string_member_with_default (entry, "level", "");
  const char *source = json_object_get_string_member_with_default (entry, "source", "");
  const char *url = json_object_get_string_member_with_default (entry, "url", NULL);
  g_autofree char *kind = NULL;

  if (g_strcmp0 (level, "error") != 0 &&
      g_strcmp0 (source, "security") != 0 && g_strcmp0 (source, "violation") != 0)
    return;
  /* The browser asks for /favicon.ico on its own. */
  if (g_strcmp0 (source, "network") == 0 && url != NULL &&
      (strstr (url, "/api/") != NULL || g_str_has_suffix (url, "/favicon.ico")))
    return;
  kind = g_strdup_printf ("log %s", source);
  record_console_error (self, kind,
                        json_object_get_string_member_with_default (entry, "text", ""), url);
}

/* alert(), confirm() and prompt() would block the page, and every later
 * call with it: each is recorded as an error (a page must not use them)
 * and dismissed at once.  The answer to the dismissal is not waited for:
 * answers nobody waits for are dropped. */
static void
dismiss_dialog (AnjuBrowser *self,
                JsonObject  *params)
{
  g_autofree char *command = NULL;

  record_console_error (self, "dialog",
                        json_object_get_string_member_with_default (params, "message", ""), NULL);
  command = g_strdup_printf ("{\"id\":%u,\"sessionId\":\"%s\","
                             "\"method\":\"Page.handleJavaScriptDialog\","
                             "\"params\":{\"accept\":false}}",
                             ++self->next_id, self->session_id);
  write_all (self->command_fd, command, strlen (command) + 1, NULL);
}

static void
handle_event (AnjuBrowser *self,
              const char  *method,
              JsonObject  *params)
{
  if (params == NULL)
    return;
  if (g_str_equal (method, "Runtime.exceptionThrown"))
    record_exception (self, params);
  else if (g_str_equal (method, "Runtime.consoleAPICalled") &&
           g_strcmp0 (json_object_get_string_member_with_default (params, "type", ""), "error") == 0)
    record_console_api_call (self, params);
  else if (g_str_equal (method, "Log.entryAdded"))
    record_log_entry (self, params);
  else if (g_str_equal (method, "Page.javascriptDialogOpening"))
    dismiss_dialog (self, params);
  else if (g_str_equal (method, "Page.loadEventFired"))
    self->load_events++;
}

/* The pipe */

static void
handle_message (AnjuBrowser *self,
                const char  *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  if (!json_parser_load_from_data (parser, text, -1, &error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_warning ("anju-browser: bad message from the browser: %s",
                 error != NULL ? error->message : text);
      return;
    }
  object = json_node_get_object (json_parser_get_root (parser));

  if (json_object_has_member (object, "id"))
    {
      guint id = (guint) json_object_get_int_member (object, "id");

      /* Only the call being waited for is kept: the others timed out. */
      if (id == self->waited_id)
        g_hash_table_insert (self->answers, GUINT_TO_POINTER (id),
                             json_parser_steal_root (parser));
    }
  else if (json_object_has_member (object, "method"))
    {
      JsonNode *params = json_object_get_member (object, "params");

      handle_event (self, json_object_get_string_member (object, "method"),
                    params != NULL && JSON_NODE_HOLDS_OBJECT (params)
                      ? json_node_get_object (params) : NULL);
    }
}

static void
split_messages (AnjuBrowser *self)
{
  gsize start = 0;

  for (gsize i = 0; i < self->inbox->len; i++)
    {
      if (self->inbox->str[i] != '\0')
        continue;
      handle_message (self, self->inbox->str + start);
      start = i + 1;
    }
  g_string_erase (self->inbox, 0, start);
}

static gboolean
event_fd_ready_cb (int          fd,
                   GIOCondition condition,
                   gpointer     user_data)
{
  AnjuBrowser *self = user_data;
  char buffer[65536];

  for (;;)
    {
      gssize n = read (fd, buffer, sizeof buffer);

      if (n > 0)
        {
          g_string_append_len (self->inbox, buffer, n);
          continue;
        }
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        break;
      /* End of file or a broken pipe: the browser is gone. */
      self->pipe_closed = TRUE;
      break;
    }
  split_messages (self);

  if (self->pipe_closed)
    {
      /* The context keeps its own reference while dispatching. */
      g_clear_pointer (&self->reader, g_source_unref);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the private context until done_func answers TRUE, the
 * timeout passes or, when stop_on_close, the pipe closes. */
static gboolean
iterate_context (AnjuBrowser *self,
                 gboolean   (*done_func) (AnjuBrowser *self, gpointer data),
                 gpointer     data,
                 guint        timeout_ms,
                 gboolean     stop_on_close)
{
  gboolean timed_out = FALSE;
  GSource *timer = g_timeout_source_new (timeout_ms);

  g_source_set_callback (timer, timeout_cb, &timed_out, NULL);
  g_source_attach (timer, self->context);

  while (!done_func (self, data) && !timed_out && !(stop_on_close && self->pipe_closed))
    g_main_context_iteration (self->context, TRUE);

  g_source_destroy (timer);
  g_source_unref (timer);
  return done_func (self, data);
}

static gboolean
iterate_until (AnjuBrowser *self,
               gboolean   (*done_func) (AnjuBrowser *self, gpointer data),
               gpointer     data,
               guint        timeout_ms)
{
  return iterate_context (self, done_func, data, timeout_ms, TRUE);
}

static gboolean
answer_arrived (AnjuBrowser *self,
                gpointer     data)
{
  return g_hash_table_contains (self->answers, data);
}

/* Sends method to the browser (session_id NULL) or the page and waits for
 * its answer.  Returns the "result" member, or NULL and an error naming
 * the method. */
static JsonNode *
send_command (AnjuBrowser  *self,
              const char   *session_id,
              const char   *method,
              JsonNode     *params,
              guint         timeout_ms,
              GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) message = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize length;
  guint id;
  JsonObject *object;

  if (self->pipe_closed || self->closed)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED, "%s: the browser is closed", method);
      return NULL;
    }

  id = ++self->next_id;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, method);
  if (session_id != NULL)
    {
      json_builder_set_member_name (builder, "sessionId");
      json_builder_add_string_value (builder, session_id);
    }
  json_builder_set_member_name (builder, "params");
  if (params != NULL)
    json_builder_add_value (builder, json_node_copy (params));
  else
    {
      json_builder_begin_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  message = json_builder_get_root (builder);
  text = json_to_string (message, FALSE);
  length = strlen (text);

  /* The NUL that ends the string ends the message too. */
  if (!write_all (self->command_fd, text, length + 1, &local_error))
    {
      g_set_error (error, G_IO_ERROR, local_error->code, "%s: %s", method, local_error->message);
      return NULL;
    }

  self->waited_id = id;
  iterate_until (self, answer_arrived, GUINT_TO_POINTER (id), timeout_ms);
  self->waited_id = 0;

  if (!g_hash_table_steal_extended (self->answers, GUINT_TO_POINTER (id), NULL, (gpointer *) &answer))
    {
      if (self->pipe_closed)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                     "%s: the browser closed its pipe", method);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                     "%s: no answer within %u ms", method, timeout_ms);
      return NULL;
    }

  object = json_node_get_object (answer);
  if (json_object_has_member (object, "error"))
    {
      JsonObject *failure = json_object_get_object_member (object, "error");

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", method,
                   json_object_get_string_member_with_default (failure, "message", "failed"));
      return NULL;
    }
  if (!json_object_has_member (object, "result"))
    return json_node_init_object (json_node_alloc (), json_object_new ());
  return json_node_copy (json_object_get_member (object, "result"));
}

/* Builds params from a NULL-terminated list of (name, JsonNode*) pairs;
 * the nodes are consumed. */
static JsonNode *
params_new (const char *first_name,
            ...)
{
  JsonObject *object = json_object_new ();
  const char *name = first_name;
  va_list args;

  va_start (args, first_name);
  while (name != NULL)
    {
      json_object_set_member (object, name, va_arg (args, JsonNode *));
      name = va_arg (args, const char *);
    }
  va_end (args);
  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
string_node (const char *value)
{
  return json_node_init_string (json_node_alloc (), value);
}

static JsonNode *
int_node (gint64 value)
{
  return json_node_init_int (json_node_alloc (), value);
}

static JsonNode *
double_node (double value)
{
  return json_node_init_double (json_node_alloc (), value);
}

static JsonNode *
bool_node (gboolean value)
{
  return json_node_init_boolean (json_node_alloc (), value);
}

static gboolean
call_page (AnjuBrowser  *self,
           const char   *method,
           JsonNode     *params,
           GError      **error)
{
  g_autoptr(JsonNode) owned = params;
  g_autoptr(JsonNode) result = send_command (self, self->session_id, method, owned,
                                             self->timeout_ms, error);

  return result != NULL;
}

/* Launch */

static char *
find_chromium (void)
{
  const char *override = g_getenv ("ANJU_CHROMIUM");
  char *path;

  if (override != NULL && *override != '\0')
    return g_file_test (override, G_FILE_TEST_IS_EXECUTABLE) ? g_strdup (override) : NULL;
  path = g_find_program_in_path ("chromium");
  if (path == NULL && g_file_test ("/usr/lib/chromium/chromium", G_FILE_TEST_IS_EXECUTABLE))
    path = g_strdup ("/usr/lib/chromium/chromium");
  return path;
}

/* The browser dies with the test process, even when that one aborts on a
 * failed assertion. */
static void
child_setup (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static GPtrArray *
build_arguments (const char               *chromium,
                 const char               *profile_dir,
                 const AnjuBrowserOptions *options)
{
  GPtrArray *argv = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (argv, g_strdup (chromium));
  g_ptr_array_add (argv, g_strdup ("--headless"));
  g_ptr_array_add (argv, g_strdup ("--no-sandbox"));
  g_ptr_array_add (argv, g_strdup ("--disable-gpu"));
  g_ptr_array_add (argv, g_strdup ("--disable-dev-shm-usage"));
  g_ptr_array_add (argv, g_strdup ("--remote-debugging-pipe"));
  g_ptr_array_add (argv, g_strdup_printf ("--user-data-dir=%s", profile_dir));
  g_ptr_array_add (argv, g_strdup ("--no-first-run"));
  g_ptr_array_add (argv, g_strdup ("--no-default-browser-check"));
  g_ptr_array_add (argv, g_strdup ("--disable-background-networking"));
  g_ptr_array_add (argv, g_strdup ("--disable-component-update"));
  g_ptr_array_add (argv, g_strdup ("--disable-sync"));
  g_ptr_array_add (argv, g_strdup ("--disable-quic"));
  g_ptr_array_add (argv, g_strdup ("--disable-extensions"));
  g_ptr_array_add (argv, g_strdup ("--password-store=basic"));
  g_ptr_array_add (argv, g_strdup ("--no-proxy-server"));
  g_ptr_array_add (argv, g_strdup ("--mute-audio"));
  if (options->spki_pin != NULL)
    g_ptr_array_add (argv, g_strdup_printf ("--ignore-certificate-errors-spki-list=%s",
                                            options->spki_pin));
  if (options->fake_camera_y4m != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("--use-fake-ui-for-media-stream"));
      g_ptr_array_add (argv, g_strdup ("--use-fake-device-for-media-stream"));
      g_ptr_array_add (argv, g_strdup_printf ("--use-file-for-fake-video-capture=%s",
                                              options->fake_camera_y4m));
    }
  g_ptr_array_add (argv, g_strdup ("about:blank"));
  g_ptr_array_add (argv, NULL);
  return argv;
}

static gboolean
start_process (AnjuBrowser               *self,
               const char                *chromium,
               const AnjuBrowserOptions  *options,
               GError                   **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = NULL;
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_SILENCE;
  int commands[2], events[2];

  if (g_getenv ("ANJU_TEST_VERBOSE") == NULL)
    flags |= G_SUBPROCESS_FLAGS_STDERR_SILENCE;

  if (!g_unix_open_pipe (commands, FD_CLOEXEC, error))
    return FALSE;
  if (!g_unix_open_pipe (events, FD_CLOEXEC, error))
    {
      close (commands[0]);
      close (commands[1]);
      return FALSE;
    }

  launcher = g_subprocess_launcher_new (flags);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  /* The launcher owns the child's ends from here on. */
  g_subprocess_launcher_take_fd (launcher, commands[0], 3);
  g_subprocess_launcher_take_fd (launcher, events[1], 4);
  self->command_fd = commands[1];
  self->event_fd = events[0];

  argv = build_arguments (chromium, self->profile_dir, options);
  self->process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, error);
  /* Our copies of the child's ends go with the launcher; closing them now
   * lets a dead browser show as end of file. */
  g_clear_object (&launcher);
  if (self->process == NULL)
    return FALSE;

  if (!g_unix_set_fd_nonblocking (self->event_fd, TRUE, error))
    return FALSE;
  self->reader = g_unix_fd_source_new (self->event_fd, G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_callback (self->reader, G_SOURCE_FUNC (event_fd_ready_cb), self, NULL);
  g_source_attach (self->reader, self->context);
  return TRUE;
}

/* A page of its own, attached with a flattened session: its commands and
 * events travel on the same pipe, tagged with the session id. */
static gboolean
attach_page (AnjuBrowser  *self,
             GError      **error)
{
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) attached = NULL;
  g_autoptr(JsonNode) params = NULL;
  const char *target_id;

  params = params_new ("url", string_node ("about:blank"), NULL);
  created = send_command (self, NULL, "Target.createTarget", params, self->timeout_ms, error);
  if (created == NULL)
    return FALSE;
  target_id = json_object_get_string_member (json_node_get_object (created), "targetId");

  g_clear_pointer (&params, json_node_unref);
  params = params_new ("targetId", string_node (target_id), "flatten", bool_node (TRUE), NULL);
  attached = send_command (self, NULL, "Target.attachToTarget", params, self->timeout_ms, error);
  if (attached == NULL)
    return FALSE;
  self->session_id = g_strdup (json_object_get_string_member (json_node_get_object (attached),
                                                              "sessionId"));
  return TRUE;
}

static gboolean
set_up_page (AnjuBrowser               *self,
             const AnjuBrowserOptions  *options,
             GError                   **error)
{
  return call_page (self, "Page.enable", NULL, error) &&
         call_page (self, "Runtime.enable", NULL, error) &&
         call_page (self, "Log.enable", NULL, error) &&
         call_page (self, "Emulation.setDeviceMetricsOverride",
                    params_new ("width", int_node (options->width),
                                "height", int_node (options->height),
                                "deviceScaleFactor", double_node (options->scale),
                                "mobile", bool_node (options->mobile),
                                NULL),
                    error) &&
         call_page (self, "Emulation.setTouchEmulationEnabled",
                    params_new ("enabled", bool_node (options->mobile),
                                "maxTouchPoints", int_node (options->mobile ? 5 : 1),
                                NULL),
                    error);
}

/* Close */

static void
wait_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

static gboolean
flag_set (AnjuBrowser *self,
          gpointer     data)
{
  return *(gboolean *) data;
}

/* Waits for the process on the private context; forces it after
 * CLOSE_TIMEOUT_MS. */
static void
reap_process (AnjuBrowser *self)
{
  gboolean done = FALSE;

  g_main_context_push_thread_default (self->context);
  g_subprocess_wait_async (self->process, NULL, wait_done_cb, &done);
  g_main_context_pop_thread_default (self->context);

  /* The pipe is closed by now: keep iterating regardless. */
  iterate_context (self, flag_set, &done, CLOSE_TIMEOUT_MS, FALSE);
  if (!done)
    {
      g_subprocess_force_exit (self->process);
      while (!done)
        g_main_context_iteration (self->context, TRUE);
    }
}

static gboolean
remove_tree (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, error);
      if (children == NULL)
        return FALSE;
      while ((info = g_file_enumerator_next_file (children, NULL, error)) != NULL)
        {
          g_autoptr(GFileInfo) owned = info;
          g_autofree char *child = g_build_filename (path, g_file_info_get_name (owned), NULL);

          if (!remove_tree (child, error))
            return FALSE;
        }
    }
  if (g_remove (path) != 0 && errno != ENOENT)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "removing %s: %s", path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* GObject */

static void
anju_browser_finalize (GObject *object)
{
  AnjuBrowser *self = ANJU_BROWSER (object);
  g_autoptr(GError) error = NULL;

  if (!anju_browser_close (self, &error))
    g_warning ("anju-browser: %s", error->message);

  g_clear_pointer (&self->session_id, g_free);
  g_clear_pointer (&self->profile_dir, g_free);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->console_errors, g_ptr_array_unref);
  g_string_free (self->inbox, TRUE);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (anju_browser_parent_class)->finalize (object);
}

static void
anju_browser_class_init (AnjuBrowserClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = anju_browser_finalize;
}

static void
anju_browser_init (AnjuBrowser *self)
{
  self->context = g_main_context_new ();
  self->inbox = g_string_new (NULL);
  self->answers = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) json_node_unref);
  self->console_errors = g_ptr_array_new_with_free_func (g_free);
  self->command_fd = -1;
  self->event_fd = -1;
  self->timeout_ms = DEFAULT_TIMEOUT_MS;
}

/* Public API */

AnjuBrowser *
anju_browser_launch (const AnjuBrowserOptions  *options,
                     GError                   **error)
{
  g_autoptr(AnjuBrowser) self = NULL;
  g_autofree char *chromium = NULL;

  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->width > 0 && options->height > 0, NULL);

  chromium = find_chromium ();
  if (chromium == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "Chromium is not installed (scripts/install-deps.sh installs it)");
      return NULL;
    }

  /* A browser that died makes our next write fail with EPIPE: an error,
   * not a signal that kills the test. */
  signal (SIGPIPE, SIG_IGN);

  self = g_object_new (ANJU_TYPE_BROWSER, NULL);
  self->profile_dir = g_dir_make_tmp ("anju-chromium-XXXXXX", error);
  if (self->profile_dir == NULL)
    return NULL;

  if (!start_process (self, chromium, options, error) ||
      !attach_page (self, error) ||
      !set_up_page (self, options, error))
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
load_event_after (AnjuBrowser *self,
                  gpointer     data)
{
  return self->load_events > GPOINTER_TO_UINT (data);
}

gboolean
anju_browser_navigate (AnjuBrowser  *self,
                       const char   *url,
                       GError      **error)
{
  g_autoptr(JsonNode) params = params_new ("url", string_node (url), NULL);
  g_autoptr(JsonNode) result = NULL;
  guint loads_before = self->load_events;
  JsonObject *object;

  g_return_val_if_fail (ANJU_IS_BROWSER (self), FALSE);

  result = send_command (self, self->session_id, "Page.navigate", params, self->timeout_ms, error);
  if (result == NULL)
    return FALSE;
  object = json_node_get_object (result);
  if (json_object_has_member (object, "errorText"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Page.navigate: %s: %s", url,
                   json_object_get_string_member (object, "errorText"));
      return FALSE;
    }

  /* No loaderId: the same document, only the hash changed. */
  if (!json_object_has_member (object, "loaderId"))
    return TRUE;
  if (!iterate_until (self, load_event_after, GUINT_TO_POINTER (loads_before), self->timeout_ms))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   "Page.navigate: %s did not load within %u ms", url, self->timeout_ms);
      return FALSE;
    }
  return TRUE;
}

JsonNode *
anju_browser_eval (AnjuBrowser  *self,
                   const char   *expression,
                   GError      **error)
{
  g_autoptr(JsonNode) params = NULL;
  g_autoptr(JsonNode) result = NULL;
  JsonObject *object;
  JsonObject *remote;

  g_return_val_if_fail (ANJU_IS_BROWSER (self), NULL);

  params = params_new ("expression", string_node (expression),
                       "awaitPromise", bool_node (TRUE),
                       "returnByValue", bool_node (TRUE),
                       "userGesture", bool_node (TRUE),
                       NULL);
  result = send_command (self, self->session_id, "Runtime.evaluate", params, self->timeout_ms, error);
  if (result == NULL)
    return NULL;
  object = json_node_get_object (result);

  if (json_object_has_member (object, "exceptionDetails"))
    {
      JsonObject *details = json_object_get_object_member (object, "exceptionDetails");
      JsonObject *exception = json_object_get_object_member (details, "exception");
      const char *text = json_object_get_string_member_with_default (details, "text", "exception");

      if (exception != NULL && json_object_has_member (exception, "description"))
        text = json_object_get_string_member (exception, "description");
      else if (exception != NULL && json_object_has_member (exception, "value"))
        text = json_object_get_string_member_with_default (exception, "value", text);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Runtime.evaluate: %s (in: %s)",
                   text, expression);
      return NULL;
    }

  remote = json_object_get_object_member (object, "result");
  if (remote == NULL || !json_object_has_member (remote, "value"))
    return json_node_init_null (json_node_alloc ());
  return json_node_copy (json_object_get_member (remote, "value"));
}

char *
anju_browser_eval_string (AnjuBrowser  *self,
                          const char   *expression,
                          GError      **error)
{
  g_autoptr(JsonNode) value = anju_browser_eval (self, expression, error);

  if (value == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
    {
      g_autofree char *json = json_to_string (value, FALSE);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "Runtime.evaluate: %s is %s, not a string", expression, json);
      return NULL;
    }
  return g_strdup (json_node_get_string (value));
}

static gboolean
nothing_done (AnjuBrowser *self,
              gpointer     data)
{
  return FALSE;
}

gboolean
anju_browser_wait_for (AnjuBrowser  *self,
                       const char   *expression,
                       guint         timeout_ms,
                       GError      **error)
{
  g_autofree char *truthy = g_strdup_printf ("!!(%s)", expression);
  g_autoptr(GError) last_error = NULL;
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  g_return_val_if_fail (ANJU_IS_BROWSER (self), FALSE);

  for (;;)
    {
      g_autoptr(JsonNode) value = NULL;

      g_clear_error (&last_error);
      value = anju_browser_eval (self, truthy, &last_error);
      if (value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_boolean (value))
        return TRUE;
      /* A closed browser will not come back. */
      if (self->pipe_closed || g_get_monotonic_time () >= deadline)
        break;
      /* Errors while polling (a navigation destroying the context) are
       * retried; events keep flowing meanwhile. */
      iterate_until (self, nothing_done, NULL, 50);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
               "waiting for %s: still false after %u ms%s%s", expression, timeout_ms,
               last_error != NULL ? "; last error: " : "",
               last_error != NULL ? last_error->message : "");
  return FALSE;
}

/* The centre of the first element matching selector, scrolled into the
 * middle of the viewport, in CSS pixels. */
static gboolean
element_centre (AnjuBrowser  *self,
                const char   *selector,
                double       *x,
                double       *y,
                GError      **error)
{
  g_autofree char *quoted = NULL;
  g_autofree char *expression = NULL;
  g_autoptr(JsonNode) selector_node = string_node (selector);
  g_autoptr(JsonNode) value = NULL;
  JsonObject *box;

  quoted = json_to_string (selector_node, FALSE);
  expression = g_strdup_printf (
    "(() => {"
    "  const el = document.querySelector (%s);"
    "  if (!el) throw new Error ('no element matches ' + %s);"
    "  el.scrollIntoView ({block: 'center', inline: 'center', behavior: 'instant'});"
    "  const r = el.getBoundingClientRect ();"
    "  if (r.width === 0 || r.height === 0) throw new Error (%s + ' is not visible');"
    "  return {x: r.left + r.width / 2, y: r.top + r.height / 2};"
    "}) ()",
    quoted, quoted, quoted);
  value = anju_browser_eval (self, expression, error);
  if (value == NULL)
    return FALSE;
  box = json_node_get_object (value);
  *x = json_object_get_double_member (box, "x");
  *y = json_object_get_double_member (box, "y");
  return TRUE;
}

static JsonNode *
touch_points (double   x,
              double   y,
              gboolean down)
{
  JsonArray *points = json_array_new ();

  if (down)
    {
      JsonObject *point = json_object_new ();

      json_object_set_double_member (point, "x", x);
      json_object_set_double_member (point, "y", y);
      json_array_add_object_element (points, point);
    }
  return json_node_init_array (json_node_alloc (), points);
}

gboolean
anju_browser_click (AnjuBrowser  *self,
                    const char   *selector,
                    GError      **error)
{
  double x, y;

  g_return_val_if_fail (ANJU_IS_BROWSER (self), FALSE);

  if (!element_centre (self, selector, &x, &y, error))
    return FALSE;
  return call_page (self, "Input.dispatchTouchEvent",
                    params_new ("type", string_node ("touchStart"),
                                "touchPoints", touch_points (x, y, TRUE), NULL),
                    error) &&
         call_page (self, "Input.dispatchTouchEvent",
                    params_new ("type", string_node ("touchEnd"),
                                "touchPoints", touch_points (x, y, FALSE), NULL),
                    error);
}

gboolean
anju_browser_type (AnjuBrowser  *self,
                   const char   *selector,
                   const char   *text,
                   GError      **error)
{
  g_autoptr(JsonNode) selector_node = string_node (selector);
  g_autofree char *quoted = json_to_string (selector_node, FALSE);
  g_autofree char *expression = NULL;
  g_autoptr(JsonNode) focused = NULL;

  g_return_val_if_fail (ANJU_IS_BROWSER (self), FALSE);

  /* setSelectionRange throws on inputs without a caret (email, number):
   * those get the caret where focus puts it. */
  expression = g_strdup_printf (
    "(() => {"
    "  const el = document.querySelector (%s);"
    "  if (!el) throw new Error ('no element matches ' + %s);"
    "  el.scrollIntoView ({block: 'center', behavior: 'instant'});"
    "  el.focus ();"
    "  if (document.activeElement !== el) throw new Error (%s + ' cannot take the focus');"
    "  try { const n = el.value.length; el.setSelectionRange (n, n); } catch (e) {}"
    "  return true;"
    "}) ()",
    quoted, quoted, quoted);
  focused = anju_browser_eval (self, expression, error);
  if (focused == NULL)
    return FALSE;
  return call_page (self, "Input.insertText", params_new ("text", string_node (text), NULL), error);
}

gboolean
anju_browser_set_files (AnjuBrowser        *self,
                        const char         *selector,
                        const char *const  *paths,
                        GError            **error)
{
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(JsonNode) found = NULL;
  g_autoptr(JsonNode) params = NULL;
  JsonArray *files = json_array_new ();
  gint64 root_id, node_id;

  g_return_val_if_fail (ANJU_IS_BROWSER (self), FALSE);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    json_array_add_string_element (files, paths[i]);

  params = params_new ("depth", int_node (0), NULL);
  document = send_command (self, self->session_id, "DOM.getDocument", params, self->timeout_ms, error);
  if (document == NULL)
    {
      json_array_unref (files);
      return FALSE;
    }
  root_id = json_object_get_int_member (json_object_get_object_member (json_node_get_object (document),
                                                                       "root"),
                                        "nodeId");

  g_clear_pointer (&params, json_node_unref);
  params = params_new ("nodeId", int_node (root_id), "selector", string_node (selector), NULL);
  found = send_command (self, self->session_id, "DOM.querySelector", params, self->timeout_ms, error);
  if (found == NULL)
    {
      json_array_unref (files);
      return FALSE;
    }
  node_id = json_object_get_int_member (json_node_get_object (found), "nodeId");
  if (node_id == 0)
    {
      json_array_unref (files);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "DOM.querySelector: no element matches %s", selector);
      return FALSE;
    }

  return call_page (self, "DOM.setFileInputFiles",
                    params_new ("nodeId", int_node (node_id),
                                "files", json_node_init_array (json_node_alloc (), files),
                                NULL),
                    error);
}

GBytes *
anju_browser_screenshot (AnjuBrowser  *self,
                         GError      **error)
{
  g_autoptr(JsonNode) params = params_new ("format", string_node ("png"), NULL);
  g_autoptr(JsonNode) result = NULL;
  const char *data;
  guchar *png;
  gsize length;

  g_return_val_if_fail (ANJU_IS_BROWSER (self), NULL);

  result = send_command (self, self->session_id, "Page.captureScreenshot", params,
                         self->timeout_ms, error);
  if (result == NULL)
    return NULL;
  data = json_object_get_string_member_with_default (json_node_get_object (result), "data", NULL);
  if (data == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "Page.captureScreenshot: no data in the answer");
      return NULL;
    }
  png = g_base64_decode (data, &length);
  return g_bytes_new_take (png, length);
}

GPtrArray *
anju_browser_take_console_errors (AnjuBrowser *self)
{
  GPtrArray *errors;

  g_return_val_if_fail (ANJU_IS_BROWSER (self), NULL);

  /* Events that already arrived are counted, without waiting. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  errors = g_steal_pointer (&self->console_errors);
  self->console_errors = g_ptr_array_new_with_free_func (g_free);
  return errors;
}

JsonNode *
anju_browser_call (AnjuBrowser  *self,
                   const char   *method,
                   JsonNode     *params,
                   GError      **error)
{
  g_return_val_if_fail (ANJU_IS_BROWSER (self), NULL);
  g_return_val_if_fail (method != NULL, NULL);

  return send_command (self, self->session_id, method, params, self->timeout_ms, error);
}

void
anju_browser_set_timeout (AnjuBrowser *self,
                          guint        timeout_ms)
{
  g_return_if_fail (ANJU_IS_BROWSER (self));
  g_return_if_fail (timeout_ms > 0);

  self->timeout_ms = timeout_ms;
}

gboolean
anju_browser_close (AnjuBrowser  *self,
                    GError      **error)
{
  g_return_val_if_fail (ANJU_IS_BROWSER (self), FALSE);

  if (self->closed)
    return TRUE;

  if (self->process != NULL)
    {
      /* Browser.close may answer or just close the pipe: either is fine. */
      g_autoptr(JsonNode) ignored = send_command (self, NULL, "Browser.close", NULL,
                                                  CLOSE_TIMEOUT_MS, NULL);
      reap_process (self);
    }
  self->closed = TRUE;

  if (self->reader != NULL)
    {
      g_source_destroy (self->reader);
      g_clear_pointer (&self->reader, g_source_unref);
    }
  if (self->command_fd >= 0)
    close (self->command_fd);
  if (self->event_fd >= 0)
    close (self->event_fd);
  self->command_fd = self->event_fd = -1;
  g_clear_object (&self->process);

  if (self->profile_dir != NULL && !remove_tree (self->profile_dir, error))
    return FALSE;
  return TRUE;
}

char *
anju_browser_spki_pin_from_pem (const char  *cert_pem,
                                GError     **error)
{
  gnutls_datum_t pem = { (unsigned char *) cert_pem, (unsigned int) strlen (cert_pem) };
  gnutls_datum_t der = { NULL, 0 };
  gnutls_x509_crt_t certificate = NULL;
  gnutls_pubkey_t key = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize digest_length = sizeof digest;
  int status;

  status = gnutls_x509_crt_init (&certificate);
  if (status == GNUTLS_E_SUCCESS)
    status = gnutls_x509_crt_import (certificate, &pem, GNUTLS_X509_FMT_PEM);
  if (status == GNUTLS_E_SUCCESS)
    status = gnutls_pubkey_init (&key);
  if (status == GNUTLS_E_SUCCESS)
    status = gnutls_pubkey_import_x509 (key, certificate, 0);
  if (status == GNUTLS_E_SUCCESS)
    status = gnutls_pubkey_export2 (key, GNUTLS_X509_FMT_DER, &der);

  if (key != NULL)
    gnutls_pubkey_deinit (key);
  if (certificate != NULL)
    gnutls_x509_crt_deinit (certificate);
  if (status != GNUTLS_E_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "reading the certificate's public key: %s", gnutls_strerror (status));
      return NULL;
    }

  g_checksum_update (checksum, der.data, der.size);
  gnutls_free (der.data);
  g_checksum_get_digest (checksum, digest, &digest_length);
  return g_base64_encode (digest, digest_length);
}
