/* anju-kiosk-config.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "anju-error.h"
#include "anju-kiosk-config.h"

#define DEFAULT_IDLE_TIMEOUT_SECONDS 90
#define DEFAULT_HEARTBEAT_SECONDS    60
#define DEFAULT_SIMULATOR_SOURCE     "videotestsrc is-live=true"
#define DEFAULT_SIMULATOR_PROGRAM    "anju-idcard-simulator"

static GError *
key_error (const char *group,
           const char *key,
           const char *problem)
{
  /* Translators: %1$s is a group of the kiosk's config file, %2$s a key
   * in it, %3$s what is wrong with it */
  return g_error_new (ANJU_ERROR, ANJU_ERROR_CONFIG,
                      _("[%1$s] %2$s: %3$s"), group, key, problem);
}

/* A string member; required ones fail when absent or empty. */
static gboolean
read_string (GKeyFile    *file,
             const char  *group,
             const char  *key,
             const char  *fallback,
             char       **out,
             GError     **error)
{
  g_autofree char *value = g_key_file_get_string (file, group, key, NULL);

  if (value != NULL)
    g_strstrip (value);
  if (value == NULL || *value == '\0')
    {
      if (fallback == NULL)
        {
          g_propagate_error (error, key_error (group, key, _("missing")));
          return FALSE;
        }
      g_free (value);
      value = g_strdup (fallback);
    }

  *out = g_steal_pointer (&value);
  return TRUE;
}

static gboolean
read_seconds (GKeyFile    *file,
              const char  *group,
              const char  *key,
              guint        fallback,
              guint       *out,
              GError     **error)
{
  g_autofree char *text = g_key_file_get_string (file, group, key, NULL);
  guint64 value;

  if (text == NULL || *g_strstrip (text) == '\0')
    {
      *out = fallback;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 1, 24 * 3600, &value, NULL))
    {
      g_propagate_error (error, key_error (group, key, _("must be a number of seconds from 1 to 86400")));
      return FALSE;
    }

  *out = (guint) value;
  return TRUE;
}

/* A backend name, one of the NULL-terminated choices ("none" is always
 * allowed: the device is disabled). */
static gboolean
read_backend (GKeyFile    *file,
              const char  *group,
              const char  *fallback,
              const char  *const *choices,
              char       **out,
              GError     **error)
{
  g_autofree char *value = NULL;
  g_autofree char *listed = NULL;

  if (!read_string (file, group, "backend", fallback, &value, error))
    return FALSE;
  if (g_strcmp0 (value, "none") == 0 || g_strv_contains (choices, value))
    {
      *out = g_steal_pointer (&value);
      return TRUE;
    }

  listed = g_strjoinv (", ", (char **) choices);
  {
    /* Translators: %1$s lists the allowed words, e.g. "v4l2, simulator" */
    g_autofree char *problem = g_strdup_printf (_("must be one of %1$s, none"), listed);

    g_propagate_error (error, key_error (group, "backend", problem));
  }
  return FALSE;
}

