# Sourced by the failover drills, from the repository root: what they share.
root=$(pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

# PostgreSQL refuses to run as root: as root, its commands (and Patroni, which runs it) run as the postgres user
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# Installs the distribution's packages for the commands missing here: command:package ...
install_missing() {
  local missing=() tool
  for tool in "$@"; do command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}"); done
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q "${missing[@]}"; else sudo apt-get install -y -q "${missing[@]}"; fi >/dev/null
}

# Two instances of the service on $DB_URL (ports $S1 and $S2) behind HAProxy on $LB (the shipped
# docker/haproxy/haproxy.cfg with local addresses), started into $work; their pids are added to the caller's pids
# array. Returns once both instances are ready.
start_service() {
  echo "== two instances of the service on $DB_URL, HAProxy on $LB"
  [ -f target/products.war ] || mvn -q -B package -DskipTests
  local version port
  version=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)
  [ -f "$work/../bench/payara-micro.jar" ] && cp "$work/../bench/payara-micro.jar" "$work/" || \
    mvn -q -B dependency:copy -Dartifact="fish.payara.extras:payara-micro:$version" -DoutputDirectory="$work" -Dmdep.stripVersion=true
  for port in $S1 $S2; do
    java @src/main/payara/jvm.options -javaagent:target/server-lib/flashlight-agent.jar -jar "$work/payara-micro.jar" \
      --nohazelcast --port "$port" --addlibs target/server-lib/postgresql.jar \
      --prebootcommandfile src/main/payara/pre-boot-commands.asadmin \
      --postbootcommandfile src/main/payara/post-boot-commands.asadmin \
      --deploy target/products.war > "$work/instance-$port.log" 2>&1 &
    pids+=($!)
  done
  sed -e "s|/usr/local/etc/haproxy/errors|$root/docker/haproxy|" -e "s|bind :8080|bind 127.0.0.1:$LB|" \
      -e '/^resolvers docker/,/^$/d' \
      -e "s|^    server-template .*|    server products1 127.0.0.1:$S1 check\n    server products2 127.0.0.1:$S2 check|" \
      docker/haproxy/haproxy.cfg > "$work/haproxy.cfg"
  haproxy -db -f "$work/haproxy.cfg" > "$work/haproxy.log" 2>&1 &
  pids+=($!)
  for port in $S1 $S2; do
    for _ in $(seq 1 600); do curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null && break; sleep 0.5; done
  done
}

# How many acknowledged creates (OUT/acknowledged: "id key") are missing from the database at port $1, or were
# made twice by one key.
count_lost() {
  psql -At -h 127.0.0.1 -p "$1" -U postgres -d products -v ON_ERROR_STOP=1 <<SQL | tail -1
CREATE TEMP TABLE acknowledged (id bigint, key text);
\copy acknowledged FROM '$work/load/acknowledged' WITH (FORMAT text, DELIMITER ' ')
-- an acknowledged create is lost if its product is missing, and the key was misused if it made two
SELECT count(*) FROM acknowledged a
WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.id = a.id AND p.name = a.key)
   OR (SELECT count(*) FROM products p WHERE p.name = a.key) <> 1;
SQL
}
