package io.concurrencydb.orders.boundary;

import io.concurrencydb.orders.entity.StockShortException;
import io.concurrencydb.platform.json.JsonBuilders;
import io.concurrencydb.platform.problem.Problem;
import io.concurrencydb.platform.problem.ProblemMapper;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

@Provider
public class StockShortMapper extends ProblemMapper<StockShortException> {

    @Override
    protected Problem problem(StockShortException failure) {
        JsonObjectBuilder[] lines = failure.lines().stream()
                .map(line -> JsonBuilders.FACTORY.createObjectBuilder()
                        .add("product_id", line.productId())
                        .add("requested", line.requested())
                        .add("stock_quantity", line.available()))
                .toArray(JsonObjectBuilder[]::new);
        return Problem.of(Status.CONFLICT, "insufficient-stock", "Insufficient stock", failure.getMessage())
                .with("lines", lines);
    }
}
