#!/usr/bin/env bash
# Times pgloader (Debian's package) loading a legacy export's ECRITURES.csv into one PostgreSQL table: the tool a
# DBA would reach for, to compare with `bascule migrate` on the same file (bench/MigrateBench/run.sh).
# usage: bench/pgloader/run.sh EXPORT_DIR POSTGRES_URL
#   POSTGRES_URL as pgloader takes it, e.g. postgresql://postgres@127.0.0.1:5432/postgres
# Optional: without pgloader installed (apt-get install pgloader) it says so and exits 0.
set -euo pipefail
if ! command -v pgloader >/dev/null 2>&1; then
  echo "pgloader is not installed (apt-get install pgloader): skipped."
  exit 0
fi
if [ $# -lt 2 ]; then
  echo "usage: $0 EXPORT_DIR POSTGRES_URL" >&2
  exit 64
fi
EXPORT=$(cd "$1" && pwd)
TARGET=$2
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d /tmp/pgloader-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# The command file names the CSV and the database; '|' delimits sed so paths and URLs pass as they are.
sed -e "s|@CSV@|$EXPORT/ECRITURES.csv|" -e "s|@TARGET@|$TARGET|" "$HERE/ecritures.load.template" > "$WORK/ecritures.load"
# Records, not text lines: a quoted label may hold a line break. EXPORT.txt gives the count.
LINES=$(tr -d '\r' < "$EXPORT/EXPORT.txt" | sed -n 's/^FICHIER=ECRITURES.csv;LIGNES=\([0-9]*\).*/\1/p')
START=$(date +%s.%N)
/usr/bin/time -f "%e %M %U %S" -o "$WORK/time" pgloader --quiet --logfile "$WORK/pgloader.log" --root-dir "$WORK" "$WORK/ecritures.load" > "$WORK/summary" 2>&1 || {
  cat "$WORK/summary" "$WORK/pgloader.log" >&2
  exit 1
}
END=$(date +%s.%N)
read -r ELAPSED PEAK_KB USER SYS < "$WORK/time"
cat "$WORK/summary"
echo "path;provider;lines;seconds;lines_per_second;peak_working_set_mb;cpu_seconds"
awk -v lines="$LINES" -v s="$START" -v e="$END" -v kb="$PEAK_KB" -v u="$USER" -v sy="$SYS" \
  'BEGIN { t = e - s; printf "pgloader;postgres;%d;%.2f;%.0f;%d;%.2f\n", lines, t, lines / t, kb / 1024, u + sy }'
