#!/usr/bin/env bash
# Times `migrate` end to end against its floors, on SQLite and PostgreSQL, on one generated export.
# usage: bench/MigrateBench/run.sh [lines] [postgres-connection]
# Without a connection string, a throwaway PostgreSQL cluster is started from Debian's binaries and stopped at the end.
set -euo pipefail
LINES=${1:-1000000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/bench/throwaway-postgres.sh"
WORK=$(mktemp -d /tmp/migrate-bench.XXXXXX)
# The postgres user runs the throwaway cluster inside this folder.
chmod 755 "$WORK"
MAPPING="$ROOT/mappings/bxl-2024/1.0.0"
dotnet build "$ROOT/bench/MigrateBench" -c Release -v quiet -nologo >/dev/null
BENCH="dotnet $ROOT/bench/MigrateBench/bin/Release/net10.0/Bascule.MigrateBench.dll"
dotnet "$ROOT/src/Jobs/bin/Release/net10.0/bascule.dll" sample --out "$WORK/export" --lines "$LINES" >/dev/null

PG=${2:-}
if [ -z "$PG" ]; then
  throwaway_postgres_start "$WORK"
  trap 'throwaway_postgres_stop "$WORK"; rm -rf "$WORK"' EXIT
else
  trap 'rm -rf "$WORK"' EXIT
fi

# The throwaway cluster's processor time (bench/server-cpu.sh), printed beside each PostgreSQL side: both share the
# machine's cores, so the wall time depends on both.
source "$ROOT/bench/server-cpu.sh"

timed() { # provider, then the bench's arguments: runs one path, and for PostgreSQL prints the server's share
  local before="" after=""
  if [ "$1" = postgres ]; then before=$(server_cpu "$WORK/pg/data"); fi
  $BENCH "${@:2}" | tee -a "$RESULTS"
  if [ "$1" = postgres ]; then after=$(server_cpu "$WORK/pg/data"); fi
  if [ -n "$before" ] && [ -n "$after" ]; then
    echo "#   PostgreSQL server processor time: $(awk -v a="$before" -v b="$after" 'BEGIN { printf "%.2f", b - a }') s"
  fi
}

cd "$WORK"
RESULTS="$WORK/results.csv"
echo "path;provider;lines;seconds;lines_per_second;peak_working_set_mb;cpu_seconds;stages" | tee "$RESULTS"
$BENCH parse "$WORK/export" "$MAPPING" none | tee -a "$RESULTS"
$BENCH map "$WORK/export" "$MAPPING" none | tee -a "$RESULTS"
for provider in sqlite postgres; do
  connection=$([ "$provider" = postgres ] && echo "$PG" || echo "$WORK/staging.db")
  narrow=$([ "$provider" = postgres ] && echo "$PG" || echo "$WORK/narrow.db")
  timed "$provider" narrow "$WORK/export" "$MAPPING" "$provider" "$narrow"
  timed "$provider" floor "$WORK/export" "$MAPPING" "$provider" "$connection"
  # The floor removes its million rows when it ends (untimed); vacuumed here, so that autovacuum does not clean them up
  # in the middle of the next timed path.
  if [ "$provider" = postgres ] && command -v psql >/dev/null; then
    psql "$(echo "$PG" | awk -F';' '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[tolower(kv[1])] = kv[2] } }
      END { printf "host=%s port=%s user=%s dbname=%s", v["host"], v["port"], v["username"], v["database"] }')" -q -c "VACUUM" >/dev/null
  fi
  timed "$provider" migrate "$WORK/export" "$MAPPING" "$provider" "$connection"
done

# Ratios of `migrate` to both floors of its provider: the narrow one (the database's fastest way in for the parsed
# fields) and Bascule's own bulk path with lineage and no mapping.
echo
echo "provider;migrate_seconds;narrow_floor_seconds;ratio_to_narrow;bulk_floor_seconds;ratio_to_bulk_floor"
awk -F';' '{ t[$1 ";" $2] = $4 }
  END { for (p in t) { split(p, k, ";"); if (k[1] == "migrate") { n = t["narrow;" k[2]]; f = t["floor;" k[2]];
        printf "%s;%.2f;%.2f;%.2f;%.2f;%.2f\n", k[2], t[p], n, t[p] / n, f, t[p] / f } } }' "$RESULTS"

# pgloader on the same ECRITURES.csv, when it is installed (optional: the script says so and goes on otherwise).
PGURL=${PGLOADER_URL:-}
[ -n "$PGURL" ] || PGURL=$(echo "$PG" | awk -F';' '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[tolower(kv[1])] = kv[2] } }
  END { printf "postgresql://%s@%s:%s/%s", v["username"], v["host"], v["port"], v["database"] }')
echo
"$ROOT/bench/pgloader/run.sh" "$WORK/export" "$PGURL" | tail -1
