#!/usr/bin/env bash
# Start the app from this source folder on a fresh Debian/Ubuntu machine:
#     bash installer/start-linux.sh --demo
# installs the few system libraries Qt needs, makes .venv with the exact versions of
# requirements.lock (again only when the lock changed) and starts the window. Arguments go to
# the app (e.g. --demo, --data-dir MAP, or a command such as `check`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/debian-packages.sh
[ -x .venv/bin/python ] || python3 -m venv .venv
stamp=.venv/.requirements.lock.installed
if ! cmp -s requirements.lock "$stamp"; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r requirements.lock
  .venv/bin/python -m pip install -q --no-deps -e .
  cp requirements.lock "$stamp"
fi
exec .venv/bin/vrijwilligers-app "$@"
