package io.concurrencydb.platform.problem;

import io.concurrencydb.platform.json.JsonBuilders;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/** The request is well-formed but breaks one or more rules of the API; each broken rule is one of "errors". */
public class InvalidInputException extends ProblemException {

    public InvalidInputException(List<FieldError> errors) {
        super(Problem.of(Status.BAD_REQUEST, "validation", "Invalid input",
                        errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                                : errors.size() + " fields are invalid")
                .with("errors", errors.stream()
                        .map(e -> JsonBuilders.FACTORY.createObjectBuilder()
                                .add("field", e.field()).add("message", e.message()))
                        .toArray(JsonObjectBuilder[]::new)));
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }
}
