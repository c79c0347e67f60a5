/* test-id-reader.c: AnjuIdReader against anju-idcard-simulator on a
 * pseudo-terminal, through the same serial code a real reader uses
 * (F-TERM-005 identity capture).
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "anju-id-reader.h"

typedef struct
{
  GSubprocess      *simulator;
  GDataInputStream *replies;   /* its standard output */
  GOutputStream    *commands;  /* its standard input */
  char             *tty;
  AnjuIdReader     *reader;
} Fixture;

static void
start_simulator (Fixture    *fixture,
                 const char *card)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { ANJU_IDCARD_SIMULATOR, "--card", card, NULL };

  if (card == NULL)
    argv[1] = NULL;
  fixture->simulator = g_subprocess_newv (argv,
                                          G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                          &error);
  g_assert_no_error (error);
  fixture->replies = g_data_input_stream_new (g_subprocess_get_stdout_pipe (fixture->simulator));
  fixture->commands = g_object_ref (g_subprocess_get_stdin_pipe (fixture->simulator));

  fixture->tty = g_data_input_stream_read_line_utf8 (fixture->replies, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->tty);
  g_assert_true (g_str_has_prefix (fixture->tty, "/dev/"));

  fixture->reader = anju_id_reader_new (fixture->tty);
}

static void
fixture_set_up_with_card (Fixture       *fixture,
                          gconstpointer  data)
{
  start_simulator (fixture, "default");
}

static void
fixture_set_up_empty (Fixture       *fixture,
                      gconstpointer  data)
{
  start_simulator (fixture, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->reader);
  /* Nothing when it has exited already (unplug). */
  g_subprocess_force_exit (fixture->simulator);
  g_subprocess_wait (fixture->simulator, NULL, NULL);
  g_clear_object (&fixture->commands);
  g_clear_object (&fixture->replies);
  g_clear_object (&fixture->simulator);
  g_clear_pointer (&fixture->tty, g_free);
}

/* Sends one command and waits for its acknowledgement, so that it has
 * taken effect before the reader asks anything. */
static void
send_command (Fixture    *fixture,
              const char *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_strconcat (command, "\n", NULL);
  g_autofree char *reply = NULL;
  g_autofree char *expected = g_strconcat ("ok ", command, NULL);

  g_output_stream_write_all (fixture->commands, line, strlen (line), NULL, NULL, &error);
  g_assert_no_error (error);
  reply = g_data_input_stream_read_line_utf8 (fixture->replies, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reply, ==, expected);
}

static void
read_card_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static AnjuIdCard *
read_card (AnjuIdReader  *reader,
           GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anju_id_reader_read_card_async (reader, NULL, read_card_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return anju_id_reader_read_card_finish (reader, result, error);
}

static void
test_read_card (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuIdCard) card = read_card (fixture->reader, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (card->name, ==, "王小湘");
  g_assert_cmpstr (card->sex, ==, "2");
  g_assert_cmpstr (card->nation_code, ==, "01");
  g_assert_cmpstr (card->nation, ==, "汉");
  g_assert_cmpstr (card->birth_date, ==, "1990-05-12");
  g_assert_cmpstr (card->address, ==, "湖南省长沙市岳麓区银盆岭街道银盆南路88号");
  g_assert_cmpstr (card->id_no, ==, "430104199005120020");
  g_assert_cmpstr (card->authority, ==, "长沙市公安局岳麓分局");
  g_assert_cmpstr (card->valid_from, ==, "2015-06-01");
  g_assert_cmpstr (card->valid_to, ==, "2035-06-01");
  g_assert_nonnull (card->photo_wlt);
  g_assert_cmpuint (g_bytes_get_size (card->photo_wlt), ==, 1024);

  g_assert_cmpstr (anju_device_get_kind (ANJU_DEVICE (fixture->reader)), ==, "id_reader");
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (fixture->reader)), ==, ANJU_DEVICE_STATE_OK);
  g_assert_null (anju_device_get_status_message (ANJU_DEVICE (fixture->reader)));

  /* The line stays open: a second read works the same. */
  g_clear_pointer (&card, anju_id_card_free);
  card = read_card (fixture->reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (card->id_no, ==, "430104199005120020");
}

