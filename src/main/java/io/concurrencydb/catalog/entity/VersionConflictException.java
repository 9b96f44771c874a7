package io.concurrencydb.catalog.entity;

import io.concurrencydb.platform.problem.Problem;
import io.concurrencydb.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response.Status;

/** The body named a version that is no longer the stored one (rule H4); nothing was changed. */
public class VersionConflictException extends ProblemException {

    public VersionConflictException(long expectedVersion, long currentVersion) {
        super(Problem.of(Status.CONFLICT, "version-conflict", "Version conflict",
                        "the product is at version " + currentVersion + ", not " + expectedVersion
                                + "; read it again and reapply your change")
                .with("version", currentVersion));
    }
}