static gboolean
is_sha256_hex (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
read_server (AnjuKioskConfig *config,
             GKeyFile        *file,
             const char      *path,
             GError         **error)
{
  g_autofree char *certificate = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!read_string (file, "server", "url", NULL, &config->server_url, error))
    return FALSE;
  if (!g_str_has_prefix (config->server_url, "https://"))
    {
      g_propagate_error (error, key_error ("server", "url", _("must start with https://")));
      return FALSE;
    }

  if (!read_string (file, "server", "certificate", NULL, &certificate, error))
    return FALSE;
  /* A relative path is next to the config file, as for the server. */
  if (!g_path_is_absolute (certificate))
    {
      g_autofree char *dir = g_path_get_dirname (path);
      char *absolute = g_build_filename (dir, certificate, NULL);

      g_free (certificate);
      certificate = absolute;
    }
  if (!g_file_get_contents (certificate, &config->certificate_pem, NULL, &local_error))
    {
      g_propagate_error (error, key_error ("server", "certificate", local_error->message));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_terminal (AnjuKioskConfig *config,
               GKeyFile        *file,
               GError         **error)
{
  if (!read_string (file, "terminal", "sn", NULL, &config->sn, error) ||
      !read_string (file, "terminal", "credential", NULL, &config->credential, error) ||
      !read_seconds (file, "terminal", "idle_timeout_seconds", DEFAULT_IDLE_TIMEOUT_SECONDS,
                     &config->idle_timeout_seconds, error) ||
      !read_seconds (file, "terminal", "heartbeat_seconds", DEFAULT_HEARTBEAT_SECONDS,
                     &config->heartbeat_seconds, error) ||
      !read_string (file, "terminal", "maintenance_pin_sha256", NULL,
                    &config->maintenance_pin_sha256, error))
    return FALSE;

  if (strchr (config->sn, ':') != NULL)
    {
      g_propagate_error (error, key_error ("terminal", "sn", _("must not contain “:”")));
      return FALSE;
    }
  if (!is_sha256_hex (config->maintenance_pin_sha256))
    {
      g_propagate_error (error, key_error ("terminal", "maintenance_pin_sha256",
                                           _("must be 64 hexadecimal digits (the PIN’s SHA-256)")));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_peripherals (AnjuKioskConfig *config,
                  GKeyFile        *file,
                  GError         **error)
{
  static const char *const camera[] = { "v4l2", "simulator", NULL };
  static const char *const fingerprint[] = { "libfprint", "virtual", NULL };
  static const char *const id_reader[] = { "serial", "simulator", NULL };
  static const char *const printer[] = { "cups", "file", NULL };

  if (!read_backend (file, "camera", "v4l2", camera, &config->camera_backend, error) ||
      !read_string (file, "camera", "device", "/dev/video0", &config->camera_device, error) ||
      !read_string (file, "camera", "simulator_source", DEFAULT_SIMULATOR_SOURCE,
                    &config->camera_simulator_source, error))
    return FALSE;

  if (!read_backend (file, "fingerprint", "libfprint", fingerprint, &config->fingerprint_backend, error))
    return FALSE;
  config->fingerprint_virtual_autoscan = g_key_file_get_string (file, "fingerprint", "virtual_autoscan", NULL);
  if (config->fingerprint_virtual_autoscan != NULL &&
      *g_strstrip (config->fingerprint_virtual_autoscan) == '\0')
    g_clear_pointer (&config->fingerprint_virtual_autoscan, g_free);
  if (g_strcmp0 (config->fingerprint_backend, "virtual") == 0 &&
      !read_string (file, "fingerprint", "virtual_socket", NULL, &config->fingerprint_virtual_socket, error))
    return FALSE;

  if (!read_backend (file, "id_reader", "serial", id_reader, &config->id_reader_backend, error) ||
      !read_string (file, "id_reader", "device", "/dev/ttyUSB0", &config->id_reader_device, error) ||
      !read_string (file, "id_reader", "simulator_program", DEFAULT_SIMULATOR_PROGRAM,
                    &config->id_reader_simulator_program, error))
    return FALSE;
  config->id_reader_simulator_card = g_key_file_get_string (file, "id_reader", "simulator_card", NULL);

  if (!read_backend (file, "printer", "cups", printer, &config->printer_backend, error))
    return FALSE;
  config->printer_name = g_key_file_get_string (file, "printer", "name", NULL);
  if (g_strcmp0 (config->printer_backend, "file") == 0 &&
      !read_string (file, "printer", "output_dir", NULL, &config->printer_output_dir, error))
    return FALSE;
  if (g_strcmp0 (config->printer_backend, "cups") == 0 &&
      !read_string (file, "printer", "name", NULL, &config->printer_name, error))
    return FALSE;

  return TRUE;
}

AnjuKioskConfig *
anju_kiosk_config_load (const char  *path,
                        GError     **error)
{
  g_autoptr(AnjuKioskConfig) config = g_new0 (AnjuKioskConfig, 1);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local_error))
    {
      /* Translators: %1$s is a file name, %2$s why it could not be read */
      g_set_error (error, ANJU_ERROR, ANJU_ERROR_CONFIG,
                   _("Cannot read the terminal’s configuration %1$s: %2$s"), path, local_error->message);
      return NULL;
    }

  if (!read_server (config, file, path, error) ||
      !read_terminal (config, file, error) ||
      !read_peripherals (config, file, error))
    return NULL;

  return g_steal_pointer (&config);
}

static void
wipe_string (char *text)
{
  if (text != NULL)
    memset (text, 0, strlen (text));
  g_free (text);
}

void
anju_kiosk_config_free (AnjuKioskConfig *config)
{
  if (config == NULL)
    return;

  g_free (config->server_url);
  g_free (config->certificate_pem);
  g_free (config->sn);
  wipe_string (config->credential);
  g_free (config->maintenance_pin_sha256);
  g_free (config->camera_backend);
  g_free (config->camera_device);
  g_free (config->camera_simulator_source);
  g_free (config->fingerprint_backend);
  g_free (config->fingerprint_virtual_socket);
  g_free (config->fingerprint_virtual_autoscan);
  g_free (config->id_reader_backend);
  g_free (config->id_reader_device);
  g_free (config->id_reader_simulator_program);
  g_free (config->id_reader_simulator_card);
  g_free (config->printer_backend);
  g_free (config->printer_name);
  g_free (config->printer_output_dir);
  g_free (config);
}

/* Compares the PIN's digest with the configured one in time that does
 * not depend on where they differ, so timing tells nothing about it. */
gboolean
anju_kiosk_config_check_pin (const AnjuKioskConfig *config,
                             const char            *pin)
{
  g_autofree char *digest = NULL;
  guint8 difference = 0;

  g_return_val_if_fail (config != NULL, FALSE);

  if (pin == NULL || *pin == '\0' || config->maintenance_pin_sha256 == NULL)
    return FALSE;

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, pin, -1);
  if (strlen (config->maintenance_pin_sha256) != strlen (digest))
    return FALSE;
  for (gsize i = 0; digest[i] != '\0'; i++)
    difference |= (guint8) (g_ascii_tolower (digest[i]) ^ g_ascii_tolower (config->maintenance_pin_sha256[i]));

  return difference == 0;
}
