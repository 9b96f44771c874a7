package io.concurrencydb.platform.problem;

import jakarta.ejb.ApplicationException;

/** The client wrote against a version that is no longer the stored one; nothing was changed. */
@ApplicationException(rollback = true)
public class VersionConflictException extends RuntimeException {

    private final long currentVersion;

    public VersionConflictException(long expectedVersion, long currentVersion) {
        super("the product is at version " + currentVersion + ", not " + expectedVersion
                + "; read it again and reapply your change");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
