package io.concurrencydb.catalog.entity;

import java.math.BigDecimal;

/**
 * Which products a list shows; a null member does not filter. {@code name} matches case-insensitively anywhere
 * in the name (at least 3 characters, so that the trigram index can serve it).
 */
public record ProductFilter(String name, BigDecimal minPrice, BigDecimal maxPrice, Boolean inStock) {

    public static final ProductFilter NONE = new ProductFilter(null, null, null, null);

    public static final int NAME_MIN = 3;

    public boolean none() {
        return name == null && minPrice == null && maxPrice == null && inStock == null;
    }
}
