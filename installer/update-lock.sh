#!/usr/bin/env bash
# Regenerate requirements.lock: the exact versions CI, the Linux bundle and the Windows build
# install. Run after changing dependencies in pyproject.toml:
#
#     bash installer/update-lock.sh            # keep versions already locked where possible
#     bash installer/update-lock.sh --upgrade  # move everything to the newest allowed versions
#
# One lock serves Linux and Windows (--universal writes platform markers, e.g. pywin32-ctypes
# only on Windows). uv is used only here; installing from the lock needs plain pip.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
[ -x "$PY" ] || PY="$(command -v python3)"
"$PY" -m uv --version >/dev/null 2>&1 || "$PY" -m pip install -q uv
[ -f requirements.lock ] && cp requirements.lock requirements.lock.new  # prefer locked versions
"$PY" -m uv pip compile pyproject.toml --extra test --extra build \
  --universal --python-version 3.11 --no-header --quiet "$@" -o requirements.lock.new
{
  echo "# Exact, tested versions for CI, the frozen builds and developers (Linux and Windows)."
  echo "# Do not edit by hand. Regenerate after changing pyproject.toml:"
  echo "#     bash installer/update-lock.sh"
  echo "# Install:  pip install -r requirements.lock && pip install --no-deps -e ."
  cat requirements.lock.new
} > requirements.lock
rm -f requirements.lock.new
echo "requirements.lock bijgewerkt."
