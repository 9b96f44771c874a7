package io.concurrencydb.platform.problem;

import jakarta.ejb.ApplicationException;

/** Too many writers on the same rows: retries ran out, or a lock wait timed out. Nothing was changed. */
@ApplicationException(rollback = true)
public class ContentionException extends RuntimeException {

    public ContentionException(String message) {
        super(message);
    }
}
