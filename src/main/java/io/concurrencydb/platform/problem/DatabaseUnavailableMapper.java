package io.concurrencydb.platform.problem;

import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

@Provider
public class DatabaseUnavailableMapper extends ProblemMapper<DatabaseUnavailableException> {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class.getName());

    @Override
    protected Problem problem(DatabaseUnavailableException failure) {
        LOG.log(Level.WARNING, "database unavailable: {0}", String.valueOf(failure.getCause()));
        return Problem.of(Status.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                failure.getMessage()).retryAfter(1);
    }
}
