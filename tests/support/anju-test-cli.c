/* anju-test-cli.c: running the built anju-server binary from a test. */

#include "anju-test-cli.h"

#include <gio/gio.h>

void
anju_cli_result_free (AnjuCliResult *result)
{
  if (result == NULL)
    return;

  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

const char *
anju_test_cli_binary (void)
{
  const char *binary = g_getenv ("ANJU_SERVER_BIN");

  if (binary == NULL || !g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("ANJU_SERVER_BIN does not name the built anju-server (run the tests through meson)");

  return binary;
}

AnjuCliResult *
anju_test_run_cli (const char *config_path,
                   const char *stdin_text,
                   const char *first_arg,
                   ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GString) command_line = g_string_new (NULL);
  AnjuCliResult *result = g_new0 (AnjuCliResult, 1);
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;
  va_list args;

  g_ptr_array_add (argv, (gpointer) anju_test_cli_binary ());
  if (config_path != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--config");
      g_ptr_array_add (argv, (gpointer) config_path);
    }
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  for (guint i = 0; g_ptr_array_index (argv, i) != NULL; i++)
    g_string_append_printf (command_line, " %s", (const char *) g_ptr_array_index (argv, i));
  g_test_message ("running%s", command_line->str);

  if (stdin_text != NULL)
    flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;
  process = g_subprocess_newv ((const char * const *) argv->pdata, flags, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, stdin_text, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);

  result->exit_status = g_subprocess_get_if_exited (process)
                        ? g_subprocess_get_exit_status (process)
                        : -1;
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", result->exit_status, result->out, result->err);

  return result;
}

char *
anju_test_write_config (const char *dir,
                        const char *database_path,
                        const char *audit_key_path,
                        const char *extra)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  char *path = g_build_filename (dir, "anju-server.conf", NULL);

  text = g_strdup_printf ("[server]\n"
                          "listen=127.0.0.1:0\n"
                          "\n"
                          "[database]\n"
                          "path=%s\n"
                          "\n"
                          "[security]\n"
                          "audit_key_file=%s\n"
                          "%s",
                          database_path, audit_key_path, extra != NULL ? extra : "");
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  return path;
}
