package io.concurrencydb.catalog.entity;

import java.math.BigDecimal;

/** The client-owned part of a product: what a create or a replace writes. Validated before it gets here. */
public record ProductDraft(String name, String description, BigDecimal price, int stockQuantity) {
}
