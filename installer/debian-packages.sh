#!/usr/bin/env bash
# Install the Debian/Ubuntu packages the app needs that a bare machine lacks, plus any package
# names given as arguments. Only missing packages are installed (sudo when not root).
#
# Qt's xcb platform (the normal window on Linux) loads these at start; without, e.g.,
# libxcb-icccm4 and libxcb-keysyms1 Qt stops with "could not load the Qt platform plugin xcb".
# The list comes from `ldd` on PySide6's libqxcb.so, libQt6XcbQpa, Gui, Widgets, Core and DBus.
set -euo pipefail
PACKAGES=(
  python3 python3-venv
  libglib2.0-0 libgl1 libegl1 libfontconfig1 libfreetype6 libdbus-1-3 fonts-dejavu-core
  libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1
  libxcb-xfixes0 libxcb-xkb1 libxkbcommon0 libxkbcommon-x11-0
  "$@"
)
missing=()
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for pkg in "${PACKAGES[@]}"; do
  # Debian 13 / Ubuntu 24.04 renamed some libraries with a t64 suffix (e.g. libglib2.0-0t64).
  installed "$pkg" || installed "${pkg}t64" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Systeempakketten installeren: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
