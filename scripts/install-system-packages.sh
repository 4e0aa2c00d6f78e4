#!/usr/bin/env bash
# Install the Debian packages Qt needs to open windows (and to run offscreen in tests),
# poppler-utils (pdftotext, pdftoppm: the tests read back every PDF), LibreOffice Writer
# and Calc (soffice: tests open the DOCX minutes and the Excel workbooks in it),
# python3-uno (a test edits a workbook through LibreOffice), postgresql (the sync tests
# start a throwaway server from its binaries), nsis and p7zip-full (a test compiles the
# Windows installer with makensis and lists what it holds with 7z), wine, wine64 and
# locales (a test runs that installer and its uninstaller under Wine, in a Thai locale),
# xvfb (a test opens the real GUI on laptop-sized X screens), chromium and
# chromium-driver (the participant page is tested in a real headless browser), zbar-tools
# (zbarimg: a test reads the QR codes of the printed phone cards), when they are missing. Runs apt-get only as root on a Debian-like system; elsewhere it
# prints what is missing and carries on.
set -euo pipefail

packages=(
  libgl1 libegl1 libglib2.0-0 libfontconfig1 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libxcb-xinerama0
  poppler-utils
  libreoffice-writer-nogui libreoffice-calc-nogui
  python3-uno
  postgresql
  nsis p7zip-full
  wine wine64 locales
  xvfb
  chromium chromium-driver zbar-tools
)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-system-packages: not a Debian system; install Qt's runtime libraries yourself if the app does not start"
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "install-system-packages: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "install-system-packages: missing ${missing[*]}; run: sudo apt-get install ${missing[*]}"
fi
