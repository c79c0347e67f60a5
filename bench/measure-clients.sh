#!/usr/bin/env bash
# measure-clients.sh: start-up times and memory of anju-desktop and
# anju-kiosk against the bench server, for bench/run-bench.sh, which runs
# it inside `dbus-run-session -- xvfb-run` and passes ANJU_BENCH_URL,
# _CERT, _USER, _PASSWORD, _BUILDDIR, _WORKDIR, _KIOSK_SN and
# _KIOSK_CREDENTIAL (a registered terminal's).  Prints one JSON object.
#
# Each client runs RUNS times with ANJU_BENCH_TIMING=1, which makes it
# print "anju-bench: <event> <ms since its main()>" (anju-bench-timing.h):
#   anju-desktop        start -> signin-window-shown; VmHWM then; stopped
#   anju-bench-desktop  the desktop with a scripted person: sign in, open
#                       the units page -> signed-in, units-first-page,
#                       and its peak RSS once the page is filled
#   anju-kiosk          start -> home-shown; VmHWM then; stopped
# and the median run is reported.
set -euo pipefail

runs=3
build="$ANJU_BENCH_BUILDDIR"
work="$ANJU_BENCH_WORKDIR/clients"
rm -rf "$work"
mkdir -p "$work/config" "$work/data" "$work/cache" "$work/prints"

export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
export GSETTINGS_BACKEND=memory GTK_A11Y=none GIO_USE_PROXY_RESOLVER=dummy
export ANJU_LOCALEDIR="$build/po" LANG=zh_CN.UTF-8 ANJU_BENCH_TIMING=1

# event_ms LOG EVENT: the milliseconds of EVENT in LOG, or nothing.
event_ms() {
  sed -n "s/^anju-bench: $2 \([0-9]*\)$/\1/p" "$1" | head -n 1
}

# until_event PID LOG EVENT: waits up to 120 s for EVENT (or the exit).
until_event() {
  local i
  for i in $(seq 1200); do
    [ -n "$(event_ms "$2" "$3")" ] && return 0
    kill -0 "$1" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

hwm_kb() {
  awk '$1 == "VmHWM:" { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0
}

stop() {
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

median() {
  printf '%s\n' "$@" | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)]; else print "null" }'
}

# start_once NAME EVENT COMMAND…: "<ms> <VmHWM kB>" of one start.
start_once() {
  local name="$1" event="$2" log pid ms kb
  shift 2
  log="$work/$name-$RANDOM.log"
  "$@" 2> "$log" > /dev/null &
  pid=$!
  if until_event "$pid" "$log" "$event"; then
    ms="$(event_ms "$log" "$event")"
    kb="$(hwm_kb "$pid")"
  fi
  stop "$pid"
  cat "$log" >&2
  echo "${ms:-} ${kb:-}"
}

desktop_ms=() desktop_kb=()
for _ in $(seq $runs); do
  read -r ms kb < <(start_once desktop signin-window-shown "$build/client/desktop/anju-desktop" --server "$ANJU_BENCH_URL")
  desktop_ms+=("$ms") desktop_kb+=("$kb")
done

signin_ms=() units_ms=() driver_kb=()
for _ in $(seq $runs); do
  log="$work/driver-$RANDOM.log"
  "$build/bench/clients/anju-bench-desktop" --server "$ANJU_BENCH_URL" --certificate "$ANJU_BENCH_CERT" \
    --username "$ANJU_BENCH_USER" --password "$ANJU_BENCH_PASSWORD" 2> "$log" > /dev/null || true
  cat "$log" >&2
  shown="$(event_ms "$log" signin-window-shown)"
  signed="$(event_ms "$log" signed-in)"
  units="$(event_ms "$log" units-first-page)"
  if [ -n "$shown" ] && [ -n "$signed" ] && [ -n "$units" ]; then
    signin_ms+=("$(( signed - shown ))")
    units_ms+=("$(( units - signed ))")
  fi
  driver_kb+=("$(event_ms "$log" peak-rss-kb)")
done

kiosk_ms=() kiosk_kb=()
if [ -n "${ANJU_BENCH_KIOSK_SN:-}" ]; then
  cat > "$work/kiosk.conf" <<EOF
[server]
url=$ANJU_BENCH_URL
certificate=$ANJU_BENCH_CERT

[terminal]
sn=$ANJU_BENCH_KIOSK_SN
credential=$ANJU_BENCH_KIOSK_CREDENTIAL
idle_timeout_seconds=90
heartbeat_seconds=60
maintenance_pin_sha256=$(printf '%s' 123456 | sha256sum | cut -d' ' -f1)

[camera]
backend=simulator
simulator_source=videotestsrc is-live=true

[fingerprint]
backend=virtual
virtual_socket=$work/fprint.socket
virtual_autoscan=demo-finger

[id_reader]
backend=simulator
simulator_program=$build/client/devices/anju-idcard-simulator
simulator_card=default

[printer]
backend=file
output_dir=$work/prints
EOF
  for _ in $(seq $runs); do
    read -r ms kb < <(start_once kiosk home-shown "$build/client/kiosk/anju-kiosk" --windowed --config "$work/kiosk.conf")
    kiosk_ms+=("$ms") kiosk_kb+=("$kb")
  done
fi

jq -n \
  --arg desktop_start_ms "$(median "${desktop_ms[@]}")" \
  --arg desktop_start_runs "${desktop_ms[*]}" \
  --arg desktop_start_rss_kb "$(median "${desktop_kb[@]}")" \
  --arg signin_ms "$(median "${signin_ms[@]:-}")" \
  --arg units_ms "$(median "${units_ms[@]:-}")" \
  --arg units_runs "${units_ms[*]:-}" \
  --arg desktop_rss_kb "$(median "${driver_kb[@]:-}")" \
  --arg kiosk_home_ms "$(median "${kiosk_ms[@]:-}")" \
  --arg kiosk_runs "${kiosk_ms[*]:-}" \
  --arg kiosk_rss_kb "$(median "${kiosk_kb[@]:-}")" \
  '{desktop_start_ms: ($desktop_start_ms | fromjson), desktop_start_runs: $desktop_start_runs,
    desktop_start_rss_kb: ($desktop_start_rss_kb | fromjson),
    desktop_signin_ms: ($signin_ms | fromjson), desktop_units_after_signin_ms: ($units_ms | fromjson),
    desktop_units_runs: $units_runs, desktop_rss_kb: ($desktop_rss_kb | fromjson),
    kiosk_home_ms: ($kiosk_home_ms | fromjson), kiosk_runs: $kiosk_runs,
    kiosk_rss_kb: ($kiosk_rss_kb | fromjson)}'
