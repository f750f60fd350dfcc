#!/usr/bin/env bash
# What other runs' drill-down indexes cost a load: `bascule migrate --no-drill-indexes` of the same export into a fresh
# database, alternately with and without the partial indexes of RUNS other runs present (five per run, as DrillIndexes
# builds them, on run ids that hold no rows: every row written is tested against each index's condition all the same),
# on SQLite and PostgreSQL. Prints, per load, the wall time and the processor time of the bascule process (user + system;
# on SQLite the database's work is in it) and, on PostgreSQL, of the server.
# usage: bench/DrillBench/load-cost.sh [lines] [runs] [pairs]
set -euo pipefail
LINES=${1:-1000000}
RUNS=${2:-1}
PAIRS=${3:-1}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/bench/throwaway-postgres.sh"
WORK=$(mktemp -d /tmp/drill-load-cost.XXXXXX)
chmod 755 "$WORK"
MAPPING="$ROOT/mappings/bxl-2024/1.0.0"
dotnet build "$ROOT/src/Jobs" -c Release -v quiet -nologo >/dev/null
BASCULE=(dotnet "$ROOT/src/Jobs/bin/Release/net10.0/bascule.dll")
"${BASCULE[@]}" sample --out "$WORK/export" --lines "$LINES" >/dev/null
throwaway_postgres_start "$WORK"
trap 'throwaway_postgres_stop "$WORK"; rm -rf "$WORK"' EXIT
ADMIN="host=127.0.0.1 port=$PORT user=postgres dbname=postgres"
export PGOPTIONS="-c client_min_messages=warning"

# Processor time of the PostgreSQL server so far (bench/server-cpu.sh).
source "$ROOT/bench/server-cpu.sh"

# The partial indexes of RUNS run ids that hold no rows, on the schema migrate creates.
indexes_sql() {
  for _ in $(seq "$RUNS"); do
    local run hex
    run=$(cat /proc/sys/kernel/random/uuid); hex=${run//-/}
    for list in "account:account" "target:target_account" "document:journal, document" "article:article" "rule:rule_id"; do
      echo "CREATE INDEX ix_drill_${list%%:*}_$hex ON staged_lines (${list#*:}, source_file, record, part) WHERE run_id = '$run';"
    done
  done
}

migrate() { # provider connection: "wall;bascule_cpu"
  /usr/bin/time -f "%e;%U;%S" -o "$WORK/time" "${BASCULE[@]}" migrate --export "$WORK/export" --mapping "$MAPPING" --provider "$1" \
    --connection "$2" --out "$WORK/out" --no-drill-indexes >"$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; exit 1; }
  awk -F';' '{ printf "%.1f;%.1f", $1, $2 + $3 }' "$WORK/time"
}

echo "pair;provider;other_runs_indexed;wall_s;bascule_cpu_s;server_cpu_s"
for pair in $(seq "$PAIRS"); do
  for indexed in "$RUNS" 0; do
    # A fresh database with the staging schema (`bascule runs` creates it), then the other runs' indexes.
    psql "$ADMIN" -q -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench" >/dev/null
    connection="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=bench"
    "${BASCULE[@]}" runs --provider postgres --connection "$connection" >/dev/null
    if [ "$indexed" != 0 ]; then indexes_sql | psql "host=127.0.0.1 port=$PORT user=postgres dbname=bench" -q >/dev/null; fi
    before=$(server_cpu "$WORK/pg/data")
    result=$(migrate postgres "$connection")
    echo "$pair;postgres;$indexed;$result;$(awk -v a="$before" -v b="$(server_cpu "$WORK/pg/data")" 'BEGIN { printf "%.1f", b - a }')"
    rm -f "$WORK/staging.db"*
    "${BASCULE[@]}" runs --provider sqlite --connection "$WORK/staging.db" >/dev/null
    if [ "$indexed" != 0 ]; then indexes_sql | sqlite3 "$WORK/staging.db"; fi
    echo "$pair;sqlite;$indexed;$(migrate sqlite "$WORK/staging.db");"
  done
done
