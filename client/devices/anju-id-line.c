/* anju-id-line.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "anju-id-frame.h"
#include "anju-id-line.h"
#include "anju-id-reader.h"

static gboolean
set_unplugged (GError    **error,
               const char *detail)
{
  g_debug ("ID card reader: %s", detail);
  g_set_error_literal (error, ANJU_ID_READER_ERROR, ANJU_ID_READER_ERROR_UNPLUGGED,
                       _("The ID card reader is not connected; please ask the staff for help"));
  return FALSE;
}

static gboolean
set_failed (GError    **error,
            const char *detail)
{
  g_debug ("ID card reader: %s", detail);
  g_set_error_literal (error, ANJU_ID_READER_ERROR, ANJU_ID_READER_ERROR_FAILED,
                       _("The ID card reader is out of order; please ask the staff for help"));
  return FALSE;
}

/* Raw before any byte flows (FEASIBILITY §4): with the default line
 * discipline ECHO sends frames back, ICRNL turns 0x0D into 0x0A and IXON
 * swallows 0x11, the SAM status command. */
static gboolean
configure_line (int      fd,
                GError **error)
{
  struct termios tio;

  if (tcgetattr (fd, &tio) != 0)
    return set_failed (error, g_strerror (errno));
  cfmakeraw (&tio);
  tio.c_cflag |= CLOCAL | CREAD;
  tio.c_cflag &= ~(CSTOPB | CRTSCTS);
  cfsetispeed (&tio, B115200);
  cfsetospeed (&tio, B115200);
  if (tcsetattr (fd, TCSANOW, &tio) != 0)
    return set_failed (error, g_strerror (errno));
  tcflush (fd, TCIOFLUSH);
  return TRUE;
}

int
_anju_id_line_open (const char  *path,
                    gboolean    *missing,
                    GError     **error)
{
  int fd = -1;
  int saved_errno = 0;

  *missing = FALSE;
  /* O_NOCTTY: the reader must never become the kiosk's controlling
   * terminal; O_NONBLOCK: every wait is a poll() with a timeout. */
  fd = g_open (path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      if (saved_errno == ENOENT || saved_errno == ENODEV || saved_errno == ENXIO ||
          saved_errno == EIO)
        {
          *missing = saved_errno == ENOENT || saved_errno == ENODEV;
          set_unplugged (error, g_strerror (saved_errno));
        }
      else
        set_failed (error, g_strerror (saved_errno));
      return -1;
    }
  if (!isatty (fd))
    {
      close (fd);
      set_failed (error, "not a terminal");
      return -1;
    }
  if (!configure_line (fd, error))
    {
      close (fd);
      return -1;
    }
  return fd;
}

static int
remaining_ms (gint64 deadline)
{
  gint64 left = deadline - g_get_monotonic_time ();

  return left > 0 ? (int) ((left + 999) / 1000) : 0;
}

/* Waits until fd is ready for events, the deadline passes or the
 * cancellable fires; 1 when ready, 0 on timeout, -1 with an error. */
