package io.concurrencydb.orders.entity;

import java.time.OffsetDateTime;
import java.util.List;

/** A placed order, its lines merged per product and sorted by product id; {@code createdBy} a caller id or null. */
public record Order(long id, List<OrderLine> items, OffsetDateTime createdAt, String createdBy) {
}
