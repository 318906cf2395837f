#!/usr/bin/env bash
# Idle footprint of the packaged product: starts it on a fresh data directory and free ports,
# waits until healthy plus a settling time, then samples CPU ticks over a window and prints CPU %,
# resident memory and thread counts of the JVM and the embedded PostgreSQL. Called by
# ./openmineral bench idle [settle-seconds] [window-seconds].
set -euo pipefail
java_bin="$1"; jar="$2"; shift 2
settle="${1:-30}"; window="${2:-60}"
data="$(mktemp -d /tmp/openmineral-idle-XXXXXX)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
http_port="$(free_port)"; engine_port="$(free_port)"
"$java_bin" --enable-native-access=ALL-UNNAMED $( [ "$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | cut -d. -f1)" -ge 23 ] && echo --sun-misc-unsafe-memory-access=allow ) \
  -jar "$jar" --server.port="$http_port" --openmineral.engine.port="$engine_port" \
  --openmineral.data-dir="$data" > "$data/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$http_port/actuator/health" >/dev/null && break
  kill -0 $pid 2>/dev/null || { echo "the application exited; see its log:"; tail -20 "$data/app.log"; exit 1; }
  sleep 1
done
echo "healthy; settling for ${settle}s, then measuring over ${window}s"
sleep "$settle"
ticks() { for p in "$@"; do awk '{s+=$14+$15} END {print s+0}' "/proc/$p/stat" 2>/dev/null || echo 0; done | awk '{s+=$1} END {print s+0}'; }
# the postmaster (its command line names the data directory) and its worker processes
pg_pids() { local m; for m in $(pgrep -f "$data/postgres" || true); do echo "$m"; pgrep -P "$m" || true; done; }
hz="$(getconf CLK_TCK)"
jvm0="$(ticks $pid)"; pg0="$(ticks $(pg_pids))"
sleep "$window"
jvm1="$(ticks $pid)"; pg1="$(ticks $(pg_pids))"
rss_kb() { for p in "$@"; do awk '/VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null; done | awk '{s+=$1} END {print s+0}'; }
awk -v a="$jvm0" -v b="$jvm1" -v hz="$hz" -v w="$window" 'BEGIN {printf "JVM CPU while idle        : %.2f %% of one core\n", (b-a)*100/hz/w}'
awk -v a="$pg0" -v b="$pg1" -v hz="$hz" -v w="$window" 'BEGIN {printf "PostgreSQL CPU while idle : %.2f %% of one core\n", (b-a)*100/hz/w}'
echo "JVM resident memory       : $(( $(rss_kb $pid) / 1024 )) MiB"
echo "JVM threads               : $(ls /proc/$pid/task | wc -l)"
echo "PostgreSQL resident (sum) : $(( $(rss_kb $(pg_pids)) / 1024 )) MiB over $(pg_pids | wc -l) processes"
