package io.concurrencydb.platform.replication;

import io.concurrencydb.platform.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Answers 503 commit-unconfirmed, in place of whatever the resource answered, for a request whose write
 * committed on the primary without a synchronous standby's confirmation: it would be lost if the primary
 * failed now, so it is not acknowledged. Runs before the other response filters (higher priority first), so
 * the metrics count the 503.
 */
@Provider
@Priority(Priorities.USER + 1000)
public class UnconfirmedCommitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(UnconfirmedCommitFilter.class.getName());
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    CommitGuard guard;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!READS.contains(request.getMethod())) {
            CommitOutcome.begin();
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (READS.contains(request.getMethod())) {
            // a read commits nothing; and an event stream's responses resume on other threads
            return;
        }
        String why = CommitOutcome.end();
        if (why == null) {
            return;
        }
        LOG.warning(() -> request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath()
                + " not confirmed: " + why);
        Response problem = Problem.of(Status.SERVICE_UNAVAILABLE, "commit-unconfirmed", "Write not confirmed",
                "the write was committed on the primary database, but no synchronous standby confirmed it within "
                        + guard.boundSeconds() + " s, so a failover could lose it; read the resource, or retry "
                        + "with the same Idempotency-Key, before writing again")
                .retryAfter(guard.boundSeconds())
                .toResponse(request);
        response.getHeaders().clear();
        response.getHeaders().putAll(problem.getMetadata());
        response.setStatusInfo(problem.getStatusInfo());
        response.setEntity(problem.getEntity(), new Annotation[0], problem.getMediaType());
    }
}
