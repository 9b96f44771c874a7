#!/usr/bin/env bash
# Configures a running Payara Server 6 domain for the products WAR, then deploys the WAR if one is given:
#   src/main/payara-server/configure.sh PAYARA_DIR DRIVER_JAR [WAR]
# e.g. configure.sh ~/payara6 target/server-lib/postgresql.jar target/products.war
# It can run again on the same domain: what it made before is removed first. asadmin's own options
# (--host, --port, --user, --passwordfile) come from AS_ADMIN_* environment variables as usual.
#
# The pool is the one src/main/payara/post-boot-commands.asadmin gives Payara Micro. DB_URL, DB_USER and
# DB_PASSWORD stay ${ENV=...} references that the server resolves whenever it starts, so the domain holds no
# password; the sizes and timeouts (DB_POOL_MAX, DB_POOL_MAX_WAIT_MS, DB_CONNECT_TIMEOUT_S,
# DB_SOCKET_TIMEOUT_S, DB_STATEMENT_TIMEOUT_MS, DB_LOCK_TIMEOUT_MS,
# DB_IDLE_TRANSACTION_TIMEOUT_MS, DB_LEAK_TIMEOUT_S) are taken from this
# script's environment now, with the same defaults.
set -euo pipefail

payara=${1:?PAYARA_DIR}
driver=${2:?DRIVER_JAR}
war=${3:-}
asadmin() { "$payara/bin/asadmin" --interactive=false "$@"; }

if asadmin list-applications | grep -q '^products '; then
    asadmin undeploy products
fi
if asadmin list-jdbc-resources | grep -qx 'jdbc/products'; then
    asadmin delete-jdbc-resource jdbc/products
fi
if asadmin list-jdbc-connection-pools | grep -qx 'products-pool'; then
    asadmin delete-jdbc-connection-pool products-pool
fi

# The driver joins the server's common class path, which the server reads when it starts.
restart=false
if ! asadmin list-libraries --type common | grep -qx "$(basename "$driver")"; then
    asadmin add-library --type common "$driver"
    restart=true
fi
# JSON-P's provider named once, as in src/main/payara/jvm.options (why is written there); read at start too.
json_provider=-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl
if ! asadmin list-jvm-options | grep -qx -- "$json_provider"; then
    asadmin create-jvm-options -- "$json_provider"
    restart=true
fi
# Each connection's socket send buffer 64 KiB, as on Payara Micro, so that Grizzly queues at most four times that
# in the heap for a client that stops reading (pre-boot-commands.asadmin says more); the transport reads it when
# the server starts.
write_buffer=configs.config.server-config.network-config.transports.transport.tcp.socket-write-buffer-size
if ! asadmin get "$write_buffer" | grep -qx "$write_buffer=65536"; then
    asadmin set "$write_buffer=65536"
    restart=true
fi
if [ "$restart" = true ]; then
    asadmin restart-domain
fi

asadmin create-jdbc-connection-pool \
    --datasourceclassname=org.postgresql.ds.PGSimpleDataSource --restype=javax.sql.DataSource \
    --steadypoolsize=2 --maxpoolsize="${DB_POOL_MAX:-16}" --poolresize=2 \
    --maxwait="${DB_POOL_MAX_WAIT_MS:-5000}" --idletimeout=300 \
    --isconnectvalidatereq=true --validateatmostonceperiod=2 --validationmethod=custom-validation \
    --validationclassname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation \
    --failconnection=true --statementcachesize=0 --wrapjdbcobjects=false \
    --leaktimeout="${DB_LEAK_TIMEOUT_S:-0}" --leakreclaim=true \
    --initsql="SET statement_timeout = ${DB_STATEMENT_TIMEOUT_MS:-30000}; SET lock_timeout = ${DB_LOCK_TIMEOUT_MS:-10000}; SET idle_in_transaction_session_timeout = ${DB_IDLE_TRANSACTION_TIMEOUT_MS:-30000}" \
    --property="connectTimeout=${DB_CONNECT_TIMEOUT_S:-1}:socketTimeout=${DB_SOCKET_TIMEOUT_S:-60}:ApplicationName=products" \
    products-pool
# Set one by one: a URL's colons would split a --property list.
asadmin set 'resources.jdbc-connection-pool.products-pool.property.URL=${ENV=DB_URL}'
asadmin set 'resources.jdbc-connection-pool.products-pool.property.user=${ENV=DB_USER}'
asadmin set 'resources.jdbc-connection-pool.products-pool.property.password=${ENV=DB_PASSWORD}'
asadmin create-jdbc-resource --connectionpoolid=products-pool jdbc/products

# Request headers up to 64 KiB, as on Payara Micro and WildFly: Grizzly's 8 KiB default answers a longer header,
# such as a bearer token with many groups, with an empty 400 before the WAR can give a problem.
asadmin set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.header-buffer-length-bytes=65536
# As on Payara Micro (pre-boot-commands.asadmin): no Comet, keep-alive connections not closed after 256 requests.
asadmin set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.comet-support-enabled=false
asadmin set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.max-connections=-1

# As many request threads as database connections, as on Payara Micro (pre-boot-commands.asadmin); the
# server's default is 5. A write may hold its thread for DB_COMMIT_WAIT_S while a synchronous standby is missing,
# and with 5 threads every other request then queued behind it (DatabaseFaultsIT R3 answered half its ten
# writes after 10 s, not 5).
asadmin set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=${DB_POOL_MAX:-16}

# A bearer token Payara cannot parse is otherwise logged with a 45-frame stack trace; anyone can send one
# (pre-boot-commands.asadmin says more).
asadmin set-log-levels fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore=WARNING

# The pool's statistics: admin console (Monitoring Data > Resources), asadmin get -m, JMX and /metrics.
asadmin set-monitoring-level --module=jdbc-connection-pool --level=HIGH
asadmin set configs.config.server-config.monitoring-service.mbean-enabled=true

if [[ -n "$war" ]]; then
    asadmin deploy --name products --contextroot / "$war"
fi
