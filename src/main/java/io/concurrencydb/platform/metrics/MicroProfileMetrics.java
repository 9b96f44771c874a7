package io.concurrencydb.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetadataBuilder;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The metrics sink on servers with MicroProfile Metrics. WEB-INF/beans.xml excludes this bean where the API
 * is missing, so nothing else refers to a MicroProfile Metrics type.
 */
@ApplicationScoped
class MicroProfileMetrics implements MetricsSink {

    @Inject
    MetricRegistry registry;

    @Override
    public void count(String name, String description, String... tags) {
        registry.counter(metadata(name, description, null), tags(tags)).inc();
    }

    // Registered with the unit said out loud: Payara's exporter converts a timer's mean and max to the seconds its
    // name promises only when the metadata names nanoseconds (its quantiles never: microprofile-config.properties
    // turns them off and asks for buckets, whose bounds it prints in seconds).
    // Kept here and created one at a time: Payara 6.2025.10 creates a timer through a plain HashMap of its bucket
    // settings, and two first requests of different kinds at once made one of them fail with a
    // ConcurrentModificationException (a 500). A request then costs one map lookup instead of the registry's.
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

    @Override
    public void time(String name, String description, long nanos, String... tags) {
        List<String> key = new ArrayList<>(tags.length + 1);
        key.add(name);
        key.addAll(Arrays.asList(tags));
        Timer timer = timers.get(key);
        if (timer == null) {
            synchronized (timers) {
                timer = timers.computeIfAbsent(key, k -> registry.timer(
                        metadata(name, description, MetricUnits.NANOSECONDS), tags(tags)));
            }
        }
        timer.update(Duration.ofNanos(nanos));
    }

    @Override
    public void gauge(String name, String description, Supplier<Long> value) {
        registry.gauge(metadata(name, description, null), () -> {
            Long reading = value.get();
            return reading == null ? -1L : reading;
        });
    }

    private static Metadata metadata(String name, String description, String unit) {
        MetadataBuilder metadata = Metadata.builder().withName(name).withDescription(description);
        return (unit == null ? metadata : metadata.withUnit(unit)).build();
    }

    private static Tag[] tags(String... pairs) {
        Tag[] tags = new Tag[pairs.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(pairs[2 * i], pairs[2 * i + 1]);
        }
        return tags;
    }
}
