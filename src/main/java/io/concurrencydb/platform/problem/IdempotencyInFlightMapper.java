package io.concurrencydb.platform.problem;

import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

@Provider
public class IdempotencyInFlightMapper extends ProblemMapper<IdempotencyInFlightException> {

    @Override
    protected Problem problem(IdempotencyInFlightException failure) {
        return Problem.of(Status.CONFLICT, "idempotency-in-flight", "Request in progress", failure.getMessage())
                .retryAfter(1);
    }
}
