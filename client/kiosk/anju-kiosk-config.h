/* anju-kiosk-config.h: the terminal's configuration file.
 *
 * A GKeyFile (/etc/anju/kiosk.conf, or --config): which server, who this
 * terminal is, its timers, its maintenance PIN and which backend each
 * peripheral uses.  Read once at start; a bad file is a GError naming the
 * group and key.
 *
 *   [server]      url (https://…), certificate (PEM file pinned for it)
 *   [terminal]    sn, credential, idle_timeout_seconds (90),
 *                 heartbeat_seconds (60), maintenance_pin_sha256 (hex)
 *   [camera]      backend = v4l2 | simulator, device (/dev/video0),
 *                 simulator_source (gst-launch source, "videotestsrc is-live=true")
 *   [fingerprint] backend = libfprint | virtual, virtual_socket (path),
 *                 virtual_autoscan (finger id; demo terminals only)
 *   [id_reader]   backend = serial | simulator, device (/dev/ttyUSB0),
 *                 simulator_program (path; default: the installed
 *                 anju-idcard-simulator), simulator_card (key file of a card)
 *   [printer]     backend = cups | file, name (CUPS queue), output_dir
 *   [peripheral]  a backend may also be "none": the device is DISABLED.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char  *server_url;
  char  *certificate_pem;      /* the file's contents */
  char  *sn;
  char  *credential;
  guint  idle_timeout_seconds;
  guint  heartbeat_seconds;
  char  *maintenance_pin_sha256;

  char  *camera_backend;
  char  *camera_device;
  char  *camera_simulator_source;

  char  *fingerprint_backend;
  char  *fingerprint_virtual_socket;
  char  *fingerprint_virtual_autoscan;

  char  *id_reader_backend;
  char  *id_reader_device;
  char  *id_reader_simulator_program;
  char  *id_reader_simulator_card;

  char  *printer_backend;
  char  *printer_name;
  char  *printer_output_dir;
} AnjuKioskConfig;

AnjuKioskConfig *anju_kiosk_config_load        (const char       *path,
                                                GError          **error);
void             anju_kiosk_config_free        (AnjuKioskConfig  *config);
gboolean         anju_kiosk_config_check_pin   (const AnjuKioskConfig *config,
                                                const char       *pin);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnjuKioskConfig, anju_kiosk_config_free)

G_END_DECLS
