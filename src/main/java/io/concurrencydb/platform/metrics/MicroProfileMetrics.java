package io.concurrencydb.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The metrics sink on servers with MicroProfile Metrics. WEB-INF/beans.xml excludes this bean where the API
 * is missing, so nothing else refers to a MicroProfile Metrics type.
 */
@ApplicationScoped
class MicroProfileMetrics implements MetricsSink {

    @Inject
    MetricRegistry registry;

    @Override
    public void count(String name, String... tags) {
        registry.counter(name, tags(tags)).inc();
    }

    // Registered with the unit said out loud: Payara's exporter converts a timer's mean and max to the seconds its
    // name promises only when the metadata names nanoseconds (its quantiles never: microprofile-config.properties
    // turns them off and asks for buckets, whose bounds it prints in seconds)
    private final Map<String, Metadata> timers = new ConcurrentHashMap<>();

    @Override
    public void time(String name, long nanos, String... tags) {
        Metadata metadata = timers.computeIfAbsent(name,
                n -> Metadata.builder().withName(n).withUnit(MetricUnits.NANOSECONDS).build());
        registry.timer(metadata, tags(tags)).update(Duration.ofNanos(nanos));
    }

    @Override
    public void gauge(String name, String description, Supplier<Long> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), () -> {
            Long reading = value.get();
            return reading == null ? -1L : reading;
        });
    }

    private static Tag[] tags(String... pairs) {
        Tag[] tags = new Tag[pairs.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(pairs[2 * i], pairs[2 * i + 1]);
        }
        return tags;
    }
}
