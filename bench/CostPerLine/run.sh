#!/usr/bin/env bash
# Cost per line: `bascule migrate` against the database's own command-line bulk load of the same ECRITURES.csv into a
# table of text columns (no parsing of amounts or dates, no mapping), alternately, same machine, same moment.
#   PostgreSQL: psql's \copy (format csv, delimiter ';', header, encoding WIN1252)
#   SQLite:     sqlite3's .import --skip 1, on the file converted to UTF-8 first (the conversion untimed)
# `migrate` runs with --no-drill-indexes: the drill-down indexes it builds after publishing are not the load (DrillBench
# times them). Each side runs as its own process on a database of its own; wall time, processor time (user + system) and peak
# resident memory come from /usr/bin/time; on a throwaway cluster, the PostgreSQL server's processor time during each
# PostgreSQL side is printed beside it (\copy's work is mostly the server's). Prints every pair, then per provider the
# medians, the ratio and the peak memory. On a shared machine, compare processor times: wall times move with the load.
# usage: bench/CostPerLine/run.sh [lines] [pairs] [postgres-connection]
# Without a connection string, a throwaway PostgreSQL cluster is started from Debian's binaries and stopped at the end.
set -euo pipefail
LINES=${1:-1000000}
PAIRS=${2:-3}
PG=${3:-}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/bench/throwaway-postgres.sh"
WORK=$(mktemp -d /tmp/cost-per-line.XXXXXX)
chmod 755 "$WORK"
MAPPING="$ROOT/mappings/bxl-2024/1.0.0"
for tool in psql sqlite3 iconv /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "cost-per-line: $tool is needed (apt-get install postgresql-client sqlite3 time)" >&2; exit 2; }
done

dotnet build "$ROOT/src/Jobs" -c Release -v quiet -nologo >/dev/null
BASCULE=(dotnet "$ROOT/src/Jobs/bin/Release/net10.0/bascule.dll")
"${BASCULE[@]}" sample --out "$WORK/export" --lines "$LINES" >/dev/null
LEDGER="$WORK/export/ECRITURES.csv"
iconv -f WINDOWS-1252 -t UTF-8 "$LEDGER" > "$WORK/ecritures.utf8.csv"
COLUMNS=$(head -1 "$WORK/ecritures.utf8.csv" | tr -d '\r' | awk -F';' '{ for (i = 1; i <= NF; i++) printf "%sc%d text", (i > 1 ? ", " : ""), i }')

if [ -z "$PG" ]; then
  throwaway_postgres_start "$WORK"
  trap 'throwaway_postgres_stop "$WORK"; rm -rf "$WORK"' EXIT
else
  trap 'rm -rf "$WORK"' EXIT
fi
# The libpq form of the Npgsql connection string, for psql.
libpq() {
  echo "$1" | awk -F';' -v db="$2" '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[tolower(kv[1])] = kv[2] } }
    END { printf "host=%s port=%s user=%s dbname=%s", v["host"], v["port"], v["username"], (db != "" ? db : v["database"]) }'
}
ADMIN=$(libpq "$PG" "")
export PGOPTIONS="-c client_min_messages=warning"

# The throwaway cluster's processor time (bench/server-cpu.sh), printed beside each PostgreSQL side: both share the
# machine's cores, so the wall time depends on both.
source "$ROOT/bench/server-cpu.sh"

# One timed process: prints "seconds;peak_mb;cpu_seconds;server_cpu_seconds" (the last empty off PostgreSQL or without
# a throwaway cluster); its own output goes to $WORK/last.log.
timed() {
  local provider=$1 before="" after="" server=""
  shift
  if [ "$provider" = postgres ]; then before=$(server_cpu "$WORK/pg/data"); fi
  /usr/bin/time -f "%e;%M;%U;%S" -o "$WORK/time" "$@" > "$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; exit 1; }
  if [ "$provider" = postgres ]; then after=$(server_cpu "$WORK/pg/data"); fi
  if [ -n "$before" ] && [ -n "$after" ]; then server=$(awk -v a="$before" -v b="$after" 'BEGIN { printf "%.2f", b - a }'); fi
  awk -F';' -v server="$server" '{ printf "%.2f;%.0f;%.2f;%s", $1, $2 / 1024, $3 + $4, server }' "$WORK/time"
}

