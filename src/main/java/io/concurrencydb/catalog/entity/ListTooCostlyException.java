package io.concurrencydb.catalog.entity;

import io.concurrencydb.platform.problem.Problem;
import io.concurrencydb.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response.Status;

/**
 * A filtered list took the database longer than its bound (DB_SEARCH_TIMEOUT_MS) and was cancelled: no request
 * may hold the database for seconds. The same request may succeed when the database is less busy; a narrower
 * filter costs less.
 */
public class ListTooCostlyException extends ProblemException {

    public ListTooCostlyException(int boundMs) {
        super(Problem.of(Status.SERVICE_UNAVAILABLE, "list-too-costly", "List too costly",
                "this filter and sort took the database more than " + boundMs + " ms and were cancelled; narrow "
                        + "the filter (a longer name, a price range) or retry later").retryAfter(5));
    }
}
