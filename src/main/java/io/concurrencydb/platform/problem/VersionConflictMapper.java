package io.concurrencydb.platform.problem;

import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

@Provider
public class VersionConflictMapper extends ProblemMapper<VersionConflictException> {

    @Override
    protected Problem problem(VersionConflictException failure) {
        return Problem.of(Status.CONFLICT, "version-conflict", "Version conflict", failure.getMessage())
                .with("version", failure.currentVersion());
    }
}
