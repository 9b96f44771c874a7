package io.concurrencydb.stock.entity;

import io.concurrencydb.catalog.entity.Product;

/** The product as an adjustment left it, and how many transactions it took. */
public record Adjusted(Product product, int attempts) {
}
