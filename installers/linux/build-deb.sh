#!/usr/bin/env bash
# Package the one-folder app (installers/workshop-app.spec) as a .deb:
#   installers/linux/build-deb.sh DIST_FOLDER OUT_FOLDER
# The app goes to /opt/workshop-app, a launcher to /usr/bin/workshop-app, the desktop
# entry and icon to /usr/share. Prints the path of the .deb.
set -euo pipefail

dist=$(realpath "$1")
out=$(realpath "$2")
here=$(dirname "$(realpath "$0")")
[[ -x "$dist/workshop-app" ]] || { echo "build-deb: no app in $dist" >&2; exit 2; }

version=$("$dist/workshop-app" --version | awk '{print $2}')
arch=$(dpkg --print-architecture)
# The app's libraries were linked against this system's C library: older ones refuse it.
glibc=$(dpkg-query -W -f='${Version}' libc6 | cut -d- -f1)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/256x256/apps" "$root/DEBIAN"
cp -a "$dist" "$root/opt/workshop-app"
# A launcher rather than a symlink: the app finds its files next to its real path.
cat > "$root/usr/bin/workshop-app" <<'LAUNCHER'
#!/bin/sh
exec /opt/workshop-app/workshop-app "$@"
LAUNCHER
chmod 755 "$root/usr/bin/workshop-app"
cp "$here/workshop-app.desktop" "$root/usr/share/applications/"
cp "$here/../icons/workshop-app.png" "$root/usr/share/icons/hicolor/256x256/apps/"
size=$(du -sk "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: workshop-app
Version: $version
Architecture: $arch
Maintainer: Workshop app team <workshop-app@localhost>
Installed-Size: $size
Depends: libc6 (>= $glibc), libgl1, libegl1, libfontconfig1, libglib2.0-0, libdbus-1-3, libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, libxcb-randr0, libxcb-render-util0, libxcb-image0, libxcb-xinerama0
Section: office
Priority: optional
Description: Thai provincial planning workshops, offline
 Registration by sector, brainstorm board, votes, official minutes (PDF/DOCX),
 the annual action plan (Excel), and sync between laptops and with the
 provincial server. Everything it needs is inside: Qt, the Sarabun font, the
 Thai dictionary. Check an installation with: workshop-app --self-test
CONTROL
mkdir -p "$out"
deb="$out/workshop-app_${version}_${arch}.deb"
# gzip -1: the app is mostly compressed libraries already; xz would take minutes.
dpkg-deb --root-owner-group -Zgzip -z1 --build "$root" "$deb" >/dev/null
echo "$deb"
