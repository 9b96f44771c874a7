package io.concurrencydb.catalog.entity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A product as stored; {@code createdBy} and {@code updatedBy} are caller ids, null where no token was needed. */
public record Product(
        long id,
        String name,
        String description,
        BigDecimal price,
        int stockQuantity,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String createdBy,
        String updatedBy) {

    /** The client-owned part, as a replace would write it. */
    public ProductDraft draft() {
        return new ProductDraft(name, description, price, stockQuantity);
    }
}
