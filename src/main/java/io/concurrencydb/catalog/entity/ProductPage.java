package io.concurrencydb.catalog.entity;

import java.util.List;

/**
 * One page of the catalogue in the order asked for; {@code total} is how many products there are in all (null
 * when the client declined it, or when a filter is applied), {@code next} the cursor of the following page
 * (null on the last).
 */
public record ProductPage(List<Product> products, Long total, Cursor next) {
}
