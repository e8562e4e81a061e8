#!/usr/bin/env bash
# Build the frozen Linux bundle from the lock's versions:
#     dist/vrijwilligers-app/            the one-folder program (run ./vrijwilligers-app)
#     dist/vrijwilligers-app-linux.tar.gz the same folder with a .desktop entry, icon and
#                                         install-menu.sh, for handing out
# Uses .venv (made from requirements.lock, as .ci/run and installer/start-linux.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
"$PY" -c "import PyInstaller" 2>/dev/null || {
  echo "PyInstaller ontbreekt: pip install -r requirements.lock" >&2; exit 1; }
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist \
  --workpath build/pyinstaller installer/vrijwilligers-app.spec
BUNDLE=dist/vrijwilligers-app
cp installer/vrijwilligers-app.desktop "$BUNDLE/"
cp resources/icons/vrijwilligers-app-256.png "$BUNDLE/vrijwilligers-app.png"
cp installer/linux/install-menu.sh "$BUNDLE/"
cp LICENSE "$BUNDLE/LICENSE.txt" 2>/dev/null || true
tar -C dist -czf dist/vrijwilligers-app-linux.tar.gz vrijwilligers-app
echo "Map:    $(du -sm "$BUNDLE" | cut -f1) MB ($BUNDLE)"
echo "tar.gz: $(du -sm dist/vrijwilligers-app-linux.tar.gz | cut -f1) MB"
