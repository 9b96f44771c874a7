package io.concurrencydb.platform.problem;

import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

@Provider
public class MalformedBodyMapper extends ProblemMapper<MalformedBodyException> {

    @Override
    protected Problem problem(MalformedBodyException failure) {
        return Problem.of(Status.BAD_REQUEST, "malformed-body", "Malformed request body", failure.getMessage());
    }
}
