package io.concurrencydb.orders.entity;

/** A line the stock cannot cover. */
public record ShortLine(long productId, int requested, int available) {
}
