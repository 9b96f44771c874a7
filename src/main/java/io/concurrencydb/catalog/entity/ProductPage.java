package io.concurrencydb.catalog.entity;

import java.util.List;

/** One page of the catalogue, ordered by id, and how many products there are in all. */
public record ProductPage(List<Product> products, long total) {
}
