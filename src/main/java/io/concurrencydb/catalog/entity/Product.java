package io.concurrencydb.catalog.entity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A product as stored. */
public record Product(
        long id,
        String name,
        String description,
        BigDecimal price,
        int stockQuantity,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
