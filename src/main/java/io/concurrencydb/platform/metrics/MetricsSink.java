package io.concurrencydb.platform.metrics;

import java.util.function.Supplier;

/** Where {@link ServiceMetrics} sends its readings, when the server has somewhere to send them. */
public interface MetricsSink {

    void count(String name, String description, String... tags);

    void time(String name, String description, long nanos, String... tags);

    void gauge(String name, String description, Supplier<Long> value);
}
