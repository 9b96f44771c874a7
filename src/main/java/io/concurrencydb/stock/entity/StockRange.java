package io.concurrencydb.stock.entity;

import io.concurrencydb.catalog.entity.Product;

/** Rule S2: a stock stays within 0 to 2147483647; an adjustment that would leave that range changes nothing. */
public final class StockRange {

    private StockRange() {
    }

    /** The stock after adding {@code delta} to the product's; out of range, the failure that says which way. */
    public static int adjusted(Product current, int delta) {
        long next = (long) current.stockQuantity() + delta;
        if (next < 0) {
            throw new InsufficientStockException(delta, current.stockQuantity(), current.version());
        }
        if (next > Integer.MAX_VALUE) {
            throw new StockOutOfRangeException(delta, current.stockQuantity());
        }
        return (int) next;
    }
}
