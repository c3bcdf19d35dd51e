#!/bin/sh
# Makes sure the two browsers the project drives are installed: Debian's
# chromium (Playwright, `npm start`, E2E) and firefox-esr (puppeteer-core,
# Firefox E2E); with --with-office (npm test) also LibreOffice Calc without a
# GUI (libreoffice-calc-nogui: the export tests open our CSV/XLSX files with
# it and read the cells back).
# Called by `npm start` and `npm test`. Nothing is downloaded by Playwright or
# Puppeteer; the browsers come from apt.
# As root it installs what is missing with apt-get; otherwise it stops and
# prints the command to run. CHROMIUM_PATH / FIREFOX_PATH / SOFFICE_PATH point
# elsewhere if set.
set -eu

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
firefox_path="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
soffice_path="${SOFFICE_PATH:-/usr/bin/soffice}"

missing=""
[ -x "$chromium_path" ] || missing="$missing chromium"
[ -x "$firefox_path" ] || missing="$missing firefox-esr"
with_office=""
[ "${1:-}" = "--with-office" ] && with_office=1
[ -z "$with_office" ] || [ -x "$soffice_path" ] || missing="$missing libreoffice-calc-nogui"
[ -z "$missing" ] && exit 0
missing="${missing# }"

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-browsers: installing $missing with apt-get"
  apt-get update -qq
  # --no-install-recommends: LibreOffice's recommends (fonts, Java, help) are not needed to convert files.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  [ -x "$chromium_path" ] && [ -x "$firefox_path" ] && { [ -z "$with_office" ] || [ -x "$soffice_path" ]; } && exit 0
  echo "ensure-browsers: apt-get finished but $chromium_path, $firefox_path or $soffice_path is still missing" >&2
  exit 1
fi

echo "ensure-browsers: missing $missing ($chromium_path, $firefox_path, $soffice_path)." >&2
echo "Install them once, then run the command again:" >&2
echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $missing" >&2
exit 1
