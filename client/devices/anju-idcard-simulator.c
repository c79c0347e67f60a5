/* anju-idcard-simulator.c: a GA/T 467 resident ID card reader on a
 * pseudo-terminal, for tests and demo terminals.
 *
 * It opens a pty in raw mode, prints the slave's path as the first line
 * of its standard output, and answers SAM status, find, select and read
 * frames on it the way a reader with (or without) a card does.  Standard
 * input takes one command a line (see --help); each is acknowledged by a
 * line "ok <command>" or "error: <why>" so that a test knows it took
 * effect before it reads.  It exits on "unplug" and when the thread that
 * started it ends (PR_SET_PDEATHSIG): start it from the main thread.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <termios.h>
#include <unistd.h>

#include "anju-id-card-file.h"
#include "anju-id-frame.h"

/* SW3 codes of GA/T 467 for frames the simulator cannot serve. */
#define SW3_BAD_CHECKSUM 0x10
#define SW3_BAD_LENGTH   0x11
#define SW3_UNSUPPORTED  0x21

typedef struct
{
  int          master;
  int          slave;        /* kept open: the master then never hangs up
                              * between two readers' opens */
  AnjuIdCard  *card;         /* (owned) (nullable): the card on the reader */
  gboolean     corrupt_next; /* next reply's checksum is wrong */
  gboolean     fail_next_read;
  gboolean     silent_next;  /* next frame gets no answer at all */
  GByteArray  *in;           /* bytes from the reader not parsed yet */
  GString     *command;      /* the stdin line being read */
  gboolean     stdin_open;
  gboolean     unplugged;
} Simulator;

static void
simulator_clear (Simulator *sim)
{
  if (sim->master >= 0)
    close (sim->master);
  if (sim->slave >= 0)
    close (sim->slave);
  g_clear_pointer (&sim->card, anju_id_card_free);
  g_clear_pointer (&sim->in, g_byte_array_unref);
  if (sim->command != NULL)
    g_string_free (sim->command, TRUE);
}

static void
say (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  fflush (stdout);
}

/* The photo a real card would give: the simulator has no WLT encoder, so
 * a recognisable placeholder of the right size stands in. */
static void
give_placeholder_photo (AnjuIdCard *card)
{
  static const char mark[] = "ANJU SIMULATED WLT";
  guint8 *photo = NULL;

  if (card->photo_wlt != NULL)
    return;
  photo = g_malloc0 (ANJU_ID_PHOTO_BYTES);
  memcpy (photo, mark, sizeof mark);
  card->photo_wlt = g_bytes_new_take (photo, ANJU_ID_PHOTO_BYTES);
}

static gboolean
insert_card (Simulator   *sim,
             const char  *source,
             GError     **error)
{
  g_autoptr(AnjuIdCard) card = NULL;

  if (g_strcmp0 (source, "default") == 0)
    card = anju_id_card_new_sample ();
  else
    card = anju_id_card_load_key_file (source, error);
  if (card == NULL)
    return FALSE;

  give_placeholder_photo (card);
  g_clear_pointer (&sim->card, anju_id_card_free);
  sim->card = g_steal_pointer (&card);
  return TRUE;
}

static gboolean
write_all (int          fd,
           const guint8 *data,
           gsize         len)
{
  while (len > 0)
    {
      ssize_t n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      len -= n;
    }
  return TRUE;
}

static void
send_reply (Simulator    *sim,
            guint8        sw3,
            const guint8 *data,
            gsize         data_len)
{
  GBytes *frame = anju_id_frame_encode_response (0x00, 0x00, sw3, data, data_len);
  gsize len = 0;
  g_autofree guint8 *bytes = g_bytes_unref_to_data (frame, &len);

  if (sim->corrupt_next)
    {
      bytes[len - 1] ^= 0xFF;
      sim->corrupt_next = FALSE;
    }
  if (!write_all (sim->master, bytes, len))
    g_printerr ("anju-idcard-simulator: %s\n", g_strerror (errno));
}

