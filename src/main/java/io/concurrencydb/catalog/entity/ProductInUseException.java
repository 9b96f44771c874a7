package io.concurrencydb.catalog.entity;

import io.concurrencydb.platform.problem.Problem;
import io.concurrencydb.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response.Status;

/** Orders refer to the product, so it cannot be deleted (rule O6); nothing was changed. */
public class ProductInUseException extends ProblemException {

    public ProductInUseException(long id) {
        super(Problem.of(Status.CONFLICT, "product-in-use", "Product in use",
                "orders refer to product " + id + ", so it cannot be deleted"));
    }
}
