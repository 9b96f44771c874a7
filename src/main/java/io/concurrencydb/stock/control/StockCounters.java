package io.concurrencydb.stock.control;

import io.concurrencydb.platform.metrics.ServiceMetrics;
import io.concurrencydb.stock.entity.Strategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * What the strategies did, counted in one place: stock_adjustments_total{strategy, outcome} on /metrics, outcome
 * being accepted, rejected (insufficient stock), retried (one more transaction) or exhausted (503).
 */
@ApplicationScoped
public class StockCounters {

    /** The outcomes counted per strategy. */
    public enum Event {
        ACCEPTED, REJECTED, RETRIED, EXHAUSTED
    }

    @Inject
    ServiceMetrics metrics;

    public void count(Strategy strategy, Event event) {
        metrics.count("stock_adjustments", "Stock adjustments by strategy and outcome",
                "strategy", strategy.wireName(), "outcome", event.name().toLowerCase(Locale.ROOT));
    }
}
