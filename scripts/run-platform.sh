#!/usr/bin/env bash
# run-platform.sh: install the dependencies, build Anju, and run it.
#
# On first use it writes a configuration from the sample to
# ${XDG_CONFIG_HOME:-~/.config}/anju/anju-server.conf and creates the demo
# database.  Then it starts anju-server and, when there is a display,
# anju-desktop connected to it; without a display the server stays in the
# foreground.  Ctrl-C (or closing the desktop) stops everything.
#
# Unless the config names a real SMS gateway, the demo's texts go to
# anju-fake-sms-gateway on loopback, which records each one as a JSON line
# in ${XDG_DATA_HOME:-~/.local/share}/anju/demo-sms.jsonl (docs/demo.md).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
build="$root/_build"

config_dir="${XDG_CONFIG_HOME:-$HOME/.config}/anju"
data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/anju"
conf="$config_dir/anju-server.conf"

server_pid=
sms_pid=
sms_record="$data_dir/demo-sms.jsonl"

say() {
  printf '==> %s\n' "$*"
}

die() {
  printf 'run-platform: %s\n' "$*" >&2
  exit 1
}

# conf_get GROUP KEY: the value of KEY in [GROUP] of the config, trimmed.
conf_get() {
  awk -v group="[$1]" -v key="$2" '
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
    }' "$conf"
}

