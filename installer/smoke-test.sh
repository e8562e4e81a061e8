#!/usr/bin/env bash
# Smoke-test the frozen Linux bundle from a clean folder outside the source tree, at a path
# with a space and non-ASCII letters, with a minimal environment (no PYTHONPATH, no venv):
#     bash installer/smoke-test.sh [dist/vrijwilligers-app-linux.tar.gz]
# Runs --version, demo, check, rapport, export, the window (offscreen, closed after the first
# paint), a damaged installation (a clear message, no traceback), and prints the start time of
# the window beside a bare PySide6 window of the same bundle. Non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
TARBALL="$(realpath "${1:-dist/vrijwilligers-app-linux.tar.gz}")"
VERSION="$(grep -oP '__version__ = "\K[^"]+' vrijwilligers_app/__init__.py)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
HOME_DIR="$WORK/Zoë Öztürk"
APP_DIR="$HOME_DIR/Programma's/vrijwilligers-app"
DATA="$HOME_DIR/Mijn gegevens"
mkdir -p "$HOME_DIR/Programma's" "$HOME_DIR/export"
tar -C "$HOME_DIR/Programma's" -xzf "$TARBALL"
cd "$HOME_DIR"  # not the source tree
for f in vrijwilligers-app vrijwilligers-app.desktop vrijwilligers-app.png install-menu.sh \
         _internal/resources/help/beginnen.md _internal/resources/icons/vrijwilligers-app-32.png \
         _internal/PySide6/Qt/plugins/platforms/libqxcb.so; do
  [ -e "$APP_DIR/$f" ] || { echo "FOUT: $f ontbreekt in de bundel" >&2; exit 1; }
done

# The register is encrypted: the passphrase comes from the environment, as in scripts.
PASSPHRASE="rooktest wachtwoord 2026"
app() {  # run the frozen program with a bare environment
  env -i HOME="$HOME_DIR" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
      VRIJWILLIGERS_WACHTWOORD="$PASSPHRASE" \
      XDG_RUNTIME_DIR="$WORK" "$APP_DIR/vrijwilligers-app" "$@"
}
step() { echo "--- $*"; }
fail() { echo "FOUT: $*" >&2; exit 1; }

step "--version"
app --version | tee "$WORK/out" && grep -q "$VERSION" "$WORK/out" || fail "--version"
step "demo"
app demo --data-dir "$DATA" --peildatum 01-06-2026
step "check"
app check --data-dir "$DATA" --json > "$WORK/check.json" || fail "check"
grep -q '"healthy": true' "$WORK/check.json" || fail "check niet gezond"
step "rapport"
app rapport sociale-kaart --data-dir "$DATA" -o "$HOME_DIR/sociale kaart.pdf"
head -c 5 "$HOME_DIR/sociale kaart.pdf" | grep -q "%PDF-" || fail "rapport is geen PDF"
app rapport jaarverslag --initiatief 1 --periode 2026 --data-dir "$DATA" \
    -o "$HOME_DIR/jaarverslag.pdf"
step "import --toon (telefoonnummers: phonenumbers, alleen binnen functies geïmporteerd)"
printf 'Voornaam;Achternaam;Telefoon\nZoë;Rooktest;+32 470 12 34 56\nAnna;Rooktest;06-123\n' \
    > "$HOME_DIR/lijst.csv"
app import "$HOME_DIR/lijst.csv" --toon --data-dir "$WORK/import" | tee "$WORK/out"
grep -q "1 nieuw, 0 staan er al in, 1 met fouten" "$WORK/out" || fail "import --toon"
grep -q "rij 3, kolom Telefoon: '06-123' is geen geldig telefoonnummer" "$WORK/out" \
    || fail "telefoonnummer niet gecontroleerd"
step "export (versleuteld voor een gemeentesleutel)"
app gemeente init --data-dir "$WORK/gemeente" --to "$WORK/gemeente-sleutel.json"
app gemeentesleutel "$WORK/gemeente-sleutel.json" --data-dir "$DATA"
app export --data-dir "$DATA" --to "$HOME_DIR/export"
ls "$HOME_DIR/export"/*.versleuteld > /dev/null || fail "export schreef geen versleuteld bestand"
step "venster (offscreen)"
app --data-dir "$DATA" --smoke-test | tee "$WORK/out"
grep -q "venster getoond" "$WORK/out" || fail "het venster verscheen niet"
LOG="$DATA/logs/vrijwilligers-app.log"
grep -q "start venster (versie $VERSION" "$LOG" || fail "geen startregel in $LOG"
grep -q "Traceback" "$LOG" && fail "traceback in het logbestand"
step "kaal venster en Qt's Nederlandse vertaling"
app --kaal-venster | tee "$WORK/out"
grep -q "Nederlandse Qt-vertaling: ja" "$WORK/out" || fail "qtbase_nl.qm niet geladen"
step "beschadigde installatie"
BROKEN="$HOME_DIR/kapot"
cp -al "$APP_DIR" "$BROKEN"
rm -r "$BROKEN/_internal/resources/codes"
set +e
env -i HOME="$HOME_DIR" PATH=/usr/bin:/bin LANG=C.UTF-8 VRIJWILLIGERS_WACHTWOORD="$PASSPHRASE" \
  "$BROKEN/vrijwilligers-app" demo --data-dir "$HOME_DIR/leeg" > "$WORK/out" 2>&1
code=$?
set -e
cat "$WORK/out"
[ $code -ne 0 ] || fail "een beschadigde installatie gaf geen fout"
grep -q "niet volledig geïnstalleerd" "$WORK/out" || fail "geen duidelijke melding"
grep -q "Traceback" "$WORK/out" && fail "traceback bij een beschadigde installatie"
step "starttijd (mediaan van 3): het venster met het register naast een kaal PySide6-venster"
measure() {
  local times=()
  for _ in 1 2 3; do
    local t0; t0=$(date +%s%N)
    app "$@" > /dev/null
    times+=($(( ($(date +%s%N) - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}
bare=$(measure --kaal-venster)
full=$(measure --data-dir "$DATA" --smoke-test)
echo "kaal venster: ${bare} ms; programmavenster met register: ${full} ms"
echo "Bundel: $(du -sm "$APP_DIR" | cut -f1) MB uitgepakt, $(du -sm "$TARBALL" | cut -f1) MB tar.gz"
echo "Rooktest geslaagd."
