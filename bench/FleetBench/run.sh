#!/usr/bin/env bash
# A fleet through one `bascule serve`: 12 entity-years of 200,000 ledger lines each (generated with `bascule sample`),
# shared PostgreSQL job storage and staging database, one serve with 1 worker, then with 2 (each on fresh databases).
# Prints, per worker count, the wall time from enqueue to the last job succeeded and the ledger lines per second.
# usage: bench/FleetBench/run.sh [entities] [lines] [postgres-connection]
# Without a connection string, a throwaway PostgreSQL cluster is started from Debian's binaries and stopped at the end.
set -euo pipefail
ENTITIES=${1:-12}
LINES=${2:-200000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/bench/throwaway-postgres.sh"
WORK=$(mktemp -d /tmp/fleet-bench.XXXXXX)
chmod 755 "$WORK"
dotnet build "$ROOT/src/Jobs" -c Release -v quiet -nologo >/dev/null
BASCULE="dotnet $ROOT/src/Jobs/bin/Release/net10.0/bascule.dll"

PG=${3:-}
SERVE_PID=""
cleanup() {
  if [ -n "$SERVE_PID" ]; then kill "$SERVE_PID" 2>/dev/null || true; wait "$SERVE_PID" 2>/dev/null || true; fi
  throwaway_postgres_stop "$WORK"
  rm -rf "$WORK"
}
trap cleanup EXIT
if [ -z "$PG" ]; then
  throwaway_postgres_start "$WORK"
fi
sql() { # database, statement: one value
  PGCONNECT_TIMEOUT=5 "$PGBIN/psql" -qtAX "host=$(sed 's/.*Host=\([^;]*\).*/\1/' <<< "$PG") port=$(sed 's/.*Port=\([^;]*\).*/\1/' <<< "$PG") user=postgres dbname=$1" -c "$2"
}

# The fleet: communes and CPAS in turn, distinct INS codes, one fiscal year.
cd "$WORK"
entries=""
for i in $(seq 1 "$ENTITIES"); do
  type=$([ $((i % 2)) -eq 1 ] && echo COMMUNE || echo CPAS)
  ins=$(printf "21%03d" "$i")
  key="$(tr '[:upper:]' '[:lower:]' <<< "$type")-$ins"
  $BASCULE sample --out "exports/2023/$key" --entity-type "$type" --year 2023 --lines "$LINES" --seed "$i" --ins "$ins" --entity-name "$type $ins" >/dev/null
  entries+="${entries:+,}{\"key\":\"$key\",\"name\":\"$type $ins\",\"type\":\"$type\",\"ins\":\"$ins\",\"export\":\"exports/{year}/$key\",\"mapping\":\"$ROOT/mappings/bxl-2024/1.0.0\"}"
done
echo "{\"entities\":[$entries]}" > fleet.json
total=$((ENTITIES * LINES))
echo "# $ENTITIES entity-years of $LINES lines ($total ledger lines), $(nproc) cores"
echo "workers;entity_years;lines;wall_seconds;lines_per_second"

for workers in 1 2; do
  sql postgres "CREATE DATABASE staging_$workers" >/dev/null
  sql postgres "CREATE DATABASE jobs_$workers" >/dev/null
  staging="${PG/Database=postgres/Database=staging_$workers}"
  jobs="${PG/Database=postgres/Database=jobs_$workers}"
  port=$((20000 + RANDOM % 20000))
  BASCULE_OUT="$WORK/out-$workers" $BASCULE serve --urls "http://127.0.0.1:$port" --workers "$workers" \
    --provider postgres --connection "$staging" --jobs-storage postgres --jobs-connection "$jobs" > "serve-$workers.log" 2>&1 &
  SERVE_PID=$!
  until grep -qs "Application started" "serve-$workers.log"; do sleep 0.2; done
  start=$(date +%s.%N)
  $BASCULE enqueue --all --year 2023 --fleet fleet.json --jobs-storage postgres --jobs-connection "$jobs" >/dev/null
  while :; do
    done_count=$(sql "jobs_$workers" "SELECT count(*) FROM hangfire.job WHERE statename IN ('Succeeded','Failed')")
    [ "$done_count" -ge "$ENTITIES" ] && break
    sleep 0.2
  done
  end=$(date +%s.%N)
  failed=$(sql "jobs_$workers" "SELECT count(*) FROM hangfire.job WHERE statename = 'Failed'")
  published=$(sql "staging_$workers" "SELECT count(*) FROM runs WHERE status = 'published'")
  kill -TERM "$SERVE_PID"; wait "$SERVE_PID" || true; SERVE_PID=""
  if [ "$failed" -ne 0 ] || [ "$published" -ne "$ENTITIES" ]; then
    echo "# $workers worker(s): $failed job(s) failed, $published run(s) published; see the log:"; tail -20 "serve-$workers.log"; exit 1
  fi
  awk -v w="$workers" -v n="$ENTITIES" -v l="$total" -v s="$start" -v e="$end" 'BEGIN { printf "%d;%d;%d;%.1f;%.0f\n", w, n, l, e - s, l / (e - s) }'
done
