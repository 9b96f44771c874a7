package io.concurrencydb.changes.entity;

import io.concurrencydb.platform.problem.Problem;
import io.concurrencydb.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response.Status;

/** The events after a position were pruned for age: the client has missed some and must resynchronise (E3). */
public class PositionPrunedException extends ProblemException {

    /** {@code oldest} is the earliest position a client can resume from. */
    public PositionPrunedException(long asked, long oldest) {
        super(Problem.of(Status.GONE, "events-pruned", "Events pruned",
                        "the events after position " + asked + " were pruned; read the collection again, then "
                                + "follow the feed from position " + oldest)
                .with("oldest_position", oldest));
    }
}
