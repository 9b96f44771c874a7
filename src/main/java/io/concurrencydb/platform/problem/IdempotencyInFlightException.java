package io.concurrencydb.platform.problem;

import jakarta.ejb.ApplicationException;

/** Another request with the same Idempotency-Key is still running. */
@ApplicationException(rollback = true)
public class IdempotencyInFlightException extends RuntimeException {

    public IdempotencyInFlightException() {
        super("a request with this Idempotency-Key is still being processed; retry shortly to get its response");
    }
}