static void
answer_read (Simulator *sim)
{
  g_autoptr(GBytes) data = NULL;

  if (sim->card == NULL || sim->fail_next_read)
    {
      sim->fail_next_read = FALSE;
      send_reply (sim, ANJU_ID_SW3_READ_FAIL, NULL, 0);
      return;
    }
  data = anju_id_card_encode_read_data (sim->card);
  send_reply (sim, ANJU_ID_SW3_SUCCESS,
              g_bytes_get_data (data, NULL), g_bytes_get_size (data));
}

static void
answer_frame (Simulator *sim,
              GBytes    *payload)
{
  static const guint8 find_data[4] = { 0 };
  static const guint8 select_data[8] = { 0 };
  gsize len = 0;
  const guint8 *bytes = g_bytes_get_data (payload, &len);
  guint command = 0;

  if (sim->silent_next)
    {
      sim->silent_next = FALSE;
      return;
    }
  if (len != 2)
    {
      send_reply (sim, SW3_BAD_LENGTH, NULL, 0);
      return;
    }

  command = (bytes[0] << 8) | bytes[1];
  switch (command)
    {
    case 0x11FF: /* SAM status */
      send_reply (sim, ANJU_ID_SW3_SUCCESS, NULL, 0);
      break;
    case 0x2001: /* find */
      if (sim->card != NULL)
        send_reply (sim, ANJU_ID_SW3_FIND_OK, find_data, sizeof find_data);
      else
        send_reply (sim, ANJU_ID_SW3_NO_CARD, NULL, 0);
      break;
    case 0x2002: /* select */
      if (sim->card != NULL)
        send_reply (sim, ANJU_ID_SW3_SUCCESS, select_data, sizeof select_data);
      else
        send_reply (sim, ANJU_ID_SW3_SELECT_FAIL, NULL, 0);
      break;
    case 0x3001: /* read text and photo */
      answer_read (sim);
      break;
    default:
      send_reply (sim, SW3_UNSUPPORTED, NULL, 0);
    }
}

static void
serve_reader (Simulator *sim)
{
  guint8 chunk[512];
  ssize_t n = read (sim->master, chunk, sizeof chunk);

  if (n <= 0)
    return;
  g_byte_array_append (sim->in, chunk, n);

  for (;;)
    {
      g_autoptr(GBytes) payload = NULL;
      g_autoptr(GError) error = NULL;
      gsize consumed = 0;
      gboolean whole = anju_id_frame_parse (sim->in->data, sim->in->len,
                                            &consumed, &payload, &error);

      g_byte_array_remove_range (sim->in, 0, consumed);
      if (whole)
        answer_frame (sim, payload);
      else if (error != NULL)
        send_reply (sim, g_error_matches (error, ANJU_ID_FRAME_ERROR, ANJU_ID_FRAME_ERROR_CHECKSUM)
                         ? SW3_BAD_CHECKSUM : SW3_BAD_LENGTH, NULL, 0);
      else
        break;
    }
}

static void
run_command (Simulator  *sim,
             const char *line)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *command = g_strstrip (g_strdup (line));

  if (*command == '\0')
    return;
  if (g_str_has_prefix (command, "insert "))
    {
      if (!insert_card (sim, g_strstrip (command + strlen ("insert ")), &error))
        {
          say ("error: %s", error->message);
          return;
        }
    }
  else if (g_str_equal (command, "remove"))
    g_clear_pointer (&sim->card, anju_id_card_free);
  else if (g_str_equal (command, "corrupt-next"))
    sim->corrupt_next = TRUE;
  else if (g_str_equal (command, "fail-read"))
    sim->fail_next_read = TRUE;
  else if (g_str_equal (command, "silent-next"))
    sim->silent_next = TRUE;
  else if (g_str_equal (command, "unplug"))
    {
      /* The reader's next poll() sees a hang-up, its next read() EIO. */
      close (sim->master);
      sim->master = -1;
      sim->unplugged = TRUE;
    }
  else
    {
      say ("error: unknown command “%s”", command);
      return;
    }
  say ("ok %s", command);
}