fresh_pg_database() { # name: a new, empty database; prints its Npgsql connection string
  psql "$ADMIN" -q -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null
  echo "$PG" | sed -E "s/Database=[^;]*/Database=$1/I"
}

RESULTS="$WORK/results.csv"
echo "pair;provider;side;seconds;peak_mb;cpu_seconds;server_cpu_seconds" | tee "$RESULTS"
for pair in $(seq 1 "$PAIRS"); do
  # PostgreSQL: the reference, then migrate, each into a new database.
  psql "$ADMIN" -q -c "DROP DATABASE IF EXISTS bench_raw" -c "CREATE DATABASE bench_raw" >/dev/null
  psql "$(libpq "$PG" bench_raw)" -q -c "CREATE TABLE raw ($COLUMNS)" >/dev/null
  echo "$pair;postgres;copy;$(timed postgres psql "$(libpq "$PG" bench_raw)" -q -c "\\copy raw from '$LEDGER' with (format csv, delimiter ';', header true, encoding 'WIN1252')")" | tee -a "$RESULTS"
  # Each side's database dropped and the cluster checkpointed (untimed) before the next side: otherwise the server
  # analyses, vacuums and writes out the million rows just loaded while the next side runs, and takes one of the two cores.
  psql "$ADMIN" -q -c "DROP DATABASE IF EXISTS bench_raw" -c "CHECKPOINT" >/dev/null
  staging=$(fresh_pg_database bench_migrate)
  echo "$pair;postgres;migrate;$(timed postgres "${BASCULE[@]}" migrate --export "$WORK/export" --mapping "$MAPPING" --provider postgres --connection "$staging" --out "$WORK/out" --no-drill-indexes)" | tee -a "$RESULTS"
  psql "$ADMIN" -q -c "DROP DATABASE IF EXISTS bench_migrate" -c "CHECKPOINT" >/dev/null
  # SQLite: a new file each time.
  rm -f "$WORK/raw.db" "$WORK/staging.db"*
  sqlite3 "$WORK/raw.db" "CREATE TABLE raw ($COLUMNS)"
  echo "$pair;sqlite;import;$(timed sqlite sqlite3 "$WORK/raw.db" ".mode csv" ".separator ;" ".import --skip 1 $WORK/ecritures.utf8.csv raw")" | tee -a "$RESULTS"
  echo "$pair;sqlite;migrate;$(timed sqlite "${BASCULE[@]}" migrate --export "$WORK/export" --mapping "$MAPPING" --provider sqlite --connection "$WORK/staging.db" --out "$WORK/out" --no-drill-indexes)" | tee -a "$RESULTS"
done
rows=$(sqlite3 "$WORK/raw.db" "SELECT COUNT(*) FROM raw")
[ "$rows" = "$LINES" ] || { echo "cost-per-line: sqlite3 imported $rows rows of $LINES" >&2; exit 1; }

echo
echo "provider;lines;pairs;migrate_seconds;reference;reference_seconds;ratio;goal;migrate_peak_mb;reference_peak_mb;migrate_cpu_seconds;reference_cpu_seconds;migrate_server_cpu_seconds;reference_server_cpu_seconds"
for provider in postgres sqlite; do
  reference=$([ "$provider" = postgres ] && echo copy || echo import)
  goal=$([ "$provider" = postgres ] && echo 3.5 || echo 3.0)
  median() { grep ";$provider;$1;" "$RESULTS" | cut -d';' -f"$2" | grep . | sort -n | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
  peak() { grep ";$provider;$1;" "$RESULTS" | cut -d';' -f5 | sort -n | tail -1; }
  m=$(median migrate 4); r=$(median "$reference" 4)
  echo "$provider;$LINES;$PAIRS;$m;$reference;$r;$(awk -v m="$m" -v r="$r" 'BEGIN { printf "%.2f", m / r }');$goal;$(peak migrate);$(peak "$reference");$(median migrate 6);$(median "$reference" 6);$(median migrate 7);$(median "$reference" 7)"
done