static void
test_no_card (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuIdCard) card = read_card (fixture->reader, &error);

  g_assert_error (error, ANJU_ID_READER_ERROR, ANJU_ID_READER_ERROR_NO_CARD);
  g_assert_null (card);
  /* No card is the citizen's business, not a fault of the reader. */
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (fixture->reader)), ==, ANJU_DEVICE_STATE_OK);

  send_command (fixture, "insert default");
  g_clear_error (&error);
  card = read_card (fixture->reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (card->name, ==, "王小湘");

  send_command (fixture, "remove");
  g_clear_pointer (&card, anju_id_card_free);
  card = read_card (fixture->reader, &error);
  g_assert_error (error, ANJU_ID_READER_ERROR, ANJU_ID_READER_ERROR_NO_CARD);
}

static char *
write_card_file (const char *dir,
                 const char *id_no)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "card.ini", NULL);
  g_autofree char *contents =
    g_strdup_printf ("[card]\nname=李长沙\nsex=1\nnation_code=15\nbirth_date=1958-03-02\n"
                     "address=湖南省长沙市岳麓区望月湖街道\nid_no=%s\n"
                     "authority=长沙市公安局岳麓分局\nvalid_from=2010-01-01\nvalid_to=长期\n",
                     id_no);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_card_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("anju-id-reader-XXXXXX", &error);
  g_autofree char *good = write_card_file (dir, "430104195803020018");
  g_autofree char *command = g_strconcat ("insert ", good, NULL);
  g_autoptr(AnjuIdCard) card = NULL;

  send_command (fixture, command);
  card = read_card (fixture->reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (card->name, ==, "李长沙");
  g_assert_cmpstr (card->nation, ==, "土家");
  g_assert_cmpstr (card->valid_to, ==, "长期");

  /* The same file, now with a wrong check character: the card is refused
   * as unreadable; the reader itself did nothing wrong. */
  g_free (write_card_file (dir, "430104195803020011"));
  send_command (fixture, command);
  g_clear_pointer (&card, anju_id_card_free);
  card = read_card (fixture->reader, &error);
  g_assert_error (error, ANJU_ID_READER_ERROR, ANJU_ID_READER_ERROR_READ_FAILED);
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (fixture->reader)), ==, ANJU_DEVICE_STATE_OK);

  g_unlink (good);
  g_rmdir (dir);
}

static void
test_corrupt_frame (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuIdCard) card = NULL;

  send_command (fixture, "corrupt-next");
  card = read_card (fixture->reader, &error);
  g_assert_error (error, ANJU_ID_READER_ERROR, ANJU_ID_READER_ERROR_CHECKSUM);
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (fixture->reader)), ==, ANJU_DEVICE_STATE_ERROR);
  g_assert_cmpstr (anju_device_get_status_message (ANJU_DEVICE (fixture->reader)), ==, error->message);

  /* The next good exchange clears the fault. */
  g_clear_error (&error);
  card = read_card (fixture->reader, &error);
  g_assert_no_error (error);
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (fixture->reader)), ==, ANJU_DEVICE_STATE_OK);
}

static void
test_read_failed (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuIdCard) card = NULL;

  send_command (fixture, "fail-read");
  card = read_card (fixture->reader, &error);
  g_assert_error (error, ANJU_ID_READER_ERROR, ANJU_ID_READER_ERROR_READ_FAILED);
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (fixture->reader)), ==, ANJU_DEVICE_STATE_OK);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuIdCard) card = NULL;

  anju_id_reader_set_timeout (fixture->reader, 200);
  send_command (fixture, "silent-next");
  card = read_card (fixture->reader, &error);
  g_assert_error (error, ANJU_ID_READER_ERROR, ANJU_ID_READER_ERROR_TIMEOUT);
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (fixture->reader)), ==, ANJU_DEVICE_STATE_ERROR);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AnjuIdCard) card = NULL;

  /* The reader waits for an answer that never comes, far longer than the
   * test runs: only the cancellation can end the wait. */
  anju_id_reader_set_timeout (fixture->reader, 600000);
  send_command (fixture, "silent-next");
  anju_id_reader_read_card_async (fixture->reader, cancellable, read_card_cb, &result);
  g_cancellable_cancel (cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  card = anju_id_reader_read_card_finish (fixture->reader, result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (card);
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (fixture->reader)), ==, ANJU_DEVICE_STATE_OK);
}

