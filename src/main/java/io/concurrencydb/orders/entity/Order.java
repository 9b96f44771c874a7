package io.concurrencydb.orders.entity;

import java.time.OffsetDateTime;
import java.util.List;

/** A placed order, its lines merged per product and sorted by product id. */
public record Order(long id, List<OrderLine> items, OffsetDateTime createdAt) {
}
