#!/usr/bin/env bash
# Times the drill-down of `bascule serve` on a large run, on SQLite and PostgreSQL: the first page of the largest legacy
# account (the list with the most lines) and of the balance check's list, without the run's drill-down indexes and then
# with them (built by serve in the background, timed), and the CSV download of a list of at least 100,000 lines with the
# serve process's peak resident memory before and after it. Then what the indexes of one run cost the load of the next:
# a second run of the same export with the first run's indexes present, then a third with them dropped (each timed by
# /usr/bin/time: wall, user and system processor time of the bascule process).
# usage: bench/DrillBench/run.sh [lines] [postgres-connection]
# Without a connection string, a throwaway PostgreSQL cluster is started from Debian's binaries and stopped at the end.
set -euo pipefail
LINES=${1:-1000000}
ROUNDS=${ROUNDS:-9}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/bench/throwaway-postgres.sh"
WORK=$(mktemp -d /tmp/drill-bench.XXXXXX)
chmod 755 "$WORK"
MAPPING="$ROOT/mappings/bxl-2024/1.0.0"
dotnet build "$ROOT/src/Jobs" -c Release -v quiet -nologo >/dev/null
BASCULE="dotnet $ROOT/src/Jobs/bin/Release/net10.0/bascule.dll"
$BASCULE sample --out "$WORK/export" --lines "$LINES" >/dev/null

PG=${2:-}
SERVE_PID=""
cleanup() {
  if [ -n "$SERVE_PID" ]; then kill "$SERVE_PID" 2>/dev/null || true; fi
  throwaway_postgres_stop "$WORK"
  rm -rf "$WORK"
}
trap cleanup EXIT
if [ -z "$PG" ]; then
  throwaway_postgres_start "$WORK"
fi

# The serve process's resident memory, current and peak, in MB.
rss() { awk '/^VmRSS/ { r = $2 } /^VmHWM/ { h = $2 } END { printf "%.0f;%.0f", r / 1024, h / 1024 }' "/proc/$SERVE_PID/status"; }

# One request's total time in ms.
ms() { curl -s -o /dev/null -w '%{time_total}' "$1" | awk '{ printf "%.1f", $1 * 1000 }'; }

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# One row of SQL on the staging database of the provider, fields separated by a space.
query() {
  if [ "$1" = postgres ]; then
    psql "$(echo "$PG" | awk -F';' '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[tolower(kv[1])] = kv[2] } }
      END { printf "host=%s port=%s user=%s dbname=%s", v["host"], v["port"], v["username"], v["database"] }')" -Atq -F ' ' -c "$2"
  else
    sqlite3 -batch -separator ' ' "$WORK/staging.db" "$2"
  fi
}

# A CSV download: seconds, data rows (each ends with the mapping's SHA-256), and the serve's memory after it.
download() {
  local start rows seconds
  start=$(date +%s.%N)
  curl -s -o "$WORK/list.csv" "$1"
  seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  rows=$(grep -cE ';[0-9a-f]{64}'$'\r''$' "$WORK/list.csv")
  echo "$rows;$seconds;$(rss)"
}

# One bascule command timed: prints "wall;user+sys" in seconds.
timed() {
  /usr/bin/time -f "%e;%U;%S" -o "$WORK/time" "$@" >"$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; exit 1; }
  awk -F';' '{ printf "%.1f;%.1f", $1, $2 + $3 }' "$WORK/time"
}

start_serve() { # provider connection [serve options]: starts serve, sets SERVE_PID and PORT
  PORT=$((20000 + RANDOM % 20000))
  (cd "$ROOT" && exec $BASCULE serve --urls "http://127.0.0.1:$PORT" --provider "$1" --connection "$2" --workers 1 "${@:3}" >>"$WORK/serve-$1.log" 2>&1) &
  SERVE_PID=$!
  until curl -s -o /dev/null "http://127.0.0.1:$PORT/health"; do sleep 0.5; done
}

stop_serve() { kill "$SERVE_PID"; wait "$SERVE_PID" 2>/dev/null || true; SERVE_PID=""; }

