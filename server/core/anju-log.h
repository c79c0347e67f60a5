/* anju-log.h: the server's log writer.  Structured records go to the
 * journal when stderr is connected to it (systemd), to stderr otherwise;
 * info records only with --verbose. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void anju_log_init (gboolean verbose);

G_END_DECLS
