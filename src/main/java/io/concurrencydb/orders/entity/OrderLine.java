package io.concurrencydb.orders.entity;

/** A product and how many of it an order takes. */
public record OrderLine(long productId, int quantity) {
}
