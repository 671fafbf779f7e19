#!/usr/bin/env bash
# How many event-storing commits a second the database itself takes, with the audit chain linked after
# commit (V29, as the application runs) and linked inside each commit as before V29 (V22/V25), against
# the same inserts into a copy of the event table without any trigger. No application code is timed:
# this is the ceiling that every node's commands share, whatever the number of nodes.
#
#   ./mvnw -B -q install -Dmaven.test.skip=true && bash benchmark/event-appends.sh [seconds per run]
#
# The table is printed and kept in benchmark/results/<timestamp>-event-appends.md.
#
# Needs pgbench (Debian: postgresql-client). Starts the application on a fresh embedded database in a
# temporary directory (its sealer links what is stored, as in production), runs pgbench with 1, 4 and 8
# sessions, each transaction one INSERT of one event, then stops it and removes the directory.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-15}"
RESULTS="benchmark/results/$(date -u +%Y%m%d-%H%M%S)-event-appends.md"
JAR=fund-web/target/fund-web-0.1.0-SNAPSHOT.jar
command -v pgbench >/dev/null || { echo "pgbench is missing: sudo apt-get install postgresql-client" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: ./mvnw -B -q install -Dmaven.test.skip=true" >&2; exit 1; }

DATA="$(mktemp -d /tmp/fund-event-appends-XXXXXX)"
FUND_DATA_DIR="$DATA/data" java -Xmx512m -jar "$JAR" --server.port=0 > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  grep -q "sign in with any of these" "$DATA/app.log" && break
  kill -0 $APP 2>/dev/null || { cat "$DATA/app.log" >&2; exit 1; }
  sleep 2
done
PORT="$(grep -o 'Embedded PostgreSQL running on port [0-9]*' "$DATA/app.log" | grep -o '[0-9]*$')"
SQL=(psql -X -q -h localhost -p "$PORT" -U postgres -d postgres)

# One event per transaction, as a command stores it; a payload type no handler knows, so the projections
# pass over it.
event_insert() {
  cat <<EOF
INSERT INTO $1 (aggregateidentifier, sequencenumber, type, eventidentifier, payload, payloadtype, "timestamp", metadata)
VALUES (gen_random_uuid()::text, 0, 'Bench', gen_random_uuid()::text,
        convert_to('{"applicationId":"bench","title":"an event of a benchmark"}', 'UTF8'), 'bench.Event',
        '2026-01-01T00:00:00Z', convert_to('{"actor":"bench"}', 'UTF8'));
EOF
}
event_insert domainevententry > "$DATA/event.sql"
event_insert bench_event_copy > "$DATA/copy.sql"
"${SQL[@]}" -c "CREATE TABLE bench_event_copy (LIKE domainevententry INCLUDING ALL)"

run() { # label script sessions
  local tps
  tps="$(pgbench -h localhost -p "$PORT" -U postgres -n -c "$3" -j 2 -T "$SECONDS_EACH" -f "$2" postgres 2>&1 \
    | grep -o '^tps = [0-9.]*' | grep -o '[0-9.]*$')"
  printf '| %s | %s | %.0f |\n' "$1" "$3" "$tps"
}

{
echo "Machine: $(nproc) CPUs, $(uname -s); embedded PostgreSQL with fsync and synchronous commit on; ${SECONDS_EACH} s per run"
echo
echo "| Inserts, one per transaction | Sessions | Commits/s |"
echo "| --- | --- | --- |"
for sessions in 1 4 8; do
  run "Copy of the event table, no trigger (reference)" "$DATA/copy.sql" $sessions
  run "Events, chain linked after commit (V29, the application's sealer running)" "$DATA/event.sql" $sessions
done
pending="$("${SQL[@]}" -Atc "SELECT count(*) FROM event_chain_pending")"

# Before V29: the V25 link function as a trigger deferred to commit (V22), holding the chain's lock
# through each commit's WAL flush.
{
  sed -n '/^CREATE OR REPLACE FUNCTION event_chain_link/,/^\$\$;/p' \
    fund-web/src/main/resources/db/migration/V25__audit_chain_inline_encoding.sql
  echo "DROP TRIGGER event_chain_queue ON domainevententry;"
  echo "CREATE CONSTRAINT TRIGGER event_chain_link AFTER INSERT ON domainevententry"
  echo "    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION event_chain_link();"
} | "${SQL[@]}"
for sessions in 1 4 8; do
  run "Events, chain linked in each commit (V22/V25, before V29)" "$DATA/event.sql" $sessions
done
echo
echo "Events waiting for their link when the V29 runs ended: $pending"
} | tee "$RESULTS"
