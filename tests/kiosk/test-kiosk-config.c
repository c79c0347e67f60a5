/* test-kiosk-config.c: the terminal's configuration file — defaults,
 * errors that name the group and key, and the maintenance PIN check.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "anju-error.h"
#include "anju-kiosk-config.h"
#include "anju-test-dirs.h"


typedef struct
{
  char *dir;
  char *path;
  char *certificate;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("anju-kiosk-config-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "kiosk.conf", NULL);
  fixture->certificate = g_build_filename (fixture->dir, "server.pem", NULL);
  g_assert_true (g_file_set_contents (fixture->certificate, "-----BEGIN CERTIFICATE-----\n", -1, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unlink (fixture->path);
  g_unlink (fixture->certificate);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->certificate);
}

static char *
pin_digest (const char *pin)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, pin, -1);
}

/* A complete config with text appended (a later key wins). */
static void
write_config (Fixture    *fixture,
              const char *extra)
{
  g_autofree char *digest = pin_digest ("135790");
  g_autofree char *text = g_strdup_printf ("[server]\nurl=https://127.0.0.1:8443\ncertificate=server.pem\n"
                                           "[terminal]\nsn=AJ-KIOSK-0001\ncredential=demo-kiosk-0001\n"
                                           "maintenance_pin_sha256=%s\n"
                                           "[camera]\nbackend=simulator\n"
                                           "[fingerprint]\nbackend=virtual\nvirtual_socket=/tmp/fp.socket\n"
                                           "[id_reader]\nbackend=simulator\n"
                                           "[printer]\nbackend=file\noutput_dir=/tmp\n%s",
                                           digest, extra);

  g_assert_true (g_file_set_contents (fixture->path, text, -1, NULL));
}

static void
test_defaults (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AnjuKioskConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  write_config (fixture, "");
  config = anju_kiosk_config_load (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (config->server_url, ==, "https://127.0.0.1:8443");
  /* The certificate is read from next to the config. */
  g_assert_cmpstr (config->certificate_pem, ==, "-----BEGIN CERTIFICATE-----\n");
  g_assert_cmpstr (config->sn, ==, "AJ-KIOSK-0001");
  g_assert_cmpstr (config->credential, ==, "demo-kiosk-0001");
  g_assert_cmpuint (config->idle_timeout_seconds, ==, 90);
  g_assert_cmpuint (config->heartbeat_seconds, ==, 60);
  g_assert_cmpstr (config->camera_backend, ==, "simulator");
  g_assert_cmpstr (config->camera_simulator_source, ==, "videotestsrc is-live=true");
  g_assert_cmpstr (config->fingerprint_virtual_socket, ==, "/tmp/fp.socket");
  g_assert_null (config->fingerprint_virtual_autoscan);
  g_assert_cmpstr (config->id_reader_simulator_program, ==, "anju-idcard-simulator");
  g_assert_cmpstr (config->printer_output_dir, ==, "/tmp");
}

typedef struct
{
  const char *extra;
  const char *named;   /* what the message must name */
} BadCase;

static const BadCase bad_cases[] = {
  { "[terminal]\nidle_timeout_seconds=soon\n", "[terminal] idle_timeout_seconds" },
  { "[terminal]\nheartbeat_seconds=0\n", "[terminal] heartbeat_seconds" },
  { "[terminal]\nmaintenance_pin_sha256=1234\n", "[terminal] maintenance_pin_sha256" },
  { "[terminal]\nsn=\n", "[terminal] sn" },
  { "[terminal]\nsn=AJ:1\n", "[terminal] sn" },
  { "[server]\nurl=http://127.0.0.1:8443\n", "[server] url" },
  { "[server]\ncertificate=missing.pem\n", "[server] certificate" },
  { "[camera]\nbackend=usb\n", "[camera] backend" },
  { "[fingerprint]\nvirtual_socket=\n", "[fingerprint] virtual_socket" },
  { "[printer]\nbackend=cups\n", "[printer] name" },
};

static void
test_bad (Fixture       *fixture,
          gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autoptr(AnjuKioskConfig) config = NULL;
      g_autoptr(GError) error = NULL;

      write_config (fixture, bad_cases[i].extra);
      config = anju_kiosk_config_load (fixture->path, &error);
      g_assert_null (config);
      g_assert_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG);
      if (strstr (error->message, bad_cases[i].named) == NULL)
        g_error ("“%s” does not name %s", error->message, bad_cases[i].named);
    }
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AnjuKioskConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  config = anju_kiosk_config_load (fixture->path, &error);
  g_assert_null (config);
  g_assert_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, fixture->path));
}

/* F-TERM-001: the maintenance PIN is compared by its SHA-256. */
static void
test_pin (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(AnjuKioskConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *upper = NULL;

  write_config (fixture, "");
  config = anju_kiosk_config_load (fixture->path, &error);
  g_assert_no_error (error);

  g_assert_true (anju_kiosk_config_check_pin (config, "135790"));
  g_assert_false (anju_kiosk_config_check_pin (config, "135791"));
  g_assert_false (anju_kiosk_config_check_pin (config, "13579"));
  g_assert_false (anju_kiosk_config_check_pin (config, ""));
  g_assert_false (anju_kiosk_config_check_pin (config, NULL));
  /* Written in capitals in the file, the digest still matches. */
  upper = g_ascii_strup (config->maintenance_pin_sha256, -1);
  g_free (config->maintenance_pin_sha256);
  config->maintenance_pin_sha256 = g_steal_pointer (&upper);
  g_assert_true (anju_kiosk_config_check_pin (config, "135790"));
}

int
main (int   argc,
      char *argv[])
{
  anju_test_isolate_dirs ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/kiosk/config/defaults", Fixture, NULL, fixture_set_up, test_defaults, fixture_tear_down);
  g_test_add ("/kiosk/config/bad", Fixture, NULL, fixture_set_up, test_bad, fixture_tear_down);
  g_test_add ("/kiosk/config/missing-file", Fixture, NULL, fixture_set_up, test_missing_file, fixture_tear_down);
  g_test_add ("/kiosk/F-TERM-001/config/pin", Fixture, NULL, fixture_set_up, test_pin, fixture_tear_down);

  return g_test_run ();
}
