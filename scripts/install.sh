#!/usr/bin/env bash
# Set up a fresh machine: Apertium's English↔Spanish engine and headless Chromium (the html report's tests) from Debian, then tqcheck with Argos Translate and its test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian packages the tests need: Apertium's English<->Spanish engine, and a real Chromium driven through
# /usr/bin/chromedriver for the html report's tests (Selenium, in the test extra). One update, one install.
missing=()
[ -e /usr/share/apertium/modes/eng-spa.mode ] || missing+=(apertium apertium-eng-spa)
[ -x /usr/bin/chromedriver ] || missing+=(chromium chromium-driver)
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# The argos extra pulls torch: the constraints file keeps it to the CPU build.
python3 -m pip install -q --disable-pip-version-check -c constraints/torch-cpu.txt -e ".[test,argos]"
