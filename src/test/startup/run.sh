#!/usr/bin/env bash
# Start-up drill, from the repository root:   bash src/test/startup/run.sh
#
# Starts Payara Micro with the built WAR STARTS times, as the run command starts it (jvm.options, the monitoring
# agent, the boot command files), against the machine's PostgreSQL. Each start must become ready (/health/ready
# and the API answering) within HANG_AFTER seconds; one that does not is a hang: its threads are dumped to
# target/startup/hang-N.txt and the drill fails. Right after each start 48 writers POST at once with a writer's
# token, as a fresh instance behind a balancer meets them; every one must be 201. And the start-up must have been
# serial (jvm.options' startupThreadPolicy): HK2's parallel start-up threads can deadlock (src/site/markdown/operations.md).
# Settings: STARTS=10 HANG_AFTER=90 (s) PORT=8480 EXTRA_OPTS (JVM flags added after jvm.options, to compare).
# Needs a JDK 21 or newer (Payara Micro 7), PostgreSQL on 127.0.0.1:5432 and curl.
set -euo pipefail
cd "$(dirname "$0")/../../.."
. src/test/jdk.sh
STARTS=${STARTS:-10} HANG_AFTER=${HANG_AFTER:-90} PORT=${PORT:-8480} EXTRA_OPTS=${EXTRA_OPTS:-}
work=target/startup
rm -rf "$work" && mkdir -p "$work"
[ -f target/products.war ] || mvn -q -B package -DskipTests
version=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)
mvn -q -B dependency:copy -Dartifact="fish.payara.extras:payara-micro:$version" -DoutputDirectory="$work" \
  -Dmdep.stripVersion=true

dropdb --if-exists -h 127.0.0.1 -U postgres products_startup
createdb -h 127.0.0.1 -U postgres products_startup
PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -U postgres -d products_startup \
  -v ON_ERROR_STOP=1 -f init.sql >/dev/null
export DB_URL=jdbc:postgresql://127.0.0.1:5432/products_startup DB_USER=postgres
# a key pair of the drill's own and a writer's RS256 token signed with it, trusted by the server
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/key.pem" 2>/dev/null
openssl pkey -in "$work/key.pem" -pubout -out "$work/public.pem"
export MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$(pwd)/$work/public.pem"
export MP_JWT_VERIFY_ISSUER=urn:products:startup MP_JWT_VERIFY_AUDIENCES=products
. src/test/writer-token.sh
token=$(writer_token "$work/key.pem" startup-writer)

server=
trap '[ -z "$server" ] || kill -9 "$server" 2>/dev/null || true' EXIT
hangs=0 refused=0 serial=yes times=()
for n in $(seq 1 "$STARTS"); do
  # shellcheck disable=SC2086
  java @src/main/payara/jvm.options $EXTRA_OPTS -javaagent:target/server-lib/flashlight-agent.jar \
    -jar "$work/payara-micro.jar" --nohazelcast --port "$PORT" --addlibs target/server-lib/postgresql.jar \
    --prebootcommandfile src/main/payara/pre-boot-commands.asadmin \
    --postbootcommandfile src/main/payara/post-boot-commands.asadmin \
    --deploy target/products.war > "$work/start-$n.log" 2>&1 &
  server=$!
  launched=$(date +%s%N) ready=
  while [ $(( ($(date +%s%N) - launched) / 1000000000 )) -lt "$HANG_AFTER" ]; do
    if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health/ready" 2>/dev/null \
        && curl -fsS -o /dev/null "http://127.0.0.1:$PORT/api/products?limit=1" 2>/dev/null; then
      ready=$(( ($(date +%s%N) - launched) / 1000000 )); break
    fi
    sleep 0.2
  done
  if [ -z "$ready" ]; then
    hangs=$((hangs + 1))
    jcmd "$server" Thread.print > "$work/hang-$n.txt" 2>&1 || true
    echo "start $n: not ready after ${HANG_AFTER} s: threads in $work/hang-$n.txt"
    kill -9 "$server"
  else
    # the hang is a lock cycle between HK2's parallel start-up threads: with serial start-up there are none
    parallel=$(jcmd "$server" Thread.print 2>/dev/null | grep -c '^"RunLevelControllerThread' || true)
    [ "$parallel" = 0 ] || serial=no
    times+=("$ready")
    codes=$(seq 48 | xargs -P 48 -I{} curl -s -o /dev/null -w '%{http_code}\n' -X POST \
      "http://127.0.0.1:$PORT/api/products" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d '{"name": "first burst {}", "price": 1, "stock_quantity": 1}' \
      | sort | uniq -c | awk '{printf "%s x %s, ", $1, $2}')
    [ "$codes" = "48 x 201, " ] || refused=$((refused + 1))
    echo "start $n: ready in $ready ms; first 48 writes: ${codes%, }; parallel start-up threads: $parallel"
    kill "$server"
  fi
  wait "$server" 2>/dev/null || true; server=
done
sorted=$(printf '%s\n' "${times[@]:-}" | sort -n | tr '\n' ' ')
echo "$STARTS starts, $hangs hung, $refused with a first write not 201, start-up serial: $serial; ready in ms: $sorted"
[ "$hangs" = 0 ] && [ "$refused" = 0 ] && [ "$serial" = yes ]
