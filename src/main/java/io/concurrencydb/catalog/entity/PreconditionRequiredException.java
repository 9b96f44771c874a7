package io.concurrencydb.catalog.entity;

import io.concurrencydb.platform.problem.Problem;
import io.concurrencydb.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response.Status;

/** A replace or patch came without If-Match and without a body version (rule H4). */
public class PreconditionRequiredException extends ProblemException {

    public PreconditionRequiredException() {
        super(Problem.of(Status.PRECONDITION_REQUIRED, "precondition-required", "Precondition required",
                "send If-Match with the ETag you read (or *), or the version you read in the body"));
    }
}
