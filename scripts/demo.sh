#!/usr/bin/env bash
# Builds the agent and the demo, runs the demo with the agent, and prints the text report.
#   scripts/demo.sh             the leaky demo: one finding group per leak shape
#   scripts/demo.sh --fixed     the demo with the report's fixes applied: no findings
#   scripts/demo.sh --no-build  skip the Maven build (the jars must exist)
# The report files stay in demo-app/target/lapse/.
set -euo pipefail
cd "$(dirname "$0")/.."

build=true
demo_args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    --fixed) demo_args+=(--fixed) ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "demo.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

if $build; then
  echo "== building the agent and the demo (mvn -B -q -DskipTests package)"
  mvn -B -q -ntp -Dstyle.color=never -DskipTests package
fi

agent=agent/target/lapse-agent.jar
demo=demo-app/target/lapse-demo.jar
out=demo-app/target/lapse
for jar in "$agent" "$demo"; do
  [ -f "$jar" ] || { echo "demo.sh: $jar is missing; run without --no-build" >&2; exit 1; }
done
rm -rf "$out"

# log=warn: the report is printed below, so the agent's own one-line summary on stderr is not needed.
# accumulation=20,accumulationWindow=0s: the demo's search box piles up 30 listeners in well under a second, far
# below the defaults (500 over a minute) that keep a real application's start-up quiet.
cmd=(java -Djava.awt.headless=true "-javaagent:$agent=out=$out,log=warn,formats=json:txt:html:sarif,accumulation=20,accumulationWindow=0s" -jar "$demo" ${demo_args[@]+"${demo_args[@]}"})
echo "== ${cmd[*]}"
"${cmd[@]}"

echo
echo "== $out/lapse-report.txt"
cat "$out/lapse-report.txt"
echo
echo "== also written: $out/lapse-report.html (open it in a browser), lapse-report.json, lapse-report.sarif"
