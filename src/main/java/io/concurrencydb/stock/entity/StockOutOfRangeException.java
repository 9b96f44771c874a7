package io.concurrencydb.stock.entity;

import jakarta.ejb.ApplicationException;

/** Adding the delta would take the stock past 2147483647; nothing was changed. */
@ApplicationException(rollback = true)
public class StockOutOfRangeException extends RuntimeException {

    public StockOutOfRangeException(int delta, int stockQuantity) {
        super("the stock of " + stockQuantity + " plus " + delta + " would exceed 2147483647");
    }
}
