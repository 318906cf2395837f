#!/usr/bin/env bash
# Deal capture under load: starts the packaged product (embedded engine and PostgreSQL) on a fresh
# data directory and free ports, waits until healthy, then runs the Gatling simulation
# DealCaptureSimulation against it (50 clients capturing deals for 60 s by default, each as fast as
# the product lets it, or one capture per client every pace-seconds) and stops it.
# Called by ./openmineral bench capture [clients] [seconds] [pace-seconds]; CAPTURE_POLL_MS sets
# how often a client looks for the deal's first task (250 ms); OPENMINERAL_BENCH_APP_ARGS adds
# application arguments (space-separated) to compare settings.
set -euo pipefail
java_bin="$1"; jar="$2"; root="$3"; shift 3
export CAPTURE_USERS="${1:-50}" CAPTURE_SECONDS="${2:-60}" CAPTURE_PACE_SECONDS="${3:-0}"
data="$(mktemp -d /tmp/openmineral-capture-XXXXXX)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
http_port="$(free_port)"; engine_port="$(free_port)"
"$java_bin" --enable-native-access=ALL-UNNAMED $( [ "$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | cut -d. -f1)" -ge 23 ] && echo --sun-misc-unsafe-memory-access=allow ) \
  -jar "$jar" --server.port="$http_port" --openmineral.engine.port="$engine_port" \
  --openmineral.data-dir="$data" \
  "--openmineral.deployment.locations=file:$root/bpmn/**/*.bpmn,file:$root/bpmn/**/*.dmn,file:$root/forms/**/*.form" \
  ${OPENMINERAL_BENCH_APP_ARGS:-} > "$data/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$http_port/actuator/health" >/dev/null && break
  kill -0 $pid 2>/dev/null || { echo "the application exited; see its log:"; tail -20 "$data/app.log"; exit 1; }
  sleep 1
done
echo "$(date -u +%FT%TZ): $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), application healthy on port $http_port (JVM $("$java_bin" -version 2>&1 | head -1))"
export OPENMINERAL_URL="http://127.0.0.1:$http_port"
"$root/mvnw" -B -ntp -q -f "$root/load/pom.xml" test-compile gatling:test -Dspotless.check.skip
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