# The run's drill-down indexes present (complete) in the database.
indexes() {
  local hex=${2//-/}
  if [ "$1" = postgres ]; then
    query postgres "SELECT COUNT(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname LIKE 'ix_drill_%_$hex' AND i.indisvalid"
  else
    query sqlite "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_drill_%_$hex'"
  fi
}

# The first page of the largest account (cold, then the median of ROUNDS), its next page, and the balance check's list
# (first request, then the median of ROUNDS): "cold;first;next;check_first;check_median" in ms.
pages() {
  local base="http://127.0.0.1:$PORT/runs/$1" cold firsts next nexts check checks
  cold=$(ms "$base/lines?legacy=$2")
  firsts=$(for _ in $(seq "$ROUNDS"); do ms "$base/lines?legacy=$2"; echo; done | median)
  next=$(curl -s "$base/lines?legacy=$2" | grep -oE 'href="[^"]*" rel="next"' | sed 's/href="//; s/" rel.*//; s/&amp;/\&/g')
  nexts=$(for _ in $(seq "$ROUNDS"); do ms "http://127.0.0.1:$PORT$next"; echo; done | median)
  check=$(ms "$base/lines?check=balance:unbalancedDocuments")
  checks=$(for _ in $(seq "$ROUNDS"); do ms "$base/lines?check=balance:unbalancedDocuments"; echo; done | median)
  echo "$cold;$firsts;$nexts;$check;$checks"
}

echo "provider;load_s;load_cpu_s;account;lines;no_index_cold_ms;no_index_first_ms;no_index_next_ms;no_index_check_first_ms;no_index_check_ms;build_s;cold_ms;first_ms;next_ms;check_first_ms;check_ms;rss_mb;peak_mb;csv_account;csv_rows;csv_s;rss_after_mb;peak_after_mb;csv_largest_rows;csv_largest_s;rss_after_largest_mb;peak_after_largest_mb;second_load_with_indexes_s;cpu_s;third_load_without_s;cpu_s"
for provider in sqlite postgres; do
  connection=$([ "$provider" = postgres ] && echo "$PG" || echo "$WORK/staging.db")
  migrate=($BASCULE migrate --export "$WORK/export" --mapping "$MAPPING" --provider "$provider" --connection "$connection" --out "$WORK/out-$provider" --no-drill-indexes)
  load=$(timed "${migrate[@]}")
  run=$(grep -oE 'Run [0-9a-f-]{36}' "$WORK/last.log" | head -1 | cut -d' ' -f2)
  # The largest legacy account, and the one with the fewest lines of those with at least 100,000.
  read -r account account_lines <<<"$(query "$provider" "SELECT account, COUNT(*) FROM staged_lines WHERE run_id = '$run' GROUP BY account ORDER BY COUNT(*) DESC, account LIMIT 1")"
  read -r hundred _ <<<"$(query "$provider" "SELECT account, COUNT(*) FROM staged_lines WHERE run_id = '$run' GROUP BY account HAVING COUNT(*) >= 100000 ORDER BY COUNT(*), account LIMIT 1")"
  # Without the run's drill-down indexes (the first request of a run also reads its third parties, for masking, and its
  # mapping version: cold).
  start_serve "$provider" "$connection" --no-drill-indexes
  without=$(pages "$run" "$account")
  stop_serve
  # serve builds them in the background at start: timed from its start to the last one complete.
  start=$(date +%s.%N)
  start_serve "$provider" "$connection"
  until [ "$(indexes "$provider" "$run")" = 5 ]; do sleep 0.5; done
  build=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  with=$(pages "$run" "$account")
  before=$(rss)
  base="http://127.0.0.1:$PORT/runs/$run"
  hundred_csv=$(download "$base/lines.csv?legacy=$hundred")
  largest_csv=$(download "$base/lines.csv?legacy=$account")
  stop_serve
  # The next run's load with the first run's indexes present, then one with them dropped.
  second=$(timed "${migrate[@]}")
  for name in $(query "$provider" "$([ "$provider" = postgres ] && echo "SELECT relname FROM pg_class WHERE relname LIKE 'ix_drill_%'" || echo "SELECT name FROM sqlite_master WHERE name LIKE 'ix_drill_%'")"); do
    query "$provider" "DROP INDEX $name" >/dev/null
  done
  third=$(timed "${migrate[@]}")
  echo "$provider;$load;$account;$account_lines;$without;$build;$with;$before;$hundred;$hundred_csv;$largest_csv;$second;$third"
done
