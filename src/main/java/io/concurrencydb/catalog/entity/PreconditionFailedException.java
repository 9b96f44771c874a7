package io.concurrencydb.catalog.entity;

import io.concurrencydb.platform.http.EntityTags;
import io.concurrencydb.platform.problem.Problem;
import io.concurrencydb.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response.Status;

/** If-Match named no version the product is at (rule H3); nothing was changed. */
public class PreconditionFailedException extends ProblemException {

    public PreconditionFailedException(long currentVersion) {
        super(Problem.of(Status.PRECONDITION_FAILED, "precondition-failed", "Precondition failed",
                        "If-Match does not name the current version " + currentVersion
                                + "; read the product again and reapply your change")
                .with("version", currentVersion)
                .currentTag(EntityTags.header(currentVersion)));
    }
}
