#!/usr/bin/env bash
# Many accounts: `bascule migrate` and then `bascule report` of that run, on SQLite and on PostgreSQL, for an export whose
# ledger spreads its lines over many legacy accounts, with a mapping of as many rules and one very large document
# (ManyAccounts/Program.cs writes both from a `bascule sample` export). Each command is timed by /usr/bin/time: wall time,
# processor time (user + system) and peak resident memory; the sizes of the report files are printed beside them. On a
# shared machine, compare processor times and peaks: wall times move with the other work.
# usage: bench/ManyAccounts/run.sh [lines] [accounts] [document-lines] [postgres-connection]
# Without a connection string, a throwaway PostgreSQL cluster is started from Debian's binaries and stopped at the end.
set -euo pipefail
LINES=${1:-500000}
ACCOUNTS=${2:-20000}
DOCUMENT=${3:-200000}
PG=${4:-}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/bench/throwaway-postgres.sh"
WORK=$(mktemp -d /tmp/many-accounts.XXXXXX)
chmod 755 "$WORK"
command -v /usr/bin/time >/dev/null || { echo "many-accounts: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

dotnet build "$ROOT/src/Jobs" -c Release -v quiet -nologo >/dev/null
dotnet build "$ROOT/bench/ManyAccounts" -c Release -v quiet -nologo >/dev/null
BASCULE=(dotnet "$ROOT/src/Jobs/bin/Release/net10.0/bascule.dll")
"${BASCULE[@]}" sample --out "$WORK/sample" --lines "$LINES" >/dev/null
dotnet "$ROOT/bench/ManyAccounts/bin/Release/net10.0/Bascule.ManyAccounts.dll" "$WORK/sample" "$WORK/export" \
  "$ROOT/mappings/bxl-2024/1.0.0" "$WORK/mappings" "$ACCOUNTS" "$DOCUMENT"
MAPPING="$WORK/mappings/many-accounts/1.0.0"
rm -rf "$WORK/sample"

if [ -z "$PG" ]; then
  throwaway_postgres_start "$WORK"
  trap 'throwaway_postgres_stop "$WORK"; rm -rf "$WORK"' EXIT
else
  trap 'rm -rf "$WORK"' EXIT
fi

# One timed process: prints "seconds;peak_mb;cpu_seconds"; its own output goes to $WORK/last.log. Exit code 2 (held
# for review) is a finished run too.
timed() {
  local code=0
  /usr/bin/time -f "%e;%M;%U;%S" -o "$WORK/time" "$@" > "$WORK/last.log" 2>&1 || code=$?
  if [ "$code" -ne 0 ] && [ "$code" -ne 2 ]; then cat "$WORK/last.log" >&2; exit 1; fi
  tail -1 "$WORK/time" | awk -F';' '{ printf "%.2f;%.0f;%.2f", $1, $2 / 1024, $3 + $4 }'
}

size_mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }

echo "provider;command;seconds;peak_mb;cpu_seconds;html_mb;json_mb;xlsx_mb"
for provider in sqlite postgres; do
  if [ "$provider" = sqlite ]; then
    connection="$WORK/staging.db"
  else
    connection="$PG"
  fi
  out="$WORK/out-$provider"
  migrate=$(timed "${BASCULE[@]}" migrate --export "$WORK/export" --mapping "$MAPPING" --provider "$provider" \
    --connection "$connection" --out "$out/migrate" --no-drill-indexes)
  run=$(grep -oE '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}' "$WORK/last.log" | head -1)
  echo "$provider;migrate;$migrate;$(size_mb "$out/migrate/reconciliation.html");$(size_mb "$out/migrate/reconciliation.json");$(
    size_mb "$out/migrate/reconciliation.xlsx")"
  report=$(timed "${BASCULE[@]}" report --run "$run" --provider "$provider" --connection "$connection" --out "$out/report")
  echo "$provider;report;$report;$(size_mb "$out/report/reconciliation.html");$(size_mb "$out/report/reconciliation.json");$(
    size_mb "$out/report/reconciliation.xlsx")"
done
