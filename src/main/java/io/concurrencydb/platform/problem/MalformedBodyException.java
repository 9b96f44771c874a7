package io.concurrencydb.platform.problem;

import jakarta.ws.rs.core.Response.Status;

/** The request body is not a JSON object in UTF-8. */
public class MalformedBodyException extends ProblemException {

    public MalformedBodyException(String detail) {
        super(Problem.of(Status.BAD_REQUEST, "malformed-body", "Malformed request body", detail));
    }
}
