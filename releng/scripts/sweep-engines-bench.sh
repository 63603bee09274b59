#!/usr/bin/env bash
# What the Spark engine costs on one machine: the same 200-run sweep as whole processes (JVM start,
# scenario load, Spark start, runs, CSV and Parquet written), with the local engine on N threads
# (--jobs N) and Spark's local mode on N threads (local[N]), alternated ROUNDS times. Prints every
# time and the ratio spark / local of each pair (measured back to back, so a machine shared with other
# work disturbs a pair less than the medians of all runs), their median, and checks that both engines
# wrote the same bytes.
#
#   releng/scripts/sweep-engines-bench.sh [ROUNDS]        default 3 rounds, N = 2
#   THREADS=4 releng/scripts/sweep-engines-bench.sh 5
#   ONLY=ping-pong-200k releng/scripts/sweep-engines-bench.sh      one of the sweeps below
#
# Three sweeps of 200 runs: ping-pong (200 seeds; a run takes a few tens of milliseconds, so Spark's
# fixed start-up dominates), scheduling-stress (2 scheduling variants x 100 seeds; under 0.1 s a run),
# and ping-pong with 200 000 round trips a run instead of 1 000 (written here; a few tenths of a second
# a run, nearer the runs of seconds that design-space studies have).
set -euo pipefail
MKW_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUNDS="${1:-3}"
THREADS="${THREADS:-2}"
OUT="$(mktemp -d "${TMPDIR:-/tmp}/mkw-engines.XXXXXX")"
trap 'rm -rf "$OUT"' EXIT
cd "$OUT"

# Untimed: builds MKW if sources changed, makes the Spark engine's start-up cache if the build is new
# (./mkw does that once per build), and brings both engines' jars into the page cache.
"$MKW_HOME/mkw" sweep "$MKW_HOME/examples/scenarios/ping-pong.mkw" --vary run.seed=1 --out warm.csv >/dev/null 2>&1
"$MKW_HOME/mkw" sweep "$MKW_HOME/examples/scenarios/ping-pong.mkw" --vary run.seed=1 --engine spark --master "local[$THREADS]" --out warm.csv >/dev/null 2>&1
export MKW_NO_BUILD=1
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "load average (1/5/15 min) at the start: $(load)"

now() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

bench() {
  local name="$1"; shift
  [ -z "${ONLY:-}" ] || [ "$ONLY" = "$name" ] || return 0
  local local_ms=() spark_ms=() t r
  for r in $(seq 1 "$ROUNDS"); do
    t=$(now); "$MKW_HOME/mkw" sweep "$@" --engine local --jobs "$THREADS" --out "$name-local.csv" >/dev/null 2>&1 || true
    local_ms+=($(( ($(now) - t) / 1000000 )))
    t=$(now); "$MKW_HOME/mkw" sweep "$@" --engine spark --master "local[$THREADS]" --out "$name-spark.csv" >/dev/null 2>&1 || true
    spark_ms+=($(( ($(now) - t) / 1000000 )))
  done
  cmp -s "$name-local.csv" "$name-spark.csv" && same="same bytes" || same="DIFFERENT ROWS"
  local ratios=() i
  for i in "${!local_ms[@]}"; do ratios+=("$(awk -v s="${spark_ms[$i]}" -v l="${local_ms[$i]}" 'BEGIN { printf "%.2f", s / l }')"); done
  printf '%s: %d runs, %s threads, %s rounds\n' "$name" "$(( $(wc -l < "$name-local.csv") - 1 ))" "$THREADS" "$ROUNDS"
  printf '  local engine  ms: %s\n' "${local_ms[*]}"
  printf '  spark local   ms: %s\n' "${spark_ms[*]}"
  printf '  spark / local by pair: %s   median %s   (CSV: %s)\n' "${ratios[*]}" "$(printf '%s\n' "${ratios[@]}" | median)" "$same"
}

bench ping-pong "$MKW_HOME/examples/scenarios/ping-pong.mkw" --vary "run.seed=$(seq -s, 1 200)"
bench scheduling-stress "$MKW_HOME/examples/scenarios/scheduling-stress.mkw" --vary kernel.scheduling=eager,lazy --vary "run.seed=$(seq -s, 1 100)"
sed 's/repeat 1000 /repeat 200000 /' "$MKW_HOME/examples/scenarios/ping-pong.mkw" > ping-pong-200k.mkw
bench ping-pong-200k "$OUT/ping-pong-200k.mkw" --vary "run.seed=$(seq -s, 1 200)"
echo "load average (1/5/15 min) at the end: $(load)"
