package io.concurrencydb.platform.problem;

import jakarta.ejb.ApplicationException;

/** If-Match named no version the product is at; nothing was changed. */
@ApplicationException(rollback = true)
public class PreconditionFailedException extends RuntimeException {

    private final long currentVersion;

    public PreconditionFailedException(long currentVersion) {
        super("If-Match does not name the current version " + currentVersion
                + "; read the product again and reapply your change");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
