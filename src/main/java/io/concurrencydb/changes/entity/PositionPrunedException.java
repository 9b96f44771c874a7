package io.concurrencydb.changes.entity;

import jakarta.ejb.ApplicationException;

/** The events after a position were pruned for age: the client has missed some and must resynchronise. */
@ApplicationException(rollback = true)
public class PositionPrunedException extends RuntimeException {

    private final long oldest;

    public PositionPrunedException(long asked, long oldest) {
        super("the events after position " + asked + " were pruned; read the collection again, then follow the "
                + "feed from position " + oldest);
        this.oldest = oldest;
    }

    /** The earliest position a client can resume from. */
    public long oldest() {
        return oldest;
    }
}
