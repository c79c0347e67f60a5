#!/usr/bin/env bash
# run-kiosk.sh: run anju-kiosk, in a window, as the demo terminal
# AJ-KIOSK-0001 of 银盆岭街道, against the demo platform that
# scripts/run-platform.sh serves on https://127.0.0.1:8443.
#
# It writes a demo configuration, ${XDG_CONFIG_HOME:-~/.config}/anju/kiosk.conf,
# on first use (every peripheral on its simulator: the camera shows
# videotestsrc, the fingerprint reader is libfprint's virtual device that
# scans a finger by itself, the ID-card reader is anju-idcard-simulator
# with its sample card, the printer writes PDF files), pins the demo
# server's certificate and starts the kiosk with --windowed (Ctrl+Q
# quits).  The maintenance PIN is 123456: a long press on the clock asks
# for it.  Delete the file to get a fresh one.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
build="$root/_build"

config_dir="${XDG_CONFIG_HOME:-$HOME/.config}/anju"
data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/anju"
server_conf="$config_dir/anju-server.conf"
kiosk_conf="$config_dir/kiosk.conf"
url="https://127.0.0.1:8443"
demo_pin=123456

say() {
  printf '==> %s\n' "$*"
}

die() {
  printf 'run-kiosk: %s\n' "$*" >&2
  exit 1
}

# conf_get FILE GROUP KEY: the value of KEY in [GROUP] of FILE, trimmed.
conf_get() {
  awk -v group="[$2]" -v key="$3" '
    /^[[:space:]]*\[/ {
      line = $0
      gsub(/[[:space:]]/, "", line)
      in_group = (line == group)
      next
    }
    in_group && $0 ~ "^[[:space:]]*" key "[[:space:]]*=" {
      sub(/^[^=]*=[[:space:]]*/, "")
      sub(/[[:space:]]+$/, "")
      print
      exit
    }' "$1"
}

# The certificate the demo server presents: the configured one, or the
# self-signed one it made beside its database (run-platform.sh).
server_certificate() {
  local certificate database
  certificate="$(conf_get "$server_conf" server tls_certificate)"
  if [ -n "$certificate" ]; then
    [ "${certificate#/}" = "$certificate" ] && certificate="$config_dir/$certificate"
    echo "$certificate"
    return
  fi
  database="$(conf_get "$server_conf" database path)"
  if [ -z "$database" ]; then
    database="$data_dir/anju.db"
  elif [ "${database#/}" = "$database" ]; then
    database="$config_dir/$database"
  fi
  echo "$(dirname "$database")/server.crt"
}

write_config() {
  local certificate="$1" pin_sha256
  pin_sha256="$(printf '%s' "$demo_pin" | sha256sum | cut -d' ' -f1)"
  say "Writing $kiosk_conf"
  mkdir -p "$config_dir" "$data_dir/kiosk-prints"
  cat > "$kiosk_conf.tmp" <<EOF
# The demo terminal of 银盆岭街道 (docs/demo.md), written by run-kiosk.sh.
[server]
url=$url
certificate=$certificate

[terminal]
sn=AJ-KIOSK-0001
credential=demo-kiosk-0001
idle_timeout_seconds=90
heartbeat_seconds=60
# SHA-256 of the maintenance PIN $demo_pin.
maintenance_pin_sha256=$pin_sha256

[camera]
backend=simulator
simulator_source=videotestsrc is-live=true

[fingerprint]
backend=virtual
virtual_socket=${XDG_RUNTIME_DIR:-/tmp}/anju-kiosk-fprint.socket
# The demo's virtual reader scans this finger by itself.
virtual_autoscan=demo-finger

[id_reader]
backend=simulator
simulator_program=$build/client/devices/anju-idcard-simulator
simulator_card=default

[printer]
backend=file
output_dir=$data_dir/kiosk-prints
EOF
  chmod 0600 "$kiosk_conf.tmp"
  mv "$kiosk_conf.tmp" "$kiosk_conf"
}

[ -f "$server_conf" ] || die "no demo platform yet: run scripts/run-platform.sh first"

if [ ! -f "$build/meson-private/coredata.dat" ]; then
  say "Configuring $build"
  meson setup "$build"
fi
say "Building"
meson compile -C "$build"

certificate="$(server_certificate)"
[ -f "$certificate" ] || die "the server's certificate $certificate is missing: start scripts/run-platform.sh first"
[ -f "$kiosk_conf" ] || write_config "$certificate"

if ! curl --silent --insecure --max-time 2 --output /dev/null "$url/api/v1/health"; then
  die "nothing answers on $url: start scripts/run-platform.sh in another terminal first"
fi

# Uninstalled: the catalogues just built, and zh_CN unless the user chose
# a real locale of their own.
export ANJU_LOCALEDIR="$build/po"
case "${LANG:-C}" in
  C | C.* | POSIX) export LANG=zh_CN.UTF-8 ;;
esac

say "Starting anju-kiosk as AJ-KIOSK-0001 (maintenance PIN $demo_pin)"
exec "$build/client/kiosk/anju-kiosk" --windowed --config "$kiosk_conf"
