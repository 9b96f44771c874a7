package io.concurrencydb.platform.problem;

import io.concurrencydb.platform.json.JsonBuilders;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

@Provider
public class InvalidInputMapper extends ProblemMapper<InvalidInputException> {

    @Override
    protected Problem problem(InvalidInputException failure) {
        JsonObjectBuilder[] errors = failure.errors().stream()
                .map(e -> JsonBuilders.FACTORY.createObjectBuilder().add("field", e.field()).add("message", e.message()))
                .toArray(JsonObjectBuilder[]::new);
        return Problem.of(Status.BAD_REQUEST, "validation", "Invalid input", failure.getMessage())
                .with("errors", errors);
    }
}
