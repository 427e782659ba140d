#!/usr/bin/env bash
# Measures what Lapse costs: every workload with the agent off and on, in forked JVMs, in one run
# (JMH for the per-operation figures, forked probes for memory, start-up and the exit check).
#   scripts/bench.sh            the full run (about 15 minutes on 2 cores)
#   scripts/bench.sh --quick    fewer forks and iterations (about 6 minutes), for a first look
#   scripts/bench.sh --no-build skip the Maven build (the jars must exist)
#   scripts/bench.sh --startup  start-up and exit only: no agent, JaCoCo's and Lapse's side by side (a few minutes)
#   scripts/bench.sh --classload  defining and linking 20,000 classes only (JMH)
#   scripts/bench.sh --leaky    a whole run leaking 20,000 owners: no agent, Lapse's and JFR's leak profiler (minutes)
#   scripts/bench.sh --exit     the check and report with 100,000 lapsed listeners only, wall and CPU time (seconds)
# Prints a Markdown table and leaves it in bench/target/bench-results.md. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."

build=true
bench_args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    --quick) bench_args+=(--quick) ;;
    --startup) bench_args+=(--only startup) ;;
    --classload) bench_args+=(--only classload) ;;
    --leaky) bench_args+=(--only leaky) ;;
    --exit) bench_args+=(--only exit) ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

if $build; then
  echo "== building the agent, the demo and the benchmarks"
  mvn -B -q -ntp -Dstyle.color=never -Pbench -DskipTests package
fi
for jar in agent/target/lapse-agent.jar demo-app/target/lapse-demo.jar bench/target/lapse-bench.jar \
  bench/target/jacocoagent.jar; do
  [ -f "$jar" ] || { echo "bench.sh: $jar is missing; run without --no-build" >&2; exit 1; }
done

java -jar bench/target/lapse-bench.jar --agent agent/target/lapse-agent.jar --demo demo-app/target/lapse-demo.jar \
  --jacoco bench/target/jacocoagent.jar \
  --out bench/target/bench-results.md ${bench_args[@]+"${bench_args[@]}"}
