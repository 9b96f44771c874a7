package io.concurrencydb.platform.problem;

import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

@Provider
public class PreconditionRequiredMapper extends ProblemMapper<PreconditionRequiredException> {

    @Override
    protected Problem problem(PreconditionRequiredException failure) {
        return Problem.of(Status.PRECONDITION_REQUIRED, "precondition-required", "Precondition required",
                failure.getMessage());
    }
}
