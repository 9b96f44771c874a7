package io.concurrencydb.platform.problem;

import io.concurrencydb.platform.data.Sql;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response.Status;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The problem for a failure caught outside Jakarta REST, where no exception mapper runs: the same answers the
 * mappers give (a {@link ProblemException}'s own problem, 503 for a lost database connection, else a 500 that
 * names an incident logged with the details).
 */
public final class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class.getName());

    private Failures() {
    }

    public static Problem problem(Throwable failure) {
        if (failure instanceof ProblemException known) {
            return known.problem();
        }
        if (failure instanceof EJBException && failure.getCause() != null) {
            return problem(failure.getCause());
        }
        if (Sql.isConnectionFailure(failure)) {
            return new DatabaseUnavailableException(failure).problem();
        }
        return incident(failure);
    }

    /** A 500 whose body names an incident id and nothing else; the details go to the log under that id. */
    public static Problem incident(Throwable failure) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident, failure);
        return Problem.of(Status.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the service failed unexpectedly; report incident " + incident);
    }
}
