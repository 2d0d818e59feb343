#!/bin/sh
# What the tests need from the system, installed from Debian's archive when missing: Chromium at /usr/bin/chromium
# (the browser tests drive it; no tool may download a browser of its own), and the fonts pages are checked and
# screenshotted with (fonts-noto-cjk for Chinese, fonts-liberation for Latin). `npm run test:all` (README's test
# command) and .ci/run both run this, so a fresh machine and CI install the same packages. CHROMIUM_PATH, when set,
# names another Chromium for the tests, and this script then only checks that it exists.
set -eu

PACKAGES="chromium fonts-noto-cjk fonts-liberation"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed'; then
      # Another Chromium named by CHROMIUM_PATH stands in for Debian's.
      if [ "$package" = chromium ] && [ -n "${CHROMIUM_PATH:-}" ]; then continue; fi
      missing="$missing $package"
    fi
  done
fi

if [ -n "$missing" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "test-setup: the tests need$missing; run as root, or install sudo, or: apt-get install$missing" >&2
    exit 1
  fi
  echo "test-setup: installing$missing from Debian's archive" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

if [ ! -x "$CHROMIUM" ]; then
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    echo "test-setup: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2
  elif command -v dpkg-query >/dev/null 2>&1; then
    echo "test-setup: $CHROMIUM is still missing after installing Debian's chromium" >&2
  else
    echo "test-setup: the browser tests need Chromium at $CHROMIUM (not a Debian system: install it and fonts-noto-cjk yourself, or set CHROMIUM_PATH)" >&2
  fi
  exit 1
fi
