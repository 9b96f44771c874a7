package io.concurrencydb.platform.problem;

import jakarta.ejb.ApplicationException;

/** An Idempotency-Key came back with a different body than the request that first used it. */
@ApplicationException(rollback = true)
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("this Idempotency-Key was used with a different body in the last 24 hours; "
                + "use a new key for a new request");
    }
}
