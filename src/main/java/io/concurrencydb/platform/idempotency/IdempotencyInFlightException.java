package io.concurrencydb.platform.idempotency;

import io.concurrencydb.platform.problem.Problem;
import io.concurrencydb.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response.Status;

/** Another request with the same Idempotency-Key is still running. */
public class IdempotencyInFlightException extends ProblemException {

    public IdempotencyInFlightException() {
        super(Problem.of(Status.CONFLICT, "idempotency-in-flight", "Request in progress",
                "a request with this Idempotency-Key is still being processed; retry shortly to get its response")
                .retryAfter(1));
    }
}
