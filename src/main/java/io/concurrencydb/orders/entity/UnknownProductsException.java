package io.concurrencydb.orders.entity;

import io.concurrencydb.platform.json.JsonBuilders;
import io.concurrencydb.platform.problem.Problem;
import io.concurrencydb.platform.problem.ProblemException;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.stream.Collectors;

/** Lines name products that do not exist (rule O2); nothing was taken. */
public class UnknownProductsException extends ProblemException {

    public UnknownProductsException(List<Long> productIds) {
        super(Problem.of(Problem.UNPROCESSABLE_CONTENT, "unknown-product", "Unknown product",
                        "no product has id " + productIds.stream().map(String::valueOf).collect(Collectors.joining(", "))
                                + "; nothing was taken")
                .with("lines", productIds.stream()
                        .map(id -> JsonBuilders.FACTORY.createObjectBuilder().add("product_id", id))
                        .toArray(JsonObjectBuilder[]::new)));
    }
}
