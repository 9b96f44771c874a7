package io.concurrencydb.platform.problem;

import jakarta.ws.rs.ext.Provider;

@Provider
public class IdempotencyKeyReusedMapper extends ProblemMapper<IdempotencyKeyReusedException> {

    @Override
    protected Problem problem(IdempotencyKeyReusedException failure) {
        return Problem.of(Problem.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused",
                failure.getMessage());
    }
}
