package io.concurrencydb.changes.boundary;

import io.concurrencydb.platform.problem.Problem;
import io.concurrencydb.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response.Status;

/**
 * This instance already serves as many change-feed streams as it will (events.streams.max): each open stream
 * holds a connection, a sender while it is written to, and up to a socket's worth of buffers, so their number
 * is bounded like any other resource. The JSON pages of the same feed are still answered.
 */
public class TooManyStreamsException extends ProblemException {

    // streams end when their clients go, or 30 s after a client stops reading (the send limit)
    private static final int RETRY_AFTER_S = 10;

    public TooManyStreamsException(int max) {
        super(Problem.of(Status.SERVICE_UNAVAILABLE, "too-many-streams", "Too many streams",
                "this instance already serves " + max + " change-feed streams; retry later, or read the feed as JSON "
                        + "pages meanwhile (without Accept: text/event-stream)").retryAfter(RETRY_AFTER_S));
    }
}
