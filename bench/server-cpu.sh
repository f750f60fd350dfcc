# Sourced by the benchmark scripts. server_cpu DATA_DIR: processor time of the PostgreSQL cluster of DATA_DIR so far
# (postmaster, backends, background workers; exited processes count through their parent), in seconds; prints nothing
# when DATA_DIR holds no running cluster (a server of one's own).
server_cpu() {
  local pidfile="$1/postmaster.pid"
  [ -f "$pidfile" ] || return 0
  local postmaster ticks=0 pid fields
  postmaster=$(head -1 "$pidfile")
  for pid in "$postmaster" $(pgrep -P "$postmaster"); do
    read -r -a fields <<< "$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null)" || continue
    [ "${#fields[@]}" -gt 14 ] && ticks=$((ticks + fields[11] + fields[12] + fields[13] + fields[14]))
  done
  awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'
}
