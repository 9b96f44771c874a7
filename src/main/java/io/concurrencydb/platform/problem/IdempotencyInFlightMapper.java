package io.concurrencydb.platform.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

@Provider
public class IdempotencyInFlightMapper extends ProblemMapper<IdempotencyInFlightException> {

    @Override
    protected Problem problem(IdempotencyInFlightException failure) {
        return Problem.of(Status.CONFLICT, "idempotency-in-flight", "Request in progress", failure.getMessage());
    }

    @Override
    public Response toResponse(IdempotencyInFlightException failure) {
        return Response.fromResponse(super.toResponse(failure)).header(HttpHeaders.RETRY_AFTER, "1").build();
    }
}
