package io.concurrencydb.platform.server;

import io.concurrencydb.platform.metrics.MetricsSink;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The metrics sink on servers with Micrometer (WildFly's micrometer subsystem, which gives every deployment its
 * MeterRegistry). The names, tags and units are those MicroProfileMetrics publishes on Payara: Micrometer's
 * Prometheus registry adds the same _total to counters and writes timers in seconds. WEB-INF/beans.xml excludes
 * this bean where Micrometer is missing.
 *
 * <p>Meters are made with the registry's own counter, timer and gauge methods, not with builders: WildFly's
 * per-deployment registry passes only those on to the registry it publishes (a builder's meter stays unseen, and
 * each builder asks for config(), which WildFly 39 answers with a WARN). Those methods take no description, so on
 * WildFly 39 the service's series have no HELP line; WildFly 40 forwards builders (WFLY-21339).
 */
@ApplicationScoped
class MicrometerMetrics implements MetricsSink {

    @Inject
    MeterRegistry registry;

    // the registry holds a gauge's object weakly: this keeps the readings alive as long as the application
    private final Map<String, Supplier<Long>> gauges = new ConcurrentHashMap<>();

    @Override
    public void count(String name, String description, String... tags) {
        registry.counter(name, Tags.of(tags)).increment();
    }

    @Override
    public void time(String name, String description, long nanos, String... tags) {
        registry.timer(name, Tags.of(tags)).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void gauge(String name, String description, Supplier<Long> value) {
        // A gauge left by an earlier deployment of the WAR would keep its name, and the registry would ignore this
        // one: its object, weakly held and gone with that deployment, then reads NaN (seen on WildFly in CI,
        // where every test class redeploys). So an existing one is removed first, and ours at undeploy.
        removeGauge(name);
        gauges.put(name, value);
        registry.gauge(name, Tags.empty(), value, reading -> {
            Long current = reading.get();
            return current == null ? -1 : current;
        });
    }

    @PreDestroy
    void removeGauges() {
        gauges.keySet().forEach(this::removeGauge);
    }

    private void removeGauge(String name) {
        Gauge existing = registry.find(name).gauge();
        if (existing != null) {
            registry.remove(existing);
        }
    }
}
