#!/usr/bin/env bash
# Smoke test of the materialized products, run by the build (releng/dev.mkw.repository, phase
# integration-test) right after materialization:
#   1. the headless product runs `mkw --help` and an example scenario;
#   2. the IDE product opens its workbench window on the current X display, stays up,
#      and is photographed to target/screenshots/ide-product.png.
# Arguments: PRODUCTS_DIR (…/target/products) MKW_HOME OUT_DIR
set -euo pipefail
PRODUCTS="$1"; MKW_HOME="$2"; OUT="$3"
JAVA="${JAVA_HOME:?JAVA_HOME must be set}/bin/java"
mkdir -p "$OUT"

headless="$PRODUCTS/dev.mkw.headless/linux/gtk/x86_64"
launcher="$(ls "$headless"/plugins/org.eclipse.equinox.launcher_*.jar | head -1)"
run_headless() {
  (cd "$headless" && "$JAVA" -Dmkw.home="$MKW_HOME" -Dmkw.cwd="$MKW_HOME" -jar "$launcher" -nosplash -data @none -application dev.mkw.cli.app "$@")
}
run_headless --help > "$OUT/headless-help.txt"
grep -q "Usage: mkw COMMAND" "$OUT/headless-help.txt" || { echo "headless product: --help did not print the usage"; cat "$OUT/headless-help.txt"; exit 1; }
first_example="$MKW_HOME/examples/scenarios/ping-pong.mkw"
run_headless run "$first_example" > "$OUT/headless-run.txt" 2>&1 || { echo "headless product: mkw run $first_example failed"; cat "$OUT/headless-run.txt"; exit 1; }
echo "headless product: help and 'run $(basename "$first_example")' ok"

if [ -z "${DISPLAY:-}" ]; then
  echo "IDE product: no DISPLAY, cannot open the workbench (./mkw test runs the build under xvfb-run)"; exit 1
fi
ide="$PRODUCTS/dev.mkw.ide/linux/gtk/x86_64"
launcher="$(ls "$ide"/plugins/org.eclipse.equinox.launcher_*.jar | head -1)"
ws="$(mktemp -d)"
(cd "$ide" && exec "$JAVA" -Xmx1g -Dmkw.home="$MKW_HOME" -jar "$launcher" -data "$ws" -nosplash > "$OUT/ide-product.log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$ws"' EXIT
for i in $(seq 1 120); do
  if xwininfo -root -tree 2>/dev/null | grep -qE '"[^"]*MKW[^"]*"'; then break; fi
  kill -0 $pid 2>/dev/null || { echo "IDE product exited early:"; tail -40 "$OUT/ide-product.log"; exit 1; }
  sleep 1
done
xwininfo -root -tree | grep -qE '"[^"]*MKW[^"]*"' || { echo "IDE product: no MKW window after 120 s"; tail -40 "$OUT/ide-product.log"; exit 1; }
sleep 5   # let GTK paint the parts before the photograph
kill -0 $pid 2>/dev/null || { echo "IDE product died after opening"; tail -40 "$OUT/ide-product.log"; exit 1; }
import -window root "$OUT/ide-product.png"
echo "IDE product: window '$(xwininfo -root -tree | grep -oE '"[^"]*MKW[^"]*"' | head -1)' up; screenshot $OUT/ide-product.png"
