#include "config.h"

#include <unistd.h>

#include "anju-log.h"

typedef struct
{
  gboolean verbose;
  gboolean journald;
} LogState;

static GLogWriterOutput
anju_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  const LogState *state = user_data;

  if ((log_level & (G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG)) != 0 && !state->verbose)
    return G_LOG_WRITER_HANDLED;

  if (state->journald && g_log_writer_journald (log_level, fields, n_fields, NULL) == G_LOG_WRITER_HANDLED)
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_standard_streams (log_level, fields, n_fields, NULL);
}

void
anju_log_init (gboolean verbose)
{
  /* The writer lives as long as the process: it is installed once. */
  static LogState state;

  state.verbose = verbose;
  state.journald = g_log_writer_is_journald (STDERR_FILENO);
  g_log_set_writer_func (anju_log_writer, &state, NULL);
}
