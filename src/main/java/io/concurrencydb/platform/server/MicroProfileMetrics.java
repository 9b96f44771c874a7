package io.concurrencydb.platform.server;

import io.concurrencydb.platform.metrics.MetricsSink;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern PAYARA_VERSION = Pattern.compile("Payara \\w+ (\\d+)\\.(\\d+)\\.(\\d+)");

    @Inject
    MetricRegistry registry;

    @Inject
    ServletContext servlet;

    private String timerUnit;

    @PostConstruct
    void readServer() {
        timerUnit = timerUnit(servlet.getServerInfo());
    }

    /** Seconds where Payara's exporter converts timers itself (7.2026.6 and later), else nanoseconds. */
    static String timerUnit(String serverInfo) {
        Matcher version = PAYARA_VERSION.matcher(serverInfo == null ? "" : serverInfo);
        if (!version.find()) {
            return MetricUnits.SECONDS;
        }
        int major = Integer.parseInt(version.group(1));
        int release = Integer.parseInt(version.group(2)) * 100 + Integer.parseInt(version.group(3));
        return major > 7 || major == 7 && release >= 202606 ? MetricUnits.SECONDS : MetricUnits.NANOSECONDS;
    }

    @Override
    public void count(String name, String description, String... tags) {
        registry.counter(metadata(name, description, null), tags(tags)).inc();
    }

    // Registered with the unit said out loud, and which unit depends on Payara's exporter. Up to Payara 7.2026.5
    // (so Payara Server 6) it converts a timer's mean and max to the seconds its name promises only when the
    // metadata names nanoseconds. From 7.2026.6 (Payara's FISH-13137) it converts max itself and then scales it by
    // the unit again, so nanoseconds printed 1.5 s as 1e-9: there the unit must be seconds (and there is no _mean).
    // Its quantiles: microprofile-config.properties turns them off and asks for buckets, printed in seconds.
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
                        metadata(name, description, timerUnit), tags(tags)));
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
