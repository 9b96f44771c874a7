package io.concurrencydb.changes.entity;

import io.concurrencydb.catalog.entity.Product;
import java.time.OffsetDateTime;

/** One committed change to a product: the product as it was after it, or null for a deletion. */
public record ProductEvent(long position, long productId, String kind, long version, String caller,
                           OffsetDateTime occurredAt, Product product) {
}
