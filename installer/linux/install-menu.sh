#!/usr/bin/env bash
# Put Vrijwilligersregister Helmond in this user's application menu (no root needed).
# Run from the unpacked folder: bash install-menu.sh
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
APPS="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
ICONS="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$APPS" "$ICONS"
cp "$HERE/vrijwilligers-app.png" "$ICONS/vrijwilligers-app.png"
sed -e "s|^Exec=.*|Exec=\"$HERE/vrijwilligers-app\"|" \
    -e "s|^Icon=.*|Icon=vrijwilligers-app|" "$HERE/vrijwilligers-app.desktop" \
    > "$APPS/vrijwilligers-app.desktop"
echo "Menu-item gemaakt: $APPS/vrijwilligers-app.desktop"
