package io.concurrencydb.platform.metrics;

import io.concurrencydb.platform.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Times every API request per endpoint (named by EndpointNames), method and status, and counts every problem
 * answered by type. Business outcomes are counted by the component they belong to (CatalogCounters,
 * StockCounters, OrderCounters). As a response filter of the default priority it runs after
 * UnconfirmedCommitFilter, which may answer a problem.
 */
@Provider
@PreMatching
public class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = RequestMetricsFilter.class.getName() + ".started";
    private static final Set<String> STANDARD_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

    @Inject
    ServiceMetrics metrics;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        String endpoint = request.getProperty(EndpointNames.PROPERTY) instanceof String name ? name : "unmatched";
        String status = Integer.toString(response.getStatus());
        if (started instanceof Long nanos) {
            metrics.time("http_requests", "API requests by method, endpoint and status", System.nanoTime() - nanos,
                    "method", method(request), "endpoint", endpoint, "status", status);
        }
        if (request.getProperty(Problem.ANSWERED) instanceof String problem) {
            metrics.count("problems", "Problem details answered, by type and status", "type", problem,
                    "status", status);
        }
    }

    /**
     * The request's method, or "other" for one HTTP does not define: a client chooses the method name, and
     * every new name would otherwise be a new series kept until the server stops.
     */
    private static String method(ContainerRequestContext request) {
        String method = request.getMethod();
        return STANDARD_METHODS.contains(method) ? method : "other";
    }
}
