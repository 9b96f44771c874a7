package io.concurrencydb.platform.problem;

import jakarta.ws.rs.core.Response.Status;

/** The request body is larger than the service accepts. */
public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(long limitBytes) {
        super(Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "Request body too large",
                "the request body is larger than " + limitBytes + " bytes"));
    }
}
