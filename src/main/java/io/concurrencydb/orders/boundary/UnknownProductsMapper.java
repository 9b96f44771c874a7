package io.concurrencydb.orders.boundary;

import io.concurrencydb.orders.entity.UnknownProductsException;
import io.concurrencydb.platform.json.JsonBuilders;
import io.concurrencydb.platform.problem.Problem;
import io.concurrencydb.platform.problem.ProblemMapper;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.ext.Provider;

@Provider
public class UnknownProductsMapper extends ProblemMapper<UnknownProductsException> {

    @Override
    protected Problem problem(UnknownProductsException failure) {
        JsonObjectBuilder[] lines = failure.productIds().stream()
                .map(id -> JsonBuilders.FACTORY.createObjectBuilder().add("product_id", id))
                .toArray(JsonObjectBuilder[]::new);
        return Problem.of(Problem.UNPROCESSABLE_CONTENT, "unknown-product", "Unknown product", failure.getMessage())
                .with("lines", lines);
    }
}
