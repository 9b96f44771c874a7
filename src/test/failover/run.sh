#!/usr/bin/env bash
# Failover drill, from the repository root:   bash src/test/failover/run.sh
#
# Starts two PostgreSQL 15 clusters on this machine as a primary and its synchronous standby
# (synchronous_commit = remote_apply), two instances of the service on pgjdbc's multi-host URL
# (targetServerType=primary) behind HAProxy (the shipped docker/haproxy/haproxy.cfg, local addresses), drives
# creating clients through the balancer, kills the primary (pg_ctl -m immediate) and promotes the standby
# under that load, and then checks on the new primary that every acknowledged create is there, exactly once.
# Needs the distribution's PostgreSQL 15 binaries (PG_BIN) and HAProxy (installed with apt-get when missing).
# Settings: CLIENTS=16 SECONDS_OF_LOAD=40 KILL_AFTER=12 (s) PROMOTE_AFTER=2 (s after the kill)
# MODE=async-stalled shows that the check can fail: replication asynchronous and the standby's WAL receiver
# stopped (SIGSTOP) 3 s before the kill and killed with the primary; the drill then succeeds only if it finds
# acknowledged creates lost.
# MODE=standby-stopped: the standby is stopped (pg_ctl -m immediate) after KILL_AFTER s instead, the primary
# stays; the drill passes if every answer came within DB_COMMIT_WAIT_S (5 s) + 1.5 s, some were 503 and, on the
# standby's data as it was when stopped (started alone afterwards), every acknowledged create is there.
set -euo pipefail
cd "$(dirname "$0")/../../.."
. src/test/jdk.sh  # Payara Micro 7 needs a JDK 21+
. src/test/failover/service.sh
MODE=${MODE:-sync} CLIENTS=${CLIENTS:-16} SECONDS_OF_LOAD=${SECONDS_OF_LOAD:-40} KILL_AFTER=${KILL_AFTER:-12} PROMOTE_AFTER=${PROMOTE_AFTER:-2}
# every port below the kernel's ephemeral range (32768-60999 here), so that no outgoing connection can hold one
# when the drill binds it: a CI run once found 55432 taken
P1=${P1:-25432} P2=${P2:-25433} S1=${S1:-8181} S2=${S2:-8182} LB=${LB:-8180}
work="$root/target/failover"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  as_pg "$PG_BIN/pg_ctl" -D "$work/primary" -m immediate stop >/dev/null 2>&1 || true
  as_pg "$PG_BIN/pg_ctl" -D "$work/standby" -m immediate stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
install_missing haproxy:haproxy

rm -rf "$work" && mkdir -p "$work" && chmod 777 "$work"
echo "== a primary on $P1 and a standby on $P2 ($MODE)"
as_pg "$PG_BIN/initdb" -D "$work/primary" -U postgres --auth=trust >/dev/null
cat >> "$work/primary/postgresql.conf" <<CONF
port = $P1
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work'
wal_level = replica
max_wal_senders = 4
synchronous_commit = remote_apply
CONF
echo "host replication all 127.0.0.1/32 trust" >> "$work/primary/pg_hba.conf"
as_pg "$PG_BIN/pg_ctl" -D "$work/primary" -l "$work/primary.log" -w start >/dev/null
psql -q -h 127.0.0.1 -p "$P1" -U postgres -c "CREATE DATABASE products"
PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -p "$P1" -U postgres -d products -v ON_ERROR_STOP=1 -f init.sql >/dev/null
as_pg "$PG_BIN/pg_basebackup" -d "host=127.0.0.1 port=$P1 user=postgres application_name=standby" \
  -D "$work/standby" -R -X stream
# promoted, it has no standby of its own: it must not wait for one (that is the degraded mode src/site/markdown/deploy.md names)
printf "port = %s\nsynchronous_standby_names = ''\n" "$P2" >> "$work/standby/postgresql.conf"
as_pg "$PG_BIN/pg_ctl" -D "$work/standby" -l "$work/standby.log" -w start >/dev/null
expected=async
if [ "$MODE" != async-stalled ]; then
  # synchronous only now that the standby is there: until then every commit would wait for it
  psql -q -h 127.0.0.1 -p "$P1" -U postgres -c "ALTER SYSTEM SET synchronous_standby_names = 'standby'" \
    -c "SELECT pg_reload_conf()" >/dev/null
  expected=sync
fi
for _ in $(seq 1 50); do
  state=$(psql -At -h 127.0.0.1 -p "$P1" -U postgres -c "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby'")
  [ "$state" = "$expected" ] && break; sleep 0.2
