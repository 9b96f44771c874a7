package io.concurrencydb.platform.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

@Provider
public class DatabaseUnavailableMapper extends ProblemMapper<DatabaseUnavailableException> {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class.getName());
    private static final String RETRY_AFTER_SECONDS = "1";

    @Override
    protected Problem problem(DatabaseUnavailableException failure) {
        return Problem.of(Status.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                failure.getMessage());
    }

    @Override
    public Response toResponse(DatabaseUnavailableException failure) {
        LOG.log(Level.WARNING, "database unavailable: {0}", String.valueOf(failure.getCause()));
        return Response.fromResponse(super.toResponse(failure))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }
}
