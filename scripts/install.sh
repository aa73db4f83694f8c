#!/usr/bin/env bash
# Set up a fresh machine: Apertium's English↔Spanish engine and headless Chromium (the html report's tests) from Debian, then tqcheck with Argos Translate and its test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -e /usr/share/apertium/modes/eng-spa.mode ] && command -v apt-get >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq apertium apertium-eng-spa >/dev/null
fi
# The html report's tests drive a real Chromium through /usr/bin/chromedriver (Selenium, in the test extra).
if [ ! -x /usr/bin/chromedriver ] && command -v apt-get >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
# The argos extra pulls torch: the constraints file keeps it to the CPU build.
python3 -m pip install -q --disable-pip-version-check -c constraints/torch-cpu.txt -e ".[test,argos]"
