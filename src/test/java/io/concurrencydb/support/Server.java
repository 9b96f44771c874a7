package io.concurrencydb.support;

import java.net.URI;
import java.util.Set;

/**
 * The server the suite deploys to (system property {@code products.it.server}, set by the Maven profile) and the
 * few places where servers differ for a client. The WAR and the API are the same on all of them.
 */
public enum Server {
    PAYARA_MICRO("Payara Micro"),
    PAYARA_SERVER("Payara Server"),
    WILDFLY("WildFly");

    /** WildFly's management port as src/test/resources/arquillian.xml moves it (9990 + 200). */
    private static final int WILDFLY_MANAGEMENT_PORT = 10190;

    private final String name;

    Server(String name) {
        this.name = name;
    }

    public static Server current() {
        return valueOf(System.getProperty("products.it.server", "payara-micro").toUpperCase().replace('-', '_'));
    }

    /** Health is served beside the application on Payara, on the management interface on WildFly. */
    public URI healthBase(URI application) {
        return this == WILDFLY ? URI.create("http://127.0.0.1:" + WILDFLY_MANAGEMENT_PORT + "/") : application;
    }

    /**
     * Where the service's metrics are published: /metrics beside the application on Payara (MicroProfile
     * Metrics), /prometheus on WildFly's management interface (the micrometer subsystem configure.cli sets up).
     */
    public URI metrics(URI application) {
        return this == WILDFLY ? healthBase(application).resolve("prometheus") : application.resolve("metrics");
    }

    /**
     * WildFly's datasource statistics count the requests that ever waited, not those waiting now, keep the time
     * spent getting connections but not how many were got, and it has no leak timeout: the gauges with no
     * counterpart there read -1 (see the table of differences in src/site/markdown/deploy.md).
     */
    public boolean keepsPoolFigure(String gauge) {
        return this != WILDFLY || !Set.of("db_pool_wait_queue_length", "db_pool_potential_leaks",
                "db_pool_connections_acquired", "db_pool_failed_validations").contains(gauge);
    }

    /**
     * Whether the service's metrics carry their descriptions (HELP lines). WildFly 39's per-deployment Micrometer
     * registry takes meters only through methods without one (see MicrometerMetrics).
     */
    public boolean describesMetrics() {
        return this != WILDFLY;
    }

    /** A phrase the server writes to its own log, to prove a test reads the right file. */
    public String logMarker() {
        return this == WILDFLY ? "WildFly" : "Payara";
    }

    @Override
    public String toString() {
        return name;
    }
}
