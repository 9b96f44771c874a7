# The same WAR on WildFly: the distribution mvn unpacked, configured by the project's CLI script.
# Build first (mvn package -Pwildfly -DskipTests unpacks WildFly into target/), then from the repository root:
#   docker build -f docker/wildfly.Dockerfile -t products-wildfly .
# DB_URL, DB_USER, DB_PASSWORD (required on WildFly) and the pool settings are read when the server starts.
FROM eclipse-temurin:25-jre

ARG WILDFLY_VERSION=39.0.1.Final
RUN useradd --system --home-dir /opt/wildfly wildfly
COPY --chown=wildfly:wildfly target/wildfly-${WILDFLY_VERSION} /opt/wildfly
COPY --chown=wildfly:wildfly target/server-lib/postgresql.jar src/main/wildfly/configure.cli /opt/wildfly/products/
USER wildfly
RUN /opt/wildfly/bin/jboss-cli.sh --file=/opt/wildfly/products/configure.cli \
        -Ddriver.jar=/opt/wildfly/products/postgresql.jar \
    && rm -rf /opt/wildfly/standalone/configuration/standalone_xml_history /opt/wildfly/standalone/data
COPY --chown=wildfly:wildfly target/products.war /opt/wildfly/standalone/deployments/products.war

EXPOSE 8080

# Health lives on the management interface, which stays inside the container.
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=3 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/9990 && printf "GET /health/ready HTTP/1.0\r\n\r\n" >&3 && head -1 <&3 | grep -q " 200 "'

ENTRYPOINT ["/opt/wildfly/bin/standalone.sh", "-b", "0.0.0.0", "-bmanagement", "127.0.0.1"]
