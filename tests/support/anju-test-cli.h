/* anju-test-cli.h: running the built anju-server binary from a test.
 *
 * meson passes the binary's path in ANJU_SERVER_BIN (tests/server/
 * meson.build).  The child inherits the test's environment, so messages
 * come out in the C locale the test runs under.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int   exit_status;    /* the process's exit code; -1 if it was killed */
  char *out;            /* standard output, UTF-8 */
  char *err;            /* standard error, UTF-8 */
} AnjuCliResult;

void           anju_cli_result_free  (AnjuCliResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuCliResult, anju_cli_result_free)

/* Path of the anju-server binary; fails the test when meson did not say. */
const char    *anju_test_cli_binary  (void);

/* anju-server --config config_path ARGS…; stdin_text (nullable) is fed to
 * its standard input.  Waits for it to exit. */
AnjuCliResult *anju_test_run_cli     (const char  *config_path,
                                      const char  *stdin_text,
                                      const char  *first_arg,
                                      ...) G_GNUC_NULL_TERMINATED;

/* Writes an anju-server.conf in dir using database_path and
 * audit_key_path, plus extra lines (nullable); returns its path. */
char          *anju_test_write_config (const char *dir,
                                       const char *database_path,
                                       const char *audit_key_path,
                                       const char *extra);

G_END_DECLS
