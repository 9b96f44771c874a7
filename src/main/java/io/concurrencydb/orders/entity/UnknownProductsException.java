package io.concurrencydb.orders.entity;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** Lines name products that do not exist; nothing was taken. */
@ApplicationException(rollback = true)
public class UnknownProductsException extends RuntimeException {

    private final List<Long> productIds;

    public UnknownProductsException(List<Long> productIds) {
        super("no product has id " + productIds.stream().map(String::valueOf)
                .reduce((a, b) -> a + ", " + b).orElse("") + "; nothing was taken");
        this.productIds = List.copyOf(productIds);
    }

    public List<Long> productIds() {
        return productIds;
    }
}
