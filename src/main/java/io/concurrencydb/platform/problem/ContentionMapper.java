package io.concurrencydb.platform.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ContentionMapper extends ProblemMapper<ContentionException> {

    @Override
    protected Problem problem(ContentionException failure) {
        return Problem.of(Status.SERVICE_UNAVAILABLE, "contention", "Too much contention", failure.getMessage());
    }

    @Override
    public Response toResponse(ContentionException failure) {
        return Response.fromResponse(super.toResponse(failure)).header(HttpHeaders.RETRY_AFTER, "1").build();
    }
}
