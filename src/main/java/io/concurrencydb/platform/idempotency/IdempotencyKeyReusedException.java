package io.concurrencydb.platform.idempotency;

import io.concurrencydb.platform.problem.Problem;
import io.concurrencydb.platform.problem.ProblemException;

/** An Idempotency-Key came back with a different body than the request that first used it. */
public class IdempotencyKeyReusedException extends ProblemException {

    public IdempotencyKeyReusedException() {
        super(Problem.of(Problem.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused",
                "this Idempotency-Key was used with a different body in the last 24 hours; "
                        + "use a new key for a new request"));
    }
}