static int
wait_for (int            fd,
          short          events,
          gint64         deadline,
          GCancellable  *cancellable,
          GError       **error)
{
  GPollFD cancel_fd = { .fd = -1 };
  struct pollfd fds[2] = { { .fd = fd, .events = events } };
  nfds_t n_fds = 1;
  int ready = 0;

  if (cancellable != NULL && g_cancellable_make_pollfd (cancellable, &cancel_fd))
    {
      fds[1].fd = cancel_fd.fd;
      fds[1].events = POLLIN;
      n_fds = 2;
    }

  do
    ready = poll (fds, n_fds, remaining_ms (deadline));
  while (ready < 0 && errno == EINTR);

  if (n_fds == 2)
    g_cancellable_release_fd (cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  if (ready < 0)
    {
      set_failed (error, g_strerror (errno));
      return -1;
    }
  if (ready == 0)
    return 0;
  /* POLLHUP together with POLLIN: read what is left first; the read
   * itself then reports the hang-up. */
  if ((fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) != 0 && (fds[0].revents & events) == 0)
    {
      set_unplugged (error, "hung up");
      return -1;
    }
  return 1;
}

static gboolean
set_timeout (GError **error)
{
  g_set_error_literal (error, ANJU_ID_READER_ERROR, ANJU_ID_READER_ERROR_TIMEOUT,
                       _("The ID card reader did not answer; please ask the staff for help"));
  return FALSE;
}

static gboolean
write_all (int            fd,
           GBytes        *bytes,
           gint64         deadline,
           GCancellable  *cancellable,
           GError       **error)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  gsize written = 0;

  while (written < len)
    {
      ssize_t n = 0;
      int ready = wait_for (fd, POLLOUT, deadline, cancellable, error);

      if (ready < 0)
        return FALSE;
      if (ready == 0)
        return set_timeout (error);
      n = write (fd, data + written, len - written);
      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n < 0)
        return set_unplugged (error, g_strerror (errno));
      written += n;
    }
  return TRUE;
}

static gboolean
set_corrupt (GError    **error,
             const char *detail)
{
  g_debug ("ID card reader: %s", detail);
  g_set_error_literal (error, ANJU_ID_READER_ERROR, ANJU_ID_READER_ERROR_CHECKSUM,
                       _("The ID card reader sent damaged data; please try again"));
  return FALSE;
}

/* Reads until one whole frame is in; bytes before its preamble are line
 * noise and dropped (the parser resynchronises on the preamble). */
static GBytes *
read_frame (int            fd,
            gint64         deadline,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  GBytes *payload = NULL;

  for (;;)
    {
      guint8 chunk[512];
      g_autoptr(GError) frame_error = NULL;
      gsize consumed = 0;
      ssize_t n = 0;
      int ready = wait_for (fd, POLLIN, deadline, cancellable, error);

      if (ready < 0)
        break;
      if (ready == 0)
        {
          set_timeout (error);
          break;
        }
      n = read (fd, chunk, sizeof chunk);
      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n <= 0)
        {
          /* A pty whose master closed, or a USB adapter pulled out. */
          set_unplugged (error, n == 0 ? "end of file" : g_strerror (errno));
          break;
        }
      g_byte_array_append (buf, chunk, n);
      explicit_bzero (chunk, n);

      if (anju_id_frame_parse (buf->data, buf->len, &consumed, &payload, &frame_error))
        break;
      if (frame_error != NULL)
        {
          set_corrupt (error, frame_error->message);
          break;
        }
      g_byte_array_remove_range (buf, 0, consumed);
    }

  /* The read reply holds a person's data: leave none of it behind. */
  if (buf->len > 0)
    explicit_bzero (buf->data, buf->len);
  return payload;
}

gboolean
_anju_id_line_exchange (int            fd,
                        guint8         cmd,
                        guint8         para,
                        guint          timeout_ms,
                        GCancellable  *cancellable,
                        guint8        *sw3,
                        GBytes       **data,
                        GError       **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  g_autoptr(GBytes) command = anju_id_frame_encode_command (cmd, para);
  GBytes *payload = NULL;
  guint8 *bytes = NULL;
  gsize len = 0;

  /* Nothing before our command can be its answer. */
  tcflush (fd, TCIFLUSH);
  if (!write_all (fd, command, deadline, cancellable, error))
    return FALSE;
  payload = read_frame (fd, deadline, cancellable, error);
  if (payload == NULL)
    return FALSE;
  /* Our own copy of the payload, to wipe once the data is out of it. */
  bytes = g_bytes_unref_to_data (payload, &len);
  if (len >= 3)
    {
      *sw3 = bytes[2];
      *data = g_bytes_new (bytes + 3, len - 3);
    }
  if (len > 0)
    explicit_bzero (bytes, len);
  g_free (bytes);
  if (len < 3)
    return set_corrupt (error, "an answer without its three status bytes");
  return TRUE;
}
