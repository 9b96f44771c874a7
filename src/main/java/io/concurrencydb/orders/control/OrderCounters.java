package io.concurrencydb.orders.control;

import io.concurrencydb.platform.metrics.ServiceMetrics;
import io.concurrencydb.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Orders placed, and orders refused by the problem's kind (insufficient-stock, unknown-product, validation...). */
@ApplicationScoped
public class OrderCounters {

    @Inject
    ServiceMetrics metrics;

    public void placed() {
        metrics.count("orders_placed", "Orders placed");
    }

    public void rejected(ProblemException failure) {
        metrics.count("orders_rejected", "Orders refused, by the problem's reason", "reason",
                failure.problem().kind());
    }
}
