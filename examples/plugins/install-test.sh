#!/usr/bin/env bash
# The install path of a third-party plugin, as the build tests it (see
# org.l4lab.mkw.extras.repository/pom.xml):
#   install-test.sh install PRODUCTS_DIR INSTALLED_DIR REPOSITORY MKW_HOME
#       copy MKW's materialized IDE and headless products and install the plugin's feature
#       into each with the command README gives users: mkw install-plugin (the p2 director)
#   install-test.sh check INSTALLED_DIR SCENARIOS_DIR OUT_DIR
#       in each installed product, run scenarios/stride-nic.mkw headless with the plugin's
#       analysis and check that the plugin's scheduler, device and analysis all took part;
#       run scenarios/tagged-call.mkw (the plugin's cross-domain call hardware) and check that the
#       kernel installed the grant, the calls ran, and a machine without tags is refused
set -euo pipefail
JAVA="${JAVA_HOME:?JAVA_HOME must be set}/bin/java"

case "$1" in
install)
  PRODUCTS="$2"; INSTALLED="$3"; REPOSITORY="$4"; MKW_HOME="$5"
  rm -rf "$INSTALLED"; mkdir -p "$INSTALLED"
  for p in ide headless; do
    src="$PRODUCTS/dev.mkw.$p/linux/gtk/x86_64"
    [ -d "$src" ] || { echo "install test: no materialized $p product at $src (build releng first)"; exit 1; }
    cp -a "$src" "$INSTALLED/$p"
    "$MKW_HOME/mkw" install-plugin --into "$INSTALLED/$p" "$REPOSITORY" org.l4lab.mkw.extras.feature
  done
  echo "install test: plugin installed into copies of both products under $INSTALLED"
  ;;
check)
  INSTALLED="$2"; SCENARIOS="$3"; OUT="$4"
  mkdir -p "$OUT"
  for p in ide headless; do
    dir="$INSTALLED/$p"
    ls "$dir"/plugins/org.l4lab.mkw.extras_*.jar > /dev/null 2>&1 || { echo "install test: the director did not install the plugin into the $p product"; exit 1; }
    launcher="$(ls "$dir"/plugins/org.eclipse.equinox.launcher_*.jar | head -1)"
    log="$OUT/$p-run.txt"
    (cd "$dir" && "$JAVA" -Dmkw.cwd="$SCENARIOS" -jar "$launcher" -nosplash -data @none -configuration "$OUT/$p-config" \
        -application dev.mkw.cli.app run "$SCENARIOS/stride-nic.mkw" --analysis ipc-cost-by-size) > "$log" 2>&1 \
      || { echo "install test: 'mkw run stride-nic.mkw' failed in the $p product:"; cat "$log"; exit 1; }
    # The analysis printed its table, with both kernel paths.
    grep -q "IPC cost by message size and kernel path" "$log" || { echo "install test ($p): the plugin's analysis did not run"; cat "$log"; exit 1; }
    grep -q "ipc.slowpath" "$log" || { echo "install test ($p): no slow-path row in the analysis"; cat "$log"; exit 1; }
    # The scenario names the plugin's scheduler; the run used it.
    grep -q "kernel.scheduler = stride" "$log" || { echo "install test ($p): the report does not show the stride scheduler"; cat "$log"; exit 1; }
    # The nic raised interrupts that the driver got (the text report's IRQ table: line, raised, delivered).
    read -r raised delivered <<< "$(awk '$1 == "11" && NF >= 3 { print $2, $3; exit }' "$log")"
    [ "${delivered:-0}" -gt 0 ] || { echo "install test ($p): the nic's IRQ 11 was not delivered (raised ${raised:-0})"; cat "$log"; exit 1; }
    # Stride: the workers' user cycles (Threads table) follow their tickets 40:20:10 (within 2 %).
    read -r a b c <<< "$(awk '$1 ~ /^work\.[abc]$/ { printf "%s ", $2 }' "$log")"
    [ -n "${c:-}" ] || { echo "install test ($p): no user cycles for work.a/b/c in the report"; cat "$log"; exit 1; }
    awk -v a="$a" -v b="$b" -v c="$c" 'BEGIN { t = a + b + c; ok = (a/t - 4/7)^2 < 0.0004 && (b/t - 2/7)^2 < 0.0004 && (c/t - 1/7)^2 < 0.0004; exit ok ? 0 : 1 }' \
      || { echo "install test ($p): shares $a:$b:$c are not 4:2:1"; exit 1; }
    echo "install test: $p product with the plugin: stride shares $a:$b:$c, nic IRQs $raised raised / $delivered delivered, analysis printed"
    # The forum thread's hardware: 'call vfs.open via tagcall' needs the plugin; the kernel's grant path ran once.
    tlog="$OUT/$p-tagged-call.txt"
    (cd "$dir" && "$JAVA" -Dmkw.cwd="$SCENARIOS" -jar "$launcher" -nosplash -data @none -configuration "$OUT/$p-config" \
        -application dev.mkw.cli.app run "$SCENARIOS/tagged-call.mkw") > "$tlog" 2>&1 \
      || { echo "install test: 'mkw run tagged-call.mkw' failed in the $p product:"; cat "$tlog"; exit 1; }
    grep -q "xdomain.grant" "$tlog" || { echo "install test ($p): no xdomain.grant path: the kernel installed no grant"; cat "$tlog"; exit 1; }
    # A machine whose TLB has no tags cannot have the hardware: refused before the run (exit 2), at the call.
    set +e
    (cd "$dir" && "$JAVA" -Dmkw.cwd="$SCENARIOS" -jar "$launcher" -nosplash -data @none -configuration "$OUT/$p-config" \
        -application dev.mkw.cli.app run "$SCENARIOS/tagged-call.mkw" --set machine.mmu.taggedTlb=false) > "$tlog.untagged" 2>&1
    rc=$?
    set -e
    [ "$rc" = 2 ] && grep -q "tagged-call.mkw:[0-9]*:[0-9]*: call via tagcall: machine x86_64_pcid cannot have tagcall" "$tlog.untagged" \
      || { echo "install test ($p): a machine without tags was not refused (exit $rc)"; cat "$tlog.untagged"; exit 1; }
    echo "install test: $p product with the plugin: tagged-call.mkw ran with the kernel's grant; refused without a tagged TLB"
  done
  ;;
*)
  echo "usage: install-test.sh install PRODUCTS INSTALLED REPOSITORY MKW_HOME | check INSTALLED SCENARIOS OUT"; exit 2 ;;
esac