static void
test_unplug (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnjuIdCard) card = read_card (fixture->reader, &error);

  g_assert_no_error (error);

  /* The simulator closes the pty and exits; the reader's open line hangs
   * up under it.  (No read after this one: the pty's number may already
   * belong to another program.) */
  send_command (fixture, "unplug");
  g_subprocess_wait (fixture->simulator, NULL, &error);
  g_assert_no_error (error);

  g_clear_pointer (&card, anju_id_card_free);
  card = read_card (fixture->reader, &error);
  g_assert_error (error, ANJU_ID_READER_ERROR, ANJU_ID_READER_ERROR_UNPLUGGED);
  g_assert_null (card);
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (fixture->reader)), ==, ANJU_DEVICE_STATE_ERROR);
}

static gboolean
check (AnjuIdReader  *reader,
       GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  anju_id_reader_check_async (reader, NULL, read_card_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return anju_id_reader_check_finish (reader, result, error);
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* No card needed: only the reader is asked. Twice: the first opens the
   * line, the second asks on the open one. */
  g_assert_true (check (fixture->reader, &error));
  g_assert_no_error (error);
  g_assert_true (check (fixture->reader, &error));
  g_assert_no_error (error);
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (fixture->reader)), ==, ANJU_DEVICE_STATE_OK);

  send_command (fixture, "unplug");
  g_subprocess_wait (fixture->simulator, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (check (fixture->reader, &error));
  g_assert_error (error, ANJU_ID_READER_ERROR, ANJU_ID_READER_ERROR_UNPLUGGED);
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (fixture->reader)), ==, ANJU_DEVICE_STATE_ERROR);
}

static void
test_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("anju-id-reader-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "ttyUSB9", NULL);
  g_autoptr(AnjuIdReader) reader = anju_id_reader_new (path);
  g_autoptr(AnjuIdCard) card = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (reader)), ==, ANJU_DEVICE_STATE_MISSING);
  g_assert_nonnull (anju_device_get_status_message (ANJU_DEVICE (reader)));
  g_assert_nonnull (strstr (anju_device_get_status_message (ANJU_DEVICE (reader)), path));

  card = read_card (reader, &error);
  g_assert_error (error, ANJU_ID_READER_ERROR, ANJU_ID_READER_ERROR_UNPLUGGED);
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (reader)), ==, ANJU_DEVICE_STATE_MISSING);
  g_rmdir (dir);
}

static void
test_not_a_tty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("anju-id-reader-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "ttyUSB0", NULL);
  g_autoptr(AnjuIdReader) reader = NULL;
  g_autoptr(AnjuIdCard) card = NULL;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  reader = anju_id_reader_new (path);
  card = read_card (reader, &error);
  g_assert_error (error, ANJU_ID_READER_ERROR, ANJU_ID_READER_ERROR_FAILED);
  g_assert_cmpint (anju_device_get_state (ANJU_DEVICE (reader)), ==, ANJU_DEVICE_STATE_ERROR);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, setup, func) \
  g_test_add ("/devices/id-reader/F-TERM-005/" path, Fixture, NULL, setup, func, fixture_tear_down)
  ADD ("read-card", fixture_set_up_with_card, test_read_card);
  ADD ("no-card", fixture_set_up_empty, test_no_card);
  ADD ("card-file", fixture_set_up_empty, test_card_file);
  ADD ("corrupt-frame", fixture_set_up_with_card, test_corrupt_frame);
  ADD ("read-failed", fixture_set_up_with_card, test_read_failed);
  ADD ("timeout", fixture_set_up_with_card, test_timeout);
  ADD ("cancel", fixture_set_up_with_card, test_cancel);
  ADD ("unplug", fixture_set_up_with_card, test_unplug);
  ADD ("check", fixture_set_up_empty, test_check);
#undef ADD
  g_test_add_func ("/devices/id-reader/F-TERM-005/missing", test_missing);
  g_test_add_func ("/devices/id-reader/F-TERM-005/not-a-tty", test_not_a_tty);

  return g_test_run ();
}
