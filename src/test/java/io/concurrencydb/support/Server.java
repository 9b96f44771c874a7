package io.concurrencydb.support;

import java.net.URI;

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

    /** Payara provides MicroProfile Metrics, where the service publishes its series; WildFly has no such API. */
    public boolean publishesServiceMetrics() {
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
