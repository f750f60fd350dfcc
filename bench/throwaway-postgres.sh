# Sourced by the benchmark scripts: a PostgreSQL cluster of their own, from Debian's binaries, for one run of a script.
#   throwaway_postgres_start DIR  initialises DIR/pg/data and starts it on 127.0.0.1 on a random port (trust
#                                 authentication, socket in DIR/pg); sets PORT and PG, the Npgsql connection string
#                                 to its postgres database. Runs as root (initdb runs as the postgres user).
#   throwaway_postgres_stop DIR   stops it if it runs (the scripts call it from their EXIT trap).
# PGBIN is the newest installed PostgreSQL's bin folder (psql, pg_ctl…).
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

throwaway_postgres_start() {
  local dir=$1
  [ -n "$PGBIN" ] || { echo "no PostgreSQL binaries under /usr/lib/postgresql (apt-get install postgresql)" >&2; return 2; }
  PORT=$((40000 + RANDOM % 20000))
  mkdir -p "$dir/pg" && chown postgres:postgres "$dir/pg"
  runuser -u postgres -- "$PGBIN/initdb" -D "$dir/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $dir/pg" start >/dev/null
  PG="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres"
}

throwaway_postgres_stop() {
  if [ -f "$1/pg/data/postmaster.pid" ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$1/pg/data" -m fast stop >/dev/null; fi
}
