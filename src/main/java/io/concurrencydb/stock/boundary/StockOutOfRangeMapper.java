package io.concurrencydb.stock.boundary;

import io.concurrencydb.platform.problem.Problem;
import io.concurrencydb.platform.problem.ProblemMapper;
import io.concurrencydb.stock.entity.StockOutOfRangeException;
import jakarta.ws.rs.ext.Provider;

@Provider
public class StockOutOfRangeMapper extends ProblemMapper<StockOutOfRangeException> {

    @Override
    protected Problem problem(StockOutOfRangeException failure) {
        return Problem.of(Problem.UNPROCESSABLE_CONTENT, "stock-out-of-range", "Stock out of range",
                failure.getMessage());
    }
}
