package io.concurrencydb.platform.problem;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers every {@link ProblemException} with the problem it carries, and fires it as a CDI event so that the
 * component that owns a kind can count it ({@code @Observes VersionConflictException}).
 */
@Provider
public class FailureMapper extends ProblemMapper<ProblemException> {

    private static final Logger LOG = Logger.getLogger(FailureMapper.class.getName());

    @Inject
    Event<ProblemException> answered;

    @Override
    protected Problem problem(ProblemException failure) {
        if (failure.getCause() != null) {
            LOG.log(Level.WARNING, "{0}: {1}", new Object[] {failure.problem().type(), failure.getCause()});
        }
        answered.fire(failure);
        return failure.problem();
    }
}
