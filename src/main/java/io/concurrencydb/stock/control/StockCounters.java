package io.concurrencydb.stock.control;

import io.concurrencydb.stock.entity.Strategy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What the strategies did, in one place, for the metrics to read. */
@ApplicationScoped
public class StockCounters {

    /** The events counted per strategy. */
    public enum Event {
        ACCEPTED, REJECTED, RETRIED, EXHAUSTED
    }

    private final Map<Strategy, Map<Event, LongAdder>> counts = new EnumMap<>(Strategy.class);

    public StockCounters() {
        for (Strategy strategy : Strategy.values()) {
            Map<Event, LongAdder> events = new EnumMap<>(Event.class);
            for (Event event : Event.values()) {
                events.put(event, new LongAdder());
            }
            counts.put(strategy, events);
        }
    }

    public void count(Strategy strategy, Event event) {
        counts.get(strategy).get(event).increment();
    }

    public long get(Strategy strategy, Event event) {
        return counts.get(strategy).get(event).sum();
    }
}
