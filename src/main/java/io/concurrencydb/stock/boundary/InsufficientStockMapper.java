package io.concurrencydb.stock.boundary;

import io.concurrencydb.platform.problem.Problem;
import io.concurrencydb.platform.problem.ProblemMapper;
import io.concurrencydb.stock.entity.InsufficientStockException;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

@Provider
public class InsufficientStockMapper extends ProblemMapper<InsufficientStockException> {

    @Override
    protected Problem problem(InsufficientStockException failure) {
        return Problem.of(Status.CONFLICT, "insufficient-stock", "Insufficient stock", failure.getMessage())
                .with("stock_quantity", failure.stockQuantity())
                .with("version", failure.version());
    }
}
