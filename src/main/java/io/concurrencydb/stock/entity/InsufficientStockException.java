package io.concurrencydb.stock.entity;

import io.concurrencydb.platform.problem.Problem;
import io.concurrencydb.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response.Status;

/** Taking the delta would leave the stock below zero (rule S2); nothing was changed. */
public class InsufficientStockException extends ProblemException {

    /** The problem's kind and title, which an order short of stock shares (rule O3). */
    public static final String KIND = "insufficient-stock";
    public static final String TITLE = "Insufficient stock";

    public InsufficientStockException(int delta, int stockQuantity, long version) {
        super(Problem.of(Status.CONFLICT, KIND, TITLE, "only " + stockQuantity + " in stock; cannot take " + -(long) delta)
                .with("stock_quantity", stockQuantity)
                .with("version", version));
    }
}
