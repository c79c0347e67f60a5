#!/usr/bin/env bash
# run-tests.sh: install the dependencies, build Anju and run every test.
#
# Two builds, each tested in full:
#   _build        the normal build
#   _build-asan   -Dsanitize=true (AddressSanitizer, UndefinedBehaviorSanitizer
#                 and LeakSanitizer)
# In each, the non-display suites run first, then the `display` suite under
# a private D-Bus session and Xvfb.  Every run gets fresh XDG directories
# inside its build directory, so nothing reads or writes the user's own.
# The browser tests (suite `web`) drive a headless Chromium and need no
# display; with CI set, a missing Chromium fails them instead of skipping.
#
# The last line is "N passed, M failed" summed over both builds (a build
# that does not compile counts as one failure); the exit status is non-zero
# when anything failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"

./scripts/install-deps.sh

export LANG=C.UTF-8
unset LANGUAGE LC_ALL
# Cairo rendering is deterministic under Xvfb and avoids llvmpipe GL.
export GSK_RENDERER=cairo

jobs="$(nproc)"
passed=0
failed=0
skipped=0

say() {
  printf '\n==> %s\n' "$*"
}

# summary_count LOG FIELD: the number meson printed after "FIELD:" in its
# closing summary, or 0 when it printed none (no test matched the suite).
summary_count() {
  local n
  n="$(grep -E "^$2:" "$1" | tail -n 1 | awk '{ print $NF }' || true)"
  echo "${n:-0}"
}

# run_meson_test BUILD NAME COMMAND...: runs COMMAND (a meson test
# invocation, possibly wrapped), shows its output and adds its summary to
# the totals.
run_meson_test() {
  local build="$1" name="$2"
  shift 2
  local log="$build/meson-logs/run-tests-$name.txt"
  local rc=0

  "$@" 2>&1 | tee "$log" || rc=$?

  local ok xfail fail upass timeout skip
  ok="$(summary_count "$log" Ok)"
  xfail="$(summary_count "$log" 'Expected Fail')"
  fail="$(summary_count "$log" Fail)"
  upass="$(summary_count "$log" 'Unexpected Pass')"
  timeout="$(summary_count "$log" Timeout)"
  skip="$(summary_count "$log" Skipped)"

  passed=$((passed + ok + xfail))
  failed=$((failed + fail + upass + timeout))
  skipped=$((skipped + skip))

  # meson itself failing (bad option, broken test setup) leaves no
  # summary to count; it must not read as success.
  if [ "$rc" -ne 0 ] && [ $((fail + upass + timeout)) -eq 0 ]; then
    echo "run-tests: 'meson test' for $name exited with status $rc" >&2
    failed=$((failed + 1))
  fi
}

# configure BUILD OPTIONS...: sets BUILD up, or reconfigures it so the
# options asked for here win over whatever it was set up with before.
configure() {
  local build="$1"
  shift
  if [ -f "$build/meson-private/coredata.dat" ]; then
    meson setup --reconfigure "$build" "$@"
  else
    meson setup "$build" "$@"
  fi
}

# fresh_xdg_dirs BUILD: point the XDG base directories into BUILD, empty.
fresh_xdg_dirs() {
  local base="$root/$1/test-home"
  rm -rf "$base"
  mkdir -p "$base/cache" "$base/config" "$base/data" "$base/runtime"
  chmod 0700 "$base/runtime"
  export XDG_CACHE_HOME="$base/cache"
  export XDG_CONFIG_HOME="$base/config"
  export XDG_DATA_HOME="$base/data"
  export XDG_RUNTIME_DIR="$base/runtime"
}

# build_and_test BUILD TIMEOUT_MULTIPLIER MESON_OPTIONS...
build_and_test() {
  local build="$1" multiplier="$2"
  shift 2

  say "Configuring $build ($*)"
  if ! configure "$build" "$@"; then
    echo "run-tests: configuring $build failed" >&2
    failed=$((failed + 1))
    return
  fi

  say "Building $build"
  if ! meson compile -C "$build" -j "$jobs"; then
    echo "run-tests: building $build failed" >&2
    failed=$((failed + 1))
    return
  fi

  fresh_xdg_dirs "$build"
  local test_args=(-C "$build" --no-rebuild --print-errorlogs
                   --num-processes "$jobs" --timeout-multiplier "$multiplier")

  # No display at all here: a test that needs one belongs in `display`.
  # The `web` suite (tests/web) runs here too: its Chromium is headless.
  say "Testing $build: all suites but display"
  run_meson_test "$build" nodisplay \
    env -u DISPLAY -u WAYLAND_DISPLAY \
    meson test "${test_args[@]}" --no-suite display

  # GDK_BACKEND=x11 keeps a developer's Wayland session out of it.
  say "Testing $build: display suite under Xvfb"
  run_meson_test "$build" display \
    env -u DISPLAY -u WAYLAND_DISPLAY GDK_BACKEND=x11 \
    dbus-run-session -- \
    xvfb-run -a -s "-screen 0 1280x1024x24" \
    meson test "${test_args[@]}" --suite display
}

start=$SECONDS

build_and_test _build 1 -Dsanitize=false
# Sanitized code runs a few times slower; the multiplier keeps per-test
# timeouts meaningful instead of tripping them.
build_and_test _build-asan 3 -Dsanitize=true

say "Done in $((SECONDS - start)) s"
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi

[ "$failed" -eq 0 ]
