package io.concurrencydb.stock.entity;

import jakarta.ejb.ApplicationException;

/**
 * Another transaction changed the row between this one's read and write, or the database aborted this one to
 * keep transactions serializable. The attempt is rolled back and retried whole; clients never see this.
 */
@ApplicationException(rollback = true)
public class WriteConflictException extends RuntimeException {

    public WriteConflictException() {
        super("the row changed concurrently", null, false, false);
    }
}
