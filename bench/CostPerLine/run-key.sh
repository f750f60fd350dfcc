#!/usr/bin/env bash
# What a per-run integer key would save the load: the staged lines of one real `migrate` (1,000,000 lines by default)
# copied back into two empty tables shaped like staged_lines, one keyed by the run's 36-character id (as now, with its
# index on run_id), one by a 4-byte integer (with its index), alternately, each COPY timed by the server's processor
# time; then both tables' sizes. PostgreSQL only (a throwaway cluster from Debian's binaries); the rows go in through
# binary COPY, the path `migrate` uses. Also prints how many staged rows the source lines made (splits), which bounds
# what storing the source fields once per source line could save.
# usage: bench/CostPerLine/run-key.sh [lines] [rounds]
set -euo pipefail
LINES=${1:-1000000}
ROUNDS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/bench/throwaway-postgres.sh"
source "$ROOT/bench/server-cpu.sh"
WORK=$(mktemp -d /tmp/run-key.XXXXXX)
chmod 777 "$WORK"
throwaway_postgres_start "$WORK"
trap 'throwaway_postgres_stop "$WORK"; rm -rf "$WORK"' EXIT
DB="host=127.0.0.1 port=$PORT user=postgres dbname=postgres"
export PGOPTIONS="-c client_min_messages=warning"

dotnet build "$ROOT/src/Jobs" -c Release -v quiet -nologo >/dev/null
BASCULE=(dotnet "$ROOT/src/Jobs/bin/Release/net10.0/bascule.dll")
"${BASCULE[@]}" sample --out "$WORK/export" --lines "$LINES" >/dev/null
"${BASCULE[@]}" migrate --export "$WORK/export" --mapping "$ROOT/mappings/bxl-2024/1.0.0" --provider postgres --connection "$PG" \
  --out "$WORK/out" --no-drill-indexes >/dev/null || true   # a held run (exit 2) has its rows too

COLUMNS="batch, source_file, record, line, part, fiscal_year, journal, document, line_number, booking_date, account, article, service,
  third_party, label, source_debit, source_credit, rule_id, target_account, target_economic, target_function, debit, credit"
psql "$DB" -Atc "SELECT 'source lines ' || COUNT(DISTINCT (source_file, record)) || ', staged rows ' || COUNT(*) FROM staged_lines"
psql "$DB" -q -c "\\copy (SELECT run_id, $COLUMNS FROM staged_lines) TO '$WORK/text.bin' WITH (FORMAT binary)" \
  -c "\\copy (SELECT 1::integer, $COLUMNS FROM staged_lines) TO '$WORK/integer.bin' WITH (FORMAT binary)" \
  -c "CREATE TABLE key_text AS SELECT run_id, $COLUMNS FROM staged_lines WHERE false" -c "CREATE INDEX ON key_text (run_id)" \
  -c "CREATE TABLE key_integer AS SELECT 1::integer AS run_key, $COLUMNS FROM staged_lines WHERE false" \
  -c "CREATE INDEX ON key_integer (run_key)"

echo "round;key;server_cpu_seconds"
for round in $(seq "$ROUNDS"); do
  for key in text integer; do
    psql "$DB" -q -c "TRUNCATE key_$key" -c "CHECKPOINT"
    before=$(server_cpu "$WORK/pg/data")
    psql "$DB" -q -c "\\copy key_$key FROM '$WORK/$key.bin' WITH (FORMAT binary)"
    echo "$round;$key;$(awk -v a="$before" -v b="$(server_cpu "$WORK/pg/data")" 'BEGIN { printf "%.2f", b - a }')"
  done
done
psql "$DB" -Atc "SELECT 'size with the text key ' || pg_size_pretty(pg_total_relation_size('key_text'))
  || ', with the integer key ' || pg_size_pretty(pg_total_relation_size('key_integer'))"
