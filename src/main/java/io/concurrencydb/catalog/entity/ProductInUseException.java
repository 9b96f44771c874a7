package io.concurrencydb.catalog.entity;

import jakarta.ejb.ApplicationException;

/** Orders refer to the product, so it cannot be deleted; nothing was changed. */
@ApplicationException(rollback = true)
public class ProductInUseException extends RuntimeException {

    public ProductInUseException(long id) {
        super("orders refer to product " + id + ", so it cannot be deleted");
    }
}