static void
read_commands (Simulator *sim)
{
  char chunk[256];
  ssize_t n = read (STDIN_FILENO, chunk, sizeof chunk);
  char *newline = NULL;

  if (n <= 0)
    {
      /* No more commands, but the reader may still want answers. */
      sim->stdin_open = FALSE;
      return;
    }
  g_string_append_len (sim->command, chunk, n);
  while (!sim->unplugged && (newline = strchr (sim->command->str, '\n')) != NULL)
    {
      *newline = '\0';
      run_command (sim, sim->command->str);
      g_string_erase (sim->command, 0, newline - sim->command->str + 1);
    }
}

static gboolean
open_pty (Simulator  *sim,
          GError    **error)
{
  struct termios tio;
  char name[256] = "";

  /* Raw from the start (FEASIBILITY §4): no byte may pass through a
   * cooked line discipline, least of all 0x11. */
  memset (&tio, 0, sizeof tio);
  cfmakeraw (&tio);
  tio.c_cflag |= CLOCAL | CREAD;
  cfsetispeed (&tio, B115200);
  cfsetospeed (&tio, B115200);
  if (openpty (&sim->master, &sim->slave, name, &tio, NULL) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Cannot open a pseudo-terminal: %s"), g_strerror (errno));
      return FALSE;
    }
  say ("%s", name);
  return TRUE;
}

static int
serve (Simulator *sim)
{
  while (!sim->unplugged)
    {
      struct pollfd fds[2] = {
        { .fd = sim->master, .events = POLLIN },
        { .fd = sim->stdin_open ? STDIN_FILENO : -1, .events = POLLIN },
      };

      if (poll (fds, 2, -1) < 0)
        {
          if (errno == EINTR)
            continue;
          g_printerr ("anju-idcard-simulator: %s\n", g_strerror (errno));
          return 1;
        }
      if (fds[0].revents & POLLIN)
        serve_reader (sim);
      if (fds[1].revents & (POLLIN | POLLHUP))
        read_commands (sim);
    }
  return 0;
}

static const char description[] = N_(
  "Commands on standard input, one a line, each answered by “ok …” or “error: …”:\n"
  "  insert FILE|default   put a card on the reader\n"
  "  remove                take the card away\n"
  "  corrupt-next          the next answer has a wrong checksum\n"
  "  fail-read             the next read answers 41 (read failed)\n"
  "  silent-next           the next frame gets no answer\n"
  "  unplug                close the pseudo-terminal and exit\n"
  "\n"
  "A card file is a key file with a group [card] and the keys name, sex\n"
  "(1 or 2), nation_code (01 to 56), birth_date, address, id_no,\n"
  "authority, valid_from and valid_to (YYYY-MM-DD; valid_to may be 长期).\n"
  "“default” is a fictional woman of 长沙市岳麓区.");

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *card = NULL;
  Simulator sim = { .master = -1, .slave = -1, .stdin_open = TRUE };
  const char *localedir = NULL;
  int status = 0;
  const GOptionEntry entries[] = {
    { "card", 'c', 0, G_OPTION_ARG_FILENAME, &card,
      N_("Start with this card on the reader (a card file, or “default”)"), N_("FILE") },
    { NULL },
  };

  setlocale (LC_ALL, "");
  localedir = g_getenv ("ANJU_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("— a resident ID card reader on a pseudo-terminal"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, _(description));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("anju-idcard-simulator: %s\n", error->message);
      return 2;
    }

  /* Never outlive the kiosk or test that started us. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);

  sim.in = g_byte_array_new ();
  sim.command = g_string_new (NULL);
  if ((card != NULL && !insert_card (&sim, card, &error)) || !open_pty (&sim, &error))
    {
      g_printerr ("anju-idcard-simulator: %s\n", error->message);
      simulator_clear (&sim);
      return 1;
    }

  status = serve (&sim);
  simulator_clear (&sim);
  return status;
}
