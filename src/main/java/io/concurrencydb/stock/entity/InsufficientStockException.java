package io.concurrencydb.stock.entity;

import jakarta.ejb.ApplicationException;

/** Taking the delta would leave the stock below zero; nothing was changed. */
@ApplicationException(rollback = true)
public class InsufficientStockException extends RuntimeException {

    private final int stockQuantity;
    private final long version;

    public InsufficientStockException(int delta, int stockQuantity, long version) {
        super("only " + stockQuantity + " in stock; cannot take " + -(long) delta);
        this.stockQuantity = stockQuantity;
        this.version = version;
    }

    public int stockQuantity() {
        return stockQuantity;
    }

    public long version() {
        return version;
    }
}
