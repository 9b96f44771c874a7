package io.concurrencydb.platform.problem;

import io.concurrencydb.platform.http.EntityTags;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

@Provider
public class PreconditionFailedMapper extends ProblemMapper<PreconditionFailedException> {

    @Override
    protected Problem problem(PreconditionFailedException failure) {
        return Problem.of(Status.PRECONDITION_FAILED, "precondition-failed", "Precondition failed",
                failure.getMessage()).with("version", failure.currentVersion())
                .currentTag(EntityTags.of(failure.currentVersion()));
    }
}
