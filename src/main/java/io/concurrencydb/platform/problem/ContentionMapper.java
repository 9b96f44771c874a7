package io.concurrencydb.platform.problem;

import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ContentionMapper extends ProblemMapper<ContentionException> {

    @Override
    protected Problem problem(ContentionException failure) {
        return Problem.of(Status.SERVICE_UNAVAILABLE, "contention", "Too much contention", failure.getMessage())
                .retryAfter(1);
    }
}
