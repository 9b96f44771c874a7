package io.concurrencydb.platform.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The service's own metrics, published through the metrics API the server has: MicroProfile Metrics on Payara
 * (/metrics), Micrometer on WildFly (its micrometer subsystem). WEB-INF/beans.xml keeps the one sink whose API
 * is there; on a server with neither, every call is a no-op, so the same WAR deploys unchanged.
 */
@ApplicationScoped
public class ServiceMetrics {

    private static final Logger LOG = Logger.getLogger(ServiceMetrics.class.getName());

    @Inject
    Instance<MetricsSink> sinks;

    private MetricsSink sink;

    @PostConstruct
    void connect() {
        if (sinks.isResolvable()) {
            sink = sinks.get();
        } else {
            LOG.info("Neither MicroProfile Metrics nor Micrometer is available: the service's metrics are not "
                    + "published");
        }
    }

    /**
     * Adds one to the counter {@code name} with the given tag names and values. The description is its HELP
     * line on /metrics, which Prometheus' tools expect of every metric.
     */
    public void count(String name, String description, String... tags) {
        if (sink != null) {
            sink.count(name, description, tags);
        }
    }

    /** Records one duration of {@code nanos} in the timer {@code name}, described as a counter is. */
    public void time(String name, String description, long nanos, String... tags) {
        if (sink != null) {
            sink.time(name, description, nanos, tags);
        }
    }

    /** Publishes {@code value} as the gauge {@code name}; a null reading is shown as -1. */
    public void gauge(String name, String description, Supplier<Long> value) {
        if (sink != null) {
            sink.gauge(name, description, value);
        }
    }
}
