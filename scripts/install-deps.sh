#!/usr/bin/env bash
# install-deps.sh: install the Debian packages listed in scripts/deps.txt
# and generate the zh_CN.UTF-8 locale.
#
# Idempotent and quick when everything is present: dpkg-query decides, and
# apt is not touched unless something is missing.  Runs as root directly,
# or through sudo for anyone else.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
deps_file="$here/deps.txt"

# Only asked for when something is missing, so a developer whose machine
# is already complete never sees a sudo prompt.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "install-deps: need root for '$*' and sudo is missing; run this script as root" >&2
    exit 1
  fi
}

read_deps() {
  sed -e 's/#.*//' -e 's/[[:space:]]//g' "$deps_file" | grep -v '^$'
}

mapfile -t deps < <(read_deps)

# One dpkg-query for the whole list keeps the common case (nothing to do)
# well under a second.  A package counts as installed only in state "ii":
# "rc" (removed, config left) and half-configured states need apt again.
installed="$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "${deps[@]}" 2>/dev/null \
             | awk '$1 == "ii" { print $2 }' || true)"

missing=()
for pkg in "${deps[@]}"; do
  grep -qxF "$pkg" <<<"$installed" || missing+=("$pkg")
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${deps[@]}"
fi

# zh_CN is the primary locale of the platform: the demo runs in Chinese.
has_zh_locale() {
  locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\?8'
}

if ! has_zh_locale; then
  echo "install-deps: generating the zh_CN.UTF-8 locale"
  if grep -q '^# *zh_CN\.UTF-8 UTF-8' /etc/locale.gen; then
    as_root sed -i 's/^# *\(zh_CN\.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  elif ! grep -q '^zh_CN\.UTF-8 UTF-8' /etc/locale.gen; then
    echo 'zh_CN.UTF-8 UTF-8' | as_root tee -a /etc/locale.gen >/dev/null
  fi
  as_root locale-gen
fi
