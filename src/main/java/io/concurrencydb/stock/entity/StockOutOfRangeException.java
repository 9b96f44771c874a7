package io.concurrencydb.stock.entity;

import io.concurrencydb.platform.problem.Problem;
import io.concurrencydb.platform.problem.ProblemException;

/** Adding the delta would take the stock past 2147483647 (rule S2); nothing was changed. */
public class StockOutOfRangeException extends ProblemException {

    public StockOutOfRangeException(int delta, int stockQuantity) {
        super(Problem.of(Problem.UNPROCESSABLE_CONTENT, "stock-out-of-range", "Stock out of range",
                "the stock of " + stockQuantity + " plus " + delta + " would exceed 2147483647"));
    }
}
