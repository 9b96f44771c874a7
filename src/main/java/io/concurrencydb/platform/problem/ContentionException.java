package io.concurrencydb.platform.problem;

import jakarta.ws.rs.core.Response.Status;

/** Too many writers on the same rows: retries ran out, or a lock wait timed out. Nothing was changed. */
public class ContentionException extends ProblemException {

    public ContentionException(String detail) {
        super(Problem.of(Status.SERVICE_UNAVAILABLE, "contention", "Too much contention", detail).retryAfter(1));
    }
}
