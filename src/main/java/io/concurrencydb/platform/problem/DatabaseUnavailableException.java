package io.concurrencydb.platform.problem;

import jakarta.ws.rs.core.Response.Status;

/** The database could not be reached, or gave no connection in time; the request may be retried. */
public class DatabaseUnavailableException extends ProblemException {

    public DatabaseUnavailableException(Throwable cause) {
        super(Problem.of(Status.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                "the database is unavailable; retry later").retryAfter(1), cause);
    }
}