done
[ "$state" = "$expected" ] || { echo "the standby is not $expected: '$state'" >&2; exit 1; }

export DB_URL="jdbc:postgresql://127.0.0.1:$P1,127.0.0.1:$P2/products?targetServerType=primary" DB_USER=postgres AUTH_REQUIRED=none
start_service

victim=primary; [ "$MODE" = standby-stopped ] && victim=standby
echo "== $CLIENTS creating clients for ${SECONDS_OF_LOAD} s; the $victim is stopped after ${KILL_AFTER} s"
mkdir -p "$work/load"
java src/test/failover/Writers.java "http://127.0.0.1:$LB/" "$SECONDS_OF_LOAD" "$CLIENTS" "$work/load" &
writers=$!
if [ "$MODE" = standby-stopped ]; then
  sleep "$KILL_AFTER"
  as_pg "$PG_BIN/pg_ctl" -D "$work/standby" -m immediate stop >/dev/null
  echo "standby stopped; the primary stays"
  wait "$writers" || { cat "$work/load/summary"; echo "FAILED: answers other than 2xx, 409 and 503" >&2; exit 1; }
  cat "$work/load/summary"
  slowest=$(cat "$work/load/slowest_ms") unavailable=$(cat "$work/load/unavailable")
  [ "$slowest" -le 6500 ] || { echo "FAILED: an answer took $slowest ms, past the 5 s bound" >&2; exit 1; }
  [ "$unavailable" -gt 0 ] || { echo "FAILED: no write was answered 503 without the standby" >&2; exit 1; }
  # the standby alone, as it was when stopped: no upstream, promoted so that the check may write a temp table
  echo "primary_conninfo = ''" >> "$work/standby/postgresql.auto.conf"
  as_pg "$PG_BIN/pg_ctl" -D "$work/standby" -l "$work/standby.log" -w start >/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$work/standby" -w promote >/dev/null
  echo "== checking the standby's data"
else
  if [ "$MODE" = async-stalled ]; then
    sleep $((KILL_AFTER - 3))
    receiver=$(pgrep -f "postgres: .*walreceiver" | head -1)
    kill -STOP "$receiver"
    echo "standby's WAL receiver stopped"
    sleep 3
  else
    sleep "$KILL_AFTER"
  fi
  killed=$(date +%s%N)
  as_pg "$PG_BIN/pg_ctl" -D "$work/primary" -m immediate stop >/dev/null
  echo "primary killed"
  sleep "$PROMOTE_AFTER"
  # killed, not resumed: a resumed receiver would still read what the kernel had buffered for it
  [ -z "${receiver:-}" ] || kill -KILL "$receiver"
  as_pg "$PG_BIN/pg_ctl" -D "$work/standby" -w promote >/dev/null
  promoted=$(date +%s%N)
  echo "standby promoted $(( (promoted - killed) / 1000000 )) ms after the kill"
  for port in $S1 $S2; do
    # each instance must write again on its own, without a restart, within 10 s of the promotion
    until code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
        -d '{"name": "probe", "price": 1, "stock_quantity": 1}' "http://127.0.0.1:$port/api/products") \
        && [ "$code" = 201 ]; do
      if [ $(( $(date +%s%N) - promoted )) -gt 10000000000 ]; then
        echo "FAILED: instance $port still answers $code 10 s after the promotion" >&2; exit 1
      fi
      sleep 0.05
    done
    echo "instance $port writes again $(( ($(date +%s%N) - promoted) / 1000000 )) ms after the promotion"
  done
  # Writers exits 1 when it saw an answer other than 2xx, 409 or 503
  wait "$writers" || { cat "$work/load/summary"; echo "FAILED: answers other than 2xx, 409 and 503" >&2; exit 1; }

  echo "== checking the new primary"
  cat "$work/load/summary"
fi
lost=$(count_lost "$P2")
if [ "$MODE" = async-stalled ]; then
  if [ "$lost" = 0 ]; then echo "FAILED: asynchronous replication with a stalled standby lost nothing: the check cannot fail" >&2; exit 1; fi
  echo "OK: the check found $lost acknowledged creates missing on the new primary, as it must with asynchronous replication"
  exit 0
fi
if [ "$lost" != 0 ]; then echo "FAILED: $lost acknowledged creates missing or duplicated on the standby" >&2; exit 1; fi
if [ "$MODE" = standby-stopped ]; then
  echo "OK: every answer within $slowest ms, $unavailable answered 503, every acknowledged create on the standby"
else
  echo "OK: every acknowledged create is on the new primary, exactly once"
fi