write_config() {
  say "Writing $conf"
  mkdir -p "$config_dir" "$data_dir"
  chmod 0700 "$data_dir"
  # Only [database] path changes: the demo's data goes where the user's
  # data goes, and every other key keeps the documented default.
  awk -v db="$data_dir/anju.db" '
    /^\[/ { group = $0 }
    group == "[database]" && /^path=/ { print "path=" db; next }
    { print }' resources/anju-server.conf.sample > "$conf.tmp"
  chmod 0600 "$conf.tmp"
  mv "$conf.tmp" "$conf"
}

database_path() {
  local path
  path="$(conf_get database path)"
  if [ -z "$path" ]; then
    path="$data_dir/anju.db"
  elif [ "${path#/}" = "$path" ]; then
    # The server resolves relative paths against the config's directory.
    path="$config_dir/$path"
  fi
  echo "$path"
}

stop_server() {
  if [ -z "$server_pid" ] || ! kill -0 "$server_pid" 2>/dev/null; then
    return
  fi
  say "Stopping anju-server"
  kill -TERM "$server_pid" 2>/dev/null || true
  # The server finishes in-flight requests before it exits; give it a
  # moment, then stop waiting.
  local i
  for i in $(seq 100); do
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$server_pid" 2>/dev/null; then
    echo "run-platform: anju-server did not stop in 10 s; killing it" >&2
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}

stop_sms_gateway() {
  if [ -z "$sms_pid" ] || ! kill -0 "$sms_pid" 2>/dev/null; then
    return
  fi
  kill -TERM "$sms_pid" 2>/dev/null || true
  wait "$sms_pid" 2>/dev/null || true
  sms_pid=
}

stop_platform() {
  stop_server
  stop_sms_gateway
}

# set_sms_gateway URL: writes [sms] gateway_url=URL into the config.
set_sms_gateway() {
  awk -v url="$1" '
    /^\[/ { group = $0 }
    group == "[sms]" && /^gateway_url[[:space:]]*=/ { print "gateway_url=" url; next }
    { print }' "$conf" > "$conf.tmp"
  chmod 0600 "$conf.tmp"
  mv "$conf.tmp" "$conf"
}

# ensure_capture_key: the SM4 key of the identity captures (faces and
# fingerprints from the kiosks): made with openssl when absent, and named
# in the config's [identity_capture] sm4_key_file when the config has none.
ensure_capture_key() {
  local key
  key="$(conf_get identity_capture sm4_key_file)"
  if [ -z "$key" ]; then
    key="$config_dir/identity-capture.key"
    if grep -q '^\[identity_capture\]' "$conf"; then
      awk -v key="$key" '
        /^\[/ { group = $0 }
        group == "[identity_capture]" && /^#?sm4_key_file[[:space:]]*=/ { print "sm4_key_file=" key; next }
        { print }' "$conf" > "$conf.tmp"
    else
      { cat "$conf"; printf '\n[identity_capture]\nsm4_key_file=%s\n' "$key"; } > "$conf.tmp"
    fi
    chmod 0600 "$conf.tmp"
    mv "$conf.tmp" "$conf"
  elif [ "${key#/}" = "$key" ]; then
    key="$config_dir/$key"
  fi
  if [ ! -f "$key" ]; then
    say "Creating the identity capture key $key"
    (umask 077 && openssl rand -hex 16 > "$key") || die "cannot create $key"
  fi
}

# start_sms_gateway: runs the fake SMS gateway on a free loopback port and
# points the config at it, unless the config names another gateway.
start_sms_gateway() {
  local current port_file i
  current="$(conf_get sms gateway_url)"
  case "$current" in
    "" | http://127.0.0.1:*) ;;
    *)
      say "Texts go to the configured SMS gateway $current"
      return
      ;;
  esac
  port_file="$(mktemp)"
  "$build/server/tools/anju-fake-sms-gateway" --port 0 --record "$sms_record" > "$port_file" &
  sms_pid=$!
  for i in $(seq 100); do
    [ -s "$port_file" ] && break
    kill -0 "$sms_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ ! -s "$port_file" ]; then
    rm -f "$port_file"
    die "anju-fake-sms-gateway did not start"
  fi
  set_sms_gateway "http://127.0.0.1:$(head -n 1 "$port_file")/sms"
  rm -f "$port_file"
  say "Demo texts are recorded in $sms_record"
}

# wait_until_ready URL: polls the health endpoint until the server answers
# or exits.  The certificate is checked by fingerprint below, not here.
wait_until_ready() {
  local i
  for i in $(seq 300); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      wait "$server_pid" || true
      server_pid=
      die "anju-server exited before it was ready (see its messages above)"
    fi
    if curl --silent --fail --insecure --max-time 2 "$1/api/v1/health" >/dev/null; then
      return
    fi
    sleep 0.1
  done
  die "anju-server did not answer on $1 within 30 s"
}

# certificate_fingerprint URL: SHA-256 of the certificate the server
# presents, "AB:CD:…", the form anju-server prints and anju-desktop shows.
# It is read off an ordinary request, like any client makes.
certificate_fingerprint() {
  curl --silent --insecure --max-time 5 --output /dev/null --write-out '%{certs}' \
       "$1/api/v1/health" \
    | openssl x509 -noout -fingerprint -sha256 \
    | sed 's/^.*=//'
}

./scripts/install-deps.sh

if [ ! -f "$build/meson-private/coredata.dat" ]; then
  say "Configuring $build"
  meson setup "$build"
fi
say "Building"
meson compile -C "$build"

[ -f "$conf" ] || write_config
ensure_capture_key

db="$(database_path)"
if [ ! -f "$db" ]; then
  say "Creating the demo database $db"
  mkdir -p "$(dirname "$db")"
  if ! "$build/server/anju-server" --config "$conf" init --demo; then
    # Half a demo database would be taken for a whole one next time.
    rm -f "$db" "$db-wal" "$db-shm"
    die "creating the demo database failed"
  fi
fi

listen="$(conf_get server listen)"
listen="${listen:-127.0.0.1:8443}"
scheme=https
[ "$(conf_get server allow_plain_http)" = true ] && scheme=http
url="$scheme://$listen"

# The programs run uninstalled: point them at the catalogues just built.
export ANJU_LOCALEDIR="$build/po"
# zh_CN is the platform's primary language: the server's messages (errors,
# status and timeline labels the mobile web shows) and the desktop speak it
# unless the user chose a real locale of their own.
case "${LANG:-C}" in
  C | C.* | POSIX) export LANG=zh_CN.UTF-8 ;;
esac

trap stop_platform EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Otherwise the health check below could be answered by that other server.
if curl --silent --insecure --max-time 2 --output /dev/null "$url/"; then
  die "something already answers on $url; stop it, or change [server] listen in $conf"
fi

start_sms_gateway

say "Starting anju-server on $url"
"$build/server/anju-server" --config "$conf" serve &
server_pid=$!
wait_until_ready "$url"

echo
echo "Anju is running at $url"
if [ "$scheme" = https ]; then
  echo "Certificate SHA-256 fingerprint: $(certificate_fingerprint "$url")"
fi
echo "Mobile web:    $url/m/ (community and street workers, in a phone's browser)"
echo "Configuration: $conf"
echo "Database:      $db"
[ -n "$sms_pid" ] && echo "Demo texts:    $sms_record"
[ -f docs/demo.md ] && echo "Demo accounts: docs/demo.md"
echo "Press Ctrl-C to stop."
echo

desktop="$build/client/desktop/anju-desktop"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  say "No display: anju-server stays in the foreground"
  wait "$server_pid" || exit $?
elif [ ! -x "$desktop" ]; then
  say "$desktop was not built; anju-server stays in the foreground"
  wait "$server_pid" || exit $?
else
  say "Starting anju-desktop"
  "$desktop" --server "$url" || true
fi
