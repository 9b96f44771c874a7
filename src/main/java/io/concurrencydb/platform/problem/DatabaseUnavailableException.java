package io.concurrencydb.platform.problem;

import jakarta.ejb.ApplicationException;

/** The database could not be reached, or gave no connection in time; the request may be retried. */
@ApplicationException(rollback = true)
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(Throwable cause) {
        super("the database is unavailable; retry later", cause);
    }
}
