package io.concurrencydb.platform.problem;

import jakarta.ws.rs.core.Response.Status;

/**
 * The request's body stopped arriving: it was not complete within the body time limit, or the connection broke
 * while it was read. The connection is closed after the answer, since the rest of the body may still come.
 */
public class BodyNotReceivedException extends ProblemException {

    public BodyNotReceivedException(String detail) {
        super(Problem.of(Status.REQUEST_TIMEOUT, "request-timeout", "Request body not received", detail)
                .closeConnection());
    }
}
