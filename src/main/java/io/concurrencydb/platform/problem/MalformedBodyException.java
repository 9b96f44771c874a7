package io.concurrencydb.platform.problem;

import jakarta.ejb.ApplicationException;

/** The request body is not a JSON object in UTF-8. */
@ApplicationException(rollback = true)
public class MalformedBodyException extends RuntimeException {

    public MalformedBodyException(String message) {
        super(message);
    }
}
